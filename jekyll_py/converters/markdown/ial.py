"""kramdown inline attribute lists on blocks: `{: .cls #id key="v" ref}` on its own line.

Directly after a block (no blank line between) the IAL applies to that block; otherwise to the
next block. `{:name: ...}` defines an attribute list definition (ALD) that a later IAL can use by
name. The special reference `toc` marks a list as the table of contents.
"""

from __future__ import annotations

import re

# The attribute text runs to the first `}` not escaped by a backslash (kramdown's
# ALD_ANY_CHARS): `{: .a} text {: .b}` is no attribute list line.
_IAL_LINE = re.compile(r" {0,3}\{:(?!:|/)((?:\\\}|[^}])+)\}\s*$", re.A)
_ALD_LINE = re.compile(r" {0,3}\{:(\w[\w-]*):((?:\\\}|[^}])+)\}\s*$", re.A)
_SETEXT_UNDERLINE = re.compile(r"(?:=+|-+)[ \t\r\f\v]*$")
_PART = re.compile(r"""([\w-]+)=("|')(.*?)\2|([\w-]+)=(\S+)|\.([^\s.#{}"']+)|#([^\s.#{}"']+)|([\w-]+)""")


def parse_attribute_list(text: str, alds: dict | None = None) -> tuple[dict, list]:
    attrs: dict = {}
    refs: list = []
    for m in _PART.finditer(text):
        if m.group(1):
            attrs[m.group(1)] = m.group(3)
        elif m.group(4):
            attrs[m.group(4)] = m.group(5)
        elif m.group(6):
            attrs["class"] = (attrs.get("class", "") + " " + m.group(6)).strip()
        elif m.group(7):
            attrs["id"] = m.group(7)
        elif m.group(8):
            ref = m.group(8)
            refs.append(ref)
            if alds and ref in alds:
                for k, v in alds[ref].items():
                    if k == "class":
                        attrs["class"] = (attrs.get("class", "") + " " + v).strip()
                    else:
                        attrs.setdefault(k, v)
    return attrs, refs


def merge_attrs(target: dict, new: dict) -> dict:
    out = dict(target)
    for k, v in new.items():
        if k == "class" and "class" in out:
            out["class"] = (out["class"] + " " + v).strip()
        else:
            out[k] = v
    return out


def _previous_block_open(tokens, level):
    if not tokens:
        return None
    last = tokens[-1]
    if last.type == "kd_ial":
        # an IAL right after one that went to the block before it goes there too (kramdown
        # adds its end-of-block marker only after the last of consecutive IAL lines)
        return last.meta.get("target")
    if last.nesting == 0 and last.level == level:
        return last
    if last.nesting != -1:
        return None
    depth = 0
    for tok in reversed(tokens):
        depth += tok.nesting
        if depth == 0:
            return tok
    return None


def ial_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[state.bMarks[start] : state.eMarks[start]]
    ald = _ALD_LINE.match(line)
    m = _IAL_LINE.match(line)
    if not ald and not m:
        return False
    if _setext_text(state, start, end):
        return False  # kramdown reads setext headers first: `{: .c}` over `---` is a header
    if silent:
        return True
    alds = state.env.setdefault("kd_alds", {})
    if ald:
        attrs, _ = parse_attribute_list(ald.group(2), alds)
        alds[ald.group(1)] = attrs
        tok = state.push("kd_ial", "", 0)
        tok.map = [start, start + 1]
        tok.meta = {"attrs": {}, "refs": [], "target": None, "ald": True}
        state.line = start + 1
        return True
    attrs, refs = parse_attribute_list(m.group(1), alds)
    target = None
    right_after = getattr(state, "kd_rest_of_line", None) == start  # `<div>..</div> {: .c}`
    if right_after or (start > 0 and not state.isEmpty(start - 1)):
        target = _previous_block_open(state.tokens, state.level)
    tok = state.push("kd_ial", "", 0)
    tok.map = [start, start + 1]
    tok.meta = {"attrs": attrs, "refs": refs, "target": target}
    if target is not None:
        apply(target, attrs, refs)
    state.line = start + 1
    return True


def _setext_text(state, start, end):
    from .tables import after_block_boundary

    following = start + 1
    if following >= end or state.sCount[following] < state.blkIndent:
        return False
    under = state.src[state.bMarks[following] : state.eMarks[following]]
    return bool(_SETEXT_UNDERLINE.match(under)) and after_block_boundary(state, start)


def apply(tok, attrs, refs, first=False):
    """Give `tok` the attributes of an IAL; `first`: they come before those it already has
    (an IAL over a block was read before one under it)."""
    def merged(existing):
        return merge_attrs(attrs, existing) if first else merge_attrs(existing, attrs)

    tok.attrs = merged(dict(tok.attrs or {}))
    if refs:
        tok.meta = dict(tok.meta or {})
        old_refs = tok.meta.get("refs", [])
        tok.meta["refs"] = list(refs) + old_refs if first else old_refs + list(refs)
    if tok.type == "kd_html":
        node = tok.meta["node"]
        if hasattr(node, "ial"):  # an HTML comment has no attributes to take
            node.ial = merged(node.ial or {})


