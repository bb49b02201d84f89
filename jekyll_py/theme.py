"""Gem-based themes (`theme: minima`): finding an installed theme and its folders.

Jekyll finds a theme through RubyGems. jekyll-py looks in the folders RubyGems installs into
(GEM_HOME, GEM_PATH, Debian's and other distributions' gem folders, the user's ~/.gem and a
site's vendor/bundle), and first in the folders listed in $JEKYLL_PY_THEME_PATH; the theme is
the folder named `<theme>-<version>` (the highest version) there."""
from __future__ import annotations

import glob
import os
import re

from jekyll_py.errors import JekyllError


def _gem_dirs(source: str) -> list[str]:
    dirs = []
    for var in ("JEKYLL_PY_THEME_PATH",):
        dirs += [d for d in os.environ.get(var, "").split(os.pathsep) if d]
    for var in ("GEM_HOME", "GEM_PATH"):
        dirs += [os.path.join(d, "gems") for d in os.environ.get(var, "").split(os.pathsep) if d]
    patterns = [
        os.path.join(source, "vendor", "bundle", "ruby", "*", "gems"),
        os.path.expanduser("~/.gem/ruby/*/gems"),
        os.path.expanduser("~/.local/share/gem/ruby/*/gems"),
        "/usr/share/rubygems-integration/all/gems",
        "/usr/share/rubygems-integration/*/gems",
        "/var/lib/gems/*/gems",
        "/usr/lib/ruby/gems/*/gems",
        "/usr/local/lib/ruby/gems/*/gems",
        "/usr/share/gems/gems",
        "/opt/homebrew/lib/ruby/gems/*/gems",
    ]
    for pattern in patterns:
        dirs += sorted(glob.glob(pattern))
    return dirs


def _version_key(folder: str, name: str):
    version = os.path.basename(folder)[len(name) + 1:]
    return [int(p) if p.isdigit() else -1 for p in re.split(r"[.\-]", version)]


class Theme:
    def __init__(self, name: str, source: str):
        self.name = str(name).strip().lower()
        self.root = self._find(source)
        self.basename = os.path.basename(self.root)

    def _find(self, source: str) -> str:
        for directory in _gem_dirs(source):
            exact = os.path.join(directory, self.name)
            candidates = [exact] if os.path.isdir(exact) else []
            candidates += [c for c in glob.glob(os.path.join(directory, self.name + "-*"))
                           if re.fullmatch(re.escape(self.name) + r"-\d[\w.\-]*",
                                           os.path.basename(c)) and os.path.isdir(c)]
            if candidates:
                best = max(candidates, key=lambda c: _version_key(c, self.name))
                return os.path.realpath(best)
        raise JekyllError(f"Dependency Error: The {self.name} theme could not be found.")

    def _path_for(self, folder: str) -> str | None:
        path = os.path.realpath(os.path.join(self.root, folder))
        return path if path.startswith(self.root) and os.path.isdir(path) else None

    @property
    def includes_path(self):
        return self._path_for("_includes")

    @property
    def layouts_path(self):
        return self._path_for("_layouts")

    @property
    def sass_path(self):
        return self._path_for("_sass")

    @property
    def assets_path(self):
        return self._path_for("assets")

    @property
    def data_path(self):
        return self._path_for("_data")

    @property
    def runtime_dependencies(self) -> list[str]:
        """Gems the theme's gemspec needs at run time (Jekyll enables the plugins among them,
        e.g. minima brings jekyll-feed and jekyll-seo-tag)."""
        gems_dir = os.path.dirname(self.root)
        spec = os.path.join(os.path.dirname(gems_dir), "specifications", self.basename + ".gemspec")
        try:
            with open(spec, encoding="utf-8") as handle:
                text = handle.read()
        except OSError:
            return []
        names = re.findall(r"add_runtime_dependency\(%q<([^>]+)>", text)
        return [name for name in dict.fromkeys(names) if name != "jekyll"]

    @property
    def config_path(self):
        path = os.path.join(self.root, "_config.yml")
        return path if os.path.isfile(path) and not os.path.islink(path) else None
