#!/usr/bin/env python3
"""Time `jekyll-py build` against the reference Jekyll on the same site.

    python bench/build_bench.py SITE [--runs 3] [--cold] [--jobs N] [--code DIR ...]
                                [--reference PATH_TO_jekyll-ref | --no-reference]

SITE is any Jekyll site, e.g. one made by ../shared/tools/gen_blog.py /tmp/blog 1000.
Each command runs as a whole process (start-up included), `--runs` times, the commands taking
turns so that a change in the machine's load hits them alike. Printed per command: the minimum
and median wall time, and the median CPU time (user + system, worker processes included),
which a busy shared machine disturbs much less than wall time; then the ratio of medians.

jekyll-py keeps converted Markdown in SITE/.jekyll-cache between builds (as Jekyll does);
`--cold` builds it without that cache (--disable-disk-cache), as the reference is run; a warm
run is preceded by one untimed build that fills the cache. `--jobs N` sets the number of render
workers (1: one process). `--code DIR` (repeatable) times the jekyll_py package found in DIR
(a copy of the checkout) instead of the installed one, to compare versions side by side.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_REFERENCE = os.path.join(HERE, "..", "..", "shared", "tools", "jekyll-ref")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: list[str], env: dict | None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of `command`."""
    cpu, start = children_cpu(), time.perf_counter()
    # Run from / : `python -m` puts the working folder first on sys.path, ahead of PYTHONPATH.
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env, cwd="/")
    return time.perf_counter() - start, children_cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reference", default=DEFAULT_REFERENCE)
    parser.add_argument("--no-reference", action="store_true", help="time jekyll-py only")
    parser.add_argument("--cold", action="store_true", help="build without jekyll-py's disk cache")
    parser.add_argument("--jobs", type=int, help="render workers (default: one per CPU)")
    parser.add_argument("--code", action="append", default=[],
                        help="a folder holding a jekyll_py package to time (repeatable)")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    with tempfile.TemporaryDirectory() as tmp:
        commands = []  # (name, command, environment)
        for number, code in enumerate(args.code or [None]):
            command = [sys.executable, "-m", "jekyll_py", "build", "-q", "-s", site,
                       "-d", os.path.join(tmp, f"py{number}")]
            if args.cold:
                command.append("--disable-disk-cache")
            env = dict(os.environ)
            if args.jobs:
                config = os.path.join(tmp, "jobs.yml")
                with open(config, "w", encoding="utf-8") as handle:
                    handle.write(f"jobs: {args.jobs}\n")
                command += ["--config", f"{os.path.join(site, '_config.yml')},{config}"]
            if code:
                env["PYTHONPATH"] = os.path.abspath(code)
            name = "jekyll-py" + (f" ({code})" if code else "")
            commands.append((name, command, env))
            if not args.cold:
                run_once(command, env)  # fills the cache
        if not args.no_reference and os.path.exists(args.reference):
            commands.append(("jekyll (reference)",
                             [args.reference, site, os.path.join(tmp, "ref")], None))
        times = {name: [] for name, _, _ in commands}
        for _ in range(args.runs):
            for name, command, env in commands:
                times[name].append(run_once(command, env))
    width = max(len(name) for name in times)
    for name, runs in times.items():
        walls, cpus = [wall for wall, _ in runs], [cpu for _, cpu in runs]
        print(f"{name:{width}}  wall min {min(walls):7.3f}s  median {statistics.median(walls):7.3f}s"
              f"  cpu median {statistics.median(cpus):7.3f}s")
    names = list(times)
    if len(names) >= 2:
        last = statistics.median(wall for wall, _ in times[names[-1]])
        for name in names[:-1]:
            ours = statistics.median(wall for wall, _ in times[name])
            print(f"wall ratio {names[-1]} / {name}: {last / ours:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
