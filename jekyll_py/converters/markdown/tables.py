"""Tables as kramdown reads and writes them (its own syntax, which GFM input keeps).

Reading (replaces markdown-it's GFM table rule):

* a table starts only after a block boundary (start of the container, a blank line, an IAL or
  an end-of-block marker) and must be followed by one, otherwise its lines are a paragraph;
* every line of a table contains an unescaped `|` outside code spans;
* a separator line (`|---|:-:|`) after the first rows makes them the header and gives the column
  alignment; a later separator line starts a new body; a `|===|` line starts the footer;
* a row is split at unescaped pipes outside code spans; a leading pipe and an empty last cell are
  dropped; `\\|` is a literal pipe; every row is padded with empty cells to the widest row.

Writing: `<table>` with `thead`/`tbody`/`tfoot` sections, header cells as `<th>`,
`style="text-align: left"` for aligned columns and a no-break space for an empty cell, each level
indented by two spaces.
"""

from __future__ import annotations

import re

from . import html_syntax as hs
from .entities import entity_text
from .renderer import attrs_of, inline_of, register_block, render_inline

# Ruby's String#strip removes ASCII whitespace and NUL only (not U+3000 and other spaces).
RUBY_WHITESPACE = " \t\n\v\f\r\0"

_PIPE_LINE = re.compile(r"(?:\||.*?[^\\]\|)")
_SEP_LINE = re.compile(r"([+|: \t-]*?-[+|: \t-]*?)[ \t]*$")
_SEP_ALIGN = re.compile(r"[ \t]?(:?)-+(:?)[ \t]?")
_FOOT_LINE = re.compile(r"[+|: \t=]*?=[+|: \t=]*?[ \t]*$")
_LEADING_PIPE = re.compile(r"\s*\|", re.A)
_CODE_HTML = re.compile(r"(<code.*?>.*?</code>)")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_BACKTICKS = re.compile(r"`+")
_EOB_OR_IAL = re.compile(r" {0,3}(?:\^\s*$|\{:(?!:|/)(?:\\\}|[^}])+\}\s*$)", re.A)


def _code_spans(text: str):
    """Split `text` into (is_code, piece) parts the way kramdown's code span rule finds them."""
    pos = 0
    plain_start = 0
    n = len(text)
    while pos < n:
        m = _BACKTICKS.search(text, pos)
        if not m:
            break
        delim = m.group(0)
        # A lone backtick between whitespace is literal text.
        if (
            len(delim) == 1
            and (m.start() == 0 or text[m.start() - 1].isspace())
            and m.end() < n
            and text[m.end()].isspace()
        ):
            pos = m.end()
            continue
        close = text.find(delim, m.end())
        if close < 0:
            pos = m.end()
            continue
        if m.start() > plain_start:
            yield False, text[plain_start : m.start()]
        yield True, text[m.start() : close + len(delim)]
        pos = plain_start = close + len(delim)
    if plain_start < n:
        yield False, text[plain_start:]


def split_row(line: str) -> list:
    """The raw text of each cell of a row line (before stripping)."""
    cells: list = []

    def append(piece):
        if cells:
            cells[-1] += piece
        else:
            cells.append(piece)

    for i, part in enumerate(_CODE_HTML.split(line)):
        if i % 2:
            append(part)
            continue
        for is_code, piece in _code_spans(part):
            if is_code:
                append(piece)
                continue
            first, *rest = [t.replace("\\|", "|") for t in _UNESCAPED_PIPE.split(piece)]
            append(first)
            cells.extend(rest)
    return cells


def _has_pipe_outside_code(line: str) -> bool:
    """kramdown's check that a line belongs to a table: an unescaped pipe outside code spans
    and outside span HTML elements (`<a id="x">[a | b](u)</a>` is no table row). Whichever
    starts first wins: a code span hides the tags in it, an element its code spans."""
    return bool(_UNESCAPED_PIPE.search(_visible_text(line)))


def _visible_text(line: str) -> str:
    spans = []
    offset = 0
    for is_code, piece in _code_spans(line):
        if is_code:
            spans.append((offset, offset + len(piece)))
        offset += len(piece)
    out = []
    pos = 0
    n = len(line)
    while pos < n:
        m = hs.TAG_RE.search(line, pos) if "<" in line else None
        code = next((span for span in spans if span[0] >= pos), None)
        if code and (not m or code[0] < m.start()):
            out.append(line[pos : code[0]])
            pos = code[1]
            continue
        if not m:
            out.append(line[pos:])
            break
        name = hs.normalise_name(m.group(1))
        if m.group(4) or name in hs.BLOCK_ELEMENTS or name in hs.VOID_ELEMENTS:
            out.append(line[pos : m.end()])
            pos = m.end()
            continue
        out.append(line[pos : m.start()])
        pos = _element_end(line, m.end(), m.group(1))
    return "".join(out)


def _element_end(text: str, pos: int, name: str) -> int:
    depth = 1
    tags = re.compile(r"<(/?)" + re.escape(name) + r"(?=[\s/>])", re.I)
    for m in tags.finditer(text, pos):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            close = text.find(">", m.end())
            return len(text) if close < 0 else close + 1
    return len(text)


def after_block_boundary(state, start: int) -> bool:
    """kramdown only starts a table (and some other blocks) after a block boundary: the start
    of the container, a blank line, `^`, or a block IAL waiting for the next block (comments
    between it and here do not count: they take no IAL)."""
    if _waiting_ial(state.tokens):
        return True
    if getattr(state, "kd_rest_of_line", None) == start:
        return False  # text right after an HTML element on its line
    if not state.tokens or state.tokens[-1].nesting == 1:
        return True
    if start > 0 and state.isEmpty(start - 1):
        return True
    # An IAL that went to the block before it, an attribute list definition, an extension or
    # a footnote or abbreviation definition is no boundary (kramdown's :eob elements that
    # carry a value).
    return state.tokens[-1].type == "kd_eob"


