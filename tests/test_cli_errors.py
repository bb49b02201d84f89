"""Bad input to `jekyll-py build`: clear one-line errors, the right exit status, and a
previous `_site` left untouched when a build fails.

Where Jekyll 4.3.1 has a message, the wording below is the reference's (built with
../shared/tools/jekyll-ref and read in lib/jekyll/convertible.rb `read_yaml`,
lib/jekyll/document.rb `handle_read_error`, lib/jekyll/configuration.rb):

  page, invalid YAML:      `YAML Exception reading PATH: (<unknown>): mapping values are not
                            allowed in this context at line 2 column 9` (a warning; the page is
                            still written, without its front matter)
  document, invalid YAML:  `Error: YAML Exception reading PATH: ...` (the build goes on)
  --strict_front_matter:   the same message, and the build fails
  front matter not a map:  `Invalid YAML front matter in PATH` (fails)
  `permalink: ""`:         `Invalid permalink in PATH` (fails)
  post, `date: tuesday`:   `Error: could not read file PATH: Invalid date 'tuesday': Document
                            '_posts/NAME' does not have a valid date in the YAML front matter.`
                            (fails; from Jekyll's features/post_data.feature; the same
                            line ends "... a valid date in the filename." for 2016-22-01-x.md)
  --config missing.yml:    `Fatal: The configuration file 'PATH' could not be found.` (fails)

Where Jekyll only crashes with a Ruby backtrace (a broken _config.yml or data file) or says
nothing (a missing source folder, which Jekyll builds as an empty site), issue 2 asks for one
clear line naming the file and line, and exit status 1. A non-UTF-8 page is a warning in
Jekyll ("Error reading file PATH: invalid byte sequence in UTF-8", page copied raw); issue 2
asks for an error with exit status 1, so that is what is tested here.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def run_build(src: Path, dest: Path, *args: str, cwd: Path | None = None):
    env = dict(os.environ)
    env.pop("JEKYLL_ENV", None)
    env.update(TZ="UTC", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", "jekyll_py", "build", "-s", str(src), "-d", str(dest), *args],
        cwd=str(cwd or src), env=env, capture_output=True, text=True, timeout=60)
    proc.output = proc.stdout + proc.stderr  # the log, whichever stream a line went to
    return proc


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def lines_with(output: str, needle: str) -> list[str]:
    return [line for line in output.splitlines() if needle in line]


def assert_clean_failure(proc, *needles: str) -> None:
    """Exit status 1, no Python traceback, and one line holding every needle."""
    assert proc.returncode == 1, f"exit status {proc.returncode}, expected 1:\n{proc.output}"
    assert "Traceback (most recent call last)" not in proc.output, proc.output
    matching = [line for line in proc.output.splitlines() if all(n in line for n in needles)]
    assert matching, f"no single line mentions all of {needles!r}:\n{proc.output}"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under folder with its bytes and modification time."""
    result = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            result[str(path.relative_to(folder))] = (path.read_bytes(), path.stat().st_mtime_ns)
    return result


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small valid site: one page, one post, one static file."""
    src = tmp_path / "src"
    write(src / "_config.yml", "title: Errors\n")
    write(src / "index.html", "---\ntitle: Home\n---\n<p>{{ page.title }}</p>\n")
    write(src / "_posts/2024-01-01-hello.md", "---\ntitle: Hello\n---\nHello.\n")
    write(src / "style.css", "body { color: red; }\n")
    return src


# --- invalid front matter -------------------------------------------------------------------

def test_invalid_front_matter_in_a_page_warns_and_writes_the_page_without_it(site, tmp_path):
    write(site / "bad.html", "---\ntitle: a: b\n---\n<p>bad</p>\n")
    proc = run_build(site, tmp_path / "out")
    assert proc.returncode == 0, proc.output
    message = lines_with(proc.output, "YAML Exception reading")
    assert message and "bad.html" in message[0], proc.output
    # Psych counts lines from the file's first line (the opening ---).
    assert "line 2" in message[0], message[0]
    assert (tmp_path / "out/bad.html").read_text(encoding="utf-8") == "<p>bad</p>\n"
    assert (tmp_path / "out/index.html").read_text(encoding="utf-8") == "<p>Home</p>\n"


def test_invalid_front_matter_in_a_post_is_an_error_line_but_the_build_goes_on(site, tmp_path):
    write(site / "_posts/2024-01-02-bad.md", '---\ntitle: "unclosed\n---\nBad.\n')
    proc = run_build(site, tmp_path / "out")
    assert proc.returncode == 0, proc.output
    message = [line for line in lines_with(proc.output, "YAML Exception reading")
               if "2024-01-02-bad.md" in line]
    assert message and "Error:" in message[0], proc.output
    assert (tmp_path / "out/2024/01/01/hello.html").exists()


def test_strict_front_matter_makes_invalid_yaml_fatal(site, tmp_path):
    write(site / "bad.html", "---\ntitle: a: b\n---\n<p>bad</p>\n")
    proc = run_build(site, tmp_path / "out", "--strict_front_matter")
    assert_clean_failure(proc, "YAML Exception reading", "bad.html", "line 2")


def test_strict_front_matter_from_the_config_file(site, tmp_path):
    write(site / "_config.yml", "strict_front_matter: true\n")
    write(site / "_posts/2024-01-02-bad.md", '---\ntitle: "unclosed\n---\nBad.\n')
    proc = run_build(site, tmp_path / "out")
    assert_clean_failure(proc, "YAML Exception reading", "2024-01-02-bad.md")


def test_front_matter_that_is_not_a_mapping_is_fatal(site, tmp_path):
    write(site / "list.html", "---\n- a\n- b\n---\n<p>list</p>\n")
    proc = run_build(site, tmp_path / "out")
    assert_clean_failure(proc, "Invalid YAML front matter in", "list.html")


def test_invalid_date_in_a_post_is_fatal_with_jekylls_read_error_line(site, tmp_path):
    bad = write(site / "_posts/2016-01-01-test.md", "---\ndate: tuesday\n---\nText.\n")
    proc = run_build(site, tmp_path / "out")
    assert_clean_failure(
        proc, f"Error: could not read file {bad}: Invalid date 'tuesday': Document "
        "'_posts/2016-01-01-test.md' does not have a valid date in the YAML front matter.")


def test_invalid_date_in_a_post_filename_is_fatal_with_jekylls_read_error_line(site, tmp_path):
    bad = write(site / "_posts/2016-22-01-test.md", "---\n---\nText.\n")
    proc = run_build(site, tmp_path / "out")
    assert_clean_failure(
        proc, f"Error: could not read file {bad}: Invalid date '2016-22-01': Document "
        "'_posts/2016-22-01-test.md' does not have a valid date in the filename.")


def test_a_ruby_symbol_in_a_config_file_is_one_clear_line(site, tmp_path):
    write(site / "_config.yml", "title: :symbol\n")
    proc = run_build(site, tmp_path / "out")
    assert_clean_failure(proc, "_config.yml", "Tried to load unspecified class: Symbol")


def test_a_ruby_symbol_in_a_data_file_is_one_clear_line(site, tmp_path):
    write(site / "_data/things.yml", "kind: :symbol\n")
    proc = run_build(site, tmp_path / "out")
    assert_clean_failure(proc, "_data/things.yml", "Tried to load unspecified class: Symbol")


def test_empty_permalink_is_fatal(site, tmp_path):
    write(site / "empty-permalink.html", '---\npermalink: ""\n---\n<p>x</p>\n')
    proc = run_build(site, tmp_path / "out")
    assert_clean_failure(proc, "Invalid permalink in", "empty-permalink.html")


# --- missing or broken input ---------------------------------------------------------------

def test_missing_source_folder(tmp_path):
    missing = tmp_path / "no-such-site"
    proc = run_build(missing, tmp_path / "out", cwd=tmp_path)
    assert_clean_failure(proc, "no-such-site")
    assert not (tmp_path / "out").exists()


def test_missing_config_file_named_with_config(site, tmp_path):
    proc = run_build(site, tmp_path / "out", "--config", "nope.yml")
    assert_clean_failure(proc, "The configuration file", "nope.yml", "could not be found")


def test_broken_config_names_the_file_and_line(site, tmp_path):
    write(site / "_config.yml", "title: ok\nbad: value: more\n")
    proc = run_build(site, tmp_path / "out")
    assert_clean_failure(proc, "_config.yml", "line 2")


def test_broken_second_config_file_is_the_one_named(site, tmp_path):
    write(site / "_config.local.yml", "url: https://example.com\nlist: [a, b\nnext: 1\n")
    proc = run_build(site, tmp_path / "out", "--config", "_config.yml,_config.local.yml")
    assert_clean_failure(proc, "_config.local.yml", "line 2")


def test_broken_data_file_names_the_file_and_line(site, tmp_path):
    write(site / "_data/menu.yml", "a: 1\nb: c: d\n")
    proc = run_build(site, tmp_path / "out")
    assert_clean_failure(proc, "menu.yml", "line 2")


def test_non_utf8_page_names_the_file(site, tmp_path):
    write(site / "latin1.html", b"---\ntitle: caf\xe9\n---\n<p>caf\xe9</p>\n")
    proc = run_build(site, tmp_path / "out")
    assert_clean_failure(proc, "latin1.html")


def test_non_utf8_static_file_is_copied_as_it_is(site, tmp_path):
    # No front matter, so it is never decoded: not an error.
    write(site / "legacy.txt", b"caf\xe9\n")
    proc = run_build(site, tmp_path / "out")
    assert proc.returncode == 0, proc.output
    assert (tmp_path / "out/legacy.txt").read_bytes() == b"caf\xe9\n"


# --- a failed build leaves the previous _site as it was ------------------------------------

BREAKAGES = {
    "broken config": lambda src: write(src / "_config.yml", "title: ok\nbad: value: more\n"),
    "non-UTF-8 page": lambda src: write(src / "index.html", b"---\n---\n<p>caf\xe9</p>\n"),
    "front matter not a mapping": lambda src: write(src / "index.html", "---\n- a\n---\nx\n"),
    "broken data file": lambda src: write(src / "_data/menu.yml", "a: 1\nb: c: d\n"),
    "strict front matter": lambda src: (
        write(src / "_config.yml", "strict_front_matter: true\n"),
        write(src / "bad.html", "---\ntitle: a: b\n---\nx\n")),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_failed_build_leaves_previous_site_untouched(site, tmp_path, breakage):
    dest = tmp_path / "_site"
    first = run_build(site, dest)
    assert first.returncode == 0, first.output
    before = snapshot(dest)
    assert "index.html" in before and "style.css" in before

    # A change that would show if the failed build wrote anything: a new page and a
    # changed static file, then the breakage.
    write(site / "new-page.html", "---\n---\n<p>new</p>\n")
    write(site / "style.css", "body { color: blue; }\n")
    BREAKAGES[breakage](site)

    second = run_build(site, dest)
    assert second.returncode == 1, second.output
    assert "Traceback (most recent call last)" not in second.output, second.output
    assert snapshot(dest) == before
    leftovers = [p.name for p in dest.parent.iterdir() if p.name not in {"src", "_site"}]
    assert not leftovers, f"the failed build left temporary folders behind: {leftovers}"
