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


class JekyllTagError(Exception):
    """An error of Jekyll's own tags/filters: printed without the Liquid prefix."""

    def __init__(self, message: str, token=None):
        super().__init__(message)
        self.token = token


# python-liquid message (regex) → Ruby Liquid message (format with the match groups).
_TRANSLATIONS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"unexpected tag '(.*?)'"), "Unknown tag '{0}'"),
    (re.compile(r"unknown tag '(.*?)'"), "Unknown tag '{0}'"),
    (re.compile(r"expected tag (end\w+), found eof"), "'{0}' tag was never closed"),
    (re.compile(r"unknown filter '(.*?)'"), "undefined filter {0}"),
    (re.compile(r"'(.*?)' is undefined"), "undefined variable {0}"),
    (re.compile(r".*? is undefined"), "undefined variable"),
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
    if token is None or token.start_index < 0:
        return None
    return token.source.count("\n", 0, min(token.start_index, len(token.source))) + 1


def format_error(err: LiquidError, name: str, *, warning: bool = False) -> str:
    """Jekyll's whole line for a Liquid error raised while rendering `name`."""
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
