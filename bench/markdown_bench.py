"""Cost of KramdownConverter.convert against plain markdown-it-py on the same text.

    .venv/bin/python bench/markdown_bench.py [repeat]

Uses every page of tests/sites/markdown/src concatenated into one document (plus the whole
set converted page by page). The issue asks for a ratio of at most 1.5.

Two baselines are timed: plain markdown-it-py (no syntax highlighting at all), and
markdown-it-py with Pygments highlighting its fenced code (the work any converter that colours
code must do; our converter highlights with Pygments too). About a tenth of the test pages are
code samples, so the first ratio is dominated by Pygments' own lexing time; the second one
measures what the kramdown dialect itself costs. "prose" times the pages without code blocks,
where no highlighting happens at all; "code-heavy" the pages with code blocks only.

The converter keeps highlighted code in an in-process cache (highlight.py). The ratios are
measured with that cache off, so that every run highlights all code as a first build does;
the last column ("cached") is the converter with a warm cache, as when an excerpt or a rebuild
converts the same code again.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from markdown_it import MarkdownIt
from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from jekyll_py.converters.markdown import KramdownConverter  # noqa: E402
from jekyll_py.converters.markdown.highlight import set_highlight_cache  # noqa: E402

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


def best_of_each(fns, repeat):
    """Best time of each function, the runs interleaved so that a busy machine slows all alike."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - t)
    return best


_FORMATTER = HtmlFormatter(nowrap=True)


def _pygments(code, lang, _attrs):
    try:
        lexer = get_lexer_by_name(lang or "text")
    except ClassNotFound:
        return ""
    return pygments_highlight(code, lexer, _FORMATTER)


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    docs = list(pages())
    big = "\n\n".join(docs)
    plain = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    coloured = MarkdownIt("commonmark", {"html": True, "highlight": _pygments})
    coloured.enable(["table", "strikethrough"])
    kd = KramdownConverter({})
    def has_code(d):
        return "```" in d or "~~~" in d or "\n    " in d

    prose = [d for d in docs if not has_code(d)]
    code = [d for d in docs if has_code(d)]

    def kd_uncached(texts):
        set_highlight_cache(False)
        try:
            return [kd.convert(t) for t in texts]
        finally:
            set_highlight_cache(True)

    for label, texts in (
        ("one document", [big]),
        ("page by page", docs),
        ("prose, 1 doc", ["\n\n".join(prose)]),
        ("code-heavy", ["\n\n".join(code)]),
    ):
        [kd.convert(t) for t in texts]  # warm the cache for the last column
        t_plain, t_col, t_kd, t_cached = best_of_each(
            [
                lambda: [plain.render(t) for t in texts],
                lambda: [coloured.render(t) for t in texts],
                lambda: kd_uncached(texts),
                lambda: [kd.convert(t) for t in texts],
            ],
            repeat,
        )
        print(f"{label:13} {len(''.join(texts)):7d} chars  markdown-it-py {t_plain*1000:7.1f} ms"
              f" (+Pygments {t_col*1000:7.1f} ms)  kramdown {t_kd*1000:7.1f} ms"
              f"  ratio {t_kd/t_plain:.2f} (vs +Pygments {t_kd/t_col:.2f})"
              f"  cached {t_cached*1000:7.1f} ms ratio {t_cached/t_plain:.2f}")

if __name__ == "__main__":
    main()
