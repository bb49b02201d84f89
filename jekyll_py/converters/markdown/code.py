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


def render_code_block(ctx, code, lang, attrs, indent, rouge_lang=None):
    """A code block as kramdown's HTML converter writes it. `lang` is the language of the
    `language-` class; `rouge_lang` (a fence's whole info string, `ruby?x=1`) is what Rouge is
    asked for, when it differs."""
    pad = " " * indent
    show_whitespace = bool(_SHOW_WS.search(attrs.get("class", "")))
    class_lang = None
    # kramdown takes the language from the first `language-` class: a fence's own comes before
    # any of an IAL's, which then stays in the class attribute
    if "class" in attrs and not lang:
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
        rouge = opts.highlight_block
        hl = _rouge_highlight(code, rouge_lang or lang, opts.default_lang, rouge, block=True)
        if hl is not None:
            attrs = _with_highlighter_class(attrs, lang or opts.default_lang)
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
    if show_whitespace:
        body = _WHITESPACE_RUN.sub(_whitespace_spans, body)
    code_attrs = {"class": f"language-{lang}"} if lang else {}
    return f"{pad}<pre{hs.html_attributes(attrs)}><code{hs.html_attributes(code_attrs)}>{body}\n</code></pre>\n"


_SHOW_WS = re.compile(r"\bshow-whitespaces\b")
# leading (group 1), trailing (2) or inner (3) runs of spaces and tabs of a line
_WHITESPACE_RUN = re.compile(r"(^[ \t]+)|([ \t]+$)|([ \t]+)", re.M)


def _whitespace_spans(m) -> str:
    """kramdown's `show-whitespaces` class on unhighlighted code: each space and tab in a span
    (`ws-space`, `ws-tab`, suffixed `-l` at a line's start and `-r` at its end)."""
    suffix = "-l" if m.group(1) else "-r" if m.group(2) else ""
    return "".join(
        f'<span class="ws-tab{suffix}">\t</span>' if ch == "\t" else f'<span class="ws-space{suffix}">&#8901;</span>'
        for ch in m.group(0)
    )


# Rouge's plain-text lexer (tag `plaintext`, alias `text`)
_PLAINTEXT_NAMES = frozenset(("plaintext", "text"))


def _rouge_highlight(code, lang, default_lang, rouge: dict, *, block: bool):
    """Rouge's highlighted HTML, or None where kramdown's Rouge wrapper gives none: an unknown
    language, or plain text when `guess_lang` is off (Jekyll sets it from kramdown's
    `guess_lang`, true by default). Rouge reads `name?options`; only the name picks the lexer
    (`?x` names none)."""
    name = (lang or default_lang).split("?", 1)[0]
    if not name:
        return None
    if name in _PLAINTEXT_NAMES and not _ruby_true(rouge.get("guess_lang", True)):
        return None
    return highlight_code(code, name, block=block)


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
    info = node.tok.info
    lang = fence_language(info) if info else None
    return render_code_block(ctx, node.tok.content, lang, attrs_of(node), indent, info or None)


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
        hl = _rouge_highlight(tok.content, lang, opts.default_lang, opts.highlight_span, block=False)
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


# Ruby's `\s` (kramdown's fence pattern is a Ruby regexp)
_WS = " \t\r\n\f\v"
# GFM: any mix of `~` and backticks (kramdown's pattern allows "``~"); classic kramdown: `~`
_GFM_OPENING = re.compile(r" {0,3}([~`]{3,})")
_CLASSIC_OPENING = re.compile(r"(~{3,})")


def kramdown_line(state, line: int) -> str:
    """The line as kramdown's parser sees it: as written, from markdown-it's mark. List items,
    definitions, footnotes and HTML blocks are parsed here as documents of their own with
    kramdown's indentation already removed (a whitespace-only line kept as it is), and a block
    quote's marks start after its `>`. A container that kept an indentation would give its
    lines relative to it, as spaces."""
    stop = state.eMarks[line]
    if state.blkIndent <= 0:
        return state.src[state.bMarks[line] : stop]
    first = state.bMarks[line] + state.tShift[line]
    return " " * max(state.sCount[line] - state.blkIndent, 0) + state.src[first:stop]


def _closes(text: str, opening: str, indent: int) -> bool:
    """Whether `text` closes a fence opened by `opening`: up to `indent` spaces, the opening
    run, more of its last character, then nothing but whitespace."""
    body = text.lstrip(" ")
    if len(text) - len(body) > indent or not body.startswith(opening):
        return False
    return not body[len(opening) :].lstrip(opening[-1]).strip(_WS)


def fence_language(info: str) -> str:
    """The language kramdown puts in the `language-` class: the info string up to a `?` that
    is not its first character (`ruby?x=1` gives `ruby`, the whole string goes to Rouge)."""
    cut = info.find("?", 1)
    return info if cut < 0 else info[:cut]


def _fence_rule(opening_re, indent):
    """kramdown's fenced code block, read as its pattern matches:

    an opening run of three or more `~` (in GFM also backticks, even mixed) after at most
    three spaces, an optional info string without inner whitespace, then the code up to the
    first line with the opening run, more of its last character and nothing else (after at
    most three spaces in GFM, none in classic kramdown). If no such line follows, the
    pattern gives back opening characters one at a time (they become part of the info string:
    six backticks closed by three give the language "```"); with no closing line at all the
    lines are no fence. Unlike CommonMark the code keeps the fence's indentation, and any
    character may appear in the info string."""

    def rule(state, start, end, silent):
        first = state.bMarks[start] + state.tShift[start]
        if state.src[first : first + 1] not in ("`", "~") or state.sCount[start] - state.blkIndent >= 4:
            return False
        opening = kramdown_line(state, start)
        m = opening_re.match(opening)
        if not m:
            return False
        run = m.group(1)
        rest = opening[m.end() :]
        lines: list = []  # the lines after the opening one, up to the closing one
        line = start + 1
        size, at = len(run), None
        while line < end:
            if state.sCount[line] < state.blkIndent and state.bMarks[line] + state.tShift[line] < state.eMarks[line]:
                break  # a less indented line ends the container
            lines.append(kramdown_line(state, line))
            if _closes(lines[-1], run, indent):
                at = len(lines) - 1
                break
            line += 1
        while at is None and size > 3:  # give back one opening character, try again
            size -= 1
            at = next((i for i, text in enumerate(lines) if _closes(text, run[:size], indent)), None)
        if at is None:
            return False
        info = (run[size:] + rest).strip(_WS)
        if any(ch in _WS for ch in info):
            return False  # an info string with spaces in it: no fence
        if silent:
            return True
        token = state.push("fence", "code", 0)
        token.info = info
        token.markup = run[:size]
        token.content = "".join(text + "\n" for text in lines[:at])
        token.map = [start, start + at + 2]
        state.line = start + at + 2
        return True

    return rule


def plugin(md, **opts):
    md.inline.ruler.at("backticks", codespan_rule)
    # classic kramdown (`input: kramdown`) knows only `~~~` fences, both at the line's start
    opening = _GFM_OPENING if opts.get("gfm", True) else _CLASSIC_OPENING
    md.block.ruler.at("fence", _fence_rule(opening, 3 if opts.get("gfm", True) else 0))
