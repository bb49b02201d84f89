"""Hooks at Jekyll's hook points: owners (site, pages, documents, posts or a collection label)
by events (after_init, post_read, pre_render, post_convert, post_render, post_write...)."""
from __future__ import annotations

from collections import defaultdict


class Hooks:
    def __init__(self):
        self._registry = defaultdict(list)  # (owner, event) -> [callables]
        self._document_local = set()  # ids of hooks that change only their own document's text

    def register(self, owners, event: str, func, *, document_local: bool = False) -> None:
        """Run `func` at `event` for `owners`. `document_local=True` promises that a render hook
        changes nothing but its own document's `content`/`output`, so documents can still be
        rendered on parallel workers (any other render hook keeps rendering in one process)."""
        for owner in [owners] if isinstance(owners, str) else owners:
            self._registry[(owner, event)].append(func)
        if document_local:
            self._document_local.add(id(func))

    def owners_of(self, obj) -> list[str]:
        if getattr(obj, "is_page", False):
            return ["pages"]
        if getattr(obj, "is_document", False):
            label = obj.collection.label
            return [label, "documents"]
        return []

    def has_render_hooks(self) -> bool:
        """Whether a hook runs while documents render whose effects must stay in one process.
        (The site's own pre_render/post_render run once, before and after all documents.)"""
        return any(event in ("pre_render", "post_convert", "post_render") and owner != "site"
                   and any(id(func) not in self._document_local for func in funcs)
                   for (owner, event), funcs in self._registry.items())

    def trigger(self, obj, event: str, *args) -> None:
        """Run the hooks registered for `event` on `obj` (a page or document)."""
        for owner in self.owners_of(obj):
            for func in self._registry.get((owner, event), ()):
                func(obj, *args)

    def trigger_site(self, event: str, site, *args) -> None:
        for func in self._registry.get(("site", event), ()):
            func(site, *args)
