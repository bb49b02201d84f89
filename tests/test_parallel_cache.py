"""The Markdown cache's pack file: read once, rewritten only when needed, and a damaged pack
costs only speed."""
from __future__ import annotations

import marshal
import os

from jekyll_py import cache
from jekyll_py import config as site_config
from jekyll_py.site import Site


def make_site(root) -> Site:
    (root / "_posts").mkdir(parents=True, exist_ok=True)
    (root / "index.md").write_text("---\n---\n# Home\n", encoding="utf-8")
    (root / "_posts" / "2024-01-02-a.md").write_text("---\n---\nA **post**.\n", encoding="utf-8")
    cache.clear_memory()  # as a new process
    return Site(site_config.load({"source": str(root), "destination": str(root / "_site"),
                                  "jobs": 1, "quiet": True}))


def pack_path(root) -> str:
    return str(root / ".jekyll-cache" / "jekyll-py" / "Markdown" / cache.PACK_NAME)


def test_a_damaged_pack_is_ignored_and_replaced(tmp_path):
    make_site(tmp_path).process()
    good = cache._read_pack(pack_path(tmp_path))
    assert sorted(good.values()) == ["<h1 id=\"home\">Home</h1>\n", "<p>A <strong>post</strong>.</p>\n"]
    for damage in (b"not marshal data", marshal.dumps(["a list"]), marshal.dumps({"k": 1})):
        with open(pack_path(tmp_path), "wb") as handle:
            handle.write(damage)
        make_site(tmp_path).process()
        assert (tmp_path / "_site" / "index.html").read_text(encoding="utf-8") == good[
            next(key for key, value in good.items() if "Home" in value)]
        assert cache._read_pack(pack_path(tmp_path)) == good


def test_the_pack_is_not_rewritten_when_nothing_changed(tmp_path):
    make_site(tmp_path).process()
    before = os.stat(pack_path(tmp_path)).st_mtime_ns
    make_site(tmp_path).process()
    assert os.stat(pack_path(tmp_path)).st_mtime_ns == before


def test_entries_of_the_old_one_file_per_entry_layout_are_removed(tmp_path):
    folder = tmp_path / ".jekyll-cache" / "jekyll-py" / "Markdown"
    (folder / "ab").mkdir(parents=True)
    (folder / "ab" / ("c" * 62)).write_text("<p>old</p>\n", encoding="utf-8")
    make_site(tmp_path).process()
    assert sorted(os.listdir(folder)) == [cache.PACK_NAME]
