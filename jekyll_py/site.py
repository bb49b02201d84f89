"""The site: its model (pages, collections, static files, data, layouts) and `build()`, which
runs the stages in order: read, generate, render, write."""
from __future__ import annotations

import datetime as dt
import os
import sys
import time as clock

from jekyll_py.cache import Cache, code_fingerprint
from jekyll_py.converters import Identity, site_converters
from jekyll_py.dates import RubyTime, parse_date, site_timezone
from jekyll_py.defaults import FrontMatterDefaults
from jekyll_py.documents import SASS_EXTENSIONS, Collection, SourceMapPage
from jekyll_py.drops import SiteDrop, jekyll_drop
from jekyll_py.errors import JekyllError
from jekyll_py.hooks import Hooks
from jekyll_py.liquid.engine import LiquidEngine
from jekyll_py.plugins import load_plugins
from jekyll_py.reader import Reader
from jekyll_py.log import logger
from jekyll_py.parallel import render_batch
from jekyll_py.render import render_document
from jekyll_py.theme import Theme
from jekyll_py.utils import deep_merge
from jekyll_py.writer import SiteWriter


# The Markdown converter's code, part of every cached conversion's key.
_MARKDOWN_CODE = code_fingerprint(os.path.join(os.path.dirname(__file__), "converters", "markdown"))


