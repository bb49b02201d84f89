"""Hooks at Jekyll's hook points: owners (site, pages, documents, posts or a collection label)
by events (after_init, post_read, pre_render, post_convert, post_render, post_write...)."""
from __future__ import annotations

from collections import defaultdict


class Hooks:
    def __init__(self):
        self._registry = defaultdict(list)  # (owner, event) -> [callables]

    def register(self, owners, event: str, func) -> None:
        for owner in [owners] if isinstance(owners, str) else owners:
            self._registry[(owner, event)].append(func)

    def owners_of(self, obj) -> list[str]:
        if getattr(obj, "is_page", False):
            return ["pages"]
        if getattr(obj, "is_document", False):
            label = obj.collection.label
            return [label, "documents"]
        return []

    def has_render_hooks(self) -> bool:
        """Whether any hook runs while documents render (their effects must stay in one process)."""
        return any(event in ("pre_render", "post_convert", "post_render")
                   for (_owner, event), funcs in self._registry.items() if funcs)

    def trigger(self, obj, event: str, *args) -> None:
        """Run the hooks registered for `event` on `obj` (a page or document)."""
        for owner in self.owners_of(obj):
            for func in self._registry.get((owner, event), ()):
                func(obj, *args)

    def trigger_site(self, event: str, site, *args) -> None:
        for func in self._registry.get(("site", event), ()):
            func(site, *args)
