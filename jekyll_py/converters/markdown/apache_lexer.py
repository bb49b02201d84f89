"""Apache httpd configuration tokenised the way Rouge 3.30 does it.

What Rouge does, in short: a directive Apache knows (`ErrorDocument`, `RewriteRule`...) is `nc`,
a section tag name (`<VirtualHost ...>`) `nl` with its arguments `sr`, a known value (`On`,
`All`...) `ss`; every other word is plain text, matched case-insensitively against Apache's
lists (apache_keywords.py); `#` comments are `c`.

`lex_apache(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .apache_keywords import DIRECTIVES, SECTIONS, VALUES
from .regex_lexer import RegexLexer


def _known(cls):
    # Rouge gives a word its class if any of the three lists has it, plain text otherwise.
    def classify(text):
        word = text.lower()
        return cls if word in SECTIONS or word in DIRECTIVES or word in VALUES else ""
    return classify


def _c(pattern):
    return re.compile(pattern, re.A)  # Ruby's \s and \w are ASCII only


_WHITESPACE = [(_c(r"#.*"), "c", None), (_c(r"\s+"), "", None)]

_STATES = {
    "root": [
        *_WHITESPACE,
        (_c(r"(</?)(\w+)"), ("p", _known("nl")), "section"),
        (_c(r"\w+"), _known("nc"), "directive"),
    ],
    "section": [(_c(r"([^>]+)?(>(?:\r\n?|\n)?)"), ("sr", "p"), "#pop"), *_WHITESPACE],
    "directive": [
        (_c(r"\r\n?|\n"), "", "#pop"),
        *_WHITESPACE,
        (_c(r"\S+"), _known("ss"), None),
    ],
}


def lex_apache(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
