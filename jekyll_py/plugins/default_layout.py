"""jekyll-default-layout 0.1: a layout for Markdown pages and posts that name none.

The site's `home` layout for the page at `/`, else `page` for pages, `post` for posts, else
`default`, whichever exists first in that order; a `layout` key (even empty, or from
front-matter defaults) counts as naming one. Runs last (priority lowest).
"""
from __future__ import annotations

from jekyll_py.plugins import add_generator


def register(site) -> None:
    add_generator(site, generate, "lowest")


def layout_for(site, doc):
    candidates = []
    if doc.url == "/":
        candidates.append("home")
    if getattr(doc, "is_page", False):
        candidates.append("page")
    if getattr(doc, "is_document", False) and doc.collection.label == "posts":
        candidates.append("post")
    candidates.append("default")
    return next((name for name in candidates if name in site.layouts), None)


def generate(site) -> None:
    markdown = site.markdown_converter()
    for doc in list(site.pages) + list(site.posts.docs):
        if markdown.matches(doc.ext) and "layout" not in doc.data:
            doc.data["layout"] = layout_for(site, doc)
