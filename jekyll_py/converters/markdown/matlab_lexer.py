"""MATLAB tokenised the way Rouge 3.30 does it (Pygments' MATLAB lexer knows other builtins and
splits strings and comments differently).

What Rouge does, in short: keywords are `k`, MATLAB's functions (`zeros`, `plot`, `disp`...,
matlab_functions.py, our own list of common ones) `nb`, other names `n`; `%` comments are `c1` (Rouge's block comment rule
looks for `{%`...`%}`, so `%{` blocks are line comments); `...` continues a line (`k`, the rest
`c`); a quote starts a string only if another quote follows on the line, otherwise it is the
transpose operator; `''` and `""` in strings are `se`; a `!` line is shell code.

`lex_matlab(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .matlab_functions import MATLAB_FUNCTIONS
from .regex_lexer import RegexLexer
from .shell_lexer import lex_shell

_KEYWORDS = frozenset(
    "arguments break case catch classdef continue else elseif end for function global if "
    "import methods otherwise parfor persistent properties return spmd switch try while".split()
)


# Names in Pygments' list (from newer MATLAB releases) that Rouge 3.30's older list lacks and
# that code often uses as variables: `i`, `j` as loop counters, and a few plain words.
_NEWER_NAMES = frozenset("i j pattern matches extract flush update readline event".split())


def _pygments_builtins() -> frozenset:
    """The MATLAB function names Pygments' MATLAB lexer carries (near Rouge's list, which we
    do not copy), with our own list of common names."""
    try:
        from pygments.lexers.matlab import MatlabLexer

        for pattern, token, *_ in MatlabLexer.tokens["root"]:
            if "Builtin" in str(token) and hasattr(pattern, "words"):
                return (frozenset(pattern.words) - _NEWER_NAMES) | MATLAB_FUNCTIONS
    except (ImportError, KeyError, ValueError):
        pass
    return MATLAB_FUNCTIONS


_BUILTINS = _pygments_builtins()


def _c(pattern, flags=0):
    return re.compile(pattern, re.M | flags)  # Ruby's ^ and $ match at every line


def _name_class(text: str) -> str:
    if text in _KEYWORDS:
        return "k"
    return "nb" if text in _BUILTINS else "n"


def _shell_escape(lexer, m):
    return [("k", m.group(1))] + lex_shell(m.group(2))


_STATES = {
    "root": [
        (_c(r"\s+"), "", None),
        (_c(r"[{]%.*?%[}]", re.S), "cm", None),
        (_c(r"%.*$"), "c1", None),
        (_c(r"([.][.][.])(.*?)$"), ("k", "c"), None),
        (_c(r"^(!)(.*?)(?=%|$)"), None, _shell_escape),
        (_c(r"[a-zA-Z][_a-zA-Z0-9]*"), _name_class, None),
        (_c(r"[(){};:,/\\\]\[]"), "p", None),
        (_c(r"~=|==|<<|>>|[-~+/*%=<>&^|.@]"), "o", None),
        (_c(r"(?:\d+\.\d*|\d*\.\d+)(?:e[+-]?[0-9]+)?", re.I), "mf", None),
        (_c(r"\d+e[+-]?[0-9]+", re.I), "mf", None),
        (_c(r"\d+L"), "il", None),
        (_c(r"\d+"), "mi", None),
        (_c(r"'(?=.*')"), "s1", "chararray"),
        (_c(r'"(?=.*")'), "s2", "string"),
        (_c(r"'"), "o", None),
    ],
    "chararray": [(_c(r"[^']+"), "s1", None), (_c(r"''"), "se", None), (_c(r"'"), "s1", "#pop")],
    "string": [(_c(r'[^"]+'), "s2", None), (_c(r'""'), "se", None), (_c(r'"'), "s2", "#pop")],
}


def lex_matlab(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
