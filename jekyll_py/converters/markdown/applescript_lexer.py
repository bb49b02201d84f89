"""AppleScript tokenised the way Rouge 3.30 does it.

Rouge's AppleScript lexer was ported from Pygments' and uses the same word lists (literals,
commands, references, AppleScript Studio's classes and properties...), so ours takes those
lists from Pygments at runtime; the rules and their order are Rouge's, which differ: `--` and
`#` comments are `c1`; `(*` alone is `cm` and what follows it is lexed as code (Rouge has no
block-comment state); whitespace is `w`; an `on`/`to`/`in`/`script` starting a line is `k`;
names are `nv`, and a character no rule knows (`[`, `;`) is `err`.

`lex_applescript(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from pygments.lexers.scripting import AppleScriptLexer

from .regex_lexer import RegexLexer

# Ruby's \w, \s and \d are ASCII: so are ours.
_FLAGS = re.ASCII | re.M


def _c(pattern, flags=0):
    return re.compile(pattern, _FLAGS | flags)


# Rouge's patterns cannot look behind the position, so their leading \b always holds there:
# ours leave it out (`1if` is a number then the keyword `if`).
def _words(names, suffix=""):
    return _c(r"(" + "|".join(names) + r")" + suffix + r"\b")


_A = AppleScriptLexer

_STATES = {
    "root": [
        (_c(r"\s+"), "w", None),
        (_c(r"¬\n"), "se", None),
        (_c(r"'s\s+"), "", None),
        (_c(r"(?:--|#).*?$"), "c1", None),
        (_c(r"\(\*"), "cm", None),
        (_c(r"[(){}!,.:]"), "p", None),
        (_c(r"(«)([^»]+)(»)"), ("", "nb", ""), None),
        (_c(r"((?:considering|ignoring)\s*)(application responses|case|diacriticals|hyphens"
            r"|numeric strings|punctuation|white space)"), ("k", "nb"), None),
        (_c(r"-|\*|\+|&|≠|>=?|<=?|=|≥|≤|/|÷|\^"), "o", None),
        (_words(_A.Operators), "ow", None),
        (_c(r"^(\s*(?:on|end)\s+)'r'(%s)"), ("k", "nf"), None),
        (_c(r"^(\s*)(in|on|script|to)(\s+)"), ("", "k", ""), None),
        (_c(r"(as )(" + "|".join(_A.Classes) + r")\b"), ("k", "nc"), None),
        (_words(_A.Literals), "nb", None),
        (_words(_A.Commands), "nb", None),
        (_words(_A.Control), "k", None),
        (_words(_A.Declarations), "k", None),
        (_words(_A.Reserved), "nb", None),
        (_words(_A.BuiltIn, "s?"), "nb", None),
        (_words(_A.HandlerParams), "nb", None),
        (_words(_A.StudioProperties), "na", None),
        (_words(_A.StudioClasses, "s?"), "nb", None),
        (_words(_A.StudioCommands), "nb", None),
        (_words(_A.References), "nb", None),
        (_c(r'"(?:\\\\|\\"|[^"])*"'), "s2", None),
        (_c(r"[a-zA-Z]\w*\b"), "nv", None),
        (_c(r"[-+]?(?:\d+\.\d*|\d*\.\d+)(?:E[-+][0-9]+)?"), "mf", None),
        (_c(r"[-+]?\d+"), "mi", None),
    ],
}


def lex_applescript(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