def forward_ial_rule(state):
    """An IAL not attached to the block before it applies to the next block."""
    _forward(state.tokens)


def _forward(tokens):
    from .html_block import Comment

    pending = []  # IALs waiting for a block: all of them go to it, in order
    for tok in tokens:
        if tok.type == "kd_html":
            _forward_in_html(tok.meta["node"])
        if tok.type == "kd_ial":
            if tok.meta["target"] is None and (tok.meta["attrs"] or tok.meta["refs"]):
                pending.append(tok)
            continue
        if tok.type == "kd_html" and isinstance(tok.meta["node"], Comment):
            continue  # kramdown's comment takes no block IAL: the next block gets it
        if tok.nesting == -1:
            pending = []  # an IAL waiting at the end of a quote or item goes nowhere
            continue
        if pending and tok.nesting >= 0 and tok.type != "inline":
            attrs, refs = {}, []
            for ial in pending:
                attrs = merge_attrs(attrs, ial.meta["attrs"])
                refs += ial.meta["refs"]
            apply(tok, attrs, refs, first=True)
            pending = []


def _forward_in_html(node):
    """The same inside the Markdown content of HTML elements (`markdown="1"`)."""
    for child in getattr(node, "children", ()):
        if hasattr(child, "tokens") and hasattr(child, "blank"):  # parsed Markdown blocks
            _forward(child.tokens)
        elif hasattr(child, "model"):  # a nested element
            _forward_in_html(child)


def plugin(md, **opts):
    # An IAL line also ends a block quote's lazy lines (it applies to the quote).
    md.block.ruler.before("code", "kd_ial", ial_rule, {"alt": ["blockquote"]})
    md.core.ruler.after("block", "kd_forward_ial", forward_ial_rule)


_SPAN_IAL = re.compile(r"\{:(?!:|/)([^}]*)\}")


def span_ial_rule(state, silent):
    """`*em*{: .cls}`, `[a](u){: .btn}`: attributes for the span element just before.

    Emphasis is only resolved after the whole span is read, so the IAL is kept as a
    `kd_span_ial` token and applied by `resolve_span_ials` (or written back as text when no
    element stands right before it, as kramdown does)."""
    # (emphasis is resolved later, see emphasis.py, so `*x*` is still pending text here)
    if not state.src.startswith("{:", state.pos) or not (state.tokens or state.pending):
        return False
    m = _SPAN_IAL.match(state.src, state.pos)
    if not m:
        return False
    if not silent:
        tok = state.push("kd_span_ial", "", 0)
        state.env["kd_has_span_ial"] = True
        tok.content = m.group(0)
        tok.meta = {"text": m.group(1)}
    state.pos = m.end()
    return True


def _span_target(children, i):
    i -= 1
    while i >= 0 and children[i].type == "text" and not children[i].content:
        i -= 1  # what is left of emphasis delimiters
    if i < 0:
        return None
    last = children[i]
    i += 1
    if last.type.endswith("_close"):
        depth = 0
        for j in range(i - 1, -1, -1):
            depth += children[j].nesting
            if depth == 0:
                return children[j]
        return None
    if last.type in ("image", "code_inline", "math_inline"):
        return last
    if last.type == "html_inline":
        if last.meta and "kd_open" in last.meta:
            return last.meta["kd_open"]  # the element's start tag (see emphasis.py)
        from .emphasis import element_role

        if element_role(last) is None and not last.content.startswith(("</", "<!", "<?")):
            return last  # an element without end tag: <img ...>, <br />
    return None


def _vanishes(children, i):
    """kramdown gives the IAL to an element that has no attributes (a smart quote, a
    typographic symbol, an entity): it is read and written nowhere."""
    if i == 0:
        return False
    last = children[i - 1]
    if last.type == "text_special" and last.info == "entity":
        return True
    return bool(children[i].meta.get("after_generated"))


def resolve_span_ials(state):
    from .html_block import inline_tokens

    if not state.env.get("kd_has_span_ial"):
        return
    alds = state.env.get("kd_alds")
    for inline in inline_tokens(state.tokens):
        children = inline.children
        if not any(t.type == "kd_span_ial" for t in children):
            continue
        out = []
        for i, tok in enumerate(children):
            if tok.type != "kd_span_ial":
                out.append(tok)
                continue
            if _vanishes(children, i):
                continue
            # (looked for among the tokens kept so far: an IAL already applied is not there,
            # so `![a](u){:style="x"}{:.border}` gives both to the image)
            target = _span_target(out, len(out))
            if target is None:
                tok.type = "text"  # kramdown: a span IAL after text is text
                out.append(tok)
                continue
            attrs, refs = parse_attribute_list(tok.meta["text"], alds)
            apply(target, attrs, refs)
        children[:] = out


def inline_plugin(md, **opts):
    md.inline.ruler.before("emphasis", "kd_span_ial", span_ial_rule)
    md.core.ruler.after("kd_nested_inline", "kd_span_ials", resolve_span_ials)
