"""Helpers the plugin ports share: built-in layouts, template minifying, running the site's
Liquid filters from Python, and checks on what the source already has."""
from __future__ import annotations

import os
import re


class TemplateLayout:
    """A layout that lives in a plugin rather than in `_layouts/` (for example the default
    `redirect` layout of jekyll-redirect-from). It quacks like `documents.Layout`."""

    def __init__(self, plugin: str, name: str, content: str, data: dict | None = None):
        self.name = name
        self.content = content
        self.data = data or {}
        self.ext = os.path.splitext(name)[1]
        self.relative_path = f"_layouts/{name}"
        self.path = f"<{plugin}>/{name}"  # not a file: only a cache key and a message name
        self.mtime = 0


def minify(template: str, pattern: str) -> str:
    """Remove the whitespace `pattern` matches; the gems minify their templates so, and the
    exact whitespace of sitemap.xml / feed.xml / the seo tag depends on it."""
    return re.sub(pattern, "", template)


def call_filter(site, name: str, value, *args):
    """Call the site's Liquid filter `name` (e.g. "absolute_url") from Python, so plugins
    compute URLs, dates and escapes exactly as templates do."""
    fn = site.liquid.env.filters[name]
    if getattr(fn, "with_environment", False):
        return fn(value, *args, environment=site.liquid.env)
    return fn(value, *args)


def source_has_page_or_file(site, url: str) -> bool:
    """Whether a page or static file of the site already has this URL."""
    return any(item.url == url for item in list(site.pages) + list(site.static_files))


def read_template(module_file: str, name: str) -> str:
    """A template shipped beside a plugin module (jekyll_py/plugins/templates/NAME)."""
    path = os.path.join(os.path.dirname(module_file), "templates", name)
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def site_of(context):
    """The Site a Liquid render context belongs to (Jekyll's `context.registers[:site]`)."""
    return context.env.engine.site


def xml_attr(value) -> str:
    """Ruby's `String#encode(xml: :attr)`: double-quoted, with & < > and \" escaped."""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return '"' + text.replace('"', "&quot;") + '"'
