"""What templates see of the site model: `site`, `page`, collections and static files.

Each drop is a read-only Mapping over a model object, computed when a key is read, so a
template sees the model as it is at that moment (as Jekyll's drops do)."""
from __future__ import annotations

from collections.abc import Mapping

from jekyll_py import JEKYLL_VERSION


class Drop(Mapping):
    """Keys come from `computed` (name -> function of the object), then from `fallback()`."""

    computed: dict = {}
    # Stands for a Ruby Jekyll::Drops::Drop (Liquid iterates its keys), not a Hash ([key, value]).
    ruby_drop = True

    def __init__(self, obj):
        self.obj = obj

    def fallback(self) -> dict:
        return {}

    def __getitem__(self, key):
        getter = self.computed.get(key)
        if getter is not None:
            return getter(self.obj)
        return self.fallback()[key]

    def __contains__(self, key) -> bool:
        return key in self.computed or key in self.fallback()

    def keys(self):
        keys = list(self.computed)
        keys += [k for k in self.fallback() if k not in self.computed]
        return keys

    def __iter__(self):
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def __eq__(self, other) -> bool:
        return isinstance(other, Drop) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)

    def to_dict(self) -> dict:
        return {key: self[key] for key in self.keys()}


# While documents render on workers (parallel.py), a function told of each model object whose
# `content` or `output` a template reads: a document that reads another document's rendering
# depends on the order Jekyll renders in, and is rendered again in order.
content_read_observer = None


def _observed(getter):
    def get(obj):
        if content_read_observer is not None:
            content_read_observer(obj)
        return getter(obj)
    return get


def _liquid(value):
    return value.to_liquid() if value is not None and hasattr(value, "to_liquid") else value


class DocumentDrop(Drop):
    # In the order Ruby lists a Jekyll::Drops::DocumentDrop's keys (measured with the
    # reference: tests/sites/liquid-drop-order), then the front matter's own keys.
    computed = {
        "name": lambda d: d.data.get("name") or d.basename,
        "id": lambda d: d.id,
        "next": lambda d: _liquid(d.neighbour(1)),
        "previous": lambda d: _liquid(d.neighbour(-1)),
        "relative_path": lambda d: d.relative_path,
        "content": _observed(lambda d: d.content),
        "excerpt": lambda d: str(d.data["excerpt"]) if d.data.get("excerpt") is not None else "",
        "output": _observed(lambda d: d.output),
        "title": lambda d: d.data.get("title"),
        "categories": lambda d: d.data.get("categories"),
        "path": lambda d: d.relative_path,
        "url": lambda d: d.url,
        "date": lambda d: d.date,
        "tags": lambda d: d.data.get("tags"),
        "collection": lambda d: d.collection.label,
    }

    def fallback(self):
        return self.obj.data

    def __str__(self) -> str:
        return self.obj.output if self.obj.output is not None else (self.obj.content or "")

    def __liquid_str__(self) -> str:
        """`{{ doc }}` prints Document#to_s (output, else content), not the drop's keys."""
        return str(self)


class ExcerptDrop(DocumentDrop):
    computed = dict(DocumentDrop.computed)
    computed.update({
        "layout": lambda e: e.doc.data.get("layout"),
        "date": lambda e: e.doc.date,
        "excerpt": lambda e: None,
        "name": lambda e: e.doc.data.get("name") or e.doc.basename,
        "collection": lambda e: e.doc.collection.label,
        "id": lambda e: e.doc.id + "#excerpt",
        "output": lambda e: e.output,
        "previous": lambda e: _liquid(e.doc.neighbour(-1)),
        "next": lambda e: _liquid(e.doc.neighbour(1)),
    })

    def __str__(self) -> str:
        return self.obj.output


class PageDrop(Drop):
    """A page as `page` / an item of `site.pages`: its data plus content, dir, excerpt, name,
    path and url (Jekyll builds a Hash for pages; here it is computed on access)."""

    _merged = None
    ruby_drop = False  # Jekyll gives templates a page as a Hash

    computed = {
        "content": _observed(lambda p: p.content),
        "dir": lambda p: p.dir,
        "excerpt": lambda p: None if p.data.get("excerpt") is None else str(p.data["excerpt"]),
        "name": lambda p: p.name,
        "path": lambda p: p.data.get("path", p.relative_path),
        "url": lambda p: p.url,
    }

    def fallback(self):
        if self._merged is None:
            self._merged = self.obj.liquid_data
        return self._merged

    def keys(self):
        keys = [k for k in self.fallback() if k not in self.computed]
        return keys + list(self.computed)

    def __str__(self) -> str:
        return self.obj.output if self.obj.output is not None else (self.obj.content or "")

    def __liquid_str__(self) -> str:
        return str(self)


