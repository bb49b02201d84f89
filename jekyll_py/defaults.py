"""Front-matter defaults (`defaults:` in the config): which sets apply to a path and type, and
how they merge (longer path wins; on equal length a set with a type wins; values deep-merged)."""
from __future__ import annotations

import os

from jekyll_py.dates import coerce_date
from jekyll_py.log import logger
from jekyll_py.utils import deep_merge, ruby_glob

_DEPRECATED_TYPES = {"page": "pages", "post": "posts", "draft": "drafts"}


def _sanitize(path) -> str:
    if not path:
        return ""
    path = str(path)
    if path.startswith("/"):
        path = path[1:]
    return path


class FrontMatterDefaults:
    def __init__(self, site):
        self.site = site
        self._sets = None
        self._matches = {}
        self._globs = {}

    def _valid_sets(self) -> list[dict]:
        if self._sets is not None:
            return self._sets
        sets = []
        raw = self.site.config.get("defaults")
        for entry in raw if isinstance(raw, list) else []:
            if not (isinstance(entry, dict) and isinstance(entry.get("values"), dict)):
                logger.warn("Defaults:", "An invalid front-matter default set was found:")
                logger.warn("", str(entry))
                continue
            entry = dict(entry)
            scope = dict(entry.get("scope") or {})
            if scope.get("type") in _DEPRECATED_TYPES:
                old, new = scope["type"], _DEPRECATED_TYPES[scope["type"]]
                logger.warn("Defaults:", f"The '{old}' type has become '{new}'.")
                logger.warn("Defaults:", f"Please update your front-matter defaults to use "
                                         f"'type: {new}'.")
                scope["type"] = new
            entry["scope"] = scope
            values = dict(entry["values"])
            if "date" in values and values["date"] is not None:
                values["date"] = coerce_date(
                    values["date"], self.site.tz,
                    f"An invalid date format was found in a front-matter default set: {entry}")
            entry["values"] = values
            sets.append(entry)
        self._sets = sets
        return sets

    def _strip_collections_dir(self, path: str) -> str:
        collections_dir = self.site.config.get("collections_dir") or ""
        if collections_dir and path.startswith(collections_dir + "/"):
            return path[len(collections_dir) + 1:]
        return path

    def _applies_path(self, scope: dict, path: str) -> bool:
        scope_path = scope.get("path")
        if not isinstance(scope_path, str) or not scope_path:
            return True
        sanitized = _sanitize(path)
        if "*" in scope_path:
            if scope_path not in self._globs:
                matches = ruby_glob(os.path.join(self.site.source, scope_path))
                self._globs[scope_path] = [
                    self._strip_collections_dir(os.path.relpath(m, self.site.source))
                    for m in matches]
            return any(sanitized.startswith(m) for m in self._globs[scope_path])
        return sanitized.startswith(self._strip_collections_dir(scope_path))

    def _applies(self, scope: dict, path: str, type_) -> bool:
        if "type" in scope and str(scope["type"]) != str(type_):
            return False
        return self._applies_path(scope, path)

    def _matching(self, path: str, type_) -> list[dict]:
        key = (path, type_)
        if key not in self._matches:
            self._matches[key] = [s for s in self._valid_sets()
                                  if self._applies(s["scope"], path, type_)]
        return self._matches[key]

    @staticmethod
    def _has_precedence(old_scope, new_scope) -> bool:
        if old_scope is None:
            return True
        new_len = len(_sanitize(new_scope.get("path")))
        old_len = len(_sanitize(old_scope.get("path")))
        if new_len != old_len:
            return new_len >= old_len
        if "type" in new_scope:
            return True
        return "type" not in old_scope

    def all(self, path: str, type_) -> dict:
        """Every default value for a file at `path` (relative to the source) of `type_`."""
        result = {}
        old_scope = None
        for entry in self._matching(path, type_):
            if self._has_precedence(old_scope, entry["scope"]):
                result = deep_merge(result, entry["values"])
                old_scope = entry["scope"]
            else:
                result = deep_merge(entry["values"], result)
        return result
