"""jekyll-relative-links 0.7: Markdown links to source files become links to their URLs.

In every Markdown page (and, with `relative_links: {collections: true}`, every written
collection document), a link `[text](other.md)` or reference `[id]: sub/other.md "title"`
whose target is the source path of a page, static file or written document (relative to
the linking file, or to the site root when it starts with `/`) is rewritten to that item's
`relative_url`. Fragments and titles are kept; links to fragments or to absolute URLs are
left alone. `relative_links: {enabled: false}` turns it off, `exclude:` (globs) skips files.
Runs last among the generators (priority lowest), after pages are read and made.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote_plus

from jekyll_py.documents import Excerpt
from jekyll_py.plugins import add_generator
from jekyll_py.plugins.common import call_filter
from jekyll_py.reader import EntryFilter

# The gem's patterns, in Ruby's regex dialect: `.` stops at newlines, `^`/`$` are line
# anchors (re.M), \s is ASCII. Its title pattern's second branch opens with `"` (sic).
_TEXT = r"(.*?)"
_FRAGMENT = r"(#.+?|)?"
_TITLE = r"""(\s+"(?:\\"|[^"])*(?<!\\)"|\s+"(?:\\'|[^'])*(?<!\\)')?"""
_INLINE = rf"\[{_TEXT}\]\(([^)]+?){_FRAGMENT}{_TITLE}\)"
_REFERENCE = rf"^\s*?\[{_TEXT}\]: (.+?){_FRAGMENT}{_TITLE}\s*?$"
LINK_RE = re.compile(rf"({_INLINE}|{_REFERENCE})", re.M | re.A)
_SCHEME_RE = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*:")


def register(site) -> None:
    add_generator(site, generate, "lowest")


def _option(site, key):
    config = site.config.get("relative_links")
    return config.get(key) if isinstance(config, dict) else None


def generate(site) -> None:
    if _option(site, "enabled") is False:
        return
    documents = list(site.pages)
    written_docs = [d for d in site.documents() if getattr(d, "is_document", False) and d.write]
    if _option(site, "collections") is True:
        documents += written_docs
    # The gem looks targets up once, among what exists when it runs.
    targets = list(site.pages) + list(site.static_files) + written_docs
    markdown = site.markdown_converter()
    for document in documents:
        if not markdown.matches(document.ext) or _excluded(site, document):
            continue
        rewrite_links(site, document, targets)


def _excluded(site, document) -> bool:
    patterns = _option(site, "exclude")
    if not patterns:
        return False
    patterns = patterns if isinstance(patterns, list) else [patterns]
    return EntryFilter(site)._glob_include(patterns, document.relative_path)


def rewrite_links(site, document, targets) -> None:
    if document.content is None:
        return
    url_base = posixpath.dirname(document.relative_path)

    def replace(match):
        inline = match.group(2) is not None
        text, path, fragment, title = (match.group(2, 3, 4, 5) if inline
                                       else match.group(6, 7, 8, 9))
        if path.startswith("#") or _is_absolute_url(path):
            return match.group(0)
        url = _url_for(site, _path_from_root(path, url_base), targets)
        if url is None:
            return match.group(0)
        url += fragment or ""
        if inline:
            return f"[{text}]({url}{title or ''})"
        return f"\n[{text}]: {url}{title or ''}"

    document.content = LINK_RE.sub(replace, document.content)
    if document.data.get("excerpt"):
        document.data["excerpt"] = Excerpt(document)


def _is_absolute_url(link: str) -> bool:
    """Addressable's `absolute?`: the link starts with a scheme."""
    return bool(_SCHEME_RE.match(link))


def _path_from_root(link: str, url_base: str) -> str | None:
    """The link's target relative to the site root (Ruby's File.expand_path from the
    source); None when it climbs out of the source."""
    is_absolute = link.startswith("/")
    link = link[1:] if is_absolute else link
    joined = posixpath.normpath(posixpath.join("" if is_absolute else url_base, link))
    if joined == ".." or joined.startswith("../"):
        return None
    return "" if joined == "." else joined


def _url_for(site, path, targets):
    if path is None:
        return None
    path = unquote_plus(path)
    for target in targets:
        relative = target.relative_path
        if (relative[1:] if relative.startswith("/") else relative) == path:
            return call_filter(site, "relative_url", target.url) if target.url else None
    return None
