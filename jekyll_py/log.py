"""Log lines shaped like Jekyll's: a topic right-aligned in 20 columns, then the message.

Info goes to stdout; warnings and errors to stderr, as Jekyll's logger does.
"""
from __future__ import annotations

import sys

QUIET = 0
NORMAL = 1
VERBOSE = 2


class Logger:
    def __init__(self):
        self.level = NORMAL
        self.warnings = []  # every warning line, kept for tests and summaries

    def _line(self, topic: str, message: str) -> str:
        return (topic + " ").rjust(20) + message if topic else " " * 20 + message

    def debug(self, topic: str, message: str = "") -> None:
        if self.level >= VERBOSE:
            print(self._line(topic, message), flush=True)

    def info(self, topic: str, message: str = "") -> None:
        if self.level >= NORMAL:
            print(self._line(topic, message), flush=True)

    def warn(self, topic: str, message: str = "") -> None:
        line = self._line(topic, message)
        self.warnings.append(line)
        print(line, file=sys.stderr, flush=True)

    def error(self, topic: str, message: str = "") -> None:
        print(self._line(topic, message), file=sys.stderr, flush=True)


logger = Logger()
