"""Block quotes as kramdown reads them.

kramdown takes every line from the first `>` up to a line that ends a paragraph lazily (a
blank line, a block IAL `{:...}`, the end-of-block marker `^`, or an HTML tag of a non-span
element), removes `> ` (one optional space) at the start of each line that has it, and parses
the result as blocks. So a line without `>` is not just a paragraph continuation as in
CommonMark: `> text` followed by `- item` is a quote holding a paragraph and a list, and
`# title`, `---` or a code fence right after a quote line belong to the quote too.
"""

from __future__ import annotations

import re

from . import html_syntax as hs

_LAZY_END = re.compile(r"\{:(?!:|/).*\}\s*$|\^\s*$", re.A)


def _ends_quote(state, line: int) -> bool:
    first = state.bMarks[line] + state.tShift[line]
    text = state.src[first : state.eMarks[line]]
    if not text.strip(hs.RUBY_SPACE):
        return True
    if state.sCount[line] - state.blkIndent > 3:
        return False
    return bool(_LAZY_END.match(text)) or hs.starts_lazy_end(text)


def _content_start(state, line: int):
    """Where a quote line's content starts once `>` and one space are removed, and its
    indentation in columns; None for a lazy line (no `>`)."""
    pos = state.bMarks[line] + state.tShift[line]
    if state.sCount[line] - state.blkIndent > 3 or state.src[pos : pos + 1] != ">":
        return None
    pos += 1
    if state.src[pos : pos + 1] == " ":
        pos += 1
    start, width = pos, 0
    while pos < state.eMarks[line] and state.src[pos] in " \t":
        width = width + 4 - width % 4 if state.src[pos] == "\t" else width + 1
        pos += 1
    return start, pos - start, width


def blockquote_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent > 3:
        return False
    if _content_start(state, start) is None:
        return False
    if silent:
        return True
    last = start + 1
    while last < end and not _ends_quote(state, last):
        last += 1

    saved = [
        (line, state.bMarks[line], state.tShift[line], state.sCount[line], state.bsCount[line])
        for line in range(start, last)
    ]
    old_indent = state.blkIndent
    for line in range(start, last):
        content = _content_start(state, line)
        if content is None:  # a lazy line keeps its text, less the container's indentation
            state.sCount[line] = max(0, state.sCount[line] - old_indent)
        else:
            state.bMarks[line], state.tShift[line], state.sCount[line] = content
        state.bsCount[line] = 0

    old_parent, old_max = state.parentType, state.lineMax
    state.parentType = "blockquote"
    state.lineMax = last
    state.blkIndent = 0
    token = state.push("blockquote_open", "blockquote", 1)
    token.markup = ">"
    token.map = [start, last]
    state.md.block.tokenize(state, start, last)
    token = state.push("blockquote_close", "blockquote", -1)
    token.markup = ">"

    state.lineMax, state.parentType, state.blkIndent = old_max, old_parent, old_indent
    for line, b, t, s, bs in saved:
        state.bMarks[line], state.tShift[line], state.sCount[line], state.bsCount[line] = b, t, s, bs
    state.line = last
    return True


def plugin(md, **opts):
    md.block.ruler.at(
        "blockquote", blockquote_rule, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
