"""Shared by the markdown site tests: reading pages as Jekyll does, the comparison
normalisation and known-differences lists."""

from __future__ import annotations

import re
from pathlib import Path


def read_known(path: Path) -> dict:
    """`NAME reason` lines (comments with #) as {NAME: reason}."""
    known = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition(" ")
                known[name] = reason.strip()
    return known


# The only Liquid the pages use: `{% raw %}` blocks, which Liquid writes out as they are.
_RAW_TAGS = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")


def page_body(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:  # keep `\r` as Jekyll reads it
        text = f.read()
    # (re.A: Ruby's \s is ASCII, a line of ideographic spaces after the dashes is content)
    m = re.match(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", text, re.S | re.M | re.A)
    if not m:
        return _RAW_TAGS.sub("", text)
    rest = text[m.end():]
    # Ruby's `\s*$` after the closing dashes also swallows following blank lines.
    tail = re.match(r"(?:[ \t]*\n)*", rest)
    return _RAW_TAGS.sub("", rest[tail.end():] if m.group(2).endswith("\n") else rest)


_TAG = re.compile(r"<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:=\"[^\"]*\")?)*)\s*(/?)>")


def normalise(html: str) -> str:
    """Equal-after-normalisation: whitespace between tags collapsed, attributes sorted."""
    def sort_attrs(m):
        attrs = re.findall(r"[^\s=>/]+(?:=\"[^\"]*\")?", m.group(2))
        return "<" + m.group(1) + "".join(" " + a for a in sorted(attrs)) + m.group(3) + ">"

    html = _TAG.sub(sort_attrs, html)
    html = re.sub(r">\s+<", "><", html)
    html = re.sub(r"\s+", " ", html)
    return html.strip()
