"""Block-level HTML with kramdown's semantics.

CommonMark ends an HTML block at a blank line and copies it verbatim. kramdown instead parses
the element up to its matching end tag, re-writes every tag it parsed (lower-case names, double
quotes, `<br />`), closes unclosed elements, and decides per element what happens to the
content (its *content model*):

* `raw`: text copied as is, nested tags parsed and re-written (the default, since Jekyll leaves
  `parse_block_html` off);
* `block`: the content is parsed as Markdown blocks (`markdown="1"` on a `<div>`, or
  `markdown="block"`);
* `span`: the content is parsed as Markdown inline text (`markdown="1"` on a `<p>`, or
  `markdown="span"`).

The `markdown` attribute itself is removed. The plugin emits one `kd_html` token per top-level
element; its `meta["node"]` is an `HtmlNode` tree that the renderer writes out.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from . import html_syntax as hs

# Deeper nesting is kept as raw text (keeps pathological input from exhausting the stack).
MAX_DEPTH = 50
_TRAILING_WS = re.compile(r"[ \t]*\n")
_RAW_START = re.compile(r"<(?:" + hs.NAME + r"|/|!--|\?)")
_BLOCK_START = re.compile(r" {0,3}<(" + hs.NAME + r"|!--|/)")


class HtmlNode:
    """An HTML element kramdown parsed. `children` holds str (raw text), Comment, HtmlNode,
    Markdown (parsed block content) or an inline Token (parsed span content)."""

    __slots__ = ("name", "attrs", "model", "closed", "children", "ial")

    def __init__(self, name, attrs, model, closed):
        self.name = name
        self.attrs = attrs
        self.model = model
        self.closed = closed
        self.children = []
        self.ial = None


class Comment:
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


class Markdown:
    """Block Markdown parsed inside an element: tokens, which of its lines are blank, and the
    line where the element's end tag stands (`hi`)."""

    __slots__ = ("tokens", "blank", "hi")

    def __init__(self, tokens, blank, hi):
        self.tokens = tokens
        self.blank = blank
        self.hi = hi


def blank_flags(src: str) -> list:
    return [not line.strip(" \t\r>") for line in src.split("\n")]


