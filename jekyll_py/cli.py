"""The `jekyll-py` command, spelled as `jekyll` spells it: build, clean, help, --version,
plus the commands that live in their own packages (serve, check)."""
from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import time
import traceback

from jekyll_py import JEKYLL_VERSION, __version__
from jekyll_py.errors import JekyllError
from jekyll_py.log import QUIET, VERBOSE, logger

DESCRIPTION = ("jekyll-py is a Python reimplementation of Jekyll: it builds a Jekyll site into "
               "the same _site Jekyll 4.3 writes.")


def _add_site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-s", "--source", help="Custom source directory (default: .)")
    parser.add_argument("-d", "--destination", help="Custom destination directory (default: ./_site)")
    parser.add_argument("--config", help="Custom configuration file(s), comma separated: a.yml,b.yml")
    parser.add_argument("--safe", action="store_true", default=None,
                        help="Safe mode: no custom plugins, no symlinks outside the source")
    parser.add_argument("-q", "--quiet", action="store_true", help="Silence output")
    parser.add_argument("-V", "--verbose", action="store_true", help="Print verbose output")
    parser.add_argument("-t", "--trace", action="store_true", help="Show the full traceback on error")


def _add_build_options(parser: argparse.ArgumentParser) -> None:
    _add_site_options(parser)
    parser.add_argument("-b", "--baseurl", help="Serve the website from the given base URL")
    parser.add_argument("-D", "--drafts", action="store_true", default=None,
                        help="Render posts in the _drafts folder")
    parser.add_argument("--future", action="store_true", default=None,
                        help="Publish posts or collection documents with a future date")
    parser.add_argument("--unpublished", action="store_true", default=None,
                        help="Render posts that were marked as unpublished")
    parser.add_argument("--limit_posts", type=int, help="Limit the number of posts to parse and publish")
    parser.add_argument("--strict_front_matter", action="store_true", default=None,
                        help="Fail if errors are present in front matter")
    parser.add_argument("--profile", action="store_true", default=None,
                        help="Show a table of the time spent rendering each template")
    parser.add_argument("-I", "--incremental", action="store_true", default=None,
                        help="Accepted for compatibility; every build is a full build")
    parser.add_argument("--disable-disk-cache", dest="disable_disk_cache", action="store_true",
                        default=None, help="Do not write a cache to disk")
    parser.add_argument("--lsi", action="store_true", default=None,
                        help="Accepted for compatibility; related posts are the most recent")
    parser.add_argument("--force_polling", action="store_true", default=None,
                        help="Watch the source by polling rather than file system events")


# Commands implemented in their own package. Each package has
#   add_arguments(parser, add_build_options)  to declare its options, and
#   run(args) -> int                          to carry the command out (raising JekyllError
#                                             for bad input, as the build does).
# (name, aliases, package, help)
PACKAGE_COMMANDS = [
    ("serve", ["s", "server"], "jekyll_py.serve", "Serve your site locally"),
    ("check", [], "jekyll_py.check", "Check the built site: links, anchors, images, scripts"),
]


