"""Random and pathological Markdown never makes the converter raise or take long."""

from __future__ import annotations

import time

from hypothesis import given, settings, strategies as st

from jekyll_py.converters.markdown import KramdownConverter

CONVERTER = KramdownConverter({})
PIECES = st.sampled_from(
    ["*", "**", "_", "`", "```", "~~~", "[", "]", "(", ")", "<div>", "</div>", '<div markdown="1">',
     "<span>", "</p>", "<!--", "-->", "{:", "}", "{: .x}", "#", "- ", "1. ", "> ", "|", "|---|",
     "\n", "\n\n", "    ", "\t", "'", '"', "--", "...", "<<", ">>", "$$", "[^1]", "[^1]: ",
     "*[A]: ", "{::comment}", "{:/}", "^", "\n: ", "Term\n: ", "{::options auto_ids=\"false\" /}",
     "{::options toc_levels=\"x\" /}", "{:footnotes}", "[a](b c)", "<kbd>", "</kbd>", "|===|", "&amp;", "&nbsp;", "\\", "word", " ", "é", "🔥"]
)


@settings(max_examples=150, deadline=2000)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_random_markdown_converts(text):
    out = CONVERTER.convert(text)
    assert isinstance(out, str)


@settings(max_examples=50, deadline=2000)
@given(st.text(max_size=300))
def test_random_text_converts(text):
    assert isinstance(CONVERTER.convert(text), str)


def _timed(text):
    t = time.perf_counter()
    CONVERTER.convert(text)
    return time.perf_counter() - t


def test_pathological_inputs_are_fast():
    cases = [
        "*" * 100_000,
        "<div>\n" * 2_000,
        '<div markdown="1">\n' * 200,
        "> " * 500 + "x",
        "- " * 300 + "x",
        "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 5_000,
        "[" * 5_000 + "]" * 5_000,
        "[a](b (c (d " * 2_000,
        '<div markdown="1">\n' * 300 + "x\n" + "</div>\n" * 300,
        '<div markdown="1">\n' * 40 + "```\nx\n" + "</div>\n" * 40,
        "Term\n: def\n" * 2_000,
        "A[^1] " * 3_000 + "\n\n[^1]: x\n",
        "```bash\n" + 'echo "$(ls ${x})" | grep y; ' * 1_000 + "\n```\n",
    ]
    for text in cases:
        assert _timed(text) < 5.0, text[:20]
