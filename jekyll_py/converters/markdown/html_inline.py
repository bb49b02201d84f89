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


# Tag names markdown-it's own html_inline rule recognises.
_MARKDOWN_IT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_INNER_TAG = re.compile(r"<!--.*?-->|</?" + hs.NAME + r"(?:\s[^>]*)?/?>", re.S)


def raw_span_rule(state, silent):
    src = state.src
    pos = state.pos
    if src[pos] != "<":
        return False
    m = hs.TAG_RE.match(src, pos, state.posMax)
    if not m:
        return False
    name = hs.normalise_name(m.group(1))
    if m.group(4) or name in hs.BLOCK_ELEMENTS or name in hs.VOID_ELEMENTS:
        if _MARKDOWN_IT_NAME.fullmatch(name):
            return False  # markdown-it's html_inline rule reads it
        if not silent:  # a name markdown-it does not know as one (`<유저/>`)
            _push(state, "html_inline", m.group(0))
        state.pos = m.end()
        return True
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
    pieces, after = _raw_content(src, m.end(), state.posMax, name)
    if not silent:
        _push(state, "html_inline", m.group(0))
        first = len(state.tokens) - 1  # (pushing wrote the pending text before it)
        for kind, content in pieces:
            if kind == "auto_close":  # an end tag kramdown adds where the paragraph ends
                _push(state, "html_inline", f"</{content}>").meta = {"kd_auto_close": True}
            else:
                _push(state, kind, content)
        # the element is one piece for the emphasis pass (emphasis.py)
        state.tokens[first].meta = {"kd_raw_span": len(state.tokens) - first}
    state.pos = after
    return True


def _raw_content(src, pos, end, name):
    """The content of a raw element whose start tag ends at `pos`, as kramdown reads it: text,
    and tags re-written; an element opened inside must be closed before the outer end tag is
    one (an end tag of another element is text), and elements still open where the paragraph
    ends are closed there. Returns ([(token type, content)...], position after the element)."""
    pieces = []
    open_names = [name]
    text_start = pos
    for tag in _INNER_TAG.finditer(src, pos, end):
        if tag.start() > text_start:
            pieces.append(("kd_raw_text", src[text_start : tag.start()]))
        text_start = tag.end()
        raw = tag.group(0)
        close = hs.CLOSE_TAG_RE.fullmatch(raw)
        if close:
            if _same_name(close.group(1), open_names[-1]):
                pieces.append(("html_inline", raw))
                open_names.pop()
                if not open_names:
                    return pieces, tag.end()
            else:
                pieces.append(("kd_raw_text", raw))
            continue
        pieces.append(("html_inline", raw))
        start = hs.TAG_RE.fullmatch(raw)
        if start and not start.group(4):
            inner = hs.normalise_name(start.group(1))
            if inner not in hs.VOID_ELEMENTS and inner not in hs.BLOCK_ELEMENTS:
                open_names.append(inner)
    if end > text_start:
        pieces.append(("kd_raw_text", src[text_start:end]))
    pieces.extend(("auto_close", n) for n in reversed(open_names))
    return pieces, end


def _same_name(end_name, open_name):
    if open_name in hs.KNOWN_ELEMENTS:  # kramdown matches known elements' end tags in any case
        return end_name.lower() == open_name
    return end_name == open_name


def _push(state, kind, content):
    tok = state.push(kind, "", 0)
    tok.content = content
    return tok


@register_inline("kd_raw_text")
def _raw_text(ctx, tok):
    return hs.escape_text(tok.content)


def plugin(md, **opts):
    """markdown-it's html_inline rule finds the tags; elements whose content kramdown does
    not parse are read whole first."""
    md.kd["kd_parse_span_html"] = opts.get("parse_span_html", True)
    md.inline.ruler.before("html_inline", "kd_raw_span", raw_span_rule)
