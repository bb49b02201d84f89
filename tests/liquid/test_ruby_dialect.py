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


# -- Ruby's strict-then-lax parsing (cases lax/*, reserved/*) -------------------------------
@pytest.mark.parametrize("template,page,expected", [
    # L1, beautiful-jekyll: the lax parser reads past the parentheses
    ("{% if site.avatar and (layout.show-avatar or page.show-avatar) %}A{% else %}B{% endif %}",
     {"show-avatar": True}, "A"),
    ("{% if (page.n > 2) %}A{% else %}B{% endif %}", {"n": 3}, "B"),
    ("{% if false or true and false %}A{% else %}B{% endif %}", {}, "B"),
    # L4, academicpages: an assign whose source is in parentheses is filtered
    ("{% assign t = \"c,b,a\" %}{% assign h = (t | split: ',' | sort:0) %}{{ h | join: \"-\" }}",
     {}, "a-b-c"),
    # L5: a filter after a for collection is ignored
    ('{% assign l = "c,b,a" | split: "," %}{% for n in l | sort %}{{ n }}{% endfor %}', {}, "cba"),
    ("{% for i in (1..3) | reverse %}{{ i }}{% endfor %}", {}, "123"),
    # L6, TeXt: a stray } after a filter chain
    ('{%- assign e = "a b" | strip | url_encode } -%}[{{ e }}]', {}, "[a+b]"),
    ("{{ \"abc\".size }}|{{ 'it''s' }}", {}, "abc|it"),
    ('{{ "a" | append: "b" "c" }}', {}, "ab"),
    ("{% if page.n contains 3 %}Y{% else %}N{% endif %}", {"n": 3}, "N"),
    # words python-liquid reserves are names in Ruby Liquid
    ("{% assign limit = 2 %}{% assign offset = 1 %}{% assign l = \"a,b,c,d\" | split: \",\" %}"
     "{% for x in l limit: limit offset: offset %}{{ x }}{% endfor %}", {}, "bc"),
    ('{% assign not = "n" %}{% assign in = "i" %}{% assign with = "w" %}{{ not }}{{ in }}{{ with }}',
     {}, "niw"),
    ("{{ page.h.empty }}{{ page.h.limit }}", {"h": {"empty": "E", "limit": "L"}}, "EL"),
])
def test_markup_read_as_ruby_liquid_reads_it(site, template, page, expected):
    assert render(site, template, page) == expected


def test_lax_fallback_warns_with_rubys_message(site):
    warnings: list = []
    render(site, "{% for n in list | sort %}{% endfor %}", warnings=warnings)
    assert warnings == ['Liquid Warning: Liquid syntax error (line 1): Expected end_of_string but '
                        'found pipe in "n in list | sort" in a.html']


def test_strict_mode_refuses_what_lax_reads(site):
    site.config["liquid"] = {"error_mode": "strict"}
    with pytest.raises(LiquidException, match="Expected dotdot but found id"):
        render(site, "{% if a and (b or c) %}A{% endif %}")


def test_unknown_lax_operator_fails_when_rendered(site):
    with pytest.raises(LiquidException, match="Liquid error \\(line 1\\): Unknown operator ="):
        render(site, "{% if x = 1 %}a{% endif %}")


# -- filters call Ruby's to_s: arrays are inspected (case string/array-input-*) -------------
def test_array_given_to_a_string_filter_is_inspected(site):
    template = '{% assign a = "Bart Simpson,Nelson Mandela Muntz" | split: "," %}{{ a | xml_escape }}'
    assert render(site, template) == "[&quot;Bart Simpson&quot;, &quot;Nelson Mandela Muntz&quot;]"
    assert render(site, '{% assign a = "x,<b>" | split: "," %}{{ a | upcase }}|{{ a }}') == \
        '["X", "<B>"]|x<b>'
