"""kramdown's list rules (parser/kramdown/list.rb) as lists.py reproduces them. Expected HTML
was produced by the reference (kramdown 2.4 with Jekyll's options)."""

from jekyll_py.converters.markdown import KramdownConverter

CONVERT = KramdownConverter({}).convert


def test_list_indented_two_under_a_numbered_item_nests():
    # `  - a` is a lazy line of item 2 (content indentation 3): the list nests in item 2 and
    # the ordered list goes on after the blank line.
    html = CONVERT("1. One\n2. Two:\n  - a\n  - b\n\n3. Three\n")
    assert html == (
        "<ol>\n  <li>One</li>\n  <li>Two:\n    <ul>\n      <li>a</li>\n      <li>b</li>\n"
        "    </ul>\n  </li>\n  <li>Three</li>\n</ol>\n"
    )


def test_fence_right_after_an_item_stays_in_it():
    html = CONVERT("1. One.\n```\ncode\n```\n2. Two\n")
    assert html.startswith("<ol>\n  <li>One.\n    <div class=\"language-plaintext")
    assert html.endswith("  </li>\n  <li>Two</li>\n</ol>\n")


def test_lone_marker_starts_no_item():
    assert CONVERT("-\n- b\n-\n") == '<p>-</p>\n<ul>\n  <li>\n    <h2 id="b">b</h2>\n  </li>\n</ul>\n'


def test_any_non_blank_line_continues_an_item_lazily_until_a_blank_line():
    html = CONVERT("- first\n# Heading\n\ntext\n")
    assert html == (
        '<ul>\n  <li>first\n    <h1 id="heading">Heading</h1>\n  </li>\n</ul>\n\n<p>text</p>\n'
    )


def test_item_attribute_list_and_wide_indentation():
    assert CONVERT("- {: .x} a\n") == '<ul>\n  <li class="x">a</li>\n</ul>\n'
    assert CONVERT("-   a\n    b\n") == "<ul>\n  <li>a\nb</li>\n</ul>\n"


def test_thematic_break_after_blank_ends_the_list():
    assert CONVERT("- a\n\n* * *\n- b\n") == (
        "<ul>\n  <li>a</li>\n</ul>\n\n<hr />\n<ul>\n  <li>b</li>\n</ul>\n"
    )
