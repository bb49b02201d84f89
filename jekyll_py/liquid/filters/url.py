"""URL filters: `relative_url`, `absolute_url`, `strip_index`, `uri_escape`
(lib/jekyll/filters/url_filters.rb).

Jekyll builds `baseurl + input` and normalises it with Ruby's Addressable gem, so the result
is percent-encoded (`/a b/é` → `/a%20b/%C3%A9`), dot segments are removed and the host is
lower-cased. `normalize_uri` reproduces Addressable's `URI.parse(s).normalize.to_s`.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from jekyll_py.liquid import ruby
from jekyll_py.liquid.filters.support import is_nil, with_engine
from jekyll_py.liquid.messages import JekyllTagError

_UNRESERVED = "a-zA-Z0-9\\-._~"
_SUB_DELIMS = "!$&'()*+,;="
_PCHAR = _UNRESERVED + re.escape(_SUB_DELIMS) + ":@"
_PATH_SEGMENT_UNSAFE = re.compile(f"[^{_PCHAR}]".encode())
_FRAGMENT_UNSAFE = re.compile(f"[^{_PCHAR}/?]".encode())
_QUERY_UNSAFE = re.compile(rb"[^a-zA-Z0-9\-._~!$'()*+,=:@/?%]|%(?!2B|2b)")
_COMPONENT_UNSAFE = re.compile(f"[^{_UNRESERVED}:/?#\\[\\]@{re.escape(_SUB_DELIMS)}]".encode())
_HOST_UNSAFE = re.compile(f"[^{_UNRESERVED}{re.escape(_SUB_DELIMS)}\\[:\\]]".encode())
_URI = re.compile(r"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$", re.S)
_DEFAULT_PORTS = {"http": "80", "https": "443", "ftp": "21", "tftp": "69", "ssh": "22"}


def _unencode(text: str, leave: str = "") -> bytes:
    raw = text.encode("utf-8")

    def decode(match: re.Match) -> bytes:
        char = bytes([int(match.group(0)[1:], 16)])
        return match.group(0) if char.decode("latin-1") in leave else char
    return re.sub(rb"%[0-9a-fA-F]{2}", decode, raw)


def normalize_component(text: str, unsafe: re.Pattern, leave: str = "") -> str:
    """Addressable's normalize_component: decode %XX, NFKC, re-encode unsafe bytes (upper hex)."""
    raw = _unencode(text, leave)
    try:
        raw = unicodedata.normalize("NFKC", raw.decode("utf-8")).encode("utf-8")
    except UnicodeDecodeError:
        pass
    encoded = unsafe.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0)).encode(), raw)
    return encoded.decode("utf-8", errors="surrogateescape")


def remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4 as Addressable does it (including its removal of leading `/..`)."""
    while True:
        before = path
        path = re.sub(r"/\./|/\.$", "/", path)
        pair = re.search(r"/([^/]*)/\.\./|/([^/]*)/\.\.$", path)
        if pair and (pair.group(1) not in (".", "..") or pair.group(2) not in (".", "..")):
            parent, current = pair.group(1) or "", pair.group(2) or ""
            path = re.sub(f"/{re.escape(parent)}/\\.\\./|(/{re.escape(current)}/\\.\\.$)", "/",
                          path)
        path = re.sub(r"^\.\.?/?", "", path)
        path = re.sub(r"^/\.\.?/|^(/\.\.?)+/?$", "/", path)
        if path == before:
            return path


@functools.lru_cache(maxsize=8192)  # pure, and templates ask for the same URLs again and again
def normalize_uri(text: str) -> str:
    """`Addressable::URI.parse(text).normalize.to_s`."""
    match = _URI.match(text)
    scheme, authority, path = match.group(2), match.group(4), match.group(5)
    query, fragment = match.group(7), match.group(9)
    out = ""
    if scheme:
        scheme = scheme.lower()
        out += scheme + ":"
    if authority is not None:
        userinfo, _, hostport = authority.rpartition("@")
        host, port = hostport, ""
        port_match = re.match(r"^(.*?)(?::(\d*))?$", hostport)
        if port_match and not hostport.endswith("]"):
            host, port = port_match.group(1), port_match.group(2) or ""
        host = host.strip().lower()
        if host.endswith(".") and not host.endswith(".."):
            host = host[:-1]
        try:
            host = host.encode("idna").decode("ascii") if host and not host.isascii() else host
        except UnicodeError:
            pass
        host = normalize_component(host, _HOST_UNSAFE)
        if port and _DEFAULT_PORTS.get(scheme or "") == port:
            port = ""
        out += "//" + (userinfo + "@" if userinfo else "") + host + (":" + port if port else "")
    segments = path.strip().split("/")
    path = "/".join(normalize_component(s, _PATH_SEGMENT_UNSAFE) for s in segments)
    path = remove_dot_segments(path)
    if path == "" and scheme in ("http", "https", "ftp", "tftp"):
        path = "/"
    out += path
    if query is not None:
        pairs = [normalize_component(p, _QUERY_UNSAFE, "+") for p in query.split("&")]
        joined = "&".join(pairs)
        if joined:
            out += "?" + joined
    if fragment is not None:
        frag = normalize_component(fragment, _FRAGMENT_UNSAFE)
        if frag:
            out += "#" + frag
    return out


_SCHEME = re.compile(r"\A[a-z][a-z0-9.+\-]*\Z", re.I)
# Addressable's ip_based? schemes: with no host and no path the URI is refused.
_IP_BASED = frozenset({"http", "https", "ftp", "tftp", "sftp", "ssh", "svn+ssh", "telnet",
                       "nntp", "gopher", "wais", "ldap", "prospero"})


def is_absolute(text: str) -> bool:
    """Addressable's `URI.parse(text).absolute?`: the URI has a scheme. Like the parse, a
    scheme with characters a scheme cannot hold (the text before the first colon of an
    inspected Hash...) or a bare `http:` is an InvalidURIError, which fails the build."""
    match = _URI.match(text)
    scheme, authority = match.group(2), match.group(4)
    if scheme is None:
        return False
    if not _SCHEME.match(scheme):
        raise JekyllTagError(f"Invalid scheme format: '{scheme}'")
    if scheme.lower() in _IP_BASED and not authority and not match.group(5):
        raise JekyllTagError(f"Absolute URI missing hierarchical segment: '{text}'")
    return True


def _url_of(item: object) -> object:
    """Jekyll uses `input.url` when the object has one (documents, pages, static files)."""
    url = getattr(item, "url", None)
    if url is not None and not callable(url):
        return url
    if isinstance(item, Mapping) and not isinstance(item, dict) and "url" in item:
        return item["url"]
    return item


def _ensure_leading_slash(text: str) -> str:
    return text if not text or text.startswith("/") else "/" + text


def relative_url_of(item: object, config: Mapping) -> str:
    """`relative_url` of a string or of an object with a URL, for a site config."""
    value = _url_of(item)
    text = ruby.to_s(value)
    if is_absolute(text):
        return text
    baseurl = config.get("baseurl")
    base = "" if baseurl is None else ruby.to_s(baseurl)
    if base.endswith("/"):
        base = base[:-1]
    return normalize_uri(_ensure_leading_slash(base) + _ensure_leading_slash(text))


def absolute_url_of(item: object, config: Mapping) -> str:
    value = _url_of(item)
    text = ruby.to_s(value)
    if is_absolute(text):
        return text
    site_url = config.get("url")
    if site_url is None or site_url == "":
        return relative_url_of(value, config)
    return normalize_uri(ruby.to_s(site_url) + relative_url_of(value, config))


@with_engine
def relative_url(value, *, engine):
    if is_nil(value):
        return None
    return relative_url_of(value, engine.site.config)


@with_engine
def absolute_url(value, *, engine):
    if is_nil(value):
        return None
    return absolute_url_of(value, engine.site.config)


def strip_index(value):
    if is_nil(value) or ruby.to_s(value) == "":
        return None
    return re.sub(r"/index\.html?$", "/", ruby.to_s(value), count=1)


def uri_escape(value):
    if is_nil(value):
        return None
    return normalize_component(ruby.to_s(value), _COMPONENT_UNSAFE)


FILTERS = {
    "relative_url": relative_url,
    "absolute_url": absolute_url,
    "strip_index": strip_index,
    "uri_escape": uri_escape,
}
