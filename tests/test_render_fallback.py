"""A bug in our kramdown converter costs one page its extensions, not the whole build."""
from __future__ import annotations

import os

from jekyll_py import config as site_config
from jekyll_py.converters.markdown import KramdownConverter
from jekyll_py.site import Site


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def test_internal_converter_failure_falls_back_to_commonmark_and_is_not_cached(
        tmp_path, monkeypatch, capsys):
    src, dest = tmp_path / "src", tmp_path / "site"
    _write(str(src / "_config.yml"), "title: t\n")
    _write(str(src / "broken.md"), "---\n---\n# Title\n\nBOOM *here*\n")
    _write(str(src / "fine.md"), "---\n---\n# Fine\n")
    real_convert = KramdownConverter.convert

    def flaky(self, text, document=None):
        if "BOOM" in text:
            raise IndexError("list index out of range")
        return real_convert(self, text, document)

    monkeypatch.setattr(KramdownConverter, "convert", flaky)

    def build():
        config = site_config.load({"source": str(src), "destination": str(dest), "jobs": 1})
        Site(config).process()

    build()
    err = capsys.readouterr().err
    assert "failed on 'broken.md' (IndexError: list index out of range)" in err
    assert (dest / "broken.html").read_text() == "<h1>Title</h1>\n<p>BOOM <em>here</em></p>\n"
    assert (dest / "fine.html").read_text() == '<h1 id="fine">Fine</h1>\n'

    # The fallback output is not cached: once the converter works, the page is converted again.
    monkeypatch.setattr(KramdownConverter, "convert", real_convert)
    from jekyll_py import cache
    cache.clear_memory()  # as a new process would start
    build()
    assert (dest / "broken.html").read_text() == '<h1 id="title">Title</h1>\n\n<p>BOOM <em>here</em></p>\n'
