"""PHP tokenised the way Rouge 3.30 does it (Pygments' PHP lexer differs in declarations,
names, comments and the HTML around the code).

What Rouge does, in short: `<?php`, `<?=` and `?>` are `cp`; outside them the text goes to the
HTML lexer (its state runs on from piece to piece); code that does not start with `<` and
holds no `<?php` is PHP from the start. Inside: `namespace`/`use` `kn` with the name `nn`
(`nc` after `use`), `class`/`extends`/`implements` `kd` with the name `nc`; other keywords `k`;
a name before `(` is `nb` when PHP has such a function, else `nf`; a capitalised name `nc`,
an all-capitals one `no`; parameter and return types `kt`; `$vars` `nv`; a `.` (and any
number) `mf`; comments `c1`, `cm`, doc comments `cd`.

`lex_php(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .html_lexer import html_lexer
from .regex_lexer import RegexLexer

_KEYWORDS = frozenset(
    "old_function cfunction __class__ __dir__ __file__ __function__ __halt_compiler __line__ "
    "__method__ __namespace__ __trait__ abstract and array as break case catch clone continue "
    "declare default die do echo else elseif empty enddeclare endfor endforeach endif "
    "endswitch endwhile eval exit extends final finally fn for foreach global goto if "
    "implements include include_once instanceof insteadof isset list match new or parent "
    "print private protected public readonly require require_once return self static switch "
    "throw try unset var while xor yield".split()
)


def _php_functions() -> frozenset:
    """PHP's standard function names, as Pygments carries them (Rouge has its own generated
    list of the same functions, which we do not copy)."""
    try:
        from pygments.lexers._php_builtins import MODULES
    except ImportError:
        return frozenset()
    return frozenset(name.lower() for names in MODULES.values() for name in names)


_BUILTINS = _php_functions()

_ID = r"[^\W\d]\w*"
_NS = rf"(?:{_ID}\\)+"
_ID_WITH_NS = rf"(?:{_NS})?{_ID}"


def _c(pattern, flags=0):
    return re.compile(pattern, re.M | flags)  # Ruby's ^ and $ match at lines


def _to_html(lexer, m):
    return lexer.html.lex(m.group(0))


def _to_html_then_pop(lexer, m):
    tokens = lexer.html.lex(m.group(0))
    lexer.pop()
    return tokens


def _call_name(text: str) -> str:
    name = text.lower()
    if name in _KEYWORDS:
        return "k"
    return "nb" if name in _BUILTINS else "nf"


_NAME_STATES = {"use": ("kn", "in_use"), "const": ("k", "in_const"),
                "catch": ("k", "in_catch"), "public": ("k", "in_visibility"),
                "protected": ("k", "in_visibility"), "private": ("k", "in_visibility")}
_PHP_CONSTANT = re.compile(r"(?:E|PHP)(?:_[^\W\d_a-z]+)+\Z")


def _last_segment(text: str) -> str:
    return text.rsplit("\\", 1)[-1]


def _name(lexer, m):
    text = m.group(0)
    name = text.lower()
    if name in _NAME_STATES:
        cls, state = _NAME_STATES[name]
        lexer.push(state)
        return [(cls, text)]
    if name in _KEYWORDS:
        return [("k", text)]
    if len(text) >= 4 and text.startswith("__") and text.endswith("__"):
        return [("nb", text)]
    if _PHP_CONSTANT.match(text) and all(c.isupper() for c in text.replace("_", "")):
        return [("kc", text)]
    last = _last_segment(text)
    if last[:1].isupper() and len(last) > 1 and all(c.isupper() or c.isdigit() or c == "_"
                                                    for c in last[1:]):
        return [("no", text)]
    if last[:1].isupper() and all(c.isalnum() for c in last):
        return [("nc", text)]
    return [("n", text)]


_ESCAPE = [(_c(r"\?>"), "cp", "#reset")]
_RETURN = [(_c(r""), None, "#pop")]
_WHITESPACE = [
    (_c(r"\s+"), "", None),
    (_c(r"#.*?$"), "c1", None),
    (_c(r"//.*?$"), "c1", None),
    (_c(r"/\*\*(?!/).*?\*/", re.S), "cd", None),
    (_c(r"/\*.*?\*/", re.S), "cm", None),
]
_NAMES = [
    (_c(rf"{_ID_WITH_NS}(?=\s*\()"), _call_name, None),
    (_c(_ID_WITH_NS), None, _name),
]
_OPERATORS = [(_c(r"[~!%^&*+|:.<>/@-]+"), "o", None)]
_VALUES = [
    (_c(rf"<<<([\"']?)({_ID})\1\n.*?\n\s*\2;?", re.I | re.S), "sh", None),
    (_c(r"(?:\d[_\d]*)?\.(?:\d[_\d]*)?(?:e[+-]?\d[_\d]*)?", re.I), "mf", None),
    (_c(r"0[0-7][0-7_]*"), "mo", None),
    (_c(r"0b[01][01_]*", re.I), "mb", None),
    (_c(r"0x[a-f0-9][a-f0-9_]*", re.I), "mh", None),
    (_c(r"\d[_\d]*"), "mi", None),
    (_c(r"'(?:[^'\\]*(?:\\.[^'\\]*)*)'"), "s1", None),
    (_c(r"`(?:[^`\\]*(?:\\.[^`\\]*)*)`"), "sb", None),
    (_c(r'"'), "s2", "string"),
    (_c(r"(?:function|fn)\b", re.I), "k",
     ("in_function_return", "in_function_params", "in_function_name")),
    (_c(r"(?:true|false|null)\b", re.I), "kc", None),
    (_c(r"new\b", re.I), "k", "in_new"),
]
_VARIABLES = [
    (_c(rf"\$\{{\$+{_ID}\}}"), "nv", None),
    (_c(rf"\$+{_ID}"), "nv", None),
]
_PHP = [
    *_ESCAPE,
    *_WHITESPACE,
    *_VARIABLES,
    *_VALUES,
    (_c(rf"(namespace)(\s+)({_ID_WITH_NS})", re.I), ("kn", "", "nn"), None),
    (_c(rf"(class|interface|trait|extends|implements)(\s+)({_ID_WITH_NS})", re.I),
     ("kd", "", "nc"), None),
    *_NAMES,
    (_c(r"[;,(){}\[\]]"), "p", None),
    *_OPERATORS,
    (_c(r"[=?]"), "o", None),
]
_IN_ASSIGN = [
    (_c(r","), "p", "#pop"),
    (_c(r"[\[\]]"), "p", None),
    (_c(r"\("), "p", "in_assign_function"),
    *_ESCAPE, *_WHITESPACE, *_VALUES, *_VARIABLES, *_NAMES, *_OPERATORS, *_RETURN,
]

_STATES = {
    "root": [
        (_c(r"<\?(?:php|=)?", re.I), "cp", "php"),
        (_c(r".*?(?=<\?)|.*", re.S), None, _to_html),
    ],
    "start": [
        (_c(r"\s*(?=<)"), None, _to_html_then_pop),
        (_c(r"[^$]+(?=<\?(?:php|=))", re.I), None, _to_html_then_pop),
        (_c(r""), None, "#goto:php"),
    ],
    "php": _PHP,
    "string": [
        (_c(r'"'), "s2", "#pop"),
        (_c(r'[^\\{$"]+'), "s2", None),
        (_c(r"\\u\{[0-9a-fA-F]+\}"), "se", None),
        (_c(r'\\(?:[efrntv"$\\]|[0-7]{1,3}|[xX][0-9a-fA-F]{1,2})'), "se", None),
        (_c(rf"\${_ID}(?:\[\S+\]|->{_ID})?"), "nv", None),
        (_c(r"\{\$\{"), "si", "string_interp_double"),
        (_c(r"\{(?=\$)"), "si", "string_interp_single"),
        (_c(r"(\{)(\S+)(\})"), ("si", "nv", "si"), None),
        (_c(r"[${\\]+"), "s2", None),
    ],
    "string_interp_double": [(_c(r"\}\}"), "si", "#pop"), *_PHP],
    "string_interp_single": [(_c(r"\}"), "si", "#pop"), *_PHP],
    "in_assign": _IN_ASSIGN,
    "in_assign_function": [(_c(r"\)"), "p", "#pop"), (_c(r","), "p", None), *_IN_ASSIGN],
    "in_catch": [
        (_c(r"\("), "p", None), (_c(r"\|"), "o", None), (_c(_ID), "nc", None),
        *_ESCAPE, *_WHITESPACE, *_RETURN,
    ],
    "in_const": [
        (_c(_ID), "no", None), (_c(r"="), "o", "in_assign"),
        *_ESCAPE, *_WHITESPACE, *_RETURN,
    ],
    "in_function_body": [(_c(r"\{"), "p", "#push"), (_c(r"\}"), "p", "#pop"), *_PHP],
    "in_function_name": [
        (_c(r"&"), "o", None), (_c(_ID), "n", None), (_c(r"\("), "p", "#pop"),
        *_ESCAPE, *_WHITESPACE, *_RETURN,
    ],
    "in_function_params": [
        (_c(r"\)"), "p", "#pop"),
        (_c(r","), "p", None),
        (_c(r"\.{3}"), "p", None),
        (_c(r"="), "o", "in_assign"),
        (_c(r"(?:public|protected|private|readonly)\b", re.I), "k", None),
        (_c(rf"\??{_ID}"), "kt", "in_assign"),
        *_ESCAPE, *_WHITESPACE, *_VARIABLES, *_RETURN,
    ],
    "in_function_return": [
        (_c(r":"), "p", None),
        (_c(r"use\b", re.I), "k", "in_function_use"),
        (_c(rf"\??{_ID}"), "kt", "in_assign"),
        (_c(r"\{"), "p", "#goto:in_function_body"),
        *_ESCAPE, *_WHITESPACE, *_RETURN,
    ],
    "in_function_use": [
        (_c(r"[,(]"), "p", None), (_c(r"&"), "o", None), (_c(r"\)"), "p", "#pop"),
        *_ESCAPE, *_WHITESPACE, *_VARIABLES, *_RETURN,
    ],
    "in_new": [
        (_c(r"class\b", re.I), "kd", "#goto:in_new_class"),
        (_c(_ID_WITH_NS), "nc", "#pop"),
        *_ESCAPE, *_WHITESPACE, *_RETURN,
    ],
    "in_new_class": [(_c(r"\}"), "p", "#pop"), (_c(r"\{"), "p", None), *_PHP],
    "in_use": [
        (_c(r"[,}]"), "p", None),
        (_c(r"(?:function|const)\b", re.I), "k", None),
        (_c(rf"({_NS})(\{{)"), ("nn", "p"), None),
        (_c(rf"{_ID_WITH_NS}(?:_{_ID})+"), "nf", None),
        *_ESCAPE, *_WHITESPACE, *_NAMES, *_RETURN,
    ],
    "in_visibility": [
        (_c(r"(?:readonly|static)\b", re.I), "k", None),
        (_c(r"(?=(?:abstract|const|function)\b)", re.I), None, "#pop"),
        (_c(rf"\??{_ID}"), "kt", "#pop"),
        *_ESCAPE, *_WHITESPACE, *_RETURN,
    ],
}


def lex_php(code: str) -> list:
    lexer = RegexLexer(_STATES, start=("root", "start"))
    lexer.html = html_lexer()
    return lexer.lex(code)