class _Parser:
    """Parses HTML from `src` starting at a position; shared by nested calls."""

    def __init__(self, md, env, options):
        self.md = md
        self.env = env
        self.parse_block_html = options.get("parse_block_html", False)

    # -- elements --------------------------------------------------------------------------
    def element(self, src, m, parent_raw):
        """Handle the start tag matched by `m`; returns (node, end position)."""
        name = hs.normalise_name(m.group(1))
        closed = m.group(4) is not None
        attrs = hs.parse_attributes(m.group(2), name in hs.KNOWN_ELEMENTS)
        pos = m.end()
        if not parent_raw and self.parse_block_html:
            model = hs.content_model(name)
        else:
            model = "raw"
        if "markdown" in attrs:
            val = attrs.pop("markdown")
            if val in hs.MARKDOWN_ATTR:
                model = hs.MARKDOWN_ATTR[val] or hs.content_model(name)
        if name in hs.VOID_ELEMENTS:
            closed = True
        node = HtmlNode(name, attrs, model, closed)
        if name in ("script", "style"):
            # Raw text up to the end tag; the rest of the line is not consumed.
            end = re.compile(r"</" + name + r"\s*>", re.I).search(src, pos)
            if end:
                node.children.append(src[pos : end.start()])
                return node, end.end(), False
            node.children.append(src[pos:])
            return node, len(src), False
        if closed:
            return node, pos, False
        if model == "block":
            ws = _TRAILING_WS.match(src, pos)
            if ws:
                pos = ws.end()
            pos = self.block_content(src, pos, node)
        elif model == "span":
            end = re.compile(r"</" + re.escape(name) + r"\s*>", re.I).search(src, pos)
            text = src[pos : end.start()] if end else src[pos:]
            tok = Token("inline", "", 0)
            tok.content = text
            tok.children = []
            node.children.append(tok)
            pos = end.end() if end else len(src)
        else:
            pos = self.raw_content(src, pos, node)
        return node, pos, True

    def raw_content(self, src, pos, node):
        """kramdown's raw HTML parsing: text verbatim, tags parsed, up to `</name>`."""
        n = len(src)
        while pos < n:
            m = _RAW_START.search(src, pos)
            if not m:
                node.children.append(src[pos:])
                return n
            if m.start() > pos:
                node.children.append(src[pos : m.start()])
            pos = m.start()
            cm = hs.COMMENT_RE.match(src, pos)
            if cm:
                node.children.append(Comment(cm.group(0)))
                pos = cm.end()
                continue
            pm = hs.PI_RE.match(src, pos)
            if pm:
                node.children.append(Comment(pm.group(0)))
                pos = pm.end()
                continue
            tm = hs.TAG_RE.match(src, pos)
            if tm and self.env.get("kd_html_depth", 0) < MAX_DEPTH:
                self.env["kd_html_depth"] = self.env.get("kd_html_depth", 0) + 1
                try:
                    child, pos, _ = self.element(src, tm, node.model == "raw")
                finally:
                    self.env["kd_html_depth"] -= 1
                node.children.append(child)
                continue
            cm = hs.CLOSE_TAG_RE.match(src, pos)
            if cm:
                close = cm.group(1)
                if node.name in hs.KNOWN_ELEMENTS:
                    close = close.lower()
                if close == node.name:
                    return cm.end()
                node.children.append(cm.group(0))  # an invalid end tag stays as text
                pos = cm.end()
                continue
            node.children.append(src[pos])
            pos += 1
        return pos

    def block_content(self, src, pos, node):
        """Parse Markdown blocks from `pos` until `</name>` starts a block; returns end pos."""
        if self.env.get("kd_html_depth", 0) >= MAX_DEPTH:
            node.children.append(src[pos:])
            return len(src)
        # Parsing the whole rest of the document for every element would be quadratic: first try
        # up to the line of the end tag that balances the start tags (a guess that ignores code
        # blocks), and only if the parse does not stop there, the rest of the document.
        # A failed guess costs a second parse; nested failing guesses would multiply, so after
        # a few failures in a document every element is parsed to the end directly.
        failures = self.env.get("kd_guess_failures", 0)
        guess = _balanced_end_line(src, pos, node.name) if failures < 8 else None
        if guess is not None:
            found = self._parse_blocks(src, pos, guess, node)
            if found is not None:
                return found
            self.env["kd_guess_failures"] = self.env.get("kd_guess_failures", 0) + 1
        return self._parse_blocks(src, pos, len(src), node)

    def _parse_blocks(self, src, pos, end, node):
        sub = src[pos:end]
        tokens: list = []
        self.env["kd_html_depth"] = self.env.get("kd_html_depth", 0) + 1
        stack = self.env.setdefault("kd_html_stack", [])
        state = StateBlock(sub, self.md, self.env, tokens)
        stack.append([node.name, state, None])
        try:
            self.md.block.tokenize(state, 0, state.lineMax)
        finally:
            entry = stack.pop()
            self.env["kd_html_depth"] -= 1
        stop = entry[2]
        if stop is None and end < len(src):
            return None
        blank = blank_flags(sub)
        if stop is None:
            if sub.endswith("\n"):
                blank = blank[:-1]  # the empty string after the last newline is no line
            node.children.append(Markdown(tokens, blank, len(blank)))
            return len(src)
        node.children.append(Markdown(tokens, blank, sub.count("\n", 0, stop[0])))
        return pos + stop[1]


def _balanced_end_line(src, pos, name):
    """End of the line holding the `</name>` that balances `<name` tags from `pos`, or None."""
    depth = 1
    for m in re.compile(r"<(/?)" + re.escape(name) + r"(?=[\s/>])", re.I).finditer(src, pos):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            nl = src.find("\n", m.end())
            return len(src) if nl < 0 else nl + 1
    return None


def _line_of(state, pos):
    return bisect_right(state.bMarks, pos, 0, state.lineMax) - 1


def _block_text(state, start):
    """(text, position of the tag in it, mapping of text positions to source positions).

    Inside a block quote the lines have lost their `> ` only in the block state's line marks;
    kramdown parses the quote's content as a text of its own, so the element is read from the
    quote's lines joined."""
    if state.parentType != "blockquote":
        return state.src, state.bMarks[start] + state.tShift[start], None
    offsets, parts, offset = [], [], 0
    for line in range(start, state.lineMax):
        offsets.append(offset)
        parts.append(state.src[state.bMarks[line] : state.eMarks[line]])
        offset += len(parts[-1]) + 1
    text = "\n".join(parts) + "\n"

    def to_source(pos):
        i = bisect_right(offsets, pos) - 1
        line = start + i
        column = pos - offsets[i]
        if column > state.eMarks[line] - state.bMarks[line]:  # past the line's newline
            return state.bMarks[line + 1] if line + 1 < state.lineMax else state.eMarks[line] + 1
        return state.bMarks[line] + column

    return text, state.tShift[start], to_source


