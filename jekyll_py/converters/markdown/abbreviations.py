"""kramdown abbreviations: `*[HTML]: Hyper Text Markup Language` on a line of its own defines one;
every occurrence of `HTML` as a whole word in the document's text (not in code, HTML or math)
then becomes `<abbr title="Hyper Text Markup Language">HTML</abbr>` (no `title` when the
definition is empty). Longer abbreviations win over shorter ones starting at the same place.
An IAL right after the definition line gives the `<abbr>` more attributes.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from . import html_syntax as hs
from .renderer import register_inline

_DEF = re.compile(r" {0,3}\*\[(.+?)\]:(.*)$")


def abbr_def_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("*[", pos):
        return False
    m = _DEF.match(state.src[state.bMarks[start] : state.eMarks[start]])
    if not m:
        return False
    if silent:
        return True
    defs = state.env.setdefault("kd_abbrs", {})
    tok = state.push("kd_abbr_def", "", 0)
    tok.map = [start, start + 1]
    tok.meta = {"name": m.group(1)}
    defs[m.group(1)] = [m.group(2).strip(), tok]
    state.line = start + 1
    return True


def _patterns(names):
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # An abbreviation starts the text or follows a non-word character, and ends a word.
    return re.compile(r"(?<!\w)(" + alternatives + r")(?!\w)", re.A)


def replace_rule(state):
    from .html_block import inline_tokens

    defs = state.env.get("kd_abbrs")
    if not defs:
        return
    pattern = _patterns(defs)
    for inline in inline_tokens(state.tokens):
        _replace(inline.children, pattern, defs)


def _replace(children, pattern, defs):
    out = []
    changed = False
    for tok in children:
        if tok.type == "image" and tok.children:
            out.append(tok)
            continue
        if tok.type != "text" or not pattern.search(tok.content):
            out.append(tok)
            continue
        changed = True
        pos = 0
        for m in pattern.finditer(tok.content):
            if m.start() > pos:
                out.append(_text(tok, tok.content[pos : m.start()], pos == 0))
            abbr = Token("kd_abbr", "abbr", 0)
            abbr.content = m.group(1)
            title, definition = defs[m.group(1)]
            abbr.meta = {"title": title, "definition": definition}
            out.append(abbr)
            pos = m.end()
        if pos < len(tok.content):
            out.append(_text(tok, tok.content[pos:], pos == 0))
    if changed:
        children[:] = out


def _text(original, content, first):
    tok = Token("text", "", 0)
    tok.content = content
    tok.meta = original.meta if first else {}
    return tok


def plugin(md, **opts):
    md.block.ruler.before("paragraph", "kd_abbr_def", abbr_def_rule)
    md.core.ruler.after("kd_typography", "kd_abbreviations", replace_rule)


@register_inline("kd_abbr")
def _abbr(ctx, tok):
    definition = tok.meta["definition"]
    attrs = dict(definition.attrs or {})
    if tok.meta["title"]:
        attrs["title"] = tok.meta["title"]
    # kramdown writes the abbreviation as it was typed (`R&D` stays `R&D`)
    return f"<abbr{hs.html_attributes(attrs)}>{tok.content}</abbr>"
