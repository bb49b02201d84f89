"""--external: fetching http(s) URLs, each once however many pages link to it.

Requests run on a pool of threads (the wait is the network, not the CPU). A URL is fine when
the final answer, after redirects, is below 400. HEAD is tried first; servers that refuse HEAD
(or answer it with an error) get a GET, of which only the status is read.
"""
from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote, urlsplit, urlunsplit

from jekyll_py import __version__

USER_AGENT = f"Mozilla/5.0 (compatible; jekyll-py-check/{__version__})"
WORKERS = 16
# <link rel> values that are hints to the browser, not documents to fetch.
HINT_RELS = {"preconnect", "dns-prefetch", "preload", "prefetch", "modulepreload"}


def request_url(url: str) -> str:
    """The URL to request: no fragment, https: for //host, non-ASCII percent-encoded."""
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    host = parts.netloc
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        host = host.encode("idna").decode("ascii")
    safe = "/%:@!$&'()*+,;=-._~"
    return urlunsplit((parts.scheme, host, quote(parts.path, safe=safe),
                       quote(parts.query, safe=safe + "?"), ""))


def _status(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def fetch_error(url: str, timeout: float) -> str | None:
    """Why `url` fails (a short phrase), or None when it answers."""
    try:
        target = request_url(url)
        status = _status(target, "HEAD", timeout)
        if status >= 400:
            status = _status(target, "GET", timeout)
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            return f"timed out after {timeout:g} s"
        if isinstance(reason, ssl.SSLError):
            return f"TLS error ({reason.reason or reason})"
        return f"cannot connect ({reason})"
    except (socket.timeout, TimeoutError):
        return f"timed out after {timeout:g} s"
    except (OSError, ValueError, UnicodeError) as err:
        return f"cannot be fetched ({err})"
    if status >= 400:
        return f"HTTP {status}"
    return None


def check_urls(urls: list[str], timeout: float) -> dict[str, str | None]:
    """url -> why it fails (None when fine), each URL fetched once."""
    unique = list(dict.fromkeys(urls))
    if not unique:
        return {}
    with ThreadPoolExecutor(max_workers=min(WORKERS, len(unique))) as pool:
        errors = pool.map(lambda u: fetch_error(u, timeout), unique)
        return dict(zip(unique, errors))
