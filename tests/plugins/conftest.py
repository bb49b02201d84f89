"""Helpers for plugin tests: write a small site into a temporary folder and build it."""
from __future__ import annotations

import os
import textwrap

import pytest

from jekyll_py import config as site_config
from jekyll_py.log import logger
from jekyll_py.site import Site


def write_files(root, files: dict) -> None:
    for relative, text in files.items():
        path = os.path.join(root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(textwrap.dedent(text).lstrip("\n"))


class BuiltSite:
    def __init__(self, site: Site, warnings: list[str]):
        self.site = site
        self.warnings = warnings

    def read(self, relative: str) -> str:
        with open(os.path.join(self.site.dest, relative), encoding="utf-8") as handle:
            return handle.read()

    def exists(self, relative: str) -> bool:
        return os.path.exists(os.path.join(self.site.dest, relative))


@pytest.fixture
def build(tmp_path):
    """build(files, **overrides) -> BuiltSite: write `files` into a fresh source and build."""
    def run(files: dict, **overrides) -> BuiltSite:
        source = tmp_path / "src"
        source.mkdir(exist_ok=True)
        write_files(str(source), files)
        config = site_config.load({"source": str(source), "destination": str(tmp_path / "out"),
                                   **overrides})
        before = len(logger.warnings)
        site = Site(config)
        site.process()
        return BuiltSite(site, logger.warnings[before:])
    return run
