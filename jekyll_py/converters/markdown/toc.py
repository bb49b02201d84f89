"""`{:toc}`: a list marked with the `toc` reference is replaced by the table of contents.

The headers (with ids, within `toc_levels`, without class `no_toc`) are collected while the
document renders; the list is written as a placeholder and filled in at the end, nested by
level, as kramdown writes it: `<ul id="markdown-toc">`, entries
`<a href="#ID" id="markdown-toc-ID">` with links unwrapped.
"""

from __future__ import annotations

from . import html_syntax as hs
from .renderer import render_inline

PLACEHOLDER = "\x00kramdown-toc\x00"


def is_toc_list(node) -> bool:
    return bool(node.meta and "toc" in node.meta.get("refs", []))


def _unwrap_links(tokens):
    return [t for t in tokens if t.type not in ("link_open", "link_close", "footnote_ref")]


def render_toc(ctx, tag, attrs) -> str:
    attrs = dict(attrs)
    attrs.setdefault("id", "markdown-toc")
    root = {"children": [], "level": 0}
    stack = [root]
    for level, hid, children in ctx.toc:
        entry = {"level": level, "id": hid, "tokens": children, "children": []}
        while len(stack) > 1 and stack[-1]["level"] >= level:
            stack.pop()
        stack[-1]["children"].append(entry)
        stack.append(entry)
    if not root["children"]:
        return ""
    return _list(ctx, root["children"], tag, attrs, 0, attrs["id"])


def _list(ctx, entries, tag, attrs, indent, prefix):
    pad = " " * indent
    items = []
    for e in entries:
        link = (
            f'<a href="#{hs.escape_attr(e["id"])}" id="{hs.escape_attr(prefix + "-" + e["id"])}">'
            f"{render_inline(ctx, _unwrap_links(e['tokens']))}</a>"
        )
        ipad = " " * (indent + 2)
        if e["children"]:
            sub = _list(ctx, e["children"], tag, {}, indent + 4, prefix)
            items.append(f"{ipad}<li>{link}{sub}{ipad}</li>\n")
        else:
            items.append(f"{ipad}<li>{link}</li>\n")
    return f"{pad}<{tag}{hs.html_attributes(attrs)}>\n{''.join(items)}{pad}</{tag}>\n"


def plugin(md, **opts):
    """The converter calls `is_toc_list` / `render_toc`; nothing to add to the parser."""
    return None
