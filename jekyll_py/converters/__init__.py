"""Converters turn a document's text into its output format, chosen by file extension.

Each converter has `matches(ext)`, `output_ext(ext)` and `convert(content, document)`.
The site asks them in priority order; Identity matches everything and comes last."""
from __future__ import annotations


class Identity:
    """Leaves content as it is and keeps the file's own extension."""

    def matches(self, ext: str) -> bool:
        return True

    def output_ext(self, ext: str) -> str:
        return ext

    def convert(self, content: str, document=None) -> str:
        return content


class _PlainMarkdown:
    """Temporary stand-in until the kramdown converter lands: plain CommonMark."""

    def __init__(self, config):
        from markdown_it import MarkdownIt
        self.exts = {"." + e.strip() for e in str(config.get("markdown_ext", "")).split(",")}
        self.md = MarkdownIt("commonmark", {"html": True})

    def matches(self, ext):
        return ext.lower() in self.exts

    def output_ext(self, ext):
        return ".html"

    def convert(self, content):
        return self.md.render(content)


class _PlainSass:
    """Temporary stand-in until the Sass converter lands."""

    def __init__(self, site):
        import os
        self.dirs = [os.path.join(site.source, "_sass")]

    def matches(self, ext):
        return ext in (".scss", ".sass")

    def output_ext(self, ext):
        return ".css"

    def convert(self, content, document):
        import sass
        return sass.compile(string=content, include_paths=self.dirs,
                            indented=document.ext == ".sass")


def site_converters(site) -> list:
    """The converters of a site, highest priority first."""
    try:
        from jekyll_py.converters.markdown import KramdownConverter
        markdown = KramdownConverter(site.config)
    except ImportError:
        markdown = _PlainMarkdown(site.config)
    try:
        from jekyll_py.converters.sass import SassConverter
        sass = SassConverter(site)
    except ImportError:
        sass = _PlainSass(site)
    return [markdown, sass, Identity()]
