"""Jekyll's `{% link path %}` and `{% post_url name %}` tags (lib/jekyll/tags/link.rb, post_url.rb).

Both resolve a source file to its URL with `relative_url`, so the baseurl is included.
"""
from __future__ import annotations

import re

from liquid.ast import Node
from liquid.tag import Tag

from jekyll_py.liquid.filters.url import relative_url_of
from jekyll_py.liquid.messages import JekyllTagError
from jekyll_py.liquid.tags.markup import read_markup, render_markup
from jekyll_py.log import logger


def site_files(site):
    """Every page, static file and collection document, as Jekyll's `each_site_file`."""
    yield from getattr(site, "pages", []) or []
    yield from getattr(site, "static_files", []) or []
    collections = getattr(site, "collections", {}) or {}
    for collection in collections.values():
        yield from getattr(collection, "docs", []) or []


class LinkNode(Node):
    __slots__ = ("path",)

    def __init__(self, token, path: str):
        super().__init__(token)
        self.path = path
        self.blank = False

    def render_to_output(self, context, buffer) -> int:
        site = context.env.engine.site
        relative_path = render_markup(self.path, context)
        with_slash = "/" + relative_path.lstrip("/")
        item = None
        finder = getattr(site, "find_document", None)
        if finder is not None:
            item = finder(relative_path)
        if item is None:
            for candidate in site_files(site):
                candidate_path = str(getattr(candidate, "relative_path", ""))
                if candidate_path in (relative_path, with_slash):
                    item = candidate
                    break
        if item is None:
            raise JekyllTagError(
                f"Could not find document '{relative_path}' in tag 'link'. "
                "Make sure the document exists and the path is correct.")
        return buffer.write(relative_url_of(item, site.config))


class LinkTag(Tag):
    name = "link"
    block = False

    def parse(self, stream):
        token, markup = read_markup(stream)
        return LinkNode(token, markup.strip())


POST_NAME = re.compile(r"^(.+/)*(\d+-\d+-\d+)-(.*)$")


class PostComparer:
    """Matches `[dir/]YYYY-MM-DD-slug` against a post's relative path (or, deprecated, its date
    and slug)."""

    def __init__(self, name: str):
        self.name = name
        match = POST_NAME.match(re.sub(r"^/", "", name))
        if not match:
            raise ValueError(f"'{name}' does not contain valid date and/or title.")
        self.path = match.group(1) or ""
        self.date, self.slug = match.group(2), match.group(3)
        basename = f"{self.date}-{re.escape(self.slug)}\\.[^.]+"
        path = re.escape(self.path)
        self.regex = re.compile(f"^_posts/{path}{basename}|^{path}_posts/?{basename}")

    def matches(self, post) -> bool:
        return self.regex.match(str(getattr(post, "relative_path", ""))) is not None

    def matches_deprecated(self, post) -> bool:
        date = getattr(post, "date", None)
        data = getattr(post, "data", {}) or {}
        if date is None:
            return False
        parts = [int(p) for p in self.date.split("-")]
        basename = str(getattr(post, "basename", ""))
        folder = "/".join(basename.split("/")[:-1])
        slug = data.get("slug") if not folder else f"{folder}/{data.get('slug')}"
        return slug == self.slug and [date.year, date.month, date.day] == parts


class PostUrlNode(Node):
    __slots__ = ("comparer", "original")

    def __init__(self, token, comparer: PostComparer, original: str):
        super().__init__(token)
        self.comparer = comparer
        self.original = original
        self.blank = False

    def render_to_output(self, context, buffer) -> int:
        site = context.env.engine.site
        posts = getattr(site, "posts", None)
        docs = list(getattr(posts, "docs", posts) or [])
        for post in docs:
            if self.comparer.matches(post):
                return buffer.write(relative_url_of(post, site.config))
        for post in docs:
            if self.comparer.matches_deprecated(post):
                logger.warn("Deprecation:",
                            f"A call to '{{% post_url {self.original} %}}' did not match a post "
                            "using the new matching method of checking name (path-date-slug) "
                            "equality. Please make sure that you change this tag to match the "
                            "post's name exactly.")
                return buffer.write(relative_url_of(post, site.config))
        raise JekyllTagError(
            f"Could not find post \"{self.original}\" in tag 'post_url'. "
            "Make sure the post exists and the name is correct.")


class PostUrlTag(Tag):
    name = "post_url"
    block = False

    def parse(self, stream):
        token, markup = read_markup(stream)
        original = markup.strip()
        try:
            comparer = PostComparer(original)
        except ValueError as err:
            raise JekyllTagError(
                f"Could not parse name of post \"{original}\" in tag 'post_url'. "
                "Make sure the post exists and the name is correct. "
                f"Jekyll::Errors::InvalidPostNameError: {err}") from err
        return PostUrlNode(token, comparer, original)
