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
# Addressable::URI.encode keeps unreserved and sub-delims, ':' '@' and '/' in a path.
_ADDRESSABLE_SAFE = "/:@!$&'()*+,;=-._~"
_PLACEHOLDER_RE = re.compile(r":([a-z_]+)")


def style_to_template(style: str) -> str:
    return PERMALINK_STYLES.get(str(style), str(style))


def escape_path(path: str) -> str:
    if not path or _SAFE_PATH_RE.match(path):
        return path
    # Addressable::URI.encode reads the path as a whole URI: '?' starts a query and is kept,
    # every '#' ends up escaped; '%' is kept when it starts a valid escape.
    encoded = quote(path, safe=_ADDRESSABLE_SAFE + "?%")
    return re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", encoded)


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
