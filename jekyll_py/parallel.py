"""Rendering many documents on several CPU cores.

Each document's render depends only on the site model and the templates, so a batch of
documents can be shared out between worker processes forked after the site was read: each
worker renders its share and sends back, per document, the converted content, the final
output and any extra files (source maps). The parent then stores them on its own objects.

Jekyll renders one document after another, so a template could see the converted content of
documents rendered before it in the same batch; here a worker sees the converted content only
of the documents it rendered itself. Collection documents are rendered as one batch and pages
as another, so pages (feeds, archives, index pages) still see every document converted.
A Sass page's source map joins `site.pages` when the page is converted, so only the pages after
it list the map: Sass pages are rendered here before the workers start, and a worker shows each
page only the maps of the Sass pages before it. Sites with Python plugins that hook into
rendering are rendered in one process."""
from __future__ import annotations

import multiprocessing
import os

from jekyll_py.errors import JekyllError
from jekyll_py.render import render_document

# Below this many documents a batch is rendered in this process: forking costs more.
MIN_BATCH_FOR_WORKERS = 48

_site = None      # the site and the batch being rendered, inherited by forked workers
_batch = None
_pages = None     # site.pages before the batch, and (index, map pages) of its Sass pages
_maps = None


class _WorkerFailure:
    """An error raised in a worker, carried back as its message (exceptions may not pickle)."""

    def __init__(self, error: Exception):
        self.user_facing = isinstance(error, JekyllError)
        self.kind = type(error).__name__
        self.message = str(error)

    def reraise(self):
        if self.user_facing:
            raise JekyllError(self.message)
        raise RuntimeError(f"{self.kind}: {self.message}")


def _render_share(indices: list[int]):
    results = []
    for index in indices:
        item = _batch[index]
        if _maps:
            _site.pages = _pages + [page for before, made in _maps if before < index
                                    for page in made]
            _site.site_drop.forget("pages")
        try:
            render_document(_site, item)
        except Exception as error:  # noqa: BLE001 - sent back to the parent, raised there
            return _WorkerFailure(error)
        results.append((index, item.content, item.output, dict(getattr(item, "extra_outputs", {}))))
    return results


def worker_count(site) -> int:
    jobs = site.config.get("jobs")
    if jobs is not None:
        try:
            return max(1, int(jobs))
        except (TypeError, ValueError):
            return 1
    return os.cpu_count() or 1


def render_batch(site, items: list) -> None:
    """Render every item of `items` (in order when done in this process)."""
    workers = min(worker_count(site), max(1, len(items) // (MIN_BATCH_FOR_WORKERS // 2)))
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if workers < 2 or len(items) < MIN_BATCH_FOR_WORKERS or not can_fork \
            or site.plugins.has_render_hooks():
        for item in items:
            render_document(site, item)
            site.adopt_source_maps(item)
        return
    global _site, _batch, _pages, _maps
    pages = list(site.pages)
    maps = []
    for index, item in enumerate(items):
        if site.makes_source_map(item):
            render_document(site, item)
            maps.append((index, site.adopt_source_maps(item)))
    early = {index for index, _ in maps}
    _site, _batch, _pages, _maps = site, items, pages, maps
    try:
        # Interleaved shares keep the work even when big documents cluster together.
        rest = [index for index in range(len(items)) if index not in early]
        shares = [rest[start::workers] for start in range(workers)]
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            for results in pool.imap_unordered(_render_share, shares):
                if isinstance(results, _WorkerFailure):
                    results.reraise()
                for index, content, output, extra in results:
                    item = items[index]
                    item.content = content
                    item.output = output
                    if extra:
                        item.extra_outputs.update(extra)
    finally:
        _site, _batch, _pages, _maps = None, None, None, None
