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


def apply_filters(site, value, *filters: str) -> str:
    """`value` passed through the site's Liquid filters (e.g. "absolute_url", "xml_escape"),
    so plugins compute URLs and escapes exactly as templates do."""
    chain = "".join(f" | {name}" for name in filters)
    return site.liquid.render("{{ value" + chain + " }}",
                              {"site": site.site_drop, "value": value},
                              name="(plugin)", cache_key=("plugin-filters", chain))


def source_has_page_or_file(site, url: str) -> bool:
    """Whether a page or static file of the site already has this URL."""
    return any(item.url == url for item in list(site.pages) + list(site.static_files))


def read_template(module_file: str, name: str) -> str:
    """A template shipped beside a plugin module (jekyll_py/plugins/templates/NAME)."""
    path = os.path.join(os.path.dirname(module_file), "templates", name)
    with open(path, encoding="utf-8") as handle:
        return handle.read()


# -- Liquid tags ---------------------------------------------------------------------------------
# Jekyll plugin tags take their arguments as raw text ("markup") and render with the site and
# the current page at hand; these helpers give python-liquid tags the same shape.

def tag_markup(stream):
    """Consume a tag token from a python-liquid TokenStream; return (token, raw markup).

    The expression token (if any) is left current, as python-liquid's own tags leave it."""
    from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG
    token = stream.eat(TOKEN_TAG)
    markup = stream.current.value if stream.current.kind == TOKEN_EXPRESSION else ""
    return token, markup


def site_of(context):
    """The Site a render context belongs to (Jekyll's `context.registers[:site]`)."""
    engine = getattr(context.env, "engine", None)
    if engine is not None and getattr(engine, "site", None) is not None:
        return engine.site
    drop = context.globals.get("site")
    return getattr(drop, "obj", None)


def xml_attr(value) -> str:
    """Ruby's `String#encode(xml: :attr)`: double-quoted, with & < > and \" escaped."""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return '"' + text.replace('"', "&quot;") + '"'
