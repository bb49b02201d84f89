"""jekyll-github-metadata's `{% github_edit_link ["link text"] %}` tag.

The URL of the page on GitHub's editor: `site.github.repository_url`, `edit/`, the Pages source
branch and folder, then `page.path`, each part without its leading slash and (but the last)
with a trailing one, joined as URIs and normalised (Addressable). With link text in quotes the
tag gives `<a href="URL">text</a>`, without it the bare URL. When a part is missing (no
`site.github` hash, no page path) it warns and the URL is empty, as the gem does.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urljoin

from liquid.ast import Node
from liquid.tag import Tag

from jekyll_py.liquid.filters.url import normalize_uri
from jekyll_py.liquid.tags.markup import read_markup
from jekyll_py.log import logger
from jekyll_py.plugins.common import site_of

MISSING_DATA = "Cannot generate edit URLs due to missing site.github data"
LINK_TEXT_RE = re.compile(r"""(?:"(.*)"|'(.*)')""")


def _get(mapping, key):
    """`hash[key]` when the value answers `[]` (a Mapping here), else nil."""
    return mapping.get(key) if isinstance(mapping, Mapping) else None


def edit_url(site_github, page) -> str:
    source = _get(site_github, "source") or {}
    parts = [_get(site_github, "repository_url"), "edit/", _get(source, "branch"),
             _get(source, "path"), _get(page, "path")]
    if any(part is None for part in parts):
        logger.warn("JekyllEditLink:", MISSING_DATA)
        return ""
    url = ""
    for index, part in enumerate(parts):
        part = str(part)
        part = part[1:] if part.startswith("/") else part
        if index < len(parts) - 1 and not part.endswith("/"):
            part += "/"
        part = "" if part == "/" else part
        url = part if index == 0 else urljoin(url, part)
    return normalize_uri(url)


class EditLinkNode(Node):
    def __init__(self, token, markup: str):
        super().__init__(token)
        self.markup = markup

    def render_to_output(self, context, buffer) -> int:
        site = site_of(context)
        url = edit_url(site.config.get("github") or {}, context.resolve("page", default=None))
        match = LINK_TEXT_RE.search(self.markup)
        text = (match.group(1) if match.group(1) is not None else match.group(2)) \
            if match else None
        if text is not None:  # "" is true in Ruby
            return buffer.write(f'<a href="{url}">{text}</a>')
        return buffer.write(url)


class EditLinkTag(Tag):
    name = "github_edit_link"
    block = False

    def parse(self, stream):
        token, markup = read_markup(stream)
        return EditLinkNode(token, markup)
