"""Render each case page of tests/sites/liquid with the engine alone and compare it with what
the reference Jekyll built (tests/sites/liquid/expected). Cases under `site/` need the whole
site model and are left to the build comparison."""
from __future__ import annotations

import pathlib

import pytest

from jekyll_py.errors import LiquidException
from jekyll_py.liquid.engine import LiquidEngine
from sitemodel import HandMadeSite, split_front_matter

SITE = pathlib.Path(__file__).resolve().parents[1] / "sites" / "liquid"
SRC, EXPECTED = SITE / "src", SITE / "expected"


def known_differences() -> dict[str, str]:
    known = {}
    path = SITE / "known-differences.txt"
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            known[name.removeprefix("cases/").removesuffix(".html")] = reason.strip()
    return known


KNOWN = known_differences()
CASES = sorted(p.relative_to(SRC / "cases").with_suffix("").as_posix()
               for p in (SRC / "cases").rglob("*.html"))
UNIT_CASES = [c for c in CASES if not c.startswith("site/")]


def case_params():
    for case in UNIT_CASES:
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN[case])] if case in KNOWN else []
        yield pytest.param(case, marks=marks, id=case)


@pytest.fixture(scope="module")
def engine():
    return LiquidEngine(HandMadeSite(SRC))


@pytest.mark.parametrize("case", list(case_params()))
def test_case_matches_reference(engine, case):
    page = SRC / "cases" / f"{case}.html"
    front, body = split_front_matter(page.read_text(encoding="utf-8"))
    path = f"cases/{case}.html"
    try:
        out = engine.render(body, engine.site.payload(front, path), name=path)
    except LiquidException as err:
        out = f"<error: {err}>"
    expected = (EXPECTED / "cases" / f"{case}.html").read_text(encoding="utf-8")
    assert out == expected
