"""nginx configuration tokenised the way Rouge 3.30 does it.

What Rouge does, in short: the first word of a statement is `k` (`kn` inside a block); then
`$variables` are `nv`, `on`/`off` `no`, `host:port` `nf p mi`, MIME types `nc`, sizes and
numbers `mi`, paths `n`, `~ regex` `p` + `sr`, anything else a string (`s`); `{` opens a
block, `;` ends the statement; `#` comments are `c1`.

`lex_nginx(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_ID = r"[^\s$;{}()#]+"


def _c(pattern, flags=0):
    return re.compile(pattern, re.A | flags)  # Ruby's \s, \w and \b are ASCII here


def _open_block(lexer, m):
    lexer.pop()
    lexer.push("block")
    return [("p", "{")]


_BASE = [
    (_c(r"\s+"), "", None),
    (_c(r"#.*"), "c1", None),
    (_c(r"(?:on|off)\b"), "no", None),
    (_c(r"[$][\w-]+"), "nv", None),
    (_c(r"([a-z0-9.-]+)(:)([0-9]+)", re.I), ("nf", "p", "mi"), None),
    (_c(r"[a-z-]+/[a-z-]+", re.I), "nc", None),
    (_c(r"[0-9]+[kmg]?\b", re.I), "mi", None),
    (_c(r"(~)(\s*)([^\s{]+)"), ("p", "", "sr"), None),
    (_c(r"[:=~]"), "p", None),
    (_c(rf"/(?:{_ID})?"), "n", None),
    (_c(r"[^#\s;{}$\\]+"), "s", None),
    (_c(r"[$;]"), "", None),
]

_STATES = {
    "root": [
        (_c(r"(include)(\s+)([^\s;]+)"), ("k", "", "n"), None),
        (_c(_ID), "k", "statement"),
        *_BASE,
    ],
    "block": [(_c(r"\}"), "p", "#pop"), (_c(_ID), "kn", "statement"), *_BASE],
    "statement": [(_c(r"\{"), None, _open_block), (_c(r";"), "p", "#pop"), *_BASE],
}


def lex_nginx(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
