"""Parsing every HTML file of the destination once, on several processes for large sites."""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from jekyll_py.check.parse import ParsedPage, parse_file
from jekyll_py.errors import JekyllError

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 200


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def parse_pages(dest: str, relative_paths: list[str], jobs: int | None = None) -> list[ParsedPage]:
    """ParsedPage of each file, in the order given."""
    jobs = jobs or _workers()
    work = [(os.path.join(dest, path), path) for path in relative_paths]
    try:
        if jobs < 2 or len(work) < PARALLEL_THRESHOLD:
            return [parse_file(item) for item in work]
        # fork: the workers need nothing but this module, and start at once.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        chunk = max(16, len(work) // (jobs * 4))
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            return list(pool.map(parse_file, work, chunksize=chunk))
    except OSError as err:
        raise JekyllError(f"Error: cannot read {getattr(err, 'filename', '') or 'a built file'}: "
                          f"{err.strerror or err}")
