"""Reading the source once: layouts, pages, static files, posts, drafts, collections and data.

Which names are skipped follows Jekyll's EntryFilter: names starting with `.`, `_`, `#` or `~`
or ending with `~` or `.`, and `exclude` patterns, unless `include` names them."""
from __future__ import annotations

import fnmatch
import json
import os
import re

from jekyll_py import frontmatter
from jekyll_py.documents import (DATE_FILENAME_RE, DATELESS_FILENAME_RE, Document, Layout, Page,
                                 StaticFile, read_text)
from jekyll_py.errors import JekyllError
from jekyll_py.log import logger
from jekyll_py.utils import deep_merge, sanitized_path

_SPECIAL_RE = re.compile(r"\A[._#~]")


class EntryFilter:
    def __init__(self, site, base_directory: str = ""):
        self.site = site
        base = base_directory or ""
        if base.startswith(site.source):
            base = base[len(site.source):]
        self.base_directory = base

    def filter(self, entries: list[str]) -> list[str]:
        kept = []
        for entry in entries:
            if entry.endswith("."):
                continue
            included = self.included(entry)
            if self.excluded(entry) and not included:
                continue
            if self.symlink(entry):
                continue
            if included:
                kept.append(entry)
                continue
            if self.special(entry) or entry.endswith("~"):
                continue
            kept.append(entry)
        return kept

    def included(self, entry: str) -> bool:
        patterns = self.site.config.get("include") or []
        return (self._glob_include(patterns, entry)
                or self._glob_include(patterns, os.path.basename(entry)))

    @staticmethod
    def special(entry: str) -> bool:
        return bool(_SPECIAL_RE.match(entry) or _SPECIAL_RE.match(os.path.basename(entry)))

    def excluded(self, entry: str) -> bool:
        include = self.site.config.get("include") or []
        patterns = [p for p in (self.site.config.get("exclude") or []) if p not in include]
        return self._glob_include(patterns, os.path.join(self.base_directory, entry))

    def symlink(self, entry: str) -> bool:
        if not self.site.safe:
            return False
        path = os.path.join(self.site.source, self.base_directory.lstrip("/"), entry) \
            if not os.path.isabs(entry) else entry
        if not os.path.islink(path):
            return False
        return not os.path.realpath(path).startswith(self.site.source)

    def _glob_include(self, patterns, entry: str) -> bool:
        entry_with_source = os.path.join(self.site.source, entry.lstrip("/"))
        is_dir = os.path.isdir(entry_with_source)
        for pattern in patterns:
            if not isinstance(pattern, str):
                continue
            pattern_with_source = os.path.join(self.site.source, pattern.lstrip("/"))
            if (_fnmatch(pattern_with_source, entry_with_source)
                    or entry_with_source.startswith(pattern_with_source)
                    or (is_dir and pattern_with_source == entry_with_source + "/")):
                return True
        return False


def _fnmatch(pattern: str, name: str) -> bool:
    """Ruby's File.fnmatch? without flags: `*` does not match... anything special here except
    that it does cross `/` (no FNM_PATHNAME), like Python's fnmatchcase."""
    return fnmatch.fnmatchcase(name, pattern)


