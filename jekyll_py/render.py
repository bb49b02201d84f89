"""Rendering one document: Liquid on its body, then its converter, then its layout chain.

A document's render reads the site model and templates and changes only that document, so
documents can be rendered alone (and in any order, apart from Liquid state Jekyll shares)."""
from __future__ import annotations

from jekyll_py.drops import jekyll_drop
from jekyll_py.errors import ConversionError, JekyllError
from jekyll_py.log import logger
from jekyll_py.utils import deep_merge


# Dicts that memoise work for one document's render only (e.g. a filter's index of a list it
# keeps being given): emptied before each document renders, so a document never sees what
# another one left, whatever the order or the process documents are rendered in.
_per_document_caches: list[dict] = []


def per_document_cache() -> dict:
    """A dict for memoising within one document's render; `render_document` empties it first."""
    cache: dict = {}
    _per_document_caches.append(cache)
    return cache


def liquid_name(doc) -> str:
    """The name Jekyll's messages give a file: pages by relative path, documents by full path."""
    if getattr(doc, "is_page", False):
        return str(doc.data.get("path", doc.relative_path))
    return doc.path


def new_payload(site, doc, page) -> dict:
    # Jekyll's Markdown converter sets highlighter_prefix/suffix to "\n": the {% highlight %}
    # tag wraps its figure in newlines in Markdown documents, so kramdown sees a block.
    wrap = "\n" if site.converter_for(doc.ext) is site.markdown_converter() else None
    return {
        "site": site.site_drop.for_document(doc),
        "page": page,
        "layout": None,
        "content": None,
        "paginator": doc.pager.to_liquid() if getattr(doc, "pager", None) else None,
        "jekyll": jekyll_drop(site.environment),
        "highlighter_prefix": wrap,
        "highlighter_suffix": wrap,
    }


def convert(site, doc, content: str) -> str:
    converter = site.converter_for(doc.ext)
    if converter is site.markdown_converter():
        # Markdown output depends only on the text and the kramdown settings: cached, as Jekyll
        # caches it, so a rebuild converts only what changed.
        key = site.markdown_cache.key(site.markdown_fingerprint, content)
        try:
            return site.markdown_cache.getset(key, lambda: _convert(converter, doc, content,
                                                                    kramdown=True))
        except _KramdownBug as bug:  # not cached: the next build tries the real converter again
            return _plain_markdown_fallback(doc, content, bug.__cause__)
    return _convert(converter, doc, content)


def _convert(converter, doc, content: str, kramdown: bool = False) -> str:
    try:
        return converter.convert(content, doc) if _takes_document(converter) \
            else converter.convert(content)
    except JekyllError:
        raise
    except Exception as err:  # a converter bug must still name the file
        if kramdown:
            # kramdown converts any text, so a failure here is a bug in our emulation of it,
            # not bad input: the page is still written (as plain CommonMark) and the build goes
            # on, rather than the whole site failing for one page.
            raise _KramdownBug() from err
        raise ConversionError(
            f"Conversion error: {type(converter).__name__} encountered an error while "
            f"converting '{doc.relative_path}': {err}") from err


class _KramdownBug(Exception):
    """Our kramdown converter failed on a text (its cause is the converter's exception)."""


def _plain_markdown_fallback(doc, content: str, err: Exception) -> str:
    from markdown_it import MarkdownIt

    logger.warn("Conversion error:", f"jekyll-py's kramdown converter failed on "
                f"'{doc.relative_path}' ({type(err).__name__}: {err}); the file was converted "
                "as plain CommonMark instead. Please report this with the file.")
    return MarkdownIt("commonmark").enable("table").render(content)


def _takes_document(converter) -> bool:
    code = getattr(converter.convert, "__code__", None)
    return code is not None and code.co_argcount >= 3


def render_document(site, doc) -> None:
    """Render `doc` into `doc.output`; afterwards `doc.content` holds the converted body."""
    for cache in _per_document_caches:
        cache.clear()
    page = doc.to_liquid()
    if getattr(doc, "is_page", False):
        page = page.to_dict()  # Jekyll gives a page a Hash snapshot taken before rendering
    payload = new_payload(site, doc, page)
    layout = site.layouts.get(_layout_name(doc))
    if layout is not None:
        payload["layout"] = dict(layout.data)
    site.plugins.trigger(doc, "pre_render", payload)
    output = doc.content
    if doc.render_with_liquid:
        output = site.liquid.render(output, payload, name=liquid_name(doc))
    output = convert(site, doc, output or "")
    doc.content = output
    site.plugins.trigger(doc, "post_convert")
    output = doc.content
    if doc.place_in_layout:
        output = place_in_layouts(site, doc, output, payload)
    doc.output = output
    site.plugins.trigger(doc, "post_render")


def render_excerpt(site, excerpt) -> str:
    payload = new_payload(site, excerpt, excerpt.to_liquid())
    output = excerpt.content
    if excerpt.render_with_liquid:
        output = site.liquid.render(output, payload, name=excerpt.doc.path)
    return convert(site, excerpt, output or "")


def _layout_name(doc) -> str:
    value = doc.data.get("layout")
    return "" if value is None else str(value)


def place_in_layouts(site, doc, content: str, payload: dict) -> str:
    name = doc.data.get("layout")
    layout = site.layouts.get(_layout_name(doc))
    if name is not None and layout is None:
        logger.warn("Build Warning:",
                    f"Layout '{name}' requested in {doc.relative_path} does not exist.")
    used = set()
    payload["layout"] = None
    output = content
    while layout is not None:
        used.add(id(layout))
        payload["content"] = output
        payload["layout"] = deep_merge(layout.data, payload["layout"] or {})
        # Jekyll names a layout by its full path in Liquid messages.
        output = site.liquid.render(layout.content, payload, name=layout.path,
                                    cache_key=(layout.path, layout.mtime))
        site.record_dependency(doc, layout.path)
        parent = layout.data.get("layout")
        layout = site.layouts.get("" if parent is None else str(parent))
        if layout is not None and id(layout) in used:
            break
    return output
