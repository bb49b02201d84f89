"""Plugins: Python ports of the Jekyll plugins sites name in `plugins:`, and the plugin API
for plugins written in Python.

`load_plugins(site)` is called by `Site.reset()` after the converters and the Liquid engine
exist. It enables, in this order:

1. the ports below, by the gem name the site's config lists in `plugins:`; in safe mode only
   those also listed in `whitelist:` (as Jekyll does). The older `gems:` key is not read by
   Jekyll 4, so it is not read here either: a site listing plugins only there gets a warning;
2. plugins installed as Python packages that declare an entry point in the group
   `jekyll_py.plugins`, when the config lists the entry point's name;
3. the site's own `_plugins/*.py` files (`plugins_dir`), unless in safe mode.

A plugin is a module (or any object) with a `register(site)` function. It may call
`add_generator(site, fn, priority)`, register hooks with `site.plugins.register(owners,
event, fn)`, append converters to `site.converters` and add Liquid tags and filters with
`site.liquid.register_tag` / `site.liquid.register_filter`. See docs/plugins.md.

A name with no port, or a Ruby file in `_plugins/`, gets one warning and is skipped.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from importlib.metadata import entry_points

from jekyll_py.errors import JekyllError
from jekyll_py.log import logger

ENTRY_POINT_GROUP = "jekyll_py.plugins"

# Gem name -> module in this package.
PORTS = {
    "jekyll-redirect-from": "redirect_from",
    "jekyll-sitemap": "sitemap",
    "jekyll-feed": "feed",
    "jekyll-paginate": "paginate",
    "jekyll-gist": "gist",
    "jekyll-seo-tag": "seo_tag",
    "jekyll-include-cache": "include_cache",
    "jekyll-github-metadata": "github_metadata",
    "jekyll-default-layout": "default_layout",
    "jekyll-optional-front-matter": "optional_front_matter",
    "jekyll-relative-links": "relative_links",
    "jekyll-titles-from-headings": "titles_from_headings",
    "jekyll-readme-index": "readme_index",
    "jekyll-avatar": "avatar",
    "jekyll-mentions": "mentions",
    "jekyll-archives": "archives",
    "jemoji": "jemoji",
}

# Jekyll::Plugin priorities; generators run from the highest to the lowest.
PRIORITIES = {"highest": 100, "high": 10, "normal": 0, "low": -10, "lowest": -100}


def add_generator(site, generator, priority: str | int = "normal") -> None:
    """Add `generator(site)` to the site's generate stage, ordered by `priority`
    (a Jekyll priority name or a number); equal priorities keep registration order."""
    rank = PRIORITIES[priority] if isinstance(priority, str) else int(priority)
    owner, ranks = getattr(site, "_generator_ranks", (None, None))
    if owner is not site.generators:  # a fresh list after Site.reset()
        ranks = {}  # id(generator) -> rank
        site._generator_ranks = (site.generators, ranks)
    position = len(site.generators)
    while position > 0 and ranks.get(id(site.generators[position - 1]), 0) < rank:
        position -= 1
    ranks[id(generator)] = rank
    site.generators.insert(position, generator)


def configured_names(config: dict) -> list[str]:
    """The plugin names the config lists in `plugins:`, without repeats."""
    value = config.get("plugins")
    if isinstance(value, str):
        value = [value]
    names = []
    for name in value or []:
        if isinstance(name, str) and name not in names:
            names.append(name)
    return names


def _warn_about_gems_key(site) -> None:
    gems = site.config.get("gems")
    if gems:
        _warn_once(site, "The 'gems' configuration option was renamed 'plugins'; Jekyll 4 "
                         "does not read 'gems', so these are not enabled: "
                         + ", ".join(str(g) for g in (gems if isinstance(gems, list) else [gems])))


def load_plugins(site) -> None:
    """Enable the plugins the site's configuration names (see the module docstring)."""
    config = site.config
    whitelist = config.get("whitelist") or []
    installed = _installed_entry_points()
    _warn_about_gems_key(site)
    names = configured_names(config)
    if site.theme is not None:  # a theme gem brings the plugins it depends on
        names += [n for n in site.theme.runtime_dependencies if n not in names]
    for name in names:
        if site.safe and name not in whitelist:
            continue  # Jekyll skips non-whitelisted plugins silently in safe mode
        if name in PORTS:
            importlib.import_module(f"{__name__}.{PORTS[name]}").register(site)
        elif name in installed:
            _register(installed[name].load(), site, name)
        else:
            _warn_once(site, f"Plugin '{name}' has no Python port in jekyll-py; "
                             "building without it.")
    if not site.safe:
        _load_site_plugins(site)
    _check_pagination(site, names)
    site.plugins.trigger_site("after_init", site)
    site.plugins.trigger_site("after_reset", site)


def _installed_entry_points() -> dict:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def _register(plugin, site, name: str) -> None:
    register = getattr(plugin, "register", None)
    if register is None and callable(plugin):
        register = plugin
    if register is None:
        raise JekyllError(f"Plugin error: {name} has no register(site) function.")
    register(site)


def _plugin_dirs(site) -> list[str]:
    value = site.config.get("plugins_dir") or "_plugins"
    dirs = value if isinstance(value, list) else [value]
    return [os.path.join(site.source, str(d)) for d in dirs]


def _load_site_plugins(site) -> None:
    """Run every `_plugins/**/*.py` file's `register(site)`; warn about Ruby files."""
    for directory in _plugin_dirs(site):
        if not os.path.isdir(directory):
            continue
        for root, dirs, files in os.walk(directory):
            dirs.sort()
            for filename in sorted(files):
                path = os.path.join(root, filename)
                relative = os.path.relpath(path, site.source)
                if filename.endswith(".rb"):
                    _warn_once(site, f"{relative} is a Ruby plugin; jekyll-py runs only Python "
                                     "plugins, so the build goes on without it.")
                elif filename.endswith(".py"):
                    _register(_import_file(path, relative), site, relative)


def _import_file(path: str, relative: str):
    module_name = "jekyll_py_site_plugin_" + "".join(
        c if c.isalnum() else "_" for c in relative)
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except JekyllError:
        raise
    except Exception as err:
        raise JekyllError(f"Plugin error: {relative} could not be loaded: "
                          f"{type(err).__name__}: {err}") from err
    return module


def _check_pagination(site, names: list[str]) -> None:
    """Jekyll's PluginManager#deprecation_checks: `paginate:` set while jekyll-paginate is
    neither listed in `plugins:` nor loaded (a theme's dependency loads it too)."""
    paginate = site.config.get("paginate")
    if paginate is not None and paginate is not False and "jekyll-paginate" not in names:
        _warn_once(site, "You appear to have pagination turned on, but you haven't included "
                         "the `jekyll-paginate` gem. Ensure you have `plugins: "
                         "[jekyll-paginate]` in your configuration file.", topic="Deprecation:")


# Warnings are given once per process, not once per rebuild (Site.reset runs every build).
_warned: set[str] = set()


def _warn_once(site, message: str, topic: str = "Plugin Warning:") -> None:
    key = f"{site.source}\0{message}"
    if key in _warned:
        return
    _warned.add(key)
    logger.warn(topic, message)
