"""How many arguments each filter of Jekyll 4.3's Liquid takes, counting the input, as its
Ruby method declares them: (required, optional). Ruby refuses any other count with
`wrong number of arguments (given N, expected M)`, a Liquid error; keyword arguments
(`default: "x", allow_false: true`) reach the method as one trailing Hash argument.
"""
from __future__ import annotations

from typing import Optional

RUBY_ARITY: dict[str, tuple[int, int]] = {
    "abs": (1, 0), "absolute_url": (1, 0), "append": (2, 0), "array_to_sentence_string": (1, 1),
    "at_least": (2, 0), "at_most": (2, 0), "base64_decode": (1, 0), "base64_encode": (1, 0),
    "base64_url_safe_decode": (1, 0), "base64_url_safe_encode": (1, 0), "capitalize": (1, 0),
    "ceil": (1, 0), "cgi_escape": (1, 0), "compact": (1, 1), "concat": (2, 0), "date": (2, 0),
    "date_to_long_string": (1, 2), "date_to_rfc822": (1, 0), "date_to_string": (1, 2),
    "date_to_xmlschema": (1, 0), "default": (1, 2), "divided_by": (2, 0), "downcase": (1, 0),
    "escape": (1, 0), "escape_once": (1, 0), "find": (3, 0), "find_exp": (3, 0), "first": (1, 0),
    "floor": (1, 0), "group_by": (2, 0), "group_by_exp": (3, 0), "h": (1, 0), "inspect": (1, 0),
    "join": (1, 1), "jsonify": (1, 0), "last": (1, 0), "lstrip": (1, 0), "map": (2, 0),
    "markdownify": (1, 0), "minus": (2, 0), "modulo": (2, 0), "newline_to_br": (1, 0),
    "normalize_whitespace": (1, 0), "number_of_words": (1, 1), "plus": (2, 0), "pop": (1, 1),
    "prepend": (2, 0), "push": (2, 0), "relative_url": (1, 0), "remove": (2, 0),
    "remove_first": (2, 0), "remove_last": (2, 0), "replace": (2, 1), "replace_first": (2, 1),
    "replace_last": (3, 0), "reverse": (1, 0), "round": (1, 1), "rstrip": (1, 0), "sample": (1, 1),
    "sassify": (1, 0), "scssify": (1, 0), "shift": (1, 1), "size": (1, 0), "slice": (2, 1),
    "slugify": (1, 1), "smartify": (1, 0), "sort": (1, 2), "sort_natural": (1, 1), "split": (2, 0),
    "strip": (1, 0), "strip_html": (1, 0), "strip_index": (1, 0), "strip_newlines": (1, 0),
    "times": (2, 0), "to_integer": (1, 0), "truncate": (1, 2), "truncatewords": (1, 2),
    "uniq": (1, 1), "unshift": (2, 0), "upcase": (1, 0), "uri_escape": (1, 0),
    "url_decode": (1, 0), "url_encode": (1, 0), "where": (3, 0), "where_exp": (3, 0),
    "xml_escape": (1, 0),
}


def arity_error(name: str, given: int) -> Optional[str]:
    """Ruby's ArgumentError message when filter `name` is called with `given` arguments
    (the input included), or None when the count is fine or the filter is not Jekyll's."""
    arity = RUBY_ARITY.get(name)
    if arity is None:
        return None
    required, optional = arity
    if required <= given <= required + optional:
        return None
    expected = f"{required}..{required + optional}" if optional else str(required)
    return f"wrong number of arguments (given {given}, expected {expected})"
