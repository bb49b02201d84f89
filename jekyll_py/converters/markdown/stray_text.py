"""Lines no kramdown block parser takes: one to three spaces, then a tab.

Such a line is no code (kramdown's indent is a tab or four spaces, not columns) and no paragraph
(a paragraph's first line has at most three spaces before a character that is not a tab). When
it starts a block, kramdown warns and keeps it as bare text: its spans are parsed, but it gets
no `<p>` and keeps its leading whitespace. Consecutive such lines are one text; any other line
after them starts a new block (` \\tfoo` + `    bar` is text, then an indented code block).
After a paragraph line the paragraph simply goes on, so only a block's first line counts.

The token is a bare `inline` token at block level (meta `kd_stray_text`): it is no block element
for kramdown, so a block IAL before it waits for the next block (ial.py skips `inline` tokens).
"""

from __future__ import annotations

import re

from . import html_syntax as hs
from .code import kramdown_line
from .renderer import register_block, render_inline

_STRAY = re.compile(r" {1,3}\t")


def _is_stray(state, line: int) -> bool:
    if state.sCount[line] < state.blkIndent:
        return False
    text = kramdown_line(state, line)
    return bool(_STRAY.match(text)) and bool(text.strip(hs.RUBY_SPACE))


def stray_text_rule(state, start, end, silent):
    if not _is_stray(state, start):
        return False
    if silent:
        return True
    line = start + 1
    while line < end and _is_stray(state, line):
        line += 1
    inline = state.push("inline", "", 0)
    inline.meta = {"kd_stray_text": True}
    # the text keeps its line ends: the last one is written too (`\\` before it is a <br />,
    # except at the very end of the container, where kramdown's GFM parser drops the break)
    text = "".join(kramdown_line(state, i) + "\n" for i in range(start, line))
    if line >= end and text.endswith("\\\n"):
        text = text[:-2] + "\n"
    inline.content = text
    inline.map = [start, line]
    inline.children = []
    state.line = line
    return True


@register_block("inline")
def _stray_text(ctx, node, indent):
    return render_inline(ctx, node.tok.children)


def plugin(md, **opts):
    md.block.ruler.before("paragraph", "kd_stray_text", stray_text_rule)
