"""kramdown's smart quote rules (typography.py) and Jekyll's `smartify` (its SmartyPants
parser). Expected strings are what the reference writes for the same input."""

from jekyll_py.converters.markdown import KramdownConverter

CONVERTER = KramdownConverter({})


def para(text):
    html = CONVERTER.convert(text)
    assert html.startswith("<p>") and html.endswith("</p>\n")
    return html[3:-5]


def test_quote_after_markup_has_no_character_before_it():
    # after a code span or a typographic symbol kramdown's rules see the quote first
    assert para("`to_liquid`'d\n").endswith("</code>‘d")
    assert para('--"x" and —"So"\n') == "–“x” and —”So”"
    assert para("</b>\"x\n") == "&lt;/b&gt;“x"


def test_quote_rules_look_at_the_source_after_the_quote():
    assert para('"*quote*" \'*s*\'\n') == "“<em>quote</em>” ‘<em>s</em>’"
    assert para("'' \"\" '80s '80 rock\n") == "’’ “” ’80s ‘80 rock"
    assert para('"`c`---80s"\n') == '“<code class="language-plaintext highlighter-rouge">c</code>—80s”'


def test_span_ial_after_generated_character_vanishes():
    assert para("A quote'{: .q} and &amp;{: .e}; text{: .t}\n") == "A quote’ and &amp;; text{: .t}"
    assert para("<span>t</span>{: .c}\n") == '<span class="c">t</span>'


def test_smartify_reads_no_markdown():
    smartify = CONVERTER.smartify
    assert smartify("`code`'d and *\"em\"* and \\\"esc\\\"") == "`code`’d and *”em”* and \\“esc\\”"
    assert smartify("text with <sup>*</sup> star \"and\" _under_") == (
        "text with <sup>*</sup> star “and” _under_"
    )
    assert smartify("He said \"<b>No</b>\" ok") == "He said “<b>No</b>” ok"
    assert smartify("line one\nline \"two\"") == "line one\nline “two”"