def html_block_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    src = state.src
    if src.startswith("<", pos) is False:
        return False
    # kramdown reads a comment as a block only right at the start of the line (an indented one
    # starts a paragraph); a tag may follow up to three spaces.
    cm = hs.COMMENT_RE.match(src, pos) if state.sCount[start] == state.blkIndent else None
    tm = None if cm else hs.TAG_RE.match(src, pos)
    if tm and tm.group(1).lower() in hs.SPAN_ELEMENTS:
        return False
    if (cm or tm) and silent:
        return True
    if cm or tm:
        text, pos, to_source = _block_text(state, start)
    if cm:  # a comment
        cm = hs.COMMENT_RE.match(text, pos)
        after = cm.end()
        ws = _TRAILING_WS.match(text, after)
        tok = state.push("kd_html", "", 0)
        tok.meta = {"node": Comment(cm.group(0))}
        after = ws.end() if ws else after
        _finish(state, start, to_source(after) if to_source else after, tok)
        return True
    if tm:
        tm = hs.TAG_RE.match(text, pos)
        parser = _Parser(state.md, state.env, state.env.get("kd_options", {}))
        node, after, handled_body = parser.element(text, tm, False)
        ial = state.env.pop("kd_block_ial", None)
        if ial:
            node.ial = ial
        trailing_blank = False
        if handled_body:
            ws = _TRAILING_WS.match(text, after)
            if ws:
                after = ws.end()
        else:
            trailing_blank = True
        tok = state.push("kd_html", "", 0)
        tok.meta = {"node": node, "trailing_blank": trailing_blank}
        _finish(state, start, to_source(after) if to_source else after, tok)
        return True
    cm = hs.CLOSE_TAG_RE.match(src, pos)
    if cm and cm.group(1).lower() not in hs.SPAN_ELEMENTS:
        stack = state.env.get("kd_html_stack")
        if not stack or stack[-1][1] is not state:
            return False
        close = cm.group(1)
        if stack[-1][0] in hs.KNOWN_ELEMENTS:
            close = close.lower()
        if close != stack[-1][0]:
            return False
        if silent:
            return True
        stack[-1][2] = (pos, cm.end())
        state.line = state.lineMax
        return True
    return False


def _finish(state, start, after, tok):
    """Move the block state to position `after`. Text after an element on the same line is
    where kramdown goes on parsing blocks, as if a line started there: that line is made to
    begin at `after` (its indentation counted from there)."""
    if after >= len(state.src):
        line = state.lineMax
    else:
        line = _line_of(state, after)
        if after > state.bMarks[line]:
            if after < state.eMarks[line] and _start_line_at(state, line, after):
                tok.map = [start, line + 1]  # (its last line is shared with the next block)
                if tok.meta:
                    tok.meta["trailing_blank"] = False  # the next block follows on this line
                if line > start or state.env.get("kd_in_line_rest") == (id(state), line):
                    state.line = line  # (the loop in _parse_rest_of_line goes on from here)
                else:
                    _parse_rest_of_line(state, line)
                return
            line += 1
    line = max(line, start + 1)
    tok.map = [start, line]
    state.line = line


def _start_line_at(state, line, pos):
    """Make `line` start at `pos`; False when the rest of the line is blank."""
    src = state.src
    width = 0
    text = pos
    while text < state.eMarks[line] and src[text] in " \t":
        width = width + 4 - width % 4 if src[text] == "\t" else width + 1
        text += 1
    if text >= state.eMarks[line]:
        return False
    state.bMarks[line] = pos
    # (kramdown goes on after the element itself, so this is no block boundary: tables.py)
    state.kd_rest_of_line = line
    state.tShift[line] = text - pos
    state.sCount[line] = state.blkIndent + width
    state.bsCount[line] = 0
    return True


