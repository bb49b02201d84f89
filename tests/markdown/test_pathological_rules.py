"""Inputs that made the kramdown rules added for block quotes, same-line HTML, strikethrough,
autolinks, reference links, link titles, angle-bracket URLs and indented code slow (quadratic
scans) convert quickly."""

from __future__ import annotations

import time

import pytest

from jekyll_py.converters.markdown import KramdownConverter

CONVERTER = KramdownConverter({})

CASES = {
    "unclosed strikethrough": "~~a " * 20_000,
    "strikethrough openers only": "~~ a" * 20_000,
    "autolink starts without '>'": "<http:" * 20_000,
    "reference link texts": "[a] " * 20_000,
    "elements on one line": "<div>a</div>" * 5_000 + " tail",
    "text after elements": "<div>a</div> x\n" * 5_000,
    "lazy block quote lines": "> q\n" + "- a\n" * 5_000,
    "nested quotes": ">" * 10_000 + " x",
    "indented code lazy lines": "    code\n" + "lazy\n" * 20_000,
    "unclosed raw spans": "<u>" * 5_000,
    "table rows with span HTML": "<b>a | b</b> |\n" * 3_000,
    "unclosed link titles": '[a](b "' * 20_000,
    "unclosed angle URLs": "![x](<" * 20_000,
    "angle URLs with unclosed titles": '[a](<b>"' * 10_000,
    "angle URLs with unclosed titles, one a line": '[a](<b>"\n' * 10_000,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_converts_quickly(name):
    start = time.perf_counter()
    out = CONVERTER.convert(CASES[name])
    assert isinstance(out, str)
    assert time.perf_counter() - start < 3.0, name


def test_elements_on_one_line_keep_the_text_after_them():
    out = CONVERTER.convert("<div>a</div>" * 500 + " tail")
    assert out.count("<div>a</div>") == 500
    assert out.endswith("<p>tail</p>\n")


def test_many_closed_titles_are_each_their_own():
    out = CONVERTER.convert('x [a](<b>"t") [c](d "u")' * 200)
    assert out.count('<a href="b" title="t">a</a>') == 200
    assert out.count('<a href="d" title="u">c</a>') == 200
