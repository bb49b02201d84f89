"""Writing the destination folder.

Everything is written into a fresh folder beside the destination, which is then swapped in:
a build that fails half-way leaves the previous `_site` whole. Files named by `keep_files`
are carried over from the old destination; static files keep their modification times, and
ones unchanged since the last build are hard-linked rather than copied again."""
from __future__ import annotations

import os
import re
import shutil
import subprocess

from jekyll_py.errors import JekyllError


class SiteWriter:
    def __init__(self, site):
        self.site = site
        self.dest = site.dest
        parent, base = os.path.split(self.dest.rstrip("/"))
        self.staging = os.path.join(parent, f".{base}.jekyll-py-new")
        self.retired = os.path.join(parent, f".{base}.jekyll-py-old")
        self._made_folders: set[str] = set()  # staging folders known to exist

    def start(self) -> None:
        for stale in (self.staging, self.retired):
            if os.path.lexists(stale):
                shutil.rmtree(stale, ignore_errors=True)
        os.makedirs(self.staging)
        self._made_folders = {self.staging}

    def _make_folder_for(self, target: str) -> None:
        # Many files share a folder: one makedirs per folder, not one per file.
        folder = os.path.dirname(target)
        if folder not in self._made_folders:
            os.makedirs(folder, exist_ok=True)
            self._made_folders.add(folder)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def _target(self, destination: str) -> str:
        """Map a path under the real destination into the staging folder."""
        relative = os.path.relpath(destination, self.dest)
        if relative.startswith(".."):
            raise JekyllError(f"Refusing to write outside the destination: {destination}")
        return os.path.join(self.staging, relative)

    def write_text(self, destination: str, text: str) -> None:
        target = self._target(destination)
        self._make_folder_for(target)
        with open(target, "wb") as handle:
            handle.write(text.encode("utf-8"))

    def copy_static(self, source: str, destination: str, *, keep_symlinks: bool = True) -> None:
        target = self._target(destination)
        self._make_folder_for(target)
        if keep_symlinks and os.path.islink(source):
            # Jekyll's copy_entry copies a symlink as a symlink (not in safe or production mode).
            os.symlink(os.readlink(source), target)
            return
        try:
            src_stat = os.stat(source)
        except OSError as err:
            raise JekyllError(f"Error: could not copy {source}: {err.strerror}") from None
        # Jekyll sets the copy's times to the source's modification time in whole seconds.
        seconds = int(src_stat.st_mtime)
        try:
            old_stat = os.stat(destination)
            if old_stat.st_mtime == seconds and old_stat.st_size == src_stat.st_size:
                os.link(destination, target)  # unchanged since the last build: not rewritten
                return
        except OSError:
            pass
        shutil.copyfile(source, target)
        shutil.copymode(source, target)
        os.utime(target, (seconds, seconds))

    def _kept_entries(self) -> list[str]:
        """Paths (relative to the old destination) matched by keep_files."""
        keep = [str(k) for k in (self.site.config.get("keep_files") or [])]
        if not keep or not os.path.isdir(self.dest):
            return []
        pattern = re.compile("|".join(re.escape(k) for k in keep))
        kept = []
        for root, dirnames, filenames in os.walk(self.dest):
            rel_root = os.path.relpath(root, self.dest)
            for name in list(dirnames):
                rel = os.path.normpath(os.path.join(rel_root, name))
                if pattern.match(rel):
                    kept.append(rel)
                    dirnames.remove(name)
            for name in filenames:
                rel = os.path.normpath(os.path.join(rel_root, name))
                if pattern.match(rel):
                    kept.append(rel)
        return kept

    def finish(self) -> None:
        """Carry over keep_files, then swap the staging folder in."""
        for rel in self._kept_entries():
            target = os.path.join(self.staging, rel)
            if os.path.lexists(target):
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.rename(os.path.join(self.dest, rel), target)
        if os.path.lexists(self.dest):
            os.rename(self.dest, self.retired)
        os.rename(self.staging, self.dest)
        _remove_in_background(self.retired)


def _remove_in_background(path: str) -> None:
    """Delete the previous site without making the build wait for it (removing thousands of
    folders can take longer than the build). The next build clears any leftover first."""
    if not os.path.lexists(path):
        return
    if os.name == "posix" and shutil.which("rm"):
        subprocess.Popen(["rm", "-rf", "--", path], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        shutil.rmtree(path, ignore_errors=True)
