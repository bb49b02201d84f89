"""LibSass through its C API, called the way the reference (sassc-ruby 2.4) calls it.

The `libsass` package's Python API cannot compile a *string* with an input path and a source map
(its `string=` mode has no source map, its `filename=` mode reads the file from disk), but the
reference compiles the stylesheet text after Liquid with a data context whose input path, source
map file and include paths it sets itself. The `_sass` extension module of that same package
links LibSass statically and exports its C API, so we load it with ctypes and drive a data
context exactly as sassc-ruby's `SassC::Engine#render` does.

`compile_data(...)` returns a `LibSassResult` or raises `LibSassError` carrying LibSass's own
error fields (message, file, line, column).
"""
from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass, field

# enum Sass_Output_Style in sass/base.h
OUTPUT_STYLES = {"nested": 0, "expanded": 1, "compact": 2, "compressed": 3}


@dataclass
class LibSassResult:
    css: str
    source_map: str | None  # None when LibSass made none (omitted, or empty output)
    # Absolute paths of the files the compile loaded (the stylesheet itself excluded); None
    # when unknown (the fallback below), which makes the result uncacheable.
    included_files: list[str] | None = field(default_factory=list)


class LibSassError(Exception):
    def __init__(self, message: str, text: str, file: str, line: int, column: int):
        super().__init__(message)
        self.message = message  # the full LibSass message: "Error: ...\n  on line L:C of F\n>> ..."
        self.text = text        # just the reason: "File to import not found or unreadable: x."
        self.file = file        # the file the error is in, as LibSass names it (may be "stdin")
        self.line = line
        self.column = column


class LibSassUnavailable(Exception):
    """The libsass package is missing or its extension does not export the C API."""


_lib = None


def _load():
    """Load the LibSass C API from the libsass package's extension module (once)."""
    global _lib
    if _lib is not None:
        return _lib
    try:
        import _sass  # the libsass package's C extension
    except ImportError as exc:  # pragma: no cover - libsass is a hard dependency
        raise LibSassUnavailable("the libsass package is not installed") from exc
    try:
        lib = ctypes.CDLL(_sass.__file__)
        lib.sass_make_data_context  # noqa: B018 - probe: raises AttributeError if not exported
    except (OSError, AttributeError) as exc:
        raise LibSassUnavailable(
            f"the LibSass C API is not exported by {_sass.__file__}") from exc

    vp, cp, b, i, sz = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_bool, ctypes.c_int, ctypes.c_size_t
    signatures = {
        # name: (restype, argtypes)
        "sass_copy_c_string": (vp, [cp]),
        "sass_make_data_context": (vp, [vp]),
        "sass_data_context_get_context": (vp, [vp]),
        "sass_context_get_options": (vp, [vp]),
        "sass_compile_data_context": (i, [vp]),
        "sass_delete_data_context": (None, [vp]),
        "sass_context_get_output_string": (cp, [vp]),
        "sass_context_get_source_map_string": (cp, [vp]),
        "sass_context_get_error_status": (i, [vp]),
        "sass_context_get_error_message": (cp, [vp]),
        "sass_context_get_error_text": (cp, [vp]),
        "sass_context_get_error_file": (cp, [vp]),
        "sass_context_get_error_line": (sz, [vp]),
        "sass_context_get_error_column": (sz, [vp]),
        "sass_context_get_included_files": (ctypes.POINTER(cp), [vp]),
        "sass_context_get_included_files_size": (sz, [vp]),
        "sass_option_set_precision": (None, [vp, i]),
        "sass_option_set_output_style": (None, [vp, i]),
        "sass_option_set_source_comments": (None, [vp, b]),
        "sass_option_set_source_map_embed": (None, [vp, b]),
        "sass_option_set_source_map_contents": (None, [vp, b]),
        "sass_option_set_omit_source_map_url": (None, [vp, b]),
        "sass_option_set_is_indented_syntax_src": (None, [vp, b]),
        "sass_option_set_input_path": (None, [vp, cp]),
        "sass_option_set_source_map_file": (None, [vp, cp]),
        "sass_option_set_include_path": (None, [vp, cp]),
    }
    for name, (restype, argtypes) in signatures.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    _lib = lib
    return lib


