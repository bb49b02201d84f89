"""Code blocks and code spans with Rouge's wrappers, as kramdown + Jekyll write them.

Block: `<div class="language-LANG highlighter-rouge"><div class="highlight"><pre
class="highlight"><code>...</code></pre></div></div>`; no language means `plaintext`.
A language no lexer knows gives kramdown's plain `<pre><code class="language-LANG">`.
Span: `<code class="language-plaintext highlighter-rouge">...</code>` (quotes not escaped).
"""

from __future__ import annotations

import re

from . import html_syntax as hs
from .highlight import highlight_code
from .renderer import attrs_of, register_block, register_inline

_LANG_RE = re.compile(r"\blanguage-(\S+)")


def _with_highlighter_class(attrs, lang):
    cls = (attrs.get("class", "") + " highlighter-rouge").lstrip()
    if lang:
        if _LANG_RE.search(cls):
            cls = _LANG_RE.sub("language-" + lang, cls, count=1)
        else:
            cls = f"language-{lang} " + cls
    attrs["class"] = cls
    return attrs


def render_code_block(ctx, code, lang, attrs, indent):
    pad = " " * indent
    class_lang = None
    if "class" in attrs:
        m = _LANG_RE.search(attrs["class"])
        if m:
            class_lang = m.group(1)
            rest = _LANG_RE.sub("", attrs["class"], count=1).strip()
            if rest:
                attrs["class"] = rest
            else:
                del attrs["class"]
    lang = lang or class_lang
    opts = ctx.opts
    if _rouge_enabled(opts, opts.highlight_block):
        hl = highlight_code(code, lang or opts.default_lang, block=True)
        if hl is not None:
            attrs = _with_highlighter_class(attrs, lang or opts.default_lang)
            rouge = opts.highlight_block
            if _ruby_true(rouge.get("line_numbers")):
                hl = _line_number_table(hl, code, rouge)
            css = hs.escape_all(str(rouge.get("css_class") or "highlight"))
            return (
                f'{pad}<div{hs.html_attributes(attrs)}><div class="highlight"><pre class="{css}">'
                f"<code>{hl}</code></pre></div>{pad}</div>\n"
            )
    body = hs.escape_all(code)
    if body.endswith("\n"):
        body = body[:-1]
    code_attrs = {"class": f"language-{lang}"} if lang else {}
    return f"{pad}<pre{hs.html_attributes(attrs)}><code{hs.html_attributes(code_attrs)}>{body}\n</code></pre>\n"


def _rouge_enabled(opts, rouge_opts: dict) -> bool:
    """Rouge highlights unless another highlighter is set or `syntax_highlighter_opts`
    (top level, `block:` or `span:`) says `disable: true`; kramdown then writes plain code."""
    return opts.highlighter == "rouge" and not _ruby_true(rouge_opts.get("disable"))


def _ruby_true(value) -> bool:
    return value is not None and value is not False


def _line_number_table(hl, code, rouge) -> str:
    """Rouge's HTMLTable formatter (`line_numbers: true`): a gutter of line numbers beside the
    highlighted code, both in `<pre>`; a last line without newline gets one."""
    lines = code.count("\n")
    if not code.endswith("\n"):
        lines += 1
        hl += "\n"
    start = rouge.get("start_line", 1)
    start = int(start) if str(start).lstrip("-").isdigit() else 1
    line_format = str(rouge.get("line_format", "%i"))
    try:
        numbers = "\n".join(line_format % i for i in range(start, start + lines)) + "\n"
    except (TypeError, ValueError):
        numbers = "\n".join(str(i) for i in range(start, start + lines)) + "\n"
    table = rouge.get("table_class", "rouge-table")
    gutter = rouge.get("gutter_class", "rouge-gutter")
    code_class = rouge.get("code_class", "rouge-code")
    return (
        f'<table class="{table}"><tbody><tr><td class="{gutter} gl">'
        f'<pre class="lineno">{numbers}</pre></td><td class="{code_class}"><pre>{hl}</pre></td>'
        "</tr></tbody></table>"
    )


