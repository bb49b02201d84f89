"""Error messages worded as Jekyll 4.3 / Liquid 5.4 word them.

Jekyll prints one line per error:

    Liquid Exception: Liquid syntax error (line 3): Unknown tag 'foo' in about.md
    Liquid Exception: Liquid error (/site/_includes/x.html line 2): divided by 0 included in about.md
    Liquid Exception: Could not locate the included file 'x' in any of [...] ... in about.md

Liquid errors get the `Liquid (syntax) error (line N): ` prefix; errors raised by Jekyll's own
tags and filters (`ArgumentError`, `IOError` in Ruby) are printed bare. Ruby's multi-line
messages come out on one line because Jekyll's logger squeezes whitespace.
"""
from __future__ import annotations

import re
from typing import Optional

from liquid.exceptions import LiquidError, LiquidSyntaxError


class RubyLiquidError(LiquidError):
    """A Liquid error whose message is already Ruby Liquid's (`Liquid error (line N): msg`)."""


class RubyLiquidSyntaxError(LiquidSyntaxError):
    """A Liquid syntax error whose message is already Ruby Liquid's."""


class RubyNestingError(RubyLiquidError):
    """Ruby's parse-time StackLevelError: worded without a line number."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.token = None
        self.no_line = True


class JekyllTagError(LiquidError):
    """An error of Jekyll's own tags and filters (a Ruby ArgumentError, IOError...): it is
    printed without the Liquid prefix and stops the build whatever `error_mode` says."""

    def __init__(self, message: str, token=None):
        super().__init__(message, token=token)


# python-liquid message (regex) → Ruby Liquid message (format with the match groups).
_TRANSLATIONS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"unexpected tag '(.*?)'"), "Unknown tag '{0}'"),
    (re.compile(r"unknown tag '(.*?)'"), "Unknown tag '{0}'"),
    (re.compile(r"expected tag (end\w+), found eof"), "'{0}' tag was never closed"),
    (re.compile(r"unknown filter '(.*?)'"), "undefined filter {0}"),
    (re.compile(r"'?(?:.*\.)?(.*?)'? is undefined"), "undefined variable {0}"),
    (re.compile(r"divided by zero|integer division or modulo by zero|.*modulo by zero"),
     "divided by 0"),
]


def ruby_message(err: LiquidError) -> str:
    """The message Ruby Liquid would give for a python-liquid error (best effort)."""
    message = str(err.message if err.message is not None else "")
    if isinstance(err, (RubyLiquidError, RubyLiquidSyntaxError)):
        return message
    for pattern, ruby in _TRANSLATIONS:
        match = pattern.fullmatch(message)
        if match:
            text = ruby.format(*match.groups())
            if ruby == "'{0}' tag was never closed":
                text = f"'{match.group(1)[3:]}' tag was never closed"
            return text
    return message


def line_number(err: LiquidError) -> Optional[int]:
    """The 1-based line of the error in its own template, if known."""
    token = getattr(err, "token", None)
    if token is None or token.start_index < 0 or getattr(err, "no_line", False):
        return None
    return token.source.count("\n", 0, min(token.start_index, len(token.source))) + 1


def format_error(err: LiquidError, name: str, *, warning: bool = False) -> str:
    """Jekyll's whole line for a Liquid error raised while rendering `name`."""
    if isinstance(err, JekyllTagError):
        return " ".join(f"Liquid Exception: {err.message} in {name}".split())
    kind = "Liquid syntax error" if isinstance(err, LiquidSyntaxError) else "Liquid error"
    line = line_number(err)
    include_path = getattr(err, "include_path", None)
    where = ""
    if line is not None:
        where = f" ({include_path} line {line})" if include_path else f" (line {line})"
    text = f"{kind}{where}: {ruby_message(err)}"
    if include_path:
        text += " included"
    text = " ".join(text.split())
    label = "Liquid Warning:" if warning else "Liquid Exception:"
    return f"{label} {text} in {name}"


