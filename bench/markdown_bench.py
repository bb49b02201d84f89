"""Cost of KramdownConverter.convert against plain markdown-it-py on the same text.

    .venv/bin/python bench/markdown_bench.py [repeat]

Uses every page of tests/sites/markdown/src concatenated into one document (plus the whole
set converted page by page). The issue asks for a ratio of at most 1.5.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from jekyll_py.converters.markdown import KramdownConverter  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "tests" / "sites" / "markdown" / "src"


def pages():
    for p in sorted(SRC.glob("*.md")):
        yield p.read_text(encoding="utf-8").split("---\n", 2)[2]


def best_of(fn, repeat):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    docs = list(pages())
    big = "\n\n".join(docs)
    plain = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    kd = KramdownConverter({})
    for label, texts in (("one document", [big]), ("page by page", docs)):
        t_plain = best_of(lambda: [plain.render(t) for t in texts], repeat)
        t_kd = best_of(lambda: [kd.convert(t) for t in texts], repeat)
        print(f"{label:13} {len(''.join(texts)):8d} chars  markdown-it-py {t_plain*1000:8.1f} ms"
              f"  kramdown {t_kd*1000:8.1f} ms  ratio {t_kd/t_plain:.2f}")


if __name__ == "__main__":
    main()
