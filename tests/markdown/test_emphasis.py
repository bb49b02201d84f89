"""kramdown's recursive emphasis and span-HTML nesting (emphasis.py). Expected HTML is what the
reference (kramdown 2.4 with Jekyll's options) writes for the same text."""

import time

from jekyll_py.converters.markdown import KramdownConverter

CONVERT = KramdownConverter({}).convert


def para(html):
    assert html.startswith("<p>") and html.endswith("</p>\n")
    return html[3:-5]


def test_author_list_stars_stay_text_inside_sup():
    text = "**Hui Kang**<sup>*</sup>, Sheng Liu<sup>*</sup>\n"
    assert para(CONVERT(text)) == "<strong>Hui Kang</strong><sup>*</sup>, Sheng Liu<sup>*</sup>"


def test_em_closes_after_the_strong_inside_it():
    text = "Yichen Liu*, **Lixuan Wei***, Yufei Guo\n"
    assert para(CONVERT(text)) == "Yichen Liu<em>, <strong>Lixuan Wei</strong></em>, Yufei Guo"


def test_emphasis_next_to_cjk_punctuation():
    assert para(CONVERT("定制的，**不过…差多了……**所以\n")) == "定制的，<strong>不过…差多了……</strong>所以"


def test_stray_end_tags_are_text():
    assert para(CONVERT('(<a href="x">O</a>)</i>\n')) == '(<a href="x">O</a>)&lt;/i&gt;'
    assert para(CONVERT('<img src="a.png"></img>\n')) == '<img src="a.png" />&lt;/img&gt;'
    # an element left open ends with the paragraph; an end tag inside emphasis closes nothing
    assert para(CONVERT("a <b>bold *em</b> x*\n")) == "a <b>bold <em>em&lt;/b&gt; x</em></b>"


def test_kramdown_delimiter_rules():
    assert para(CONVERT("**foo*\n")) == "<em>*foo</em>"  # `**` fails, `*` one later succeeds
    assert para(CONVERT("*foo**\n")) == "*foo**"
    assert para(CONVERT("*__x__*\n")) == "<em><strong>x</strong></em>"
    assert para(CONVERT("***x***\n")) == "<strong><em>x</em></strong>"
    assert para(CONVERT("*em *nested* em*\n")) == "<em>em *nested</em> em*"
    assert para(CONVERT("a-_b_ snake_case _a_b_\n")) == "a-_b_ snake_case <em>a_b</em>"


def test_many_unmatched_delimiters_take_linear_time():
    for text in ("*a " * 20000, "<b>*x " * 5000, "**<b>" * 4000):
        start = time.perf_counter()
        CONVERT(text)
        assert time.perf_counter() - start < 3
