"""The things a site is made of: pages, documents (posts and collection items), static files,
layouts, collections and excerpts. Reading a file fills one of these; nothing is rendered here."""
from __future__ import annotations

import json
import os
import posixpath
import re

from jekyll_py import frontmatter, url as urls
from jekyll_py.dates import RubyTime, coerce_date
from jekyll_py.errors import FrontMatterError, JekyllError
from jekyll_py.log import logger
from jekyll_py.utils import (add_permalink_suffix, deep_merge, has_liquid_construct,
                             pluralized_array, ruby_sort, sanitized_path, slugify, titleize_slug)

# Document::DATE_FILENAME_MATCHER and DATELESS_FILENAME_MATCHER
DATE_FILENAME_RE = re.compile(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")
DATELESS_FILENAME_RE = re.compile(r"^(?:.+/)*(.*)(\.[^.]+)$")
HTML_EXTENSIONS = (".html", ".xhtml", ".htm")
SASS_EXTENSIONS = (".sass", ".scss")
YAML_EXTENSIONS = (".yaml", ".yml")


def read_text(path: str, relative: str) -> str:
    """A source file's text (UTF-8, byte-order mark dropped) or one clear error."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as err:
        raise JekyllError(f"Error: could not read file {relative}: {err.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[:err.start].count(b"\n") + 1
        raise JekyllError(f"Error: {relative} (line {line}) is not valid UTF-8: "
                          f"invalid byte 0x{raw[err.start]:02x}") from None


def trigger_post_init(item) -> None:
    """The `post_init` hooks of a page or document (pages, documents, posts, or the
    collection's label), run when it is created, as Jekyll does."""
    hooks = getattr(item.site, "plugins", None)
    if hooks is not None:
        hooks.trigger(item, "post_init")


class Convertible:
    """What pages, documents and layouts share: front matter, body text and rendered output."""

    site = None
    data: dict
    content: str = ""
    output: str | None = None
    front_matter_lines = 0  # lines before the body: Liquid errors count lines after them

    @property
    def permalink(self):
        """The front matter's permalink (from defaults too: Jekyll honours both)."""
        return self.data.get("permalink")

    @property
    def output_ext(self) -> str:
        return self.site.output_ext_for(self)

    @property
    def excerpt_separator(self) -> str:
        value = self.data.get("excerpt_separator", self.site.config.get("excerpt_separator"))
        return "" if value is None else str(value)

    def read_front_matter(self, path: str, relative: str, *, strict_label: str) -> dict | None:
        """Split the file into front matter and body; returns the YAML data or None.

        A YAML error is reported as Jekyll does (the body is kept, the data left empty);
        with `strict_front_matter` it ends the build."""
        text = read_text(path, relative)
        yaml_text, body, lines = frontmatter.split(text)
        self.content = body
        self.front_matter_lines = lines
        if yaml_text is None:
            return None
        try:
            data = frontmatter.load_yaml(yaml_text)
        except frontmatter.DisallowedClass as err:
            # Not a syntax error to Jekyll: Convertible#read_yaml and
            # Document#handle_read_error word it differently.
            if strict_label == "document":
                message = f"could not read file {path}: {err}"
                if self.site.config.get("strict_front_matter"):
                    raise FrontMatterError(message) from None
                logger.error("Error:", message)
            else:
                message = f"Error reading file {path}: {err}"
                if self.site.config.get("strict_front_matter"):
                    raise FrontMatterError(message) from None
                logger.warn(message)
            self.yaml_error = True
            return None
        except frontmatter.YAMLSyntaxError as err:
            message = f"YAML Exception reading {path}: {err}"
            if self.site.config.get("strict_front_matter"):
                raise FrontMatterError(f"Error: {message}") from None
            if strict_label == "document":
                logger.error("Error:", message)
            else:
                logger.warn(message)
            self.yaml_error = True
            return None
        if data is not None and not isinstance(data, dict):
            raise FrontMatterError(f"Invalid YAML front matter in {path}")
        return data or {}

    @property
    def render_with_liquid(self) -> bool:
        if self.data.get("render_with_liquid") is False:
            return False
        return has_liquid_construct(self.content)


class Layout(Convertible):
    def __init__(self, site, directory: str, relative_name: str, base: str | None = None):
        # `base` is the source, or a theme's root for the theme's layouts.
        self.site = site
        self.name = relative_name
        self.path = os.path.join(directory, relative_name)
        self.relative_path = os.path.relpath(self.path, base or site.source)
        self.ext = os.path.splitext(relative_name)[1]
        self.data = self.read_front_matter(self.path, self.relative_path, strict_label="layout") or {}
        self.mtime = os.stat(self.path).st_mtime_ns


class Page(Convertible):
    """A file outside collections that starts with front matter."""

    is_page = True
    is_document = False

    def __init__(self, site, directory: str, name: str, base: str | None = None):
        # `directory` is Jekyll's @dir: "" for the root, "/sub/dir" otherwise; `base` is the
        # folder it is relative to (the source, or a theme's root for a theme's assets).
        self._place(site, directory, name, os.path.join(base or site.source,
                                                        directory.lstrip("/"), name))
        front = self.read_front_matter(self.path, self.relative_path, strict_label="page")
        # A page's own keys win over defaults even when null (Jekyll only falls back to defaults
        # for missing keys); templates see the two deep-merged, see `liquid_data`.
        self.defaults_data = site.defaults.all(self.relative_path, "pages")
        self.data = {**self.defaults_data, **(front or {})}
        if front is not None and front.get("permalink") == "":
            raise JekyllError(f"Invalid permalink in {self.path}")
        if site.config.get("page_excerpts") and self.generate_excerpt:
            self.data.setdefault("excerpt", Excerpt(self))
        trigger_post_init(self)

    def _place(self, site, directory: str, name: str, path: str) -> None:
        """Names and places every kind of page shares (Page#process in Jekyll)."""
        self.site = site
        self.dir_ = directory
        self.name = name
        self.path = path
        self.relative_path = posixpath.join(directory, name).lstrip("/")
        self.ext = os.path.splitext(name)[1]
        self.basename = re.sub(r"\.*$", "", name[: len(name) - len(self.ext)] if self.ext else name)
        self.extra_outputs = {}
        self.pager = None
        self._url = None

    # -- identity and URLs ---------------------------------------------------------------

    @property
    def html(self) -> bool:
        return self.output_ext in HTML_EXTENSIONS

    @property
    def url_template(self) -> str:
        if not self.html:
            return "/:path/:basename:output_ext"
        if self.basename == "index":
            return "/:path/"
        return add_permalink_suffix("/:path/:basename", str(self.site.config.get("permalink")))

    @property
    def url(self) -> str:
        if self._url is None:
            placeholders = [("path", self.dir_), ("basename", self.basename),
                            ("output_ext", self.output_ext)]
            self._url = urls.build_url(self.url_template, self.permalink,
                                       lambda t: urls.from_hash(t, placeholders))
        return self._url

    @property
    def dir(self) -> str:
        url = self.url
        if url.endswith("/"):
            return url
        parent = os.path.dirname(url)
        return parent if parent.endswith("/") else parent + "/"

    def destination(self, dest: str) -> str:
        path = sanitized_path(dest, urls.unescape_path(self.url))
        if self.url.endswith("/"):
            path = os.path.join(path, "index")
        if not path.endswith(self.output_ext):
            path += self.output_ext
        return path

    @property
    def place_in_layout(self) -> bool:
        return not (self.ext in SASS_EXTENSIONS or self.ext == ".coffee"
                    or self.data.get("layout") == "none")


    @property
    def generate_excerpt(self) -> bool:
        return bool(self.excerpt_separator) and self.html

    @property
    def write(self) -> bool:
        return True

    @property
    def liquid_data(self) -> dict:
        """What `page.*` shows of the data: defaults deep-merged under the page's own keys."""
        return deep_merge(self.defaults_data, self.data)

    def to_liquid(self):
        from jekyll_py.drops import PageDrop
        return PageDrop(self)

    def __repr__(self) -> str:
        return f"<Page {self.relative_path}>"


class GeneratedPage(Page):
    """A page made by a plugin, not read from a file (Jekyll's PageWithoutAFile)."""

    def __init__(self, site, directory: str, name: str, content: str = "", data: dict | None = None):
        self._place(site, directory, name, os.path.join(site.source, directory.lstrip("/"), name))
        self.content = content
        self.front_matter_lines = 0
        self.defaults_data = site.defaults.all(self.relative_path, "pages")
        self.data = {**self.defaults_data, **(data or {})}
        trigger_post_init(self)

    def __repr__(self) -> str:
        return f"<GeneratedPage {self.relative_path}>"


class SourceMapPage(Page):
    """The source map a Sass page's conversion makes (jekyll-sass-converter's SourceMapPage):
    a page `<basename>.css.map` in the CSS page's folder that shares its front matter (so a
    permalink moves it too), joins `site.pages` when the CSS page is converted, and is written
    as it is (no Liquid, no layout)."""

    def __init__(self, css_page: Page, text: str):
        name = css_page.basename + ".css.map"
        # In the CSS page's URL folder (Page#dir), not its source folder.
        self._place(css_page.site, css_page.dir, name,
                    os.path.join(os.path.dirname(css_page.path), name))
        self.content = text
        self.front_matter_lines = 0
        self.defaults_data = css_page.defaults_data
        self.data = css_page.data  # the same object, as in Ruby
        self._url = None
        trigger_post_init(self)

    @property
    def render_with_liquid(self) -> bool:
        return False

    @property
    def place_in_layout(self) -> bool:
        return False  # an asset file

    def __repr__(self) -> str:
        return f"<SourceMapPage {self.relative_path}>"


class Document(Convertible):
    """A file in a collection (posts included) that starts with front matter."""

    is_page = False
    is_document = True

    def __init__(self, site, path: str, collection: "Collection"):
        self.site = site
        self.path = path
        self.collection = collection
        self.relative_path = os.path.relpath(path, site.collections_path).replace(os.sep, "/")
        self.extname = os.path.splitext(path)[1]
        self.ext = self.extname
        self.basename = os.path.basename(path)
        self.basename_without_ext = os.path.splitext(self.basename)[0]
        self.extra_outputs = {}
        self.output = None
        self.yaml_error = False
        self._url = None
        self.data = {"draft": (collection.label == "posts"
                               and collection.relative_directory not in self.relative_path)}
        self._categories_from_path("_drafts" if self.draft else collection.relative_directory)
        trigger_post_init(self)  # before reading, as in Jekyll

    # -- reading -------------------------------------------------------------------------
    def read(self) -> None:
        defaults = self.site.defaults.all(self.relative_path, self.collection.label)
        if defaults:
            self._while_reading(self.merge_data, defaults, source="front matter defaults")
        front = self.read_front_matter(self.path, self.relative_path, strict_label="document")
        if self.yaml_error:
            return
        if front:
            self._while_reading(self.merge_data, front, source="YAML front matter")
        self._while_reading(self._populate_title)
        self._populate_categories()
        self._populate_tags()
        if self.generate_excerpt:
            self.data.setdefault("excerpt", Excerpt(self))

    def _while_reading(self, step, *args, **kwargs) -> None:
        """A reading step whose JekyllError (an invalid date, in the front matter, the defaults
        or the filename) stops the build with the line Jekyll's Document#handle_read_error
        writes: "could not read file PATH: ..."."""
        try:
            step(*args, **kwargs)
        except JekyllError as error:
            raise JekyllError(f"could not read file {self.path}: {error}") from None

    def merge_data(self, other: dict, *, source: str) -> None:
        other = dict(other)
        cats = other.get("categories")
        if cats is not None:
            if isinstance(cats, str):
                cats = cats.split()
            if isinstance(self.data.get("categories"), list):
                merged = list(self.data["categories"])
                for cat in (cats if isinstance(cats, list) else [cats]):
                    if cat not in merged:
                        merged.append(cat)
                cats = merged
            other["categories"] = cats
        self.data = deep_merge(self.data, other)
        if "date" in self.data and self.data["date"] is not None:
            self.data["date"] = coerce_date(
                self.data["date"], self.site.tz,
                f"Document '{self.relative_path}' does not have a valid date in the {source}.")

    def _categories_from_path(self, special_dir: str) -> None:
        if self.relative_path.startswith(special_dir):
            superdirs = []
        else:
            index = self.relative_path.find(special_dir)
            prefix = self.relative_path[:index] if index >= 0 else ""
            superdirs = [c for c in prefix.split("/")
                         if c and c != special_dir and c != self.basename]
        self.merge_data({"categories": superdirs}, source="file path")

    def _populate_title(self) -> None:
        match = DATE_FILENAME_RE.match(self.relative_path)
        if match:
            date, slug, ext = match.groups()
            current = self.data.get("date")
            if current is None or int(current.timestamp()) == int(self.site.time.timestamp()):
                self.merge_data({"date": date}, source="filename")
        else:
            match = DATELESS_FILENAME_RE.match(self.relative_path)
            slug, ext = match.groups() if match else (None, None)
        if slug is None:
            slug = self.basename_without_ext
        slug = re.sub(r"\.*$", "", slug)
        self.data.setdefault("title", titleize_slug(slug))
        if self.data.get("title") is None:
            self.data["title"] = titleize_slug(slug)
        if self.data.get("slug") is None:
            self.data["slug"] = slug
        if self.data.get("ext") is None:
            self.data["ext"] = ext

    def _populate_categories(self) -> None:
        cats = self.data.get("categories")
        base = cats if isinstance(cats, list) else ([] if cats is None else [cats])
        combined = base + pluralized_array(self.data, "category", "categories")
        seen = []
        for cat in _flatten(combined):
            text = _to_s(cat)
            if text not in seen:
                seen.append(text)
        self.data["categories"] = seen

    def _populate_tags(self) -> None:
        self.data["tags"] = pluralized_array(self.data, "tag", "tags")

    # -- dates, order, identity -----------------------------------------------------------
    @property
    def draft(self) -> bool:
        return bool(self.data.get("draft"))

    @property
    def date(self):
        value = self.data.get("date")
        if value is None:
            if self.draft:
                value = coerce_date_from_mtime(self.path, self.site.tz)
            else:
                value = self.site.time
            self.data["date"] = value
        return value

    def sort_key(self) -> "_DocumentOrder":
        return _DocumentOrder(self)

    @property
    def published(self) -> bool:
        return self.data.get("published", True) is not False


    @property
    def cleaned_relative_path(self) -> str:
        without_ext = self.relative_path[: len(self.relative_path) - len(self.extname)] \
            if self.extname else self.relative_path
        without_ext = without_ext.replace(self.collection.relative_directory, "", 1)
        return re.sub(r"\.*$", "", without_ext)

    def url_placeholder(self, key: str):
        """One value of Jekyll's UrlDrop (the :placeholders of a permalink)."""
        date = self.date
        strftime = {
            "year": "%Y", "month": "%m", "day": "%d", "hour": "%H", "minute": "%M",
            "second": "%S", "i_day": "%-d", "i_month": "%-m", "short_month": "%b",
            "long_month": "%B", "short_year": "%y", "w_year": "%G", "week": "%V", "w_day": "%u",
            "short_day": "%a", "long_day": "%A", "y_day": "%j",
        }
        if key in strftime:
            return date.strftime(strftime[key])
        if key == "collection":
            return self.collection.label
        if key == "path":
            return self.cleaned_relative_path
        if key == "output_ext":
            return self.output_ext
        if key == "name":
            return slugify(self.basename_without_ext)
        if key == "title":
            return (slugify(self.data.get("slug"), mode="pretty", cased=True)
                    or slugify(self.basename_without_ext, mode="pretty", cased=True))
        if key == "slug":
            return slugify(self.data.get("slug")) or slugify(self.basename_without_ext)
        if key == "categories":
            seen = []
            for cat in self.data.get("categories") or []:
                text = _to_s(cat).lower()
                if text not in seen:
                    seen.append(text)
            return "/".join(seen)
        if key == "slugified_categories":
            seen = []
            for cat in self.data.get("categories") or []:
                text = slugify(_to_s(cat))
                if text not in seen:
                    seen.append(text)
            return "/".join(seen)
        raise KeyError(key)

    @property
    def url(self) -> str:
        if self._url is None:
            def resolve(template):
                try:
                    return urls.from_drop(template, self.url_placeholder)
                except KeyError as err:
                    raise JekyllError(f"{err.args[0]} ({self.relative_path})") from None
            self._url = urls.build_url(self.collection.url_template, self.permalink, resolve)
        return self._url

    @property
    def id(self) -> str:
        slug = self.data.get("slug") or self.basename_without_ext
        parent = os.path.dirname(self.url.rstrip("/")) or "/"  # Ruby's File.dirname
        return os.path.join(parent, str(slug))

    def destination(self, dest: str) -> str:
        path = sanitized_path(dest, urls.unescape_path(self.url))
        if self.url.endswith("/"):
            path = os.path.join(path, "index.html")
        elif not path.endswith(self.output_ext):
            path += self.output_ext
        return path

    @property
    def place_in_layout(self) -> bool:
        return not (self.extname in SASS_EXTENSIONS or self.extname == ".coffee"
                    or self.extname in YAML_EXTENSIONS or self.data.get("layout") == "none")

    @property
    def render_with_liquid(self) -> bool:
        if self.data.get("render_with_liquid") is False:
            return False
        if self.extname == ".coffee" or self.extname in YAML_EXTENSIONS:
            return False
        return has_liquid_construct(self.content)


    @property
    def generate_excerpt(self) -> bool:
        return bool(self.excerpt_separator)

    @property
    def write(self) -> bool:
        return self.collection.write and self.site.publishable(self)

    def neighbour(self, step: int):
        docs = self.collection.docs
        for index, doc in enumerate(docs):
            if doc is self:
                other = index + step
                return docs[other] if 0 <= other < len(docs) else None
        return None

    def to_liquid(self):
        from jekyll_py.drops import DocumentDrop
        return DocumentDrop(self)

    def __repr__(self) -> str:
        return f"<Document {self.relative_path} collection={self.collection.label}>"


class Excerpt:
    """The first part of a document (up to `excerpt_separator`), rendered without a layout."""

    is_page = False
    is_document = False
    place_in_layout = False
    front_matter_lines = 0
    _LIQUID_TAG_RE = re.compile(r"{%-?\s*(\w+)\s*.*?-?%}", re.S)
    _LINK_REF_RE = re.compile(r"^ {0,3}(?:(\[[^\]]+\])(:.+))$", re.M)
    BLOCK_TAGS = {"if", "unless", "case", "for", "tablerow", "capture", "comment", "raw",
                  "highlight"}

    def __init__(self, doc):
        self.doc = doc
        self.site = doc.site
        self.content = self._extract(doc.content)
        self._output = None
        self.extra_outputs = {}

    @property
    def data(self) -> dict:
        data = dict(self.doc.data)
        data.pop("layout", None)
        data.pop("excerpt", None)
        return data

    @property
    def relative_path(self) -> str:
        return self.doc.relative_path + "/#excerpt"

    @property
    def path(self) -> str:
        return self.doc.path + "/#excerpt"

    @property
    def ext(self) -> str:
        return self.doc.ext

    extname = ext

    @property
    def output_ext(self) -> str:
        return self.doc.output_ext

    @property
    def url(self) -> str:
        return self.doc.url

    @property
    def render_with_liquid(self) -> bool:
        if self.data.get("render_with_liquid") is False:
            return False
        return has_liquid_construct(self.content)

    @property
    def output(self) -> str:
        if self._output is None:
            from jekyll_py.render import render_excerpt
            self._output = render_excerpt(self.site, self)
        return self._output

    def _extract(self, text: str) -> str:
        head, sep, tail = (text or "").partition(self.doc.excerpt_separator)
        if not sep or not tail:
            return head
        if "{%" in head:
            head = self._close_open_blocks(head)
        definitions = ["".join(m) for m in self._LINK_REF_RE.findall(tail) if m[0] in head]
        if definitions:
            head += "\n\n" + "\n".join(definitions)
        return head

    def _close_open_blocks(self, head: str) -> str:
        modified = False
        for name in reversed(self._LIQUID_TAG_RE.findall(head)):
            if name not in self.BLOCK_TAGS:
                continue
            if re.search(r"{%-?\s*end" + re.escape(name) + r".*?\s*-?%}", head, re.S):
                continue
            modified = True
            head += "\n{% end" + name + " %}"
        if modified:
            logger.warn("Warning:", f"Excerpt modified in {self.doc.relative_path}!")
            logger.warn("", "Found a Liquid block containing the excerpt separator "
                            f"{json.dumps(self.doc.excerpt_separator, ensure_ascii=False)}.")
            logger.warn("", "The block has been modified with the appropriate closing tag.")
            logger.warn("", "Feel free to define a custom excerpt or excerpt_separator in the")
            logger.warn("", "document's Front Matter if the generated excerpt is unsatisfactory.")
        return head

    def __str__(self) -> str:
        return self.output

    def to_liquid(self):
        from jekyll_py.drops import ExcerptDrop
        return ExcerptDrop(self)


class StaticFile:
    """A file copied as it is."""

    is_page = False
    is_document = False

    def __init__(self, site, directory: str, name: str, collection: "Collection | None" = None,
                 base: str | None = None):
        # `directory` is relative to the source with a leading "/" ("" for the root), or for a
        # collection's file, relative to the collections folder ("_docs/sub").
        self.site = site
        self.dir_ = directory
        self.name = name
        self.collection = collection
        # Ruby's File.join: "" + "x.png" gives "/x.png".
        self.relative_path = f"{directory}/{name}" if directory else f"/{name}"
        self.extname = os.path.splitext(name)[1]
        self.basename = re.sub(r"\.*$", "", name[: len(name) - len(self.extname)]
                               if self.extname else name)
        container = site.config["collections_dir"] if collection is not None else ""
        self.path = os.path.join(base or site.source, container, directory.lstrip("/"), name)
        self._url = None

    @property
    def modified_time(self):
        return RubyTime.fromtimestamp(os.stat(self.path).st_mtime, self.site.tz)

    @property
    def mtime_ns(self) -> int:
        return os.stat(self.path).st_mtime_ns

    @property
    def cleaned_relative_path(self) -> str:
        cleaned = self.relative_path[: len(self.relative_path) - len(self.extname)] \
            if self.extname else self.relative_path
        cleaned = re.sub(r"\.*$", "", cleaned)
        if self.collection is not None:
            cleaned = cleaned.replace(self.collection.relative_directory, "", 1)
        return cleaned

    @property
    def url(self) -> str:
        if self._url is None:
            if self.collection is None:
                base = self.cleaned_relative_path
            else:
                placeholders = [("collection", self.collection.label),
                                ("path", self.cleaned_relative_path), ("output_ext", ""),
                                ("name", self.basename), ("title", "")]
                base = urls.build_url(self.collection.url_template, None,
                                      lambda t: urls.from_hash(t, placeholders))
            self._url = (base[:-1] if base.endswith("/") else base) + self.extname
        return self._url

    @property
    def type(self):
        return self.collection.label if self.collection is not None else None

    @property
    def data(self) -> dict:
        return self.site.defaults.all(self.relative_path, self.type)

    @property
    def write(self) -> bool:
        publishable = self.site.defaults.all(self.url, self.type).get("published", True)
        if self.collection is None:
            return publishable is not False
        return publishable is not False and self.collection.write

    def destination(self, dest: str) -> str:
        return sanitized_path(dest, urls.unescape_path(self.url))

    def to_liquid(self):
        from jekyll_py.drops import StaticFileDrop
        return StaticFileDrop(self)

    def __repr__(self) -> str:
        return f"<StaticFile {self.relative_path}>"


class Collection:
    def __init__(self, site, label: str):
        self.site = site
        self.label = re.sub(r"[^a-z0-9_\-.]", "", label, flags=re.I)
        collections = site.config.get("collections")
        # Jekyll looks the metadata up under the sanitised label: a name it changes
        # ('reading list' -> 'readinglist') finds no settings.
        self.metadata = ((collections.get(self.label) or {}) if isinstance(collections, dict)
                         else {})
        self.docs: list[Document] = []
        self.files: list[StaticFile] = []

    @property
    def relative_directory(self) -> str:
        return f"_{self.label}"

    @property
    def directory(self) -> str:
        return os.path.join(self.site.collections_path, self.relative_directory)

    @property
    def write(self) -> bool:
        return bool(self.metadata.get("output", False))

    @property
    def url_template(self) -> str:
        template = self.metadata.get("permalink")
        if template:
            return str(template)
        return add_permalink_suffix("/:collection/:path", str(self.site.config.get("permalink")))

    def sort_docs(self) -> None:
        """Collection#sort_docs!: the `order` list, else `sort_by` a front-matter key, else
        Document#<=> (sorted as Ruby sorts: see utils.ruby_sort)."""
        order = self.metadata.get("order")
        sort_by = self.metadata.get("sort_by")
        if isinstance(order, list):
            by_path = {doc.relative_path: doc for doc in ruby_sort(self.docs, compare_documents)}
            arranged = []
            for entry in order:
                key = f"{self.relative_directory}/{entry}"
                if key in by_path:
                    arranged.append(by_path.pop(key))
            self.docs = arranged + list(by_path.values())
        elif isinstance(sort_by, str):
            self.docs = ruby_sort(self.docs, lambda a, b: _compare_by_key(a, b, sort_by))
        else:
            self.docs = ruby_sort(self.docs, compare_documents)

    def to_liquid(self):
        from jekyll_py.drops import CollectionDrop
        return CollectionDrop(self)

    def __repr__(self) -> str:
        return f"<Collection {self.label} docs={len(self.docs)}>"


class _DocumentOrder:
    """A sort key for Document#<=> where a consistent order is wanted (posts, which all have
    dates). Collections are sorted with `compare_documents` and utils.ruby_sort."""

    __slots__ = ("doc",)

    def __init__(self, doc):
        self.doc = doc

    def __lt__(self, other: "_DocumentOrder") -> bool:
        return compare_documents(self.doc, other.doc) < 0


def _spaceship(a, b):
    """Ruby's `a <=> b` for front-matter values: -1, 0, 1, or None where Ruby has no order
    (different kinds of value, true against false)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return 0 if a is b else None
    try:
        if a == b:
            return 0
        return -1 if a < b else 1
    except TypeError:
        return None


def compare_documents(a, b) -> int:
    """Jekyll's Document#<=>: by the `date` in the data, then by path. A document whose date
    was never set (a collection item without one) has no date yet (Ruby's nil), and nil
    against a date has no order, so such pairs compare by path."""
    order = None
    date_a, date_b = a.data.get("date"), b.data.get("date")
    if date_a is not None and date_b is not None:
        order = _spaceship(date_a, date_b)
    elif date_a is None and date_b is None:
        order = 0
    if not order:
        order = (a.path > b.path) - (a.path < b.path)
    return order


def _compare_by_key(a, b, key: str) -> int:
    """Collection#sort_docs_by_key!: documents without the key go last (with a warning each
    time one is compared, as Jekyll warns), equal or unordered values fall back to
    Document#<=>."""
    value_a, value_b = a.data.get(key), b.data.get(key)
    if value_a is None and value_b is not None:
        logger.warn("Sort warning:", f"'{key}' not defined in {a.relative_path}")
        return 1
    if value_a is not None and value_b is None:
        logger.warn("Sort warning:", f"'{key}' not defined in {b.relative_path}")
        return -1
    order = _spaceship(value_a, value_b)
    return order if order else compare_documents(a, b)


def coerce_date_from_mtime(path: str, tz):
    return RubyTime.fromtimestamp(os.stat(path).st_mtime, tz)


def _flatten(values):
    for value in values:
        if isinstance(value, list):
            yield from _flatten(value)
        else:
            yield value


def _to_s(value) -> str:
    """Ruby's to_s for front-matter scalars."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)
