"""Small inline differences from CommonMark.

* Line breaks: a newline keeps the next line's leading whitespace (kramdown copies text
  verbatim); two or more trailing spaces make a `<br />`, and so does a backslash before the
  newline with GFM input. With `hard_wrap` (GFM) every newline is a `<br />` and trailing
  spaces and backslashes stay text.
* Links and images: URLs are written as typed (kramdown does not percent-encode them).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from markdown_it import helpers
from markdown_it.common.utils import normalizeReference


def newline_rule(state, silent):
    pos = state.pos
    if state.src[pos] != "\n":
        return False
    if not silent:
        pending = state.pending
        stripped = pending.rstrip(" ")
        if state.md.kd.get("kd_hard_wrap"):
            state.push("hardbreak", "br", 0)
        elif len(pending) - len(stripped) >= 2:
            state.pending = pending[:-2]  # kramdown's break takes two spaces, more stay text
            state.push("hardbreak", "br", 0)
        else:
            state.push("softbreak", "br", 0)
    state.pos = pos + 1
    return True


def backslash_newline_rule(state, silent):
    """`\\` + newline is a GFM line break; otherwise (classic kramdown, hard_wrap) it is text."""
    pos = state.pos
    if state.src[pos] != "\\" or pos + 1 >= state.posMax or state.src[pos + 1] != "\n":
        return False
    if state.md.kd.get("kd_gfm") and not state.md.kd.get("kd_hard_wrap"):
        # a line break; unlike markdown-it's escape rule, the next line keeps its indentation
        if not silent:
            state.push("hardbreak", "br", 0)
        state.pos = pos + 2
        return True
    if not silent:
        state.pending += "\\"
    state.pos = pos + 1
    return True


# kramdown's escapable characters (the GFM parser adds `~`); before any other character a
# backslash is kept as written.
KRAMDOWN_ESCAPABLE = frozenset("\\.*_+-`()[]{}#!:|\"'<>$=~")


def kramdown_escape_rule(state, silent):
    """Backslash escapes as kramdown reads them: `\\` at the end of a line is a line break,
    a backslash before a character kramdown cannot escape stays text (`\\;`, `\\%`, `\\/`)."""
    pos = state.pos
    src = state.src
    if src[pos] != "\\" or pos + 1 >= state.posMax:
        return False
    following = src[pos + 1]
    if following == "\\" and pos + 2 < state.posMax and src[pos + 2] == "\n":
        if not silent:
            state.push("hardbreak", "br", 0)
        state.pos = pos + 3  # the break is written with its newline
        return True
    if following in KRAMDOWN_ESCAPABLE or following == "\n":
        return False  # markdown-it's escape rule
    if not silent:
        state.pending += "\\"
    state.pos = pos + 1
    return True


def guillemets_rule(state, silent):
    """`<<` is kramdown's guillemet, never the start of an HTML tag (`<<tight>>`)."""
    if not state.src.startswith("<<", state.pos):
        return False
    if not silent:
        state.pending += "<<"
    state.pos += 2
    return True


def span_fixes_rule(state):
    """An autolink to `mailto:` shows the address without the scheme, as in kramdown."""
    from .html_block import inline_tokens

    src = state.src
    if "mailto:" not in src:
        return
    for inline in inline_tokens(state.tokens):
        children = inline.children
        if any(t.type == "text" and not t.content and not t.meta for t in children):
            children[:] = [t for t in children if t.type != "text" or t.content or t.meta]
        for i, tok in enumerate(children):
            if tok.type == "link_open" and tok.markup == "autolink" and i + 1 < len(children):
                text = children[i + 1]
                if text.type == "text" and text.content.startswith("mailto:"):
                    text.content = text.content[len("mailto:"):]


def _matching_close(children, start):
    depth = 0
    for j in range(start, len(children)):
        depth += children[j].nesting
        if depth == 0:
            return j
    return None


_url_tables: list = [None, None, None]  # (string, closing paren per start, next title start)


def _url_stops(string: str):
    """For every position p of `string`: where the `)` closing a link opened just before p is
    (-1 if none), and where the next whitespace before a quote is. Computed once per string
    in linear time, so that many links (or many `(`) cost no more than one pass."""
    if _url_tables[0] is string:
        return _url_tables[1], _url_tables[2]
    n = len(string)
    depth = [0] * (n + 1)  # depth[k]: parentheses opened minus closed in string[:k]
    for i, ch in enumerate(string):
        depth[i + 1] = depth[i] + (1 if ch == "(" else -1 if ch == ")" else 0)
    closing = [-1] * (n + 1)
    seen: dict = {}
    for p in range(n, -1, -1):
        k = seen.get(depth[p] - 1)
        closing[p] = k - 1 if k is not None else -1
        seen[depth[p]] = p
    title = [n] * (n + 1)
    nxt = n
    for i in range(n - 1, -1, -1):
        if string[i].isspace() and i + 1 < n and string[i + 1] in "'\"":
            nxt = i
        title[i] = nxt
    _url_tables[:] = [string, closing, title]
    return closing, title


