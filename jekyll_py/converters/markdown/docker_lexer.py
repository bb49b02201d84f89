"""Dockerfiles tokenised the way Rouge 3.30 does it.

What Rouge does, in short: an instruction (`FROM`, `COPY`, `ENV`...) is `k` and the rest of its
line one string (`s`); `FROM image AS name` keeps `AS` a keyword; `RUN` lines are shell code,
lexed by one shell lexer that carries its state from line to line (shell_lexer.py), with `\\`
line continuations `se`; `#` comments are `c`.

`lex_docker(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer
from .shell_lexer import ShellLexer

_KEYWORDS = (
    "FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|STOPSIGNAL|"
    "HEALTHCHECK|SHELL"
)


def _c(pattern, flags=0):
    return re.compile(pattern, re.M | re.A | flags)  # Ruby: line anchors, ASCII \s and \w


def _start_run(lexer, m):
    lexer.shell = ShellLexer()
    lexer.push("run")
    return [("k", m.group(0))]


def _shell_code(lexer, m):
    return lexer.shell.lex(m.group(0), [])


_STATES = {
    "root": [
        (_c(r"\s+"), "", None),
        (_c(r"^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)", re.I), ("k", "w", "s", "w", "k", "w", "s"),
         None),
        (_c(rf"^(ONBUILD)(\s+)({_KEYWORDS})(.*)", re.I), ("k", "w", "k", "s"), None),
        (_c(rf"^({_KEYWORDS})\b(.*)", re.I), ("k", "s"), None),
        (_c(r"#.*?$"), "c", None),
        (_c(r"^(?:ONBUILD\s+)?RUN(\s+)", re.I), None, _start_run),
        (_c(r"\w+"), "", None),
        (_c(r"[^\w]+"), "", None),
    ],
    "run": [
        (_c(r"\n"), "", "#pop"),
        (_c(r"\\.", re.S), "se", None),
        (_c(r"(?:\\.|[^\n\\])+"), None, _shell_code),
    ],
}


def lex_docker(code: str) -> list:
    lexer = RegexLexer(_STATES)
    lexer.shell = ShellLexer()
    return lexer.lex(code)
