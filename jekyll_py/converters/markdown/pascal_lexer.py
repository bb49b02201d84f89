"""Pascal tokenised the way Rouge 3.30 does it.

What Rouge does, in short: every operator and bracket is punctuation (`p`), so `:=` is `p p`;
numbers are `m` (`$FF` `mh`); `'strings'` are `s`; keywords (any letter case) are `k` and type
names `kt`, `true`/`false`/`nil` `nb`; `//`, `--`, `(* *)` and `{ }` are comments.

`lex_pascal(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_KEYWORDS = (
    "absolute abstract all and and_then array as asm assembler attribute begin bindable case "
    "class const constructor delay destructor div do downto else end except exit export exports "
    "external far file finalization finally for forward function goto if implementation import "
    "in inc index inherited initialization inline interface interrupt is label library message "
    "mod module near nil not object of on only operator or or_else otherwise out overload "
    "override packed pascal pow private procedure program property protected public published "
    "qualified raise read record register repeat resident resourcestring restricted safecall "
    "segment set shl shr stdcall stored string then threadvar to try type unit until uses value "
    "var view virtual while with write writeln xor"
).split()
_TYPES = (
    "ansichar ansistring bool boolean byte bytebool cardinal char comp currency double dword "
    "extended int64 integer iunknown longbool longint longword pansichar pansistring pbool "
    "pboolean pbyte pbytearray pcardinal pchar pcomp pcurrency pdate pdatetime pdouble pdword "
    "pextended phandle pint64 pinteger plongint plongword pointer ppointer pshortint "
    "pshortstring psingle psmallint pstring pvariant pwidechar pwidestring pword pwordarray "
    "pwordbool real real48 shortint shortstring single smallint string tclass tdate tdatetime "
    "textfile thandle tobject ttime variant widechar widestring word wordbool"
).split()


def _c(pattern, flags=0):
    # Ruby: line anchors, ASCII \s and \w. A leading \b of Rouge's always holds at the match
    # position (its patterns cannot look behind), so ours leave it out.
    return re.compile(pattern, re.M | re.A | flags)


_STATES = {
    "root": [
        (_c(r"\s+"), "", None),
        (_c(r"//.*$\n?"), "c1", None),
        (_c(r"--.*$\n?"), "c1", None),
        (_c(r"\(\*.*?\*\)", re.S), "cm", None),
        (_c(r"\{.*?\}", re.S), "cm", None),
        (_c(r"(?:0[xX][0-9a-fA-F]*|[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
            r"(?:L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?"), "m", None),
        (_c(r"\$[0-9A-Fa-f]+"), "mh", None),
        (_c(r"[~!@#$%^&*()+`\-={}\[\]:;<>?,./|\\]"), "p", None),
        (_c(r"'(?:[^']|'')*'"), "s", None),
        (_c(r"(?:true|false|nil)\b", re.I), "nb", None),
        (_c(r"(?:" + "|".join(_KEYWORDS) + r")\b", re.I), "k", None),
        (_c(r"(?:" + "|".join(_TYPES) + r")\b", re.I), "kt", None),
        (_c(r"@?[_a-z]\w*", re.I), "n", None),
    ],
}


def lex_pascal(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
