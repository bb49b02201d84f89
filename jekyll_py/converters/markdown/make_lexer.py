"""Makefiles tokenised the way Rouge 3.30 does it.

What Rouge does, in short: `NAME =` assignments give `nv` and `o`, and the value is shell code;
`target: deps` gives the target `nl`, `:` `o` and the dependencies `nf`; recipe lines (starting
with a tab) are shell code, lexed by one shell lexer that carries its state through the recipe
(shell_lexer.py), with `$(VAR)` as `nv` and `$(function ...)` as `nf` + `nb`; `include`,
`ifdef`/`ifeq`, `else`, `endif` and `export` are `k`; `#` comments `c`.

`lex_make(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer
from .shell_lexer import ShellLexer

_FUNCTIONS = (
    "abspath addprefix addsuffix and basename call dir error eval file filter filter-out "
    "findstring firstword flavor foreach if join lastword notdir or origin patsubst realpath "
    "shell sort strip subst suffix value warning wildcard word wordlist words"
).split()


def _c(pattern, flags=0):
    return re.compile(pattern, re.M | re.A | flags)  # Ruby: line anchors, ASCII \s and \w


def _shell(lexer, m):
    return lexer.shell.lex(m.group(0), [])


def _shell_push(lexer, m):
    lexer.push("shell_expr")
    return lexer.shell.lex(m.group(0), [])


def _end_recipe(lexer, m):
    lexer.shell = ShellLexer()
    lexer.pop()


def _to_body(lexer, m):
    lexer.stack[-1] = "block_body"
    return [("", m.group(0))]


_STOP = r"\$\(|\$\{|\(|\)|\}|\\|$"
_SHELL = [
    (_c(r"\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]", re.I), "nv", None),
    (_c(r"(\$[({])([\t ]*)(" + "|".join(_FUNCTIONS) + r")([\t ]+)"), ("nf", "", "nb", ""),
     "shell_expr"),
    (_c(r"\\.", re.S), None, _shell),
    (_c(rf".+?(?={_STOP})", re.S), None, _shell),
    (_c(_STOP), None, _shell),
]

_STATES = {
    "root": [
        (_c(r"\s+"), "", None),
        (_c(r"#.*?\n"), "c", None),
        (_c(r"([-s]?include)((?:[\t ]+[^\t\n #]+)+)"), ("k", "sx"), None),
        (_c(r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)"), ("k", "", "nv"), None),
        (_c(r"(?:else|endif)[\t ]*(?=[#\n])"), "k", None),
        (_c(r"(export)([\t ]+)(?=[\w${}()\t -]+\n)"), ("k", ""), "export"),
        (_c(r"export[\t ]+"), "k", None),
        (_c(r"([\w${}().-]+)([\t ]*)([!?:+]?=)"), ("nv", "", "o"), "shell_line"),
        (_c(r'"(?:\\\\|\\.|[^"\\])*"'), "s2", None),
        (_c(r"'(?:\\\\|\\.|[^'\\])*'"), "s1", None),
        (_c(r"([^\n:]+)(:+)([ \t]*)"), ("nl", "o", ""), "block_header"),
    ],
    "export": [
        (_c(r"[\w${}()-]"), "nv", None),
        (_c(r"\n"), "", "#pop"),
        (_c(r"[\t ]+"), "", None),
    ],
    "block_header": [
        (_c(r"[^,\\\n#]+"), "nf", None),
        (_c(r","), "p", None),
        (_c(r"#"), "c", None),
        (_c(r"\\\n"), "", None),
        (_c(r"\\."), "", None),
        (_c(r"\n"), None, _to_body),
    ],
    "block_body": [
        (_c(r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)(#.*)?(\n)"), ("k", "", "nv", "c", ""), None),
        (_c(r"(else|endif)([\t ]*)(#.*)?(\n)"), ("k", "", "c", ""), None),
        (_c(r"(\t[\t ]*)([@-]?)"), ("", "p"), "shell_line"),
        (_c(r""), None, _end_recipe),
    ],
    "shell_expr": [
        (_c(r"[({]"), None, _shell_push),
        (_c(r"[)}]"), "nf", "#pop"),
        *_SHELL,
    ],
    "shell_line": [(_c(r"\n"), "", "#pop"), *_SHELL],
}


def lex_make(code: str) -> list:
    lexer = RegexLexer(_STATES)
    lexer.shell = ShellLexer()
    return lexer.lex(code)
