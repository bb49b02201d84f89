"""Unit checks of the pieces other modules rely on (ids, highlighting, smartify, errors)."""

import pytest

from jekyll_py.converters.markdown import KramdownConverter
from jekyll_py.converters.markdown.headers import classic_id, gfm_id
from jekyll_py.converters.markdown.highlight import highlight_code
from jekyll_py.errors import JekyllError


def test_gfm_and_classic_ids():
    assert gfm_id("🔥 News") == "-news"
    assert gfm_id("हिन्दी भाषा") == "हिन्दी-भाषा"
    assert classic_id("🔥 News") == "news"
    assert classic_id("中文") == ""


def test_highlight_code_rouge_markup():
    assert highlight_code("a <b>", "plaintext") == "a &lt;b&gt;"
    assert highlight_code("x", "no-such-language") is None
    assert '<span class="kt">int</span>' in highlight_code("int x;", "c")


def test_converter_api():
    c = KramdownConverter({"markdown_ext": "md,markdown"})
    assert c.matches(".md") and c.matches(".MARKDOWN") and not c.matches(".txt")
    assert c.output_ext(".md") == ".html"
    assert c.convert("# 🔥 News\n") == '<h1 id="-news">🔥 News</h1>\n'
    assert c.smartify('"Hi" -- it\'s') == "“Hi” – it’s"


def test_unknown_processor_is_an_error():
    with pytest.raises(JekyllError, match="Invalid Markdown processor given: redcarpet"):
        KramdownConverter({"markdown": "redcarpet"})


def test_crlf_and_lone_cr_are_newlines():
    # blank lines between blocks are counted on the same lines markdown-it reads
    html = KramdownConverter({}).convert("A\r\rB\r\n\r\n### H\r\n")
    assert html == '<p>A</p>\n\n<p>B</p>\n\n<h3 id="h">H</h3>\n'


def test_line_numbers_wrap_code_in_rouge_table():
    config = {"kramdown": {"syntax_highlighter_opts": {"block": {"line_numbers": True, "start_line": 3}}}}
    html = KramdownConverter(config).convert("```\na\nb\n```\n\n`c`\n")
    assert '<code><table class="rouge-table"><tbody><tr><td class="rouge-gutter gl">' in html
    assert '<pre class="lineno">3\n4\n</pre></td><td class="rouge-code"><pre>a\nb\n</pre></td>' in html
    assert '<code class="language-plaintext highlighter-rouge">c</code>' in html  # spans: no table
