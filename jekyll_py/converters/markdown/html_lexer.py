"""HTML tokenised the way Rouge 3.30's HTML lexer does it, as a state machine that template
lexers (Handlebars, JSP) can feed piece by piece, its state carried from one piece to the next
as Rouge's `delegate` does.

What Rouge does, in short: text is plain, `&...;` an entity (`ni`); `<`, the tag name and
`>` (with the space or `/` before it) are `nt`; `name=` with the spaces around the `=` is
`na`, the value `s`; a bare attribute `na`; comments `c`; a doctype, CDATA or `<?...?>` `cp`.
The content of `<script>` and `<style>` goes to the JavaScript and CSS lexers.

`html_lexer()` returns a fresh `RegexLexer`; `lexer.lex(text)` lexes one piece and may be
called again with the next piece.
"""

from __future__ import annotations

import re

from .css_lexer import CssLexer
from .javascript_lexer import javascript_lexer
from .regex_lexer import RegexLexer

# Rouge's \p{L}, \p{Word} and \p{Cf} (format characters) in Python's `re` terms.
_NAME_START = r"(?:[^\W\d]|[:-])"
_NAME_CHAR = r"[\w\u00ad\u200b-\u200f\u2060-\u2064\ufeff:.\u00b7-]"  # \p{Word}, \p{Cf}
_TAG_NAME = rf"{_NAME_START}{_NAME_CHAR}*"
_FORMAT_CHARS = r"\u00ad\u200b-\u200f\u2060-\u2064\ufeff"  # \p{Cf}


def _c(pattern, flags=0):
    return re.compile(pattern, flags)


def _open_script(lexer, m):
    # each <script> gets a fresh JavaScript lexer, fed piece by piece as Rouge's delegate does
    lexer.javascript = javascript_lexer()
    lexer.stack += ["script_content", "tag"]


def _to_javascript(lexer, m):
    return lexer.javascript.lex(m.group(0))


def _open_style(lexer, m):
    lexer.css = CssLexer()
    lexer.stack += ["style_content", "tag"]


def _to_css(lexer, m):
    return lexer.css.lex(m.group(0))


_STATES = {
    "root": [
        (_c(r"[^<&]+"), "", None),
        (_c(r"&\S*?;"), "ni", None),
        (_c(r"<!DOCTYPE .*?>", re.I | re.S), "cp", None),
        (_c(r"<!\[CDATA\[.*?\]\]>", re.S), "cp", None),
        (_c(r"<!--"), "c", "comment"),
        (_c(r"<\?.*?\?>", re.S), "cp", None),
        (_c(r"<\s*script\s*"), "nt", _open_script),
        (_c(r"<\s*style\s*"), "nt", _open_style),
        (_c(r"</"), "nt", "tag_end"),
        (_c(r"<"), "nt", "tag_start"),
    ],
    "tag_end": [
        (_c(r"\s+"), "", None),
        (_c(r">"), "nt", "#pop"),
        (_c(_TAG_NAME), "nt", "#goto:tag_end_end"),
    ],
    "tag_end_end": [
        (_c(r"\s+"), "", None),
        (_c(r">"), "nt", "#pop"),
    ],
    "tag_start": [
        (_c(r"\s+"), "", None),
        (_c(_TAG_NAME), "nt", "#goto:tag"),
        (_c(r""), None, "#goto:tag"),
    ],
    "comment": [
        (_c(r"[^-]+"), "c", None),
        (_c(r"-->"), "c", "#pop"),
        (_c(r"-"), "c", None),
    ],
    "tag": [
        (_c(r"\s+"), "", None),
        (_c(rf"(?:[^\W\d]|[:_\[\]()*.-])[\w{_FORMAT_CHARS}:.\u00b7\[\]()*-]*\s*=\s*"),
         "na", "attr"),
        (_c(rf"(?:[^\W\d]|[:_*#-])[\w{_FORMAT_CHARS}:.\u00b7*#-]*"), "na", None),
        (_c(r"/?\s*>"), "nt", "#pop"),
    ],
    "attr": [
        (_c(r'"'), "s", "#goto:dq"),
        (_c(r"'"), "s", "#goto:sq"),
        (_c(r"[^\s>]+"), "s", "#pop"),
    ],
    "dq": [(_c(r'"'), "s", "#pop"), (_c(r'[^"]+'), "s", None)],
    "sq": [(_c(r"'"), "s", "#pop"), (_c(r"[^']+"), "s", None)],
    "script_content": [
        (_c(r"[^<]+"), None, _to_javascript),
        (_c(r"<\s*/\s*script\s*>"), "nt", "#pop"),
        (_c(r"<"), None, _to_javascript),
    ],
    "style_content": [
        (_c(r"[^<]+"), None, _to_css),
        (_c(r"<\s*/\s*style\s*>"), "nt", "#pop"),
        (_c(r"<"), None, _to_css),
    ],
}


def html_lexer() -> RegexLexer:
    return RegexLexer(_STATES)


def lex_html(code: str) -> list:
    return html_lexer().lex(code)
