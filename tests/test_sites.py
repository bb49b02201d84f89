"""Golden sites: build every tests/sites/NAME/src with jekyll-py and compare with expected/.

Layout of a golden site (tests/sites/NAME/):
  src/                      the source site
  expected/                 what the reference Jekyll built (never written by hand or by jekyll-py)
  args.txt                  optional: extra `build` arguments, one line, shell syntax
                            (e.g. `--drafts --future`); the reference got the same ones
  expected-log.txt          optional: Jekyll's stderr (warnings and errors), colours removed,
                            the source folder written as {src}; ours must say the same lines
                            in the same order (case `(log)`)
  dest-before/              optional: files placed in the destination before the build
                            (to test keep_files and the removal of stale files)
  known-differences.txt     optional: one `PATH reason` per line (write `PATH | reason` when
                            PATH has spaces); PATH is relative to expected/, with or without
                            its extension, may be an fnmatch pattern, or is `(build)` or
                            `(extra files)`. Those cases are expected to fail (strict xfail,
                            so the list has to stay true: a case that starts passing fails
                            the run, and an entry that names no case fails too)

Rebuild an expected/ folder with the reference (from the repository root):
  tests/sites/make-expected tests/sites/NAME

One pytest case per (site, expected file), plus one per site for the build itself and
one for files we write that the reference does not. Each site is built once per session,
all selected sites in parallel. With `-s`, a summary line per site is printed at the end.
"""
from __future__ import annotations

import difflib
import fnmatch
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from site_compare import DIFFER, IDENTICAL, NORMALISED, compare_files, list_site_files  # noqa: E402

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITES_ROOT = os.path.join(REPO_ROOT, "tests", "sites")
BUILD_TIMEOUT_SECONDS = 120
BUILD_CASE = "(build)"
EXTRA_CASE = "(extra files)"
LOG_CASE = "(log)"
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


# ---------------------------------------------------------------------------------------------
# Discovery (at collection time)

@dataclass
class GoldenSite:
    name: str
    root: str
    args: list[str]
    known_differences: dict[str, str]  # pattern -> reason

    @property
    def src(self) -> str:
        return os.path.join(self.root, "src")

    @property
    def expected(self) -> str:
        return os.path.join(self.root, "expected")

    @property
    def expected_log(self) -> str:
        return os.path.join(self.root, "expected-log.txt")

    @property
    def dest_before(self) -> str:
        return os.path.join(self.root, "dest-before")

    def known_reason(self, case: str) -> str | None:
        for pattern, reason in self.known_differences.items():
            if case_matches(case, pattern):
                return reason
        return None


def case_matches(case: str, pattern: str) -> bool:
    """`about.html` is named by `about.html`, `about`, or a pattern such as `docs/*`."""
    return (case == pattern or os.path.splitext(case)[0] == pattern
            or fnmatch.fnmatchcase(case, pattern))


def _read_args(root: str) -> list[str]:
    path = os.path.join(root, "args.txt")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as handle:
        return shlex.split(handle.read(), comments=True)


def _read_known_differences(root: str) -> dict[str, str]:
    path = os.path.join(root, "known-differences.txt")
    entries: dict[str, str] = {}
    if not os.path.exists(path):
        return entries
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if " | " in line:
                pattern, _, reason = line.partition(" | ")
            else:
                pattern, _, reason = line.partition(" ")
            if not reason.strip():
                raise ValueError(f"{path}:{number}: expected `PATH reason`, got {line!r}")
            entries[pattern.strip()] = reason.strip()
    return entries


def discover_sites() -> list[GoldenSite]:
    sites = []
    for name in sorted(os.listdir(SITES_ROOT)):
        root = os.path.join(SITES_ROOT, name)
        if os.path.isdir(os.path.join(root, "src")) and os.path.isdir(os.path.join(root, "expected")):
            sites.append(GoldenSite(name, root, _read_args(root), _read_known_differences(root)))
    return sites


