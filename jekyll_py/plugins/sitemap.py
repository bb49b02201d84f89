"""jekyll-sitemap 1.4: `sitemap.xml` and `robots.txt`.

The sitemap lists the documents of written collections, the HTML pages and the static
.html/.pdf files, leaving out anything with `sitemap: false` and the 404 page. Neither file
is generated when the source already has one at that URL. The generator runs last
(priority lowest), so pages other generators add (pagination) are listed.
"""
from __future__ import annotations

from jekyll_py.documents import GeneratedPage
from jekyll_py.plugins import add_generator
from jekyll_py.plugins.common import minify, read_template, source_has_page_or_file

# Whitespace after a '>' that ends a line, or after a Liquid tag, is dropped from the template.
MINIFY_PATTERN = r"(?:(?<=>\n)|(?<=}))\s+"
STATIC_EXTENSIONS = (".htm", ".html", ".xhtml", ".pdf")


def register(site) -> None:
    add_generator(site, generate, "lowest")


def generate(site) -> None:
    has_sitemap = source_has_page_or_file(site, "/sitemap.xml")
    has_robots = source_has_page_or_file(site, "/robots.txt")
    if not has_sitemap:
        site.pages.append(sitemap_page(site))
    if not has_robots:
        page = GeneratedPage(site, "", "robots.txt", read_template(__file__, "robots.txt"))
        page.data["layout"] = None
        site.pages.append(page)


def sitemap_page(site) -> GeneratedPage:
    content = minify(read_template(__file__, "sitemap.xml"), MINIFY_PATTERN)
    page = GeneratedPage(site, "", "sitemap.xml", content)
    page.data["layout"] = None
    page.data["static_files"] = [f.to_liquid() for f in site.static_files
                                 if f.extname in STATIC_EXTENSIONS]
    page.data["xsl"] = source_has_page_or_file(site, "/sitemap.xsl")
    return page