def _command_package(package: str):
    """The package of a command, or None while it is not part of this installation (or does
    not offer the add_arguments/run pair yet)."""
    try:
        module = importlib.import_module(package)
    except ModuleNotFoundError as err:
        if err.name == package:
            return None
        raise
    if not (hasattr(module, "add_arguments") and hasattr(module, "run")):
        return None
    return module


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jekyll-py", description=DESCRIPTION)
    parser.add_argument("-v", "--version", action="version",
                        version=f"jekyll-py {__version__} (Jekyll {JEKYLL_VERSION})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser("build", aliases=["b"], help="Build your site")
    _add_build_options(build)
    build.add_argument("-w", "--watch", dest="watch", action="store_true", default=False,
                       help="Watch for changes and rebuild")
    build.add_argument("--no-watch", dest="watch", action="store_false",
                       help="Do not watch for changes (the default)")
    clean = commands.add_parser("clean", help="Clean the site (removes site output and metadata file)")
    _add_site_options(clean)
    for name, aliases, package, help_text in PACKAGE_COMMANDS:
        module = _command_package(package)
        if module is not None:
            sub = commands.add_parser(name, aliases=aliases, help=help_text)
            sub.set_defaults(package=package)
            module.add_arguments(sub, _add_build_options)
    help_cmd = commands.add_parser("help", help="Show the help message, optionally for a given command")
    help_cmd.add_argument("topic", nargs="?", help="A command to show help for")
    return parser


def _overrides(args) -> dict:
    """Command-line values as configuration keys (only the ones given)."""
    mapping = {
        "source": "source", "destination": "destination", "config": "config", "safe": "safe",
        "baseurl": "baseurl", "drafts": "show_drafts", "future": "future",
        "unpublished": "unpublished", "limit_posts": "limit_posts",
        "strict_front_matter": "strict_front_matter", "profile": "profile",
        "incremental": "incremental", "disable_disk_cache": "disable_disk_cache", "lsi": "lsi",
        "force_polling": "force_polling",
    }
    result = {}
    for attr, key in mapping.items():
        value = getattr(args, attr, None)
        if value is not None:
            result[key] = value
    if args.destination:
        result["destination"] = os.path.abspath(args.destination)
    if args.config:
        result["config"] = [os.path.abspath(c.strip()) for c in args.config.split(",") if c.strip()]
    if args.source:
        result["source"] = os.path.abspath(args.source)
        if not os.path.isdir(result["source"]):
            raise JekyllError(f"Error: the source directory '{args.source}' does not exist.")
    return result


def load_site(args, extra_overrides: dict | None = None):
    """The Site the command-line arguments describe (configuration read, nothing built)."""
    from jekyll_py import config as site_config
    from jekyll_py.site import Site

    overrides = _overrides(args)
    overrides.update(extra_overrides or {})
    return Site(site_config.load(overrides))


def build_site(site) -> None:
    """Build `site` with the log lines `jekyll build` prints (and --profile's tables)."""
    from jekyll_py.profile import profile_build

    config = site.config
    logger.info("Source:", config["source"])
    logger.info("Destination:", config["destination"])
    # --incremental is accepted, but every build is whole (unchanged Markdown and Sass come
    # from the cache): with the flag, the line says so rather than claiming it enabled.
    logger.info("Incremental build:", "disabled (jekyll-py rebuilds everything, from its cache)"
                if config.get("incremental") else "disabled. Enable with --incremental")
    logger.info("Generating...")
    started = time.monotonic()
    if config.get("profile"):
        print(profile_build(site))
    else:
        site.process()
    logger.info("", f"done in {time.monotonic() - started:.3f} seconds.")


def _build(args) -> int:
    site = load_site(args)
    build_site(site)
    if not args.watch:
        logger.info("Auto-regeneration:", "disabled. Use --watch to enable.")
    else:
        # `build --watch` is serve's watcher and rebuilder without the server.
        from jekyll_py.serve.command import wait_for_stop, watch
        from jekyll_py.serve.options import ServeOptions

        watcher = watch(site, ServeOptions.from_config(site.config), None, trace=args.trace)
        try:
            wait_for_stop()
        finally:
            watcher.stop()
    return 0


def _clean(args) -> int:
    from jekyll_py import config as site_config

    config = site_config.load(_overrides(args))
    dest = config["destination"]
    for path, label in ((dest, dest), (os.path.join(config["source"], ".jekyll-metadata"), None),
                        (os.path.join(config["source"], config.get("cache_dir") or ".jekyll-cache"),
                         None), (os.path.join(config["source"], ".sass-cache"), None)):
        if os.path.isdir(path):
            logger.info("Cleaner:", f"Removing {path}...")
            shutil.rmtree(path)
        elif os.path.isfile(path):
            logger.info("Cleaner:", f"Removing {path}...")
            os.remove(path)
        elif label:
            logger.info("Cleaner:", f"Nothing to do for {path}.")
    return 0


def _report(err: BaseException) -> None:
    message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    topic, sep, rest = message.partition(": ")
    if sep and len(topic) < 19 and " " not in topic.strip() or topic in ("Liquid Exception",
                                                                         "Conversion error"):
        logger.error(topic + ":", rest)
    else:
        logger.error("Error:", message)


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "help"):
        topic = getattr(args, "topic", None)
        if topic:
            parser.parse_args([topic, "--help"])
        parser.print_help()
        return 0
    if args.quiet:
        logger.level = QUIET
    elif args.verbose:
        logger.level = VERBOSE
    try:
        if args.command in ("build", "b"):
            return _build(args)
        if args.command == "clean":
            return _clean(args)
        if getattr(args, "package", None):
            return _command_package(args.package).run(args)
    except JekyllError as err:
        if args.trace:
            traceback.print_exc()
        _report(err)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # an unexpected failure: one line unless --trace
        if args.trace:
            traceback.print_exc()
        else:
            logger.error("Error:", f"jekyll-py failed: {type(err).__name__}: {err} "
                                   "(run with --trace for the traceback)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
