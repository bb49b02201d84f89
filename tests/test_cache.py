"""The Markdown conversion cache: a second build of an unchanged site converts nothing, a
changed document is converted again, and --disable-disk-cache / safe mode write no cache."""
from __future__ import annotations

import os

import pytest

from jekyll_py import config as site_config
from jekyll_py.cache import Cache
from jekyll_py.site import Site


def make_site(root, **overrides):
    if not (root / "index.md").exists():
        (root / "_posts").mkdir(parents=True, exist_ok=True)
        (root / "index.md").write_text("---\n---\n# Home\n\nSome *text*.\n", encoding="utf-8")
        (root / "_posts" / "2024-01-02-a.md").write_text("---\n---\nA **post**.\n",
                                                        encoding="utf-8")
    config = site_config.load({"source": str(root), "destination": str(root / "_site"),
                               "jobs": 1, **overrides})
    return Site(config)


def count_conversions(monkeypatch) -> list[str]:
    """Texts the Markdown converter is asked to convert from now on."""
    from jekyll_py.converters.markdown import KramdownConverter
    converted = []
    original = KramdownConverter.convert

    def counting(self, text, document=None):
        converted.append(text)
        return original(self, text, document)

    monkeypatch.setattr(KramdownConverter, "convert", counting)
    return converted


@pytest.fixture(autouse=True)
def empty_memory(monkeypatch):
    from jekyll_py import cache
    monkeypatch.setattr(cache, "_memory", {})


def test_second_build_reuses_the_disk_cache(tmp_path, monkeypatch):
    first = make_site(tmp_path)
    converted = count_conversions(monkeypatch)
    first.process()
    assert sorted(converted) == ["# Home\n\nSome *text*.\n", "A **post**.\n"]
    html = (tmp_path / "_site" / "index.html").read_text(encoding="utf-8")
    assert os.path.isdir(tmp_path / ".jekyll-cache" / "jekyll-py" / "Markdown")

    from jekyll_py import cache
    monkeypatch.setattr(cache, "_memory", {})  # a new process: only the disk remains
    second = make_site(tmp_path)
    converted = count_conversions(monkeypatch)
    second.process()
    assert converted == []
    assert (tmp_path / "_site" / "index.html").read_text(encoding="utf-8") == html

    (tmp_path / "index.md").write_text("---\n---\nChanged.\n", encoding="utf-8")
    third = make_site(tmp_path)
    converted = count_conversions(monkeypatch)
    third.process()
    assert converted == ["Changed.\n"]
    assert "<p>Changed.</p>" in (tmp_path / "_site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("overrides", [{"disable_disk_cache": True}, {"safe": True}])
def test_no_disk_cache_when_disabled(tmp_path, overrides):
    make_site(tmp_path, **overrides).process()
    assert not os.path.exists(tmp_path / ".jekyll-cache")


def test_cache_keys_name_every_part(tmp_path):
    site = make_site(tmp_path)
    cache = Cache(site, "Test")
    assert cache.key("a", {"x": 1}) == cache.key("a", {"x": 1})
    assert cache.key("a", {"x": 1}) != cache.key("a", {"x": 2})
    assert cache.getset(cache.key("k"), lambda: "v1") == "v1"
    assert cache.getset(cache.key("k"), lambda: "v2") == "v1"
