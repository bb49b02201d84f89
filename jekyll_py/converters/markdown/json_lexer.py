"""JSON tokenised the way Rouge 3.30 does it.

What Rouge does, in short: whitespace is `w`; a string followed by `:` is a key (`nl`), other
strings are `s2` with `se` escapes; `true`/`false`/`null` are `kc`; numbers `mf`/`mi`;
anything else (a bare word, a comment) is written one `err` character at a time.

`lex_json(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer


def _c(pattern, flags=0):
    return re.compile(pattern, re.A | flags)  # Ruby's \s and \d are ASCII only


_WHITESPACE = [(_c(r"\s+"), "w", None)]
_NAME = [(_c(r'("(?:\\.|[^"\\\n])*?")(\s*)(:)'), ("nl", "w", "p"), None)]
_VALUE = [
    *_WHITESPACE,
    (_c(r"true|false|null"), "kc", None),
    (_c(r"-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?", re.I), "mf", None),
    (_c(r"-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?", re.I), "mi", None),
    (_c(r'"'), "s2", "string"),
    (_c(r"\["), "p", "array"),
    (_c(r"\{"), "p", "object"),
]

_STATES = {
    "root": [
        *_WHITESPACE,
        (_c(r"\{"), "p", "object"),
        (_c(r"\["), "p", "array"),
        *_NAME,
        *_VALUE,
        (_c(r"[\]}]"), "p", None),
    ],
    "object": [*_WHITESPACE, *_NAME, *_VALUE, (_c(r"\}"), "p", "#pop"), (_c(r","), "p", None)],
    "string": [(_c(r'[^\\"]+'), "s2", None), (_c(r"\\.", ), "se", None), (_c(r'"'), "s2", "#pop")],
    "array": [*_VALUE, (_c(r"\]"), "p", "#pop"), (_c(r","), "p", None)],
}


def lex_json(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
