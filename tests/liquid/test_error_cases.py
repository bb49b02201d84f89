"""Each case of tests/sites/liquid-errors renders (or fails) with the same error line as the
reference Jekyll (expected.txt, made by make_expected.py from jekyll-ref's log)."""
from __future__ import annotations

import importlib.util
import pathlib

import pytest

from jekyll_py.errors import LiquidException
from jekyll_py.liquid.engine import LiquidEngine
from sitemodel import HandMadeSite, split_front_matter

HERE = pathlib.Path(__file__).resolve().parents[1] / "sites" / "liquid-errors"
_spec = importlib.util.spec_from_file_location("make_expected", HERE / "make_expected.py")
make_expected = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_expected)


def expected_results() -> dict[str, tuple[int, list[str]]]:
    results = {}
    for block in (HERE / "expected.txt").read_text(encoding="utf-8").split("### ")[1:]:
        name, status, *lines = block.rstrip("\n").split("\n")
        results[name] = (int(status.split()[1]), lines)
    return results


EXPECTED = expected_results()
CASES = make_expected.parse_cases((HERE / "cases.txt").read_text(encoding="utf-8"))
KNOWN = {}
for line in (HERE / "known-differences.txt").read_text(encoding="utf-8").splitlines():
    if line.strip() and not line.startswith("#"):
        KNOWN[line.split()[0]] = line.partition(" ")[2].strip()


def params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN[case[0]])] if case[0] in KNOWN else []
        yield pytest.param(case, marks=marks, id=case[0])


@pytest.mark.parametrize("case", list(params()))
def test_error_line_matches_reference(tmp_path, case):
    name, config, front, body = case
    src = tmp_path / "src"
    make_expected.make_site(src, config, front, body)
    site = HandMadeSite(src)
    engine = LiquidEngine(site)
    warnings: list[str] = []
    engine.warning_handler = warnings.append
    page_front, page_body = split_front_matter((src / "page.html").read_text(encoding="utf-8"))
    try:
        engine.render(page_body, site.payload(page_front, "page.html"), name="page.html")
        got = warnings
    except LiquidException as err:
        got = warnings + [str(err)]
    status, lines = EXPECTED[name]
    expected = [line for line in lines if line.startswith(("Liquid Exception:", "Liquid Warning:"))]
    assert [line.replace(str(src), "{SRC}") for line in got] == expected
    assert (status != 0) == any(line.startswith("Liquid Exception:") for line in got)
