"""Render each case page of the Liquid test sites (tests/sites/liquid and the url/baseurl/time
zone variants tests/sites/liquid-*) with the engine alone, and compare it with what the
reference Jekyll built (expected/). Cases under `site/` need the whole site model (posts,
pages, static files) and are left to tests/test_sites.py, which builds the sites."""
from __future__ import annotations

import pathlib

import pytest

from jekyll_py.errors import LiquidException
from jekyll_py.liquid.engine import LiquidEngine
from sitemodel import HandMadeSite, split_front_matter

SITES = pathlib.Path(__file__).resolve().parents[1] / "sites"
SITE_DIRS = [SITES / "liquid"] + sorted(p for p in SITES.glob("liquid-*") if (p / "src").is_dir())


def known_differences(site: pathlib.Path) -> dict[str, str]:
    known = {}
    path = site / "known-differences.txt"
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            known[name.removeprefix("cases/").removesuffix(".html")] = reason.strip()
    return known


def case_params():
    for site in SITE_DIRS:
        known = known_differences(site)
        cases_dir = site / "src" / "cases"
        for page in sorted(cases_dir.rglob("*.html")):
            case = page.relative_to(cases_dir).with_suffix("").as_posix()
            if case.startswith("site/"):
                continue
            marks = [pytest.mark.xfail(strict=True, reason=known[case])] if case in known else []
            yield pytest.param(site, case, marks=marks, id=f"{site.name}/{case}")


_ENGINES: dict = {}


def engine_for(site: pathlib.Path) -> LiquidEngine:
    if site not in _ENGINES:
        _ENGINES[site] = LiquidEngine(HandMadeSite(site / "src"))
    return _ENGINES[site]


@pytest.mark.parametrize("site,case", list(case_params()))
def test_case_matches_reference(site, case):
    engine = engine_for(site)
    page = site / "src" / "cases" / f"{case}.html"
    front, body = split_front_matter(page.read_text(encoding="utf-8"))
    path = f"cases/{case}.html"
    try:
        out = engine.render(body, engine.site.payload(front, path), name=path)
    except LiquidException as err:
        out = f"<error: {err}>"
    expected = (site / "expected" / "cases" / f"{case}.html").read_text(encoding="utf-8")
    assert out == expected