@register_block("fence")
def _fence(ctx, node, indent):
    tok = node.tok
    info = tok.info.strip()
    lang = info.split()[0] if info else None
    if lang and "?" in lang:
        lang = lang.split("?")[0] or None
    return render_code_block(ctx, tok.content, lang, attrs_of(node), indent)


@register_block("code_block")
def _code_block(ctx, node, indent):
    content = node.tok.content
    # kramdown drops trailing blank lines of an indented code block
    content = content.rstrip("\n") + "\n" if content.strip() else content
    return render_code_block(ctx, content, None, attrs_of(node), indent)


@register_inline("code_inline")
def _code_inline(ctx, tok):
    attrs = attrs_of(tok)
    m = _LANG_RE.search(attrs.get("class", ""))
    lang = m.group(1) if m else None
    opts = ctx.opts
    if _rouge_enabled(opts, opts.highlight_span):
        hl = highlight_code(tok.content, lang or opts.default_lang, block=False)
        if hl is not None:
            if _ruby_true(opts.highlight_span.get("line_numbers")):
                hl = _line_number_table(hl, tok.content, opts.highlight_span)
            _with_highlighter_class(attrs, lang or opts.default_lang)
            return f"<code{hs.html_attributes(attrs)}>{hl}</code>"
    return f"<code{hs.html_attributes(attrs)}>{hs.escape_all(tok.content)}</code>"


def codespan_rule(state, silent):
    """kramdown's code spans: a run of backticks up to the next occurrence of the same run.

    Unlike CommonMark the content keeps its newlines; only a span opened by two or more
    backticks loses one space on each side; a single backtick with whitespace on both sides
    is text; an unclosed run is text."""
    src = state.src
    pos = state.pos
    if src[pos] != "`":
        return False
    end = pos
    while end < state.posMax and src[end] == "`":
        end += 1
    delim = src[pos:end]
    simple = len(delim) == 1
    before_ws = pos == 0 or src[pos - 1].isspace()
    if simple and before_ws and end < state.posMax and src[end].isspace():
        if not silent:
            state.pending += delim
        state.pos = end
        return True
    close = src.find(delim, end, state.posMax)
    if close < 0:
        if not silent:
            state.pending += delim
        state.pos = end
        return True
    if not silent:
        text = src[end:close]
        if not simple:
            if text[:1] == " ":
                text = text[1:]
            if text[-1:] == " ":
                text = text[:-1]
        tok = state.push("code_inline", "code", 0)
        tok.markup = delim
        tok.content = text
    state.pos = close + len(delim)
    return True


def _fence_without_backticks(original):
    """Classic kramdown (`input: kramdown`) knows only `~~~` fences."""

    def rule(state, start, end, silent):
        pos = state.bMarks[start] + state.tShift[start]
        if state.src.startswith("`", pos):
            return False
        return original(state, start, end, silent)

    return rule


def _closed_fences_only(original):
    """kramdown reads a fence as code only when a closing fence (the same character, at least
    as many) follows; an unclosed one is paragraph text (CommonMark runs it to the end)."""

    def rule(state, start, end, silent):
        pos = state.bMarks[start] + state.tShift[start]
        line_end = state.eMarks[start]
        if state.sCount[start] - state.blkIndent >= 4 or pos + 3 > line_end:
            return False
        marker = state.src[pos]
        if marker not in "`~":
            return False
        run = len(state.src[pos:line_end]) - len(state.src[pos:line_end].lstrip(marker))
        if run < 3:
            return False
        for line in range(start + 1, end):
            if state.sCount[line] < state.blkIndent:
                break
            first = state.bMarks[line] + state.tShift[line]
            text = state.src[first:state.eMarks[line]]
            if (state.sCount[line] - state.blkIndent < 4 and text.startswith(marker * run)
                    and not text.strip(" \t").strip(marker)):
                return original(state, start, end, silent)
        return False

    return rule


def plugin(md, **opts):
    from markdown_it.rules_block.fence import fence

    md.inline.ruler.at("backticks", codespan_rule)
    fence_rule = fence if opts.get("gfm", True) else _fence_without_backticks(fence)
    md.block.ruler.at("fence", _closed_fences_only(fence_rule))
