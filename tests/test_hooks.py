"""Which render hooks keep rendering in one process, and a document-local hook on workers."""
from __future__ import annotations

import os

from jekyll_py import cache
from jekyll_py import config as site_config
from jekyll_py import parallel
from jekyll_py.hooks import Hooks
from jekyll_py.site import Site


def _noop(*args):
    pass


def test_site_level_and_document_local_hooks_allow_workers():
    hooks = Hooks()
    hooks.register("site", "pre_render", _noop)
    hooks.register(["pages", "documents"], "post_render", lambda doc: None, document_local=True)
    hooks.register("posts", "post_write", _noop)
    assert not hooks.has_render_hooks()
    hooks.register("posts", "post_convert", lambda doc: None)
    assert hooks.has_render_hooks()


def test_a_document_local_hook_runs_on_the_workers(tmp_path, monkeypatch):
    src, dest = tmp_path / "src", tmp_path / "out"
    os.makedirs(src / "_posts")
    (src / "_config.yml").write_text("title: T\n")
    for number in range(60):
        (src / "_posts" / f"2020-01-{1 + number % 28:02d}-p{number}.md").write_text(
            f"---\n---\npost {number}\n")
    os.makedirs(src / "_plugins")
    (src / "_plugins" / "stamp.py").write_text(
        "def stamp(doc):\n"
        "    doc.output += '<!-- stamped -->\\n'\n\n\n"
        "def register(site):\n"
        "    site.plugins.register('posts', 'post_render', stamp, document_local=True)\n")
    forked = []
    real_fork = os.fork

    def counting_fork():
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    cache.clear_memory()
    site = Site(site_config.load({"source": str(src), "destination": str(dest), "jobs": 2,
                                  "quiet": True}))
    site.process()
    assert forked, "rendering did not use worker processes"
    assert (dest / "2020" / "01" / "05" / "p4.html").read_text() == "<p>post 4</p>\n<!-- stamped -->\n"
    assert parallel.worker_count(site) == 2
