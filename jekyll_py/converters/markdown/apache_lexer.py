"""Apache httpd configuration tokenised the way Rouge 3.30 does it.

What Rouge does, in short: a directive Apache knows (`ErrorDocument`, `RewriteRule`...) is `nc`,
a section tag name (`<VirtualHost ...>`) `nl` with its arguments `sr`, a known value (`On`,
`All`...) `ss`; every other word is plain text, matched case-insensitively against Apache's
lists (see _known below for what we know of them); `#` comments are `c`.

`lex_apache(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer


# Rouge gives a word its class when its lists of httpd's directives, sections and values have
# the word, plain text otherwise. We carry no copy of those lists: a word in a directive's or
# a section's place is taken as known (real configurations use real directives), and values
# are known when they are among these common ones (our own list).
_COMMON_VALUES = frozenset("""
on off all none any always never default inherit granted denied allow deny from env host ip
local indexes followsymlinks symlinksifownermatch execcgi includes includesnoexec multiviews
authconfig fileinfo limit options permanent temp seeother gone basic digest valid-user user
group require email prefork worker event set unset append merge add edit echo always
""".split())


def _known(cls):
    def classify(text):
        return cls
    return classify


def _known_value(text):
    return "ss" if text.lower() in _COMMON_VALUES else ""


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
        (_c(r"\S+"), _known_value, None),
    ],
}


def lex_apache(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
