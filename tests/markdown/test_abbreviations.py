"""kramdown abbreviations (jekyll_py/converters/markdown/abbreviations.py) on their own."""

from jekyll_py.converters.markdown import KramdownConverter

CONVERT = KramdownConverter({}).convert


def test_whole_words_everywhere_but_code():
    out = CONVERT("HTML, HTMLX, `HTML` and [HTML](/x)\n\n*[HTML]: Markup\n")
    assert out.count('<abbr title="Markup">HTML</abbr>') == 2
    assert "HTMLX" in out and "<code" in out


def test_longest_first_empty_title_and_raw_text():
    out = CONVERT("HTML5 HTML W3C R&D\n\n*[HTML]: a\n*[HTML5]: b\n*[W3C]:\n*[R&D]: c\n")
    assert '<abbr title="b">HTML5</abbr> <abbr title="a">HTML</abbr> <abbr>W3C</abbr>' in out
    assert '<abbr title="c">R&D</abbr>' in out


def test_abbreviation_counts_in_header_id():
    assert CONVERT("# About API\n\n*[API]: x\n").startswith('<h1 id="about-api">')
