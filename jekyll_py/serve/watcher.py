"""Watching the source folder: which changes count, and gathering a burst of them into one
rebuild.

Changes that never trigger a rebuild (as with Jekyll's watcher): the destination (and the
writer's staging folders beside it), the configuration files (read once, at start), paths in
`exclude`, the cache folder, and editors' and version control's own files."""
from __future__ import annotations

import fnmatch
import os
import threading
import time
import warnings

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from jekyll_py.log import logger

# How long the source must stay quiet before a rebuild starts: an editor saving a file, or a
# `git checkout`, makes several events in a few milliseconds.
QUIET_SECONDS = 0.2

CONFIG_FILES = ("_config.yml", "_config.yaml", "_config.toml")
# Folders of version control, and files editors write beside the ones being edited.
IGNORED_FOLDERS = (".git", ".hg", ".svn", ".jekyll-metadata")
IGNORED_NAMES = (".DS_Store", "4913", "*.swp", "*.swx", "*.swo", "*~", ".#*")
# watchdog warns when a folder it watched comes back under the same name (a folder renamed
# away and back); watching goes on correctly, the warning only alarms.
warnings.filterwarnings("ignore", category=RuntimeWarning, module=r"watchdog\.")

# Events that say a file was read, not changed (the build itself reads every file).
READ_EVENTS = ("opened", "closed_no_write")


class ChangeFilter:
    """Decides whether a changed path (absolute) is part of the site's source."""

    def __init__(self, source: str, ignored_paths: list[str], exclude: list[str]):
        self.source = os.path.realpath(source)
        self.ignored_paths = [os.path.realpath(path) for path in ignored_paths]
        self.exclude = [str(pattern).strip("/") for pattern in exclude if str(pattern).strip("/")]

    def relative(self, path: str) -> str | None:
        """The path relative to the source, or None outside it."""
        absolute = os.path.realpath(path)
        if absolute != self.source and not absolute.startswith(self.source + os.sep):
            return None
        return os.path.relpath(absolute, self.source).replace(os.sep, "/")

    def counts(self, path: str) -> bool:
        absolute = os.path.realpath(path)
        for ignored in self.ignored_paths:
            if absolute == ignored or absolute.startswith(ignored + os.sep):
                return False
        relative = self.relative(path)
        if relative is None or relative == ".":
            return False
        parts = relative.split("/")
        if relative in CONFIG_FILES or any(part in IGNORED_FOLDERS for part in parts):
            return False
        if any(fnmatch.fnmatchcase(parts[-1], pattern) for pattern in IGNORED_NAMES):
            return False
        for pattern in self.exclude:
            # Jekyll's watcher ignores what starts with an excluded path; globs work as in
            # the reader's `exclude`.
            if relative == pattern or relative.startswith(pattern + "/") \
                    or fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(parts[0], pattern):
                return False
        return True


class _Events(FileSystemEventHandler):
    def __init__(self, watcher: "SourceWatcher"):
        self.watcher = watcher

    def on_any_event(self, event):
        if event.event_type in READ_EVENTS:
            return
        # A folder's "modified" only says its list of entries changed; the entries have their
        # own events.
        if event.is_directory and event.event_type == "modified":
            return
        src_path = os.fsdecode(event.src_path)
        dest_path = os.fsdecode(getattr(event, "dest_path", "") or "")
        if event.is_directory:
            if event.event_type in ("deleted", "moved"):
                self.watcher.folder_gone(src_path)
            if event.event_type == "created":
                self.watcher.folder_added(src_path)
            elif dest_path:
                self.watcher.folder_added(dest_path)
        for path in (src_path, dest_path):
            if path:
                self.watcher.changed(path)


class SourceWatcher:
    """Watches `source`; after each burst of changes that count, calls
    `on_change(relative_paths)` on its own thread, one call at a time.

    The source's own entries are watched, and each of its folders that counts is watched with
    everything inside: the destination, when it lies in the source, is not watched at all, so
    a rebuild writing thousands of files does not wake the watcher."""

    def __init__(self, source: str, change_filter: ChangeFilter, on_change,
                 quiet_seconds: float = QUIET_SECONDS, force_polling: bool = False):
        self.source = os.path.abspath(source)
        self.filter = change_filter
        self.on_change = on_change
        self.quiet_seconds = quiet_seconds
        self._pending = {}            # relative path -> None (ordered, without repeats)
        self._last_event = 0.0
        self._lock = threading.Condition()
        self._stopping = False
        self._force_polling = force_polling
        self._observer = None
        self._handler = _Events(self)
        self._folders = {}            # top-level folder (absolute) -> its ObservedWatch
        self._worker = threading.Thread(target=self._work, name="regenerate", daemon=True)

    def start(self) -> None:
        try:
            self._observe(PollingObserver() if self._force_polling else Observer())
        except OSError as error:
            # The system's limit on watched folders (inotify) reached: look every second.
            logger.warn("Auto-regeneration:", f"watching by polling ({error.strerror or error})")
            self._observe(PollingObserver())
        self._worker.start()

    def _observe(self, observer) -> None:
        if self._observer is not None:
            self._observer.stop()
        self._observer = observer
        self._folders = {}
        observer.schedule(self._handler, self.source, recursive=False)
        with os.scandir(self.source) as entries:
            for entry in entries:
                if entry.is_dir():
                    self.folder_added(entry.path)
        observer.start()

    def folder_added(self, path: str) -> None:
        """Watch a new top-level folder of the source (deeper ones are already covered)."""
        path = os.path.abspath(path)
        if os.path.dirname(path) != self.source or path in self._folders \
                or not self.filter.counts(path) or not os.path.isdir(path):
            return
        self._folders[path] = self._observer.schedule(self._handler, path, recursive=True)

    def folder_gone(self, path: str) -> None:
        watch = self._folders.pop(os.path.abspath(path), None)
        if watch is not None:
            try:
                self._observer.unschedule(watch)
            except (KeyError, OSError):
                pass  # already dropped by the observer when the folder went

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        self._worker.join(timeout=5)

    def changed(self, path: str) -> None:
        if not self.filter.counts(path):
            return
        relative = self.filter.relative(path)
        with self._lock:
            self._pending[relative] = None
            self._last_event = time.monotonic()
            self._lock.notify_all()

    def _work(self) -> None:
        while True:
            with self._lock:
                while not self._pending and not self._stopping:
                    self._lock.wait()
                if self._stopping:
                    return
                # Wait for the burst to end.
                while not self._stopping:
                    remaining = self._last_event + self.quiet_seconds - time.monotonic()
                    if remaining <= 0:
                        break
                    self._lock.wait(remaining)
                if self._stopping:
                    return
                batch = list(self._pending)
                self._pending.clear()
            # Changes made while this runs are gathered for the next call.
            self.on_change(batch)