def available() -> bool:
    try:
        _load()
        return True
    except LibSassUnavailable:
        return False


def _enc(path: str) -> bytes:
    return os.fsencode(path)


def _dec(raw: bytes | None) -> str:
    return raw.decode("utf-8", "replace") if raw is not None else ""


def compile_data(source: str, *, input_path: str, include_paths: list[str],
                 style: str, indented: bool = False, source_map_file: str | None = None,
                 omit_source_map_url: bool = False, source_map_contents: bool = False,
                 source_map_embed: bool = False, line_comments: bool = False,
                 precision: int | None = None) -> LibSassResult:
    """Compile `source` (Sass text) as if it were the file `input_path`.

    Options are set in the order and under the conditions of sassc-ruby's Engine#render; an
    option not given keeps LibSass's default (precision 10, no source map).
    """
    try:
        lib = _load()
    except LibSassUnavailable:
        return _compile_without_c_api(source, input_path=input_path,
                                      include_paths=include_paths, style=style,
                                      indented=indented, line_comments=line_comments,
                                      precision=precision)
    data = lib.sass_make_data_context(lib.sass_copy_c_string(source.encode("utf-8")))
    try:
        ctx = lib.sass_data_context_get_context(data)
        opts = lib.sass_context_get_options(ctx)
        if indented:
            lib.sass_option_set_is_indented_syntax_src(opts, True)
        lib.sass_option_set_input_path(opts, _enc(input_path))
        if precision is not None:
            lib.sass_option_set_precision(opts, int(precision))
        lib.sass_option_set_include_path(opts, _enc(os.pathsep.join(include_paths)))
        lib.sass_option_set_output_style(opts, OUTPUT_STYLES[style])
        if line_comments:
            lib.sass_option_set_source_comments(opts, True)
        if source_map_file:
            lib.sass_option_set_source_map_file(opts, _enc(source_map_file))
        if source_map_embed:
            lib.sass_option_set_source_map_embed(opts, True)
        if source_map_contents:
            lib.sass_option_set_source_map_contents(opts, True)
        if omit_source_map_url:
            lib.sass_option_set_omit_source_map_url(opts, True)

        if lib.sass_compile_data_context(data) != 0:
            raise LibSassError(
                _dec(lib.sass_context_get_error_message(ctx)),
                _dec(lib.sass_context_get_error_text(ctx)),
                _dec(lib.sass_context_get_error_file(ctx)),
                int(lib.sass_context_get_error_line(ctx)),
                int(lib.sass_context_get_error_column(ctx)),
            )
        css = _dec(lib.sass_context_get_output_string(ctx))
        raw_map = lib.sass_context_get_source_map_string(ctx)
        count = lib.sass_context_get_included_files_size(ctx)
        files = lib.sass_context_get_included_files(ctx)
        included = [os.fsdecode(files[n]) for n in range(count)] if count else []
        return LibSassResult(css, _dec(raw_map) if raw_map is not None else None, included)
    finally:
        lib.sass_delete_data_context(data)


def _compile_without_c_api(source: str, *, input_path: str, include_paths: list[str],
                           style: str, indented: bool, line_comments: bool,
                           precision: int | None) -> LibSassResult:
    """Where the extension does not export the C API (possibly some Windows builds), use the
    package's Python API: the same CSS, but no source map and no list of loaded files."""
    import re

    import sass

    try:
        css = sass.compile(string=source, include_paths=[os.path.dirname(input_path),
                                                         *include_paths],
                           output_style=style, indented=indented,
                           source_comments=line_comments,
                           precision=10 if precision is None else precision)
    except sass.CompileError as exc:
        message = str(exc)
        where = re.search(r"on line (\d+):(\d+) of (.+)", message)
        first = message.split("\n", 1)[0]
        text = first[len("Error: "):] if first.startswith("Error: ") else first
        raise LibSassError(message, text, where.group(3).strip() if where else "stdin",
                           int(where.group(1)) if where else 0,
                           int(where.group(2)) if where else 0) from None
    return LibSassResult(css, None, None)
