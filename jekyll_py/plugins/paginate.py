"""jekyll-paginate 1.1: `paginator` for the site's posts.

With `paginate: N` in the config, the deepest `index.html` page on the way to `paginate_path`
(default `/page:num`) is the template: it shows posts 1..N itself, and copies of it at
`paginate_path` (`:num` = 2, 3, ...) show the next ones. Posts with `hidden: true` are left
out. Templates read `paginator.page`, `per_page`, `posts`, `total_posts`, `total_pages`,
`previous_page`, `previous_page_path`, `next_page`, `next_page_path`.
"""
from __future__ import annotations

import math
import os

from jekyll_py.documents import Page
from jekyll_py.errors import JekyllError
from jekyll_py.log import logger
from jekyll_py.plugins import add_generator


def register(site) -> None:
    add_generator(site, generate, "lowest")


def _leading_slash(path: str) -> str:
    return path if path.startswith("/") else "/" + path


class Pager:
    """One page of posts (Jekyll::Paginate::Pager)."""

    def __init__(self, site, number: int, all_posts: list, total_pages: int, first_page_url):
        self.page = number
        self.per_page = per_page(site)
        self.total_pages = total_pages
        start = (number - 1) * self.per_page
        self.total_posts = len(all_posts)
        self.posts = all_posts[start:start + self.per_page]
        self.previous_page = number - 1 if number != 1 else None
        self.next_page = number + 1 if number != total_pages else None
        self.previous_page_path = page_path(site, self.previous_page, first_page_url)
        self.next_page_path = page_path(site, self.next_page, first_page_url)

    def to_liquid(self) -> dict:
        return {
            "page": self.page,
            "per_page": self.per_page,
            "posts": [post.to_liquid() for post in self.posts],
            "total_posts": self.total_posts,
            "total_pages": self.total_pages,
            "previous_page": self.previous_page,
            "previous_page_path": self.previous_page_path,
            "next_page": self.next_page,
            "next_page_path": self.next_page_path,
        }


def per_page(site) -> int:
    value = site.config.get("paginate")
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number <= 0:
        raise JekyllError(f"Pagination: 'paginate' must be a positive number, not {value!r}.")
    return number


def page_path(site, number, first_page_url):
    """The URL of page `number` (page 1 is the template's own URL)."""
    if number is None:
        return None
    if number <= 1:
        return first_page_url
    return _leading_slash(str(site.config.get("paginate_path")).replace(":num", str(number), 1))


def is_candidate(site, page) -> bool:
    """An `index.html` in the paginate_path's folder or one of its parents."""
    if page.name != "index.html":
        return False
    source = site.source.rstrip("/") or "/"
    page_dir = os.path.dirname(os.path.normpath(os.path.join(source, page.relative_path)))
    target = os.path.normpath(os.path.join(
        source, str(site.config.get("paginate_path") or "").lstrip("/")))
    folder = os.path.dirname(target)
    while folder != os.path.dirname(folder):  # stop at the filesystem root
        if page_dir == folder:
            return True
        folder = os.path.dirname(folder)
    return False


def template_page(site):
    candidates = [p for p in site.pages if is_candidate(site, p)]
    candidates.sort(key=lambda p: len(p.relative_path), reverse=True)
    return candidates[0] if candidates else None


def generate(site) -> None:
    if site.config.get("paginate") is None or not site.pages:
        return
    template = template_page(site)
    if template is None:
        logger.warn("Pagination:", "Pagination is enabled, but I couldn't find an index.html "
                                   "page to use as the pagination template. Skipping pagination.")
        return
    paginate(site, template)


def paginate(site, template) -> None:
    posts = sorted(site.posts.docs, key=lambda d: d.sort_key(), reverse=True)
    posts = [post for post in posts if not post.data.get("hidden")]
    total = math.ceil(len(posts) / per_page(site))
    first_url = template.url
    for number in range(1, total + 1):
        pager = Pager(site, number, posts, total, first_url)
        if number == 1:
            template.pager = pager
            continue
        page = Page(site, template.dir_, template.name)
        page.pager = pager
        page.dir_ = page_path(site, number, first_url)
        page._url = None
        site.pages.append(page)
