"""Configuration: Jekyll 4.3's defaults, `_config.yml` files merged in order, command-line overrides."""
from __future__ import annotations

import copy
import os

from jekyll_py import frontmatter
from jekyll_py.errors import ConfigError
from jekyll_py.liquid.ruby import inspect
from jekyll_py.log import logger
from jekyll_py.url import style_to_template
from jekyll_py.utils import deep_merge

DEFAULTS = {
    # Where things are
    "source": None,
    "destination": None,
    "collections_dir": "",
    "cache_dir": ".jekyll-cache",
    "plugins_dir": "_plugins",
    "layouts_dir": "_layouts",
    "data_dir": "_data",
    "includes_dir": "_includes",
    "collections": {},
    # Handling reading
    "safe": False,
    "include": [".htaccess"],
    "exclude": [],
    "keep_files": [".git", ".svn"],
    "encoding": "utf-8",
    "markdown_ext": "markdown,mkdown,mkdn,mkd,md",
    "strict_front_matter": False,
    # Filtering content
    "show_drafts": None,
    "limit_posts": 0,
    "future": False,
    "unpublished": False,
    # Plugins
    "whitelist": [],
    "plugins": [],
    # Conversion
    "markdown": "kramdown",
    "highlighter": "rouge",
    "lsi": False,
    "excerpt_separator": "\n\n",
    "incremental": False,
    # Serving
    "detach": False,
    "port": "4000",
    "host": "127.0.0.1",
    "baseurl": None,
    "show_dir_listing": False,
    # Output configuration
    "permalink": "date",
    "paginate_path": "/page:num",
    "timezone": None,
    "quiet": False,
    "verbose": False,
    "defaults": [],
    "liquid": {"error_mode": "warn", "strict_filters": False, "strict_variables": False},
    "kramdown": {
        "auto_ids": True,
        "toc_levels": [1, 2, 3, 4, 5, 6],
        "entity_output": "as_char",
        "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
        "input": "GFM",
        "hard_wrap": False,
        "guess_lang": True,
        "footnote_nr": 1,
        "show_warnings": False,
    },
}

# Jekyll 4 appends these to any `exclude` list.
DEFAULT_EXCLUDES = [".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock",
                    "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/"]


def _read_file(path: str, *, is_default: bool) -> dict:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        if is_default:
            logger.warn("Configuration file:", "none")
            return {}
        raise ConfigError(f"The configuration file '{path}' could not be found.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ConfigError(f"Configuration file {path} is not valid UTF-8 (byte {err.start}).") from None
    if path.endswith(".toml"):
        data = _load_toml(path, text)
    else:
        try:
            data = frontmatter.load_yaml(text, filename=path)
        except frontmatter.DisallowedClass as err:
            raise ConfigError(f"Could not read configuration file {path}: {err}") from None
        except frontmatter.YAMLSyntaxError as err:
            # Psych's wording, which names the file, line and column.
            raise ConfigError(str(err)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"Configuration file: (INVALID) {path}")
    logger.info("Configuration file:", path)
    return data


def _load_toml(path: str, text: str) -> dict:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        raise ConfigError(f"Reading {path} needs Python 3.11 or newer (tomllib).") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"Error reading configuration file {path}: {err}") from None


