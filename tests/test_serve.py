"""`jekyll-py serve`: a tiny site built, served on a free loopback port, and looked at over HTTP,
through a websocket, and in headless Chromium.

The server runs as a real command in a subprocess (stopped with ctrl-c, SIGINT, at the end of
each test). The expectations are Jekyll's: with JEKYLL_PY_TEST_REFERENCE=1 the same tests run
against the reference `jekyll serve` (Debian's Jekyll 4.3.1), which is how they were checked.

The browser test needs Debian's `chromium` and the `playwright` package, as tests/test_homepage.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
USE_REFERENCE = os.environ.get("JEKYLL_PY_TEST_REFERENCE") == "1"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

LAYOUT = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ page.title }}</title>
<link rel="stylesheet" href="{{ '/style.css' | relative_url }}"></head>
<body>{{ content }}<footer>{{ site.url }}</footer></body></html>
"""

SITE_FILES = {
    "_layouts/default.html": LAYOUT,
    "index.md": "---\nlayout: default\ntitle: Home\n---\nWelcome home.\n",
    "about.md": "---\nlayout: default\ntitle: About\npermalink: /about.html\n---\nAbout version one.\n",
    "docs/index.md": "---\nlayout: default\ntitle: Docs\n---\nThe docs.\n",
    "404.md": "---\nlayout: default\ntitle: Lost\npermalink: /404.html\n---\nNothing here, sorry.\n",
    "style.css": "body { color: black; }\n",
    "notes/todo.md": "---\n---\nnot part of the site\n",
    "_config.yml": "title: Serve test\nexclude: [notes]\nwebrick:\n  headers:\n    X-Served-By: serve test\n",
}

WAIT = 10  # seconds a change may take to show


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def site(tmp_path) -> Path:
    source = tmp_path / "src"
    for relative, text in SITE_FILES.items():
        _write(source / relative, text)
    return source


