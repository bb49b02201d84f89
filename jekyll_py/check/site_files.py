"""What the built site contains, and which file a URL path is served from.

The destination is walked once; every lookup afterwards is a set lookup, not a stat.
A path is served by the rules `jekyll-py serve` follows (serve/files.py, whose tables are
used here): `dir/` is the folder's index file (else `dir.html`), `about` is `about`, else
`about.html`, else `about.xhtml`, and a folder named without its slash is redirected to it.
"""
from __future__ import annotations

import os

from jekyll_py.serve.files import DIRECTORY_INDEX, PRETTY_EXTENSIONS

HTML_EXTENSIONS = (".html", ".htm", ".xhtml")


class SiteFiles:
    def __init__(self, dest: str):
        self.dest = dest
        self.files: set[str] = set()  # relative, with / separators
        self.dirs: set[str] = {""}
        seen = set()  # real paths of folders walked: a symlink loop is walked once
        for folder, dirnames, filenames in os.walk(dest, followlinks=True):
            real = os.path.realpath(folder)
            if real in seen:
                dirnames[:] = []
                continue
            seen.add(real)
            relative = os.path.relpath(folder, dest).replace(os.sep, "/")
            prefix = "" if relative == "." else relative + "/"
            for name in dirnames:
                self.dirs.add(prefix + name)
            for name in filenames:
                self.files.add(prefix + name)

    def html_files(self) -> list[str]:
        return sorted(f for f in self.files if f.lower().endswith(HTML_EXTENSIONS))

    def _index_of(self, directory: str) -> str | None:
        prefix = directory + "/" if directory else ""
        for name in DIRECTORY_INDEX:
            if prefix + name in self.files:
                return prefix + name
        for extension in PRETTY_EXTENSIONS:  # `dir/` served by `dir.html`
            if directory and directory + extension in self.files:
                return directory + extension
        return None

    def resolve(self, path: str) -> str | None:
        """The file that serves `path` (relative to the destination root, decoded, no
        leading /), or None when nothing does."""
        if path.endswith("/") or path == "":
            directory = path.rstrip("/")
            return self._index_of(directory) if directory in self.dirs else None
        if path in self.dirs:  # redirected to `path/`
            return self._index_of(path)
        for candidate in (path, *(path + extension for extension in PRETTY_EXTENSIONS)):
            if candidate in self.files:
                return candidate
        return None
