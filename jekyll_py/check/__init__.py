"""`jekyll-py check`: the checks Jekyll users run html-proofer for (internal links, anchors,
images and alt text, scripts, stylesheets, favicons; external links on request), without Ruby.

Modules: parse (one HTML file -> ids and references), scan (all files, in parallel),
site_files (what the destination holds, how a path is served), urls (classifying and
resolving URLs), internal (checking a page against the site), external (--external fetching),
options (`check:` configuration and flags), report (problem lines, summary), command (the CLI).
"""
from jekyll_py.check.arguments import add_arguments


def run(args) -> int:
    from jekyll_py.check.command import run as run_check  # the checker, imported when used

    return run_check(args)


def check_site(*args, **kwargs):
    from jekyll_py.check.command import check_site as check

    return check(*args, **kwargs)


__all__ = ["add_arguments", "run", "check_site"]
