"""A cache of compiled stylesheets, so a rebuild that changed no Sass compiles nothing.

An entry is found by the compile request (the stylesheet text after Liquid, the compiler and
every option, the paths) and is valid while

- every file the compile loaded still has the same content (by SHA-256), and
- no Sass file appeared or vanished in a folder where an import could now resolve differently
  (a new `_sass/_x.scss` that would shadow an `x` found further down the load path).

Entries live in memory for the whole process (a `serve` rebuild makes a new Site, so the store
is module-wide) and, unless the disk cache is disabled, as JSON files under
`<source>/<cache_dir>/jekyll-py/Sass/`.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import OrderedDict
from dataclasses import dataclass

FORMAT = 1
SASS_EXTENSIONS = (".scss", ".sass", ".css")
_MEMORY_LIMIT = 128
_memory: OrderedDict[str, dict] = OrderedDict()


@dataclass
class CachedCompile:
    css: str
    source_map: str | None


def request_key(**request) -> str:
    """A stable key for everything that decides a compile's output."""
    blob = json.dumps({"format": FORMAT, **request}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _file_digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None


def _import_dirs(loaded: list[str], search_dirs: list[str]) -> list[str]:
    """Every folder where a file named like one of `loaded` could shadow it.

    An import `a/b` resolves inside some base folder (the importing file's folder or a load
    path); the same `a/` sub-folder of every other base could hold a competing file.
    """
    bases = list(dict.fromkeys([*search_dirs, *(os.path.dirname(f) for f in loaded)]))
    sub_dirs = {""}
    for path in loaded:
        for base in bases:
            if path.startswith(base.rstrip(os.sep) + os.sep):
                sub_dirs.add(os.path.dirname(os.path.relpath(path, base)))
    return sorted({os.path.normpath(os.path.join(base, sub)) for base in bases for sub in sub_dirs})


def _listing_digest(dirs: list[str]) -> str:
    digest = hashlib.sha256()
    for folder in dirs:
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(SASS_EXTENSIONS))
        except OSError:
            names = None
        digest.update(json.dumps([folder, names]).encode("utf-8"))
    return digest.hexdigest()


class CompileCache:
    def __init__(self, disk_dir: str | None):
        self.disk_dir = disk_dir

    # -- lookup ------------------------------------------------------------------------
    def get(self, key: str) -> CachedCompile | None:
        entry = _memory.get(key)
        if entry is not None and self._valid(entry):
            _memory.move_to_end(key)
            return CachedCompile(entry["css"], entry["map"])
        entry = self._read_disk(key)
        if entry is not None and self._valid(entry):
            self._remember(key, entry)
            return CachedCompile(entry["css"], entry["map"])
        return None

    @staticmethod
    def _valid(entry: dict) -> bool:
        for path, digest in entry["files"].items():
            if _file_digest(path) != digest:
                return False
        return _listing_digest(entry["dirs"]) == entry["listing"]

    # -- store -------------------------------------------------------------------------
    def put(self, key: str, css: str, source_map: str | None, loaded: list[str],
            search_dirs: list[str]) -> None:
        files = {path: _file_digest(path) for path in loaded}
        dirs = _import_dirs(loaded, search_dirs)
        entry = {"files": files, "dirs": dirs, "listing": _listing_digest(dirs),
                 "css": css, "map": source_map}
        self._remember(key, entry)
        self._write_disk(key, entry)

    @staticmethod
    def _remember(key: str, entry: dict) -> None:
        _memory[key] = entry
        _memory.move_to_end(key)
        while len(_memory) > _MEMORY_LIMIT:
            _memory.popitem(last=False)

    # -- disk --------------------------------------------------------------------------
    def _disk_path(self, key: str) -> str | None:
        return os.path.join(self.disk_dir, key + ".json") if self.disk_dir else None

    def _read_disk(self, key: str) -> dict | None:
        path = self._disk_path(key)
        if not path:
            return None
        try:
            with open(path, encoding="utf-8") as handle:
                entry = json.load(handle)
            if entry.get("format") != FORMAT:
                return None
            return entry
        except (OSError, ValueError):
            return None  # a missing or damaged entry is just a miss

    def _write_disk(self, key: str, entry: dict) -> None:
        path = self._disk_path(key)
        if not path:
            return
        try:
            os.makedirs(self.disk_dir, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=self.disk_dir, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"format": FORMAT, **entry}, out, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only source tree just means no disk cache


def clear_memory() -> None:
    """Forget every in-memory entry (tests use it)."""
    _memory.clear()