SITES = discover_sites()
SITES_BY_NAME = {site.name: site for site in SITES}


def _params(cases):
    """pytest params for (site, case) pairs, strict-xfail where the site lists the case."""
    params = []
    for site, case in cases:
        marks = []
        reason = site.known_reason(case)
        if reason is not None:
            marks.append(pytest.mark.xfail(reason=reason, strict=True))
        params.append(pytest.param(site.name, case, id=f"{site.name}/{case}", marks=marks))
    return params


FILE_CASES = _params((site, rel) for site in SITES for rel in list_site_files(site.expected))
BUILD_CASES = _params((site, BUILD_CASE) for site in SITES)
EXTRA_CASES = _params((site, EXTRA_CASE) for site in SITES)
LOG_CASES = _params((site, LOG_CASE) for site in SITES if os.path.exists(site.expected_log))


# ---------------------------------------------------------------------------------------------
# Building (once per session, in parallel)

@dataclass
class BuildResult:
    dest: str
    returncode: int
    stdout: str
    stderr: str
    # Filled in by the tests, for the summary line.
    counts: dict[str, int] = field(default_factory=lambda: {IDENTICAL: 0, NORMALISED: 0, DIFFER: 0,
                                                              "missing": 0})

    def failure_text(self) -> str:
        tail = "\n".join((self.stdout + self.stderr).splitlines()[-25:])
        return f"jekyll-py build exited with status {self.returncode}:\n{tail}"


def build_command(site: GoldenSite, dest: str) -> list[str]:
    return [sys.executable, "-m", "jekyll_py", "build", "-s", site.src, "-d", dest, *site.args]


def build_environment() -> dict[str, str]:
    """The environment jekyll-ref builds in: UTC, a UTF-8 locale, JEKYLL_ENV unset."""
    env = dict(os.environ)
    env.pop("JEKYLL_ENV", None)
    env.update(TZ="UTC", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [REPO_ROOT, env.get("PYTHONPATH")]))
    return env


