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


def site_converters(site) -> list:
    """The converters of a site, highest priority first."""
    from jekyll_py.converters.markdown import KramdownConverter
    from jekyll_py.converters.sass import SassConverter
    return [KramdownConverter(site.config), SassConverter(site), Identity()]
