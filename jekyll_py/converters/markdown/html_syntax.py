"""HTML as kramdown reads and re-writes it: tag regexes, element classes, attribute parsing,
escaping and serialisation. Shared by the block-HTML and span-HTML plugins and the renderer."""

from __future__ import annotations

import re

# What Ruby's strip/rstrip and `\s` count as whitespace (no-break and ideographic spaces
# are text for kramdown, unlike for Python's str.strip()).
RUBY_SPACE = "\x00\t\n\v\f\r "

# An element or attribute name as kramdown reads it (REXML's UNAME_STR): a letter of any
# script or `_` first, so `<유저 이름>` and `<_x>` are tags too.
NAME = r"[^\W\d][-\w.:]*"
# A start tag: name, attribute text, self-closing slash. Attribute values are bare words or
# quoted strings that may span lines.
TAG_RE = re.compile(
    r"<(" + NAME + r")\s*((?:\s+" + NAME + r"(?:\s*=\s*(?:[\w]+|(\"|').*?\3))?)*)\s*(/)?>", re.S
)
CLOSE_TAG_RE = re.compile(r"</(" + NAME + r")\s*>", re.S)
COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
PI_RE = re.compile(r"<\?(.*?)\?>", re.S)
ATTR_RE = re.compile(r"\s*(" + NAME + r")(?:\s*=\s*(?:(\w+)|(\"|')(.*?)\3))?", re.S)

_BLOCK_MODEL = set(
    "address applet article aside blockquote body dd details div dl fieldset figure figcaption "
    "footer form header hgroup iframe li main map menu nav noscript object section summary td".split()
)
_SPAN_MODEL = set(
    "a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label "
    "legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt".split()
)
RAW_MODEL = set("script style math option textarea pre code kbd samp var".split())
SPAN_ELEMENTS = set(
    "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark "
    "option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var".split()
)
BLOCK_ELEMENTS = set(
    "address article aside applet body blockquote caption col colgroup dd div dl dt fieldset "
    "figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li "
    "main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul".split()
)
VOID_ELEMENTS = set(
    "area base br col command embed hr img input keygen link meta param source track wbr".split()
)
KNOWN_ELEMENTS = SPAN_ELEMENTS | BLOCK_ELEMENTS | VOID_ELEMENTS | RAW_MODEL | _BLOCK_MODEL | _SPAN_MODEL

# markdown="..." values and the content model they select (None: the element's default).
MARKDOWN_ATTR = {"0": "raw", "1": None, "span": "span", "block": "block"}

# Elements a paragraph line may not start with: they end a paragraph (kramdown's lazy end).
_LAZY_SPAN = SPAN_ELEMENTS | {"script"}


def content_model(name: str) -> str:
    if name in _BLOCK_MODEL:
        return "block"
    if name in _SPAN_MODEL:
        return "span"
    return "raw"


def normalise_name(name: str) -> str:
    low = name.lower()
    return low if low in KNOWN_ELEMENTS else name


def parse_attributes(text: str, known: bool = True) -> dict:
    attrs: dict = {}
    for m in ATTR_RE.finditer(text):
        key = m.group(1).lower() if known else m.group(1)
        val = m.group(2)
        if val is None:
            val = m.group(4) if m.group(4) is not None else ""
        attrs[key] = val
    return attrs


_ATTR_ESC_RE = re.compile(r"&(?:[A-Za-z_:][-\w.:]*|#\d+|#x[0-9a-fA-F]+);|[<>&\"]")
_TEXT_ESC_RE = re.compile(r"&(?:[A-Za-z_:][-\w.:]*|#\d+|#x[0-9a-fA-F]+);|[<>&]")
_ESC = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}


def escape_attr(value: str) -> str:
    """kramdown's attribute escaping: < > & " escaped, existing entity references kept."""
    return _ATTR_ESC_RE.sub(lambda m: _ESC.get(m.group(0), m.group(0)), value)


def escape_text(value: str) -> str:
    """Escape < > & in text, keeping entity references."""
    return _TEXT_ESC_RE.sub(lambda m: _ESC.get(m.group(0), m.group(0)), value)


def escape_all(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_attributes(attrs: dict) -> str:
    out = []
    for key, val in attrs.items():
        if val is None or (key == "id" and not str(val).strip()):
            continue
        out.append(f' {key}="{escape_attr(str(val))}"')
    return "".join(out)


def span_tag_is_text(raw: str) -> bool:
    """True when kramdown reads this tag inside a paragraph as plain text, not HTML: a block
    element's start or end tag, or anything that is neither a tag nor a comment."""
    if raw.startswith("<!") or raw.startswith("<?"):
        return False
    m = TAG_RE.fullmatch(raw) or CLOSE_TAG_RE.fullmatch(raw)
    return not m or normalise_name(m.group(1)) in BLOCK_ELEMENTS


def starts_lazy_end(line: str) -> bool:
    """True if a paragraph line is an HTML start/end tag that ends the paragraph."""
    m = re.match(r" {0,3}</?(" + NAME + r")", line)
    if not m:
        return False
    name = m.group(1)
    if name in _LAZY_SPAN:
        return False
    if line.lstrip().startswith("</"):
        return bool(re.match(r" {0,3}</" + NAME + r"\s*>", line))
    return True
