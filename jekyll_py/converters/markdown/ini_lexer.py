"""INI files tokenised the way Rouge 3.30 does it.

What Rouge does, in short: `[section]` is `nn`; `key =` gives the key `py` and `=` `p`, the rest
of the line a string (`s`, with `\\x` escapes `se`); `;` and `#` comments are `c` (with their
newline); nothing else is classed.

`lex_ini(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer


def _c(pattern, flags=0):
    return re.compile(pattern, re.A | flags)  # Ruby's \s and \w are ASCII only


_BASIC = [
    (_c(r"[;#].*?\n"), "c", None),
    (_c(r"\s+"), "", None),
    (_c(r"\\\n"), "se", None),
]
_ESCAPE = [(_c(r"\\.", re.S), "se", None)]

_STATES = {
    "root": [
        *_BASIC,
        (_c(r"([\w\-.]+)(\s*)(=)"), ("py", "", "p"), "value"),
        (_c(r"\[.*?\]"), "nn", None),
    ],
    "value": [
        (_c(r"\n"), "", "#pop"),
        *_BASIC,
        (_c(r'"'), "s", "dq"),
        (_c(r"'.*?'"), "s", None),
        *_ESCAPE,
        (_c(r"[^\\\n]+"), "s", None),
    ],
    "dq": [(_c(r'"'), "s", "#pop"), *_ESCAPE, (_c(r'[^\\"]+'), "s", None)],
}


def lex_ini(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