class Reader:
    def __init__(self, site):
        self.site = site

    # -- the whole source ------------------------------------------------------------------
    def read(self) -> None:
        site = self.site
        site.layouts = self.read_layouts()
        self.read_directories("")
        self.read_included_excludes()
        site.pages.sort(key=lambda p: p.name)
        site.static_files.sort(key=lambda f: f.relative_path)
        site.posts.sort_docs()
        for label, collection in site.collections.items():
            if label not in ("posts", "data"):
                self.read_collection(collection)
        self.read_theme_assets()
        site.data = self.read_data(os.path.join(site.source, site.config["data_dir"]))
        if site.theme is not None and site.theme.data_path:
            site.data = deep_merge(self.read_data(site.theme.data_path), site.data)

    def read_directories(self, directory: str) -> None:
        site = self.site
        base = os.path.join(site.source, directory.lstrip("/"))
        if not os.path.isdir(base):
            return
        entries = EntryFilter(site, base).filter(os.listdir(base))
        dirs, pages, statics = [], [], []
        for entry in entries:
            path = os.path.join(base, entry)
            if os.path.isdir(path):
                dirs.append(entry)
            elif frontmatter.has_front_matter(path):
                pages.append(entry)
            else:
                statics.append(entry)
        self.retrieve_posts(directory)
        for entry in dirs:
            path = os.path.join(base, entry)
            if os.path.abspath(path) != site.dest.rstrip("/"):
                self.read_directories(f"{directory}/{entry}")
        for entry in pages:
            page = Page(site, directory, entry)
            if site.publishable(page):
                site.pages.append(page)
        for entry in statics:
            site.static_files.append(StaticFile(site, directory, entry))

    def read_included_excludes(self) -> None:
        """Files named in `include` that the walk skipped (e.g. `.htaccess`)."""
        site = self.site
        entry_filter = EntryFilter(site)
        for entry in site.config.get("include") or []:
            # site.in_source_dir: '..' cannot climb out, and a trailing '/' is dropped.
            path = sanitized_path(site.source, str(entry))
            if os.path.isdir(path) or not os.path.isfile(path) or entry_filter.symlink(path):
                continue
            directory, name = os.path.split(path)
            directory = directory[len(site.source):]
            if frontmatter.has_front_matter(path):
                if any(os.path.join(site.source, p.relative_path) == path for p in site.pages):
                    continue
                page = Page(site, directory, name)
                if site.publishable(page):
                    site.pages.append(page)
            else:
                if any(os.path.join(site.source, f.relative_path.lstrip("/")) == path
                       for f in site.static_files):
                    continue
                site.static_files.append(StaticFile(site, directory, name))

    # -- posts and drafts ------------------------------------------------------------------
    def retrieve_posts(self, directory: str) -> None:
        site = self.site
        collections_dir = site.config.get("collections_dir") or ""
        if collections_dir and not directory.startswith("/" + collections_dir):
            return
        posts = site.posts
        posts.docs.extend(self._read_publishable(directory, "_posts", DATE_FILENAME_RE))
        if site.config.get("show_drafts"):
            posts.docs.extend(self._read_publishable(directory, "_drafts", DATELESS_FILENAME_RE))

    def _entries(self, directory: str, subfolder: str) -> list[str]:
        base = os.path.join(self.site.source, directory.lstrip("/"), subfolder)
        if not os.path.exists(base):
            return []
        found = []
        for root, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                if name.startswith("."):
                    continue
                found.append(os.path.relpath(os.path.join(root, name), base).replace(os.sep, "/"))
        found.sort()
        return EntryFilter(self.site, base).filter(found)

    def _read_publishable(self, directory: str, magic_dir: str, matcher) -> list[Document]:
        site = self.site
        docs = []
        for entry in self._entries(directory, magic_dir):
            if not matcher.match(entry):
                continue
            # Jekyll reads a .yml/.yaml document as plain YAML data with no content, and a
            # post without content is skipped.
            if os.path.splitext(entry)[1] in (".yml", ".yaml"):
                continue
            path = os.path.join(site.source, directory.lstrip("/"), magic_dir, entry)
            doc = Document(site, path, site.posts)
            doc.read()
            if site.publishable(doc):
                docs.append(doc)
            elif site.hidden_in_the_future(doc) and doc.published:
                logger.warn("Skipping:", f"{doc.relative_path} has a future date")
        return docs

    # -- other collections -----------------------------------------------------------------
    def read_collection(self, collection) -> None:
        site = self.site
        directory = collection.directory
        if not os.path.isdir(directory) or EntryFilter(site).symlink(directory):
            return
        entries = []
        for root, dirnames, filenames in os.walk(directory):
            dirnames.sort()
            for name in filenames:
                entries.append(os.path.relpath(os.path.join(root, name), directory)
                               .replace(os.sep, "/"))
        entries.sort()
        entry_filter = EntryFilter(site, collection.relative_directory)
        for entry in entry_filter.filter(entries):
            full_path = os.path.join(directory, entry)
            if os.path.isdir(full_path) or entry_filter.symlink(full_path):
                continue
            if frontmatter.has_front_matter(full_path):
                doc = Document(site, full_path, collection)
                doc.read()
                if site.config.get("unpublished") or doc.published:
                    collection.docs.append(doc)
            else:
                subdir = os.path.dirname(entry)
                relative_dir = collection.relative_directory + ("/" + subdir if subdir else "")
                collection.files.append(StaticFile(site, relative_dir, os.path.basename(entry),
                                                   collection))
        site.static_files.extend(collection.files)
        collection.sort_docs()

    # -- a theme's assets -------------------------------------------------------------------
    def read_theme_assets(self) -> None:
        """A theme's `assets/` files, unless the site has a file at the same path."""
        site = self.site
        theme = site.theme
        if theme is None or not theme.assets_path:
            return
        for root, dirnames, filenames in os.walk(theme.assets_path):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(root, name)
                if os.path.islink(path):
                    logger.warn("Theme reader:", f"Ignored symlinked asset: {path}")
                    continue
                directory = os.path.relpath(root, theme.root).replace(os.sep, "/")
                if frontmatter.has_front_matter(path):
                    page = Page(site, directory, name, base=theme.root)
                    if not any(p.relative_path == page.relative_path for p in site.pages):
                        site.pages.append(page)
                else:
                    static = StaticFile(site, "/" + directory, name, base=theme.root)
                    if not any(f.relative_path == static.relative_path for f in site.static_files):
                        site.static_files.append(static)

    # -- layouts -------------------------------------------------------------------------
    def read_layouts(self) -> dict:
        site = self.site
        layouts = self._read_layouts_in(os.path.join(site.source, site.config["layouts_dir"]),
                                        site.source)
        if site.theme is not None and site.theme.layouts_path:
            theme_layouts = self._read_layouts_in(site.theme.layouts_path, site.theme.root)
            for name, layout in theme_layouts.items():
                layouts.setdefault(name, layout)
        return layouts

    def _read_layouts_in(self, directory: str, base: str) -> dict:
        site = self.site
        layouts = {}
        if not os.path.isdir(directory):
            return layouts
        entries = []
        for root, dirnames, filenames in os.walk(directory):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                if name.startswith(".") or "." not in name:
                    continue
                entries.append(os.path.relpath(os.path.join(root, name), directory)
                               .replace(os.sep, "/"))
        for entry in EntryFilter(site).filter(sorted(entries)):
            name = ".".join(entry.split(".")[:-1])
            layouts[name] = Layout(site, directory, entry, base=base)
        return layouts

    # -- data ----------------------------------------------------------------------------
    def read_data(self, directory: str) -> dict:
        content = {}
        self._read_data_to(directory, content)
        return content

    def _read_data_to(self, directory: str, data: dict) -> None:
        entry_filter = EntryFilter(self.site)
        if not os.path.isdir(directory) or entry_filter.symlink(directory):
            return
        names = sorted(os.listdir(directory))
        # Ruby's Dir["*.{yaml,yml,json,csv,tsv}"] lists the files extension group by group.
        files = [n for ext in (".yaml", ".yml", ".json", ".csv", ".tsv") for n in names
                 if not n.startswith(".") and n.endswith(ext)]
        subdirs = [n for n in names if not n.startswith(".")
                   and os.path.isdir(os.path.join(directory, n))]
        for entry in files + subdirs:
            path = os.path.join(directory, entry)
            if entry_filter.symlink(path):
                continue
            if os.path.isdir(path):
                data[_sanitize_data_name(entry)] = {}
                self._read_data_to(path, data[_sanitize_data_name(entry)])
            else:
                data[_sanitize_data_name(os.path.splitext(entry)[0])] = self._read_data_file(path)

    def _read_data_file(self, path: str):
        relative = os.path.relpath(path, self.site.source)
        text = read_text(path, relative)
        ext = os.path.splitext(path)[1].lower()
        if ext in (".csv", ".tsv"):
            reader_config = self.site.config.get("csv_reader" if ext == ".csv" else "tsv_reader") or {}
            encoding = str(reader_config.get("encoding", self.site.config.get("encoding") or ""))
            if with_bom(path) and not encoding.lower().startswith("bom|"):
                # Ruby's CSV reads the file as plain UTF-8: the first header keeps the BOM.
                text = "\ufeff" + text
            rows = parse_delimited(text, "," if ext == ".csv" else "\t")
            if reader_config.get("headers", True) is False:
                return rows
            if not rows:
                return []
            header, body = rows[0], rows[1:]
            return [{h: (row[i] if i < len(row) else None) for i, h in enumerate(header)}
                    for row in body]
        try:
            if ext == ".json":
                try:
                    return json.loads(text)
                except ValueError:
                    pass  # Jekyll reads JSON with its YAML parser; fall through for its message
            return frontmatter.load_yaml(text)
        except frontmatter.YAMLSyntaxError as err:
            raise JekyllError(f"Error: YAML Exception reading {path}: {err}") from None


def with_bom(path: str) -> bool:
    with open(path, "rb") as handle:
        return handle.read(3) == b"\xef\xbb\xbf"


def parse_delimited(text: str, separator: str) -> list[list]:
    """CSV/TSV rows as Ruby's CSV reads them: an empty unquoted field is None, a quoted empty
    field is ''. Quotes may wrap a field; "" inside quotes is a quote; newlines may be quoted."""
    rows, row, field, quoted, in_quotes = [], [], [], False, False
    i, n = 0, len(text)

    def end_field():
        value = "".join(field)
        row.append(value if (value or quoted) else None)

    while i < n:
        ch = text[i]
        if in_quotes:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    field.append('"')
                    i += 1
                else:
                    in_quotes = False
            else:
                field.append(ch)
        elif ch == '"' and not field:
            in_quotes = quoted = True
        elif ch == separator:
            end_field()
            field, quoted = [], False
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            end_field()
            rows.append(row)
            row, field, quoted = [], [], False
        else:
            field.append(ch)
        i += 1
    if field or quoted or row:
        end_field()
        rows.append(row)
    return rows


def _sanitize_data_name(name: str) -> str:
    name = re.sub(r"[^\w\s-]+", "", name).strip()
    return re.sub(r"\s+", "_", name)
