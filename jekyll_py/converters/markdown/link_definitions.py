"""Link definitions (`[id]: url "title"`) as kramdown reads them, replacing markdown-it's
`reference` rule (the rule keeps that name, so rule orders and alternatives naming it hold).

kramdown's definition differs from CommonMark's:
* the URL is everything up to the title or the end of the line, spaces included
  (`[a]: my page.html` links to `my page.html`); `<...>` around it is dropped;
* a title is in `"` or `'` only, on the URL's line or the next one; `(Paren)` is URL text;
* a URL that still holds spaces before a quote (`u "t" more`) makes no definition;
* a later definition of the same id replaces an earlier one.
"""

from __future__ import annotations

import re

from markdown_it.common.utils import normalizeReference

# kramdown's LINK_DEFINITION_START (from the `[`; the line's up to 3 spaces are already
# skipped), on the definition's line and the next one joined by a newline.
_DEFINITION = re.compile(
    r"\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))"
    r"(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?([\"'])(.+?)\4)?[ \t]*?\n"
)
_SPACE_THEN_QUOTE = re.compile(r"[ \t]+[\"']")


def link_definition_rule(state, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("[", pos):
        return False
    text = state.src[pos : state.eMarks[start]] + "\n"
    if start + 1 < end:
        following = state.src[state.bMarks[start + 1] : state.eMarks[start + 1]]
        text += following + "\n"
    m = _DEFINITION.match(text)
    if not m or _SPACE_THEN_QUOTE.search(m.group(3) or ""):
        return False
    if silent:
        return True
    url = m.group(2) if m.group(2) is not None else m.group(3)
    label = normalizeReference(m.group(1))
    if label:
        state.env.setdefault("references", {})[label] = {"href": url, "title": m.group(5) or ""}
    state.line = start + text.count("\n", 0, m.end())
    return True


def plugin(md, **opts):
    md.block.ruler.at("reference", link_definition_rule)
