"""jekyll-readme-index 0.3: a folder's README becomes its index page when it has none.

A README with a Markdown extension (`README.md`, `readme.markdown`, ...) that Jekyll read
as a static file (no front matter) is turned into a page at its folder's URL, unless the
folder already has an index. Config `readme_index:` — `enabled: false` turns it off,
`remove_originals: true` stops the README from also being copied as it is,
`with_frontmatter: true` also moves READMEs that have front matter to their folder's URL.
Runs after the other generators of normal priority (priority low), so after
jekyll-optional-front-matter, which leaves READMEs alone.
"""
from __future__ import annotations

import posixpath
import re

from jekyll_py.documents import Page
from jekyll_py.plugins import add_generator

INDEX_RE = r"$|index\.(html?|xhtml|xml)$"


def register(site) -> None:
    add_generator(site, generate, "low")


def _option(site, key):
    config = site.config.get("readme_index")
    return config.get(key) if isinstance(config, dict) else None


def readme_re(site):
    markdown = site.config.get("markdown_ext") or ""
    extensions = [re.escape("." + ext.strip()) for ext in str(markdown).split(",")]
    return re.compile(r"/readme(" + "|".join(extensions) + r")$", re.I | re.M)


def generate(site) -> None:
    if _option(site, "enabled") is False:
        return
    pattern = readme_re(site)
    readmes = [f for f in site.static_files if pattern.search(f.relative_path)]
    for readme in readmes:
        if dir_has_index(site, posixpath.dirname(readme.url)):
            continue
        site.pages.append(to_page(site, readme))
        if _option(site, "remove_originals") is True:
            site.static_files.remove(readme)
    if _option(site, "with_frontmatter") is True:
        for page in [p for p in site.pages if pattern.search("/" + _page_path(p))]:
            if not dir_has_index(site, posixpath.dirname(page.url)):
                move_to_folder_url(page)


def _page_path(page) -> str:
    return str(page.data.get("path", page.relative_path))


def dir_has_index(site, directory: str) -> bool:
    """Whether a page or static file already sits at the folder's URL. The gem's pattern
    (`^DIR/$|index.html$`, an alternation) also counts any URL ending in an index file."""
    if not directory.endswith("/"):
        directory += "/"
    pattern = re.compile(r"^" + re.escape(directory) + INDEX_RE, re.I | re.M)
    return any(pattern.search(item.url) for item in list(site.pages) + list(site.static_files))


def to_page(site, static_file) -> Page:
    page = Page(site, static_file.dir_, static_file.name)
    page.data["permalink"] = posixpath.dirname(static_file.url) + "/"
    page._url = None
    return page


def move_to_folder_url(page) -> None:
    page.data["permalink"] = posixpath.dirname(page.url) + "/"
    page._url = None
