"""Lists as kramdown writes them.

* An ordered list never gets `start` (kramdown ignores the first number).
* Looseness is decided per item, not per list: an item's first paragraph is written bare
  ("transparent") when no blank line follows it inside the item, except that the last item of a
  list is bare only if an earlier item was bare (or did not start with a paragraph).
* A bare paragraph followed directly by another block (a nested list) keeps a newline.
* The blank line after a list's last item belongs after the list, not inside the item.
* GFM task lists: `[ ]` / `[x]` at the start of an item's first paragraph become checkboxes.
"""

from __future__ import annotations

import re

from . import html_syntax as hs
from .renderer import (
    BLOCK_RULES,
    attrs_of,
    content_end,
    count_blank_runs,
    inline_of,
    register_block,
    render_blocks,
)

_BOX = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />'
_BOX_CHECKED = (
    '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />'
)
_TASK_RE = re.compile(r"\A\s*\[([ xX])\]\s+")


def _first_is_blank_followed(item, blank, next_start):
    """(children count, is there a blank line right after the first child)."""
    kids = item.children
    first = kids[0]
    end = content_end(first, blank)
    if len(kids) > 1:
        limit = kids[1].map[0]
    else:
        limit = next_start
    return count_blank_runs(blank, end, limit) > 0


def _item_has_trailing_blank(item, blank, next_start):
    if not item.children:
        return False
    end = content_end(item.children[-1], blank)
    return count_blank_runs(blank, end, next_start) > 0


def mark_transparency(lst, blank, list_end):
    items = lst.children
    earlier_bare_or_other = False
    for i, item in enumerate(items):
        kids = item.children
        is_last = i == len(items) - 1
        next_start = items[i + 1].map[0] if not is_last else list_end
        if kids and kids[0].type == "paragraph":
            blank_after_first = _first_is_blank_followed(item, blank, next_start)
            trailing = _item_has_trailing_blank(item, blank, next_start)
            n_with_blanks = len(kids) + (1 if blank_after_first and len(kids) == 1 else 0)
            cond_a = (not blank_after_first) or (
                is_last and len(kids) == 1 and trailing and not lst.meta.get("eob")
            )
            if n_with_blanks < 2:
                cond_a = True
            cond_b = (not is_last) or len(items) == 1 or earlier_bare_or_other
            para = kids[0]
            if para.meta is None:
                para.meta = {}
            if cond_a and cond_b:
                para.meta["transparent"] = True
                if len(kids) > 1 and not blank_after_first:
                    para.meta["transparent_suffix"] = "\n"
                earlier_bare_or_other = True
        else:
            earlier_bare_or_other = True
    return items


def _task_lists(ctx, lst):
    is_task = False
    for item in lst.children:
        if not item.children or item.children[0].type != "paragraph":
            continue
        children = inline_of(item.children[0])
        if not children or children[0].type != "text":
            continue
        m = _TASK_RE.match(children[0].content)
        if not m:
            if is_task:
                item.attrs = dict(item.attrs or {}, **{"class": "task-list-item"})
            continue
        box = _BOX if m.group(1) == " " else _BOX_CHECKED
        children[0].content = children[0].content[m.end():]
        children[0].meta = dict(children[0].meta or {}, prefix_html=box)
        is_task = True
        item.attrs = dict(item.attrs or {}, **{"class": "task-list-item"})
    return is_task


def render_list(ctx, node, indent, tag):
    blank = ctx.blank
    list_end = content_end(node, blank) if node.map else None
    if node.meta is None:
        node.meta = {}
    mark_transparency(node, blank, list_end if list_end is not None else 0)
    attrs = attrs_of(node)
    attrs.pop("start", None)
    if ctx.opts.gfm and _task_lists(ctx, node):
        attrs = dict(attrs)
        attrs["class"] = "task-list" + (" " + attrs["class"] if "class" in attrs else "")
    special = ctx.converter.special_list(ctx, node, tag, attrs, indent)
    if special is not None:
        return special
    pad = " " * indent
    body = []
    for item in node.children:
        body.append(render_item(ctx, item, indent + 2, "li"))
    return f"{pad}<{tag}{hs.html_attributes(attrs)}>\n{''.join(body)}{pad}</{tag}>\n"


def render_item(ctx, item, indent, tag):
    pad = " " * indent
    kids = item.children
    hi = content_end(kids[-1], ctx.blank) if kids else None
    lo = kids[0].map[0] if kids and kids[0].map else None
    inner = render_blocks(ctx, kids, indent + 2, ctx.blank, lo, hi)
    out = f"{pad}<{tag}{hs.html_attributes(attrs_of(item))}>"
    first = kids[0] if kids else None
    if not kids or (first.type == "paragraph" and first.meta and first.meta.get("transparent")):
        out += inner + (pad if inner.endswith("\n") else "")
    else:
        out += "\n" + inner + pad
    return out + f"</{tag}>\n"


@register_block("bullet_list")
def _ul(ctx, node, indent):
    return render_list(ctx, node, indent, "ul")


@register_block("ordered_list")
def _ol(ctx, node, indent):
    return render_list(ctx, node, indent, "ol")


_PAREN_ITEM = re.compile(r"\d+\)")


def _without_paren_items(original):
    """kramdown's ordered items are `1.` only: `1)` starts no list."""

    def rule(state, start, end, silent):
        pos = state.bMarks[start] + state.tShift[start]
        if _PAREN_ITEM.match(state.src, pos, state.eMarks[start]):
            return False
        return original(state, start, end, silent)

    return rule


def _bullet_at(src, pos):
    ch = src[pos : pos + 1]
    if ch in ("*", "+", "-") and ch and src[pos + 1 : pos + 2] in ("", " ", "\t", "\n"):
        return ch
    return None


def _one_bullet_list(original):
    """kramdown continues a bullet list whatever bullet (`-`, `*`, `+`) the next item uses;
    markdown-it starts a new list. The list rule is run on a copy of the source in which the
    other bullets of this list's items are the first item's bullet."""

    def rule(state, start, end, silent):
        src = state.src
        first = state.bMarks[start] + state.tShift[start]
        bullet = _bullet_at(src, first)
        if bullet is None:
            return original(state, start, end, silent)
        indent = state.sCount[start]
        changed = []
        previous_blank = False
        for line in range(start + 1, end):
            if state.isEmpty(line):
                previous_blank = True
                continue
            count = state.sCount[line]
            pos = state.bMarks[line] + state.tShift[line]
            if count == indent:
                other = _bullet_at(src, pos)
                if other is None:
                    if previous_blank:
                        break  # a paragraph after a blank line ends the list
                elif other != bullet:
                    changed.append(pos)
            elif count < indent and previous_blank:
                break
            previous_blank = False
        if not changed:
            return original(state, start, end, silent)
        parts = []
        last = 0
        for pos in changed:
            parts.append(src[last:pos])
            parts.append(bullet)
            last = pos + 1
        parts.append(src[last:])
        state.src = "".join(parts)
        try:
            return original(state, start, end, silent)
        finally:
            state.src = src

    return rule


def plugin(md, **opts):
    """Parsing: only `1.` ordered items, one bullet list whatever its bullets; rendering is
    done by the rules above."""
    from markdown_it.rules_block.list import list_block

    md.block.ruler.at(
        "list",
        _without_paren_items(_one_bullet_list(list_block)),
        {"alt": ["paragraph", "reference", "blockquote"]},
    )