def _waiting_ial(tokens) -> bool:
    for tok in reversed(tokens):
        if tok.type == "kd_html" and type(tok.meta["node"]).__name__ == "Comment":
            continue
        return tok.type == "kd_ial" and tok.meta.get("target") is None and not tok.meta.get("ald")
    return False


def before_block_boundary(state, line: int, end: int) -> bool:
    if line >= end or state.isEmpty(line) or state.sCount[line] < state.blkIndent:
        return True
    text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
    return bool(_EOB_OR_IAL.match(text))


def table_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    src = state.src
    if src.find("|", state.bMarks[start], state.eMarks[start]) < 0:
        return False
    first = src[state.bMarks[start] : state.eMarks[start]]
    if not first.strip() or not _PIPE_LINE.match(first):
        return False
    if not after_block_boundary(state, start):
        return False
    if _read_table(state, start, end, silent, first):
        return True
    # kramdown creates the table element before it reads the rows, and that element takes a
    # block IAL waiting for the next block: when the lines are no table after all, the IAL is
    # gone (`{: .c}` over `a | b <span>` gives a plain paragraph).
    last = state.tokens[-1] if state.tokens else None
    if not silent and last is not None and last.type == "kd_ial" and last.meta.get("target") is None:
        last.meta["attrs"], last.meta["refs"] = {}, []
    return False


def _read_table(state, start, end, silent, first):
    src = state.src
    leading_pipe = bool(_LEADING_PIPE.match(first))
    sections: list = []  # (kind, rows); a row is a list of (cell text, line)
    rows: list = []
    alignment: list = []
    has_footer = False
    columns = 0

    def add_section(kind, force):
        nonlocal rows
        if not has_footer or kind != "tbody" or force:
            sections.append((kind, rows))
            rows = []

    line = start
    while line < end:
        if state.sCount[line] < state.blkIndent:
            break
        text = src[state.bMarks[line] : state.eMarks[line]]
        if not _PIPE_LINE.match(text):
            break
        sep = _SEP_LINE.match(text)
        if sep:
            if not rows:
                pass  # separator lines before any row are ignored
            elif not alignment and not has_footer:
                add_section("thead", False)
                alignment = [
                    "default" if not left and not right else "left" if not right
                    else "right" if not left else "center"
                    for left, right in _SEP_ALIGN.findall(sep.group(1))
                ]
            else:
                add_section("tbody", False)
        elif _FOOT_LINE.match(text):
            if rows:
                add_section("tbody", True)
            has_footer = True
        else:
            if not _has_pipe_outside_code(text):
                return False
            cells = split_row(text.rstrip(" \t"))
            if leading_pipe and cells and not cells[0].strip(RUBY_WHITESPACE):
                cells.pop(0)
            if cells and not cells[-1].strip(RUBY_WHITESPACE):
                cells.pop()
            columns = max(columns, len(cells))
            rows.append([(c.strip(RUBY_WHITESPACE), line) for c in cells])
        line += 1
    if not before_block_boundary(state, line, end):
        return False
    if rows:
        add_section("tfoot" if has_footer else "tbody", False)
    if not any(kind == "tbody" for kind, _ in sections):
        return False
    if silent:
        return True
    alignment = (alignment + ["default"] * columns)[:columns]

    tok = state.push("table_open", "table", 1)
    tok.map = [start, line]
    for kind, section_rows in sections:
        state.push(f"{kind}_open", kind, 1)
        cell_tag = "th" if kind == "thead" else "td"
        for row in section_rows:
            state.push("tr_open", "tr", 1)
            for col in range(columns):
                text, row_line = row[col] if col < len(row) else ("", None)
                cell = state.push(f"{cell_tag}_open", cell_tag, 1)
                if alignment[col] != "default":
                    cell.attrs = {"style": f"text-align: {alignment[col]}"}
                inline = state.push("inline", "", 0)
                inline.content = text
                inline.map = [row_line, row_line + 1] if row_line is not None else None
                inline.children = []
                state.push(f"{cell_tag}_close", cell_tag, -1)
            state.push("tr_close", "tr", -1)
        state.push(f"{kind}_close", kind, -1)
    state.push("table_close", "table", -1)
    state.line = line
    return True


def plugin(md, **opts):
    # kramdown tries tables after quotes, lists, HTML and headers, just before paragraphs.
    md.block.ruler.disable("table")
    md.block.ruler.before("paragraph", "kd_table", table_rule, {"alt": []})


# ---- rendering --------------------------------------------------------------------------------


def _cell(ctx, node, indent):
    body = render_inline(ctx, inline_of(node))
    if not body:
        body = entity_text(ctx.opts, "\u00a0")
    return f"{' ' * indent}<{node.tag}{hs.html_attributes(attrs_of(node))}>{body}</{node.tag}>\n"


def _container(ctx, node, indent):
    pad = " " * indent
    inner = []
    for child in node.children:
        if child.type in ("td", "th"):
            inner.append(_cell(ctx, child, indent + 2))
        else:
            inner.append(_container(ctx, child, indent + 2))
    return f"{pad}<{node.tag}{hs.html_attributes(attrs_of(node))}>\n{''.join(inner)}{pad}</{node.tag}>\n"


@register_block("table")
def _table(ctx, node, indent):
    return _container(ctx, node, indent)
