"""Reading one built HTML file: the element ids it defines and every reference it makes.

Parsing is the slow part of a check, so each file is parsed once, into a small picklable
`ParsedPage` (worker processes send these back), and nothing here depends on the options:
what to do with a reference is decided later (`internal.py`, `external.py`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

# What a reference is, which decides how it is checked and worded:
LINK = "link"              # <a href>, <link href> (other than the kinds below)
IMAGE = "image"            # <img src>, <img srcset>, <source src/srcset>
SCRIPT = "script"          # <script src>
STYLESHEET = "stylesheet"  # <link rel="stylesheet" href>
FAVICON = "favicon"        # <link rel="icon" href> (also "shortcut icon", "apple-touch-icon")
# Element problems found while reading (no URL to resolve):
EMPTY_HREF = "empty-href"  # <a href=""> or <link href="">
NO_ALT = "no-alt"          # <img> without an alt attribute
NO_SRC = "no-src"          # <img>/<source> with neither src nor srcset
EMPTY_SCRIPT = "empty-script"  # <script> with no src and no content


class Reference(NamedTuple):  # a tuple: thousands cross from worker processes, cheaply
    kind: str
    url: str        # the attribute as written (one candidate for a srcset)
    line: int       # line in the built file where the start tag ends (libxml2 counts so)
    tag: str        # element name, for messages
    rel: str = ""   # the <link> rel, to skip hints such as preconnect when fetching


@dataclass
class ParsedPage:
    path: str                       # relative to the destination, with / separators
    ids: set = field(default_factory=set)    # id attributes and <a name> values
    refs: list = field(default_factory=list)
    base: str | None = None         # <base href>, which relative URLs resolve against


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset attribute, without their descriptors ("2x", "640w"), read as
    the HTML standard reads it: a URL runs to the next space (trailing commas end it), and
    its descriptors run to the next comma outside parentheses."""
    urls = []
    position, length = 0, len(value)
    while position < length:
        while position < length and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < length and not value[position].isspace():
            position += 1
        url = value[start:position]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0
            while position < length and (value[position] != "," or depth):
                depth += {"(": 1, ")": -1}.get(value[position], 0)
                position += 1
        if url:
            urls.append(url)
    return urls


def _icon_rel(rel: str) -> bool:
    return any(word in ("icon", "apple-touch-icon", "apple-touch-icon-precomposed")
               for word in rel.split())


def _ignored(element) -> bool:
    """data-proofer-ignore on the element or an ancestor (html-proofer's opt-out, kept for
    sites that already use it)."""
    if element.get("data-proofer-ignore") is not None:
        return True
    return any(a.get("data-proofer-ignore") is not None for a in element.iterancestors())


def parse_html(data: bytes, path: str) -> ParsedPage:
    page = ParsedPage(path)
    if not data.strip():
        return page
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.LxmlError:  # libxml2 recovers from nearly anything; what it cannot read has no links
        return page
    if root is None:
        return page
    has_ignores = bool(root.xpath("//*[@data-proofer-ignore]"))
    refs = page.refs
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):  # comments, processing instructions
            continue
        attrib = element.attrib
        element_id = attrib.get("id")
        if element_id:
            page.ids.add(element_id)
        if tag not in _REFERENCING_TAGS:
            continue
        if tag == "a" and attrib.get("name"):
            page.ids.add(attrib["name"])
        if has_ignores and _ignored(element):
            continue
        line = element.sourceline or 0
        if tag == "a":
            href = attrib.get("href")
            if href is None:
                continue  # a placeholder or a named anchor: nothing to follow
            href = href.strip()
            refs.append(Reference(LINK if href else EMPTY_HREF, href, line, tag))
        elif tag == "link":
            href = attrib.get("href")
            if href is None:
                continue
            href = href.strip()
            rel = (attrib.get("rel") or "").lower()
            if not href:
                refs.append(Reference(EMPTY_HREF, href, line, tag, rel))
            elif "stylesheet" in rel.split():
                refs.append(Reference(STYLESHEET, href, line, tag, rel))
            elif _icon_rel(rel):
                refs.append(Reference(FAVICON, href, line, tag, rel))
            else:
                refs.append(Reference(LINK, href, line, tag, rel))
        elif tag in ("img", "source"):
            src = (attrib.get("src") or "").strip()
            srcset = (attrib.get("srcset") or "").strip()
            if tag == "img" and "alt" not in attrib and attrib.get("aria-hidden") != "true":
                refs.append(Reference(NO_ALT, src, line, tag))
            if src:
                refs.append(Reference(IMAGE, src, line, tag))
            for url in srcset_urls(srcset) if srcset else ():
                refs.append(Reference(IMAGE, url, line, tag))
            # <source> inside <video>/<audio> uses src; inside <picture> srcset: either will do.
            if not src and not srcset:
                refs.append(Reference(NO_SRC, "", line, tag))
        elif tag == "script":
            src = attrib.get("src")
            if src is not None and src.strip():
                refs.append(Reference(SCRIPT, src.strip(), line, tag))
            elif not (element.text or "").strip():
                refs.append(Reference(EMPTY_SCRIPT, "", line, tag))
        elif tag == "base" and page.base is None:
            base = (attrib.get("href") or "").strip()
            page.base = base or None
    return page


_REFERENCING_TAGS = frozenset(("a", "link", "img", "source", "script", "base"))


def parse_file(args: tuple[str, str]) -> ParsedPage:
    """Parse the file at absolute path `args[0]`, known in the report as `args[1]` (the path
    relative to the destination). One tuple argument, for Pool.imap."""
    absolute, relative = args
    with open(absolute, "rb") as handle:
        return parse_html(handle.read(), relative)
