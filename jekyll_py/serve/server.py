"""The HTTP server of `jekyll-py serve`: the destination folder served under the base URL, as
Jekyll's WEBrick servlet serves it (folder and pretty-URL rules in files.py), with the site's
404.html for missing pages, no caching, and the live reload snippet in HTML pages."""
from __future__ import annotations

import html
import os
import socket
import sys
import time
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote, urlsplit

from jekyll_py import __version__
from jekyll_py.log import NORMAL, logger
from jekyll_py.serve import files, livereload_client
from jekyll_py.serve.mime import content_type

# Jekyll's serve sends this on every page so a browser never shows a stale one.
NO_CACHE = "private, max-age=0, proxy-revalidate, no-store, no-cache, must-revalidate"


@dataclass
class ServedSite:
    """What the handler needs to know about the site it serves."""
    root: str                              # the destination folder
    baseurl: str = ""                      # "" or "/blog" (no trailing slash)
    encoding: str = "utf-8"
    headers: dict = field(default_factory=dict)   # sent with every file (webrick: headers:)
    directory_index: bool = True           # False with show_dir_listing
    livereload_snippet: str | None = None  # put into HTML pages when live reload is on


class SiteRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = f"jekyll-py/{__version__}"

    @property
    def site(self) -> ServedSite:
        return self.server.site

    def do_GET(self):  # noqa: N802 - the name http.server dispatches to
        self._respond(send_body=True)

    def do_HEAD(self):  # noqa: N802
        self._respond(send_body=False)

    def log_message(self, format, *args):  # noqa: A002 - no access log, as in Jekyll
        pass

    # -- answering ---------------------------------------------------------------------
    def _respond(self, send_body: bool) -> None:
        self._wait_for_root()
        url_path = urlsplit(self.path).path
        path = unquote(url_path, errors="surrogateescape")
        path_info = self._below_baseurl(path)
        found = files.resolve(self.site.root, path_info, directory_index=self.site.directory_index) \
            if path_info is not None else files.Resolution("missing")
        if found.kind == "file":
            self._send_file(found.path, send_body)
        elif found.kind == "redirect":
            query = urlsplit(self.path).query
            location = url_path + "/" + ("?" + query if query else "")
            host = self.headers.get("Host")
            body = f'<HTML><A HREF="{html.escape(location)}">{html.escape(location)}</A>.</HTML>\n'
            self._send(301, body.encode("utf-8"),
                       {"Location": f"http://{host}{location}" if host else location,
                        "Content-Type": "text/html; charset=utf-8"}, send_body)
        elif found.kind == "bad":
            self._send(400, b"Bad Request\n", {"Content-Type": "text/plain; charset=utf-8"},
                       send_body)
        elif found.kind == "listing":
            self._send_listing(found.path, path, send_body)
        else:
            self._send_not_found(path, send_body)

    def _wait_for_root(self) -> None:
        # A rebuild swaps the new destination in with two renames; a request arriving in
        # between waits for the new folder rather than getting a 404.
        for _ in range(40):
            if os.path.isdir(self.site.root):
                return
            time.sleep(0.025)

    def _below_baseurl(self, path: str) -> str | None:
        baseurl = self.site.baseurl
        if not baseurl:
            return path
        # Jekyll's server answers the base URL itself without its slash (/blog) with a 404.
        if path.startswith(baseurl + "/"):
            return path[len(baseurl):]
        return None

    def _send_file(self, path: str, send_body: bool) -> None:
        try:
            with open(path, "rb") as handle:
                body = handle.read()
            stat = os.stat(path)
        except OSError:
            self._send_not_found(self.path, send_body)
            return
        kind = content_type(path, self.site.encoding)
        headers = {"Content-Type": kind,
                   "Last-Modified": formatdate(stat.st_mtime, usegmt=True),
                   "ETag": f'"{stat.st_ino:x}-{stat.st_size:x}-{stat.st_mtime_ns:x}"'}
        if self._not_modified(headers["ETag"], stat.st_mtime):
            self._send(304, b"", {**headers, **self._extra_headers()}, False)
            return
        body, injected = self._with_livereload(body, kind)
        if injected:
            headers["X-Rack-LiveReload"] = "1"
        status = 200
        byte_range = self._requested_range(len(body)) if not injected else None
        if byte_range is not None:
            start, end = byte_range
            headers["Content-Range"] = f"bytes {start}-{end}/{len(body)}"
            body = body[start:end + 1]
            status = 206
        headers.update(self._extra_headers())
        self._send(status, body, headers, send_body)

    def _extra_headers(self) -> dict:
        headers = {"Cache-Control": NO_CACHE}
        headers.update(self.site.headers)
        return headers

    def _not_modified(self, etag: str, mtime: float) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return etag in [tag.strip() for tag in if_none_match.split(",")] or \
                if_none_match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(mtime) <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def _requested_range(self, size: int) -> tuple[int, int] | None:
        """One `bytes=a-b` range (video players ask for them), or None for the whole file."""
        header = self.headers.get("Range", "")
        if not header.startswith("bytes=") or "," in header or size == 0:
            return None
        first, _, last = header[len("bytes="):].strip().partition("-")
        try:
            if first:
                start, end = int(first), int(last) if last else size - 1
            else:
                start, end = max(size - int(last), 0), size - 1
        except ValueError:
            return None
        if start > end or start >= size:
            return None
        return start, min(end, size - 1)

    def _with_livereload(self, body: bytes, kind: str) -> tuple[bytes, bool]:
        snippet = self.site.livereload_snippet
        if snippet is None or not kind.startswith("text/html") \
                or "MSIE" in self.headers.get("User-Agent", ""):
            return body, False
        injected = livereload_client.inject(body, snippet)
        return (body, False) if injected is None else (injected, True)

    def _send_listing(self, folder: str, path: str, send_body: bool) -> None:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            self._send_not_found(path, send_body)
            return
        rows = []
        for name in names:
            if any(name.startswith(prefix) for prefix in (".ht", "~")):
                continue
            shown = name + "/" if os.path.isdir(os.path.join(folder, name)) else name
            rows.append(f'<li><a href="{quote(shown)}">{html.escape(shown)}</a></li>')
        title = html.escape(f"Index of {path}")
        page = (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title>"
                f"</head><body><h1>{title}</h1><ul>{''.join(rows)}</ul></body></html>\n")
        kind = "text/html; charset=utf-8"
        body, _ = self._with_livereload(page.encode("utf-8"), kind)
        self._send(200, body, {"Content-Type": kind, **self._extra_headers()}, send_body)

    def _send_not_found(self, path: str, send_body: bool) -> None:
        if logger.level >= NORMAL:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            print(f"[{stamp}] ERROR `{path}' not found.", flush=True)
        page_path = os.path.join(self.site.root, "404.html")
        try:
            with open(page_path, "rb") as handle:
                body = handle.read()
        except OSError:
            body = (f"<!DOCTYPE html>\n<html><head><title>Not Found</title></head><body>"
                    f"<h1>Not Found</h1><p>`{html.escape(path)}' not found.</p></body></html>\n"
                    ).encode("utf-8")
        kind = "text/html; charset=UTF-8"
        body, _ = self._with_livereload(body, kind)
        self._send(404, body, {"Content-Type": kind}, send_body)

    def _send(self, status: int, body: bytes, headers: dict, send_body: bool) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, str(value))
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and status != 304:
            self.wfile.write(body)


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str, port: int, site: ServedSite):
        self.site = site
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), SiteRequestHandler)

    def handle_error(self, request, client_address):
        # A browser closing the connection mid-answer is not an error worth a traceback.
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)
