"""Write one page per case of SITE/cases.txt into SITE/src/cases/ (see README.md).

    python tests/sites/liquid/make_pages.py [SITE]     (default: tests/sites/liquid)
"""
from __future__ import annotations

import pathlib
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent


def parse_cases(text: str) -> list[tuple[str, list[str], str]]:
    """Return (name, front matter lines, body) for every `### name` block."""
    cases = []
    for block in text.split("\n### ")[1:]:
        header, _, rest = block.partition("\n")
        lines = rest.split("\n")
        front = []
        while lines and lines[0].startswith("@fm "):
            front.append(lines.pop(0)[4:])
        body = "\n".join(lines).rstrip("\n") + "\n"
        cases.append((header.strip(), front, body))
    return cases


def main() -> None:
    site = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE
    out = site / "src" / "cases"
    if out.exists():
        shutil.rmtree(out)
    cases = parse_cases((site / "cases.txt").read_text(encoding="utf-8"))
    seen = set()
    for name, front, body in cases:
        assert name not in seen, f"duplicate case {name}"
        seen.add(name)
        page = out / f"{name}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        matter = "\n".join(["---", "layout: null", *front, "---"])
        page.write_text(f"{matter}\n{body}", encoding="utf-8")
    print(f"{len(cases)} cases")


if __name__ == "__main__":
    main()
