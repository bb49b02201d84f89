"""HTML::Pipeline text filters (used by jekyll-mentions and jemoji) over an HTML fragment.

The gems hand a page's HTML to html-pipeline, which parses it as a Nokogiri HTML4
DocumentFragment, swaps some text nodes for new markup and writes the fragment back out.
Parsing and writing go through libxml2, which normalises the markup on the way (`<br />`
becomes `<br>`, URLs in `href`/`src` are %-escaped, unclosed tags are closed...). To give the
same bytes, this module drives the same library: the system's libxml2, through ctypes, with
the parse and save options Nokogiri 1.13 uses.

`filter_text_nodes(html, replace, skip_inside)`: every text node not inside one of the
elements named in `skip_inside` is passed to `replace(node_text)`; a returned string is HTML
that takes the node's place. `node_text(escaped)` gives the node's text escaped as HTML
(Nokogiri's `node.to_html`) or not (`node.text`).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import re
from typing import Callable

# Nokogiri's ParseOptions::DEFAULT_HTML: RECOVER | NOERROR | NOWARNING | NONET | BIG_LINES.
PARSE_OPTIONS = 1 | 32 | 64 | 2048 | (1 << 22)
# Nokogiri's SaveOptions::DEFAULT_HTML: FORMAT | NO_DECLARATION | NO_EMPTY_TAGS | AS_HTML.
SAVE_OPTIONS = 1 | 2 | 4 | 64
ELEMENT_NODE, TEXT_NODE = 1, 3


class LibxmlUnavailable(RuntimeError):
    """The system has no libxml2 to load."""


class _Node(ctypes.Structure):
    pass


_NodePtr = ctypes.POINTER(_Node)
# The leading fields of libxml2's struct _xmlNode (stable across 2.x).
_Node._fields_ = [
    ("_private", ctypes.c_void_p),
    ("type", ctypes.c_int),
    ("name", ctypes.c_char_p),
    ("children", _NodePtr),
    ("last", _NodePtr),
    ("parent", _NodePtr),
    ("next", _NodePtr),
    ("prev", _NodePtr),
    ("doc", ctypes.c_void_p),
    ("ns", ctypes.c_void_p),
    ("content", ctypes.c_char_p),
]

_lib = None


def _libxml():
    global _lib
    if _lib is not None:
        return _lib
    name = ctypes.util.find_library("xml2") or "libxml2.so.2"
    try:
        lib = ctypes.CDLL(name)
    except OSError as err:
        raise LibxmlUnavailable(f"libxml2 could not be loaded ({err})") from None
    signatures = {
        "htmlReadMemory": (ctypes.c_void_p, [ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                             ctypes.c_char_p, ctypes.c_int]),
        "xmlDocGetRootElement": (_NodePtr, [ctypes.c_void_p]),
        "xmlFreeDoc": (None, [ctypes.c_void_p]),
        "xmlNewDocFragment": (_NodePtr, [ctypes.c_void_p]),
        "xmlUnlinkNode": (None, [_NodePtr]),
        "xmlFreeNode": (None, [_NodePtr]),
        "xmlAddChild": (_NodePtr, [_NodePtr, _NodePtr]),
        "xmlAddNextSibling": (_NodePtr, [_NodePtr, _NodePtr]),
        "xmlReplaceNode": (_NodePtr, [_NodePtr, _NodePtr]),
        "xmlDocCopyNode": (_NodePtr, [_NodePtr, ctypes.c_void_p, ctypes.c_int]),
        "xmlBufferCreate": (ctypes.c_void_p, []),
        "xmlBufferFree": (None, [ctypes.c_void_p]),
        "xmlBufferContent": (ctypes.c_void_p, [ctypes.c_void_p]),
        "xmlBufferLength": (ctypes.c_int, [ctypes.c_void_p]),
        "xmlSaveToBuffer": (ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]),
        "xmlSaveTree": (ctypes.c_long, [ctypes.c_void_p, _NodePtr]),
        "xmlSaveClose": (ctypes.c_int, [ctypes.c_void_p]),
    }
    for function, (restype, argtypes) in signatures.items():
        getattr(lib, function).restype = restype
        getattr(lib, function).argtypes = argtypes
    _lib = lib
    return lib


def available() -> bool:
    try:
        _libxml()
    except LibxmlUnavailable:
        return False
    return True


class _Fragment:
    """Nokogiri::HTML4::DocumentFragment.parse: the text is parsed as the body of a document
    (`<html><body>` + text) and the body's nodes are moved into a fragment node."""

    def __init__(self, html: str):
        self.lib = _libxml()
        data = ("<html><body>" + html).encode("utf-8")
        self.doc = self.lib.htmlReadMemory(data, len(data), None, b"UTF-8", PARSE_OPTIONS)
        if not self.doc:
            raise LibxmlUnavailable("libxml2 could not parse the page")
        self.root = self.lib.xmlNewDocFragment(self.doc)
        body = _child_named(self.lib.xmlDocGetRootElement(self.doc), b"body")
        if body:
            # Nokogiri takes the body itself when the text starts with a <body> tag.
            moved = [body] if re.match(r"\s*?<body", html, re.I) else _children(body)
            for node in moved:
                self.lib.xmlUnlinkNode(node)
                self.lib.xmlAddChild(self.root, node)

    def close(self) -> None:
        self.lib.xmlFreeNode(self.root)
        self.lib.xmlFreeDoc(self.doc)

    def text_nodes(self) -> list:
        """Every text node, in document order (XPath `.//text()`)."""
        found = []

        def walk(node):
            for child in _children(node):
                if child.contents.type == TEXT_NODE:
                    found.append(child)
                walk(child)

        walk(self.root)
        return found

    def serialize(self, node) -> str:
        """Nokogiri's `node.to_html`: libxml2's HTML serializer, formatted, UTF-8."""
        buffer = self.lib.xmlBufferCreate()
        try:
            save = self.lib.xmlSaveToBuffer(buffer, b"UTF-8", SAVE_OPTIONS)
            self.lib.xmlSaveTree(save, node)
            self.lib.xmlSaveClose(save)
            length = self.lib.xmlBufferLength(buffer)
            return ctypes.string_at(self.lib.xmlBufferContent(buffer), length).decode("utf-8")
        finally:
            self.lib.xmlBufferFree(buffer)

    def to_html(self) -> str:
        return "".join(self.serialize(node) for node in _children(self.root))

    def replace(self, node, html: str) -> None:
        """Nokogiri's `node.replace(html)`: the HTML is parsed as a fragment (in a <div>) and
        its nodes take the text node's place."""
        other = _Fragment("<div>" + html + "</div>")
        try:
            wrapper = _children(other.root)
            new_nodes = _children(wrapper[0]) if wrapper else []
            copies = [self.lib.xmlDocCopyNode(n, self.doc, 1) for n in new_nodes]
        finally:
            other.close()
        if not copies:
            self.lib.xmlUnlinkNode(node)
            self.lib.xmlFreeNode(node)
            return
        self.lib.xmlReplaceNode(node, copies[0])
        self.lib.xmlFreeNode(node)
        previous = copies[0]
        for copy in copies[1:]:
            previous = self.lib.xmlAddNextSibling(previous, copy)


