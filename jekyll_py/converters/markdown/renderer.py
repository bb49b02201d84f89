"""Writes markdown-it tokens as kramdown's HTML converter writes its element tree.

kramdown's output has a shape CommonMark renderers do not produce:

* nested block elements are indented by 2 spaces per level (`<ul>\\n  <li>`);
* every run of blank lines in the source between two blocks is kept as one empty line;
* a list item's first paragraph is written without `<p>` when kramdown deems it "transparent".

So the flat token stream is first turned into a tree of `Node`s, then each node is written by a
rule looked up by its type in `BLOCK_RULES` / `INLINE_RULES`. Feature plugins add rules to those
tables (see `register_block` / `register_inline`).
"""

from __future__ import annotations

import re

from . import html_syntax as hs
from .entities import entity_text


class Node:
    __slots__ = ("type", "tag", "tok", "children", "map", "attrs", "meta")

    def __init__(self, type_, tok):
        self.type = type_
        self.tok = tok
        self.tag = tok.tag
        self.map = tok.map
        self.attrs = tok.attrs
        self.meta = tok.meta
        self.children = []


def build_tree(tokens) -> list:
    root: list = []
    stack = [root]
    for tok in tokens:
        if tok.nesting == 1:
            node = Node(tok.type[:-5], tok)
            stack[-1].append(node)
            stack.append(node.children)
        elif tok.nesting == -1:
            stack.pop()
            if tok.map is None:
                pass
        else:
            stack[-1].append(Node(tok.type, tok))
    return root


def node_end(node):
    return node.map[1] if node.map else None


BLOCK_RULES: dict = {}
INLINE_RULES: dict = {}


def register_block(name):
    def deco(fn):
        BLOCK_RULES[name] = fn
        return fn

    return deco


def register_inline(name):
    def deco(fn):
        INLINE_RULES[name] = fn
        return fn

    return deco


class Context:
    """What one conversion needs while rendering: options, ids, toc, footnotes."""

    def __init__(self, converter, env):
        self.opts = converter.opts
        self.converter = converter
        self.env = env
        self.used_ids: dict = {}
        self.toc: list = []
        self.footnotes: list = []
        self.footnotes_by_name: dict = {}
        self.footnote_counter = self.opts.footnote_nr
        self.in_html = 0
        self.footnotes_placed = False


def count_blank_runs(blank, a, b):
    runs = 0
    prev = False
    for i in range(max(a, 0), min(b, len(blank))):
        cur = blank[i]
        if cur and not prev:
            runs += 1
        prev = cur
    return runs


def content_end(node, blank):
    """End line of a node's content, not counting trailing blank lines inside its map."""
    if not node.map:
        return None
    start, end = node.map
    while end - 1 > start and end - 1 < len(blank) and blank[end - 1]:
        end -= 1
    return end


# Blocks that write nothing and, like kramdown's end-of-block elements, vanish from the output:
# the blank lines around them merge into one.
INVISIBLE = {"kd_ial", "kd_footnote_def", "kd_abbr_def", "kd_eob", "kd_options"}


def render_blocks(ctx, nodes, indent, blank, lo=None, hi=None):
    """Render sibling block nodes, keeping kramdown's blank-line elements between them: any
    number of blank lines between two blocks (ignoring invisible ones) is written as one."""
    out = []
    prev_end = lo
    prev_trailing = False
    invisible_end = None  # end of invisible blocks after the last visible one
    for node in nodes:
        if node.type in INVISIBLE:
            if node.map:
                invisible_end = node.map[1]
            continue
        invisible_end = None
        if node.map and prev_end is not None and blank is not None:
            runs = count_blank_runs(blank, prev_end, node.map[0])
            if prev_trailing and not (prev_end < len(blank) and blank[prev_end]):
                runs += 1
            if runs:
                out.append("\n")
        elif prev_trailing:
            out.append("\n")
        out.append(render_block(ctx, node, indent))
        if node.map:
            prev_end = content_end(node, blank) if blank is not None else node.map[1]
        prev_trailing = bool(node.meta and node.meta.get("trailing_blank"))
    if hi is not None and prev_end is not None and blank is not None:
        runs = count_blank_runs(blank, prev_end, hi)
        if prev_trailing and not (prev_end < len(blank) and blank[prev_end]):
            runs += 1
        if runs:
            out.append("\n")
    elif prev_trailing:
        out.append("\n")
    elif invisible_end is not None and prev_end is not None and blank is not None:
        if count_blank_runs(blank, prev_end, invisible_end):
            out.append("\n")
    return "".join(out)


def render_block(ctx, node, indent):
    rule = BLOCK_RULES.get(node.type)
    if rule is None:
        return ""
    return rule(ctx, node, indent)


def render_inline(ctx, tokens) -> str:
    out = []
    rules = INLINE_RULES
    for tok in tokens:
        rule = rules.get(tok.type)
        if rule is not None:
            out.append(rule(ctx, tok))
    return "".join(out)


def attrs_of(node_or_tok) -> dict:
    return dict(node_or_tok.attrs) if node_or_tok.attrs else {}


# ---- blocks ---------------------------------------------------------------------------------


def inline_of(node) -> str:
    for child in node.children:
        if child.type == "inline":
            return child.tok.children
    return []


