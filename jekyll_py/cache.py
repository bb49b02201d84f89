"""A build cache in the spirit of Jekyll::Cache: text values by key, kept in memory for the
process and on disk under `<source>/<cache_dir>/jekyll-py/<name>/` so the next build can
reuse them. The disk part is off with `disable_disk_cache` or in safe mode (as in Jekyll).

Keys must name everything the value depends on; see `code_fingerprint` for the code itself."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile

from jekyll_py import __version__

_memory: dict[tuple[str, str], str] = {}


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

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key[2:])

    def getset(self, key: str, compute) -> str:
        """The cached value for `key`, or `compute()`'s, stored for next time."""
        value = _memory.get((self.name, key))
        if value is not None:
            return value
        if self.folder is not None:
            try:
                with open(self._path(key), encoding="utf-8") as handle:
                    value = handle.read()
            except (OSError, UnicodeDecodeError):
                value = None
        if value is None:
            value = compute()
            self._store(key, value)
        _memory[(self.name, key)] = value
        return value

    def _store(self, key: str, value: str) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            self._hide_from_git()
            handle, temp = tempfile.mkstemp(dir=os.path.dirname(path))
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(value)
            os.replace(temp, path)  # readers never see half a file
        except OSError:
            pass  # a cache that cannot be written is only slower

    def _hide_from_git(self) -> None:
        """Jekyll writes a .gitignore into its cache folder; so do we."""
        top = os.path.dirname(os.path.dirname(self.folder))
        ignore = os.path.join(top, ".gitignore")
        if not os.path.exists(ignore):
            with open(ignore, "w", encoding="utf-8") as handle:
                handle.write("# ignore everything in this directory\n*\n")
