"""kramdown extensions and the end-of-block marker (extensions.py) on their own."""

from jekyll_py.converters.markdown import KramdownConverter

CONVERT = KramdownConverter({}).convert


def test_comment_and_nomarkdown():
    assert CONVERT("{::comment}\nhidden\n{:/comment}\n") == "<!-- hidden -->\n"
    assert CONVERT("a {::comment}x{:/} b\n") == "<p>a <!-- x --> b</p>\n"
    assert CONVERT("{::nomarkdown}\n<b>*raw*</b>\n{:/}\n") == "<b>*raw*</b>\n"
    assert CONVERT("a {::nomarkdown}*x*{:/} b\n") == "<p>a *x* b</p>\n"


def test_unknown_or_unclosed_extension_is_text():
    assert "{::unknown}" in CONVERT("{::unknown}\nx\n{:/unknown}\n")
    assert "{::comment}never" in CONVERT("Text {::comment}never closed.\n")


def test_options_apply_to_the_whole_document():
    out = CONVERT("# Before\n\n{::options auto_ids=\"false\" /}\n\n# After\n")
    assert "<h1>Before</h1>" in out and "<h1>After</h1>" in out
    out = CONVERT('{::options smart_quotes="laquo,raquo,laquo,raquo" /}\n\n"x"\n')
    assert "«x»" in out


def test_end_of_block_marker():
    assert CONVERT("a\n^\nb\n") == "<p>a</p>\n<p>b</p>\n"
    assert CONVERT("- a\n^\n- b\n").count("<ul>") == 2
