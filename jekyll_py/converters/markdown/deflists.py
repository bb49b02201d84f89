"""kramdown definition lists.

    Term 1
    Term 2
    : Definition a
    : Definition b

A line starting with `:` (up to three spaces before, a space or tab after) right after a
paragraph, or after a paragraph and one blank line, turns that paragraph's lines into terms
(`<dt>`) and starts a definition (`<dd>`). A definition takes the following lines indented at
least as far as its text, lazy unindented lines directly after text, and blank lines; its
content is parsed as Markdown blocks. Its first paragraph is written bare unless a blank line
came before the definition (or its first line). A term paragraph right after a definition list
adds to that list. The blank line that ends the last definition goes after the `</dl>`.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from . import html_syntax as hs
from .html_block import blank_flags
from .ial import apply, parse_attribute_list
from .renderer import (
    attrs_of,
    build_tree,
    content_end,
    inline_of,
    register_block,
    render_blocks,
    render_inline,
)

_DD_START = re.compile(r"( {0,3}:)([\t ].*|)$")
# An attribute list at the start of a term or definition (kramdown's LIST_ITEM_IAL).
_ITEM_IAL = re.compile(r"\s*\{:(?![\w-]*:|/)((?:\\\}|[^}])+)\}\s*", re.A)
_LAZY_STOP = re.compile(r" {0,3}\{:(?!:|/).+\}\s*$", re.A)


def _line(state, i):
    return state.src[state.bMarks[i] : state.eMarks[i]]


def _indent(state, i):
    return max(state.sCount[i] - state.blkIndent, 0)


def _relative(state, i):
    return " " * _indent(state, i) + state.src[state.bMarks[i] + state.tShift[i] : state.eMarks[i]]


def deflist_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    first = state.bMarks[start] + state.tShift[start]
    if state.src[first : first + 1] != ":":
        return False
    m = _DD_START.match(_relative(state, start))
    if not m:
        return False
    tokens = state.tokens
    if len(tokens) < 3 or tokens[-1].type != "paragraph_close" or tokens[-1].level != state.level:
        return False
    para_open = tokens[-3]
    blank_between = start - para_open.map[1]
    if blank_between > 1 or (blank_between == 1 and not state.isEmpty(start - 1)):
        return False
    if silent:
        return True
    first_as_para = blank_between == 1
    terms = tokens[-2].content.split("\n")
    del tokens[-3:]

    # Continue a definition list that ends right before the terms.
    dl_open = None
    if tokens and tokens[-1].type == "dl_close" and tokens[-1].level == state.level:
        dl_open = next(
            (t for t in reversed(tokens) if t.type == "dl_open" and t.level == state.level), None
        )
    if dl_open is not None:
        tokens.pop()
        state.level += 1  # the list is open again
    else:
        dl_open = state.push("dl_open", "dl", 1)
        dl_open.map = [para_open.map[0], start]
    alds = state.env.get("kd_alds")
    for term in terms:
        dt = state.push("dt_open", "dt", 1)
        dt.map = [para_open.map[0], para_open.map[0] + 1]
        ial = _ITEM_IAL.match(term)  # `{: .cls} term`: the term's attributes
        if ial:
            attrs, refs = parse_attribute_list(ial.group(1), alds)
            apply(dt, attrs, refs)
            term = term[ial.end():]
        inline = state.push("inline", "", 0)
        inline.content = term
        inline.map = para_open.map
        inline.children = []
        state.push("dt_close", "dt", -1)

    line = start
    last_blank = False
    while line < end:
        relative = _relative(state, line) if not state.isEmpty(line) else ""
        dd = _DD_START.match(relative) if relative else None
        if dd:
            content = dd.group(2)
            stripped = content.lstrip(" \t")
            indentation = len(dd.group(1)) + len(content) - len(stripped)
            if not stripped:
                indentation = len(dd.group(1)) + 1
            ial = _ITEM_IAL.match(stripped)  # `: {: .cls} text`: the definition's attributes
            item_ial = None
            if ial:
                item_ial = parse_attribute_list(ial.group(1), alds)
                stripped = stripped[ial.end():]
            lines = [stripped]
            item_first_as_para = first_as_para
            item_start = line
            line += 1
            last_blank = False
            while line < end:
                if state.isEmpty(line):
                    lines.append(state.src[state.bMarks[line] : state.eMarks[line]])  # as written
                    last_blank = True
                    line += 1
                    continue
                if state.sCount[line] < state.blkIndent:
                    break
                text = _relative(state, line)
                if _DD_START.match(text) or re.match(r"\^\s*$", text):
                    break
                if _indent(state, line) >= indentation:
                    lines.append(text[indentation:])
                elif not last_blank and not _LAZY_STOP.match(text) and not hs.starts_lazy_end(text):
                    lines.append(text)
                else:
                    break
                last_blank = False
                line += 1
            # trailing blank lines are not part of the definition
            while lines and not lines[-1].strip(" \t"):
                lines.pop()
            dd = _push_definition(state, "\n".join(lines) + "\n", item_first_as_para, item_start, line)
            if item_ial:
                apply(dd, *item_ial)
            first_as_para = last_blank
            continue
        break
    state.push("dl_close", "dl", -1)
    dl_open.map = [dl_open.map[0], line]
    state.line = line
    return True


def _push_definition(state, content, first_as_para, start, end):
    tokens: list = []
    nested = StateBlock(content, state.md, state.env, tokens)
    state.md.block.tokenize(nested, 0, nested.lineMax)
    blank = blank_flags(content)[:-1]
    tok = state.push("kd_dd", "dd", 0)
    tok.map = [start, end]
    tok.meta = {"nested_blocks": [tokens], "blank": blank, "first_as_para": first_as_para}
    return tok


def plugin(md, **opts):
    md.block.ruler.before("paragraph", "kd_deflist", deflist_rule)


# ---- rendering --------------------------------------------------------------------------------


def _render_dd(ctx, node, indent):
    pad = " " * indent
    meta = node.meta
    kids = build_tree(meta["nested_blocks"][0])
    blank = meta["blank"]
    transparent = bool(kids) and kids[0].type == "paragraph" and not meta["first_as_para"]
    if transparent:
        first = kids[0]
        first.meta = dict(first.meta or {}, transparent=True)
        if len(kids) > 1:
            first.meta["transparent_suffix"] = "\n"
    hi = content_end(kids[-1], blank) if kids else None
    saved = ctx.blank
    ctx.blank = blank
    try:
        inner = render_blocks(ctx, kids, indent + 2, blank, 0, hi)
    finally:
        ctx.blank = saved
    out = f"{pad}<dd{hs.html_attributes(attrs_of(node))}>"
    if not kids or transparent:
        out += inner + (pad if inner.endswith("\n") else "")
    else:
        out += "\n" + inner + pad
    return out + "</dd>\n"


@register_block("dl")
def _dl(ctx, node, indent):
    pad = " " * indent
    body = []
    for child in node.children:
        if child.type == "dt":
            text = render_inline(ctx, inline_of(child))
            body.append(f"{pad}  <dt{hs.html_attributes(attrs_of(child))}>{text}</dt>\n")
        elif child.type == "kd_dd":
            body.append(_render_dd(ctx, child, indent + 2))
    return f"{pad}<dl{hs.html_attributes(attrs_of(node))}>\n{''.join(body)}{pad}</dl>\n"