# -- parse errors: which ones Ruby Liquid only warns about ------------------------------------
# In `warn` and `lax` modes Ruby Liquid re-parses a tag or output whose strict parse failed with
# its lax parser, and only warns. Structural errors (unknown tags, unclosed blocks, unclosed
# delimiters) and markup even the lax parser rejects still stop the build.
_TAG_AT = re.compile(r"\{%-?\s*(\w+)\s*(.*?)-?%\}", re.S)
_RUBY_OUTPUT = re.compile(r"\{\{.*?\}\}?", re.S)
_LAX_FOR = re.compile(r"\A[\w\-\[\]\.\?'\"]+\s+in\s+\S+")


def _token_at(source: str, index: int, kind: str = "ruby"):
    from liquid.token import Token
    return Token(kind, "", index, source)


def _enclosing_tag(source: str, index: int):
    """(name, markup) of the `{% tag %}` at or just before `index` in `source`."""
    start = source.rfind("{%", 0, max(index, 0) + 2)
    if start < 0:
        return None, ""
    match = _TAG_AT.match(source, start)
    return (match.group(1), match.group(2).strip()) if match else (None, "")


# Liquid 5.4's block tags and their end tags; `raw` and Jekyll's `highlight` hold text only.
_BLOCK_ENDS = {"if": "endif", "unless": "endunless", "case": "endcase", "for": "endfor",
               "tablerow": "endtablerow", "capture": "endcapture", "comment": "endcomment",
               "raw": "endraw", "highlight": "endhighlight"}
_VERBATIM = ("raw", "highlight")


def _open_block(source: str, index: int) -> Optional[str]:
    """The innermost block tag still open at `index` in `source`, if any."""
    stack: list[str] = []
    for match in _TAG_AT.finditer(source, 0, max(index, 0)):
        name = match.group(1)
        if stack and stack[-1] in _VERBATIM:
            if name == _BLOCK_ENDS[stack[-1]]:
                stack.pop()
        elif name in _BLOCK_ENDS:
            stack.append(name)
        elif stack and name == _BLOCK_ENDS[stack[-1]]:
            stack.pop()
    return stack[-1] if stack else None


def _unknown_tag(tag: str, block: Optional[str]) -> str:
    """Ruby's message for a tag no parser knows: inside a block, `else` and `end...` tags are
    named as misplaced (Liquid's Block.raise_unknown_tag), elsewhere the tag is unknown."""
    if block is not None and tag == "else":
        return f"{block} tag does not expect 'else' tag"
    if block is not None and tag.startswith("end"):
        return f"'{tag}' is not a valid delimiter for {block} tags. use {_BLOCK_ENDS[block]}"
    return f"Unknown tag '{tag}'"


def classify_parse_error(err: LiquidError, source: str) -> tuple[bool, LiquidError]:
    """(fatal even in warn/lax mode?, the error worded as Ruby Liquid words it)."""
    message = str(err.message or "")
    token = err.token if err.token is not None and err.token.start_index >= 0 else None
    index = token.start_index if token is not None else len(source)

    def syntax(text, at=index):
        return RubyLiquidSyntaxError(text, token=_token_at(source, at))

    match = re.fullmatch(r"(?:unexpected|unknown) tag '(.*?)'", message)
    if match:
        return True, syntax(_unknown_tag(match.group(1), _open_block(source, index)))
    match = re.fullmatch(r"expected tag end(\w+), found .*", message)
    if match:
        return True, syntax(f"'{match.group(1)}' tag was never closed", len(source))
    if message == "expected '}}', found end of file":
        # Ruby's token: from `{{` to the first `}` (and a second one right after), if any.
        unclosed = _RUBY_OUTPUT.match(source, index)
        text = unclosed.group() if unclosed else "{{"
        return True, syntax(f"Variable '{text}' was not properly terminated with regexp: "
                            "/\\}\\}/")
    if message == "missing tag name or closing delimiter":
        return True, syntax("Tag '{%' was not properly terminated with regexp: /\\%\\}/")
    if message == "expected word, found end of expression":
        start = source.rfind("{{", 0, index + 2)
        end = source.find("}}", start)
        if start >= 0 and end >= 0:
            return False, syntax("Expected id but found end_of_string in "
                                 f"\"{source[start:end + 2]}\"", start)
    name, markup = _enclosing_tag(source, index)
    if name in ("if", "elsif", "unless") and not markup:
        return True, syntax("Syntax Error in tag 'if' - Valid syntax: if [expression]")
    if name == "for" and not _LAX_FOR.match(markup):
        return True, syntax("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]")
    return False, err
