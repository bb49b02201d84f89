"""`jekyll-py check`: build the site (unless --no-build), check every HTML file of the
destination, print one line per problem and a summary; exit status 1 when anything is wrong."""
from __future__ import annotations

import os

from jekyll_py.check.external import HINT_RELS, check_urls
from jekyll_py.check.internal import SiteContext, check_page
from jekyll_py.check.options import CHECKS, load_options
from jekyll_py.check.report import Counts, Problem, report_path, sorted_problems, summary
from jekyll_py.check.scan import parse_pages
from jekyll_py.check.site_files import SiteFiles
from jekyll_py.check.urls import normalise_baseurl, normalise_site_url
from jekyll_py.errors import JekyllError
from jekyll_py.log import logger


def run(args) -> int:
    from jekyll_py.cli import build_site, load_site

    site = load_site(args)
    options = load_options(site.config.get("check"), args)
    if not getattr(args, "no_build", False):
        build_site(site)
    dest = site.dest
    if not os.path.isdir(dest):
        raise JekyllError(f"Error: the destination {dest} does not exist: build the site first, "
                          "or run check without --no-build.")
    problems, counts = check_site(dest, site.config, options)
    for problem in problems:
        print(problem)
    print(summary(counts, len(problems)))
    return 1 if problems else 0


def check_site(dest: str, config: dict, options) -> tuple[list[Problem], Counts]:
    """Every problem of the built site at `dest`, sorted, and what was counted."""
    files = SiteFiles(dest)
    html_paths = files.html_files()
    pages = parse_pages(dest, html_paths)
    names: dict[str, str] = {}

    def name_of(relative: str) -> str:
        if relative not in names:
            names[relative] = report_path(dest, relative)
        return names[relative]

    baseurl = normalise_baseurl(config.get("baseurl"))
    site = SiteContext(files=files, ids={page.path: page.ids for page in pages},
                       options=options, baseurl=baseurl,
                       site_url=normalise_site_url(config.get("url"), baseurl), name_of=name_of)
    counts = Counts(external_checked=options.external)
    problems: list[Problem] = []
    external_refs: list[tuple[str, str, int]] = []  # (url, page path, line)
    for page in pages:
        if options.file_ignored(page.path):
            continue
        counts.files += 1
        result = check_page(page, site)
        counts.internal += result.internal
        problems.extend(Problem(name_of(page.path), line, message)
                        for line, message in result.problems)
        external_refs.extend((url, page.path, line) for url, line, rel in result.external
                             if not (set(rel.split()) & HINT_RELS))
    counts.external = len({url for url, _, _ in external_refs})
    if options.external:
        failures = check_urls([url for url, _, _ in external_refs], options.timeout)
        problems.extend(Problem(name_of(path), line, f"external link {url} failed: {failures[url]}")
                        for url, path, line in external_refs if failures.get(url))
    return sorted_problems(problems), counts
