"""How kramdown writes a character it produced itself (typographic symbols, smart quotes, the
no-break space of an empty table cell), following the `entity_output` option:

* `as_char` / `as_input` (Jekyll's default): the character, except `<`, `>`, `&`, which stay
  entity references;
* `symbolic`: the named entity (`&mdash;`) when there is one, else numeric;
* `numeric`: `&#8212;`.
"""

from __future__ import annotations

from html.entities import codepoint2name

_ESCAPED = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def entity_text(opts, char: str) -> str:
    mode = getattr(opts, "entity_output", "as_char")
    if mode in ("as_char", "as_input") and char not in _ESCAPED:
        return char
    name = codepoint2name.get(ord(char))
    if name and (mode == "symbolic" or char in _ESCAPED):
        return f"&{name};"
    return f"&#{ord(char)};"
