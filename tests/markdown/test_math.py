"""kramdown `$$` math (jekyll_py/converters/markdown/math.py) on its own."""

from jekyll_py.converters.markdown import KramdownConverter

CONVERT = KramdownConverter({}).convert


def test_block_and_inline():
    assert CONVERT("$$\nE = mc^2\n$$\n") == "\\[E = mc^2\\]\n"
    assert CONVERT("A $$a<b$$ and $c$.\n") == "<p>A \\(a&lt;b\\) and $c$.</p>\n"


def test_block_needs_boundaries():
    assert CONVERT("$$x$$ and text\n") == "<p>\\(x\\) and text</p>\n"
    assert CONVERT("Para\n$$\nx\n$$\n").startswith("<p>Para\n")


def test_ial_and_no_engine():
    assert CONVERT("$$\na\n$$\n{: .eq}\n") == '<div class="eq">\\[a\\]\n</div>\n'
    plain = KramdownConverter({"kramdown": {"math_engine": None}}).convert
    assert plain("$$x$$\n") == '<div class="kdmath">$$\nx\n$$</div>\n'
