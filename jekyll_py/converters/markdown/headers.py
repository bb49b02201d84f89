"""Headers: ATX and setext as kramdown's GFM parser reads them, `{#id}`, and both id rules.

* ATX: `#`..`######`, then a space or tab; trailing `#`s after whitespace removed; a header
  with no text is a paragraph. A trailing `{#id}` sets the id.
* setext: only a single text line at the start of a block, underlined with `=` or `-`.
* ids: outside HTML blocks the GFM rule (`gfm_id`), de-duplicated with a per-id counter;
  inside HTML blocks kramdown's classic rule (`classic_id`), de-duplicated by the renderer.
"""

from __future__ import annotations

import re
import unicodedata

_ATX_RE = re.compile(r"(#{1,6})[\t ]+(.*)$")
_CLASSIC_ATX_RE = re.compile(r"(#{1,6})[\t ]*([^ \t].*)$")
_ID_RE = re.compile(r"[ \t]+\{#([A-Za-z][\w:-]*)\}[ \t]*$")
# kramdown's underline: at the very start of its line, `=` or `-` first (which gives the
# level), then any mix of both, then spaces.
_SETEXT_RE = re.compile(r"([=-])[=-]*[ \t\r\f\v]*$")


def _push_header(state, level, text, start, next_line):
    explicit_id = None
    m = _ID_RE.search(text)
    if m:
        explicit_id = m.group(1)
        text = text[: m.start()]
    tok = state.push("heading_open", f"h{level}", 1)
    tok.map = [start, next_line]
    if explicit_id:
        tok.attrSet("id", explicit_id)
    inline = state.push("inline", "", 0)
    inline.content = text.strip(hs.RUBY_SPACE)
    inline.map = [start, next_line]
    inline.children = []
    state.push("heading_close", f"h{level}", -1)
    state.line = next_line


def after_block_boundary(state, start):
    from .tables import after_block_boundary as boundary

    return boundary(state, start)


def atx_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    if state.sCount[start] > state.blkIndent:
        return False  # kramdown's ATX header must start the line
    if state.md.kd["kd_gfm_paragraph_end"]:
        # kramdown-parser-gfm's header: a space after the hashes, closing hashes after a space
        m = _ATX_RE.match(state.src, pos, state.eMarks[start])
        if not m:
            return False
        text = re.sub(r"[\t ]#+$", "", m.group(2).rstrip(hs.RUBY_SPACE)).rstrip(hs.RUBY_SPACE)
    else:
        # classic kramdown: `#Title` is a header too, but only after a block boundary
        m = _CLASSIC_ATX_RE.match(state.src, pos, state.eMarks[start])
        if not m or not after_block_boundary(state, start):
            return False
        text = re.sub(r"(?<!\\)#+$", "", m.group(2).rstrip(hs.RUBY_SPACE)).rstrip(hs.RUBY_SPACE)
    if not text:
        return False
    if silent:
        return True
    _push_header(state, len(m.group(1)), text, start, start + 1)
    return True


def setext_rule(state, start, end, silent):
    nxt = start + 1
    if nxt >= end or state.sCount[start] - state.blkIndent >= 4:
        return False
    if state.sCount[nxt] < state.blkIndent:
        return False
    first = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    if not first.strip(hs.RUBY_SPACE):
        return False
    under = state.src[state.bMarks[nxt] + state.tShift[nxt] : state.eMarks[nxt]]
    m = _SETEXT_RE.match(under) if state.sCount[nxt] == state.blkIndent else None
    if not m or not after_block_boundary(state, start):
        return False  # (right after a header, say, the two lines are paragraph text)
    if silent:
        return True
    _push_header(state, 1 if m.group(1)[0] == "=" else 2, first.rstrip(hs.RUBY_SPACE), start, nxt + 1)
    return True


def _is_word(ch: str) -> bool:
    if ch.isascii():
        return ch.isalnum() or ch == "_"
    cat = unicodedata.category(ch)
    return cat[0] in "LM" or cat in ("Nd", "Pc")


def gfm_id(text: str) -> str:
    """kramdown-parser-gfm: downcase, drop all but word chars, `-`, space, tab; spaces to `-`."""
    text = text.lower()
    kept = [c for c in text if c in "- \t" or _is_word(c)]
    return "".join(kept).replace(" ", "-").replace("\t", "-")


_LEADING_NON_ALPHA = re.compile(r"^[^a-zA-Z]+", re.M)
_NOT_ID_CHARS = re.compile(r"[^a-zA-Z0-9 -]")


def classic_id(text: str) -> str:
    """kramdown's own rule: drop leading non-letters, keep [a-zA-Z0-9 -], spaces to `-`."""
    text = _LEADING_NON_ALPHA.sub("", text)
    text = _NOT_ID_CHARS.sub("", text)
    return text.replace(" ", "-").lower()


def plugin(md, **opts):
    md.block.ruler.at("heading", atx_rule, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.at("lheading", setext_rule)


# ---- rendering --------------------------------------------------------------------------------

from . import html_syntax as hs  # noqa: E402
from .renderer import inline_of, plain_text, register_block, render_inline, unmark  # noqa: E402


def header_id(ctx, node) -> str:
    """The id kramdown gives a header that has none of its own."""
    inline = next((c.tok for c in node.children if c.type == "inline"), None)
    opts = ctx.opts
    if ctx.in_html or not opts.gfm:
        if opts.gfm:  # the GFM parser always strips markup from the text ids are made of
            source = plain_text(inline.children if inline else [])
        elif opts.auto_id_stripping:  # classic kramdown, stripping: only the plain text
            source = "".join(unmark(t.content) for t in (inline.children if inline else []) if t.type == "text")
        else:
            source = inline.content if inline else ""
        base = classic_id(source) or "section"
        if base in ctx.used_ids:
            ctx.used_ids[base] += 1
            base = f"{base}-{ctx.used_ids[base]}"
        else:
            ctx.used_ids[base] = 0
        return opts.auto_id_prefix + base
    base = gfm_id(plain_text(inline.children if inline else []))
    count = ctx.gfm_ids.get(base, -1) + 1
    ctx.gfm_ids[base] = count
    if count > 0:
        base = f"{base}-{count}"
    return opts.auto_id_prefix + base


@register_block("heading")
def _heading(ctx, node, indent):
    attrs = dict(node.attrs) if node.attrs else {}
    level = int(node.tag[1])
    if ctx.opts.auto_ids and "id" not in attrs:
        attrs["id"] = header_id(ctx, node)
    children = inline_of(node)
    if "id" in attrs and level in ctx.opts.toc_levels and "no_toc" not in attrs.get("class", "").split():
        ctx.toc.append((level, attrs["id"], children))
    out_level = max(1, min(6, level + ctx.opts.header_offset))
    body = render_inline(ctx, children)
    return f"{' ' * indent}<h{out_level}{hs.html_attributes(attrs)}>{body}</h{out_level}>\n"
