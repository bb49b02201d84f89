"""Go tokenised the way Rouge 3.30 does it (Pygments' Go lexer differs in numbers, operators
and string escapes).

What Rouge does, in short: every number is `m`; `:` and `.` are operators (`o`), brackets,
`,` and `;` punctuation (`p`); predeclared types are `kt`, builtin functions (`len`, `make`...)
`nb`, `true`/`false`/`nil`/`iota` `no`; all comments are `c`; in "..." strings the escapes
are `se` (an unknown escape is `err`); `...` raw strings are `s`.

`lex_go(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer


def _words(words: str) -> str:
    # Rouge's leading \b always holds at the match position (its patterns cannot look behind).
    return "(?:" + "|".join(words.split()) + r")\b"


_KEYWORD = _words(
    "break default func interface select case defer go map struct chan else goto package "
    "switch const fallthrough if range type continue for import return var"
)
_TYPES = _words(
    "bool byte complex64 complex128 error float32 float64 int8 int16 int32 int64 int rune "
    "string uint8 uint16 uint32 uint64 uintptr uint"
)
_CONSTANTS = _words("true false iota nil")
_FUNCTIONS = _words(
    "append cap close complex copy delete imag len make new panic print println real recover"
)
_OPERATOR = "|".join(
    re.escape(op) for op in (
        "+= ++ + &^= &^ &= && & == = != ! -= -- - |= || | <= <- <<= << < *= * ^= ^ >>= >> >= > "
        "/ /= := % %= ... . :"
    ).split()
)
_DECIMALS = r"[0-9]+"
_EXPONENT = rf"[eE][+\-]?{_DECIMALS}"
_FLOAT = (rf"(?:{_DECIMALS}\.(?:{_DECIMALS})?(?:{_EXPONENT})?|{_DECIMALS}{_EXPONENT}"
          rf"|\.{_DECIMALS}(?:{_EXPONENT})?)")
_INT = r"(?:0[xX][0-9A-Fa-f]+|[0-9][0-9]*|0[0-7]*)"
_ESCAPED_CHAR = r"""\\[abfnrtv\\'"]"""
_UNICODE_VALUE = rf"(?:[^\n]|\\u[0-9A-Fa-f]{{4}}|\\U[0-9A-Fa-f]{{8}}|{_ESCAPED_CHAR})"
_BYTE_VALUE = r"(?:\\[0-7]{3}|\\x[0-9A-Fa-f]{2})"
_ESCAPE = rf"(?:{_ESCAPED_CHAR}|\\u[0-9A-Fa-f]{{4}}|\\U[0-9A-Fa-f]{{8}}|\\x[0-9A-Fa-f]{{2}})"


def _c(pattern, flags=0):
    return re.compile(pattern, flags)


_STATES = {
    "root": [
        (_c(r"//[^\n]*|/\*.*?\*/", re.S), "c", None),
        (_c(_KEYWORD), "k", None),
        (_c(_TYPES), "kt", None),
        (_c(_FUNCTIONS), "nb", None),
        (_c(_CONSTANTS), "no", None),
        (_c(rf"(?:{_DECIMALS}|{_FLOAT})i"), "m", None),
        (_c(_FLOAT), "m", None),
        (_c(_INT), "m", None),
        (_c(rf"'(?:{_UNICODE_VALUE}|{_BYTE_VALUE})'"), "sc", None),
        (_c(_OPERATOR), "o", None),
        (_c(r"[()\[\]{},;]"), "p", None),
        (_c(r"(?!" + _KEYWORD + r")[^\W\d]\w*"), "n", None),
        (_c(r"\s+", re.A), "", None),
        (_c(r"`"), "s", "raw_string"),
        (_c(r'"'), "s", "interpreted_string"),
    ],
    "interpreted_string": [
        (_c(_ESCAPE), "se", None),
        (_c(r"\\."), "err", None),
        (_c(r'"'), "s", "#pop"),
        (_c(r'[^"\\]+'), "s", None),
    ],
    "raw_string": [(_c(r"`"), "s", "#pop"), (_c(r"[^`]+"), "s", None)],
}


def lex_go(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
