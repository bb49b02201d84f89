"""What the built site contains, and which file a URL path is served from.

The destination is walked once; every lookup afterwards is a set lookup, not a stat.
A path is served as `jekyll serve` (WEBrick) and GitHub Pages serve it:
  dir/        -> dir/index.html (or index.htm)
  about       -> about, else about.html, else about/index.html (servers redirect dir to dir/)
"""
from __future__ import annotations

import os

INDEX_FILES = ("index.html", "index.htm")
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
        for name in INDEX_FILES:
            if prefix + name in self.files:
                return prefix + name
        return None

    def resolve(self, path: str) -> str | None:
        """The file that serves `path` (relative to the destination root, decoded, no
        leading /), or None when nothing does."""
        if path.endswith("/") or path == "":
            directory = path.rstrip("/")
            return self._index_of(directory) if directory in self.dirs else None
        if path in self.files:
            return path
        if path + ".html" in self.files:
            return path + ".html"
        if path in self.dirs:
            return self._index_of(path)
        return None
