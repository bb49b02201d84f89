"""Emphasis and span-level HTML elements as kramdown's span parser nests them.

kramdown reads spans left to right with a recursive parser (parser/kramdown/emphasis.rb,
html.rb, and `parse_spans`), not with CommonMark's delimiter runs:

* At `*`/`**` (or `_`/`__`) it tries to read an `em`/`strong` element up to the first matching
  delimiter that is not preceded by whitespace (for `em` not a `**` pair, for `_` not followed by
  a letter or digit, and not before any content). Nothing inside looks further out: an element
  cannot be closed from within a nested one. When `**` finds no end it tries `*` one character
  later (the first star is then dropped); when nothing is found the delimiters are text.
  A delimiter followed by whitespace, a `_` inside a word, or an `em` inside an `em` is text.
* A span HTML start tag opens an element that reads its content up to its end tag (or to the
  end of the paragraph, where kramdown closes it); an end tag that closes nothing is text
  (`)</i>` gives `)&lt;/i&gt;`, `<img ...></img>` gives `&lt;/img&gt;`).

markdown-it's own emphasis rule is disabled, so `*` and `_` reach this pass as text. The pass
turns a paragraph's inline tokens into one string in which every non-text token is a single
private-use character, runs kramdown's algorithm over it and rebuilds the token list.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from . import html_syntax as hs

_PLAIN_BASE = 0x100000  # a token the parser passes over (code, escapes, images...)
_STRUCT_BASE = 0xFA000  # a token that matters: span HTML start/end tag, link/strike bounds
_STRUCT_END = 0xFFFFD
# what the parser stops at: emphasis delimiters and the structural tokens
_INTERESTING = re.compile("[*_\U000FA000-\U000FFFFD]")
_INTERESTING_HTML = re.compile("[\U000FA000-\U000FFFFD]")  # SmartyPants: no emphasis
_RESERVED = re.compile("[\U000FA000-\U0010FFFF]")
_WS = frozenset(" \t\r\n\f\v")
_MAX_DEPTH = 64  # deeper HTML nesting is left flat (kramdown would recurse on)


class _TooComplex(Exception):
    pass


class _Mark:
    """A non-text token (or group of tokens) in the parsed string."""

    __slots__ = ("kind", "tokens", "first", "last", "name", "match")

    def __init__(self, kind, tokens, first="\x01", last="\x01", name=None):
        self.kind = kind  # plain, open, close, group_open, group_close
        self.tokens = tokens
        self.first = first  # the source character it starts with (for the neighbour rules)
        self.last = last
        self.name = name
        self.match = None  # group_open: index of its group_close in the string


_FIRST_LAST = {
    "softbreak": ("\n", "\n"),
    "hardbreak": (" ", "\n"),
    "code_inline": ("`", "`"),
    "html_inline": ("<", ">"),
    "image": ("!", ")"),
}


def _is_alpha(ch):
    return ch is not None and ch.isalpha()


def _is_alnum(ch):
    return ch is not None and (ch.isalpha() or ch.isdigit())


class _SpanParser:
    def __init__(self, text, marks, emphasis=True):
        self.s = text
        self.interesting = _INTERESTING if emphasis else _INTERESTING_HTML
        self.marks = marks  # code point -> _Mark
        self.failed: set = set()  # (key, position) of emphasis attempts known to fail
        self.steps = 0
        self.budget = 4 * len(text) + 2000  # a guard for inputs built to defeat the memo

    # -- characters as kramdown's source would have them -----------------------------------
    def char_at(self, p):
        if p >= len(self.s):
            return None
        ch = self.s[p]
        mark = self.marks.get(ch)
        return mark.first if mark else ch

    def char_before(self, p):
        if p <= 0:
            return None
        ch = self.s[p - 1]
        mark = self.marks.get(ch)
        return mark.last if mark else ch

    # -- kramdown's parse_spans ---------------------------------------------------------------
    def parse(self, p, end, stop, stack, visited=None):
        """Read spans from `p` up to `end`; returns (children, position, stop found).

        `stop` is None, ("emph", delim, element, delimiter char) or ("html", name, ignore case).
        """
        s = self.s
        out: list = []
        search = self.interesting.search
        while p < end:
            self.steps += 1
            if self.steps > self.budget:
                raise _TooComplex
            m = search(s, p, end)
            if m is None:
                out.append(s[p:end])
                return out, end, False
            q = m.start()
            if q > p:
                out.append(s[p:q])
            if visited is not None:
                visited.append(q)
            ch = s[q]
            if ch == "*" or ch == "_":
                if stop is not None and stop[0] == "emph" and s.startswith(stop[1], q):
                    if self.closes(q, stop, out):
                        return out, q, True
                nodes, p = self.emphasis(q, end, stack)
                out.extend(nodes)
                continue
            mark = self.marks[ch]
            kind = mark.kind
            if kind == "close":
                if stop is not None and stop[0] == "html" and self.same_name(mark.name, stop):
                    return out, q, True
                out.append(("stray", mark))
                p = q + 1
            elif kind == "open":
                if len(stack) >= _MAX_DEPTH:
                    out.append(("plain", mark))
                    p = q + 1
                    continue
                ignore_case = mark.name.lower() in hs.KNOWN_ELEMENTS
                children, r, found = self.parse(q + 1, end, ("html", mark.name, ignore_case), stack + ("html",))
                if found:
                    out.append(("html", mark, children, self.marks[s[r]]))
                    p = r + 1
                else:
                    out.append(("html", mark, children, None))
                    p = r
            elif kind == "group_open":
                children, _, _ = self.parse(q + 1, mark.match, None, stack + ("group",))
                out.append(("group", mark, children, self.marks[s[mark.match]]))
                p = mark.match + 1
            else:  # a group's end seen from outside cannot happen; plain marks are not searched
                out.append(("plain", mark))
                p = q + 1
        return out, end, False

    @staticmethod
    def same_name(name, stop):
        return name.lower() == stop[1].lower() if stop[2] else name == stop[1]

    def closes(self, q, stop, children):
        """kramdown's test for an emphasis end at `q`."""
        _, delim, element, char = stop
        if not children:
            return False
        before = self.char_before(q)
        if before is not None and before in _WS:
            return False
        s = self.s
        if element == "em" and s.startswith(char * 2, q) and not s.startswith(char * 3, q):
            return False
        if char == "_" and _is_alnum(self.char_at(q + len(delim))):
            return False
        return True

    def emphasis(self, q, end, stack):
        """kramdown's parse_emphasis at `q`: (nodes, next position)."""
        s = self.s
        char = s[q]
        result = char * 2 if s.startswith(char * 2, q) else char
        element = "strong" if len(result) == 2 else "em"
        after = self.char_at(q + len(result))
        if (
            (char == "_" and self._inside_word(q))
            or (after is not None and after in _WS)
            or element in stack
        ):
            return [("delim", result)], q + len(result)
        children, r, found = self.attempt(q + len(result), end, result, element, char, stack)
        delim = result
        if not found and element == "strong" and (not stack or stack[-1] != "em"):
            children, r, found = self.attempt(q + 1, end, char, "em", char, stack)
            delim, element = char, "em"
        if found:
            return [(element, children, delim)], r + len(delim)
        return [("delim", result)], q + len(result)

    def attempt(self, start, end, delim, element, char, stack):
        """Read an emphasis element's content; failed attempts are remembered: an attempt of
        the same kind from a position an earlier failed one passed over fails as well."""
        # what the parse depends on: which emphasis is open, the parent, the depth
        key = (delim, element, "em" in stack, "strong" in stack, stack[-1:], len(stack), end)
        if (key, start - len(delim)) in self.failed:
            return [], start, False
        visited: list = []
        children, r, found = self.parse(start, end, ("emph", delim, element, char), stack + (element,), visited)
        if not found:
            self.failed.update((key, v) for v in visited)
        return children, r, found

    def _inside_word(self, q):
        before = self.char_before(q)
        if _is_alpha(before):
            return True
        return before == "-" and _is_alpha(self.char_before(q - 1))


