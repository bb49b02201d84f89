"""Sass (the indented syntax) tokenised the way Rouge 3.30 does it.

Rouge reads Sass line by line with the states it shares with SCSS (scss_lexer.py): a line that
looks like `name: value` is a declaration (`nl` for known CSS properties, `na` otherwise),
`=name` defines a mixin (`nf`) and `+name` includes one (`nd`), anything else is a selector;
the end of the line ends the statement. A `//` or `/*` comment also covers the lines indented
deeper below it. `@import` takes the rest of the line as a string (`s`).

`lex_sass(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer
from .scss_lexer import ATTRIBUTE_COMMON, CONTENT_COMMON, common_states

_ID = r"[\w-]+"


def _c(pattern):
    return re.compile(pattern, re.M)  # Ruby's ^ and $ match at every line


def _indentation(lexer, m):
    """Rouge's Indentation: a line indented deeper than a comment continues the comment."""
    indent = m.group(0)
    lexer.last_indent = indent
    block_indent = lexer.block_indent
    if lexer.block_state and indent.startswith(block_indent) and indent != block_indent:
        lexer.push(lexer.block_state)
    else:
        lexer.block_state = lexer.block_indent = None
        lexer.push("content")
    return [("", indent)]


def _starts_block(state, cls):
    def action(lexer, m):
        lexer.pop()
        lexer.block_state, lexer.block_indent = state, lexer.last_indent or ""
        return [(cls, m.group(0))]
    return action


def _old_style_value(lexer, m):
    lexer.pop()
    lexer.push("value")


_STATES = {
    "root": [
        (_c(r"[ \t]*\n"), "", None),
        (_c(r"[ \t]*"), None, _indentation),
    ],
    "content": [
        (_c(r"//.*?$"), None, _starts_block("single_comment", "c1")),
        (_c(r"/[*].*?\n"), None, _starts_block("multi_comment", "cm")),
        (_c(r"@import\b"), "k", "import"),
        *CONTENT_COMMON,
        (_c(r"=" + _ID), "nf", "value"),
        (_c(r"[+]" + _ID), "nd", "value"),
        (_c(r":"), "na", "old_style_attr"),
        (_c(r"(?=[^\[\n]+?:(?:[^a-z]|$))"), None, "attribute"),
        (_c(r""), None, "selector"),
    ],
    "single_comment": [(_c(r".*?$"), "c1", "#pop")],
    "multi_comment": [(_c(r".*?\n"), "cm", "#pop")],
    "import": [(_c(r"[ \t]+"), "", None), (_c(r"\S+"), "s", None), (_c(r"\n"), "", "#pop")],
    "old_style_attr": ATTRIBUTE_COMMON + [(_c(r""), None, _old_style_value)],
    **common_states([(_c(r"\n"), "", "#reset")]),
}


def lex_sass(code: str) -> list:
    lexer = RegexLexer(_STATES)
    lexer.block_state = lexer.block_indent = lexer.last_indent = None
    return lexer.lex(code)
