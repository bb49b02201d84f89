"""`kramdown:` options read from the site config (options.py) and their effect, one by one."""

from jekyll_py.converters.markdown import KramdownConverter
from jekyll_py.converters.markdown.options import KramdownOptions


def convert(text, **kramdown):
    return KramdownConverter({"kramdown": kramdown}).convert(text)


def test_option_parsing():
    opts = KramdownOptions.from_config({"kramdown": {
        "toc_levels": "2..3", "smart_quotes": ["lsaquo", "rsaquo", "laquo", "raquo"],
        "gfm_quirks": "paragraph_end, no_auto_typographic", "hard_wrap": "true",
    }})
    assert opts.toc_levels == {2, 3}
    assert opts.smart_quotes == "lsaquo,rsaquo,laquo,raquo"
    assert opts.gfm_quirks == ("paragraph_end", "no_auto_typographic")
    assert opts.hard_wrap is True


def test_hard_wrap_and_line_breaks():
    assert convert("a\nb\\\nc\n", hard_wrap=True) == "<p>a<br />\nb\\<br />\nc</p>\n"
    assert convert("a\nb\\\nc\n") == "<p>a\nb<br />\nc</p>\n"
    assert convert("a\nb\\\nc\n", input="kramdown") == "<p>a\nb\\\nc</p>\n"


def test_entity_output_only_for_generated_characters():
    assert convert('"a" -- ©\n', entity_output="numeric") == "<p>&#8220;a&#8221; &#8211; ©</p>\n"
    assert convert("&copy; x\n", entity_output="symbolic") == "<p>&copy; x</p>\n"


def test_no_auto_typographic_keeps_smart_quotes():
    out = convert('"a" -- b...\n', gfm_quirks=["paragraph_end", "no_auto_typographic"])
    assert out == "<p>“a” -- b...</p>\n"


def test_classic_input_paragraphs_and_headers():
    assert convert("Text\n# not a header\n", input="kramdown") == "<p>Text\n# not a header</p>\n"
    assert convert("#Title\n", input="kramdown") == '<h1 id="title">Title</h1>\n'
    out = convert("# Hello *World* `x`\n", input="kramdown", auto_id_stripping=True)
    assert out.startswith('<h1 id="hello-world-">')


def test_span_html_content_models():
    assert convert("<kbd>*x*</kbd> <span>*y*</span>\n") == "<p><kbd>*x*</kbd> <span><em>y</em></span></p>\n"
    assert convert("<span>*y*</span>\n", parse_span_html=False) == "<p><span>*y*</span></p>\n"


def test_bad_option_values():
    import pytest

    from jekyll_py.errors import JekyllError

    with pytest.raises(JekyllError, match="Invalid kramdown option"):
        KramdownConverter({"kramdown": {"toc_levels": "x"}})
    # inside a document kramdown ignores what it cannot read
    assert convert('{::options toc_levels="x" auto_ids="false" /}\n\n# T\n') == "\n<h1>T</h1>\n"