def build_site(site: GoldenSite, work_dir: str) -> BuildResult:
    dest = os.path.join(work_dir, site.name)
    if os.path.isdir(site.dest_before):
        shutil.copytree(site.dest_before, dest, symlinks=True)
    try:
        proc = subprocess.run(build_command(site, dest), cwd=site.src, env=build_environment(),
                              capture_output=True, text=True, timeout=BUILD_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return BuildResult(dest, -1, "", f"timed out after {BUILD_TIMEOUT_SECONDS} s")
    except OSError as error:  # one site that cannot start must not take the others down
        return BuildResult(dest, -1, "", f"could not run the build: {error}")
    return BuildResult(dest, proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="session")
def built_sites(request, tmp_path_factory):
    """name -> BuildResult for every site the selected tests use, built in parallel."""
    wanted = []
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        name = callspec.params.get("site_name") if callspec else None
        if name in SITES_BY_NAME and name not in wanted:
            wanted.append(name)
    work_dir = str(tmp_path_factory.mktemp("golden-builds"))
    workers = max(1, min(len(wanted), os.cpu_count() or 1, 4))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {name: pool.submit(build_site, SITES_BY_NAME[name], work_dir) for name in wanted}
        results = {name: future.result() for name, future in futures.items()}
    yield results
    if request.config.getoption("capture") == "no":
        _print_summary(results)


def _print_summary(results: dict[str, BuildResult]) -> None:
    print("\n\ngolden sites (identical / normalised / differ / missing):")
    for name in sorted(results):
        result = results[name]
        counts = result.counts
        status = "build ok" if result.returncode == 0 else f"BUILD FAILED ({result.returncode})"
        print(f"  {name:32} {counts[IDENTICAL]:4} {counts[NORMALISED]:4} {counts[DIFFER]:4} "
              f"{counts['missing']:4}   {status}")


# ---------------------------------------------------------------------------------------------
# The cases

@pytest.mark.parametrize("site_name, case", BUILD_CASES)
def test_build_succeeds(built_sites, site_name, case):
    result = built_sites[site_name]
    if result.returncode != 0:
        pytest.fail(result.failure_text(), pytrace=False)


@pytest.mark.parametrize("site_name, case", FILE_CASES)
def test_file_matches_reference(built_sites, site_name, case):
    site, result = SITES_BY_NAME[site_name], built_sites[site_name]
    expected_path = os.path.join(site.expected, case)
    actual_path = os.path.join(result.dest, case)
    if not os.path.lexists(actual_path):
        result.counts["missing"] += 1
        hint = "" if result.returncode == 0 else "\n" + result.failure_text()
        pytest.fail(f"{case} was not written{hint}", pytrace=False)
    comparison = compare_files(expected_path, actual_path)
    result.counts[comparison.status] += 1
    if comparison.status == DIFFER:
        pytest.fail(f"{case} differs from the reference:\n{comparison.detail}", pytrace=False)


@pytest.mark.parametrize("site_name, case", EXTRA_CASES)
def test_no_extra_files(built_sites, site_name, case):
    site, result = SITES_BY_NAME[site_name], built_sites[site_name]
    if not os.path.isdir(result.dest):
        pytest.fail("no destination folder was written\n" + result.failure_text(), pytrace=False)
    extra = sorted(set(list_site_files(result.dest)) - set(list_site_files(site.expected)))
    if extra:
        pytest.fail("files the reference does not write:\n  " + "\n  ".join(extra), pytrace=False)


def log_lines(text: str, src: str) -> list[str]:
    """Log lines as expected-log.txt holds them: no colours, no trailing spaces, {src}."""
    text = ANSI_COLOUR.sub("", text).replace(src, "{src}")
    return [line.rstrip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("site_name, case", LOG_CASES)
def test_warnings_match_reference(built_sites, site_name, case):
    site, result = SITES_BY_NAME[site_name], built_sites[site_name]
    with open(site.expected_log, encoding="utf-8") as handle:
        expected = log_lines(handle.read(), site.src)
    actual = log_lines(result.stderr, site.src)
    if actual != expected:
        diff = "\n".join(difflib.unified_diff(expected, actual, "reference stderr", "our stderr",
                                               lineterm=""))
        pytest.fail(f"warnings and errors differ from the reference:\n{diff}", pytrace=False)


@pytest.mark.parametrize("site_name", [site.name for site in SITES if site.known_differences])
def test_known_differences_name_real_cases(site_name):
    """Every known-differences entry must name a case that exists (no stale entries)."""
    site = SITES_BY_NAME[site_name]
    cases = [BUILD_CASE, EXTRA_CASE, LOG_CASE, *list_site_files(site.expected)]
    stale = [pattern for pattern in site.known_differences
             if not any(case_matches(case, pattern) for case in cases)]
    assert not stale, f"known-differences.txt entries that match no case: {stale}"


def test_static_files_keep_their_modification_time(tmp_path):
    """Jekyll copies a static file and sets its mtime to the source's, in whole seconds."""
    src = tmp_path / "src"
    (src / "assets").mkdir(parents=True)
    (src / "assets" / "old.css").write_text("body {}\n", encoding="utf-8")
    (src / "index.html").write_text("---\n---\n<p>page</p>\n", encoding="utf-8")
    old = 978_307_200.5  # 2001-01-01 00:00:00.5 UTC
    os.utime(src / "assets" / "old.css", (old, old))
    site = GoldenSite("mtime", str(tmp_path), [], {})
    result = build_site(site, str(tmp_path / "out"))
    if result.returncode != 0:
        pytest.fail(result.failure_text(), pytrace=False)
    copied = os.stat(os.path.join(result.dest, "assets", "old.css")).st_mtime
    assert int(copied) == int(old), f"mtime {copied}, expected {int(old)}"
