"""Build each error case with the reference Jekyll and record its error output.

    python tests/sites/liquid-errors/make_expected.py [JEKYLL_REF]

For each case of cases.txt a throw-away site is made (page.html, _includes/ from includes/,
_data/people.yml, one post), built with jekyll-ref, and the lines Jekyll logged as errors
(`Liquid Exception: ...`, `Error: ...`) plus the exit status are written to expected.txt
with the site's absolute path replaced by `{SRC}`.
"""
from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
REF = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/tools/jekyll-ref")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

PEOPLE = "- name: Ann\n  age: 31\n- name: bob\n  age: \"4\"\n"
MIXED = "mixed: [1, \"a\", 2]\n"


def parse_cases(text: str) -> list[tuple[str, list[str], list[str], str]]:
    """Return (name, config lines, front matter lines, body) per `### name` block."""
    cases = []
    for block in text.split("\n### ")[1:]:
        header, _, rest = block.partition("\n")
        lines = rest.split("\n")
        config, front = [], []
        while lines and lines[0].startswith(("@config ", "@fm ")):
            line = lines.pop(0)
            (config if line.startswith("@config ") else front).append(line.split(" ", 1)[1])
        cases.append((header.strip(), config, front, "\n".join(lines).rstrip("\n") + "\n"))
    return cases


def make_site(root: pathlib.Path, config: list[str], front: list[str], body: str) -> None:
    """Write the throw-away site of one case into `root`."""
    (root / "_data").mkdir(parents=True)
    (root / "_data" / "people.yml").write_text(PEOPLE)
    (root / "_data" / "mixed.yml").write_text(MIXED)
    (root / "_posts").mkdir()
    (root / "_posts" / "2020-01-02-hello.html").write_text("---\n---\npost\n")
    shutil.copytree(HERE / "includes", root / "_includes")
    (root / "_config.yml").write_text("title: Errors\n" + "".join(f"{c}\n" for c in config))
    matter = "\n".join(["---", "layout: null", *front, "---"])
    (root / "page.html").write_text(f"{matter}\n{body}")


def error_lines(log: str, src: str) -> list[str]:
    """The error lines of a Jekyll log, without colours, banner and backtrace."""
    keep = []
    for line in ANSI.sub("", log).splitlines():
        stripped = line.strip()
        if stripped.startswith(("Liquid Exception:", "Liquid Warning:", "Error:",
                                "Conversion error:")):
            keep.append(stripped.replace(src, "{SRC}"))
    return keep


def main() -> None:
    cases = parse_cases((HERE / "cases.txt").read_text(encoding="utf-8"))
    out = []
    for name, config, front, body in cases:
        with tempfile.TemporaryDirectory() as tmp:
            src = pathlib.Path(tmp) / "src"
            make_site(src, config, front, body)
            proc = subprocess.run([str(REF), str(src), str(pathlib.Path(tmp) / "out")],
                                  capture_output=True, text=True, check=False)
            lines = error_lines(proc.stdout + proc.stderr, str(src))
            out.append(f"### {name}\nexit {proc.returncode}\n" + "".join(f"{l}\n" for l in lines))
            print(name, proc.returncode, lines[:1])
    (HERE / "expected.txt").write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