# ---- tokens <-> string ------------------------------------------------------------------------


def element_role(tok):
    """"open" for a span element's start tag that needs an end tag, "close" for an end tag,
    None for anything else (void or self-closed elements, comments, block-level tags)."""
    return _classify_html(tok)[0]


def _classify_html(tok):
    """("open" | "close" | None, name) for an inline HTML token."""
    raw = tok.content
    m = hs.TAG_RE.fullmatch(raw)
    if m:
        name = m.group(1)
        lname = name.lower()
        if lname in hs.KNOWN_ELEMENTS:
            name = lname
        if m.group(4) or name in hs.VOID_ELEMENTS or name in hs.BLOCK_ELEMENTS:
            return None, name
        return "open", name
    m = hs.CLOSE_TAG_RE.fullmatch(raw)
    if m:
        name = m.group(1)
        if name.lower() in hs.KNOWN_ELEMENTS:
            name = name.lower()
        if name in hs.BLOCK_ELEMENTS:
            return None, name
        return "close", name
    return None, None


def _encode(children):
    """The inline tokens as a string and its marks (code point -> _Mark)."""
    parts: list = []
    marks: dict = {}
    plain_n = struct_n = 0
    open_groups: list = []
    length = 0
    i = 0
    n = len(children)

    def add(mark, structural):
        nonlocal plain_n, struct_n, length
        if structural and struct_n < _STRUCT_END - _STRUCT_BASE:
            ch = chr(_STRUCT_BASE + struct_n)
            struct_n += 1
        else:
            if structural:
                mark.kind = "plain"
            ch = chr(_PLAIN_BASE + plain_n)
            plain_n += 1
        marks[ch] = mark
        parts.append(ch)
        length += 1
        return ch

    while i < n:
        tok = children[i]
        kind = tok.type
        if kind == "text" and not tok.meta:
            content = tok.content
            if _RESERVED.search(content):  # characters the encoding uses: kept as marks
                pos = 0
                for m in _RESERVED.finditer(content):
                    parts.append(content[pos : m.start()])
                    length += m.start() - pos
                    add(_Mark("plain", [_text(m.group(0))], m.group(0), m.group(0)), False)
                    pos = m.end()
                content = content[pos:]
            parts.append(content)
            length += len(content)
        elif kind == "html_inline" and tok.meta and tok.meta.get("kd_raw_span"):
            count = tok.meta["kd_raw_span"]  # a raw element: its tag, text and end tag
            add(_Mark("plain", children[i : i + count], "<", ">"), False)
            i += count
            continue
        elif kind == "html_inline":
            role, name = _classify_html(tok)
            add(_Mark(role or "plain", [tok], "<", ">", name), role is not None)
        elif kind in ("link_open", "s_open") and tok.info != "auto":
            mark = _Mark("group_open", [tok], "[" if kind == "link_open" else "~", "[")
            add(mark, True)
            open_groups.append((mark, length - 1))
        elif kind == "link_open":  # an autolink is one piece of text for kramdown
            depth = 0
            j = i
            while j < n:
                depth += children[j].nesting
                j += 1
                if depth == 0:
                    break
            add(_Mark("plain", children[i:j], "<", ">"), False)
            i = j
            continue
        elif kind in ("link_close", "s_close") and open_groups:
            mark, _ = open_groups.pop()
            add(_Mark("group_close", [tok], ")", ")"), True)
            mark.match = length - 1
        else:
            first, last = _FIRST_LAST.get(kind, ("\x01", "\x01"))
            if kind == "text_special":
                first, last = (tok.markup or tok.content or "\x01")[0], (tok.content or "\x01")[-1]
            add(_Mark("plain", [tok], first, last), False)
        i += 1
    for mark, _ in open_groups:  # unbalanced (should not happen): keep it as it is
        mark.kind = "plain"
    return "".join(parts), marks