def _parse_rest_of_line(state, line):
    """Run the block rules at `line` until one moves past it (markdown-it wants every rule to
    move past its first line, so the rest of an element's own line is parsed here; a line of
    several elements is handled in this loop, each one leaving the line starting after it)."""
    env = state.env
    outer = env.get("kd_in_line_rest")
    env["kd_in_line_rest"] = (id(state), line)
    try:
        while True:
            state.line = line
            begin = state.bMarks[line]
            for rule in state.md.block.ruler.getRules(""):
                if rule(state, line, state.lineMax, False):
                    break
            if state.line > line or state.bMarks[line] <= begin:
                break
    finally:
        env["kd_in_line_rest"] = outer
    if state.line <= line:
        state.line = line + 1


def terminates_paragraph(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Silent check used by the paragraph rule (kramdown's lazy end for HTML)."""
    line = state.src[state.bMarks[start] : state.eMarks[start]]
    return hs.starts_lazy_end(line)




# ---- rendering --------------------------------------------------------------------------------

from .renderer import build_tree, register_block, render_blocks, render_inline  # noqa: E402


def render_node(ctx, node, indent, parent_raw):
    if isinstance(node, Comment):
        if parent_raw:
            return node.text
        return f"{' ' * indent}{node.text}\n"
    res = []
    raw_text = node.name not in ("script", "style")
    for child in node.children:
        if isinstance(child, str):
            res.append(hs.escape_text(child) if raw_text else child)
        elif isinstance(child, Comment):
            res.append(render_node(ctx, child, indent + 2, node.model == "raw"))
        elif isinstance(child, HtmlNode):
            res.append(render_node(ctx, child, indent + 2, node.model == "raw"))
        elif isinstance(child, Markdown):
            saved = ctx.blank
            ctx.blank = child.blank
            ctx.in_html += 1
            try:
                res.append(
                    render_blocks(ctx, build_tree(child.tokens), indent + 2, child.blank, 0, child.hi)
                )
            finally:
                ctx.blank = saved
                ctx.in_html -= 1
        else:  # an inline token: span content
            ctx.in_html += 1
            res.append(render_inline(ctx, child.children or []))
            ctx.in_html -= 1
    body = "".join(res)
    attrs = dict(node.attrs)
    if node.ial:  # an IAL's classes are added to the element's own
        from .ial import merge_attrs

        attrs = merge_attrs(attrs, node.ial)
    out = "" if parent_raw else " " * indent
    out += f"<{node.name}{hs.html_attributes(attrs)}"
    if node.closed and node.model == "raw":
        out += " />"
    elif body and node.model != "block":
        out += f">{body}</{node.name}>"
    elif body:
        if body.endswith("\n"):
            body = body[:-1]
        out += f">\n{body}\n{' ' * indent}</{node.name}>"
    elif node.name in hs.VOID_ELEMENTS:
        out += " />"
    else:
        out += f"></{node.name}>"
    if not parent_raw:
        out += "\n"
    return out


@register_block("kd_html")
def _kd_html(ctx, node, indent):
    return render_node(ctx, node.meta["node"], indent, False)


def inline_tokens(tokens):
    """All inline tokens of a block token list, including those inside parsed HTML blocks."""
    for tok in tokens:
        if tok.type == "inline":
            yield tok
        elif tok.type == "kd_html":
            yield from _node_inlines(tok.meta["node"])
        elif tok.meta and "nested_blocks" in tok.meta:
            for nested in tok.meta["nested_blocks"]:
                yield from inline_tokens(nested)


def _node_inlines(node):
    if not isinstance(node, HtmlNode):
        return
    for child in node.children:
        if isinstance(child, HtmlNode):
            yield from _node_inlines(child)
        elif isinstance(child, Markdown):
            yield from inline_tokens(child.tokens)
        elif isinstance(child, Token):
            yield child


def nested_inline_rule(state):
    """Inline-parse the content of `markdown="1"` elements (after link definitions are known)."""
    md = state.md
    for tok in state.tokens:
        if tok.type == "kd_html" or (tok.meta and "nested_blocks" in tok.meta):
            for inline in inline_tokens([tok]):
                inline.children = []
                md.inline.parse(inline.content, md, state.env, inline.children)


def plugin(md, **opts):
    md.block.ruler.before(
        "table", "kd_html_block", html_block_rule, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    md.block.ruler.disable("html_block")
    md.core.ruler.after("inline", "kd_nested_inline", nested_inline_rule)