class StaticFileDrop(Drop):
    computed = {  # in Ruby's order, then front matter defaults
        "name": lambda f: f.name,
        "basename": lambda f: f.basename,
        "extname": lambda f: f.extname,
        "path": lambda f: f.relative_path,
        "collection": lambda f: f.type,
        "modified_time": lambda f: f.modified_time,
    }

    def fallback(self):
        return self.obj.data


class CollectionDrop(Drop):
    computed = {  # in Ruby's order, then the collection's metadata
        "label": lambda c: c.label,
        "docs": lambda c: [d.to_liquid() for d in c.docs],
        "files": lambda c: [f.to_liquid() for f in c.files],
        "relative_directory": lambda c: c.relative_directory,
        "output": lambda c: c.write,
        "directory": lambda c: c.directory,
    }

    def fallback(self):
        return self.obj.metadata

    def __liquid_str__(self) -> str:
        """CollectionDrop#to_s is `docs.to_s`: Ruby's inspect of the array of documents."""
        label = self.obj.label
        return "[" + ", ".join(f"#<Jekyll::Document {doc.relative_path} collection={label}>"
                               for doc in self.obj.docs) + "]"


class SiteDrop(Drop):
    """`site`: the configuration, plus the model's pages, posts, collections, data..."""

    def __init__(self, site, cache: dict | None = None, current=None):
        super().__init__(site)
        self._cache = {} if cache is None else cache
        self.current = current  # the document being rendered, for site.related_posts
        self.computed = {
            "data": lambda s: s.config.get("data") or s.data,
            "time": lambda s: s.time,
            "pages": lambda s: [p.to_liquid() for p in s.pages],
            "static_files": lambda s: [f.to_liquid() for f in s.static_files],
            "tags": lambda s: s.post_attr_hash("tags"),
            "categories": lambda s: s.post_attr_hash("categories"),
            "posts": lambda s: [d.to_liquid() for d in
                                sorted(s.posts.docs, key=lambda d: d.sort_key(), reverse=True)],
            "html_pages": lambda s: [p.to_liquid() for p in s.pages
                                     if p.html or p.url.endswith("/")],
            "collections": lambda s: [c.to_liquid() for c in
                                      sorted(s.collections.values(), key=lambda c: c.label)],
            "documents": lambda s: [d.to_liquid() for d in s.documents()],
            "related_posts": lambda s: None,
            "config": lambda s: None,  # Jekyll's SiteDrop#config: nil, whatever the config
        }

    def for_document(self, doc) -> "SiteDrop":
        """The same drop (sharing its cache) with `related_posts` for `doc`."""
        return SiteDrop(self.obj, self._cache, doc)

    def forget(self, key: str) -> None:
        """Drop a cached list whose model changed while rendering (a source map page)."""
        self._cache.pop(key, None)

    def __getitem__(self, key):
        if key == "related_posts":
            doc = self.current
            if not getattr(doc, "is_document", False):
                return None
            return [p.to_liquid() for p in self.obj.related_posts(doc)]
        if key in self._cache:
            return self._cache[key]
        site = self.obj
        if key != "posts" and key in site.collections:
            value = [d.to_liquid() for d in site.collections[key].docs]
        elif key in self.computed:
            value = self.computed[key](site)
        else:
            return site.config[key]
        # Built once per render pass; a model change while rendering calls forget().
        self._cache[key] = value
        return value

    def __contains__(self, key) -> bool:
        return key in self.obj.collections or key in self.computed or key in self.obj.config

    # SiteDrop#keys: its methods in the order Ruby lists them, then the configuration's keys
    # (collection labels are readable, as site.LABEL, but not listed).
    KEY_ORDER = ("html_pages", "time", "documents", "config", "related_posts", "data", "pages",
                 "categories", "static_files", "collections", "posts", "tags")

    def keys(self):
        keys = list(self.KEY_ORDER)
        keys += [k for k in self.obj.config if k not in keys]
        return keys

    def fallback(self):
        return self.obj.config


def jekyll_drop(environment: str) -> dict:
    return {"version": JEKYLL_VERSION, "environment": environment}
