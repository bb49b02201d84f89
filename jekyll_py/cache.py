"""A build cache in the spirit of Jekyll::Cache: text values by key, kept in memory for the
process and on disk under `<source>/<cache_dir>/jekyll-py/<name>/` so the next build can
reuse them. The disk part is off with `disable_disk_cache` or in safe mode (as in Jekyll).

On disk a cache is one pack file (a marshalled {key: text} dict), read once per process, so
a warm build costs one file read rather than one per document. The pack holds the entries the
last build used: `save()` rewrites it only when this build computed something new or used an
entry the file lacks, which also drops entries no longer used (an old code fingerprint).
Forked render workers send what they computed and used back to the parent
(`worker_report` / `adopt_report`), which saves the pack.

Keys must name everything the value depends on; see `code_fingerprint` for the code itself."""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import shutil
import tempfile

from jekyll_py import __version__

PACK_NAME = "pack.marshal"

_memory: dict[tuple[str, str], str] = {}  # (cache name, key) -> value, for this process


class _Bookkeeping:
    """What this process knows beside the values: which entries it used, which it computed
    that no pack file holds yet, and which keys each pack file it read or wrote holds."""

    def __init__(self, memory: dict):
        self.memory = memory
        self.used: set[tuple[str, str]] = set()
        self.new: set[tuple[str, str]] = set()
        self.in_pack: dict[str, set[str]] = {}


_books = _Bookkeeping(_memory)


def _bookkeeping() -> _Bookkeeping:
    # Replacing `_memory` (as tests do to act as a new process) forgets the rest too.
    global _books
    if _books.memory is not _memory:
        _books = _Bookkeeping(_memory)
    return _books


def clear_memory() -> None:
    """Forget everything held in this process, as a new process would start."""
    _memory.clear()
    _bookkeeping().__init__(_memory)


def code_fingerprint(package_dir: str) -> str:
    """A digest of a package's Python sources, so cached output is dropped when code changes."""
    digest = hashlib.sha256(__version__.encode())
    for root, dirnames, filenames in os.walk(package_dir):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".py"):
                with open(os.path.join(root, name), "rb") as handle:
                    digest.update(name.encode() + handle.read())
    return digest.hexdigest()


class Cache:
    def __init__(self, site, name: str):
        self.name = name
        config = site.config
        self.folder = None
        if not (config.get("disable_disk_cache") or site.safe):
            self.folder = os.path.join(site.source, config.get("cache_dir") or ".jekyll-cache",
                                       "jekyll-py", name)

    @staticmethod
    def key(*parts) -> str:
        blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    @property
    def pack_path(self) -> str | None:
        return None if self.folder is None else os.path.join(self.folder, PACK_NAME)

    def getset(self, key: str, compute) -> str:
        """The cached value for `key`, or `compute()`'s, stored for next time."""
        books = _bookkeeping()
        entry = (self.name, key)
        value = _memory.get(entry)
        if value is None:
            self.preload()
            value = _memory.get(entry)
        if value is None:
            value = compute()
            _memory[entry] = value
            books.new.add(entry)
        books.used.add(entry)
        return value

    def preload(self) -> None:
        """Read the pack file into memory (once per process). Call it before forking workers,
        so that they inherit the entries instead of each reading the file."""
        path = self.pack_path
        books = _bookkeeping()
        if path is None or path in books.in_pack:
            return
        entries = _read_pack(path)
        books.in_pack[path] = set(entries)
        for key, value in entries.items():
            _memory.setdefault((self.name, key), value)

    def save(self) -> None:
        """Write the entries this process used into the pack, if the file is not already
        exactly what the next build needs."""
        path = self.pack_path
        if path is None:
            return
        self.preload()
        books = _bookkeeping()
        used = {key for name, key in books.used if name == self.name}
        fresh = {key for name, key in books.new if name == self.name}
        if not fresh and used <= books.in_pack[path]:
            return
        entries = {key: _memory[(self.name, key)] for key in used}
        if _write_pack(self.folder, path, entries):
            books.in_pack[path] = set(entries)
            books.new.difference_update((self.name, key) for key in fresh)


def worker_report() -> tuple[dict, list]:
    """What a forked worker computed ({(name, key): value}) and used since its last report,
    to send to its parent (which then holds them: the worker forgets having sent them)."""
    books = _bookkeeping()
    report = {entry: _memory[entry] for entry in books.new}, list(books.used)
    books.new.clear()
    books.used.clear()
    return report


def adopt_report(report: tuple[dict, list]) -> None:
    """Take in a worker's `worker_report`, as if this process had done the work."""
    books = _bookkeeping()
    computed, used = report
    for entry, value in computed.items():
        if entry not in _memory:
            _memory[entry] = value
            books.new.add(entry)
    books.used.update(used)


def _read_pack(path: str) -> dict[str, str]:
    try:
        with open(path, "rb") as handle:
            entries = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return {}  # no pack yet, or an unreadable one: it is only slower
    if not isinstance(entries, dict):
        return {}
    return {key: value for key, value in entries.items()
            if isinstance(key, str) and isinstance(value, str)}


def _write_pack(folder: str, path: str, entries: dict[str, str]) -> bool:
    try:
        os.makedirs(folder, exist_ok=True)
        _hide_from_git(folder)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".pack-")
        try:
            with os.fdopen(handle, "wb") as out:
                marshal.dump(entries, out)
            os.replace(temp, path)  # readers never see half a file
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        return False  # a cache that cannot be written is only slower
    _remove_loose_entries(folder)
    return True


def _remove_loose_entries(folder: str) -> None:
    """Earlier versions kept one file per entry, in folders named by the key's first two hex
    digits: the pack replaces them."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if len(name) == 2 and all(c in "0123456789abcdef" for c in name):
            shutil.rmtree(os.path.join(folder, name), ignore_errors=True)


def _hide_from_git(folder: str) -> None:
    """Jekyll writes a .gitignore into its cache folder; so do we."""
    top = os.path.dirname(os.path.dirname(folder))
    ignore = os.path.join(top, ".gitignore")
    if not os.path.exists(ignore):
        with open(ignore, "w", encoding="utf-8") as handle:
            handle.write("# ignore everything in this directory\n*\n")
