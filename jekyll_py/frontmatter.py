"""YAML front matter: detecting it, splitting it off, and parsing it as Jekyll (Psych) does."""
from __future__ import annotations

import re

import yaml

try:  # libyaml gives the same error wording as Ruby's Psych (both are libyaml)
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

# Document::YAML_FRONT_MATTER_REGEXP
FRONT_MATTER_RE = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.M | re.S)
_HEADER_RE = re.compile(rb"\A---\s*\r?\n")


class YAMLSyntaxError(Exception):
    """A YAML error worded as Psych words it: '(<unknown>): PROBLEM at line L column C'."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def has_front_matter(path: str) -> bool:
    """Jekyll's has_yaml_header?: the file's first line (raw bytes) is `---`."""
    with open(path, "rb") as handle:
        first = handle.readline()
    return bool(_HEADER_RE.match(first))


def load_yaml(text: str, filename: str = "<unknown>"):
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.context_mark or err.problem_mark
        parts = [p for p in (err.problem, err.context) if p]
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        raise YAMLSyntaxError(f"({filename}): {' '.join(parts)} at line {line} column {column}",
                              line) from None
    except yaml.YAMLError as err:
        raise YAMLSyntaxError(f"({filename}): {err}") from None


def split(text: str):
    """Return (yaml_text or None, body, number_of_front_matter_lines)."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return None, text, 0
    return match.group(1), text[match.end():], text[:match.end()].count("\n")
