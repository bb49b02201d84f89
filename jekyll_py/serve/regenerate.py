"""Rebuilding the site after the source changed: the log lines of Jekyll's watcher, a failed
rebuild reported in one line (the previous `_site` stays, the writer only swaps in a whole new
one), and the list of pages browsers should reload."""
from __future__ import annotations

import datetime as dt
import fnmatch
import time
import traceback

from jekyll_py.errors import JekyllError
from jekyll_py.log import logger


STYLESHEET_EXTENSIONS = (".css", ".scss", ".sass")


def _one_line(error: BaseException) -> str:
    text = str(error).strip()
    first = text.splitlines()[0] if text else ""
    if isinstance(error, JekyllError):
        return first or type(error).__name__
    return f"jekyll-py failed: {type(error).__name__}: {first}"


def _seconds(elapsed: float) -> str:
    # Jekyll prints the unrounded difference of two times.
    return f"{elapsed:.9f}".rstrip("0").rstrip(".")


class Regenerator:
    """Called by the watcher with the changed paths (relative to the source)."""

    def __init__(self, site, *, on_rebuilt=None, livereload_ignore=(), trace: bool = False):
        self.site = site
        self.on_rebuilt = on_rebuilt          # on_rebuilt(url_paths) after a successful build
        self.livereload_ignore = list(livereload_ignore)
        self.trace = trace

    def __call__(self, changed: list[str]) -> bool:
        started = time.monotonic()
        now = dt.datetime.now()
        logger.info("Regenerating:", f"{len(changed)} file(s) changed at "
                                     f"{now:%Y-%m-%d %H:%M:%S}")
        for path in changed:
            logger.info("", path)
        try:
            self.site.process()
        except Exception as error:  # noqa: BLE001 - keep serving the previous site
            if self.trace:
                traceback.print_exc()
            logger.warn("Error:", _one_line(error))
            logger.warn("Error:", "Run jekyll-py build --trace for more information.")
            logger.info("")
            return False
        logger.info("", f"...done in {_seconds(time.monotonic() - started)} seconds.")
        logger.info("")
        if self.on_rebuilt is not None:
            paths = self.reload_paths(changed)
            if paths:
                self.on_rebuilt(paths)
        return True

    def reload_paths(self, changed: list[str]) -> list[str]:
        """The URL paths to send browsers: the stylesheets' URLs when only stylesheets
        changed (browsers then swap them in place), else "/" (the whole page reloads).
        Nothing when every change matches a `livereload_ignore` glob."""
        counted = [path for path in changed
                   if not any(fnmatch.fnmatch(path, glob) for glob in self.livereload_ignore)]
        if not counted:
            return []
        if not all(path.lower().endswith(STYLESHEET_EXTENSIONS) for path in counted):
            return ["/"]
        stylesheets = {}  # source path -> URL of every CSS file the site writes
        for item in self._site_items():
            url = str(getattr(item, "url", "") or "")
            if url.endswith(".css"):
                stylesheets[str(getattr(item, "relative_path", "") or "").lstrip("/")] = url
        # A changed stylesheet gives its own URL; a changed Sass partial (not written itself)
        # may be in any of them.
        if all(path in stylesheets for path in counted):
            urls = {stylesheets[path] for path in counted}
        else:
            urls = set(stylesheets.values())
        return sorted(urls) or ["/"]

    def _site_items(self):
        site = self.site
        yield from site.pages
        yield from site.static_files
        for collection in site.collections.values():
            yield from getattr(collection, "docs", [])
