"""Filters that run the site's converters: `markdownify`, `smartify`, `sassify`, `scssify`.

They use `site.markdown_converter()` (kramdown dialect; `convert(text)`, `smartify(text)`)
and `site.sass_converter()` when the site model provides them, and otherwise build the
converters from `jekyll_py.converters` directly.
"""
from __future__ import annotations

from jekyll_py.liquid import ruby
from jekyll_py.liquid.filters.support import nil_to_none, with_engine


def markdown_converter(site):
    factory = getattr(site, "markdown_converter", None)
    if callable(factory):
        return factory()
    from jekyll_py.converters.markdown import KramdownConverter
    return KramdownConverter(site.config)


def sass_converter(site):
    factory = getattr(site, "sass_converter", None)
    if callable(factory):
        return factory()
    from jekyll_py.converters.sass import SassConverter
    return SassConverter(site)


@with_engine
def markdownify(value, *, engine):
    return markdown_converter(engine.site).convert(ruby.string(nil_to_none(value)))


@with_engine
def smartify(value, *, engine):
    return markdown_converter(engine.site).smartify(ruby.string(nil_to_none(value)))


@with_engine
def sassify(value, *, engine):
    return sass_converter(engine.site).convert_string(ruby.string(nil_to_none(value)), syntax="sass")


@with_engine
def scssify(value, *, engine):
    return sass_converter(engine.site).convert_string(ruby.string(nil_to_none(value)), syntax="scss")


FILTERS = {
    "markdownify": markdownify,
    "smartify": smartify,
    "sassify": sassify,
    "scssify": scssify,
}
