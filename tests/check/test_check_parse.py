"""Reading built HTML for `jekyll-py check`: references with their lines, ids, srcset, and
parsing many files on worker processes gives what one process gives."""
from __future__ import annotations

from jekyll_py.check import parse
from jekyll_py.check.parse import Reference, parse_html, srcset_urls
from jekyll_py.check.scan import PARALLEL_THRESHOLD, parse_pages


def test_srcset_urls():
    assert srcset_urls("a.png 1x, b.png 2x") == ["a.png", "b.png"]
    assert srcset_urls(" a.png ") == ["a.png"]
    assert srcset_urls("a,b.png 100w,c.png 200w") == ["a,b.png", "c.png"]
    assert srcset_urls("x.png, y.png") == ["x.png", "y.png"]
    assert srcset_urls("") == []


def test_references_ids_and_lines():
    html = ("<!DOCTYPE html>\n<html><head>\n"
            "<link rel=\"stylesheet\" href=\"/s.css\"><link rel=\"preconnect\" href=\"https://f.example\">\n"
            "<base href=\"/docs/\"></head>\n<body>\n"
            "<h1 id=\"t\">T</h1><a name=\"n\"></a><span name=\"not-an-anchor\"></span>\n"
            "<a\n  href=\"x.html\">a tag over two lines</a>\n"
            "<div data-proofer-ignore><p><a href=\"/ignored\">i</a></p></div>\n"
            "<img src=\"i.png\"><script src=\"/j.js\"></script><script>code()</script>\n"
            "<p id=\"\u4e2d\u6587\">non-ASCII id</p>\n"
            "</body></html>\n").encode()
    page = parse_html(html, "docs/index.html")
    assert page.ids == {"t", "n", "\u4e2d\u6587"}
    assert page.base == "/docs/"
    assert page.refs == [
        Reference(parse.STYLESHEET, "/s.css", 3, "link", "stylesheet"),
        Reference(parse.LINK, "https://f.example", 3, "link", "preconnect"),
        Reference(parse.LINK, "x.html", 8, "a"),  # libxml2: the line the start tag ends on
        Reference(parse.NO_ALT, "i.png", 10, "img"),
        Reference(parse.IMAGE, "i.png", 10, "img"),
        Reference(parse.SCRIPT, "/j.js", 10, "script"),
    ]


def test_empty_file_has_nothing():
    page = parse_html(b"  \n", "x.html")
    assert page.refs == [] and page.ids == set()


def test_parallel_parse_matches_serial(tmp_path):
    names = [f"p{i}.html" for i in range(PARALLEL_THRESHOLD + 10)]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(f'<p id="i{i}">\n<a href="p{i + 1}.html#i{i + 1}">n</a></p>')
    serial = parse_pages(str(tmp_path), names, jobs=1)
    parallel = parse_pages(str(tmp_path), names, jobs=2)
    assert [(p.path, p.ids, p.refs) for p in parallel] == [(p.path, p.ids, p.refs) for p in serial]
    assert serial[3].refs == [Reference(parse.LINK, "p4.html#i4", 2, "a")]