def _add_text(content, out, created, marks):
    if out and id(out[-1]) in created:
        out[-1].content += content
    else:
        tok = _text(content)
        created.add(id(tok))
        out.append(tok)


def _boundary_text(content):
    """Text a kramdown span parser added (a stray end tag, delimiters that are no emphasis):
    for the smart quote rules the character before a quote right after it is no text."""
    tok = _text(content)
    tok.meta = {"kd_boundary": True}
    return tok


def _text(content):
    tok = Token("text", "", 0)
    tok.content = content
    return tok


_PLAIN_CHAR = re.compile("[\U00100000-\U0010FFFD]")


def _decode(nodes, out, created, marks):
    """Tokens for parsed nodes; text pieces next to each other become one text token."""
    for node in nodes:
        if isinstance(node, str):
            pos = 0
            for m in _PLAIN_CHAR.finditer(node):  # tokens the parser passed over
                if m.start() > pos:
                    _add_text(node[pos : m.start()], out, created, marks)
                out.extend(marks[m.group(0)].tokens)
                pos = m.end()
            if pos < len(node):
                _add_text(node[pos:], out, created, marks)
            continue
        kind = node[0]
        if kind in ("em", "strong"):
            markup = node[2]
            out.append(Token(f"{kind}_open", kind, 1, markup=markup))
            _decode(node[1], out, created, marks)
            out.append(Token(f"{kind}_close", kind, -1, markup=markup))
        elif kind == "plain":
            out.extend(node[1].tokens)
        elif kind == "stray":
            out.append(_boundary_text(node[1].tokens[0].content))
        elif kind == "delim":
            out.append(_boundary_text(node[1]))
        elif kind == "html":
            _, mark, children, close = node
            out.extend(mark.tokens)
            _decode(children, out, created, marks)
            if close is not None:
                end = close.tokens[0]
            else:  # kramdown closes an element left open at the end of the paragraph
                end = Token("html_inline", "", 0)
                end.content = f"</{mark.name}>"
            end.meta = {"kd_open": mark.tokens[0]}  # a span IAL after it applies to the element
            if close is None:
                end.meta["kd_auto_close"] = True
            out.append(end)
        elif kind == "group":
            _, mark, children, close = node
            out.extend(mark.tokens)
            _decode(children, out, created, marks)
            out.extend(close.tokens)


def _needs_pass(children):
    for tok in children:
        if tok.type == "text" and ("*" in tok.content or "_" in tok.content):
            return True
        if tok.type == "html_inline":
            return True
    return False


def nest_spans(children, emphasis=True):
    """Rewrite one inline token list with kramdown's emphasis and span HTML nesting (only the
    HTML nesting with `emphasis=False`, as Jekyll's SmartyPants parser for `smartify`)."""
    if not _needs_pass(children):
        return
    text, marks = _encode(children)
    parser = _SpanParser(text, marks, emphasis)
    try:
        nodes, _, _ = parser.parse(0, len(text), None, ())
    except _TooComplex:
        return  # pathological input: the delimiters stay text
    out: list = []
    _decode(nodes, out, set(), marks)
    children[:] = out


def emphasis_rule(state):
    from .html_block import inline_tokens

    for inline in inline_tokens(state.tokens):
        if inline.children:
            nest_spans(inline.children)


def plugin(md, **opts):
    """markdown-it's delimiter-run emphasis is replaced by kramdown's (see module doc)."""
    md.inline.ruler.disable("emphasis")
    md.inline.ruler2.disable("emphasis")
    md.core.ruler.after("kd_nested_inline", "kd_emphasis", emphasis_rule)
