"""Haskell tokenised the way Rouge 3.30 does it (Pygments' Haskell lexer differs in operators,
names and imports).

What Rouge does, in short: capitalised words are types (`kt`), other words names (`n`) unless
reserved (`kr`); every operator, `=` and `->` included, is `o`; `\\` as lambda is `nf`; `[]`
is `kt` and `()` `nb`; `import M (f, g)` and `module M (..)` class the listed names `nf` and
types `kt`; `{- -}` comments nest; `-- |` lines are doc comments (`cd`).

`lex_haskell(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_RESERVED = frozenset(
    "_ case class data default deriving do else if in infix infixl infixr instance let newtype "
    "of then type where".split()
)
_ASCII_ESCAPES = (
    "NUL|SOH|[SE]TX|EOT|ENQ|ACK|BEL|BS|HT|LF|VT|FF|CR|S[OI]|DLE|DC[1-4]|NAK|SYN|ETB|CAN|EM|SUB|"
    "ESC|[FGRU]S|SP|DEL"
)
_OP = r"[:!#$%&*+.\\/<=>?@^|~-]"


def _c(pattern, flags=0):
    return re.compile(pattern, re.M | re.A | flags)  # Ruby: line anchors, ASCII \w \s \d


def _word(lexer, m):
    word = m.group(0)
    if word in ("import", "module"):
        lexer.push(word)
        return [("kr", word)]
    if word in _RESERVED:
        return [("kr", word)]
    if re.match(r"'?[A-Z]", word):
        return [("kt", word)]
    return [("n", word)]


def _char_escape(lexer, m):
    lexer.stack[-1] = "character_end"
    lexer.push("escape")
    return [("se", m.group(0))]


_BASIC = [
    (_c(r"\s+"), "", None),
    (_c(r"\{-#"), "cp", "comment_preproc"),
    (_c(r"\{-"), "cm", "comment"),
    (_c(r"^--\s+\|.*?$"), "cd", None),
    (_c(r"--(?![!#$%&*+./<=>?@^|_~]).*?$"), "c1", None),
]


def _comment(cls):
    return [
        (_c(r"-\}"), cls, "#pop"),
        (_c(r"\{-"), cls, "comment"),
        (_c(r"[^-{}]+"), cls, None),
        (_c(r"[-{}]"), cls, None),
    ]


_STATES = {
    "root": [
        *_BASIC,
        (_c(r"'(?=(?:.|\\\S+)')"), "sc", "character"),
        (_c(r'"'), "s", "string"),
        (_c(r"\d+e[+-]?\d+", re.I), "mf", None),
        (_c(r"\d+\.\d+(?:e[+-]?\d+)?", re.I), "mf", None),
        (_c(r"0o[0-7]+", re.I), "mo", None),
        (_c(r"0x[\da-f]+", re.I), "mh", None),
        (_c(r"\d+"), "mi", None),
        (_c(r"[\w']+"), None, _word),
        (_c(rf"\\(?!{_OP}+)"), "nf", None),
        (_c(rf"(?:<-|::|->|=>|=)(?!{_OP}+)"), "o", None),
        (_c(rf":{_OP}*"), "o", None),
        (_c(rf"{_OP}+"), "o", None),
        (_c(r"\[\s*\]"), "kt", None),
        (_c(r"\(\s*\)"), "nb", None),
        (_c(r"(\[)([_a-z][\w']*)(\|)"), ("o", "n", "o"), "quasiquotation"),
        (_c(r"[\[\](),;`{}]"), "p", None),
    ],
    "comment": _comment("cm"),
    "comment_preproc": _comment("cp"),
    "import": [
        (_c(r"\s+"), "", None),
        (_c(r'"'), "s", "string"),
        (_c(r"qualified\b"), "k", None),
        (_c(r"([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)"), ("nn", "", "k", "", "n"),
         "#pop"),
        (_c(r"([A-Z][\w.]*)(\s+)(hiding)(\s+)(\()"), ("nn", "", "k", "", "p"), "#goto:funclist"),
        (_c(r"([A-Z][\w.]*)(\s+)(\()"), ("nn", "", "p"), "#goto:funclist"),
        (_c(r"[\w.]+"), "nn", "#pop"),
    ],
    "module": [
        (_c(r"\s+"), "", None),
        (_c(r"([A-Z][\w.]*)(\s+)(\()"), ("nn", "", "p"), "funclist"),
        (_c(r"where\b"), "kr", "#pop"),
        (_c(r"[A-Z][a-zA-Z0-9_.]*"), "nn", "#pop"),
    ],
    "funclist": [
        *_BASIC,
        (_c(r"[A-Z]\w*"), "kt", None),
        (_c(r"_[\w']+|[a-z][\w']*"), "nf", None),
        (_c(r","), "p", None),
        (_c(rf"{_OP}+"), "o", None),
        (_c(r"\("), "p", "funclist"),
        (_c(r"\)"), "p", "#pop"),
    ],
    "character": [
        (_c(r"\\"), None, _char_escape),
        (_c(r"."), "sc", "#goto:character_end"),
    ],
    "character_end": [(_c(r"'"), "sc", "#pop"), (_c(r"."), "err", "#pop")],
    "quasiquotation": [(_c(r"\|\]"), "o", "#pop"), (_c(r"[^|]+"), "", None), (_c(r"\|"), "", None)],
    "string": [(_c(r'"'), "s", "#pop"), (_c(r"\\"), "se", "escape"), (_c(r'[^\\"]+'), "s", None)],
    "escape": [
        (_c(r"[abfnrtv\"'&\\]"), "se", "#pop"),
        (_c(r"\^[\]\[A-Z@^_]"), "se", "#pop"),
        (_c(_ASCII_ESCAPES), "se", "#pop"),
        (_c(r"o[0-7]+", re.I), "se", "#pop"),
        (_c(r"x[\da-f]+", re.I), "se", "#pop"),
        (_c(r"\d+"), "se", "#pop"),
        (_c(r"\s+\\"), "se", "#pop"),
    ],
}


def lex_haskell(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