class Server:
    """`serve` running in a subprocess; its log lines collected as they come."""

    def __init__(self, source: Path, *args: str):
        self.source = source
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        if USE_REFERENCE:
            command = ["env", "-u", "JEKYLL_ENV", "jekyll", "serve", "--disable-disk-cache"]
        else:
            command = [sys.executable, "-m", "jekyll_py", "serve"]
        command += ["-s", str(source), "-d", str(source / "_site"), "-P", str(self.port), *args]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "JEKYLL_NO_BUNDLER_REQUIRE": "true"}
        env.pop("JEKYLL_ENV", None)
        self.process = subprocess.Popen(command, cwd=source, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self._new_lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        try:
            self.wait_for_log("Server running...")
        except BaseException:
            self.stop()
            raise

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            self._new_lines.put(line)

    def wait_for_log(self, text: str, timeout: float = 20, count: int = 1) -> None:
        deadline = time.monotonic() + timeout
        while sum(text in line for line in self.lines) < count:
            if self.process.poll() is not None and self._new_lines.empty():
                pytest.fail(f"serve stopped (status {self.process.returncode}):\n" + self.log)
            if time.monotonic() > deadline:
                pytest.fail(f"no {text!r} in the log after {timeout} s:\n" + self.log)
            try:
                self._new_lines.get(timeout=0.1)
            except queue.Empty:
                pass

    @property
    def log(self) -> str:
        return "\n".join(self.lines)

    def get(self, path: str, headers: dict | None = None):
        """(status, headers, body) of a GET, redirects not followed."""
        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        request = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with opener.open(request, timeout=10) as response:
                return response.status, response.headers, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8")

    def wait_for_page(self, path: str, text: str) -> str:
        deadline = time.monotonic() + WAIT
        while True:
            _, _, body = self.get(path)
            if text in body:
                return body
            if time.monotonic() > deadline:
                pytest.fail(f"{path} never showed {text!r}; last body:\n{body}\nlog:\n{self.log}")
            time.sleep(0.1)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@pytest.fixture
def serve():
    started = []

    def start(source: Path, *args: str) -> Server:
        server = Server(source, *args)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


# --- serving ------------------------------------------------------------------------------------

def test_serves_the_site_by_jekyll_rules(site, serve):
    server = serve(site)
    assert f"Server address: http://127.0.0.1:{server.port}" in server.log
    assert "Server running... press ctrl-c to stop." in server.log
    assert f"Auto-regeneration: enabled for '{site}'" in server.log

    status, headers, body = server.get("/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "no-store" in headers["Cache-Control"] and "no-cache" in headers["Cache-Control"]
    assert headers["X-Served-By"] == "serve test"          # webrick: headers: in _config.yml
    assert "Welcome home." in body
    # In development, site.url is the server's own address.
    assert f"<footer>http://localhost:{server.port}</footer>" in body

    status, _, body = server.get("/about")          # /about is about.html
    assert status == 200 and "About version one." in body
    status, headers, _ = server.get("/docs")        # a folder without its slash
    assert status == 301 and headers["Location"].endswith("/docs/")
    status, _, body = server.get("/docs/")          # a folder is its index.html
    assert status == 200 and "The docs." in body

    status, headers, body = server.get("/no/such/page")
    assert status == 404
    # (Jekyll's server sends a second Content-Type, ISO-8859-1, before this one.)
    assert "text/html; charset=utf-8" in [kind.lower() for kind in headers.get_all("Content-Type")]
    assert "Nothing here, sorry." in body             # the site's own 404.html

    status, headers, body = server.get("/style.css")
    assert status == 200 and headers["Content-Type"] == "text/css; charset=utf-8"
    assert body == SITE_FILES["style.css"]
    assert "X-Rack-LiveReload" not in server.get("/")[1]   # no live reload unless asked

    assert server.stop() == 0


def test_serves_under_the_base_url(site, serve):
    server = serve(site, "--baseurl", "/blog")
    assert f"Server address: http://127.0.0.1:{server.port}/blog/" in server.log
    status, _, body = server.get("/blog/")
    assert status == 200 and "Welcome home." in body and 'href="/blog/style.css"' in body
    assert server.get("/blog/about")[0] == 200
    status, _, body = server.get("/blog")          # the base URL without its slash
    assert status == 404 and "Nothing here, sorry." in body
    status, headers, _ = server.get("/blog/docs")
    assert status == 301 and headers["Location"] == server.base + "/blog/docs/"
    status, _, body = server.get("/")                 # outside the base URL
    assert status == 404 and "Nothing here, sorry." in body


# Which file answers which URL, with its status and content type (checked against the
# reference: JEKYLL_PY_TEST_REFERENCE=1).
STATIC_FILES = {
    "index.html": "root index", "about.html": "about.html", "about/index.html": "about folder",
    "docs.html": "docs.html", "docs/a.txt": "a text", "plainfile": "plain",
    ".htaccess": "secret", "~tilde.txt": "tilde", "café.html": "cafe", "xpage.xhtml": "xhtml page",
    "data.json": "{}", "feed.xml": "<rss/>", "app.js": "var a", "notes.md2": "notes",
    "empty/a.txt": "a",
}
URL_RULES = [
    # (path, status, content type or None, body start or None)
    ("/about", 301, None, None),                     # a folder wins over about.html
    ("/about/", 200, "text/html; charset=utf-8", "about folder"),
    ("/docs/", 200, "text/html; charset=utf-8", "docs.html"),   # no index: the sibling .html
    ("/index", 200, "text/html; charset=utf-8", "root index"),
    ("/caf%C3%A9", 200, "text/html; charset=utf-8", "cafe"),
    ("/xpage", 200, "application/xhtml+xml", "xhtml page"),
    ("/plainfile", 200, "application/octet-stream", "plain"),
    ("/notes.md2", 200, "application/octet-stream", "notes"),
    ("/data.json", 200, "application/json; charset=utf-8", "{}"),
    ("/feed.xml", 200, "application/xml", "<rss/>"),
    ("/app.js", 200, "application/javascript; charset=utf-8", "var a"),
    ("/docs/a.txt/extra", 200, "text/plain; charset=utf-8", "a text"),
    ("/feed", 404, None, None),                       # only .html and .xhtml are implied
    ("/.htaccess", 404, None, None),                  # never served
    ("/~tilde.txt", 404, None, None),
    ("/empty/", 200, None, None),                     # a listing of the folder
    ("/../etc/passwd", 400, None, None),
]


def test_url_rules(tmp_path, serve):
    source = tmp_path / "static"
    for relative, text in STATIC_FILES.items():
        _write(source / relative, text + "\n")
    server = serve(source)
    for path, status, kind, body_start in URL_RULES:
        got_status, headers, body = server.get(path)
        assert got_status == status, path
        if kind is not None:
            assert headers["Content-Type"] == kind, path
        if body_start is not None:
            assert body.startswith(body_start), path
    assert "a.txt" in server.get("/empty/")[2]
    # A range of a file (video players ask for them).
    status, headers, body = server.get("/about.html", headers={"Range": "bytes=2-5"})
    assert status == 206 and body == "out." and headers["Content-Range"] == "bytes 2-5/11"


# --- watching -----------------------------------------------------------------------------------

def test_rebuilds_after_a_change_and_keeps_serving_after_a_failure(site, serve):
    server = serve(site)
    _write(site / "about.md", SITE_FILES["about.md"].replace("version one", "version two"))
    server.wait_for_page("/about", "About version two.")
    server.wait_for_log("Regenerating: 1 file(s) changed at")
    assert re.search(r"^\s+about\.md$", server.log, re.MULTILINE)
    server.wait_for_log("...done in")

    # A broken page: the error in one line, and the previous site still served.
    _write(site / "about.md", SITE_FILES["about.md"].replace("version one", "{% if %}"))
    server.wait_for_log("Error:")
    assert "Liquid" in [line for line in server.lines if "Error:" in line][0]
    status, _, body = server.get("/about")
    assert status == 200 and "About version two." in body

    # Fixed again: rebuilt.
    _write(site / "about.md", SITE_FILES["about.md"].replace("version one", "version three"))
    server.wait_for_page("/about", "About version three.")
    # A new folder is watched too.
    _write(site / "guide" / "index.md", "---\nlayout: default\n---\nThe guide.\n")
    server.wait_for_page("/guide/", "The guide.")
    _write(site / "guide" / "index.md", "---\nlayout: default\n---\nThe new guide.\n")
    server.wait_for_page("/guide/", "The new guide.")
    rebuilds = sum("Regenerating:" in line for line in server.lines)

    # Changes in excluded paths and in the destination do not rebuild.
    _write(site / "notes" / "todo.md", "---\n---\nstill not part of the site\n")
    (site / "_site" / "extra.txt").write_text("written by hand")
    time.sleep(1.0)
    assert sum("Regenerating:" in line for line in server.lines) == rebuilds, server.log


def test_no_watch_does_not_rebuild(site, serve):
    server = serve(site, "--no-watch")
    assert "Auto-regeneration: disabled. Use --watch to enable." in server.log
    _write(site / "about.md", SITE_FILES["about.md"].replace("version one", "version two"))
    time.sleep(1.0)
    assert "About version one." in server.get("/about")[2]
    assert "Regenerating:" not in server.log


# --- live reload --------------------------------------------------------------------------------

async def _reload_messages(port: int, changes, timeout: float = WAIT) -> list[dict]:
    """Connect as a browser does, make each change, and collect the first message after it."""
    from websockets.asyncio.client import connect

    async with connect(f"ws://127.0.0.1:{port}/livereload") as websocket:
        await websocket.send(json.dumps({"command": "hello",
                                         "protocols": ["http://livereload.com/protocols/official-7"]}))
        hello = json.loads(await asyncio.wait_for(websocket.recv(), timeout))
        assert hello["command"] == "hello"
        assert "http://livereload.com/protocols/official-7" in hello["protocols"]
        messages = []
        for change in changes:
            change()
            messages.append(json.loads(await asyncio.wait_for(websocket.recv(), timeout)))
            # Jekyll sends one message per page: let the rest of this rebuild's arrive.
            while True:
                try:
                    await asyncio.wait_for(websocket.recv(), 0.5)
                except asyncio.TimeoutError:
                    break
        return messages


def test_livereload_injects_the_script_and_notifies_after_a_rebuild(site, serve):
    reload_port = _free_port()
    server = serve(site, "--livereload", "--livereload-port", str(reload_port))
    assert f"LiveReload address: http://127.0.0.1:{reload_port}" in server.log

    status, headers, body = server.get("/")
    assert status == 200 and headers["X-Rack-LiveReload"] == "1"
    head = body.index("<head>") + len("<head>")
    assert body[head:].startswith("<script>") and f"{reload_port}/livereload.js" in body
    with urllib.request.urlopen(f"http://127.0.0.1:{reload_port}/livereload.js", timeout=10) as response:
        assert response.status == 200 and "javascript" in response.headers["Content-Type"]
        assert b"WebSocket" in response.read()

    def change_page():
        _write(site / "index.md", SITE_FILES["index.md"].replace("Welcome home.", "Welcome back."))

    def change_stylesheet():
        _write(site / "style.css", "body { color: navy; }\n")

    messages = asyncio.run(_reload_messages(reload_port, [change_page, change_stylesheet]))
    assert all(message["command"] == "reload" and message["path"].startswith("/")
               for message in messages)
    assert "Welcome back." in server.get("/")[2]
    if not USE_REFERENCE:
        # Only a stylesheet changed: browsers are told which, to swap it without a reload
        # (Jekyll names every page of the site).
        assert messages[1] == {"command": "reload", "path": "/style.css", "liveCSS": True}
    server.wait_for_log("LiveReload: Browser connected")


def test_livereload_options_need_livereload(site):
    result = subprocess.run([sys.executable, "-m", "jekyll_py", "serve", "-s", str(site),
                             "--livereload-port", "35800"],
                            cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert "require the --livereload option" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_open_page_reloads_itself_after_an_edit(site, serve):
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed (apt-get install -y chromium): CI must install it")
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    reload_port = _free_port()
    server = serve(site, "--livereload", "--livereload-port", str(reload_port))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(server.base + "/about", wait_until="load")
            assert "About version one." in page.content()
            server.wait_for_log("LiveReload: Browser connected")
            # A mark that only survives if the page is not reloaded.
            page.evaluate("window.notReloaded = true")
            _write(site / "about.md", SITE_FILES["about.md"].replace("version one", "version two"))
            page.wait_for_function(
                "() => !window.notReloaded && document.body"
                " && document.body.textContent.includes('About version two.')",
                timeout=WAIT * 1000)
        finally:
            browser.close()


def test_reload_paths_name_the_stylesheets_when_only_styles_changed(tmp_path):
    from jekyll_py.cli import load_site, make_parser
    from jekyll_py.serve.regenerate import Regenerator

    source = tmp_path / "src"
    _write(source / "index.md", "---\n---\nhome\n")
    _write(source / "style.css", "p { margin: 0; }\n")
    _write(source / "_sass" / "_colors.scss", "$ink: #123;\n")
    _write(source / "assets" / "main.scss", "---\n---\n@import 'colors';\nbody { color: $ink; }\n")
    args = make_parser().parse_args(["build", "-s", str(source), "-d", str(tmp_path / "out")])
    site = load_site(args)
    site.process()

    regenerate = Regenerator(site)
    assert regenerate.reload_paths(["style.css"]) == ["/style.css"]
    assert regenerate.reload_paths(["assets/main.scss"]) == ["/assets/main.css"]
    # A partial may be in any stylesheet.
    assert regenerate.reload_paths(["_sass/_colors.scss"]) == ["/assets/main.css", "/style.css"]
    assert regenerate.reload_paths(["index.md", "style.css"]) == ["/"]
    ignoring = Regenerator(site, livereload_ignore=["*.md", "drafts/*"])
    assert ignoring.reload_paths(["index.md"]) == []
    assert ignoring.reload_paths(["index.md", "style.css"]) == ["/style.css"]


def test_server_address_and_serve_time_url():
    from jekyll_py.errors import JekyllError
    from jekyll_py.serve.options import ServeOptions

    def options(**config):
        return ServeOptions.from_config(config)

    assert options().server_address() == "http://127.0.0.1:4000"
    assert options(baseurl="").server_address() == "http://127.0.0.1:4000/"
    assert options(baseurl="/blog", port="4001").server_address() == "http://127.0.0.1:4001/blog/"
    assert options(baseurl="/blog/").mount == "/blog"
    assert options().default_url() == "http://localhost:4000"
    assert options(host="0.0.0.0").default_url() == "http://0.0.0.0:4000"
    assert options(host="::1", port=8080).server_address() == "http://[::1]:8080"
    assert options(livereload=True).livereload_port == 35729
    assert options(livereload=True).watch and not options(watch=False).watch
    with pytest.raises(JekyllError, match="invalid port"):
        options(port="http")