@register_block("paragraph")
def _paragraph(ctx, node, indent):
    children = inline_of(node)
    if node.meta and node.meta.get("transparent"):
        # kramdown adds the newline to the paragraph's text before reading its spans, so an
        # element left open at the end of the text holds it (`<foo>x\n</foo>`).
        suffix = node.meta.get("transparent_suffix", "")
        open_end = len(children)
        while open_end and (children[open_end - 1].meta or {}).get("kd_auto_close"):
            open_end -= 1
        append = node.meta.get("append_html") or ""
        if open_end == len(children):
            return render_inline(ctx, children) + append + suffix
        return render_inline(ctx, children[:open_end]) + suffix + render_inline(ctx, children[open_end:]) + append
    body = render_inline(ctx, children)
    if node.meta and node.meta.get("append_html"):
        body += node.meta["append_html"]
    return f"{' ' * indent}<p{hs.html_attributes(attrs_of(node))}>{body}</p>\n"


def indented_container(ctx, node, indent, tag, attrs, blank):
    body = render_blocks(ctx, node.children, indent + 2, blank)
    pad = " " * indent
    return f"{pad}<{tag}{hs.html_attributes(attrs)}>\n{body}{pad}</{tag}>\n"


@register_block("blockquote")
def _blockquote(ctx, node, indent):
    # blank quote lines (`>` alone) at its start or end are blank lines of its content
    lo, hi = node.map if node.map else (None, None)
    body = render_blocks(ctx, node.children, indent + 2, ctx.blank, lo, hi)
    pad = " " * indent
    return f"{pad}<blockquote{hs.html_attributes(attrs_of(node))}>\n{body}{pad}</blockquote>\n"


@register_block("hr")
def _hr(ctx, node, indent):
    return f"{' ' * indent}<hr{hs.html_attributes(attrs_of(node))} />\n"


# ---- inline ---------------------------------------------------------------------------------


_GENERATED = re.compile("[\U000F0000-\U000F2FFF]")


@register_inline("text")
def _text(ctx, tok):
    text = hs.escape_all(tok.content)
    if tok.meta and "prefix_html" in tok.meta:
        text = tok.meta["prefix_html"] + text  # a task list checkbox
    if ctx.opts.entity_output not in ("as_char", "as_input") and _GENERATED.search(text):
        text = _GENERATED.sub(lambda m: entity_text(ctx.opts, chr(ord(m.group(0)) - 0xF0000)), text)
    return text


def unmark(text: str) -> str:
    """Characters typography generated, as themselves (see typography.mark_generated)."""
    if _GENERATED.search(text):
        return _GENERATED.sub(lambda m: chr(ord(m.group(0)) - 0xF0000), text)
    return text


@register_inline("text_special")
def _text_special(ctx, tok):
    if tok.info == "entity":
        ch = tok.content
        if ch in "<>&":
            return tok.markup
        if ctx.opts.entity_output in ("as_char", "as_input"):
            return ch
        return entity_text(ctx.opts, ch) if len(ch) == 1 else tok.markup
    return hs.escape_all(tok.content)


@register_inline("softbreak")
def _softbreak(ctx, tok):
    return "\n"


@register_inline("hardbreak")
def _hardbreak(ctx, tok):
    return "<br />\n"


def _span_open(tag):
    def rule(ctx, tok):
        return f"<{tag}{hs.html_attributes(attrs_of(tok))}>"

    return rule


def _span_close(tag):
    def rule(ctx, tok):
        return f"</{tag}>"

    return rule


for _name, _tag in (("em", "em"), ("strong", "strong"), ("s", "del")):
    INLINE_RULES[_name + "_open"] = _span_open(_tag)
    INLINE_RULES[_name + "_close"] = _span_close(_tag)


@register_inline("link_open")
def _link_open(ctx, tok):
    attrs = attrs_of(tok)
    ordered = {"href": attrs.pop("href", "")}
    if "title" in attrs:
        ordered["title"] = attrs.pop("title")
    ordered.update(attrs)
    return f"<a{hs.html_attributes(ordered)}>"


INLINE_RULES["link_close"] = _span_close("a")


def plain_text(tokens) -> str:
    out = []
    for tok in tokens:
        if tok.type in ("text", "text_special", "code_inline", "math_inline", "kd_abbr", "kd_raw_text"):
            out.append(unmark(tok.content))
        elif tok.type == "html_inline" and hs.span_tag_is_text(tok.content):
            out.append(tok.content)  # kramdown keeps `<hr>` in a header as text
        elif tok.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif tok.type == "image":
            continue  # kramdown's image element has no text (its alt is an attribute)
        elif tok.children:
            out.append(plain_text(tok.children))
    return "".join(out)


# kramdown's escapable characters (its own set: the GFM parser's `~` is not unescaped here)
_ALT_ESCAPE = re.compile(r"\\([\\.*_+\-`()\[\]{}#!:|\"'$=<>])")


@register_inline("image")
def _image(ctx, tok):
    attrs = attrs_of(tok)
    # kramdown's alt text is the image's label as typed (no Markdown inside it is parsed),
    # less the backslashes of escapes (`appcompat\_v7`)
    ordered = {"src": attrs.pop("src", ""), "alt": _ALT_ESCAPE.sub(r"\1", tok.content)}
    attrs.pop("alt", None)
    if "title" in attrs:
        ordered["title"] = attrs.pop("title")
    ordered.update(attrs)
    return f"<img{hs.html_attributes(ordered)} />"
