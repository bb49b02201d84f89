"""Paragraphs as kramdown's GFM parser reads them.

A paragraph runs until a blank line or a line that starts another block kramdown lets interrupt a
paragraph: a block IAL `{:...}`, the end-of-block marker `^`, an HTML start or end tag of a
non-span element, a list item, an ATX header, a definition `: `, a blockquote `>` or a code
fence. A thematic break or a setext underline does *not* end it (`---` becomes an em dash).
Continuation lines keep their leading whitespace; trailing whitespace of the paragraph is
removed.
"""

from __future__ import annotations

import re

from . import html_syntax as hs

_END_RE = re.compile(
    r" {0,3}(?:"
    r"\{:(?!:|/).+\}\s*$"  # block IAL
    r"|[+*-][\t ]|[+*-]$"  # list item
    r"|\d+\.[\t ]|\d+\.$"
    r"|#{1,6}[\t ]"  # atx header
    r"|:[\t ]"  # definition
    r"|>"  # blockquote
    r"|[~`]{3,}"  # fence
    r")"
)
_EOB_RE = re.compile(r"\^\s*$", re.A)
_ITEM_START = re.compile(r"(?:[+*-]|\d+\.)(?:[\t ]|$)")


_CLASSIC_END_RE = re.compile(r" {0,3}(?:\{:(?!:|/).+\}\s*$|:[\t ])", re.A)


def ends_paragraph(line: str, gfm: bool = True) -> bool:
    if not line.strip(hs.RUBY_SPACE):
        return True
    if _EOB_RE.match(line):
        return True
    if (_END_RE if gfm else _CLASSIC_END_RE).match(line):
        return True
    return hs.starts_lazy_end(line)


def paragraph_rule(state, start, end, silent):
    if silent:
        return False
    src = state.src
    next_line = start + 1
    gfm_end = state.md.kd["kd_gfm_paragraph_end"]
    while next_line < end:
        first = state.bMarks[next_line] + state.tShift[next_line]
        if state.sCount[next_line] < state.blkIndent:
            # A lazy line: markdown-it marks those of a block quote with a negative indent; in a
            # list item kramdown takes any line that starts no new item or other block.
            if state.sCount[next_line] < 0:
                next_line += 1
                continue
            line = src[first : state.eMarks[next_line]]
            if state.blkIndent == 0 or _ITEM_START.match(line) or ends_paragraph(line, gfm_end):
                break
            next_line += 1
            continue
        if state.sCount[next_line] - state.blkIndent > 3:
            body = src[first : state.eMarks[next_line]]
            if not body.strip(hs.RUBY_SPACE):
                break
            next_line += 1
            continue
        if ends_paragraph(src[first : state.eMarks[next_line]], gfm_end):
            break
        next_line += 1
    lines = []
    for i in range(start, next_line):
        b = state.bMarks[i]
        if i == start:
            b += state.tShift[i]
        else:
            # keep indentation beyond the container's own indentation
            b += min(state.tShift[i], max(state.blkIndent, 0))
        lines.append(src[b : state.eMarks[i]])
    content = "\n".join(lines).rstrip(hs.RUBY_SPACE)
    state.line = next_line
    previous = _paragraph_just_before(state, start)
    if previous is not None:
        # The line ended the previous paragraph but no block rule took it (a "```" that opens
        # no closed fence, a stray `</div>`): kramdown appends it to that paragraph, joined
        # with "  \n" when the paragraph's last line ended in two spaces (a hard break).
        first_line_start = state.bMarks[start]
        joiner = "  \n" if src[max(0, first_line_start - 3) : first_line_start] == "  \n" else "\n"
        content = src[first_line_start : state.bMarks[start] + state.tShift[start]][
            min(state.tShift[start], max(state.blkIndent, 0)) :
        ] + content
        previous.content += joiner + content
        previous.map = [previous.map[0], next_line]
        state.tokens[-3].map = previous.map
        return True
    token = state.push("paragraph_open", "p", 1)
    token.map = [start, next_line]
    token = state.push("inline", "", 0)
    token.content = content
    token.map = [start, next_line]
    token.children = []
    state.push("paragraph_close", "p", -1)
    return True


def _paragraph_just_before(state, start):
    """The inline token of a paragraph that ends on the line right above `start`, if any."""
    tokens = state.tokens
    if len(tokens) < 3 or tokens[-1].type != "paragraph_close" or tokens[-1].level != state.level:
        return None
    inline = tokens[-2]
    if inline.type != "inline" or not inline.map or inline.map[1] != start:
        return None
    return inline


def plugin(md, **opts):
    md.kd["kd_gfm_paragraph_end"] = opts.get("gfm_paragraph_end", True)
    md.block.ruler.at("paragraph", paragraph_rule)
