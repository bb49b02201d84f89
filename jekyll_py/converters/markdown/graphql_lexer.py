"""GraphQL tokenised the way Rouge 3.30 does it (Pygments' GraphQL lexer writes whitespace bare
and names differently).

What Rouge does, in short: whitespace is `w`; `query`, `fragment`, `type`... and directives
(`@include`) are `k`; operation, field, argument and type names are plain names (`n`), the
scalar types `Int`, `Float`, `String`, `Boolean`, `ID` after `:` builtins (`nb`), `$vars`
`nv`; values are `kc` (`true`, `null`), `mi`/`mf`, `s2`; `!`, `,`, `:`, brackets `p`; `#`
comments `c`; a top-level `\"\"\"` description is Markdown.

`lex_graphql(code, markdown)` returns a list of (Rouge CSS class, text); `markdown(text)` lexes
a description.
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_NAME = r"[_A-Za-z][_0-9A-Za-z]*"
_SCALARS = r"(?:Int|Float|String|Boolean|ID)\b"


def _c(pattern, flags=0):
    # Ruby's ^/$ match at lines. A leading \b of Rouge's always holds at the match position
    # (its patterns cannot look behind), so ours leave it out.
    return re.compile(pattern, re.M | flags)


def _open_selection(lexer, m):
    lexer.push("query_definition")
    lexer.push("selection_set")
    return [("p", "{")]


def _close_selection(lexer, m):
    lexer.pop()
    if lexer.stack[-1] in ("query_definition", "fragment_definition"):
        lexer.pop()
    return [("p", "}")]


def _close_in_value(lexer, m):
    lexer.pop()
    if lexer.stack[-1] == "value":
        lexer.pop()
    return [("p", m.group(0))]


def _value(cls):
    def action(lexer, m):
        if lexer.stack[-1] != "list":
            lexer.pop()
        return [(cls, m.group(0))]
    return action


def _replace(state, cls):
    def action(lexer, m):
        lexer.pop()
        lexer.push(state)
        return [(cls, m.group(0))]
    return action


def _description(lexer, m):
    return ([("s2", m.group(1)), ("w", m.group(2))] + lexer.markdown(m.group(3))
            + [("w", m.group(4)), ("s2", m.group(5))])


_BASIC = [
    (_c(r"\s+"), "w", None),
    (_c(r"#.*$"), "c", None),
    (_c(r"[!,]"), "p", None),
]
_HAS_DIRECTIVES = [
    (_c(rf"(@{_NAME})(\s*)(\()"), ("k", "w", "p"), "arguments"),
    (_c(rf"@{_NAME}\b"), "k", None),
]
_QUERY_DEFINITION = [
    *_HAS_DIRECTIVES,
    (_c(rf"{_NAME}\b"), "n", None),
    (_c(r"\("), "p", "variable_definitions"),
    (_c(r"\{"), "p", "selection_set"),
    *_BASIC,
]
_VALUE = [
    (_c(r'""".*?"""', re.S), "s2", None),
    (_c(rf"\${_NAME}\b"), None, _value("nv")),
    (_c(r"(?:true|false|null)\b"), None, _value("kc")),
    (_c(r"[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?"), None, _value("mf")),
    (_c(r"[+-]?[1-9][0-9]*(?:[eE][+-]?[0-9]+)?"), None, _value("mi")),
    (_c(r'"(?:\\[\\"]|[^"])*"'), None, _value("s2")),
    (_c(rf"{_NAME}\b"), None, _value("n")),
    (_c(r"\{"), "p", "object"),
    (_c(r"\["), "p", "list"),
    *_BASIC,
]

_STATES = {
    "root": [
        (_c(r"(?:query|mutation|subscription)\b"), "k", "query_definition"),
        (_c(r"\{"), None, _open_selection),
        (_c(r"fragment\b"), "k", "fragment_definition"),
        (_c(r"scalar\b"), "k", "value"),
        (_c(r"(?:type|interface|enum)\b"), "k", "type_definition"),
        (_c(r"(?:input|schema)\b"), "k", "type_definition"),
        (_c(r"union\b"), "k", "union_definition"),
        (_c(r"extend\b"), "k", None),
        *_BASIC,
        (_c(r'(""")(\n)(.*?)(\n)(""")', re.S), None, _description),
    ],
    "fragment_definition": [(_c(r"on\b"), "k", None), *_QUERY_DEFINITION],
    "query_definition": _QUERY_DEFINITION,
    "type_definition": [
        (_c(r"implements\b"), "k", None),
        (_c(rf"{_NAME}\b"), "n", None),
        (_c(r"\("), "p", "variable_definitions"),
        (_c(r"\{"), "p", "type_definition_set"),
        *_BASIC,
    ],
    "union_definition": [
        (_c(rf"{_NAME}\b"), "n", None),
        (_c(r"="), "p", "union_definition_variant"),
        *_BASIC,
    ],
    "union_definition_variant": [
        (_c(rf"{_NAME}\b"), None, _replace("union_definition_pipe", "n")),
        *_BASIC,
    ],
    "union_definition_pipe": [
        (_c(r"\|"), None, _replace("union_definition_variant", "p")),
        (_c(r"(?!\||\s+|#[^\n]*)"), None, "#pop2"),
        *_BASIC,
    ],
    "type_definition_set": [
        (_c(r"\}"), "p", "#pop2"),
        (_c(rf"({_NAME})(\s*)(\()"), ("n", "w", "p"), "variable_definitions"),
        (_c(rf"{_NAME}\b"), "n", None),
        (_c(r":"), "p", "type_names"),
        *_BASIC,
    ],
    "arguments": [
        (_c(r"\)"), "p", "#pop"),
        (_c(rf"{_NAME}\b"), "n", None),
        (_c(r":"), "p", "value"),
        *_BASIC,
    ],
    "variable_definitions": [
        (_c(r"\)"), "p", "#pop"),
        (_c(rf"\${_NAME}\b"), "nv", None),
        (_c(rf"{_NAME}\b"), "n", None),
        (_c(r":"), "p", "type_names"),
        (_c(r"="), "p", "value"),
        *_BASIC,
    ],
    "type_names": [
        (_c(_SCALARS), "nb", "#pop"),
        (_c(rf"{_NAME}\b"), "n", "#pop"),
        (_c(r"\["), "p", "type_name_list"),
        *_BASIC,
    ],
    "type_name_list": [
        (_c(_SCALARS), "nb", None),
        (_c(rf"{_NAME}\b"), "n", None),
        (_c(r"\]"), "p", "#pop2"),
        *_BASIC,
    ],
    "selection_set": [
        *_HAS_DIRECTIVES,
        (_c(r"\}"), None, _close_selection),
        (_c(rf"({_NAME})(\s*)(\()"), ("n", "w", "p"), "arguments"),
        (_c(rf"({_NAME})(\s*)(:)"), ("n", "w", "p"), None),
        (_c(rf"{_NAME}\b"), "n", None),
        (_c(r"(\.\.\.)(\s+)(on)\b"), ("p", "w", "k"), None),
        (_c(r"\.\.\."), "p", None),
        (_c(r"\{"), "p", "selection_set"),
        *_BASIC,
    ],
    "list": [(_c(r"\]"), None, _close_in_value), *_VALUE],
    "object": [
        (_c(r"\}"), None, _close_in_value),
        (_c(rf"({_NAME})(\s*)(:)"), ("n", "w", "p"), "value"),
        *_BASIC,
    ],
    "value": _VALUE,
}


def lex_graphql(code: str, markdown) -> list:
    lexer = RegexLexer(_STATES)
    lexer.markdown = markdown
    return lexer.lex(code)
