"""kramdown's typographic conversions: smart quotes, dashes, ellipsis and guillemets.

Applied to the text of each inline run after parsing (code, escapes and HTML are left alone):
`---` em dash, `--` en dash, `...` ellipsis, `<< ` / ` >>` guillemets with a no-break space,
`<<` / `>>` guillemets; `"` and `'` become curly quotes by kramdown's rules (see `_quote`).
The quote characters come from the `smart_quotes` option (lsquo,rsquo,ldquo,rdquo).
"""

from __future__ import annotations

import re

_ENTITY_CHARS = {
    "lsquo": "\u2018", "rsquo": "\u2019", "ldquo": "\u201c", "rdquo": "\u201d",
    "laquo": "\u00ab", "raquo": "\u00bb", "sbquo": "\u201a", "bdquo": "\u201e",
    "lsaquo": "\u2039", "rsaquo": "\u203a", "apos": "'", "quot": '"',
}

# kramdown's typographic symbols, longest first (a space before `>>` belongs to the symbol)
_SYMS = {"---": "\u2014", "--": "\u2013", "...": "\u2026", "<<": "\u00ab", ">>": "\u00bb",
         "<< ": "\u00ab\u00a0", " >>": "\u00a0\u00bb"}
# where the text scan stops: a quote or a symbol
_STOP_RE = re.compile(r"['\"]|---|--|\.\.\.|<< | >>|<<|>>")
_QUOTE_RE = re.compile(r"['\"]")


def quote_chars(option: str):
    names = [n.strip() for n in option.split(",")]
    return [_ENTITY_CHARS.get(n, n) for n in names] if len(names) == 4 else list("\u2018\u2019\u201c\u201d")


# ---- kramdown's smart quote rules (parser/kramdown/smart_quotes.rb) -----------------------
#
# kramdown tries its rules where its span scanner stopped: on the character before the quote
# when that character is plain text of the same run ("pre"), else on the quote itself (after
# code, markup, an entity, a typographic symbol or another quote, and at the start). The rules
# look at the source after the quote, markup included. Ruby's \s, \w, \d are ASCII here, but
# its \b and \B see any letter as a word character (`("")을` has a boundary after the `)`).

_RB_WS = frozenset(" \t\r\n\f\v")
_NOT_CLOSING_AFTER = frozenset(" \\\t\r\n[{(-")  # SQ_CLOSE: a pre char that closes a quote
_A = re.ASCII
_R_EMPHASIS_NEXT = re.compile(r"[_*]{1,2}[^ \t\r\n\f\v]", _A)
_R_PUNCT_NEXT = re.compile(r"[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~](?!\.\.)\B")
_R_WORD = re.compile(r"\w", _A)
_R_DECADE = re.compile(r"\d\ds", _A)
_R_CLOSE_NEXT = re.compile(r"[ \t\r\n\f\v]|s\b|\n|\Z")


def _quote(full, i, pre, quotes):
    """(replacement, characters used) for the quote at `full[i]`; `pre` is the plain-text
    character before it or None."""
    lsquo, rsquo, ldquo, rdquo = quotes
    q = full[i]
    left, right = (lsquo, rsquo) if q == "'" else (ldquo, rdquo)
    pair = full[i : i + 2]
    ws = pre is not None and pre in _RB_WS
    if pre is None:
        if _R_EMPHASIS_NEXT.match(full, i + 1):
            return left, 1
        if _R_PUNCT_NEXT.match(full, i + 1):
            return right, 1
    if pre is None or ws:
        if pair == "\"'" and _R_WORD.match(full, i + 2):
            return ldquo + lsquo, 2
        if pair == "'\"" and _R_WORD.match(full, i + 2):
            return lsquo + ldquo, 2
        if q == "'" and _R_DECADE.match(full, i + 1):
            return rsquo, 1
    if ws:
        return left, 1
    if pre is not None:
        return (right if pre not in _NOT_CLOSING_AFTER else left), 1
    if full[i + 1 : i + 2] in ("'", '"'):  # the first quote stays as typed
        second = full[i + 1]
        return q + (rsquo if second == "'" else rdquo), 2
    if _R_CLOSE_NEXT.match(full, i + 1):
        return right, 1
    return left, 1


