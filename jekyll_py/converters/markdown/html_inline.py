"""Span-level HTML re-written as kramdown writes it.

Start tags of span elements get lower-case names, double-quoted attributes and ` />` for void
elements; the `markdown` attribute is dropped. A block-level tag (or a stray end tag) inside a
paragraph is not HTML for kramdown: it is written as escaped text.
"""

from __future__ import annotations

from . import html_syntax as hs
from .renderer import register_inline


def reserialise(raw: str) -> str:
    if raw.startswith("<!--") or raw.startswith("<?") or raw.startswith("<!"):
        return raw
    m = hs.TAG_RE.fullmatch(raw)
    if m:
        name = hs.normalise_name(m.group(1))
        if name in hs.BLOCK_ELEMENTS:
            return hs.escape_all(raw)
        attrs = hs.parse_attributes(m.group(2), name in hs.KNOWN_ELEMENTS)
        attrs.pop("markdown", None)
        attrs = {k: " ".join(v.split("\n")) if v else v for k, v in attrs.items()}
        if name in hs.VOID_ELEMENTS:
            return f"<{name}{hs.html_attributes(attrs)} />"
        if m.group(4):
            return f"<{name}{hs.html_attributes(attrs)}></{name}>"
        return f"<{name}{hs.html_attributes(attrs)}>"
    m = hs.CLOSE_TAG_RE.fullmatch(raw)
    if m:
        name = hs.normalise_name(m.group(1))
        if name in hs.BLOCK_ELEMENTS:
            return hs.escape_all(raw)
        return f"</{name}>"
    return hs.escape_all(raw)


@register_inline("html_inline")
def _html_inline(ctx, tok):
    return reserialise(tok.content)


def plugin(md, **opts):
    """Rendering only: markdown-it's html_inline rule finds the tags."""
    return None
