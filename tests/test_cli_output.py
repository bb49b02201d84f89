"""What `jekyll-py build` prints: the --profile tables, and Liquid errors in layouts named by
their full path (Jekyll's wording, checked with the reference)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(src: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "JEKYLL_ENV"}
    return subprocess.run([sys.executable, "-m", "jekyll_py", "build", "-s", str(src),
                           "-d", str(src.parent / "out"), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def test_profile_prints_phases_and_templates(tmp_path):
    src = tmp_path / "site"
    (src / "_layouts").mkdir(parents=True)
    (src / "_layouts" / "default.html").write_text("<main>{{ content }}</main>\n")
    (src / "index.md").write_text("---\nlayout: default\n---\n# {{ 'Hi' | upcase }}\n")
    result = build(src, "--profile")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Build Process Summary:" in out and "Site Render Stats:" in out
    for phase in ("RESET", "READ", "GENERATE", "RENDER", "CLEANUP", "WRITE", "TOTAL TIME"):
        assert f"| {phase}" in out
    assert "| Filename" in out and "| Count |" in out
    rows = [line for line in out.splitlines() if line.startswith("| _layouts/default.html ")]
    assert len(rows) == 1 and "|     1 |" in rows[0]
    assert "| TOTAL (for 2 files)" in out
    assert (tmp_path / "out" / "index.html").read_text() == '<main><h1 id="hi">HI</h1>\n</main>\n'


def test_liquid_error_in_a_layout_names_its_full_path(tmp_path):
    src = tmp_path / "site"
    (src / "_layouts").mkdir(parents=True)
    (src / "_includes").mkdir()
    (src / "_layouts" / "default.html").write_text("{{ content }}{% include bad.html %}\n")
    (src / "_includes" / "bad.html").write_text("{% if %}\n")
    (src / "index.md").write_text("---\nlayout: default\n---\nhi\n")
    result = build(src)
    assert result.returncode == 1
    assert (f"Liquid Exception: Liquid syntax error ({src}/_includes/bad.html line 1): Syntax "
            f"Error in tag 'if' - Valid syntax: if [expression] included in "
            f"{src}/_layouts/default.html") in result.stderr


# What the reference printed on stdout for a site with a _config.yml (jekyll-ref, Jekyll 4.3.1),
# with the folders and the time replaced by placeholders.
REFERENCE_BUILD_LINES = """\
Configuration file: {src}/_config.yml
            Source: {src}
       Destination: {dest}
 Incremental build: disabled. Enable with --incremental
      Generating... 
                    done in {seconds} seconds.
 Auto-regeneration: disabled. Use --watch to enable.
"""


def test_build_prints_jekylls_lines(tmp_path):
    src = tmp_path / "site"
    src.mkdir()
    (src / "_config.yml").write_text("title: x\n")
    (src / "index.md").write_text("---\n---\nhi\n")
    result = build(src)
    assert result.returncode == 0, result.stderr
    seconds = result.stdout.split("done in ")[1].split(" seconds")[0]
    assert result.stdout == REFERENCE_BUILD_LINES.format(
        src=src, dest=tmp_path / "out", seconds=seconds)
