"""kramdown's typographic conversions: smart quotes, dashes, ellipsis and guillemets.

Applied to the text of each inline run after parsing (code, escapes and HTML are left alone):
`---` em dash, `--` en dash, `...` ellipsis, `<< ` / ` >>` guillemets with a no-break space,
`<<` / `>>` guillemets; `"` and `'` become curly quotes, opening or closing by their
neighbours; an apostrophe between letters or before a decade (`'80s`) is a right quote.
The quote characters come from the `smart_quotes` option (lsquo,rsquo,ldquo,rdquo).
"""

from __future__ import annotations

import re

_ENTITY_CHARS = {
    "lsquo": "\u2018", "rsquo": "\u2019", "ldquo": "\u201c", "rdquo": "\u201d",
    "laquo": "\u00ab", "raquo": "\u00bb", "sbquo": "\u201a", "bdquo": "\u201e",
    "lsaquo": "\u2039", "rsaquo": "\u203a", "apos": "'", "quot": '"',
}

_SYMS_RE = re.compile(r"---|--|\.\.\.|<<\s|\s>>|<<|>>")
_SYMS = {"---": "\u2014", "--": "\u2013", "...": "\u2026", "<<": "\u00ab", ">>": "\u00bb",
         "<< ": "\u00ab\u00a0", " >>": "\u00a0\u00bb"}
_QUOTE_RE = re.compile(r"['\"]")
_OPENERS = set(" \t\n([{<\u2014\u2013-\u00a0")


def quote_chars(option: str):
    names = [n.strip() for n in option.split(",")]
    return [_ENTITY_CHARS.get(n, n) for n in names] if len(names) == 4 else list("\u2018\u2019\u201c\u201d")


def _syms(text, table=None):
    table = table or _SYMS

    def sub(m):
        s = m.group(0)
        if s.startswith("<<") and len(s) == 3:
            return table["<< "]
        if s.endswith(">>") and len(s) == 3:
            return table[" >>"]
        return table[s]

    return _SYMS_RE.sub(sub, text)


def _is_word(ch):
    return ch is not None and (ch.isalnum() or ch == "_")


def smarten(text: str, prev: str | None, after: str | None, quotes) -> str:
    """Replace quotes in `text`; `prev`/`after` are the characters around it ('' = markup)."""
    lsquo, rsquo, ldquo, rdquo = quotes
    chars = list(text)
    n = len(chars)
    for i, ch in enumerate(chars):
        if ch != "'" and ch != '"':
            continue
        before = chars[i - 1] if i > 0 else prev
        nxt = chars[i + 1] if i + 1 < n else after
        opening_ctx = before is None or before in _OPENERS or before in (lsquo, ldquo)
        next_space = nxt is None or nxt.isspace()
        if ch == "'":
            if _is_word(before) and _is_word(nxt):
                chars[i] = rsquo
            elif opening_ctx and re.match(r"\d\ds?\b", text[i + 1 : i + 4] if i + 1 < n else ""):
                chars[i] = rsquo
            elif opening_ctx and not next_space:
                chars[i] = lsquo
            else:
                chars[i] = rsquo
        else:
            if opening_ctx and not next_space:
                chars[i] = ldquo
            else:
                chars[i] = rdquo
    return "".join(chars)


# Markup tokens and the "character" they count as for the quote rules: None = start of text.
_OPEN_MARKUP = {"em_open", "strong_open", "s_open", "link_open", "kd_span_open"}


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


def process(children, quotes, symbols=True, syms=None):
    # merge adjacent text tokens so that `<<` split by the HTML rule is seen whole
    merged = []
    for tok in children:
        if tok.type == "text" and merged and merged[-1].type == "text" and not merged[-1].meta:
            merged[-1].content += tok.content
        else:
            merged.append(tok)
    children[:] = merged
    prev = None
    for idx, tok in enumerate(children):
        if tok.type == "text":
            text = _syms(tok.content, syms) if symbols else tok.content
            after = None
            if idx + 1 < len(children):
                nt = children[idx + 1]
                if nt.type in ("text_special",):
                    after = nt.content[:1] or None
                elif nt.type == "softbreak":
                    after = "\n"
                else:
                    after = "x" if nt.type.endswith("_close") or nt.type == "code_inline" else None
            tok.content = smarten(text, prev, after, quotes)
            if tok.content:
                prev = tok.content[-1]
        elif tok.type in _OPEN_MARKUP:
            prev = prev if prev is not None and prev.isspace() else None
        elif tok.type in ("softbreak", "hardbreak"):
            prev = "\n"
        elif tok.type == "text_special":
            prev = tok.content[-1:] or prev
        elif tok.type == "html_inline":
            prev = None if not tok.content.startswith("</") else "x"
        elif tok.type == "image" and tok.children:
            process(tok.children, quotes)
            prev = "x"
        else:
            prev = "x"


def plugin(md, **opts):
    md.kd["kd_quotes"] = quote_chars(opts.get("smart_quotes", "lsquo,rsquo,ldquo,rdquo"))
    md.kd["kd_typographic_symbols"] = opts.get("typographic_symbols", True)
    md.kd["kd_entity_output"] = opts.get("entity_output", "as_char")
    if md.kd["kd_entity_output"] not in ("as_char", "as_input"):
        md.kd["kd_syms"] = {k: mark_generated(v) for k, v in _SYMS.items()}
    md.core.ruler.after("kd_nested_inline", "kd_typography", typography_rule)