class Site:
    def __init__(self, config: dict):
        self.config = config
        self.source = config["source"]
        self.dest = config["destination"]
        self.safe = bool(config.get("safe"))
        self.environment = os.environ.get("JEKYLL_ENV") or "development"
        self.theme = self._configure_theme()
        self.tz = site_timezone(config.get("timezone"))
        if config.get("timezone"):
            os.environ["TZ"] = str(config["timezone"])  # Jekyll sets TZ for the whole build
        self.dependencies = {}  # document path -> set of template paths it used
        self._ensure_not_in_dest()
        self.reset()

    # -- setup ---------------------------------------------------------------------------
    def _ensure_not_in_dest(self) -> None:
        source = os.path.abspath(self.source)
        dest = os.path.abspath(self.dest)
        path = source
        while True:
            if path == dest:
                raise JekyllError(
                    "Destination directory cannot be or contain the Source directory.")
            parent = os.path.dirname(path)
            if parent == path:
                break
            path = parent

    def _configure_theme(self):
        name = self.config.get("theme")
        if name is None:
            return None
        if not isinstance(name, str):
            logger.warn("Theme:", "value of 'theme' in config should be String to use gem-based "
                                  f"themes, but got {type(name).__name__}")
            return None
        theme = Theme(name, self.source)
        if theme.config_path and self.config.get("ignore_theme_config") is not True:
            from jekyll_py.config import DEFAULTS, read_theme_config
            theme_config = read_theme_config(theme.config_path)
            theme_config = {k: v for k, v in theme_config.items() if k not in DEFAULTS}
            self.config = deep_merge(theme_config, self.config)
        return theme

    def reset(self) -> None:
        if self.config.get("time"):
            self.time = parse_date(str(self.config["time"]), self.tz, "Invalid time in _config.yml.")
        else:
            self.time = RubyTime.of(dt.datetime.now(self.tz))
        self.layouts = {}
        self.pages = []
        self.static_files = []
        self.data = {}
        self.defaults = FrontMatterDefaults(self)
        collections = self.config.get("collections") or {}
        labels = list(collections) if isinstance(collections, (dict, list)) else []
        self.collections = {}
        for label in (["posts"] + labels):
            if label not in self.collections:
                self.collections[label] = Collection(self, label)
        self._attr_hashes = {}
        self.plugins = Hooks()
        self.generators = []  # callables generator(site), run after reading, before rendering
        self.converters = site_converters(self)
        self.markdown_cache = Cache(self, "Markdown")
        self.markdown_fingerprint = (_MARKDOWN_CODE, self.config.get("kramdown"),
                                     self.config.get("highlighter"))
        self.liquid = LiquidEngine(self)
        self.site_drop = SiteDrop(self)
        load_plugins(self)

    @property
    def posts(self) -> Collection:
        return self.collections["posts"]

    @property
    def collections_path(self) -> str:
        collections_dir = self.config.get("collections_dir") or ""
        return os.path.join(self.source, collections_dir) if collections_dir else self.source

    @property
    def includes_dirs(self) -> list[str]:
        dirs = [os.path.join(self.source, self.config.get("includes_dir") or "_includes")]
        if self.theme is not None and self.theme.includes_path:
            dirs.append(self.theme.includes_path)
        return dirs

    @property
    def theme_sass_dirs(self) -> list[str]:
        return [self.theme.sass_path] if self.theme is not None and self.theme.sass_path else []

    def documents(self) -> list:
        seen, result = set(), []
        for collection in self.collections.values():
            for item in list(collection.docs) + list(collection.files):
                if id(item) not in seen:
                    seen.add(id(item))
                    result.append(item)
        return result

    # -- publishing rules (Jekyll's Publisher) ----------------------------------------------
    def hidden_in_the_future(self, thing) -> bool:
        if not getattr(thing, "is_document", False) or self.config.get("future"):
            return False
        return int(thing.date.timestamp()) > int(self.time.timestamp())

    def publishable(self, thing) -> bool:
        can_publish = thing.data.get("published", True) is not False or \
            bool(self.config.get("unpublished"))
        return can_publish and not self.hidden_in_the_future(thing)

    # -- converters --------------------------------------------------------------------------
    def converter_for(self, ext: str):
        for converter in self.converters:
            if converter.matches(ext):
                return converter
        return Identity()

    def output_ext_for(self, doc) -> str:
        permalink = doc.permalink
        if permalink and not str(permalink).endswith("/"):
            ext = os.path.splitext(str(permalink))[1]
            if ext:
                return ext
        return self.converter_for(doc.ext).output_ext(doc.ext)

    def markdown_converter(self):
        return self.converters[0]

    def sass_converter(self):
        return self.converters[1]

    # -- site.tags / site.categories ---------------------------------------------------------
    def post_attr_hash(self, attr: str) -> dict:
        if attr not in self._attr_hashes:
            grouped = {}
            for post in self.posts.docs:
                for value in post.data.get(attr) or []:
                    grouped.setdefault(value, []).append(post)
            self._attr_hashes[attr] = {
                key: [p.to_liquid() for p in sorted(posts, key=lambda d: d.sort_key(),
                                                     reverse=True)]
                for key, posts in grouped.items()}
        return self._attr_hashes[attr]

    def related_posts(self, doc) -> list:
        """Jekyll's related posts without LSI: the ten most recent other posts."""
        recent = list(reversed(self.posts.docs[-11:]))
        return [p for p in recent if p is not doc][:10]

    def find_document(self, relative_path: str):
        for item in self.pages + self.documents():
            if getattr(item, "relative_path", None) == relative_path:
                return item
        return None

    def record_dependency(self, doc, template_path: str) -> None:
        self.dependencies.setdefault(doc.path, set()).add(template_path)

    # -- the stages ----------------------------------------------------------------------------
    def read(self) -> None:
        Reader(self).read()
        limit = self.config.get("limit_posts") or 0
        if limit > 0:
            self.posts.docs = self.posts.docs[-limit:]
        self.plugins.trigger_site("post_read", self)

    def generate(self) -> None:
        for generator in self.generators:
            generator(self)

    def site_payload(self) -> dict:
        """What the site's pre_render / post_render hooks get (Jekyll's Site#site_payload):
        `site` and `jekyll`, and the keys each document fills in left empty."""
        return {"site": self.site_drop, "jekyll": jekyll_drop(self.environment),
                "page": None, "layout": None, "content": None, "paginator": None,
                "highlighter_prefix": None, "highlighter_suffix": None}

    def render(self) -> None:
        payload = self.site_payload()
        self.plugins.trigger_site("pre_render", self, payload)
        render_batch(self, [doc for c in self.collections.values() for doc in c.docs])
        render_batch(self, list(self.pages))
        self.plugins.trigger_site("post_render", self, payload)

    # -- source maps: pages made while rendering ------------------------------------------
    @staticmethod
    def makes_source_map(item) -> bool:
        return getattr(item, "is_page", False) and item.ext in SASS_EXTENSIONS

    def adopt_source_maps(self, page) -> list:
        """After a Sass page is converted, its source map (which the converter left in
        `extra_outputs`) becomes a page at the end of `site.pages`, as jekyll-sass-converter
        adds it: pages rendered later list it. Returns the new pages, rendered."""
        if not self.makes_source_map(page) or not page.extra_outputs:
            return []
        made = [SourceMapPage(page, text) for text in page.extra_outputs.values()]
        page.extra_outputs = {}
        self.pages.extend(made)
        self.site_drop.forget("pages")
        for map_page in made:
            render_document(self, map_page)
        return made

    def items_to_write(self) -> list:
        seen, items = set(), []
        statics = [f for f in self.static_files if f.write]
        docs = [d for d in self.documents() if getattr(d, "is_document", False) and d.write]
        for item in self.pages + statics + docs:
            if id(item) not in seen:
                seen.add(id(item))
                items.append(item)
        return items

    def warn_conflicts(self, items: list) -> None:
        """Jekyll's doctor check: several files written to one destination. The stubs
        jekyll-redirect-from writes may share a URL (Doctor's allow_used_permalink?)."""
        redirects = sys.modules.get("jekyll_py.plugins.redirect_from")
        if redirects is not None:  # Ruby: defined?(JekyllRedirectFrom)
            items = [item for item in items if not isinstance(item, redirects.RedirectPage)]
        by_destination = {}
        for item in items:
            # Page#path is the page's `path` (its relative path); documents and static files
            # give their full path.
            path = item.data.get("path", item.relative_path) if getattr(item, "is_page", False) \
                else item.path
            by_destination.setdefault(item.destination(self.dest), []).append(path)
        for destination, paths in by_destination.items():
            if len(paths) < 2:
                continue
            logger.warn("Conflict:", "The following destination is shared by multiple files.")
            logger.warn("", "The written file may end up with unexpected contents.")
            logger.warn("", destination)
            for path in paths:
                logger.warn("", f" - {path}")
            logger.warn("")

    def write(self) -> None:
        items = self.items_to_write()
        self.warn_conflicts(items)
        writer = SiteWriter(self)
        writer.start()
        try:
            for item in items:
                destination = item.destination(self.dest)
                if hasattr(item, "output"):
                    writer.write_text(destination, item.output or "")
                    for relative, text in getattr(item, "extra_outputs", {}).items():
                        writer.write_text(os.path.join(self.dest, relative), text)
                    self.plugins.trigger(item, "post_write")
                else:
                    writer.copy_static(item.path, destination,
                                       keep_symlinks=not self.safe
                                       and self.environment != "production")
        except BaseException:
            writer.abort()
            raise
        writer.finish()
        self.plugins.trigger_site("post_write", self)

    def process(self) -> None:
        """A whole build: read, generate, render, write."""
        self.reset()
        self.read()
        self.generate()
        self.render()
        self.write()


def timed_build(site: Site) -> float:
    start = clock.monotonic()
    site.process()
    return clock.monotonic() - start
