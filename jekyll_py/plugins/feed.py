"""jekyll-feed 0.17: Atom feeds and the `{% feed_meta %}` tag.

Config (`feed:`): `path` (default /feed.xml), `posts_limit` (10), `excerpt_only`,
`categories` (a feed per category, /feed/NAME.xml), `collections` (a list, or a map of
name -> {path, categories}; /feed/NAME.xml), `tags` (true, or {only, except, path}; a feed per
tag at /feed/by_tag/TAG.xml), `disable_in_development`. A feed whose file exists in the source
is not generated. The generator runs last (priority lowest).
"""
from __future__ import annotations

import os
import re

from liquid.ast import Node
from liquid.tag import Tag

from jekyll_py.documents import GeneratedPage
from jekyll_py.liquid.tags.markup import read_markup
from jekyll_py.log import logger
from jekyll_py.plugins import add_generator
from jekyll_py.plugins.common import (call_filter, minify, read_template, site_of,
                                      xml_attr)

# Whitespace after any '>' or after a Liquid tag is dropped from the template.
MINIFY_PATTERN = r"(?<=>|})\s+"
SIMPLE_TAG_RE = re.compile(r"[^a-zA-Z0-9_]")


def register(site) -> None:
    add_generator(site, generate, "lowest")
    site.liquid.register_tag(FeedMetaTag)


def feed_config(site) -> dict:
    value = site.config.get("feed")
    return value if isinstance(value, dict) else {}


def feed_collections(config: dict) -> dict:
    """collection label -> {"path": ..., "categories": [...]}; posts is always there."""
    value = config.get("collections")
    if isinstance(value, list):
        collections = {str(label): {} for label in value}
    elif isinstance(value, dict):
        collections = {str(k): dict(v or {}) for k, v in value.items()}
    else:
        collections = {}
    posts = collections.setdefault("posts", {})
    if posts.get("path") is None:
        posts["path"] = config.get("path")
    if posts.get("categories") is None:
        posts["categories"] = config.get("categories")
    for meta in collections.values():
        categories = []
        for category in meta.get("categories") or []:
            if category not in categories:
                categories.append(category)
        meta["categories"] = categories
    return collections


def feed_path(collections: dict, collection: str = "posts", category=None) -> str:
    prefix = "/feed" if collection == "posts" else f"/feed/{collection}"
    if category is not None:
        return f"{prefix}/{category}.xml"
    return (collections.get(collection) or {}).get("path") or f"{prefix}.xml"


def generate(site) -> None:
    config = feed_config(site)
    if config.get("disable_in_development") and site.environment == "development":
        logger.info("Jekyll Feed:", "Skipping feed generation in development")
        return
    collections = feed_collections(config)
    for label, meta in collections.items():
        logger.info("Jekyll Feed:", f"Generating feed for {label}")
        for category in meta["categories"] + [None]:
            path = feed_path(collections, label, category)
            if not _source_has(site, path):
                site.pages.append(feed_page(site, path, collection=label, category=category))
    tags = site.post_attr_hash("tags")
    if config.get("tags") and tags:
        _generate_tag_feeds(site, config["tags"], list(tags))


def _generate_tag_feeds(site, tags_config, all_tags: list) -> None:
    tags_config = tags_config if isinstance(tags_config, dict) else {}
    excluded = tags_config.get("except") or []
    only = tags_config.get("only") or all_tags
    directory = tags_config.get("path") or "/feed/by_tag/"
    for tag in [t for t in only if t not in excluded]:
        # Only simple tag names get a feed, to keep its path simple.
        if SIMPLE_TAG_RE.search(str(tag)):
            continue
        logger.info("Jekyll Feed:", f"Generating feed for posts tagged {tag}")
        path = f"{directory}{tag}.xml"
        if not _source_has(site, path):
            site.pages.append(feed_page(site, path, tags=tag))


def feed_page(site, path: str, *, collection: str = "posts", category=None, tags=None):
    page = GeneratedPage(site, "", path, minify(read_template(__file__, "feed.xml"),
                                                 MINIFY_PATTERN))
    page.data.update({
        "layout": None,
        "sitemap": False,
        "xsl": _source_has(site, "feed.xslt.xml"),
        "collection": collection,
        "category": category,
        "tags": tags,
    })
    return page


def _source_has(site, path: str) -> bool:
    return os.path.exists(os.path.join(site.source, str(path).lstrip("/")))


class FeedMetaNode(Node):
    def render_to_output(self, context, buffer) -> int:
        site = site_of(context)
        config = site.config
        path = feed_config(site).get("path") or "feed.xml"
        title = config.get("title") or config.get("name")
        attributes = [("type", "application/atom+xml"), ("rel", "alternate"),
                      ("href", call_filter(site, "absolute_url", path))]
        if title:
            attributes.append(("title", title))
        text = " ".join(f"{key}={xml_attr(value)}" for key, value in attributes)
        return buffer.write(f"<link {text} />")


class FeedMetaTag(Tag):
    """`{% feed_meta %}`: the `<link rel="alternate">` to the site's feed."""

    name = "feed_meta"
    block = False

    def parse(self, stream):
        token, _ = read_markup(stream)
        return FeedMetaNode(token)
