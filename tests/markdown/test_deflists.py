"""kramdown definition lists (jekyll_py/converters/markdown/deflists.py) on their own."""

from jekyll_py.converters.markdown import KramdownConverter

CONVERT = KramdownConverter({}).convert


def test_terms_and_definitions():
    assert CONVERT("T1\nT2\n: a\n: b\n") == (
        "<dl>\n  <dt>T1</dt>\n  <dt>T2</dt>\n  <dd>a</dd>\n  <dd>b</dd>\n</dl>\n"
    )


def test_blank_line_before_definition_makes_a_paragraph():
    assert "<dd>\n    <p>Def</p>\n  </dd>" in CONVERT("Term\n\n: Def\n")


def test_groups_merge_and_lazy_lines():
    out = CONVERT("A\n: a\n\nB\n: b\n")
    assert out.count("<dl>") == 1 and "<dt>B</dt>" in out
    assert "<dd>x\nlazy</dd>" in CONVERT("T\n: x\nlazy\n")


def test_not_a_definition_list():
    assert CONVERT("# H\n: x\n").endswith("<p>: x</p>\n")
    assert "<dl>" not in CONVERT("T\n\n\n: x\n")


def test_three_merged_groups_keep_the_nesting_right():
    out = CONVERT("A\n: a\n\n\nB\nC\n: b\n: c\n\n\nD\n\n: d\n\n> after\n")
    assert out.count("<dl>") == 1 and out.count("<dd>") == 4
    assert out.endswith("<blockquote>\n  <p>after</p>\n</blockquote>\n")
