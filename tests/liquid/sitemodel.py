"""A hand-made site for rendering test pages without the build core.

It has just what the Liquid layer reads: `config` (the test site's _config.yml over the
Jekyll defaults the filters use), `source`, `includes_dirs`, `data`, and empty page/post
lists. `payload(front_matter, path)` builds the `site`/`page`/`jekyll` variables.
"""
from __future__ import annotations

import pathlib

import yaml

DEFAULTS = {"baseurl": None, "url": "", "timezone": None, "collections_dir": "",
            "liquid": {"error_mode": "warn", "strict_filters": False, "strict_variables": False}}


class HandMadeSite:
    def __init__(self, source: pathlib.Path, config_overrides: dict | None = None):
        self.source = str(source)
        config = dict(DEFAULTS)
        config_file = source / "_config.yml"
        if config_file.exists():
            config.update(yaml.safe_load(config_file.read_text(encoding="utf-8")) or {})
        config.update(config_overrides or {})
        self.config = config
        self.includes_dirs = [str(source / "_includes")]
        self.data = {}
        data_dir = source / "_data"
        if data_dir.is_dir():
            for path in sorted(data_dir.glob("*.yml")):
                self.data[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.pages, self.static_files, self.collections, self.posts = [], [], {}, []

    def payload(self, front_matter: dict, path: str) -> dict:
        site = dict(self.config)
        site.update({"data": self.data, "posts": [], "pages": [], "static_files": []})
        page = dict(front_matter)
        page.setdefault("path", path)
        return {"site": site, "page": page, "layout": {}, "content": "", "paginator": None,
                "jekyll": {"version": "4.3.1", "environment": "development"}}


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter, body) of a page that starts with `---`."""
    _, matter, body = text.split("---\n", 2)
    return yaml.safe_load(matter) or {}, body
