"""kramdown tables (jekyll_py/converters/markdown/tables.py) on their own."""

from jekyll_py.converters.markdown import KramdownConverter
from jekyll_py.converters.markdown.tables import split_row

CONVERT = KramdownConverter({}).convert


def test_split_row_keeps_pipes_in_code_and_escapes():
    assert split_row("| `a|b` | c |") == ["", " `a|b` ", " c ", ""]
    assert split_row("| <code>x|y</code> | z") == ["", " <code>x|y</code> ", " z"]
    assert split_row(r"a \| b | c") == ["a | b ", " c"]


def test_sections_alignment_and_header_cells():
    out = CONVERT("| l | c | r |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n|---|\n| 4 |\n|===|\n| f |\n")
    assert out.count("<tbody>") == 2 and "<tfoot>" in out and "<thead>" in out
    assert '<th style="text-align: left">l</th>' in out
    assert '<td style="text-align: right">3</td>' in out
    # short rows are padded with no-break-space cells that keep the column's alignment
    assert '<td style="text-align: center">\u00a0</td>' in out


def test_table_needs_block_boundaries():
    assert CONVERT("Para\n| a |\n|---|\n| 1 |\n").startswith("<p>")
    assert CONVERT("| a |\n|---|\n| 1 |\ntext\n").startswith("<p>")
    assert CONVERT("| a |\n|---|\n| 1 |\n\ntext\n").startswith("<table>")


def test_table_without_body_is_a_paragraph():
    assert CONVERT("| a | b |\n|---|---|\n").startswith("<p>")


def test_entity_output_for_empty_cell():
    numeric = KramdownConverter({"kramdown": {"entity_output": "numeric"}}).convert
    assert "<td>&#160;</td>" in numeric("| a | |\n")
