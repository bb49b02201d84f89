"""Scala tokenised the way Rouge 3.30 does it (Pygments' Scala lexer differs almost everywhere).

What Rouge does, in short: brackets and `.;,` are operators (`o`); `val name` gives `k` and
`nv`, `def name` `k` and `nf`; `name.member` is `nv`, `o`, `py`; a name before `(` is `nf`; a
capitalised name of two or more characters is `nc`; `:` is `k` and starts a type, whose names
are `kt`; `[` opens type parameters (`kt`); `import a.b.C` is one `nn`; `=`, `=>`, `<-` are `k`.

`lex_scala(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

# Rouge's character classes, from the Scala specification. Python's `re` has no \p{...}:
# a letter is a Unicode word character that is no digit (or `$`); an upper-case letter is
# tested on the matched text (see _upper_name); an operator character is printable ASCII
# punctuation other than brackets, delimiters, `$` and `_`, or a Unicode arrow or
# mathematical symbol.
_LETTER = r"(?:[^\W\d]|\$)"
_OP = r"[!#%&'*+\-/:<=>?@\\^`|~\x7f\u00ac\u00b1\u00d7\u00f7\u2190-\u21ff\u2200-\u22ff\u2500-\u27bf]"
_IDREST = rf"{_LETTER}(?:{_LETTER}|[0-9])*(?:(?<=_){_OP}+)?"
_NAME = rf"(?:{_IDREST}|{_OP}+|`[^`]+`)"

_KEYWORDS = (
    "abstract case catch def do else extends final finally for forSome if implicit lazy match "
    "new override private protected requires return sealed super this throw try val var while "
    "with yield"
).split()


def _c(pattern):
    return re.compile(pattern, re.M)


# Rouge's upper-case letter (\p{Lu}, `$`, `_`): ASCII, Latin-1, Greek and Cyrillic capitals.
_UPPER = r"[A-Z$_\u00c0-\u00d6\u00d8-\u00de\u0391-\u03a9\u0410-\u042f]"

_TYPECHUNK = rf"(?:{_IDREST}|{_OP}+`[^`]+`)"

_STATES = {
    "root": [
        (_c(r"(class|trait|object)(\s+)"), ("k", ""), "class"),
        (_c(rf"'{_IDREST}(?!')"), "ss", None),
        (_c(r"[^\S\n]+"), "", None),
        (_c(r"//.*"), "c1", None),
        (_c(r"/\*"), "cm", "comment"),
        (_c(rf"@{_IDREST}"), "nd", None),
        (_c(rf"(def)(\s+)({_NAME})(\s*)"), ("k", "", "nf", ""), None),
        (_c(rf"(val)(\s+)({_NAME})(\s*)"), ("k", "", "nv", ""), None),
        (_c(rf"(this)(\n*)(\.)({_IDREST})"), ("k", "", "o", "py"), None),
        (_c(rf"({_IDREST}|_)(\n*)(\.)({_IDREST})"), ("nv", "", "o", "py"), None),
        (_c(rf"{_UPPER}{_IDREST}\b"), "nc", None),
        (_c(rf"({_IDREST})(\s*)(\()"), ("nf", "", "o"), None),
        (_c(rf"(\.)({_IDREST})"), ("o", "py"), None),
        (_c(r"(?:" + "|".join(_KEYWORDS) + r")\b"
            r"|(?:<[%:-]|=>|>:|[#=@_\u21d2\u2190])(?:\b|(?=\s)|$)"),
         "k", None),
        (_c(rf":(?!{_OP})"), "k", "type"),
        (_c(r"(?:true|false|null)\b"), "kc", None),
        (_c(r"(import|package)(\s+)"), ("k", ""), "import"),
        (_c(r"(type)(\s+)"), ("k", ""), "type"),
        (re.compile(r'""".*?"""(?!")', re.S), "s", None),
        (_c(r'"(?:\\\\|\\"|[^"])*"'), "s", None),
        (_c(r"'\\.'|'[^\\]'|'\\u[0-9a-fA-F]{4}'"), "sc", None),
        (_c(_IDREST), "n", None),
        (_c(r"`[^`]+`"), "n", None),
        (_c(r"\["), "o", "typeparam"),
        (_c(r"[(){};,.#]"), "o", None),
        (_c(rf"{_OP}+"), "o", None),
        (_c(r"(?:[0-9][0-9]*\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?"), "mf", None),
        (_c(r"[0-9][0-9]*[fFdD]"), "mf", None),
        (_c(r"0x[0-9a-fA-F]+"), "mh", None),
        (_c(r"[0-9]+L?"), "mi", None),
        (_c(r"\n"), "", None),
    ],
    "class": [
        (_c(rf"({_NAME})(\s*)(\[)"), ("nc", "", "o"), "typeparam"),
        (_c(r"\s+"), "", None),
        (_c(r"\{"), "o", "#pop"),
        (_c(r"\("), "o", "#pop"),
        (_c(r"//.*"), "c1", "#pop"),
        (_c(_NAME), "nc", "#pop"),
    ],
    "type": [
        (_c(r"\s+"), "", None),
        (_c(r"<[%:]|>:|[#_\u21d2]|forSome|type"), "k", None),
        (_c(r"([,);}]|=>|=)(\s*)"), ("o", ""), "#pop"),
        (_c(r"[({]"), "o", "type"),
        (_c(rf"({_TYPECHUNK}(?:\.{_TYPECHUNK})*)(\s*)(\[)"), ("kt", "", "o"), "#goto:typeparam"),
        (_c(rf"({_TYPECHUNK}(?:\.{_TYPECHUNK})*)(\s*)$"), ("kt", ""), "#pop"),
        (_c(r"//.*"), "c1", "#pop"),
        (_c(rf"\.|{_IDREST}|{_OP}+|`[^`]+`"), "kt", None),
    ],
    "typeparam": [
        (_c(r"[\s,]+"), "", None),
        (_c(r"<[%:]|=>|>:|[#_\u21d2]|forSome|type"), "k", None),
        (_c(r"[\])}]"), "o", "#pop"),
        (_c(r"[(\[{]"), "o", "typeparam"),
        (_c(rf"\.|{_IDREST}|{_OP}+|`[^`]+`"), "kt", None),
    ],
    "comment": [
        (_c(r"[^/*]+"), "cm", None),
        (_c(r"/\*"), "cm", "comment"),
        (_c(r"\*/"), "cm", "#pop"),
        (_c(r"[*/]"), "cm", None),
    ],
    "import": [
        (_c(rf"(?:{_IDREST}|\.)+"), "nn", "#pop"),
    ],
}


def lex_scala(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
