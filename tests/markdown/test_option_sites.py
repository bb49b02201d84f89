"""`kramdown:` options: each folder of tests/sites/markdown/options/ is a small site whose
_config.yml sets some options; its expected/ was built by the reference Jekyll. Every page
converted by KramdownConverter(config) must equal it (after the same normalisation as the main
markdown site). `options/known-differences.txt` lists `SITE/PAGE reason` lines that are expected
to fail (strictly: a listed page that passes fails the test)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jekyll_py.converters.markdown import KramdownConverter

from markdown_pages import normalise, page_body, read_known

OPTIONS = Path(__file__).resolve().parents[1] / "sites" / "markdown" / "options"


KNOWN = read_known(OPTIONS / "known-differences.txt")
CASES = sorted(
    f"{page.parent.parent.name}/{page.stem}" for page in OPTIONS.glob("*/src/*.md")
)


def convert(case: str) -> tuple[str, str]:
    site, page = case.split("/")
    config = yaml.safe_load((OPTIONS / site / "src" / "_config.yml").read_text()) or {}
    got = KramdownConverter(config).convert(page_body(OPTIONS / site / "src" / f"{page}.md"))
    expected = (OPTIONS / site / "expected" / f"{page}.html").read_text(encoding="utf-8")
    return got, expected


@pytest.mark.parametrize("case", CASES)
def test_option_page_matches_reference(case):
    got, expected = convert(case)
    ok = normalise(got) == normalise(expected)
    if case in KNOWN:
        if ok:
            pytest.fail(f"{case} now matches: remove it from options/known-differences.txt")
        pytest.xfail(KNOWN[case])
    assert normalise(got) == normalise(expected)


def test_known_differences_name_real_pages():
    assert set(KNOWN) <= set(CASES)
