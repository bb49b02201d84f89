"""Unified diffs tokenised the way Rouge 3.30 does it: one token per line, the newline included
(Pygments leaves the newline outside and classes some lines differently).

`lex_diff(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

# (pattern, classes of its groups); patterns starting with `^` only match at a line start.
_RULES = [
    (re.compile(r" .*\n?"), ("",), True),
    (re.compile(r"---(?:\n|\Z)"), ("p",), True),
    (re.compile(r"[+>]+.*\n?"), ("gi",), True),
    (re.compile(r"\+.*\n?"), ("gi",), True),
    (re.compile(r"[-<]+.*\n?"), ("gd",), True),
    (re.compile(r"!.*\n?"), ("gs",), True),
    (re.compile(r"(?:[Ii]ndex|diff).*\n?"), ("gh",), True),
    (re.compile(r"(@@[^@]*@@)([^\n]*\n)"), ("p", ""), True),
    (re.compile(r"\w.*\n?", re.A), ("p",), True),
    (re.compile(r"=.*\n?"), ("gh",), True),
    (re.compile(r"\s.*\n?"), ("",), False),
]


def lex_diff(code: str) -> list:
    out: list = []
    pos = 0
    n = len(code)
    while pos < n:
        at_line_start = pos == 0 or code[pos - 1] == "\n"
        for pattern, classes, line_start in _RULES:
            if line_start and not at_line_start:
                continue
            m = pattern.match(code, pos)
            if m and m.end() > pos:
                for group, cls in enumerate(classes, 1):
                    text = m.group(group) if m.groups() else m.group(0)
                    if text:
                        out.append((cls, text))
                pos = m.end()
                break
        else:
            out.append(("err", code[pos]))
            pos += 1
    return out
