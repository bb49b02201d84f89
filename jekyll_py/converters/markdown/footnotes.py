"""Footnotes as kramdown reads and writes them.

Reading:

* a definition `[^name]: text` starts a block (never inside a paragraph); it takes the rest of
  its line plus following chunks of lines indented by four spaces or a tab (blank lines may
  separate chunks; unindented lines right after an indented one continue it lazily). The content,
  with one indentation level removed, is parsed as Markdown blocks of its own;
* a marker `[^name]` anywhere in the text refers to a definition; without one it stays text.

Writing (only referenced footnotes are written, in the order of their first reference):

* marker: `<sup id="fnref:NAME" role="doc-noteref"><a href="#fn:NAME" class="footnote"
  rel="footnote">N</a></sup>`, numbered from the `footnote_nr` option; a repeated reference
  gets `fnref:NAME:1`, `fnref:NAME:2`... and the first reference's number;
* at the end of the document (or where a list marked `{:footnotes}` stands) a
  `<div class="footnotes" role="doc-endnotes"><ol>` with one `<li id="fn:NAME">` per footnote;
  the `footnote_backlink` link goes at the end of the last paragraph (after a no-break space),
  or into a paragraph of its own when the footnote does not end with a paragraph.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from . import html_syntax as hs
from .entities import entity_text
from .html_block import blank_flags
from .renderer import build_tree, register_block, register_inline, render_blocks

_DEF_RE = re.compile(r"\[\^([A-Za-z0-9_][\w-]*)\]:[ \t]*(.*)", re.A)
_MARKER_RE = re.compile(r"\[\^([A-Za-z0-9_][\w-]*)\]", re.A)
_LAZY_STOP = re.compile(r" {0,3}(?:\{:(?!:|/).+\}\s*$|\^\s*$)", re.A)

PLACEHOLDER = "\x00kramdown-footnotes\x00"


def _relative_line(state, line: int) -> str:
    """A line as its container sees it: indentation beyond the container's kept as spaces."""
    text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
    return " " * max(state.sCount[line] - state.blkIndent, 0) + text


def _lazy_line(state, line: int) -> bool:
    if state.isEmpty(line) or state.sCount[line] < state.blkIndent:
        return False
    text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
    return not _LAZY_STOP.match(text) and not hs.starts_lazy_end(text)


def _indented(state, line: int) -> bool:
    return not state.isEmpty(line) and state.sCount[line] - state.blkIndent >= 4


def footnote_def_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("[^", pos):
        return False
    m = _DEF_RE.match(state.src, pos, state.eMarks[start])
    if not m:
        return False
    if silent:
        return True
    # Chunks: optional blank lines, indented lines, then lazy lines.
    line = start + 1
    while line < end:
        nxt = line
        while nxt < end and state.isEmpty(nxt):
            nxt += 1
        if nxt >= end or not _indented(state, nxt):
            break
        while nxt < end and _indented(state, nxt):
            nxt += 1
        while nxt < end and _lazy_line(state, nxt):
            nxt += 1
        line = nxt
    lines = [m.group(2)]
    for i in range(start + 1, line):
        text = _relative_line(state, i)
        lines.append(text[4:] if text.startswith("    ") else text)
    content = "\n".join(lines) + "\n"

    tokens: list = []
    nested = StateBlock(content, state.md, state.env, tokens)
    state.md.block.tokenize(nested, 0, nested.lineMax)
    blank = blank_flags(content)[:-1]
    while blank and blank[-1]:
        blank.pop()

    tok = state.push("kd_footnote_def", "", 0)
    tok.map = [start, line]
    tok.meta = {"name": m.group(1), "nested_blocks": [tokens], "blank": blank}
    state.env.setdefault("kd_footnotes", {})[m.group(1)] = tok
    state.line = line
    return True


def footnote_marker_rule(state, silent):
    if not state.src.startswith("[^", state.pos):
        return False
    m = _MARKER_RE.match(state.src, state.pos)
    if not m:
        return False
    if not silent:
        definition = state.env.get("kd_footnotes", {}).get(m.group(1))
        if definition is None:
            state.pending += m.group(0)  # kramdown keeps an undefined marker as text
        else:
            tok = state.push("footnote_ref", "", 0)
            tok.meta = {"name": m.group(1), "definition": definition}
    state.pos = m.end()
    return True


def plugin(md, **opts):
    md.block.ruler.before("reference", "kd_footnote_def", footnote_def_rule)
    md.inline.ruler.before("link", "kd_footnote_ref", footnote_marker_rule)


# ---- rendering --------------------------------------------------------------------------------


@register_block("kd_footnote_def")
def _definition(ctx, node, indent):
    return ""  # written with the other footnotes at the end


@register_inline("footnote_ref")
def _marker(ctx, tok):
    name = ctx.opts.footnote_prefix + tok.meta["name"]
    entry = ctx.footnotes_by_name.get(name)
    repeat = ""
    if entry is not None:
        entry[3] += 1
        repeat = f":{entry[3]}"
        number = entry[2]
    else:
        number = ctx.footnote_counter
        ctx.footnote_counter += 1
        entry = [name, tok.meta["definition"], number, 0]
        ctx.footnotes.append(entry)
        ctx.footnotes_by_name[name] = entry
    return (
        f'<sup id="fnref:{name}{repeat}" role="doc-noteref">'
        f'<a href="#fn:{name}" class="footnote" rel="footnote">{number}</a></sup>'
    )


def _backlinks(ctx, name: str, repeat: int, leading_space: bool) -> str:
    text = hs.escape_text(ctx.opts.footnote_backlink)
    nbsp = entity_text(ctx.opts, "\u00a0")
    fmt = '{}<a href="#fnref:{}" class="reversefootnote" role="doc-backlink">{}</a>'
    out = [fmt.format(nbsp if leading_space else "", name, text)]
    for index in range(1, repeat + 1):
        out.append(fmt.format(nbsp, f"{name}:{index}", f"{text}<sup>{index + 1}</sup>"))
    return "".join(out)


def render_footnotes(ctx) -> str:
    """The footnotes section (empty when nothing was referenced)."""
    items = []
    i = 0
    # A footnote may reference another one: the list grows while it is written.
    while i < len(ctx.footnotes):
        name, definition, _, repeat = ctx.footnotes[i]
        nodes = build_tree(definition.meta["nested_blocks"][0])
        blank = definition.meta["blank"]
        tail = ""
        if ctx.opts.footnote_backlink:
            if nodes and nodes[-1].type == "paragraph":
                last = nodes[-1]
                last.meta = dict(last.meta or {}, append_html=None)
                last.meta["append_html"] = _backlinks(ctx, name, repeat, True)
            else:
                tail = f"      <p>{_backlinks(ctx, name, repeat, False)}</p>\n"
        saved = ctx.blank
        ctx.blank = blank
        try:
            body = render_blocks(ctx, nodes, 6, blank, 0, len(blank))
        finally:
            ctx.blank = saved
        items.append(f'    <li id="fn:{name}" role="doc-endnote">\n{body}{tail}    </li>\n')
        i += 1
    if not items:
        return ""
    start = f' start="{ctx.opts.footnote_nr}"' if ctx.opts.footnote_nr != 1 else ""
    return (
        f'<div class="footnotes" role="doc-endnotes">\n  <ol{start}>\n{"".join(items)}'
        f"  </ol>\n</div>\n"
    )


def is_footnotes_list(node) -> bool:
    return bool(node.meta and "footnotes" in node.meta.get("refs", []))
