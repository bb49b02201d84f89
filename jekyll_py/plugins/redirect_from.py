"""jekyll-redirect-from 0.16: `redirect_from` and `redirect_to` in front matter.

- `redirect_from: /old/` (a string or a list) on a page or a written document adds a stub
  page at each old URL that sends the browser to the document's URL.
- `redirect_to: URL` turns the document itself into such a stub.
- Stubs use the site's `redirect` layout, or the plugin's own one; they are left out of the
  sitemap. `redirects.json` (old URL -> target) is written unless the source has one or the
  config says `redirect_from: {json: false}`.
"""
from __future__ import annotations

import json
import os
import re

from jekyll_py.documents import GeneratedPage
from jekyll_py.plugins import add_generator
from jekyll_py.plugins.common import TemplateLayout, call_filter

# The default layout, written so its output is byte-for-byte the gem's stub page.
REDIRECT_LAYOUT = """<!DOCTYPE html>
<html lang="en-US">
  <meta charset="utf-8">
  <title>Redirecting&hellip;</title>
  <link rel="canonical" href="{{ page.redirect.to }}">
  <script>location="{{ page.redirect.to }}"</script>
  <meta http-equiv="refresh" content="0; url={{ page.redirect.to }}">
  <meta name="robots" content="noindex">
  <h1>Redirecting&hellip;</h1>
  <a href="{{ page.redirect.to }}">Click here if you are not redirected.</a>
</html>
"""

_ABSOLUTE_HTTP_RE = re.compile(r"^https?://")


def register(site) -> None:
    add_generator(site, generate)


def redirect_from(doc) -> list:
    value = doc.data.get("redirect_from")
    if isinstance(value, list):
        return [v for v in value if v is not None]
    return [] if value is None else [value]


def redirect_to(doc):
    value = doc.data.get("redirect_to")
    if isinstance(value, list):
        value = next((v for v in value if v is not None), None)
    return value


class RedirectPage(GeneratedPage):
    """A stub page at `source_url` that sends the browser to `target`."""

    def __init__(self, site, source_url, target):
        super().__init__(site, "", "redirect.html", "", {"sitemap": False, "layout": "redirect"})
        source_url = str(source_url)
        if not source_url.startswith("/"):
            source_url = "/" + source_url
        target = str(target)
        if not _ABSOLUTE_HTTP_RE.match(target):
            target = call_filter(site, "absolute_url", target)
        # What the stub's own front matter would be (front-matter defaults aside).
        self.own_data = {"sitemap": False, "layout": "redirect", "permalink": source_url,
                         "redirect": {"from": source_url, "to": target}}
        self.data.update(self.own_data)

    @property
    def source_url(self) -> str:
        return self.data["redirect"]["from"]

    @property
    def target(self) -> str:
        return self.data["redirect"]["to"]


def generate(site) -> None:
    if "redirect" not in site.layouts:
        site.layouts["redirect"] = TemplateLayout("jekyll-redirect-from", "redirect.html",
                                                  REDIRECT_LAYOUT)
    redirects = {}
    documents = [d for d in site.documents() if getattr(d, "is_document", False) and d.write]
    for doc in documents + list(site.pages):
        for old_url in redirect_from(doc):
            stub = RedirectPage(site, old_url, doc.url)
            site.pages.append(stub)
            redirects[stub.source_url] = stub.target
        target = redirect_to(doc)
        if target is not None:
            stub = RedirectPage(site, doc.url, target)
            doc.data.update(stub.own_data)
            doc.content = ""
            redirects[stub.source_url] = stub.target
    if _json_enabled(site) and not _source_has(site, "redirects.json"):
        page = GeneratedPage(site, "", "redirects.json", _to_json(redirects))
        page.data["layout"] = None
        site.pages.append(page)


def _json_enabled(site) -> bool:
    config = site.config.get("redirect_from")
    return not (isinstance(config, dict) and config.get("json") is False)


def _source_has(site, name: str) -> bool:
    return os.path.exists(os.path.join(site.source, name))


def _to_json(value) -> str:
    """Ruby's `to_json`: compact, non-ASCII kept, `/` not escaped."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
