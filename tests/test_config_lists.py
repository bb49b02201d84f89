"""`plugins`, `include` and `exclude` must be lists in the configuration files (Jekyll's
check_plugins and check_include_exclude, lib/jekyll/configuration.rb). Jekyll checks the files'
merged settings before its defaults are merged in, so a key with no value (nil) fails too.
Messages as the reference (../shared/tools/jekyll-ref) prints them, values in Ruby's inspect."""
from __future__ import annotations

import pytest

from tests.test_cli_errors import assert_clean_failure, run_build, write

CASES = [
    ("plugins:\n", "'plugins' should be set as an array, but was: nil."),
    ("plugins: jekyll-feed\n", "'plugins' should be set as an array, but was: \"jekyll-feed\"."),
    ("include:\n", "'include' should be set as an array, but was: nil."),
    ("exclude: drafts\n", "'exclude' should be set as an array, but was: \"drafts\"."),
]


@pytest.mark.parametrize("config, message", CASES)
def test_a_list_setting_that_is_not_a_list_fails(tmp_path, config, message):
    src = tmp_path / "src"
    write(src / "_config.yml", "title: Lists\n" + config)
    write(src / "index.html", "---\n---\nhi\n")
    proc = run_build(src, tmp_path / "out")
    assert_clean_failure(proc, message)


def test_plugins_error_also_explains_plugins_dir(tmp_path):
    src = tmp_path / "src"
    write(src / "_config.yml", "plugins:\n")
    proc = run_build(src, tmp_path / "out")
    assert ("'plugins' should be set as an array of gem-names, but was: nil. Use 'plugins_dir' "
            "instead to set the directory for your non-gemified Ruby plugins.") in proc.stderr


def test_an_empty_list_and_a_second_file_without_the_key_build(tmp_path):
    src = tmp_path / "src"
    write(src / "_config.yml", "plugins: []\nexclude: []\n")
    write(src / "_config.dev.yml", "title: dev\n")
    write(src / "index.html", "---\n---\n{{ site.title }}\n")
    proc = run_build(src, tmp_path / "out", "--config", "_config.yml,_config.dev.yml")
    assert proc.returncode == 0, proc.output
    assert (tmp_path / "out" / "index.html").read_text() == "dev\n"