_angle_tables: list = [None, None, None]  # string, next `>` at or after i, next newline


def _angle_url(string: str, pos: int, maximum: int):
    """kramdown's `<(.*?)>` (no newline inside) at `pos`: (URL, end) or None. The next `>` and
    newline of every position are computed once per string, so that many `(<` cost one pass."""
    if _angle_tables[0] is not string:
        n = len(string)
        next_gt, next_nl = [n] * (n + 1), [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            next_gt[i] = i if string[i] == ">" else next_gt[i + 1]
            next_nl[i] = i if string[i] == "\n" else next_nl[i + 1]
        _angle_tables[:] = [string, next_gt, next_nl]
    _, next_gt, next_nl = _angle_tables
    if not string.startswith("<", pos):
        return None
    gt = next_gt[pos + 1]
    if gt >= maximum or next_nl[pos + 1] < gt:
        return None
    return string[pos + 1 : gt], gt + 1


def kramdown_link_destination(string: str, pos: int, maximum: int):
    """A link's URL as kramdown reads it: everything up to the `)` that balances the parentheses,
    or up to whitespace before a quoted title; spaces are kept (`(a b)` links to `a b`) and a
    parenthesised part is URL, not title. Right after the `(`, `<` opens kramdown's angle
    form: everything up to the first `>` on the line, whatever it holds (`(<(<x>)` links to
    `(<x`); with no `>` the `<` is just part of the URL."""
    result = helpers.parseLinkDestination(string, maximum, maximum)  # a not-ok result
    if string.startswith("<", pos) and pos > 0 and string[pos - 1] == "(":
        angle = _angle_url(string, pos, maximum)
        if angle:
            result.ok = True
            result.str, result.pos = angle
            return result
    if string[pos : pos + 1] in ("'", '"') and pos > 0 and string[pos - 1].isspace():
        # `( "title")`: an empty URL; hand back the space so that the title is read
        result.ok, result.str, result.pos = True, "", pos - 1
        return result
    closing, title = _url_stops(string)
    stop = closing[pos]
    if title[pos] < maximum and (stop < 0 or title[pos] < stop):
        stop = title[pos]
    if stop < 0 or stop >= maximum:
        return result
    result.ok = True
    result.str = string[pos:stop].strip()
    result.pos = stop
    return result


_TITLE_END = {q: re.compile(q + r"[ \t\r\n\f\v]*\)") for q in "\"'"}
_title_memo: dict = {}  # (string, maximum, quote) -> (searched from, closing quote or -1)


def _title_close(string: str, start: int, maximum: int):
    r"""For a title opened by the quote at `start`: the first matching quote after at least one
    character that only spaces separate from a `)` (kramdown's `(["'])(.+?)\1\s*?\)`), as
    (quote index, end after the `)`), or None. A search's result is remembered, so that many
    titles opened on one line cost one scan."""
    quote = string[start]
    key = (string, maximum, quote)
    searched_from, found = _title_memo.get(key, (maximum + 1, -1))
    if not (searched_from <= start + 2 and (found < 0 or found >= start + 2)):
        m = _TITLE_END[quote].search(string, start + 2, maximum)
        found = m.start() if m else -1
        if len(_title_memo) > 64:
            _title_memo.clear()
        _title_memo[key] = (start + 2, found)
    if found < 0:
        return None
    return found, _TITLE_END[quote].match(string, found, maximum).end()


def kramdown_link_title(string, start, maximum, prev_state=None):
    """An inline link's title as kramdown reads it: in `"` or `'` only, up to the first
    matching quote that the closing parenthesis follows, backslashes kept as typed."""
    result = helpers.parseLinkTitle(string, maximum, maximum)  # a "not found" result
    if start >= maximum or string[start] not in "\"'":
        return result
    closing = _title_close(string, start, maximum)
    if not closing:
        return result
    close = closing[0]
    result.ok, result.str, result.pos = True, string[start + 1 : close], close + 1
    return result


def _label_with_links_inside(state, start, disableNested=False):
    """A link's text may hold what markdown-it would read as a link: kramdown makes the outer
    one the link and leaves the inner one as text (`_with_kramdown_urls`)."""
    return helpers.parseLinkLabel(state, start, False)


_INLINE_HELPERS = SimpleNamespace(
    parseLinkLabel=_label_with_links_inside,
    parseLinkDestination=kramdown_link_destination,
    parseLinkTitle=kramdown_link_title,
)


def _inside_link(state) -> bool:
    """Whether the text being read is a Markdown link's text (markdown-it's `linkLevel` also
    counts span HTML `<a>`, inside which kramdown does read links)."""
    return getattr(state, "kd_link_depth", 0) > 0


def _with_kramdown_urls(rule):
    """An inline link/image rule reading URLs the kramdown way (reference definitions keep
    markdown-it's own reading)."""

    def wrapped(state, silent):
        if _inside_link(state) and state.src[state.pos] == "[":
            return False  # no link inside a link's text (images are fine)
        md = state.md
        saved = md.helpers
        md.helpers = _INLINE_HELPERS
        state.kd_link_depth = getattr(state, "kd_link_depth", 0) + 1
        try:
            return rule(state, silent)
        finally:
            md.helpers = saved
            state.kd_link_depth -= 1

    return wrapped


# kramdown-parser-gfm: `~~`, no space or `~` next, anything (newlines too), a last character
# that is no space or `~`, `~~`. No flanking rules: `响~~，因为~~` is struck through.
_STRIKE = re.compile(r"~~(?![ \t\r\n\f\v~]).*?[^ \t\r\n\f\v~]~~", re.S)
_STRIKE_CLOSE = re.compile(r"[^ \t\r\n\f\v~]~~")


def _hopeless(state, kind, pos):
    """True when a search of this `kind` already failed from an earlier position of the same
    text: the regexes here scan to the end of the text when they fail, so trying again at
    every later `~~` or `<` would be quadratic."""
    failed = state.env.get("kd_failed_scans")
    return bool(failed) and failed.get((kind, state.src, state.posMax), len(state.src) + 1) <= pos


def _record_failure(state, kind, pos):
    failed = state.env.setdefault("kd_failed_scans", {})
    key = (kind, state.src, state.posMax)
    failed[key] = min(failed.get(key, pos), pos)


def strikethrough_rule(state, silent):
    """GFM strikethrough as kramdown-parser-gfm reads it; classic kramdown input has none."""
    if not state.src.startswith("~~", state.pos) or not state.md.kd.get("kd_gfm"):
        return False
    if _hopeless(state, "~~", state.pos):
        return False
    m = _STRIKE.match(state.src, state.pos, state.posMax)
    if not m:
        # with no closing `~~` after this one there is none after any later one either
        if not _STRIKE_CLOSE.search(state.src, state.pos + 3, state.posMax):
            _record_failure(state, "~~", state.pos)
        return False
    if not silent:
        old_max = state.posMax
        state.push("s_open", "s", 1).markup = "~~"
        state.pos, state.posMax = m.start() + 2, m.end() - 2
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("s_close", "s", -1).markup = "~~"
    state.pos = m.end()
    return True


# kramdown's autolinks: only mailto, http(s) and ftp(s) URLs (anything up to the first `>`,
# spaces too) and e-mail addresses; `<edge://x>` is text.
_AUTOLINK = re.compile(r"<((mailto|https?|ftps?):.+?|[\w\-.]+?@[\w\-.]+?)>", re.S)


def autolink_rule(state, silent):
    if state.src[state.pos] != "<" or _hopeless(state, ">", state.pos):
        return False
    m = _AUTOLINK.match(state.src, state.pos, state.posMax)
    if not m:
        if state.src.find(">", state.pos, state.posMax) < 0:
            _record_failure(state, ">", state.pos)
        return False
    if not silent:
        url = m.group(1)
        href = url if m.group(2) else "mailto:" + url
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": href}
        token.markup, token.info = "autolink", "auto"
        state.push("text", "", 0).content = url
        token = state.push("link_close", "a", -1)
        token.markup, token.info = "autolink", "auto"
    state.pos = m.end()
    return True


# After a link's text: spaces or newlines, then `[id]` (kramdown's LINK_INLINE_ID_RE).
_REFERENCE_ID = re.compile(r"[ \t\r\n\f\v]*\[([^\]]*)\]")
_UNESCAPE = re.compile(r"\\([\\.*_+\-`()\[\]{}#!:|\"'$=<>])")


def _push_link(state, is_image, opening, label_end, href, title):
    """The tokens of a link or image whose label is `src[opening + 1:label_end]`."""
    label = state.src[opening + 1 : label_end]
    if is_image:
        tokens: list = []
        state.md.inline.parse(label, state.md, state.env, tokens)
        token = state.push("image", "img", 0)
        token.attrs = {"src": href, "alt": ""}
        token.children = tokens or None
        token.content = label
    else:
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": href}
        old_max = state.posMax
        state.pos, state.posMax = opening + 1, label_end
        state.linkLevel += 1
        state.kd_link_depth = getattr(state, "kd_link_depth", 0) + 1
        state.md.inline.tokenize(state)
        state.kd_link_depth -= 1
        state.linkLevel -= 1
        state.posMax = old_max
        state.push("link_close", "a", -1)
    if title:
        token.attrSet("title", title)


def angle_link_rule(state, silent):
    """`[text](<url>"title")`: kramdown needs no space between an angle-bracketed URL and its
    title, which markdown-it's link rule requires; every other link is left to that rule."""
    src, pos = state.src, state.pos
    is_image = src.startswith("![", pos)
    if not is_image and (src[pos] != "[" or _inside_link(state)):
        return False
    opening = pos + 1 if is_image else pos
    label_end = state.md.helpers.parseLinkLabel(state, opening, not is_image)
    if label_end < 0 or not src.startswith("(<", label_end + 1):
        return False
    angle = _angle_url(src, label_end + 2, state.posMax)
    if not angle or src[angle[1] : angle[1] + 1] not in ("'", '"'):
        return False  # a title after spaces, or none: markdown-it's rule reads the same
    closing = _title_close(src, angle[1], state.posMax)
    if not closing:
        return False
    if not silent:
        title = src[angle[1] + 1 : closing[0]]
        _push_link(state, is_image, opening, label_end, angle[0], title)
    state.pos = closing[1]
    return True


def reference_link_rule(state, silent):
    """The reference links kramdown reads and markdown-it does not: `[text] [id]` (space
    between the brackets) and `[tern\\_for\\_vim][]` (the text naming the definition once its
    escapes are removed). Every other link is left to markdown-it's rules."""
    src, pos = state.src, state.pos
    is_image = src.startswith("![", pos)
    if not is_image and (src[pos] != "[" or _inside_link(state)):
        return False
    references = state.env.get("references")
    if not references:
        return False
    opening = pos + 1 if is_image else pos
    label_end = state.md.helpers.parseLinkLabel(state, opening, not is_image)
    if label_end < 0 or src.startswith("(", label_end + 1):
        return False
    label = src[opening + 1 : label_end]
    m = _REFERENCE_ID.match(src, label_end + 1, state.posMax)
    gap = bool(m) and m.start(1) - 1 > label_end + 1
    link_id = m.group(1) if m and m.group(1) else _UNESCAPE.sub(r"\1", label)
    if not gap and (m and m.group(1) or link_id == label):
        return False  # markdown-it finds this one itself
    ref = references.get(normalizeReference(link_id))
    if not ref:
        return False
    end = m.end() if m else label_end + 1
    if not silent:
        _push_link(state, is_image, opening, label_end, ref["href"], ref["title"])
    state.pos = end
    return True


def plugin(md, **opts):
    from markdown_it.rules_inline.image import image
    from markdown_it.rules_inline.link import link

    md.inline.ruler.at("link", _with_kramdown_urls(link))
    md.inline.ruler.before("link", "kd_reference_link", reference_link_rule)
    md.inline.ruler.before("link", "kd_angle_link", angle_link_rule)
    md.inline.ruler.at("image", _with_kramdown_urls(image))
    md.inline.ruler.before("html_inline", "kd_guillemets", guillemets_rule)
    md.core.ruler.after("kd_nested_inline", "kd_span_fixes", span_fixes_rule)
    md.kd["kd_hard_wrap"] = opts.get("hard_wrap", False)
    md.kd["kd_gfm"] = opts.get("gfm", True)
    md.inline.ruler.before("escape", "kd_backslash_newline", backslash_newline_rule)
    md.inline.ruler.before("escape", "kd_escape", kramdown_escape_rule)
    md.inline.ruler.at("newline", newline_rule)
    md.inline.ruler.at("strikethrough", strikethrough_rule)
    md.inline.ruler.at("autolink", autolink_rule)
    md.inline.ruler2.disable("strikethrough")
    md.normalizeLink = lambda url: url
    md.normalizeLinkText = lambda url: url
    md.validateLink = lambda url: True
