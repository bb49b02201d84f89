"""Sorting a reference's URL: skipped, external, or a path inside the built site.

Internal URLs are resolved the way a browser resolves them against the page's own URL
(relative to the page's folder, or to the site root for /paths), then the site's baseurl is
stripped, because the destination folder is what is served at the baseurl.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

# Schemes never followed: not pages of the site, and nothing to fetch.
_SKIPPED_SCHEMES = ("mailto", "tel", "sms", "javascript", "data", "about", "blob", "file",
                    "ftp", "irc", "ircs", "news", "callto", "skype", "geo", "magnet", "xmpp")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")

SKIP = "skip"
EXTERNAL = "external"
INTERNAL = "internal"


@dataclass(frozen=True)
class Target:
    """Where an internal URL points: a path relative to the destination (decoded, may end
    with /), or `outside` set when it leaves the site; and the fragment, if any."""
    path: str | None
    fragment: str | None
    outside: str | None = None   # why it is not in the site (outside the baseurl)


def classify(url: str, site_url: str) -> str:
    """SKIP, EXTERNAL or INTERNAL; `site_url` as normalise_site_url gives it."""
    if url.startswith("//"):
        return EXTERNAL
    match = _SCHEME.match(url)
    if not match:
        return INTERNAL
    scheme = match.group(1).lower()
    if scheme in ("http", "https"):
        if site_url and _on_site(url, site_url):
            return INTERNAL
        return EXTERNAL
    return SKIP  # mailto:, tel:, javascript:, data:, and any other scheme


def _on_site(url: str, site_url: str) -> bool:
    return url == site_url or url.startswith(site_url + "/") or url.startswith(site_url + "#") \
        or url.startswith(site_url + "?")


def _on_site_path(url: str, site_url: str, baseurl: str) -> str:
    """An absolute URL on the site as a root-relative one ("https://me.io/blog?q" -> "/blog/?q")."""
    rest = url[len(site_url):]
    return baseurl + (rest if rest.startswith("/") else "/" + rest)


def normalise_site_url(url, baseurl: str) -> str:
    """The address the destination is served at: the site's `url` setting followed by the
    baseurl (as normalise_baseurl gives it), no trailing slash; "" when `url` is unset."""
    if not isinstance(url, str) or not _SCHEME.match(url.strip()):
        return ""
    return url.strip().rstrip("/") + baseurl


def normalise_baseurl(baseurl) -> str:
    """The baseurl as a path prefix: "" or "/blog" (leading /, no trailing /)."""
    if not isinstance(baseurl, str):
        return ""
    baseurl = baseurl.strip().strip("/")
    return "/" + baseurl if baseurl else ""


def resolve(url: str, page_path: str, *, baseurl: str, site_url: str,
            base: str | None = None) -> Target:
    """Where internal `url` on the page at `page_path` (relative to the destination) points."""
    if site_url and _on_site(url, site_url):
        url = _on_site_path(url, site_url, baseurl)
    if base and not url.startswith("/") and not url.startswith("#"):
        url = _join_base(base, url, site_url, baseurl)
    parts = urlsplit(url)
    fragment = parts.fragment if "#" in url else None  # as written (compared decoded too)
    path = unquote(parts.path)
    if not path:  # "#id" or "?query": this very page
        return Target(page_path, fragment)
    if not path.startswith("/"):
        # Relative to the folder of the page's URL (the destination is served at the baseurl).
        path = posixpath.join(baseurl + "/" + posixpath.dirname(page_path), path)
    trailing = path.endswith(("/", "/.", "/..")) or path in (".", "..")
    path = posixpath.normpath(path).lstrip("/")  # browsers stop ../ at the root
    path = "/" + path
    if baseurl:
        if path == baseurl:
            path = "/"
        elif path.startswith(baseurl + "/"):
            path = path[len(baseurl):]
        else:
            return Target(None, fragment, f"is outside the site's baseurl {baseurl}")
    relative = path.lstrip("/")
    if trailing and relative and not relative.endswith("/"):
        relative += "/"
    return Target(relative, fragment)


def _join_base(base: str, url: str, site_url: str, baseurl: str) -> str:
    """A relative URL under <base href>, as a root-relative path when the base is on this site."""
    if site_url and _on_site(base, site_url):
        base = _on_site_path(base, site_url, baseurl)
    if _SCHEME.match(base) or base.startswith("//"):
        return url  # a base on another host: leave relative resolution to the page's folder
    if not base.startswith("/"):
        return url
    folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
    return folder + url
