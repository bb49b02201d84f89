"""Markdown source tokenised the way Rouge 3.30 does it (Pygments' Markdown lexer reads it
differently).

Rouge reads Markdown line by line with a few patterns: `# Title` lines are `gh`, deeper ones
and `===`-underlined lines `gu`, `---`-underlined ones `gh`; list bullets, numbers and rules
`p`; quote lines `gt`; `*x*`/`_x_` `ge`, `**x**`/`__x__` `gs`; code spans and indented code
`sb`; links `[text](url "title")` are `p`/`nv`/`p`, then the URL `sx` and the title `nn`;
reference definitions `[ref]: url` have the name `ss`. A fenced block's fence is `p`, its
language name `nl` and its code is highlighted in that language (unknown names: `sb`).
Front matter and inline HTML are handed to the YAML and HTML highlighting.

`lex_markdown(code, lex_other)` returns a list of (Rouge CSS class, text); `lex_other(lang,
text)` highlights embedded code and returns tokens, or None for an unknown language.
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_EDOT = r"(?:\\.|[^\\\n])"  # one character of a line, an escaped pair counting as one


def _c(pattern):
    # Ruby's `^`/`$` are line anchors; `.` matches a newline only where Rouge's rule says /m
    return re.compile(pattern, re.M)


def _cs(pattern):
    return re.compile(pattern, re.M | re.S)


def _front_matter(lexer, m):
    return lexer.lex_other("yaml", m.group(0)) or [("", m.group(0))]


def _html(lexer, m):
    return lexer.lex_other("html", m.group(0)) or [("", m.group(0))]


def _fenced(lexer, m):
    indent, fence, info, code, before_close, close = m.group(1, 2, 3, 5, 6, 7)
    name = info.strip()
    out = [("", indent), ("p", fence), ("nl", info)]

    def embedded(text):
        if not name:  # Rouge guesses a language; plain text is what it finds for most code
            return [("", text)]
        return lexer.lex_other(name, text) or [("sb", text)]

    if code:
        out += embedded(code)
    if before_close:
        out.append(("", before_close))
    if close:
        out.append(("p", close))
    else:
        # no closing fence after it: the lines up to a fence (or all) are the code
        def closing(lexer, mb):
            lexer.pop()
            return None

        lexer.states = dict(lexer.states, open_fence=[
            (_c(r"^([ \t]*)(" + re.escape(fence) + r")"), ("", "p"), closing),
            (_c(r"^.*\n"), None, lambda lexer, mb: embedded(mb.group(0))),
        ])
        lexer.push("open_fence")
    return out


_TITLE = [
    (_c(r'"' + _EDOT + r'*?"'), "nn", None),
    (_c(r"'" + _EDOT + r"*?'"), "nn", None),
    (_c(r"[(]" + _EDOT + r"*?[)]"), "nn", None),
    (_c(r"\s*(?=[\"'()])"), "", None),
    (_c(r""), "", "#pop"),
]
_URL = [
    (_c(r"[ \t]+"), "", None),
    (_c(r"(<)(" + _EDOT + r"*?)(>)"), ("nt", "sx", "nt"), "#pop"),
    (_c(r"\S+"), "sx", "#pop"),
]

_STATES = {
    "root": [
        (_cs(r"(---\s*\n.*?\n?)^(---\s*$\n?)"), None, _front_matter),
        (_c(r"\\."), "se", None),
        (_c(r"^[\S ]+\n(?:---*)\n"), "gh", None),
        (_c(r"^[\S ]+\n(?:===*)\n"), "gu", None),
        (_c(r"^#(?=[^#]).*?$"), "gh", None),
        (_c(r"^##*.*?$"), "gu", None),
        (_cs(r"^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?"), None, _fenced),
        (_c(r"\n\n((    |\t).*?\n|\n)+"), "sb", None),
        (_c(r"(`+)(?:" + _EDOT + r"|\n)+?\1"), "sb", None),
        (_c(r"^(\s*[*]){3,}\s*$"), "p", None),  # rules
        (_c(r"^(\s*[-]){3,}\s*$"), "p", None),
        (_c(r"^\s*[*+-](?=\s)"), "p", None),  # bullets
        (_c(r"^\s*\d+\."), "p", None),  # numbered items
        (_c(r"^\s*>.*?$"), "gt", None),  # quotes
        (_c(r"^(\s*)(\[)(" + _EDOT + r"+?)(\])(\s*)(:)"), ("", "p", "ss", "p", "", "p"),
         ("title", "url")),  # reference definitions
        (_c(r"(!?\[)(" + _EDOT + r"*?|[^\]]*?)(\])(?=[\[(])"), ("p", "nv", "p"), "link"),
        (_c(r"[*][*]" + _EDOT + r"*?[*][*]"), "gs", None),
        (_c(r"__" + _EDOT + r"*?__"), "gs", None),
        (_c(r"[*]" + _EDOT + r"*?[*]"), "ge", None),
        (_c(r"_" + _EDOT + r"*?_"), "ge", None),
        (_c(r"<.*?@.+[.].+>"), "nv", None),  # automatic links
        (_c(r"<(https?|mailto|ftp)://" + _EDOT + r"*?>"), "nv", None),
        (_c(r"[^\\`\[*\n&<]+"), "", None),
        (_c(r"&\S*;"), None, _html),
        (_c(r"<" + _EDOT + r"*?>"), None, _html),
        (_c(r"[&<]"), "", None),
        (_c(r"\["), "", None),
        (_c(r"\n"), "", None),
    ],
    "link": [
        (_c(r"(\[)(" + _EDOT + r"*?)(\])"), ("p", "ss", "p"), "#pop"),
        (_c(r"[(]"), "p", ("inline_title", "inline_url")),
        (_c(r"[ \t]+"), "", None),
        (_c(r""), "", "#pop"),
    ],
    "url": _URL,
    "title": _TITLE,
    "inline_title": [(_c(r"[)]"), "p", "#pop"), *_TITLE],
    "inline_url": [(_c(r"[^<\s)]+"), "sx", "#pop"), (_c(r"\s+"), "", None), *_URL],
}


def lex_markdown(code: str, lex_other) -> list:
    lexer = RegexLexer(_STATES)
    lexer.lex_other = lex_other
    return lexer.lex(code)
