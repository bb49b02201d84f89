"""The `sass:` configuration read the way jekyll-sass-converter 2.2.0 reads it.

The reference (Debian's Jekyll 4.3.1) ships jekyll-sass-converter 2.2.0 on sassc 2.4 / LibSass
3.6. Its defaults: `style` compact for LibSass (expanded for Dart Sass), `sourcemap` always,
`line_comments` false, `sass_dir` `_sass`. Keys other than its own are handed to the compiler
too (sassc reads `precision`, `source_map_embed`, `line_comments`), except in safe mode.
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass

from jekyll_py.errors import ConfigError

LIBSASS = "libsass"
DART_SASS = "dart-sass"
# `sass-embedded` is what jekyll-sass-converter calls Dart Sass; `dart-sass` is our synonym.
# `sassc` (the converter's default) is LibSass.
IMPLEMENTATIONS = {"sassc": LIBSASS, "libsass": LIBSASS,
                   "sass-embedded": DART_SASS, "dart-sass": DART_SASS}
STYLES = ("nested", "expanded", "compact", "compressed")


def ruby_truthy(value) -> bool:
    """Ruby truthiness: everything but nil and false (so the string "false" is true)."""
    return value is not None and value is not False


@dataclass(frozen=True)
class SassSettings:
    implementation: str          # LIBSASS or DART_SASS
    style: str                   # one of STYLES
    sourcemap: str               # "always", "never", "development" or any other word
    line_comments: bool
    precision: int | None        # None: LibSass's default (10)
    source_map_embed: bool
    add_charset: bool
    load_paths: tuple[str, ...]  # absolute directories, in lookup order


def _sanitized_path(base: str, questionable: str) -> str:
    """Jekyll.sanitized_path: `questionable` forced inside `base`."""
    if questionable is None or questionable == base:
        return base
    clean = "/" + questionable if questionable.startswith("~") else questionable
    clean = os.path.normpath(os.path.join("/", clean)).replace("\\", "/")
    if clean == base:
        return clean
    while "//" in clean:
        clean = clean.replace("//", "/")
    if clean.startswith(base.rstrip("/") + "/"):
        return clean
    return os.path.join(base, clean.lstrip("/"))


def _glob_in(source: str, pattern: str) -> list[str]:
    """Ruby's Dir.glob(pattern) run with the site source as working directory: sorted,
    `**` recursive, a pattern without wildcards kept if the path exists."""
    full = pattern if os.path.isabs(pattern) else os.path.join(source, pattern)
    return sorted(glob.glob(full, recursive=True))


def read_settings(config: dict, source: str, theme_sass_dirs=()) -> SassSettings:
    options = config.get("sass")
    if not isinstance(options, dict):
        options = {}
    safe = ruby_truthy(config.get("safe"))

    implementation = IMPLEMENTATIONS.get(str(options.get("implementation")), LIBSASS)

    default_style = "compact" if implementation == LIBSASS else "expanded"
    style = options.get("style", default_style)
    style = str(style if style is not None else "")
    style = style[1:] if style.startswith(":") else style
    if style not in STYLES:
        style = default_style

    sourcemap = options.get("sourcemap", "always")
    if not isinstance(sourcemap, str):
        # Jekyll calls `.to_sym` on it, which fails for true/false/numbers.
        raise ConfigError(
            f"Invalid sass.sourcemap value {sourcemap!r} in the configuration: "
            "use always, never or development")

    # Jekyll hands the whole `sass:` hash to sassc (not in safe mode), so these sassc options
    # work too, although only line_comments is documented.
    passthrough = {} if safe else options
    precision = passthrough.get("precision")
    if precision is not None and not isinstance(precision, int):
        raise ConfigError(f"Invalid sass.precision value {precision!r}: use a whole number")

    return SassSettings(
        implementation=implementation,
        style=style,
        sourcemap=sourcemap,
        line_comments=ruby_truthy(passthrough.get("line_comments")),
        precision=precision,
        source_map_embed=ruby_truthy(passthrough.get("source_map_embed")),
        add_charset=ruby_truthy(options.get("add_charset")),
        load_paths=tuple(load_paths(options, source, safe, theme_sass_dirs)),
    )


def load_paths(options: dict, source: str, safe: bool, theme_sass_dirs=()) -> list[str]:
    """The converter's `sass_load_paths`: user `load_paths` (globbed from the site source),
    then `sass_dir`, then the theme's `_sass`; only existing directories, no repeats."""
    sass_dir = options.get("sass_dir")
    sass_dir = "_sass" if sass_dir is None or str(sass_dir) == "" else str(sass_dir)
    sass_dir = os.path.relpath(_sanitized_path(source, sass_dir), source)

    user = options.get("load_paths")
    if user is None:
        user = []
    elif not isinstance(user, list):
        user = [user]
    paths = [str(p) for p in user] + [sass_dir]
    if safe:
        paths = [_sanitized_path(source, p) for p in paths]

    expanded = []
    for pattern in paths:
        for match in _glob_in(source, pattern):
            path = _sanitized_path(source, match) if safe else os.path.normpath(match)
            if path not in expanded:
                expanded.append(path)
    expanded.extend(os.path.abspath(d) for d in theme_sass_dirs)
    return [p for p in expanded if os.path.isdir(p)]
