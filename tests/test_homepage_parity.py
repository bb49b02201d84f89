"""The repository's homepage built by jekyll-py equals what the reference Jekyll built.

tests/homepage/expected/ is the reference's build of the repository root; rebuild it after
changing the homepage with:  ../shared/tools/jekyll-ref . tests/homepage/expected
Every file must be byte-identical, except the build time jekyll-feed writes in feed.xml.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "homepage" / "expected"
FEED_UPDATED = re.compile(rb"<updated>[^<]*</updated>")


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("homepage") / "_site"
    env = {k: v for k, v in os.environ.items() if k != "JEKYLL_ENV"}
    env["TZ"] = "UTC"
    result = subprocess.run([sys.executable, "-m", "jekyll_py", "build", "-q", "-s", str(ROOT),
                             "-d", str(dest)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return dest


def test_same_files(built):
    assert files_under(built) == files_under(EXPECTED)


@pytest.mark.parametrize("name", sorted(files_under(EXPECTED)))
def test_file_identical(built, name):
    ours = (built / name).read_bytes()
    reference = (EXPECTED / name).read_bytes()
    if name == "feed.xml":  # the feed's <updated> is the time of the build
        ours = FEED_UPDATED.sub(b"<updated/>", ours, count=1)
        reference = FEED_UPDATED.sub(b"<updated/>", reference, count=1)
    assert ours == reference
