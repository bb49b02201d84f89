"""OCaml tokenised the way Rouge 3.30 does it (Pygments' OCaml lexer differs in brackets,
module paths and constructors).

What Rouge does, in short: brackets and `;` are `p`, every other operator run `o` (`mod`,
`land`... are `ow`); capitalised names are classes (`nc`), and before a `.` namespaces (`nn`);
`true`, `false`, `()` and `[]` are `bp`; `int`, `list`... `kt`; `(* *)` comments nest; a
float needs an exponent; `'a` type variables are `k` + name.

`lex_ocaml(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_KEYWORDS = frozenset(
    "as assert begin class constraint do done downto else end exception external false for fun "
    "function functor if in include inherit initializer lazy let module mutable new nonrec "
    "object of open rec sig struct then to true try type val virtual when while with match "
    "raise".split()
)
_WORD_OPERATORS = frozenset("and asr land lor lsl lxor mod or".split())
_PRIMITIVES = frozenset("unit int float bool string char list array".split())

_OPERATOR = r"[;,_!$%&*+./:<=>?@^|~#-]+"
_ID = r"[a-z_][\w']*"
_UPPER_ID = r"[A-Z][\w']*"


def _c(pattern, flags=0):
    return re.compile(pattern, re.A | flags)  # Ruby's \w, \s and \d are ASCII only


def _name_class(text: str) -> str:
    if text in _KEYWORDS:
        return "k"
    if text in _WORD_OPERATORS:
        return "ow"
    return "kt" if text in _PRIMITIVES else "n"


_STATES = {
    "root": [
        (_c(r"\s+"), "", None),
        (_c(r"false|true|[(][)]|\[\]"), "bp", None),
        (_c(rf"{_UPPER_ID}(?=\s*[.])"), "nn", "dotted"),
        (_c(rf"`{_ID}", re.I), "nt", None),
        (_c(_UPPER_ID), "nc", None),
        (_c(r"[(][*](?![)])"), "c", "comment"),
        (_c(_ID, re.I), _name_class, None),
        (_c(r"[(){}\[\];]+"), "p", None),
        (_c(_OPERATOR), "o", None),
        (_c(r"-?\d[\d_]*(?:.[\d_]*)?(?:e[+-]?\d[\d_]*)", re.I), "mf", None),
        (_c(r"0x[0-9a-f][0-9a-f_]*", re.I), "mh", None),
        (_c(r"0o[0-7][0-7_]*", re.I), "mo", None),
        (_c(r"0b[01][01_]*", re.I), "mb", None),
        (_c(r"\d[\d_]*"), "mi", None),
        (_c(r"'(?:\\[\\\"'ntbr ]|\\[0-9]{3}|\\x[0-9a-fA-F]{2})'"), "sc", None),
        (_c(r"'[.]'"), "sc", None),
        (_c(r"'"), "k", None),
        (_c(r'"'), "s2", "string"),
        (_c(rf"[~?]{_ID}", re.I), "nv", None),
    ],
    "comment": [
        (_c(r"[^(*)]+"), "c", None),
        (_c(r"[(][*]"), "c", "#push"),
        (_c(r"[*][)]"), "c", "#pop"),
        (_c(r"[(*)]"), "c", None),
    ],
    "string": [
        (_c(r'[^\\"]+'), "s2", None),
        (_c(r"\\[\\\"'ntbr]"), "se", None),
        (_c(r"\\\d{3}"), "se", None),
        (_c(r"\\x[0-9a-fA-F]{2}"), "se", None),
        (_c(r"\\\n"), "s2", None),
        (_c(r'"'), "s2", "#pop"),
    ],
    "dotted": [
        (_c(r"\s+"), "", None),
        (_c(r"[.]"), "p", None),
        (_c(rf"{_UPPER_ID}(?=\s*[.])"), "nn", None),
        (_c(_UPPER_ID), "nc", "#pop"),
        (_c(_ID, re.I), "n", "#pop"),
        (_c(r"[({\[]"), "p", "#pop"),
    ],
}


def lex_ocaml(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
