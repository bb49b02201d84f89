"""Problems, and how they are printed: one line each, `FILE:LINE: what is wrong`, sorted by
file then line, then one summary line."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str      # the built file, relative to the current directory
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def report_path(dest: str, relative: str) -> str:
    """How a built file is named in the report: its path from the current directory."""
    return os.path.relpath(os.path.join(dest, relative))


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    # Stable: problems on one line keep the order in which the page was read.
    return sorted(problems, key=lambda p: (p.file, p.line))


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


@dataclass
class Counts:
    files: int = 0          # HTML files checked
    internal: int = 0       # internal references checked (links, images, scripts...)
    external: int = 0       # distinct external URLs seen
    external_checked: bool = False


def summary(counts: Counts, problems: int) -> str:
    external = _plural(counts.external, "external URL")
    if counts.external and not counts.external_checked:
        external += " (not fetched: --external checks them)"
    outcome = "no problems found" if not problems else _plural(problems, "problem") + " found"
    return (f"Checked {_plural(counts.files, 'HTML file')}: "
            f"{_plural(counts.internal, 'internal reference')}, {external}; {outcome}.")
