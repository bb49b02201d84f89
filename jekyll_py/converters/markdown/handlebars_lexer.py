"""Handlebars (and Mustache) tokenised the way Rouge 3.30 does it: the `{{ }}` parts by its own
rules, everything between them by the HTML lexer, whose state runs on from one piece of HTML to
the next (so an attribute value may hold a `{{ }}`).

What Rouge does, in short: `{{`, `}}`, `{{{`, `#`, `/`, `>`, `^`, `&`, `~` and `else` are `k`;
a block's name after `#`/`/` is `nn` (`if` `k`); names are `nv`, `@names` `na`, `this` `bp`;
`{{! }}` and `{{!-- --}}` comments `c`. A piece of HTML that ends inside an unquoted attribute
value closes it.

`lex_handlebars(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .html_lexer import html_lexer
from .regex_lexer import RegexLexer

_ID = r"[\w$-]+"


def _c(pattern, flags=0):
    return re.compile(pattern, flags)


def _to_html(lexer, m):
    return lexer.html.lex(m.group(0))


def _to_html_closing_attr(lexer, m):
    tokens = lexer.html.lex(m.group(0))
    if lexer.html.stack[-1] == "attr":
        lexer.html.pop()
    return tokens


_STATES = {
    "root": [
        (_c(r"\\{+"), None, _to_html),
        (_c(r"\{\{!--"), "c", "comment"),
        (_c(r"\{\{!.*?\}\}"), "c", None),
        (_c(r"\{\{\{?"), "k", ("stache", "open_sym")),
        (_c(r"(.+?)(?=\\|\{\{)", re.S), None, _to_html_closing_attr),
        (_c(r".+", re.S), None, _to_html),
    ],
    "comment": [
        (_c(r"\{\{"), "c", "#push"),
        (_c(r"\}\}"), "c", "#pop"),
        (_c(r"[^{}]+"), "c", None),
        (_c(r"[{}]"), "c", None),
    ],
    "stache": [
        (_c(r"\}\}\}?"), "k", "#pop"),
        (_c(r"\|"), "p", None),
        (_c(r"~"), "k", None),
        (_c(r"\s+"), "", None),
        (_c(r"="), "o", None),
        (_c(r"[\[\]()]"), "p", None),
        (_c(r"\.(?=[}\s])"), "nv", None),
        (_c(r"\.\."), "nv", None),
        (_c(r"[/.]"), "p", None),
        (_c(r'"(?:\\.|.)*?"'), "s2", None),
        (_c(r"'(?:\\.|.)*?'"), "s1", None),
        (_c(r"\d+(?=}\s)"), "m", None),
        (_c(r"(?:true|false)(?=[}\s])"), "kc", None),
        (_c(r"else(?=[}\s])"), "k", None),
        (_c(r"this(?=[}\s])"), "bp", None),
        (_c(rf"@{_ID}"), "na", None),
        (_c(_ID), "nv", None),
    ],
    "open_sym": [
        (_c(r"[#/]"), "k", "#goto:block_name"),
        (_c(r"[>^&~]"), "k", None),
        (_c(r""), None, "#pop"),
    ],
    "block_name": [
        (_c(r"if(?=[}\s])"), "k", None),
        (_c(_ID), "nn", "#pop"),
        (_c(r""), None, "#pop"),
    ],
}


def lex_handlebars(code: str) -> list:
    lexer = RegexLexer(_STATES)
    lexer.html = html_lexer()
    return lexer.lex(code)
