r"""TeX and LaTeX tokenised the way Rouge 3.30 does it (Pygments' TeX lexer classes braces and
math differently).

What Rouge does, in short: a command `\name` is `k` (with a following `[options]` as `na`);
`\begin{x}`/`\end{x}` are one `nt` token; `{ } & _ ^` are `p`; text is plain; inside `$...$`,
`$$...$$`, `\(...\)` and `\[...\]` commands are `nv`, digits `m`, operators `o` and any other
run of characters `nb`; `%` comments run to the end of the line.

`lex_tex(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer


def _c(pattern, flags=0):
    return re.compile(pattern, re.M | re.A | flags)  # Ruby: line anchors, ASCII \s


_COMMAND = r"\\(?:[a-z]+|\s+|.)"
_GENERAL = [(_c(r"%.*$"), "c", None), (_c(r"[{}&_^]"), "p", None)]
_MATH = [
    (_c(_COMMAND, re.I), "nv", None),
    *_GENERAL,
    (_c(r"[0-9]+"), "m", None),
    (_c(r"[-=!+*/()\[\]]"), "o", None),
    (_c(r"[^=!+*/()\[\]\\$%&_^{}0-9-]+"), "nb", None),
]

_STATES = {
    "root": [
        (_c(r"\\\["), "p", "displaymath"),
        (_c(r"\\\("), "p", "inlinemath"),
        (_c(r"\$\$"), "p", "displaymath"),
        (_c(r"\$"), "p", "inlinemath"),
        (_c(r"\\(?:begin|end)\{.*?\}"), "nt", None),
        (_c(r"(\\verb)\b(\S)(.*?)(\2)"), ("nb", "kp", "sx", "kp"), None),
        (_c(_COMMAND, re.I), "k", "command"),
        *_GENERAL,
        (_c(r"[^\\$%&_^{}]+"), "", None),
    ],
    "inlinemath": [(_c(r"\\\)"), "p", "#pop"), (_c(r"\$"), "p", "#pop"), *_MATH],
    "displaymath": [
        (_c(r"\\\]"), "p", "#pop"),
        (_c(r"\$\$"), "p", "#pop"),
        (_c(r"\$"), "nb", None),
        *_MATH,
    ],
    "command": [(_c(r"\[.*?\]"), "na", None), (_c(r"\*"), "k", None), (_c(r""), "", "#pop")],
}


def lex_tex(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
