"""Which file answers a URL path, by the rules `jekyll serve` follows (WEBrick's file handler
with Jekyll's additions):

- a folder path ending in `/` gives the folder's index file (index.html and its kin), else the
  `.html` (or `.xhtml`) file named like the folder, else a listing of the folder;
- a folder path without the `/` is redirected to the path with it;
- `/about` gives the file `about` if there is one, else `about.html`, else `about.xhtml`;
- names starting with `.ht` or `~` are never served;
- a path with `.` or `..` segments is a bad request;
- anything else is not found.
"""
from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass

# Index files of a folder, in the order Jekyll's server looks for them.
DIRECTORY_INDEX = ("index.htm", "index.html", "index.rhtml", "index.xht", "index.xhtml",
                   "index.cgi", "index.xml", "index.json")

# Names never served (WEBrick's NondisclosureName as Jekyll sets it).
HIDDEN_NAMES = (".ht*", "~*")

# Extensions tried after the exact name: `/about` is `about.html` (as on GitHub Pages).
PRETTY_EXTENSIONS = (".html", ".xhtml")


@dataclass
class Resolution:
    kind: str          # "file", "redirect", "listing", "missing" or "bad" (climbs out)
    path: str = ""     # the file or folder on disk ("file", "listing")


def _is_hidden(relative: str) -> bool:
    return any(fnmatch.fnmatchcase(part, pattern)
               for part in relative.split("/") if part for pattern in HIDDEN_NAMES)


def _file(root: str, path: str) -> Resolution | None:
    relative = os.path.relpath(path, root).replace(os.sep, "/")
    # `/` of the site looks for `<root>.html` too, which lies outside the root: never served.
    if relative.startswith("..") or _is_hidden(relative) or not os.path.isfile(path):
        return None
    return Resolution("file", path)


def resolve(root: str, path_info: str, *, directory_index: bool = True) -> Resolution:
    """What answers `path_info` (the decoded URL path below the base URL, "" or starting with
    "/") in the folder `root`. With directory_index False, folders are always listed."""
    segments = re.findall(r"/[^/]*", path_info)
    if any(segment in ("/..", "/.") for segment in segments) or "\0" in path_info:
        return Resolution("bad")
    current = root
    index = 0
    # Walk down through the folders the path names.
    while index < len(segments) and segments[index] != "/" \
            and os.path.isdir(current + segments[index]):
        current += segments[index]
        index += 1
    if index == len(segments):
        return Resolution("redirect")  # a folder asked for without its trailing slash
    segment = segments[index]
    if segment == "/":
        names = DIRECTORY_INDEX if directory_index else ()
        for candidate in [os.path.join(current, name) for name in names] + \
                [current + ext for ext in PRETTY_EXTENSIONS]:
            found = _file(root, candidate)
            if found:
                return found
        return Resolution("listing", current)
    for candidate in [current + segment] + [current + segment + ext for ext in PRETTY_EXTENSIONS]:
        found = _file(root, candidate)
        if found:
            return found
    return Resolution("missing")
