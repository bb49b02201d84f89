"""kramdown footnotes (jekyll_py/converters/markdown/footnotes.py) on their own."""

from jekyll_py.converters.markdown import KramdownConverter

CONVERT = KramdownConverter({}).convert


def test_marker_and_definition_use_names():
    out = CONVERT("A[^note].\n\n[^note]: Text.\n")
    assert '<sup id="fnref:note" role="doc-noteref"><a href="#fn:note" class="footnote" rel="footnote">1</a></sup>' in out
    assert '<li id="fn:note" role="doc-endnote">' in out
    assert 'Text.\u00a0<a href="#fnref:note" class="reversefootnote" role="doc-backlink">&#8617;</a></p>' in out


def test_repeated_reference_and_numbering_by_first_use():
    out = CONVERT("B[^b] A[^a] B[^b]\n\n[^a]: a\n[^b]: b\n")
    assert 'id="fnref:b:1"' in out and "&#8617;<sup>2</sup>" in out
    assert out.index('id="fn:b"') < out.index('id="fn:a"')


def test_undefined_marker_and_unused_definition():
    assert CONVERT("A[^x](y)\n") == "<p>A[^x](y)</p>\n"
    assert "footnotes" not in CONVERT("Text\n\n[^u]: unused\n")


def test_definition_extent():
    out = CONVERT("A[^1]\n\n[^1]: one\nlazy is a paragraph\n    indented\n")
    assert "<p>lazy is a paragraph\n    indented</p>" in out
    out = CONVERT("A[^1]\n\n[^1]: one\n\n    two\n")
    assert "<p>one</p>\n\n      <p>two\u00a0<a" in out


def test_backlink_paragraph_and_options():
    out = CONVERT("A[^1]\n\n[^1]: x\n\n        code\n")
    assert '</code></pre></div>      </div>\n      <p><a href="#fnref:1"' in out
    custom = KramdownConverter({"kramdown": {"footnote_nr": 5, "footnote_backlink": "back"}}).convert
    out = custom("A[^1]\n\n[^1]: x\n")
    assert '<ol start="5">' in out and ">5</a></sup>" in out and ">back</a>" in out
    assert "reversefootnote" not in KramdownConverter({"kramdown": {"footnote_backlink": ""}}).convert(
        "A[^1]\n\n[^1]: x\n"
    )


def test_footnotes_placed_at_list():
    out = CONVERT("T[^1]\n\n* here\n{:footnotes}\n\nEnd\n\n[^1]: n\n")
    assert out.index("footnotes") < out.index("<p>End</p>")
