"""Content types for served files, as the IANA registry names them (Jekyll serves with the
mime-db table, whose names these follow), with a charset on text types."""
from __future__ import annotations

import mimetypes
import os

# The types a web site commonly holds, named as the IANA registry names them. Python's own
# table (without the system's /etc/mime.types, so the answer is the same on every machine)
# answers for everything else.
WEB_TYPES = {
    # pages, data and scripts
    "html": "text/html", "htm": "text/html", "shtml": "text/html",
    "xhtml": "application/xhtml+xml", "xht": "application/xhtml+xml",
    "css": "text/css", "js": "application/javascript", "mjs": "application/javascript",
    "json": "application/json", "map": "application/json", "jsonld": "application/ld+json",
    "geojson": "application/geo+json", "webmanifest": "application/manifest+json",
    "xml": "application/xml", "xsl": "application/xml", "xsd": "application/xml",
    "rss": "application/rss+xml", "atom": "application/atom+xml",
    "txt": "text/plain", "text": "text/plain", "log": "text/plain", "ini": "text/plain",
    "md": "text/markdown", "markdown": "text/markdown", "csv": "text/csv",
    "yml": "text/yaml", "yaml": "text/yaml", "ics": "text/calendar", "vtt": "text/vtt",
    "scss": "text/x-scss", "sass": "text/x-sass", "wasm": "application/wasm",
    # images
    "png": "image/png", "apng": "image/apng", "jpg": "image/jpeg", "jpeg": "image/jpeg",
    "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "svg": "image/svg+xml",
    "svgz": "image/svg+xml", "ico": "image/vnd.microsoft.icon", "bmp": "image/bmp",
    "tif": "image/tiff", "tiff": "image/tiff", "heic": "image/heic",
    # fonts
    "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
    "ttc": "font/collection", "eot": "application/vnd.ms-fontobject",
    # media
    "mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "ts": "video/mp2t",
    "mp3": "audio/mpeg", "ogg": "audio/ogg", "oga": "audio/ogg", "opus": "audio/ogg",
    "wav": "audio/wav", "m4a": "audio/mp4", "flac": "audio/x-flac",
    # documents and archives
    "pdf": "application/pdf", "epub": "application/epub+zip", "zip": "application/zip",
    "gz": "application/gzip", "tar": "application/x-tar", "7z": "application/x-7z-compressed",
    "xz": "application/x-xz", "bz2": "application/x-bzip2", "rtf": "application/rtf",
}

# Besides text/*, the types that get the site's charset (as Jekyll's serve adds it).
CHARSET_TYPES = {"application/javascript", "application/json", "application/manifest+json"}

DEFAULT_TYPE = "application/octet-stream"

_python_table = mimetypes.MimeTypes().types_map[True]


def content_type(path: str, encoding: str = "utf-8") -> str:
    """The Content-Type header for a file: its type, with `; charset=ENCODING` for text."""
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    kind = WEB_TYPES.get(ext) or _python_table.get("." + ext) or DEFAULT_TYPE
    if kind.startswith("text/") or kind in CHARSET_TYPES:
        return f"{kind}; charset={encoding}"
    return kind
