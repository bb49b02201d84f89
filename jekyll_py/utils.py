"""Small helpers shared by several stages (Jekyll's Utils module)."""
from __future__ import annotations

import re
import unicodedata

from jekyll_py.log import logger

# Slugify, as Jekyll's Utils.slugify: runs of characters a mode does not keep become one "-".
# Python's re has no \p{..}; "letters, marks and decimal digits" is checked per character.
SLUGIFY_MODES = ("raw", "default", "pretty", "ascii", "latin")
_PRETTY_KEEP = set("._~!$&'()+,;=@")

# I18n.transliterate's approximations that are not "drop the accent" (Latin-1 and Extended-A).
_TRANSLITERATIONS = {
    "Æ": "AE", "Ð": "D", "×": "x", "Ø": "O", "Þ": "Th", "ß": "ss", "æ": "ae", "ð": "d",
    "ø": "o", "þ": "th", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "ĸ": "k", "Ŀ": "L",
    "ŀ": "l", "Ł": "L", "ł": "l", "ŉ": "'n", "Ŋ": "NG", "ŋ": "ng", "Œ": "OE", "œ": "oe",
    "Ŧ": "T", "ŧ": "t",
}


def transliterate(text: str) -> str:
    """I18n.transliterate with the default (English) rules: Latin letters lose their accents,
    every other non-ASCII character becomes `?`."""
    out = []
    for char in text:
        code = ord(char)
        if code < 0x80:
            out.append(char)
        elif char in _TRANSLITERATIONS:
            out.append(_TRANSLITERATIONS[char])
        elif 0xC0 <= code <= 0x17E and char != "÷":
            out.append("".join(c for c in unicodedata.normalize("NFKD", char)
                               if not unicodedata.combining(c)))
        else:
            out.append("?")
    return "".join(out)


def _is_slug_char(char: str, mode: str) -> bool:
    """Whether `char` survives slugification in `mode`."""
    if mode == "raw":
        return not char.isspace()
    if mode == "ascii":
        return char.isascii() and char.isalnum()
    category = unicodedata.category(char)
    if category[0] in ("L", "M") or category == "Nd":
        return True
    return mode == "pretty" and char in _PRETTY_KEEP


def slugify(text, mode: str | None = None, cased: bool = False):
    """Jekyll's Utils.slugify: returns None for None."""
    if text is None:
        return None
    text = str(text)
    mode = mode or "default"
    if mode not in SLUGIFY_MODES:
        return text if cased else text.lower()
    if mode == "latin":
        text = transliterate(text)
        mode = "default"
    out, in_run = [], False
    for char in text:
        if _is_slug_char(char, mode):
            out.append(char)
            in_run = False
        elif not in_run:
            out.append("-")
            in_run = True
    slug = re.sub(r"^-|-$", "", "".join(out), flags=re.M)
    if not slug:
        logger.warn("Warning:", f"Empty `slug` generated for '{text}'.")
    return slug if cased else slug.lower()


def titleize_slug(slug: str) -> str:
    """'my-first-post' -> 'My First Post' (Ruby's capitalize lower-cases the rest)."""
    return " ".join(part[:1].upper() + part[1:].lower() for part in slug.split("-"))


def deep_merge(master: dict, other: dict) -> dict:
    """Jekyll's deep_merge_hashes: a copy of master with other merged in; nil never overwrites."""
    result = dict(master)
    for key, new in other.items():
        old = result.get(key)
        if new is None and key in result:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            result[key] = deep_merge(old, new)
        else:
            result[key] = new
    return result


def has_liquid_construct(text: str | None) -> bool:
    return bool(text) and ("{%" in text or "{{" in text)


def pluralized_array(data: dict, singular: str, plural: str) -> list:
    """Jekyll's pluralized_array_from_hash: the singular key wins; a plural string is split."""
    value = data.get(singular)
    if value is None:
        value = data.get(plural)
        if isinstance(value, str):
            value = value.split()
        elif isinstance(value, list):
            value = [v for v in value if v is not None]
        elif value is not None:
            value = None
    result = []
    _flatten_into(value, result)
    return [v for v in result if v is not None]


def _flatten_into(value, out: list) -> None:
    if isinstance(value, list):
        for item in value:
            _flatten_into(item, out)
    else:
        out.append(value)


def add_permalink_suffix(template: str, style: str) -> str:
    if style == "pretty":
        return template + "/"
    if style in ("date", "ordinal", "none"):
        return template + ":output_ext"
    if style.endswith("/"):
        template += "/"
    if style.endswith(":output_ext"):
        template += ":output_ext"
    return template


def ruby_sort(items: list, compare) -> list:
    """Sort as Ruby's Array#sort! with a block does on Linux: glibc's qsort_r, a top-down
    merge sort (left half n // 2, ties taken from the left). `compare(a, b)` returns a
    negative number, zero or a positive number. With a consistent comparison any stable sort
    agrees; this one also matches Ruby when the comparison is not consistent, as Jekyll's
    Document#<=> is for a mix of dated and undated collection items."""
    items = list(items)
    if len(items) <= 1:
        return items
    middle = len(items) // 2
    left, right = ruby_sort(items[:middle], compare), ruby_sort(items[middle:], compare)
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if compare(left[i], right[j]) <= 0:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    return merged + left[i:] + right[j:]


def sanitized_path(base_directory: str, questionable_path: str | None) -> str:
    """Jekyll.sanitized_path: `questionable_path` joined under `base_directory`, never above it.

    The path is first resolved as an absolute path from '/' (so '..' cannot climb out), then
    joined under the base unless it already lies inside it.
    """
    import posixpath
    if questionable_path is None:
        return base_directory
    clean = "/" + questionable_path if questionable_path.startswith("~") else questionable_path
    clean = posixpath.normpath(posixpath.join("/", clean))
    if clean == base_directory:
        return clean
    clean = re.sub(r"/{2,}", "/", clean)
    if clean.startswith(base_directory.rstrip("/") + "/"):
        return clean
    return base_directory.rstrip("/") + "/" + clean.lstrip("/")


_BRACES_RE = re.compile(r"\{([^{}]*)\}")


def ruby_glob(pattern: str) -> list[str]:
    """Ruby's Dir.glob: `{a,b}` alternatives, `**/` for any number of folders (a `**` that is
    not followed by '/' is a plain `*`), no hidden files unless the pattern names them."""
    import glob
    patterns, expanded = [pattern], []
    while patterns:
        current = patterns.pop()
        match = _BRACES_RE.search(current)
        if match is None:
            expanded.append(current)
            continue
        for choice in match.group(1).split(","):
            patterns.append(current[:match.start()] + choice + current[match.end():])
    found = []
    for current in reversed(expanded):
        current = re.sub(r"\*\*(?!/)", "*", current)
        for path in glob.glob(current, recursive=True):
            if path not in found:
                found.append(path)
    return found
