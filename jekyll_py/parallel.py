"""Rendering many documents on several CPU cores.

Each document's render depends only on the site model and the templates, so a batch of
documents can be shared out between worker processes forked after the site was read. The batch
is cut into short runs of consecutive documents (`chunk_ranges`), handed out to whichever
worker is free, so a worker slowed down by a busy machine or by heavy documents does not hold
the others up. A worker sends back, per document, the converted content, the final output and
any extra files (source maps), and what it put in or took from the build cache; the parent
stores them on its own objects.

Jekyll renders one document after another, so a template sees the converted content of the
documents rendered before it in the same batch and the raw content of those after it. A worker
notes each document whose templates read the `content` or `output` of another document of the
batch (drops.content_read_observer); once the workers are done, those documents are rendered
again here, in order, with the documents before them converted and those after them raw, as
Jekyll would have seen them. (A worker puts the documents of a run back as they were once the
run is sent, so no output depends on which worker took which run.) Collection documents are
rendered as one batch and pages as another, so pages (feeds, archives, index pages) see every
document converted.
A Sass page's source map joins `site.pages` when the page is converted, so only the pages after
it list the map: Sass pages are rendered here before the workers start, and a worker shows each
page only the maps of the Sass pages before it. Sites with Python plugins that hook into
rendering are rendered in one process."""
from __future__ import annotations

import gc
import multiprocessing
import os

from jekyll_py import cache, drops
from jekyll_py.errors import JekyllError
from jekyll_py.render import render_document

# Below this many documents a batch is rendered in this process: forking costs more.
MIN_BATCH_FOR_WORKERS = 48
# A batch is cut into about this many runs, and a run holds at least MIN_RUN documents.
RUNS_PER_BATCH = 32
MIN_RUN = 8

_site = None      # the site and the batch being rendered, inherited by forked workers
_batch = None
_pages = None     # site.pages before the batch, and (index, map pages) of its Sass pages
_maps = None
_batch_index = None  # id(item) -> its index in the batch


class _WorkerFailure:
    """An error raised in a worker, carried back as its message (exceptions may not pickle)."""

    def __init__(self, index: int, error: Exception):
        self.index = index
        self.user_facing = isinstance(error, JekyllError)
        self.kind = type(error).__name__
        self.message = str(error)

    def reraise(self):
        if self.user_facing:
            raise JekyllError(self.message)
        raise RuntimeError(f"{self.kind}: {self.message}")


def chunk_ranges(indices: list[int]) -> list[list[int]]:
    """`indices` cut into runs of consecutive items. Their length depends only on how many
    items there are, so the output does not depend on the number of workers."""
    size = max(MIN_RUN, -(-len(indices) // RUNS_PER_BATCH))
    return [indices[start:start + size] for start in range(0, len(indices), size)]


def _render_run(indices: list[int]):
    """In a worker: render one run; returns (results, failure or None, cache report)."""
    results, failure = [], None
    current = None
    reads_others = False

    def note_read(obj):
        nonlocal reads_others
        if obj is not current and id(obj) in _batch_index:
            reads_others = True

    drops.content_read_observer = note_read
    saved = [(_batch[index], _batch[index].content, _batch[index].output,
              dict(getattr(_batch[index], "extra_outputs", {}))) for index in indices]
    for index in indices:
        item = _batch[index]
        if _maps:
            _site.pages = _pages + [page for before, made in _maps if before < index
                                    for page in made]
            _site.site_drop.forget("pages")
        current, reads_others = item, False
        try:
            render_document(_site, item)
        except Exception as error:  # noqa: BLE001 - sent back to the parent, raised there
            failure = _WorkerFailure(index, error)
            break
        results.append((index, item.content, item.output, dict(getattr(item, "extra_outputs", {})),
                        reads_others))
    drops.content_read_observer = None
    # The next run this worker takes must not see this run's documents converted.
    for item, content, output, extra in saved:
        item.content, item.output = content, output
        if hasattr(item, "extra_outputs"):
            item.extra_outputs = extra
    return results, failure, cache.worker_report()


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
    try:
        _render_batch(site, items)
    finally:
        site.markdown_cache.save()


def _render_batch(site, items: list) -> None:
    workers = min(worker_count(site), max(1, len(items) // (MIN_BATCH_FOR_WORKERS // 2)))
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if workers < 2 or len(items) < MIN_BATCH_FOR_WORKERS or not can_fork \
            or site.plugins.has_render_hooks():
        for item in items:
            render_document(site, item)
            site.adopt_source_maps(item)
        return
    global _site, _batch, _pages, _maps, _batch_index
    pages = list(site.pages)
    maps = []
    for index, item in enumerate(items):
        if site.makes_source_map(item):
            render_document(site, item)
            maps.append((index, site.adopt_source_maps(item)))
    early = {index for index, _ in maps}
    site.markdown_cache.preload()  # read once here; the workers inherit it
    _site, _batch, _pages, _maps = site, items, pages, maps
    _batch_index = {id(item): index for index, item in enumerate(items)}
    unrendered = [(item.content, item.output) for item in items]
    order_dependent = []
    failures = []
    # Objects made so far are not collected in the workers: their pages stay shared with
    # this process instead of being copied when the collector touches them.
    gc.freeze()
    try:
        runs = chunk_ranges([index for index in range(len(items)) if index not in early])
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            for results, failure, report in pool.imap_unordered(_render_run, runs):
                cache.adopt_report(report)
                if failure is not None:
                    failures.append(failure)
                for index, content, output, extra, reads_others in results:
                    item = items[index]
                    item.content = content
                    item.output = output
                    if extra:
                        item.extra_outputs.update(extra)
                    if reads_others:
                        order_dependent.append(index)
    finally:
        gc.unfreeze()
        _site, _batch, _pages, _maps, _batch_index = None, None, None, None, None
    if failures:  # the error Jekyll would stop at: the first failing document in order
        min(failures, key=lambda failure: failure.index).reraise()
    if order_dependent:
        _render_again_in_order(site, items, sorted(order_dependent), unrendered, early)


def _render_again_in_order(site, items: list, dependent: list[int], unrendered: list,
                           early: set[int]) -> None:
    """Render the documents that read other documents' rendering again, one after another,
    each seeing the documents before it rendered and those after it not yet (as in Jekyll)."""
    first = dependent[0]
    rendered = {index: (items[index].content, items[index].output)
                for index in range(first, len(items))}
    for index in range(first, len(items)):
        if index not in early:  # Sass pages were rendered before the workers, in order
            items[index].content, items[index].output = unrendered[index]
    again = set(dependent)
    for index in range(first, len(items)):
        if index in again:
            items[index].content, items[index].output = unrendered[index]
            render_document(site, items[index])
        elif index not in early:
            items[index].content, items[index].output = rendered[index]
