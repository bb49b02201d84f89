"""kramdown math: only `$$...$$` (a single `$` is text).

* A block: `$$` at the start of a line, after a block boundary, up to the next `$$` (may span
  lines) followed by the end of its line and another block boundary. Written for MathJax as
  `\\[...\\]` on a line of its own (no `<p>`, no indentation); with an IAL, inside a `<div>`.
* Inline: `$$...$$` anywhere else, written `\\(...\\)`; with an IAL, `<span ...>$...$</span>`.

The content is stripped and has `&`, `<`, `>` escaped. With `math_engine: null` (or false)
kramdown writes `<div class="kdmath">$$\\n...\\n$$</div>` / `<span class="kdmath">$...$</span>`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import html_syntax as hs
from .renderer import attrs_of, register_block, register_inline
from .ial import apply, parse_attribute_list
from .tables import after_block_boundary, before_block_boundary

_SAME_LINE_IAL = re.compile(r"\{:(?!:|/)((?:\\\}|[^}])+)\}[ \t]*$")


def math_block_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    src = state.src
    pos = state.bMarks[start] + state.tShift[start]
    if not src.startswith("$$", pos) or not after_block_boundary(state, start):
        return False
    close = src.find("$$", pos + 2)
    if close < 0:
        return False
    after = close + 2
    while after < len(src) and src[after] in " \t":
        after += 1
    last_line = bisect_right(state.bMarks, close, 0, state.lineMax) - 1
    next_line = last_line + 1
    ial = None
    if after < len(src) and src[after] != "\n":
        # kramdown goes on reading blocks right after the closing `$$`: a block IAL there
        # belongs to the math; any other text makes it inline math in a paragraph.
        ial = _SAME_LINE_IAL.match(src, after, state.eMarks[last_line])
        if not ial:
            return False
    elif next_line > end or not before_block_boundary(state, next_line, end):
        return False
    if silent:
        return True
    tok = state.push("kd_math_block", "", 0)
    if ial:
        attrs, refs = parse_attribute_list(ial.group(1), state.env.get("kd_alds"))
        apply(tok, attrs, refs)
    tok.content = src[pos + 2 : close].strip(hs.RUBY_SPACE)
    tok.map = [start, next_line]
    state.line = next_line
    return True


def math_inline_rule(state, silent):
    pos = state.pos
    if not state.src.startswith("$$", pos):
        return False
    close = state.src.find("$$", pos + 2, state.posMax)
    if close < 0:
        return False
    if not silent:
        tok = state.push("math_inline", "", 0)
        tok.content = state.src[pos + 2 : close].strip(hs.RUBY_SPACE)
    state.pos = close + 2
    return True


def plugin(md, **opts):
    md.block.ruler.before("kd_table", "kd_math_block", math_block_rule)
    md.inline.ruler.before("escape", "kd_math_inline", math_inline_rule)


def _mathjax(ctx) -> bool:
    engine = ctx.opts.math_engine
    return bool(engine) and str(engine).lower() not in ("none", "nil", "false", "null")


@register_block("kd_math_block")
def _math_block(ctx, node, indent):
    attrs = attrs_of(node)
    value = node.tok.content
    if not _mathjax(ctx):
        attrs["class"] = (attrs.get("class", "") + " kdmath").lstrip()
        return f"{' ' * indent}<div{hs.html_attributes(attrs)}>$$\n{value}\n$$</div>\n"
    body = f"\\[{hs.escape_all(value)}\\]\n"
    if not attrs:
        return body
    return f"{' ' * indent}<div{hs.html_attributes(attrs)}>{body}</div>\n"


@register_inline("math_inline")
def _math_inline(ctx, tok):
    attrs = attrs_of(tok)
    if not _mathjax(ctx):
        attrs["class"] = (attrs.get("class", "") + " kdmath").lstrip()
        return f"<span{hs.html_attributes(attrs)}>${tok.content}$</span>"
    if attrs:
        return f"<span{hs.html_attributes(attrs)}>${tok.content}$</span>"
    return f"\\({hs.escape_all(tok.content)}\\)"
