"""kramdown extensions and the end-of-block marker.

* `{::comment}text{:/comment}` (or `{:/}` as the stop tag): an HTML comment `<!-- text -->`;
* `{::nomarkdown}text{:/}`: `text` written as it is;
* `{::options key="value" /}`: sets kramdown options; they apply to the conversion of the whole
  document (kramdown's converter reads them from the parsed tree) and write nothing; as a block,
  `parse_block_html` also changes how the HTML blocks after it are parsed;
* each works as a block (start and stop tags on lines of their own) or inside a paragraph;
* a line holding only `^` ends the current block (two lists, two paragraphs) and writes nothing.

An unknown extension name, or a start tag without its stop tag, is left as text.
"""

from __future__ import annotations

import re

from .ial import parse_attribute_list
from .renderer import register_block, register_inline

_NAME = r"[A-Za-z0-9_][\w-]*"
_START = r"\{::(\w+)(?:\s((?:\\\}|[^}])*?)|)(/)?\}"
_BLOCK_START = re.compile(r" {0,3}" + _START + r"[ \t]*$", re.A)
_SPAN_START = re.compile(_START, re.A)
_EOB = re.compile(r"\^[ \t]*$")
KNOWN = ("comment", "nomarkdown", "options")


def _record_options(env, text):
    attrs, _ = parse_attribute_list(text or "")
    env.setdefault("kd_doc_options", {}).update(attrs)
    if "parse_block_html" in attrs and "kd_options" in env:
        # the HTML block parser reads it as it goes: blocks after this line see the new value
        # (kramdown's Boolean option: anything but "false" or nothing is true)
        value = attrs["parse_block_html"].strip()
        env["kd_options"]["parse_block_html"] = value.lower() != "false" and value != ""


def eob_rule(state, start, end, silent):
    line = state.src[state.bMarks[start] : state.eMarks[start]]
    if not _EOB.match(line):
        return False
    if not silent:
        tok = state.push("kd_eob", "", 0)
        tok.map = [start, start + 1]
        state.line = start + 1
    return True


def block_extension_rule(state, start, end, silent):
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("{::", pos):
        return False
    m = _BLOCK_START.match(state.src[state.bMarks[start] : state.eMarks[start]])
    if not m or m.group(1) not in KNOWN:
        return False
    name = m.group(1)
    body = None
    next_line = start + 1
    if not m.group(3):
        stop = re.compile(r" {0,3}\{:/(?:" + name + r")?\}[ \t]*$")
        line = start + 1
        while line < end:
            if stop.match(state.src[state.bMarks[line] : state.eMarks[line]]):
                break
            line += 1
        else:
            return False
        body = state.src[state.bMarks[start + 1] : state.bMarks[line]].rstrip("\n") if line > start + 1 else ""
        next_line = line + 1
    if silent:
        return True
    if name == "options":
        _record_options(state.env, m.group(2))
        tok = state.push("kd_options", "", 0)
    elif body is None:
        tok = state.push("kd_options", "", 0)  # a self-closed comment/nomarkdown writes nothing
    else:
        tok = state.push("kd_comment_block" if name == "comment" else "kd_raw_block", "", 0)
        tok.content = body
    tok.map = [start, next_line]
    state.line = next_line
    return True


def span_extension_rule(state, silent):
    if not state.src.startswith("{::", state.pos):
        return False
    m = _SPAN_START.match(state.src, state.pos, state.posMax)
    if not m or m.group(1) not in KNOWN:
        return False
    name = m.group(1)
    body = None
    end = m.end()
    if not m.group(3):
        stop = re.compile(r"\{:/(?:" + name + r")?\}").search(state.src, end, state.posMax)
        if not stop:
            return False
        body = state.src[end : stop.start()]
        end = stop.end()
    if not silent:
        if name == "options":
            _record_options(state.env, m.group(2))
        elif body is not None:
            tok = state.push("kd_comment" if name == "comment" else "kd_raw", "", 0)
            tok.content = body
    state.pos = end
    return True


def plugin(md, **opts):
    md.block.ruler.before("paragraph", "kd_eob", eob_rule, {"alt": ["blockquote"]})
    md.block.ruler.before("kd_ial", "kd_block_extension", block_extension_rule)
    md.inline.ruler.before("emphasis", "kd_span_extension", span_extension_rule)


@register_block("kd_comment_block")
def _comment_block(ctx, node, indent):
    return f"{' ' * indent}<!-- {node.tok.content} -->\n"


@register_block("kd_raw_block")
def _raw_block(ctx, node, indent):
    return node.tok.content + "\n"


@register_inline("kd_comment")
def _comment(ctx, tok):
    return f"<!-- {tok.content} -->"


@register_inline("kd_raw")
def _raw(ctx, tok):
    return tok.content
