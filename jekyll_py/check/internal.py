"""Checking one page's references against the built site: targets exist, fragments name an
element, images have alt text. External URLs are only collected here (`external.py`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

from jekyll_py.check import parse
from jekyll_py.check.options import CheckOptions
from jekyll_py.check.site_files import HTML_EXTENSIONS, SiteFiles
from jekyll_py.check.urls import EXTERNAL, SKIP, classify, resolve

# Which check covers a kind of reference.
CHECK_OF = {
    parse.LINK: "links", parse.EMPTY_HREF: "links",
    parse.IMAGE: "images", parse.NO_SRC: "images",
    parse.NO_ALT: "alt",
    parse.SCRIPT: "scripts", parse.STYLESHEET: "scripts", parse.EMPTY_SCRIPT: "scripts",
    parse.FAVICON: "favicons",
}

# How a missing target is worded, by kind.
_MISSING = {
    parse.LINK: "internal link to {url} does not exist",
    parse.IMAGE: "image {url} does not exist",
    parse.SCRIPT: "script src {url} does not exist",
    parse.STYLESHEET: "stylesheet {url} does not exist",
    parse.FAVICON: "favicon {url} does not exist",
}

# Fragments that need no element: "#" and "#top" scroll to the top (HTML standard).
_TOP = ("", "top")


@dataclass
class SiteContext:
    """Everything a page check reads, shared by all pages."""
    files: SiteFiles
    ids: dict            # destination-relative HTML path -> set of ids
    options: CheckOptions
    baseurl: str         # "" or "/blog"
    site_url: str        # "" or "https://example.com/blog" (links under it are internal)
    name_of: callable    # destination-relative path -> name in the report
    # (page folder, <base>, url) -> (served file or None, fragment, outside): pages of one
    # site share most links (navigation, footer), so each is resolved once per folder.
    resolved: dict = field(default_factory=dict)

    def served(self, url: str, page) -> tuple:
        same_page = url.startswith(("#", "?"))
        key = (page.path if same_page else page.path.rpartition("/")[0], page.base, url)
        answer = self.resolved.get(key)
        if answer is None:
            target = resolve(url, page.path, baseurl=self.baseurl, site_url=self.site_url,
                             base=page.base)
            served = self.files.resolve(target.path) if target.path is not None else None
            answer = (served, target.fragment, target.outside)
            self.resolved[key] = answer
        return answer


@dataclass
class PageResult:
    problems: list = field(default_factory=list)   # (line, message)
    internal: int = 0                              # internal references checked
    external: list = field(default_factory=list)   # (url, line, rel) for external URLs


def _element_problem(ref) -> str | None:
    if ref.kind == parse.EMPTY_HREF:
        return f"<{ref.tag}> has an empty href"
    if ref.kind == parse.NO_ALT:
        return f'<img src="{ref.url}"> has no alt text' if ref.url else "<img> has no alt text"
    if ref.kind == parse.NO_SRC:
        return f"<{ref.tag}> has no src or srcset"
    if ref.kind == parse.EMPTY_SCRIPT:
        return "<script> has no src and no content"
    return None


def check_page(page: parse.ParsedPage, site: SiteContext) -> PageResult:
    result = PageResult()
    options = site.options
    for ref in page.refs:
        if not options.enabled(CHECK_OF[ref.kind]):
            continue
        element_problem = _element_problem(ref)
        if element_problem:
            result.problems.append((ref.line, element_problem))
            continue
        url = ref.url
        if options.url_ignored(url):
            continue
        kind = classify(url, site.site_url)
        if kind == SKIP:
            continue
        if kind == EXTERNAL:
            result.external.append((url, ref.line, ref.rel))
            continue
        result.internal += 1
        message = _check_internal(ref, page, site)
        if message:
            result.problems.append((ref.line, message))
    return result


def _check_internal(ref, page: parse.ParsedPage, site: SiteContext) -> str | None:
    served, fragment, outside = site.served(ref.url, page)
    if outside:
        noun = "internal link to" if ref.kind == parse.LINK else ref.kind
        return f"{noun} {ref.url} {outside}"
    if served is None:
        return _MISSING[ref.kind].format(url=ref.url)
    if (ref.kind != parse.LINK or fragment is None or fragment in _TOP
            or fragment.startswith(":~:")  # a text fragment names text, not an element
            or not site.options.enabled("anchors")
            or not served.lower().endswith(HTML_EXTENSIONS)):
        return None
    ids = site.ids.get(served, ())
    if fragment in ids or unquote(fragment) in ids:
        return None
    where = "" if served == page.path else f" in {site.name_of(served)}"
    return f'link to {ref.url}: no element with id "{fragment}"{where}'
