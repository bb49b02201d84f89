"""jekyll-archives 2.2: archive pages of posts by year, month, day, category and tag.

Config `jekyll-archives:` — `enabled:` a list of `year`, `month`, `day`, `categories`,
`tags` (or `all` / true; nothing by default), `layout:` (default `archive`), `layouts:` per
type, `permalinks:` per type (defaults `/:year/`, `/:year/:month/`, `/:year/:month/:day/`,
`/category/:name/`, `/tag/:name/`). Each archive is a page rendered with its layout; it
shows `page.type`, `page.title` (the tag or category; none for dates), `page.date` (the
first day of a date archive), `page.posts` (newest first), `page.name`, `page.path`,
`page.url` and `page.permalink`. The merged settings appear as `site.jekyll-archives`.
"""
from __future__ import annotations

import datetime as dt
import os

from jekyll_py import url as urls
from jekyll_py.documents import Page
from jekyll_py.drops import Drop
from jekyll_py.errors import JekyllError
from jekyll_py.plugins import add_generator
from jekyll_py.utils import deep_merge, slugify

DEFAULTS = {
    "layout": "archive",
    "enabled": [],
    "permalinks": {
        "year": "/:year/",
        "month": "/:year/:month/",
        "day": "/:year/:month/:day/",
        "tag": "/tag/:name/",
        "category": "/category/:name/",
    },
}


def register(site) -> None:
    add_generator(site, generate)


def settings(site) -> dict:
    own = site.config.get("jekyll-archives")
    return deep_merge(DEFAULTS, own if isinstance(own, dict) else {})


def enabled(config: dict, kind: str) -> bool:
    value = config.get("enabled")
    return value is True or value == "all" or (isinstance(value, list) and kind in value)


def generate(site) -> None:
    config = settings(site)
    site.config["jekyll-archives"] = config
    archives = []
    if enabled(config, "tags"):
        for tag, posts in grouped_by_attribute(site, "tags").items():
            archives.append(Archive(site, config, tag, "tag", posts))
    if enabled(config, "categories"):
        for category, posts in grouped_by_attribute(site, "categories").items():
            archives.append(Archive(site, config, category, "category", posts))
    for year, year_posts in grouped_by_date(site.posts.docs, "%Y").items():
        if enabled(config, "year"):
            archives.append(Archive(site, config, {"year": year}, "year", year_posts))
        for month, month_posts in grouped_by_date(year_posts, "%m").items():
            if enabled(config, "month"):
                archives.append(Archive(site, config, {"year": year, "month": month}, "month",
                                        month_posts))
            for day, day_posts in grouped_by_date(month_posts, "%d").items():
                if enabled(config, "day"):
                    archives.append(Archive(site, config,
                                            {"year": year, "month": month, "day": day},
                                            "day", day_posts))
    site.pages.extend(archives)
    site.config["archives"] = [archive.to_liquid() for archive in archives]


def _newest_first(posts: list) -> list:
    return sorted(posts, key=lambda post: post.sort_key(), reverse=True)


def grouped_by_attribute(site, attribute: str) -> dict:
    """Jekyll's Site#post_attr_hash: value -> posts having it, newest first."""
    groups = {}
    for post in site.posts.docs:
        for value in post.data.get(attribute) or []:
            members = groups.setdefault(value, [])
            if post not in members:
                members.append(post)
    return {value: _newest_first(posts) for value, posts in groups.items()}


def grouped_by_date(posts: list, fmt: str) -> dict:
    groups = {}
    for post in posts:
        groups.setdefault(post.date.strftime(fmt), []).append(post)
    return {key: _newest_first(members) for key, members in groups.items()}


class Archive(Page):
    """One archive page (Jekyll::Archives::Archive, a Page with no file)."""

    def __init__(self, site, config: dict, title, kind: str, posts: list):
        self.archive_title = title  # a tag or category, or {"year": ..., "month": ...}
        self.type = kind
        self.posts = posts
        self.config = config
        self.slug = slugify(title) if isinstance(title, str) else None
        self._archive_url = None
        # Like the gem's Archive, this does not go through Page's constructor (so no
        # `post_init` hook runs for it) and has no front matter defaults.
        self.site = site
        self.relative_path = self._relative_path()
        self.dir_ = ""
        self.path = os.path.join(site.source, self.relative_path)
        self.ext = os.path.splitext(self.relative_path)[1]
        self.name = os.path.splitext(os.path.basename(self.relative_path))[0]
        self.basename = self.name
        self.extra_outputs = {}
        self.pager = None
        self.content = ""
        self.front_matter_lines = 0
        self.data = {"layout": self.layout_name}
        self.defaults_data = {}
        self._url = None

    @property
    def layout_name(self):
        layouts = self.config.get("layouts")
        if isinstance(layouts, dict) and layouts.get(self.type):
            return layouts[self.type]
        return self.config.get("layout")

    @property
    def template(self) -> str:
        return str((self.config.get("permalinks") or {}).get(self.type))

    def _placeholders(self) -> list:
        if isinstance(self.archive_title, dict):
            return list(self.archive_title.items()) + [("type", self.type)]
        return [("name", self.slug), ("type", self.type)]

    @property
    def url(self) -> str:
        if self._archive_url is None:
            template = self.template
            if not template or template == "None":
                raise JekyllError(f'jekyll-archives: Template "{template}" provided is invalid.')
            self._archive_url = urls.build_url(
                template, None, lambda t: urls.from_hash(t, self._placeholders()))
        return self._archive_url

    def _relative_path(self) -> str:
        path = urls.unescape_path(self.url).lstrip("/")
        return path + "index.html" if self.url.endswith("/") else path

    @property
    def permalink(self):
        return self.data.get("permalink") if isinstance(self.data, dict) else None

    @property
    def title(self):
        return self.archive_title if isinstance(self.archive_title, str) else None

    @property
    def date(self):
        if not isinstance(self.archive_title, dict):
            return None
        parts = [int(v) for v in self.archive_title.values()] + [1, 1]
        return dt.date(*parts[:3])

    @property
    def liquid_data(self) -> dict:
        return dict(self.data)

    def to_liquid(self):
        return ArchiveDrop(self)

    def __repr__(self) -> str:
        return f"<Archive {self.type} {self.archive_title!r}>"


class ArchiveDrop(Drop):
    """What `page` shows of an archive: its data and the gem's attributes (no content)."""

    computed = {
        "posts": lambda a: [post.to_liquid() for post in a.posts],
        "type": lambda a: a.type,
        "title": lambda a: a.title,
        "date": lambda a: a.date,
        "name": lambda a: a.name,
        "path": lambda a: a.relative_path,
        "url": lambda a: a.url,
        "permalink": lambda a: a.permalink,
    }

    def fallback(self):
        return self.obj.data

    def __str__(self) -> str:
        return self.obj.output or ""