def _copy(pointer):
    """A pointer of its own: one read from a struct field shares that field's memory, so it
    would change when the tree does."""
    return ctypes.cast(pointer, _NodePtr)


def _children(node) -> list:
    result = []
    child = _copy(node.contents.children) if node else None
    while child:
        result.append(child)
        child = _copy(child.contents.next)
    return result


def _child_named(node, name: bytes):
    for child in _children(node):
        if child.contents.type == ELEMENT_NODE and child.contents.name == name:
            return child
    return None


def _inside(node, names) -> bool:
    parent = _copy(node.contents.parent)
    while parent:
        name = parent.contents.name
        if name is not None and name.decode("utf-8").lower() in names:
            return True
        parent = _copy(parent.contents.parent)
    return False


class TextNode:
    """What a filter sees of a text node."""

    def __init__(self, fragment: _Fragment, node):
        self._fragment = fragment
        self._node = node

    @property
    def text(self) -> str:
        content = self._node.contents.content
        return content.decode("utf-8") if content is not None else ""

    def to_html(self) -> str:
        return self._fragment.serialize(self._node)


def filter_text_nodes(html: str, replace: Callable[[TextNode], str | None],
                      skip_inside: set[str]) -> str:
    """The fragment with each text node outside `skip_inside` elements passed through
    `replace` (None or the node's own text: unchanged), written back out by libxml2."""
    fragment = _Fragment(html)
    try:
        for node in fragment.text_nodes():
            if _inside(node, skip_inside):
                continue
            new_html = replace(TextNode(fragment, node))
            if new_html is not None:
                fragment.replace(node, new_html)
        return fragment.to_html()
    finally:
        fragment.close()


def body_parts(output: str) -> tuple[str, str, str] | None:
    """The gems' split of a page at its body: (head + `<body ...>` + following spaces, body,
    `</body>` and the rest); None when the output has no `<body` at all."""
    if "<body" not in output:
        return None
    match = re.search(r"<body(.*?)>\s*", output, re.S)
    if match is None:
        return output, "", ""
    head, tail = output[:match.end()], output[match.end():]
    body, closer, rest = tail.partition("</body>")
    return head, body, closer + rest
