"""Kotlin tokenised the way Rouge 3.30 does it (Pygments' Kotlin lexer differs in declarations,
punctuation and names).

What Rouge does, in short: `class`/`interface`/`object`/`val`/`var` are `kd`, other keywords
`k`; the name after `class` is `nc`, after `fun` `nf`, after `val`/`var` `py`, after
`package`/`import` the whole path `nn`; capitalised names are classes (`nc`), a name before `(`
or `{` a function (`nf`), `name@` a label (`nd`); all operators and brackets are `p` except
`::`, `!!`, `?.`, `?:`, `..` (`o`); strings are `s` whatever they contain.

`lex_kotlin(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_KEYWORDS = (
    "abstract annotation as break by catch class companion const constructor continue "
    "crossinline do dynamic else enum external false final finally for fun get if import in "
    "infix inline inner interface internal is lateinit noinline null object open operator out "
    "override package private protected public reified return sealed set super suspend tailrec "
    "this throw true try typealias typeof val var vararg when where while yield"
).split()

# Rouge's names use Unicode categories; Kotlin code names things in ASCII almost always, so
# capitals are [A-Z] here and the other letters Python's \w letters.
_NAME_CHARS = r"[-\w]*"
_CLASS_NAME = rf"`?[A-Z]{_NAME_CHARS}`?"
_NAME = rf"`?[^\W\d]{_NAME_CHARS}`?"
_DEC = r"(?:[0-9][0-9_]*[0-9]|[0-9])"
_EXPONENT = rf"[eE][+-]?{_DEC}"
_DOUBLE = rf"(?:(?:{_DEC})?\.{_DEC}(?:{_EXPONENT})?|{_DEC}{_EXPONENT})"


def _c(pattern, flags=0):
    # Ruby's ^ and $ match at lines; a leading \b of Rouge's always holds at the match
    # position (its patterns cannot look behind), so ours leave it out.
    return re.compile(pattern, re.M | flags)


_STATES = {
    "root": [
        (_c(r"(companion)(\s+)(object)\b"), ("k", "", "k"), None),
        (_c(r"(class|data\s+class|interface|object)(\s+)"), ("kd", ""), "class"),
        (_c(r"(fun)(\s+)"), ("k", ""), "function"),
        (_c(r"(package|import)(\s+)"), ("k", ""), "package"),
        (_c(r"(val|var)(\s+)(\()"), ("kd", "", "p"), "destructure"),
        (_c(r"(val|var)(\s+)"), ("kd", ""), "property"),
        (_c(rf"(return|continue|break|this|super)(@{_NAME})?\b"), ("k", "nd"), None),
        (_c(r"fun\b"), "k", None),
        (_c(r"(?:" + "|".join(_KEYWORDS) + r")\b"), "k", None),
        (_c(r"^\s*\[.*?\]"), "na", None),
        (_c(r"[^\S\n]+"), "", None),
        (_c(r"\\\n"), "", None),
        (_c(r"//.*?$"), "c1", None),
        (_c(r"/[*].*[*]/"), "cm", None),
        (_c(r"/[*].*"), "cm", "comment"),
        (_c(r"\n"), "", None),
        (_c(r"(::)(class)"), ("o", "k"), None),
        (_c(r"::|!!|\?[:.]"), "o", None),
        (_c(r"\.\."), "o", None),
        (_c(rf"{_DOUBLE}[fF]?|{_DEC}[fF]"), "mf", None),
        (_c(r"0[bB](?:[01][01_]*[01]|[01])[uU]?L?"), "mb", None),
        (_c(r"0[xX](?:[0-9a-fA-F][0-9a-fA-F_]*[0-9a-fA-F]|[0-9a-fA-F])[uU]?L?"), "mh", None),
        (_c(r"(?:[1-9][0-9_]*[0-9]|[0-9])[uU]?L?"), "mi", None),
        (_c(r"[~!%^&*()+=|\[\]:;,.<>/?-]"), "p", None),
        (_c(r"[{}]"), "p", None),
        (_c(r'@"(?:""|[^"])*"'), "s", None),
        (_c(r'""".*?"""', re.S), "s", None),
        (_c(r'"(?:\\\\|\\"|[^"\n])*["\n]'), "s", None),
        (_c(r"'\\.'|'[^\\]'"), "sc", None),
        (_c(rf"@{_CLASS_NAME}"), "nd", None),
        (_c(rf"({_CLASS_NAME})(<)"), ("nc", "p"), "generic_parameters"),
        (_c(_CLASS_NAME), "nc", None),
        (_c(rf"{_NAME}(?=\s*[({{])"), "nf", None),
        (_c(rf"{_NAME}@"), "nd", None),
        (_c(_NAME), "n", None),
    ],
    "package": [(_c(r"\S+"), "nn", "#pop")],
    "class": [(_c(_CLASS_NAME), "nc", "#pop")],
    "function": [
        (_c(r"<"), "p", "generic_parameters"),
        (_c(r"\s+"), "", None),
        (_c(rf"({_CLASS_NAME})(\.)"), ("nc", "p"), None),
        (_c(_NAME), "nf", "#pop"),
    ],
    "generic_parameters": [
        (_c(_CLASS_NAME), "nc", None),
        (_c(r"<"), "p", "generic_parameters"),
        (_c(r"reified|out|in"), "k", None),
        (_c(r"[,:.?]"), "p", None),
        (_c(r"\s+"), "", None),
        (_c(r">"), "p", "#pop"),
    ],
    "property": [
        (_c(r"<"), "p", "generic_parameters"),
        (_c(r"\s+"), "", None),
        (_c(_NAME), "py", "#pop"),
    ],
    "destructure": [
        (_c(r","), "p", None),
        (_c(r"\)"), "p", "#pop"),
        (_c(r"\s+"), "", None),
        (_c(_NAME), "py", None),
    ],
    "comment": [
        (_c(r"/[*]"), "cm", "comment"),
        (_c(r"[*]/"), "cm", "#pop"),
        (_c(r"[^/*]+"), "cm", None),
        (_c(r"[/*]"), "cm", None),
    ],
}


def lex_kotlin(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