def convert_text(text, pre, tail, quotes, symbols=True, syms=None):
    """Typographic symbols and smart quotes in one text run. `pre` is the plain-text character
    before the run (a newline after a soft break) or None; `tail` is the source that follows
    it, for the rules that look ahead. Returns the text and whether it ends with a quote or
    symbol kramdown generated."""
    syms = syms or _SYMS
    full = text + tail
    out = []
    pos = 0
    for m in (_STOP_RE if symbols else _QUOTE_RE).finditer(text):
        start = m.start()
        if start < pos:
            continue  # inside what a previous match used
        if start > pos:
            out.append(text[pos:start])
            pre = text[start - 1]
            if pre == "\\":
                pre = None  # kramdown's scan never starts on a backslash before a quote
        found = m.group(0)
        if found in ("'", '"'):
            repl, used = _quote(full, start, pre, quotes)
            out.append(repl)
            pos = start + used
        else:
            out.append(syms[found])
            pos = m.end()
        pre = None
    generated = pos == len(text) and bool(out)  # the run ends with a quote or a symbol
    out.append(text[pos:])
    return "".join(out), generated




def typography_rule(state):
    from .html_block import inline_tokens

    quotes = state.md.kd.get("kd_quotes") or quote_chars("lsquo,rsquo,ldquo,rdquo")
    # `{::options smart_quotes="..." /}` in the document applies to all of it
    doc_quotes = state.env.get("kd_doc_options", {}).get("smart_quotes")
    if doc_quotes:
        quotes = quote_chars(doc_quotes)
    options = state.md.kd
    symbols = options.get("kd_typographic_symbols", True)
    if options.get("kd_entity_output", "as_char") not in ("as_char", "as_input"):
        quotes = [mark_generated(q) for q in quotes]
    for inline in inline_tokens(state.tokens):
        process(inline.children, quotes, symbols, options.get("kd_syms", _SYMS))


# With `entity_output: numeric` or `symbolic` kramdown writes the characters it generated as
# entity references but leaves characters typed in the source alone. Generated characters are
# therefore carried as private-use stand-ins (U+F0000 + code point) that the renderer writes
# as entities (see `renderer._text`) and `plain_text` turns back into the characters.
GENERATED_BASE = 0xF0000


def mark_generated(text: str) -> str:
    return "".join(chr(GENERATED_BASE + ord(c)) for c in text)


_SOURCE = {
    "softbreak": "\n", "hardbreak": "\n", "link_open": "[", "link_close": "]",
    "image": "![", "footnote_ref": "[^", "math_inline": "$$", "s_open": "~~", "s_close": "~~",
}


def _source_of(tok) -> str:
    """The source text a token stood for, as far as the quote rules look ahead."""
    kind = tok.type
    if kind in ("text", "html_inline", "kd_raw_text", "kd_span_ial"):
        return tok.content
    if kind in ("em_open", "em_close", "strong_open", "strong_close", "text_special"):
        return tok.markup or "\x01"
    if kind == "code_inline":
        return (tok.markup or "`") + tok.content
    return _SOURCE.get(kind, "\x01")


def _tail(children, idx) -> str:
    out = ""
    for tok in children[idx + 1 : idx + 4]:
        out += _source_of(tok)
        if len(out) >= 4:
            break
    return out


def process(children, quotes, symbols=True, syms=None):
    # merge adjacent text tokens so that `<<` split by the HTML rule is seen whole
    merged = []
    for tok in children:
        if tok.type == "text" and merged and merged[-1].type == "text" and not merged[-1].meta and not tok.meta:
            merged[-1].content += tok.content
        else:
            merged.append(tok)
    children[:] = merged
    pre = None  # the plain-text character before the next text run, if any
    for idx, tok in enumerate(children):
        kind = tok.type
        if kind == "text" and tok.meta and tok.meta.get("kd_boundary"):
            pre = None  # text a span parser wrote (see emphasis.py)
        elif kind == "text":
            text = tok.content
            if text:
                tok.content, generated = convert_text(
                    text, pre, _tail(children, idx), quotes, symbols, syms
                )
                pre = text[-1]
                if generated and idx + 1 < len(children) and children[idx + 1].type == "kd_span_ial":
                    children[idx + 1].meta["after_generated"] = True  # see ial._vanishes
        elif kind in ("softbreak", "hardbreak"):
            pre = "\n"  # the newline is text for kramdown (a break only takes the spaces)
        else:
            if kind == "image" and tok.children:
                process(tok.children, quotes)
            pre = None


def plugin(md, **opts):
    md.kd["kd_quotes"] = quote_chars(opts.get("smart_quotes", "lsquo,rsquo,ldquo,rdquo"))
    md.kd["kd_typographic_symbols"] = opts.get("typographic_symbols", True)
    md.kd["kd_entity_output"] = opts.get("entity_output", "as_char")
    if md.kd["kd_entity_output"] not in ("as_char", "as_input"):
        md.kd["kd_syms"] = {k: mark_generated(v) for k, v in _SYMS.items()}
    md.core.ruler.after("kd_nested_inline", "kd_typography", typography_rule)
