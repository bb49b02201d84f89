"""Unit tests of Liquid behaviours found on real sites (bench/real_sites.md). Every expected
value was produced by the reference Jekyll 4.3.1 on the same markup; the same markup is also
a case page of tests/sites/liquid (built by the reference) where noted."""
from __future__ import annotations

import pathlib

import pytest

from jekyll_py.errors import LiquidException
from jekyll_py.liquid.engine import LiquidEngine
from jekyll_py.liquid.tags.include import ruby_file_join
from sitemodel import HandMadeSite


@pytest.fixture
def site(tmp_path: pathlib.Path) -> HandMadeSite:
    (tmp_path / "_includes" / "analytics-providers").mkdir(parents=True)
    (tmp_path / "_includes" / "analytics-providers" / "google.html").write_text("GA")
    (tmp_path / "_config.yml").write_text("avatar: a.png\n")
    return HandMadeSite(tmp_path)


def render(site, text: str, page: dict | None = None, warnings: list | None = None) -> str:
    engine = LiquidEngine(site)
    engine.warning_handler = (warnings.append if warnings is not None else (lambda _: None))
    return engine.render(text, site.payload(page or {}, "a.html"), name="a.html")


# -- include paths (cases include/leading-slash*) --------------------------------------------
def test_ruby_file_join_keeps_one_separator():
    assert ruby_file_join("/s/_includes", "/x.html") == "/s/_includes/x.html"
    assert ruby_file_join("/s/_includes/", "x.html") == "/s/_includes/x.html"
    assert ruby_file_join("", "x.html") == "/x.html"


def test_include_with_leading_slash_is_found_under_includes(site):
    assert render(site, "{% include /analytics-providers/google.html %}") == "GA"


def test_include_with_dot_slash_is_refused(site):
    with pytest.raises(LiquidException, match="File contains invalid characters or sequences"):
        render(site, "{% include ./analytics-providers/google.html %}")
