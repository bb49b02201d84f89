"""Permalinks: templates, placeholders, sanitising and escaping (Jekyll's URL class)."""
from __future__ import annotations

import re
from urllib.parse import quote, unquote

PERMALINK_STYLES = {
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}

_SAFE_PATH_RE = re.compile(r"^[a-zA-Z0-9./-]+$")
_PLACEHOLDER_RE = re.compile(r":([a-z_]+)")

# Addressable::URI.encode (addressable 2.8, which Jekyll 4.3.1 calls) splits the text as a URI
# and percent-encodes each part with its own character class. '%' is in none of them, so it
# is always encoded, even before two hex digits.
_URI_RE = re.compile(r"^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", re.S)
_UNRESERVED = "A-Za-z0-9\\-._~"
_PCHAR = _UNRESERVED + "!$&'()*+,;=:@"
_CLASSES = {
    "scheme": "A-Za-z0-9\\-+.",
    "authority": _PCHAR + "\\[\\]",
    "path": _PCHAR + "/",
    "query": _PCHAR + "/?",
    "fragment": _PCHAR + "/?",
}
_UNSAFE = {name: re.compile("[^" + chars + "]") for name, chars in _CLASSES.items()}


def style_to_template(style: str) -> str:
    return PERMALINK_STYLES.get(str(style), str(style))


def _encode_component(text: str, part: str) -> str:
    return _UNSAFE[part].sub(
        lambda m: "".join(f"%{byte:02X}" for byte in m.group(0).encode("utf-8")), text)


def escape_path(path: str) -> str:
    """Jekyll's URL.escape_path: Addressable::URI.encode, then the first '#' escaped."""
    if not path or _SAFE_PATH_RE.match(path):
        return path
    scheme, authority, rest, query, fragment = _URI_RE.match(path).groups()
    out = ""
    if scheme is not None:
        out += _encode_component(scheme, "scheme") + ":"
    if authority is not None:
        out += "//" + _encode_component(authority, "authority")
    out += _encode_component(rest, "path")
    if query is not None:
        out += "?" + _encode_component(query, "query")
    if fragment is not None:
        out += "#" + _encode_component(fragment, "fragment")
    return out.replace("#", "%23", 1)


def unescape_path(path: str) -> str:
    return unquote(path) if "%" in path else path


def sanitize_url(url: str) -> str:
    url = ("/" + url).replace("..", "/").replace("./", "")
    return re.sub(r"/{2,}", "/", url)


def from_hash(template: str, placeholders: list[tuple[str, str | None]]) -> str:
    """URL from an ordered list of placeholders (pages and static files)."""
    result = template
    for key, value in placeholders:
        if ":" not in result:
            break
        if value is None:
            result = result.replace("/:" + key, "")
        else:
            result = result.replace(":" + key, escape_path(value))
    return result


def from_drop(template: str, lookup) -> str:
    """URL from a document's placeholders; `lookup(name)` returns a value or raises KeyError."""

    def replace(match):
        name = match.group(1)
        pool = [name, name[:-1]] if name.endswith("_") else [name]
        for key in pool:
            try:
                value = lookup(key)
            except KeyError:
                continue
            replacement = escape_path("" if value is None else str(value))
            return match.group(0).replace(":" + key, replacement, 1)
        raise KeyError(
            f"The URL template doesn't have {' or '.join(pool)} keys. Check your permalink template!")

    return _PLACEHOLDER_RE.sub(replace, template)


def build_url(template: str, permalink, resolve) -> str:
    """`resolve(template)` fills placeholders; the front-matter permalink wins over the template."""
    return sanitize_url(resolve(permalink if permalink else template))
