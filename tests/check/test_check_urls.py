"""Resolving and classifying URLs for `jekyll-py check`, and which file serves a path."""
from __future__ import annotations

import pytest

from jekyll_py.check.site_files import SiteFiles
from jekyll_py.check.urls import (EXTERNAL, INTERNAL, SKIP, classify, normalise_baseurl,
                                  normalise_site_url, resolve)


@pytest.mark.parametrize("url, kind", [
    ("/about/", INTERNAL), ("about.html", INTERNAL), ("#x", INTERNAL), ("?q=1", INTERNAL),
    ("https://example.com/", EXTERNAL), ("HTTP://example.com", EXTERNAL),
    ("//cdn.example.com/x.js", EXTERNAL), ("https://me.example/blog/x", INTERNAL),
    ("https://me.example/other", EXTERNAL), ("mailto:a@b.c", SKIP), ("tel:+1", SKIP),
    ("javascript:void(0)", SKIP), ("data:image/png;base64,AA", SKIP), ("ftp://x/y", SKIP),
])
def test_classify(url, kind):
    assert classify(url, "https://me.example/blog") == kind


def test_normalising_settings():
    assert normalise_baseurl(None) == "" and normalise_baseurl("/") == ""
    assert normalise_baseurl("blog/") == "/blog" and normalise_baseurl("/a/b") == "/a/b"
    assert normalise_site_url("https://me.example/", "/blog") == "https://me.example/blog"
    assert normalise_site_url("", "/blog") == "" and normalise_site_url(None, "") == ""


@pytest.mark.parametrize("url, page, expected", [
    ("/about/", "index.html", ("about/", None, None)),
    ("../x.png", "a/b/index.html", ("a/x.png", None, None)),
    ("../../../x.png", "a/index.html", ("x.png", None, None)),  # browsers stop at the root
    (".", "a/index.html", ("a/", None, None)),
    ("#top", "a/index.html", ("a/index.html", "top", None)),
    ("?q#f", "a/index.html", ("a/index.html", "f", None)),
    ("my%20file.pdf#p=2", "a/index.html", ("a/my file.pdf", "p=2", None)),
    ("https://me.example/x/?q#f", "index.html", ("x/", "f", None)),
    ("https://me.example#f", "a/index.html", ("", "f", None)),
])
def test_resolve_without_baseurl(url, page, expected):
    target = resolve(url, page, baseurl="", site_url="https://me.example")
    assert (target.path, target.fragment, target.outside) == expected


@pytest.mark.parametrize("url, page, expected", [
    ("/blog/about/", "index.html", ("about/", None, None)),
    ("/blog", "index.html", ("", None, None)),
    ("/about/", "index.html", (None, None, "is outside the site's baseurl /blog")),
    ("../x", "index.html", (None, None, "is outside the site's baseurl /blog")),
    ("../x", "a/index.html", ("x", None, None)),
    ("https://me.example/blog/x#f", "a/index.html", ("x", "f", None)),
])
def test_resolve_with_baseurl(url, page, expected):
    target = resolve(url, page, baseurl="/blog", site_url="https://me.example/blog")
    assert (target.path, target.fragment, target.outside) == expected


def test_base_element_moves_relative_urls():
    target = resolve("img/x.png", "a/index.html", baseurl="", site_url="", base="/docs/")
    assert target.path == "docs/img/x.png"
    assert resolve("#f", "a/index.html", baseurl="", site_url="", base="/docs/").path == "a/index.html"


def test_site_files_serve_as_jekyll_serve_does(tmp_path):
    for name in ("index.html", "about.html", "docs/index.htm", "blog/post/index.html",
                 "empty/readme.txt", "a b.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    files = SiteFiles(str(tmp_path))
    assert files.resolve("") == "index.html"
    assert files.resolve("about") == "about.html" and files.resolve("about.html") == "about.html"
    assert files.resolve("docs/") == "docs/index.htm" and files.resolve("docs") == "docs/index.htm"
    assert files.resolve("blog/post") == "blog/post/index.html"
    assert files.resolve("blog/") is None and files.resolve("empty/") is None
    assert files.resolve("a b.pdf") == "a b.pdf" and files.resolve("nope/") is None
    assert files.html_files() == ["about.html", "blog/post/index.html", "docs/index.htm",
                                  "index.html"]
