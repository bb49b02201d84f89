"""The small Ruby behaviours the Liquid filters are built on. Expected values are what Ruby 3.1
(the reference's) printed for the same calls (`ruby -e 'p "a b ".split(" ", 4)'`...)."""
from __future__ import annotations

import pytest

from jekyll_py.liquid.filters.arity import arity_error
from jekyll_py.liquid.filters.standard import awk_split, ruby_gsub, uniq
from jekyll_py.liquid.filters.text import _encode_pretty, _to_json_value


@pytest.mark.parametrize("text,limit,expected", [
    ("  one   two five ", 4, ["one", "two", "five", ""]),
    ("a b ", 4, ["a", "b", ""]),
    ("   ", 3, [""]),
    ("a b c d", 2, ["a", "b c d"]),
    ("a\u00a0b\u3000c d", 0, ["a\u00a0b\u3000c", "d"]),
    ("", 2, []),
])
def test_awk_split(text, limit, expected):
    assert awk_split(text, limit) == expected


@pytest.mark.parametrize("text,old,new,count,expected", [
    ("a/b", "/", "\\\\/", -1, "a\\/b"),
    ("a/b", "/", "x\\0y", -1, "ax/yb"),
    ("a/b", "/", "[\\&]", -1, "a[/]b"),
    ("a/b", "/", "\\1z", -1, "azb"),
    ("a/b/c", "/", "\\'", 1, "ab/cb/c"),
    ("a/b/c", "/", "\\`", 1, "aab/c"),
    ("ab", "", "-", -1, "-a-b-"),
    ("ab", "", "-", 1, "-ab"),
    ("a-b", "-", "\\", -1, "a\\b"),
])
def test_gsub_replacement_escapes(text, old, new, count, expected):
    assert ruby_gsub(text, old, new, count) == expected


def test_uniq_uses_ruby_eql():
    """Liquid's uniq (arrays flattened by its InputIterator, then Ruby's eql?)."""
    items = [1, 1.0, True, 1, "1", [1], [1], {"a": 1, "b": 2}, {"b": 2, "a": 1}]
    assert uniq(items) == [1, 1.0, True, "1", {"a": 1, "b": 2}]


@pytest.mark.parametrize("name,given,expected", [
    ("where", 2, "wrong number of arguments (given 2, expected 3)"),
    ("date", 1, "wrong number of arguments (given 1, expected 2)"),
    ("default", 4, "wrong number of arguments (given 4, expected 1..3)"),
    ("slice", 1, "wrong number of arguments (given 1, expected 2..3)"),
    ("sort", 3, None),
    ("not_a_jekyll_filter", 9, None),
])
def test_filter_arity(name, given, expected):
    assert arity_error(name, given) == expected


def test_pretty_generate_layout():
    value = {"a": [], "b": {}, "c": [1, []], "d": {"x": []}, "e": 1.0, "f": "é/<"}
    expected = ('{\n  "a": [\n\n  ],\n  "b": {\n  },\n  "c": [\n    1,\n    [\n\n    ]\n  ],\n'
                '  "d": {\n    "x": [\n\n    ]\n  },\n  "e": 1.0,\n  "f": "é/<"\n}')
    assert "".join(_encode_pretty(_to_json_value(value), 0)) == expected
