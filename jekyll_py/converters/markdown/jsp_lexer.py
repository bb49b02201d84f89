"""JSP tokenised the way Rouge 3.30 does it: its own rules for directives (`<%@ page %>`),
tag-library tags (`<c:out ...>`), comments and `<% %>` code, everything else by the HTML lexer
and the code inside `<% %>` by the Java lexer, both running on from piece to piece.

What Rouge does, in short: `<%@ page ` (with the spaces after it), `%>`, `<prefix:tag ` and
`/>` or `>` are `nt`; ` name=` with its spaces `na`, a value (quotes included) `s`, `${` and
`}` inside it `si` around Java; `<%-- --%>` is `c`.

`lex_jsp(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .html_lexer import html_lexer
from .java_lexer import _STATES as _JAVA_STATES
from .regex_lexer import RegexLexer

_DIRECTIVES = "page|include|taglib"
_ACTIONS = "scriptlet|declaration|expression"


def _c(pattern, flags=0):
    return re.compile(pattern, flags)


def _to_html(lexer, m):
    return lexer.html.lex(m.group(0))


def _to_java(lexer, m):
    return lexer.java.lex(m.group(0))


_ATTRIBUTES = [(_c(r"\s*[a-zA-Z0-9_:-]+\s*=\s*"), "na", "attr")]

_STATES = {
    "root": [
        (_c(r"<%--"), "c", "jsp_comment"),
        (_c(rf"<%@\s*(?:{_DIRECTIVES})\s*"), "nt", "jsp_directive"),
        (_c(rf"<jsp:directive\.(?:{_DIRECTIVES})"), "nt", "jsp_directive2"),
        (_c(rf"<jsp:(?:{_ACTIONS})>"), "nt", "jsp_expression"),
        (_c(r"<[a-zA-Z]*:[a-zA-Z]*\s*"), "nt", "jsp_tag"),
        (_c(r"</[a-zA-Z]*:[a-zA-Z]*>"), "nt", None),
        (_c(r"<%[!=]?"), "nt", "jsp_expression2"),
        (_c(r"(.+?)(?=<%|</?[a-zA-Z]*:)", re.S), None, _to_html),
        (_c(r".+", re.S), None, _to_html),
    ],
    "jsp_comment": [
        (_c(r"--%>"), "c", "#pop"),
        (_c(r".", re.S), "c", None),
    ],
    "jsp_directive": [
        (_c(r"%>"), "nt", "#pop"),
        *_ATTRIBUTES,
        (_c(r"(.+?)(?=%>)", re.S), None, _to_html),
    ],
    "jsp_directive2": [
        (_c(r"/>"), "nt", "#pop"),
        *_ATTRIBUTES,
        (_c(r"(.+?)(?=/>)", re.S), None, _to_html),
    ],
    "jsp_expression": [
        (_c(rf"</jsp:(?:{_ACTIONS})>"), "nt", "#pop"),
        *_ATTRIBUTES,
        (_c(r"[^</]+"), None, _to_java),
    ],
    "jsp_expression2": [
        (_c(r"%>"), "nt", "#pop"),
        (_c(r"[^%>]+"), None, _to_java),
    ],
    "jsp_tag": [
        (_c(r"/?>"), "nt", "#pop"),
        *_ATTRIBUTES,
        (_c(r"(.+?)(?=/?>)", re.S), None, _to_html),
    ],
    "attr": [
        (_c(r'"'), "s", "#goto:double_quotes"),
        (_c(r"'"), "s", "#goto:single_quotes"),
        (_c(r"[^\s>]+"), "s", "#pop"),
    ],
    "double_quotes": [
        (_c(r'"'), "s", "#pop"),
        (_c(r"\$\{"), "si", "jsp_interp"),
        (_c(r'[^"]+'), "s", None),
    ],
    "single_quotes": [
        (_c(r"'"), "s", "#pop"),
        (_c(r"\$\{"), "si", "jsp_interp"),
        (_c(r"[^']+"), "s", None),
    ],
    "jsp_interp": [
        (_c(r"\}"), "si", "#pop"),
        (_c(r"'"), "l", "jsp_interp_literal_start"),
        (_c(r"[^'}]+"), None, _to_java),
    ],
    "jsp_interp_literal_start": [
        (_c(r"'"), "l", "#pop"),
        (_c(r"[^']+"), "l", None),
    ],
}


def lex_jsp(code: str) -> list:
    lexer = RegexLexer(_STATES)
    lexer.html = html_lexer()
    lexer.java = RegexLexer(_JAVA_STATES)
    return lexer.lex(code)