def read_theme_config(path: str) -> dict:
    """A theme's own _config.yml (logged as Jekyll logs it); non-mappings are ignored."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = frontmatter.load_yaml(handle.read(), filename=path)
    except (OSError, frontmatter.YAMLSyntaxError) as err:
        raise ConfigError(f"Error reading theme configuration file {path}: {err}") from None
    if not isinstance(data, dict):
        return {}
    logger.info("Theme Config file:", path)
    return data


def config_files(source: str, requested) -> list[tuple[str, bool]]:
    """The files to read, with whether each is the implicit default."""
    if requested:
        names = requested if isinstance(requested, list) else str(requested).split(",")
        return [(os.path.abspath(name.strip()), False) for name in names if name.strip()]
    for ext in ("yml", "yaml", "toml"):
        candidate = os.path.join(source, f"_config.{ext}")
        if os.path.exists(candidate):
            return [(candidate, True)]
    return [(os.path.join(source, "_config.yml"), True)]


def load(overrides: dict) -> dict:
    """The site configuration: defaults, then each config file, then the command-line overrides."""
    overrides = dict(overrides)
    source = os.path.abspath(overrides.get("source") or os.getcwd())
    user = {}
    for path, is_default in config_files(source, overrides.pop("config", None)):
        user = deep_merge(user, _read_file(path, is_default=is_default))
    _check_lists(user)
    config = deep_merge(copy.deepcopy(DEFAULTS), user)
    config = deep_merge(config, {k: v for k, v in overrides.items() if v is not None})
    config["source"] = source
    config["destination"] = os.path.abspath(
        os.path.join(source, config["destination"]) if config.get("destination")
        else os.path.join(source, "_site"))
    config.setdefault("serving", False)
    _validate(config)
    _add_kramdown_setup(config)
    _add_default_collections(config)
    _add_default_excludes(config)
    return config


def _check_lists(config: dict) -> None:
    """Jekyll's check_plugins and check_include_exclude. They run on the configuration files'
    settings before the defaults are merged in, so a key written without a value (nil) is
    refused too."""
    if "plugins" in config and not isinstance(config["plugins"], list):
        plugins = inspect(config["plugins"])
        logger.error(f"'plugins' should be set as an array of gem-names, but was: {plugins}. "
                     "Use 'plugins_dir' instead to set the directory for your non-gemified "
                     "Ruby plugins.")
        raise ConfigError(f"'plugins' should be set as an array, but was: {plugins}.")
    for option in ("include", "exclude"):
        if option in config and not isinstance(config[option], list):
            raise ConfigError(
                f"'{option}' should be set as an array, but was: {inspect(config[option])}.")


def _validate(config: dict) -> None:
    _check_lists(config)
    for key in ("collections_dir", "layouts_dir", "data_dir", "includes_dir"):
        config[key] = "" if config.get(key) is None else str(config[key])
    limit = config.get("limit_posts") or 0
    try:
        config["limit_posts"] = int(limit)
    except (TypeError, ValueError):
        raise ConfigError(f"limit_posts must be a non-negative number, got {limit!r}") from None
    if config["limit_posts"] < 0:
        raise ConfigError("limit_posts must be a non-negative number")


def _add_kramdown_setup(config: dict) -> None:
    """Keys Jekyll's kramdown parser adds to `kramdown:` when it sets up (seen in site.kramdown)."""
    kramdown = config.get("kramdown")
    if not isinstance(kramdown, dict):
        return
    kramdown = dict(kramdown)
    if not kramdown.get("syntax_highlighter"):
        kramdown["syntax_highlighter"] = config.get("highlighter") or "rouge"
    opts = dict(kramdown.get("syntax_highlighter_opts") or {})
    opts.setdefault("default_lang", "plaintext")
    opts["guess_lang"] = kramdown.get("guess_lang")
    kramdown["syntax_highlighter_opts"] = opts
    kramdown.setdefault("coderay", {})
    config["kramdown"] = kramdown


def _add_default_collections(config: dict) -> None:
    collections = config.get("collections")
    if collections is None:
        return
    if isinstance(collections, list):
        collections = {str(label): {} for label in collections}
    elif not isinstance(collections, dict):
        raise ConfigError("Your `collections` key must be a hash or an array.")
    collections = deep_merge({"posts": {}}, {k: (v or {}) for k, v in collections.items()})
    posts = dict(collections["posts"])
    posts["output"] = True
    if config.get("permalink") and not posts.get("permalink"):
        posts["permalink"] = style_to_template(config["permalink"])
    collections["posts"] = posts
    config["collections"] = collections


def _add_default_excludes(config: dict) -> None:
    if config.get("exclude") is None:
        return
    merged = list(config["exclude"])
    for entry in DEFAULT_EXCLUDES:
        if entry not in merged:
            merged.append(entry)
    config["exclude"] = merged
