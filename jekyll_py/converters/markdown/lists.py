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

from markdown_it.rules_block import StateBlock

from . import html_syntax as hs
from .ial import parse_attribute_list
from .renderer import (
    BLOCK_RULES,
    INVISIBLE,
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
_TASK_RE = re.compile(r"\A\s*\[([ xX])\]\s+", re.A)


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
        if kids and kids[0].type == "paragraph" and not (item.meta or {}).get("blank_first"):
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


def _with_first_class(attrs, name):
    """kramdown sets a task list's classes while parsing; the IAL's attributes come after."""
    rest = dict(attrs or {})
    own = rest.pop("class", None)
    return {"class": name + (" " + own if own else ""), **rest}


def _task_lists(ctx, lst):
    is_task = False
    for item in lst.children:
        if not item.children or item.children[0].type != "paragraph":
            continue
        children = inline_of(item.children[0])
        m = _TASK_RE.match(children[0].content) if children and children[0].type == "text" else None
        if not m:  # after a task item, any item whose first block is a paragraph
            if is_task:
                item.attrs = _with_first_class(item.attrs, "task-list-item")
            continue
        box = _BOX if m.group(1) == " " else _BOX_CHECKED
        children[0].content = children[0].content[m.end():]
        children[0].meta = dict(children[0].meta or {}, prefix_html=box)
        is_task = True
        item.attrs = _with_first_class(item.attrs, "task-list-item")
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
        attrs = _with_first_class(attrs, "task-list")
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
    # (an IAL left waiting at the end of the item is no content: blank lines before it are
    # trailing blank lines, which kramdown drops)
    last = kids[-1] if kids else None
    if last is not None and last.type == "kd_ial" and not last.tok.meta.get("target"):
        visible = [k for k in kids if k.type not in INVISIBLE]
        last = visible[-1] if visible else None
    hi = content_end(last, ctx.blank) if last is not None else None
    lo = kids[0].map[0] if kids and kids[0].map else None
    if (item.meta or {}).get("blank_first") and item.map:
        lo = item.map[0] + 1  # the blank line the item starts with is written out
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


# ---- parsing ----------------------------------------------------------------------------------
#
# kramdown decides where each item ends before it parses the item's content, with rules of its
# own (parser/kramdown/list.rb):
#
# * A list starts with `-`, `+`, `*` or `N.` after at most 3 spaces, followed by a space or tab
#   (a lone `-` starts nothing). Later items of the list use the same kind of marker, any bullet
#   for a bullet list, after fewer spaces than the previous item's content indentation (at most 3).
# * An item's content indentation is the marker's width plus the spaces after it; when nothing
#   (or only an attribute list) follows the marker, it is 4.
# * A line indented that much belongs to the item, without that indentation. Any other non-blank
#   line belongs to it too, as it is ("lazily"), unless a blank line came before it or it is a
#   block IAL or an HTML block tag: `2. Two:` followed by `  - a` nests the list in item 2.
# * A blank line belongs to the item; after one, an unindented line ends the list, and so does a
#   thematic break. `^` ends the list.
# * The content is then parsed on its own, in chunks: a nested list that directly follows the
#   first lines of an item starts a new chunk, so it ends the paragraph before it.
#
# Items are parsed as separate little documents (lines keep their numbers, so the blank-line
# bookkeeping of the renderer still works) and their tokens are put between the item's tokens.

_UL_START = re.compile(r"( {0,3}[+*-])([\t| ].*)\Z")
_OL_START = re.compile(r"( {0,3}\d+\.)([\t| ].*)\Z")
_ANY_START = re.compile(r" {0,3}(?:[+*-]|\d+\.)[\t| ]")
_HR = re.compile(r" {0,3}([*_-])[ \t]*\1[ \t]*\1(?:\1|[ \t])*\Z")
_EOB = re.compile(r"\^\s*\Z", re.A)
_IAL_BLOCK = re.compile(r" {0,3}\{:(?!:|/)(?:\\\}|[^}])+\}\s*\Z", re.A)
# `{: .cls}` at the start of an item: the item's attributes.
_ITEM_IAL = re.compile(r"\s*\{:(?![\w-]*:|/)((?:\\\}|[^}])+)\}\s*", re.A)
_ITEM_IAL_ONLY = re.compile(r"(?:\s*\{:(?![\w-]*:|/)(?:\\\}|[^}])+\})?\s*\Z", re.A)


def _next_item_re(ordered, indentation):
    """Later items: fewer leading spaces than the previous item's content indentation."""
    spaces = min(max(indentation - 1, 0), 3)
    marker = r"\d+\." if ordered else r"[+*-]"
    return re.compile(r"( {0,%d}%s)([\t| ].*)\Z" % (spaces, marker))


def _virtual_line(state, line):
    """The line as the list sees it. kramdown's rules look at characters, not columns (a tab
    is not four spaces everywhere), so at the top of a document that is the line as written;
    in an indented container its indentation (relative to the container's) as spaces."""
    if state.blkIndent == 0:
        return state.src[state.bMarks[line] : state.eMarks[line]]
    first = state.bMarks[line] + state.tShift[line]
    indent = max(state.sCount[line] - state.blkIndent, 0)
    return " " * indent + state.src[first : state.eMarks[line]]


def _content_re(indentation):
    """kramdown's test for a line indented enough to belong to an item: each 4 columns of
    the indentation as a tab or 4 spaces, the rest as spaces, or one more tab or 4 spaces."""
    tabs, spaces = divmod(indentation, 4)
    return re.compile(r"(?:(?:\t| {4}){%d} {%d}|(?:\t| {4}){%d})" % (tabs, spaces, tabs + 1))


_LEADING_TABS = re.compile(r"\A\t+")


def _first_line(marker_width, rest):
    """(content of the marker line, content indentation) as kramdown's parse_first_list_line:
    the spaces after the marker count (tabs to the next multiple of 4); nothing or only an
    attribute list after the marker means an indentation of 4."""
    if _ITEM_IAL_ONLY.match(rest):
        return rest.lstrip(), 4
    column = marker_width
    for ch in rest:
        if ch == " ":
            column += 1
        elif ch == "\t":
            column += 4 - column % 4
        else:
            break
    return rest.lstrip(" \t"), column


def _lazy_allowed(text):
    """A non-indented line may continue an item unless it is a block IAL or an HTML block tag."""
    return not _IAL_BLOCK.match(text) and not hs.starts_lazy_end(text)


class _Item:
    __slots__ = ("start", "chunks", "attrs", "refs")

    def __init__(self, start, content):
        self.start = start
        self.chunks = [(start, [content])]
        self.attrs = {}
        self.refs = []

    def new_chunk(self, line):
        self.chunks.append((line, []))

    def add(self, text):
        self.chunks[-1][1].append(text)


def _scan_list(state, start, end, ordered, item_re):
    """The list's items (kramdown's line rules), the line after it, and whether `^` ended it."""
    items = []
    line = start
    last_blank = nested = False
    indentation = 0
    content_re = _content_re(0)
    while line < end:
        if 0 <= state.sCount[line] < state.blkIndent:
            break  # the enclosing container ends
        text = _virtual_line(state, line)
        blank = not text.strip(hs.RUBY_SPACE)
        if last_blank and _HR.match(text):
            break
        if _EOB.match(text):
            return items, line + 1, True
        m = None if blank else item_re.match(text)
        if m:
            content, indentation = _first_line(len(m.group(1)), m.group(2))
            item = _Item(line, content)
            ial = _ITEM_IAL.match(content)
            if ial:
                item.attrs, item.refs = parse_attribute_list(ial.group(1), state.env.get("kd_alds"))
                item.chunks[0][1][0] = content[ial.end():]
            items.append(item)
            item_re = _next_item_re(ordered, indentation)
            content_re = _content_re(indentation)
            nested = bool(_ANY_START.match(item.chunks[0][1][0]))
            last_blank = False
        elif not blank and (
            content_re.match(text) or (not last_blank and _lazy_allowed(text))
        ):
            text = _LEADING_TABS.sub(lambda t: "    " * len(t.group(0)), text)
            found = text.startswith(" " * indentation)
            if found:
                text = text[indentation:]
            if not nested and found and _ANY_START.match(text):
                items[-1].new_chunk(line)
                nested = True
            elif nested and not found and _ANY_START.match(text):
                text = " " * (indentation + 4) + text
            items[-1].add(text)
            last_blank = False
        elif blank:
            nested = last_blank = True
            items[-1].add(text)  # kept as written: a fence keeps its whitespace
        else:
            break
        line += 1
    return items, line, False


# A line that starts with a letter and has no `|` starts no block but a paragraph.
_PLAIN_LINE = re.compile(r"[^\W\d_][^|]*\Z")


def _parse_chunk(state, first_line, lines):
    """Parse one chunk of an item as its own document; its tokens go into `state.tokens` with
    their line numbers moved to where the chunk stands in the source."""
    if len(lines) == 1 and _PLAIN_LINE.match(lines[0]):
        # the common `- some text` item: a paragraph, without a parser state for one line
        span = [first_line, first_line + 1]
        state.push("paragraph_open", "p", 1).map = span
        inline = state.push("inline", "", 0)
        inline.content = lines[0].rstrip(hs.RUBY_SPACE)
        inline.map = span
        inline.children = []
        state.push("paragraph_close", "p", -1)
        return
    tokens: list = []
    nested = StateBlock("\n".join(lines) + "\n", state.md, state.env, tokens)
    nested.level = state.level
    state.md.block.tokenize(nested, 0, nested.lineMax)
    for tok in tokens:
        if tok.map:
            tok.map = [tok.map[0] + first_line, tok.map[1] + first_line]
    state.tokens.extend(tokens)


def list_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    text = _virtual_line(state, start)
    if _UL_START.match(text):
        ordered, item_re = False, _UL_START
    elif _OL_START.match(text):
        ordered, item_re = True, _OL_START
    else:
        return False
    if silent:
        return True
    if state.level >= state.md.options["maxNesting"]:
        return False
    items, next_line, eob = _scan_list(state, start, end, ordered, item_re)
    name, tag = ("ordered_list", "ol") if ordered else ("bullet_list", "ul")
    list_open = state.push(name + "_open", tag, 1)
    list_open.map = [start, next_line]
    list_open.meta = {"eob": eob}
    for i, item in enumerate(items):
        item_end = items[i + 1].start if i + 1 < len(items) else next_line - eob
        item_open = state.push("list_item_open", "li", 1)
        item_open.map = [item.start, item_end]
        if item.attrs:
            item_open.attrs = item.attrs
        if item.refs:
            item_open.meta = {"refs": list(item.refs)}
        first_lines = item.chunks[0][1]
        if (
            len(first_lines) > 1
            and not first_lines[0].strip(hs.RUBY_SPACE)
            and not first_lines[1].strip(hs.RUBY_SPACE)
        ):
            # nothing but an IAL on the marker line, then a blank line: kramdown's item starts
            # with a blank line, so its first paragraph is a real <p>
            item_open.meta = dict(item_open.meta or {}, blank_first=True)
        for first_line, lines in item.chunks:
            if lines:
                _parse_chunk(state, first_line, lines)
        state.push("list_item_close", "li", -1)
    state.push(name + "_close", tag, -1)
    state.line = next_line
    return True


def plugin(md, **opts):
    """Parsing lists with kramdown's rules; rendering is done by the rules above."""
    md.block.ruler.at("list", list_rule, {"alt": ["paragraph", "reference"]})
