"""jekyll-seo-tag 2.8: `{% seo %}` (and `{% seo title=false %}`).

It writes the page's <title>, Open Graph and Twitter meta tags, canonical URL, prev/next
links of a paginator, site verification codes and a JSON-LD script. What it reads:

- page: title, description (else the excerpt), author / authors (a name may be a key of
  site.data.authors, or a hash with name, twitter, url, type), image (a path or a hash with
  path / facebook / twitter, height, width, alt), date, last_modified_at, lang, locale,
  canonical_url, twitter.card, and `seo:` {name, type, links, date_modified};
- site: title (or name), tagline, description, url, author, lang, locale, logo, social
  {name, links}, twitter {username, card}, facebook {admins, publisher, app_id},
  webmaster_verifications {google, bing, alexa, yandex, baidu, facebook},
  google_site_verification, seo_paginator_message.

Text values go through markdownify | strip_html | normalize_whitespace | escape_once, as the
gem does, so titles come out smart-quoted and escaped.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cached_property

from liquid.ast import Node
from liquid.tag import Tag

from jekyll_py.liquid.tags.markup import read_markup
from jekyll_py.plugins.common import call_filter, minify, read_template, site_of

VERSION = "2.8.0"
TITLE_SEPARATOR = " | "
HOMEPAGE_OR_ABOUT_RE = re.compile(r"^/(about/)?(index\.html?)?$", re.M)
# Whitespace after a brace, or after '>' or ',' ending a line, is dropped (not before a '-').
MINIFY_PATTERN = r"(?:(?<=[{}])|(?<=[>,]\n))\s+(?!-)"
_ABSOLUTE_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_FORMAT_REF_RE = re.compile(r"%<(\w+)>s|%\{(\w+)\}")


def register(site) -> None:
    site.liquid.register_tag(SeoTag)


def present(value) -> bool:
    """Ruby truthiness: everything but nil and false."""
    return value is not None and value is not False and \
        not type(value).__name__.endswith("Undefined")


def first_present(*values):
    for value in values:
        if present(value):
            return value
    return None


def get(mapping, key):
    """mapping[key], or None when it is not a hash or has no such key."""
    if isinstance(mapping, Mapping):
        try:
            value = mapping[key]
        except (KeyError, TypeError):
            return None
        return value if present(value) or value is False else None
    return None


def sub_hash(mapping, key) -> Mapping:
    value = get(mapping, key)
    return value if isinstance(value, Mapping) else {}


def is_absolute_url(value) -> bool:
    return isinstance(value, str) and bool(_ABSOLUTE_URL_RE.match(value))


class SeoData:
    """What the template shows as `seo_tag` (the gem's Jekyll::SeoTag::Drop)."""

    def __init__(self, site, page, paginator, markup: str):
        self.site_obj = site
        self.site = site.site_drop
        self.page = page if isinstance(page, Mapping) else {}
        self.paginator = paginator if isinstance(paginator, Mapping) else None
        self.markup = markup
        self.page_seo = sub_hash(self.page, "seo")
        self.site_social = sub_hash(self.site, "social")

    # -- filters ---------------------------------------------------------------------------
    def filter(self, name: str, value, *args):
        return call_filter(self.site_obj, name, value, *args)

    def format_string(self, value):
        for name in ("markdownify", "strip_html", "normalize_whitespace", "escape_once"):
            value = self.filter(name, value)
        return value if value else None

    # -- titles ----------------------------------------------------------------------------
    @cached_property
    def site_title(self):
        return self.format_string(first_present(get(self.site, "title"), get(self.site, "name")))

    @cached_property
    def site_tagline(self):
        return self.format_string(get(self.site, "tagline"))

    @cached_property
    def site_description(self):
        return self.format_string(get(self.site, "description"))

    @cached_property
    def page_title(self):
        return self.format_string(get(self.page, "title")) or self.site_title

    @cached_property
    def title(self):
        site_title, page_title = self.site_title, self.page_title
        site_description = self.site_description
        if site_title and page_title != site_title:
            title = page_title + TITLE_SEPARATOR + site_title
        elif site_description and site_title:
            title = site_title + TITLE_SEPARATOR + (self.site_tagline or site_description)
        else:
            title = page_title or site_title
        number = self.page_number
        return number + title if number and title else title

    @cached_property
    def page_number(self):
        if not self.paginator or not present(get(self.paginator, "page")):
            return None
        current, total = self.paginator["page"], get(self.paginator, "total_pages")
        message = get(self.site, "seo_paginator_message") or "Page %<current>s of %<total>s for "
        values = {"current": current, "total": total}
        if current > 1:
            return _FORMAT_REF_RE.sub(lambda m: str(values.get(m.group(1) or m.group(2))),
                                      str(message))
        return None

    @cached_property
    def show_title(self) -> bool:
        return bool(self.title) and not re.search(r"title=false", self.markup, re.I)

    # -- who and what ----------------------------------------------------------------------
    @cached_property
    def homepage_or_about(self) -> bool:
        return bool(HOMEPAGE_OR_ABOUT_RE.search(str(get(self.page, "url") or "")))

    @cached_property
    def name(self):
        if get(self.page_seo, "name"):
            return self.format_string(self.page_seo["name"])
        if not self.homepage_or_about:
            return None
        if get(self.site_social, "name"):
            return self.format_string(self.site_social["name"])
        return self.site_title

    @cached_property
    def description(self):
        text = first_present(get(self.page, "description"), get(self.page, "excerpt"))
        return self.format_string(text) or self.site_description

    @cached_property
    def author(self) -> dict:
        """The author hash: page.author, the first of page.authors, or site.author; a string
        is a name, completed from site.data.authors[name] when that is a hash."""
        sources = [get(self.page, "author")]
        authors = get(self.page, "authors")
        if isinstance(authors, list):
            sources.append(authors[0] if authors else None)
        sources.append(get(self.site, "author"))
        resolved = next((s for s in sources if present(s) and _ruby_to_s(s) != ""), None)
        if isinstance(resolved, Mapping):
            author = dict(resolved)
        elif isinstance(resolved, str):
            author = {"name": resolved}
            data_authors = get(get(self.site, "data"), "authors")
            extra = get(data_authors, resolved) if isinstance(data_authors, Mapping) else None
            if isinstance(extra, Mapping):
                author.update(extra)
        else:
            author = {}
        twitter = first_present(author.get("twitter"), author.get("name"))
        author["twitter"] = re.sub(r"^@", "", twitter) if isinstance(twitter, str) else None
        return author

    @cached_property
    def image(self):
        """The image hash (path made absolute and escaped), or None without a path."""
        meta = get(self.page, "image")
        if isinstance(meta, Mapping):
            image = {"path": None}
            image.update(meta)
        elif isinstance(meta, str):
            image = {"path": meta}
        else:
            image = {"path": None}
        raw = first_present(image.get("path"), image.get("facebook"), image.get("twitter"))
        if not present(raw):
            return None
        url = raw
        if isinstance(raw, str) and not is_absolute_url(raw):
            url = self.filter("absolute_url", raw)
        path = self.filter("uri_escape", url) if present(url) else None
        if not path:
            return None
        image["path"] = path
        return image

    @cached_property
    def date_modified(self):
        date = first_present(get(self.page_seo, "date_modified"),
                             get(self.page, "last_modified_at"), get(self.page, "date"))
        return self.filter("date_to_xmlschema", date) if present(date) else None

    @cached_property
    def date_published(self):
        date = get(self.page, "date")
        return self.filter("date_to_xmlschema", date) if present(date) else None

    @cached_property
    def type(self):
        if get(self.page_seo, "type"):
            return self.page_seo["type"]
        if self.homepage_or_about:
            return "WebSite"
        if present(get(self.page, "date")):
            return "BlogPosting"
        return "WebPage"

    @cached_property
    def links(self):
        if get(self.page_seo, "links"):
            return self.page_seo["links"]
        if self.homepage_or_about and get(self.site_social, "links"):
            return self.site_social["links"]
        return None

    @cached_property
    def logo(self):
        logo = get(self.site, "logo")
        if not present(logo):
            return None
        if not is_absolute_url(logo):
            logo = self.filter("absolute_url", logo)
        return self.filter("uri_escape", logo)

    @cached_property
    def page_locale(self) -> str:
        lang = first_present(get(self.page, "lang"), get(self.site, "lang"), "en_US")
        locale = first_present(get(self.page, "locale"), get(self.site, "locale"), lang)
        return _ruby_to_s(locale).replace("-", "_")

    @cached_property
    def canonical_url(self):
        canonical = get(self.page, "canonical_url")
        if _ruby_to_s(canonical) == "":
            url = self.filter("absolute_url", get(self.page, "url"))
            return re.sub(r"/index\.html$", "/", _ruby_to_s(url))
        return canonical

    # -- JSON-LD -----------------------------------------------------------------------------
    @cached_property
    def json_ld(self) -> dict:
        author = self.author
        kind = self.type
        data = {"@context": "https://schema.org", "@type": kind}
        author_type = author.get("type")
        if author.get("name") and (not author_type or author_type in ("Organization", "Person")):
            data["author"] = {"@type": author_type or "Person", "name": author["name"]}
            if author.get("url"):
                data["author"]["url"] = author["url"]
        data["dateModified"] = self.date_modified
        data["datePublished"] = self.date_published
        data["description"] = self.description
        data["headline"] = self.page_title
        image = self.image
        if image is not None:
            if len(image) == 1:
                data["image"] = image["path"]
            else:
                shown = {k: v for k, v in image.items() if k != "path"}
                shown["url"] = image["path"]
                shown["@type"] = "imageObject"
                data["image"] = shown
        if kind in ("BlogPosting", "CreativeWork"):
            data["mainEntityOfPage"] = {"@type": "WebPage", "@id": self.canonical_url}
        data["name"] = self.name
        logo = self.logo
        if logo:
            publisher = {"@type": "Organization", "logo": {"@type": "ImageObject", "url": logo}}
            if author.get("name"):
                publisher["name"] = author["name"]
            data["publisher"] = publisher
        data["sameAs"] = self.links
        data["url"] = self.canonical_url
        return {key: data[key] for key in sorted(data) if data[key] is not None}

    def to_template(self) -> dict:
        image = self.image
        return {
            "version": VERSION,
            "show_title": self.show_title,
            "title": self.title,
            "page_title": self.page_title,
            "site_title": self.site_title,
            "author": self.author,
            "page_locale": self.page_locale,
            "description": self.description,
            "canonical_url": self.canonical_url,
            "image": image,
            "json_ld": to_json(self.json_ld),
        }


def _ruby_to_s(value) -> str:
    from jekyll_py.liquid import ruby
    return ruby.to_s(value)


def to_json(value) -> str:
    """Ruby's `to_json`, as the gem's `jsonify` gives it (compact, non-ASCII kept)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_ruby_to_s)


_template = None


def template() -> str:
    global _template
    if _template is None:
        _template = minify(read_template(__file__, "seo.html"), MINIFY_PATTERN)
    return _template


class SeoNode(Node):
    def __init__(self, token, markup: str):
        super().__init__(token)
        self.markup = markup

    def render_to_output(self, context, buffer) -> int:
        site = site_of(context)
        page = context.resolve("page", default=None)
        paginator = context.resolve("paginator", default=None)
        data = SeoData(site, page, paginator, self.markup)
        payload = {
            "site": site.site_drop,
            "page": page,
            "paginator": paginator,
            "jekyll": context.resolve("jekyll", default=None),
            "seo_tag": data.to_template(),
        }
        return buffer.write(site.liquid.render(template(), payload, name="jekyll-seo-tag",
                                               cache_key=("jekyll-seo-tag", "seo.html")))


class SeoTag(Tag):
    name = "seo"
    block = False

    def parse(self, stream):
        token, markup = read_markup(stream)
        return SeoNode(token, markup)
