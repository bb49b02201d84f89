#!/usr/bin/env python3
"""Time `jekyll-py build` against the reference Jekyll on the same site.

    python bench/build_bench.py SITE [--runs 3] [--cold] [--reference PATH_TO_jekyll-ref]

SITE is any Jekyll site, e.g. one made by ../shared/tools/gen_blog.py /tmp/blog 1000.
Each command runs as a whole process (start-up included), `--runs` times; the minimum and
median wall times are printed, and their ratio. jekyll-py keeps converted Markdown in
SITE/.jekyll-cache between builds (as Jekyll does); `--cold` builds it without that cache
(--disable-disk-cache), as the reference is run.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_REFERENCE = os.path.join(HERE, "..", "..", "shared", "tools", "jekyll-ref")


def time_command(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reference", default=DEFAULT_REFERENCE)
    parser.add_argument("--cold", action="store_true", help="build without jekyll-py's disk cache")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "jekyll_py", "build", "-q", "-s", site,
                   "-d", os.path.join(tmp, "py")] + (["--disable-disk-cache"] if args.cold else [])
        ours = time_command(command, args.runs)
        rows = [("jekyll-py", ours)]
        if os.path.exists(args.reference):
            ref = time_command([args.reference, site, os.path.join(tmp, "ref")], args.runs)
            rows.append(("jekyll (reference)", ref))
    for name, times in rows:
        print(f"{name:20} min {min(times):7.3f}s  median {statistics.median(times):7.3f}s")
    if len(rows) == 2:
        print(f"speed-up (reference median / jekyll-py median): "
              f"{statistics.median(rows[1][1]) / statistics.median(rows[0][1]):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
