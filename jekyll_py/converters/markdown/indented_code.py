"""Indented code blocks as kramdown reads them (parser/kramdown/codeblock.rb).

A code block starts with a line indented by a tab or four spaces. It goes on with more such
lines, blank lines followed by such lines, and also with any other non-blank line that does
not end a paragraph lazily (a block IAL, `^`, an HTML block tag): kramdown takes those "lazy"
lines into the code. A lazy line indented by at most three spaces is then joined to the line
before it with a space (`}` + `  }` gives `}   }`); one tab or four spaces are removed from the
start of every line.

The token is markdown-it's `code_block`, written by code.py.
"""

from __future__ import annotations

import re

from . import html_syntax as hs

_INDENT = re.compile(r"(?:\t| {4})")
_INDENTED_TEXT = re.compile(r"(?:\t| {4})[ \t]*[^ \t\r\n\f\v]")
_NOT_LAZY = re.compile(r" {0,3}\{:(?!:|/)(?:\\\}|[^}])+\}[ \t\r\n\f\v]*$|\^[ \t\r\n\f\v]*$")
_JOINED = re.compile(r"\n( {0,3}[^ \t\r\n\f\v])")
_LINE_INDENT = re.compile(r"^(?:\t| {4})", re.M)


def _line(state, line: int) -> str:
    """The line as the block sees it: as written at the top of a document, else with its
    indentation relative to the container as spaces."""
    if state.blkIndent == 0:
        return state.src[state.bMarks[line] : state.eMarks[line]]
    first = state.bMarks[line] + state.tShift[line]
    return " " * max(state.sCount[line] - state.blkIndent, 0) + state.src[first : state.eMarks[line]]


def _blank(text: str) -> bool:
    return not text.strip(hs.RUBY_SPACE)


def code_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent < 4:
        return False
    first = _line(state, start)
    if not _INDENTED_TEXT.match(first):
        return False
    if silent:
        return True
    lines = []
    line = last = start  # `last`: one past the last line taken

    def code_line(i):
        return state.sCount[i] >= state.blkIndent and _INDENTED_TEXT.match(_line(state, i))

    while True:  # one group: blank lines, indented lines (at least one), lazy lines
        group_start = line
        while line < end and _blank(_line(state, line)):
            line += 1
        if line >= end or not code_line(line):
            break  # blank lines not followed by code are not part of it
        while line < end and code_line(line):
            line += 1
        while line < end and state.sCount[line] >= state.blkIndent:
            text = _line(state, line)
            if _blank(text) or _NOT_LAZY.match(text) or hs.starts_lazy_end(text):
                break
            line += 1
        lines.extend(_line(state, i) for i in range(group_start, line))
        last = line
    data = "\n".join(lines) + "\n"
    data = _LINE_INDENT.sub("", _JOINED.sub(r" \1", data))
    token = state.push("code_block", "code", 0)
    token.content = data
    token.map = [start, last]
    state.line = last
    return True


def plugin(md, **opts):
    md.block.ruler.at("code", code_rule)
