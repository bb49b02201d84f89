"""R tokenised the way Rouge 3.30 does it (Pygments' R lexer differs in whitespace, names and
numbers).

What Rouge does, in short: whitespace is `w`; a `.Primitive` function of base R (`c`, `sum`,
`length`...) is `nf` only when `(` follows, every other name is `n` (`kc` for `NULL`, `TRUE`...,
`nb` for `pi`, `letters`...); `%...%` is one operator; a sign directly before digits belongs to
the number (`x-1` is `n` then `m`); strings may span lines; `#'` comments are `cd`.

`lex_r(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_KEYWORDS = frozenset("if else for while repeat in next break function".split())
_KEYWORD_CONSTANTS = frozenset(
    "NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ NA_character_".split()
)
_BUILTIN_CONSTANTS = frozenset("LETTERS letters month.abb month.name pi T F".split())
_PRIMITIVES = (
    "abs acos acosh all any anyNA Arg as.call as.character as.complex as.double as.environment "
    "as.integer as.logical as.null.default as.numeric as.raw asin asinh atan atanh attr "
    "attributes baseenv browser c call ceiling class Conj cos cosh cospi cummax cummin cumprod "
    "cumsum digamma dim dimnames emptyenv exp expression floor forceAndCall gamma gc.time "
    "globalenv Im interactive invisible is.array is.atomic is.call is.character is.complex "
    "is.double is.environment is.expression is.finite is.function is.infinite is.integer "
    "is.language is.list is.logical is.matrix is.na is.name is.nan is.null is.numeric is.object "
    "is.pairlist is.raw is.recursive is.single is.symbol lazyLoadDBfetch length lgamma list log "
    "max min missing Mod names nargs nzchar oldClass on.exit pos.to.env proc.time prod quote "
    "range Re rep retracemem return round seq_along seq_len seq.int sign signif sin sinh sinpi "
    "sqrt standardGeneric substitute sum switch tan tanh tanpi tracemem trigamma trunc unclass "
    "untracemem UseMethod xtfrm"
).split()

# Ruby's [[:alpha:]] and [[:alnum:]] are Unicode classes.
_ALPHA = r"[^\W\d_]"
_ALNUM = r"[^\W_]"


def _c(pattern, flags=0):
    return re.compile(pattern, re.M | flags)


def _name_class(text: str) -> str:
    if text in _KEYWORDS:
        return "k"
    if text in _KEYWORD_CONSTANTS:
        return "kc"
    if text in _BUILTIN_CONSTANTS:
        return "nb"
    return "n"


_STATES = {
    "root": [
        (_c(r"#'.*?$"), "cd", None),
        (_c(r"#.*?$"), "c1", None),
        (_c(r"[ \t\n\r\f\v]+"), "w", None),
        (_c(r"`[^`]+?`"), "n", None),
        (_c(r"'(?:\\.|.)*?'", re.S), "s1", None),
        (_c(r'"(?:\\.|.)*?"', re.S), "s2", None),
        (_c(r"%[^%]*?%"), "o", None),
        (_c(r"0[xX][a-fA-F0-9]+(?:[pP][0-9]+)?[Li]?"), "mh", None),
        (_c(r"[+-]?(?:[0-9]+(?:[.][0-9]+)?|[.][0-9]+)(?:[eE][+-]?[0-9]+)?[Li]?"), "m", None),
        # Rouge's pattern has a look-behind that cannot see before the position: dropped.
        (_c(r"(?:" + "|".join(re.escape(name) for name in _PRIMITIVES) + r")(?=\()"), "nf", None),
        (_c(rf"(?:{_ALPHA}|[.](?:[._]|{_ALPHA}))(?:[._]|{_ALNUM})*|[.]"), _name_class, None),
        (_c(r"[\[\]{}();,]"), "p", None),
        (_c(r"[-<>?*+^/!=~$@:%&|]"), "o", None),
    ],
}


def lex_r(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
