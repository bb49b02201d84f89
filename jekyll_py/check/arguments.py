"""The options of `jekyll-py check`. Kept apart from the command so that `jekyll-py --help`
and the other commands do not import the checker (lxml, threads) to list them."""
from __future__ import annotations

from jekyll_py.check.options import CHECKS


def add_arguments(parser, add_build_options) -> None:
    add_build_options(parser)
    parser.add_argument("--no-build", dest="no_build", action="store_true",
                        help="Check the destination as it is, without building first")
    parser.add_argument("--external", action="store_true", default=None,
                        help="Also fetch external (http/https) links and report failures")
    parser.add_argument("--external-timeout", dest="external_timeout", type=float,
                        metavar="SECONDS", help="Timeout of each external request (default 10)")
    parser.add_argument("--ignore-urls", dest="ignore_urls", metavar="REGEX,...",
                        help="Skip URLs matching any of these regular expressions")
    parser.add_argument("--ignore-files", dest="ignore_files", metavar="REGEX,...",
                        help="Do not report problems in built files whose path in the "
                             "destination matches any of these regular expressions")
    parser.add_argument("--disable", metavar="CHECK,...",
                        help="Checks to turn off: " + ", ".join(CHECKS))
