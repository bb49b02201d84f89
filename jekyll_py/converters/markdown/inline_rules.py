"""Small inline differences from CommonMark.

* Line breaks: a newline keeps the next line's leading whitespace (kramdown copies text
  verbatim); two or more trailing spaces make a `<br />`, and so does a backslash before the
  newline with GFM input. With `hard_wrap` (GFM) every newline is a `<br />` and trailing
  spaces and backslashes stay text.
* Links and images: URLs are written as typed (kramdown does not percent-encode them).
"""

from __future__ import annotations


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
            state.pending = stripped
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
        return False  # markdown-it's escape rule writes the break
    if not silent:
        state.pending += "\\"
    state.pos = pos + 1
    return True


def plugin(md, **opts):
    md.kd["kd_hard_wrap"] = opts.get("hard_wrap", False)
    md.kd["kd_gfm"] = opts.get("gfm", True)
    md.inline.ruler.before("escape", "kd_backslash_newline", backslash_newline_rule)
    md.inline.ruler.at("newline", newline_rule)
    md.normalizeLink = lambda url: url
    md.normalizeLinkText = lambda url: url
    md.validateLink = lambda url: True
