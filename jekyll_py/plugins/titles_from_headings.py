"""jekyll-titles-from-headings 0.5: a Markdown page with no `title` takes its first heading.

The heading must open the file (`# Title`, `## Title`, `### Title`, or a Setext heading);
its text goes through `markdownify | strip_html | normalize_whitespace` and loses footnote
markers. Config `titles_from_headings:` — `enabled: false` turns it off, `strip_title: true`
(or a page's own `strip_title: true`) removes the heading from the body, `collections: true`
also retitles written collection documents (whose title Jekyll otherwise takes from the
file name). Runs last among the generators (priority lowest).
"""
from __future__ import annotations

import re

from jekyll_py.documents import Excerpt
from jekyll_py.plugins import add_generator
from jekyll_py.plugins.common import call_filter

# The gem's pattern in Ruby's dialect: `.` stops at newlines, `$` ends a line, \s is ASCII.
TITLE_RE = re.compile(r"\A\s*(?:\#{1,3}\s+(.*)(?:\s+\#{1,3})?|(.*)\r?\n[-=]+\s*)$",
                      re.M | re.A)
FOOTNOTE_RE = re.compile(r"\[\^[^\]]*\]")
RUBY_WHITESPACE = " \t\r\n\f\v\0"


def register(site) -> None:
    add_generator(site, generate, "lowest")


def _option(site, key):
    config = site.config.get("titles_from_headings")
    return config.get(key) if isinstance(config, dict) else None


def generate(site) -> None:
    if _option(site, "enabled") is False:
        return
    documents = list(site.pages)
    if _option(site, "collections") is True:
        documents += [d for d in site.documents() if getattr(d, "is_document", False) and d.write]
    markdown = site.markdown_converter()
    for document in documents:
        if not markdown.matches(document.ext) or _has_title(document):
            continue
        document.data["title"] = title_for(site, document)
        if _strip_title(site, document):
            strip_title(document)


def _has_title(document) -> bool:
    # A document's title is inferred from its file name, so it never counts as set.
    return not getattr(document, "is_document", False) and document.data.get("title") is not None


def title_for(site, document):
    match = TITLE_RE.search(document.content or "")
    if not match:
        return document.data.get("title")
    heading = match.group(1) if match.group(1) is not None else match.group(2)
    text = call_filter(site, "markdownify", heading)
    text = call_filter(site, "strip_html", text)
    text = call_filter(site, "normalize_whitespace", text)
    return FOOTNOTE_RE.sub("", str(text))


def _strip_title(site, document) -> bool:
    if "strip_title" in document.data:
        return document.data["strip_title"] is True
    return _option(site, "strip_title") is True


def strip_title(document) -> None:
    if not document.content:
        return
    document.content = TITLE_RE.sub("", document.content).strip(RUBY_WHITESPACE)
    if (getattr(document, "is_document", False) and document.collection.label == "posts"
            and document.generate_excerpt):
        document.data["excerpt"] = Excerpt(document)
