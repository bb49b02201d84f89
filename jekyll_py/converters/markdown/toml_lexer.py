"""TOML tokenised the way Rouge 3.30 does it.

What Rouge does, in short: `key =` gives the key `py` and `=` `p` (`o` before an inline table,
whose key is then `nn`); `[table]` (any bracketed text without spaces, arrays included) is `nn`;
strings of every quoting are `s` with `se` escapes; numbers `mi`/`mf`/`mh`...; only the full
`YYYY-MM-DDThh:mm:ssZ` form is a date (`ld`); `true`/`false` are `kc`; `#` comments `c`.

`lex_toml(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_IDENTIFIER = r"""(?:\S+|"[^"]+"|'[^']+')"""


def _c(pattern, flags=0):
    return re.compile(pattern, re.M | re.A | flags)  # Ruby: line anchors, ASCII \s and \d


_ESCAPE = [(_c(r"\\[0t\tn\n \"\\r]"), "se", None)]
_BASIC = [
    (_c(r"\s+"), "", None),
    (_c(r"#.*?$"), "c", None),
    (_c(r"true|false"), "kc", None),
    (_c(rf"({_IDENTIFIER})(\s*)(=)(\s*)(\{{)"), ("nn", "", "o", "", "p"), "inline"),
    # Rouge's `(?<!=)` before this cannot see before the match position: left out.
    (_c(r"\s*\[\S+\]"), "nn", None),
    (_c(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"), "ld", None),
    (_c(r"[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?"), "mf", None),
    (_c(r"[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*"), "mf", None),
    (_c(r"[+-]?(?:nan|inf)"), "mf", None),
    (_c(r"0x[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*"), "mh", None),
    (_c(r"0o[0-7]+(?:_[0-7]+)*"), "mo", None),
    (_c(r"0b[01]+(?:_[01]+)*"), "mb", None),
    (_c(r"[+-]?\d+(?:_\d+)*"), "mi", None),
]
_CONTENT = [
    *_BASIC,
    (_c(rf"({_IDENTIFIER})(\s*)(=)"), ("py", "", "p"), None),
    (_c(r'"""'), "s", "mdq"),
    (_c(r'"'), "s", "dq"),
    (_c(r"'''"), "s", "msq"),
    (_c(r"'"), "s", "sq"),
    *_ESCAPE,
    (_c(r","), "p", None),
    (_c(r"\["), "p", "array"),
]

_STATES = {
    "root": [*_BASIC, (_c(rf"({_IDENTIFIER})(\s*)(=)"), ("py", "", "p"), "value")],
    "value": [(_c(r"\n"), "", "#pop"), *_CONTENT],
    "dq": [
        (_c(r'"'), "s", "#pop"),
        (_c(r"\n"), "err", "#pop"),
        *_ESCAPE,
        (_c(r'[^\\"\n]+'), "s", None),
    ],
    "mdq": [(_c(r'"""'), "s", "#pop"), *_ESCAPE, (_c(r'[^\\"]+'), "s", None), (_c(r'"+'), "s", None)],
    "sq": [(_c(r"'"), "s", "#pop"), (_c(r"\n"), "err", "#pop"), (_c(r"[^'\n]+"), "s", None)],
    "msq": [(_c(r"'''"), "s", "#pop"), (_c(r"[^']+"), "s", None), (_c(r"'+"), "s", None)],
    "array": [*_CONTENT, (_c(r"\]"), "p", "#pop")],
    "inline": [*_CONTENT, (_c(r"\}"), "p", "#pop")],
}


def lex_toml(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
