"""Span-level HTML re-written as kramdown writes it.

Start tags of span elements get lower-case names, double-quoted attributes and ` />` for void
elements; the `markdown` attribute is dropped. A block-level tag (or a stray end tag) inside a
paragraph is not HTML for kramdown: it is written as escaped text.

The content of elements whose kramdown content model is raw (`code`, `kbd`, `samp`, `var`, and
every element outside its span and block lists, such as `u` or `mark`; of every span element
when `parse_span_html` is off, or with `markdown="0"`) is not Markdown: it is written as text, only the tags in it are
read as tags (`<kbd>*x*</kbd>` keeps its stars).
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from . import html_syntax as hs
from .ial import merge_attrs
from .renderer import register_inline


def reserialise(raw: str, extra: dict | None = None) -> str:
    """The tag as kramdown writes it; `extra` are attributes from a span IAL."""
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
        if extra:
            attrs = merge_attrs(attrs, extra)
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
    return reserialise(tok.content, tok.attrs)


_INNER_TAG = re.compile(r"<!--.*?-->|</?" + hs.NAME + r"(?:\s[^>]*)?/?>", re.S)


def raw_span_rule(state, silent):
    src = state.src
    pos = state.pos
    if src[pos] != "<":
        return False
    m = hs.TAG_RE.match(src, pos, state.posMax)
    if not m or m.group(4):
        return False
    name = hs.normalise_name(m.group(1))
    if name in hs.BLOCK_ELEMENTS or name in hs.VOID_ELEMENTS:
        return False
    # kramdown parses the content only of elements whose content model is span (a, em, span,
    # strong...); any other element (code, kbd, but also u, mark, s, custom ones) keeps it raw.
    raw_model = hs.content_model(name) == "raw"
    parse = not raw_model and state.md.kd["kd_parse_span_html"]
    attrs = hs.parse_attributes(m.group(2), name in hs.KNOWN_ELEMENTS)
    marker = attrs.get("markdown")
    if marker == "span":
        parse = True
    elif marker in ("1", "block"):  # the element's own content model
        parse = not raw_model
    elif marker == "0":
        parse = False
    if parse:
        return False
    flags = re.I if name in hs.KNOWN_ELEMENTS else 0
    close = re.compile(r"</" + re.escape(name) + r"\s*>", flags).search(src, m.end(), state.posMax)
    if not close:
        return False
    if not silent:
        _push(state, "html_inline", m.group(0))
        first = len(state.tokens) - 1  # (pushing wrote the pending text before it)
        text_start = m.end()
        for tag in _INNER_TAG.finditer(src, m.end(), close.start()):
            if tag.start() > text_start:
                _push(state, "kd_raw_text", src[text_start : tag.start()])
            _push(state, "html_inline", tag.group(0))
            text_start = tag.end()
        if close.start() > text_start:
            _push(state, "kd_raw_text", src[text_start : close.start()])
        _push(state, "html_inline", close.group(0))
        # the element is one piece for the emphasis pass (emphasis.py)
        state.tokens[first].meta = {"kd_raw_span": len(state.tokens) - first}
    state.pos = close.end()
    return True


def _push(state, kind, content):
    tok = state.push(kind, "", 0)
    tok.content = content


@register_inline("kd_raw_text")
def _raw_text(ctx, tok):
    return hs.escape_text(tok.content)


def plugin(md, **opts):
    """markdown-it's html_inline rule finds the tags; elements whose content kramdown does
    not parse are read whole first."""
    md.kd["kd_parse_span_html"] = opts.get("parse_span_html", True)
    md.inline.ruler.before("html_inline", "kd_raw_span", raw_span_rule)
