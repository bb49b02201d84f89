"""Java tokenised the way Rouge 3.30 does it (Pygments' Java lexer differs in punctuation,
numbers, labels and class names).

What Rouge does, in short: all punctuation is `o`; a name followed by `(` after a type or
modifier words is a function (`nf`, the words before it lexed again on their own), so a plain
call `f(x)` stays `n`; `.name` is `o` + attribute (`na`); `name:` is a label (`nl`); capitalised
names are classes (`nc`), all-capital ones constants (`no`); numbers need digits both sides of
a dot to be floats, and only integers take an `L` suffix; `class`/`interface` name the next
word a class and `import`/`package` the next path a namespace.

`lex_java(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_KEYWORDS = (
    "assert break case catch continue default do else finally for if goto instanceof new return "
    "switch this throw try while"
).split()
_DECLARATIONS = (
    "abstract const enum extends final implements native private protected public static "
    "strictfp super synchronized throws transient volatile"
).split()
_TYPES = "boolean byte char double float int long short var void".split()

_S = r"[ \t\n\r\f\v]"  # Ruby's \s
_ID = r"[^\W\d]\w*"
# Ruby's [[:upper:]]; Java code nearly always names things in ASCII.
_UPPER = r"[A-Z]"
_DIGIT = r"(?:[0-9]_+[0-9]|[0-9])"
_BIN_DIGIT = r"(?:[01]_+[01]|[01])"
_OCT_DIGIT = r"(?:[0-7]_+[0-7]|[0-7])"
_HEX_DIGIT = r"(?:[0-9a-fA-F]_+[0-9a-fA-F]|[0-9a-fA-F])"


def _c(pattern, flags=0):
    return re.compile(pattern, re.M | flags)


def _words(words):
    return "(?:" + "|".join(words) + r")\b"


def _method_signature(lexer, m):
    # Rouge lexes the words before the method name again, as Java on their own.
    return lex_java(m.group(1)) + [("nf", m.group(2)), ("", m.group(3)), ("o", m.group(4))]


_STATES = {
    "root": [
        (_c(r"[^\S\n]+"), "", None),
        (_c(r"//.*?$"), "c1", None),
        (_c(r"/\*.*?\*/", re.S), "cm", None),
        (_c(_words(_KEYWORDS)), "k", None),
        # The look-ahead only skips, quickly, places where no `(` can follow (see c_lexer.py).
        (_c(rf"(?=[\w.\[\]<>{_S[1:-1]}]*\()"
            rf"({_S}*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*{_S}+)+?)([a-zA-Z_][a-zA-Z0-9_]*)({_S}*)(\()"),
         None, _method_signature),
        (_c("@" + _ID), "nd", None),
        (_c(_words(_DECLARATIONS)), "kd", None),
        (_c(_words(_TYPES)), "kt", None),
        (_c(r"(?:true|false|null)\b"), "kc", None),
        (_c(r"(?:class|interface)\b"), "kd", "class"),
        (_c(r"(?:import|package)\b"), "kn", "import"),
        (_c(r'"(?:\\\\|\\"|[^"])*"'), "s", None),
        (_c(r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'"), "sc", None),
        (_c(rf"(\.)({_ID})"), ("o", "na"), None),
        (_c(rf"{_ID}:"), "nl", None),
        (_c(rf"{_UPPER}(?:{_UPPER}|[0-9_])*\b"), "no", None),
        (_c(rf"{_UPPER}[^\W_]*\b"), "nc", None),
        (_c(rf"\$?{_ID}"), "n", None),
        (_c(r"[~^*!%&\[\](){}<>|+=:;,./?-]"), "o", None),
        (_c(rf"{_DIGIT}+\.{_DIGIT}+(?:[eE]{_DIGIT}+)?[fd]?"), "mf", None),
        (_c(rf"0[bB]{_BIN_DIGIT}+"), "mb", None),
        (_c(rf"0[xX]{_HEX_DIGIT}+"), "mh", None),
        (_c(rf"0{_OCT_DIGIT}+"), "mo", None),
        (_c(rf"{_DIGIT}+L?"), "mi", None),
        (_c(r"\n"), "", None),
    ],
    "class": [(_c(rf"{_S}+"), "", None), (_c(_ID), "nc", "#pop")],
    "import": [(_c(rf"{_S}+"), "", None), (_c(r"[a-zA-Z0-9_.]+\*?"), "nn", "#pop")],
}


def lex_java(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
