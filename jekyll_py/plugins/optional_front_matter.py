"""jekyll-optional-front-matter 0.3: Markdown files without front matter become pages.

README, LICENSE, LICENCE, COPYING, CODE_OF_CONDUCT, CONTRIBUTING, ISSUE_TEMPLATE and
PULL_REQUEST_TEMPLATE files stay as they are unless `include:` names them. Config
`optional_front_matter: {enabled: false}` turns it off, `{remove_originals: true}` stops the
Markdown files from being copied too; `require_front_matter: true` does both.
"""
from __future__ import annotations

from jekyll_py.documents import Page
from jekyll_py.plugins import add_generator
from jekyll_py.reader import EntryFilter

LEFT_ALONE = ("README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING",
              "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE")


def register(site) -> None:
    add_generator(site, generate)


def _option(site, key):
    config = site.config.get("optional_front_matter")
    return config.get(key) if isinstance(config, dict) else None


def left_alone(site, static_file) -> bool:
    include = site.config.get("include")
    if isinstance(include, list) and EntryFilter(site).included(static_file.relative_path):
        return False
    return static_file.basename.upper() in LEFT_ALONE


def generate(site) -> None:
    if _option(site, "enabled") is False or site.config.get("require_front_matter"):
        return
    markdown = site.markdown_converter()
    files = [f for f in site.static_files
             if f.collection is None and markdown.matches(f.extname) and not left_alone(site, f)]
    for static_file in files:
        site.pages.append(Page(site, static_file.dir_, static_file.name))
    if _option(site, "remove_originals") is True or site.config.get("require_front_matter"):
        site.static_files = [f for f in site.static_files if f not in files]
