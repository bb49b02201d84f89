"""Liquid 5.4's standard filters where python-liquid (which follows newer Shopify Liquid)
gives a different result. Each function here is Liquid 5.4's behaviour; values are turned
into text with Ruby's `to_s` (`true`, `1.0e+20`), numbers follow Ruby's rules (strings are
read with `to_i` unless they look like `1.5`, floats are exact decimals, `round` rounds half
away from zero, integer division floors).
"""
from __future__ import annotations

import html
import math
import re
import urllib.parse
from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from liquid.builtin.filters.array import first as _builtin_first
from liquid.builtin.filters.array import last as _builtin_last
from liquid.builtin.filters.array import reverse as _builtin_reverse
from liquid.filter import with_environment

from jekyll_py.liquid import ruby
from jekyll_py.liquid.filters.support import is_nil, nil_to_none, to_liquid
from jekyll_py.liquid.messages import RubyLiquidError

# Filters python-liquid has that Liquid 5.4 does not (Jekyll adds its own `find`).
NOT_IN_LIQUID_5_4 = ("find_index", "has", "reject", "sum", "squish")

_WHITESPACE = " \t\n\v\f\r"


def _s(value) -> str:
    """A filter's input or argument as a string: Ruby's `to_s` (arrays inspected)."""
    return ruby.string(nil_to_none(value))


# -- numbers -------------------------------------------------------------------------------------
def to_integer(value) -> int:
    """Liquid's Utils.to_integer: an Integer, or a string Ruby's Integer() accepts."""
    value = nil_to_none(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = ruby.to_s(value).strip().replace("_", "")
    try:
        return int(text, 10)
    except ValueError:
        raise RubyLiquidError("invalid integer", token=None) from None


def to_number(value):
    """Liquid's Utils.to_number: int, or Decimal for floats and `1.5`-looking strings."""
    value = nil_to_none(value)
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return value
        return Decimal(float.__repr__(value))
    if isinstance(value, (int, Decimal)):
        return value
    if isinstance(value, str):
        if re.fullmatch(r"-?\d+\.\d+", value.strip()):
            return Decimal(value.strip())
        return ruby.to_i(value)
    return 0


def _result(value):
    return float(value) if isinstance(value, Decimal) else value


def plus(value, operand=None):
    return _result(to_number(value) + to_number(operand))


def minus(value, operand=None):
    return _result(to_number(value) - to_number(operand))


def times(value, operand=None):
    return _result(to_number(value) * to_number(operand))


def divided_by(value, operand=None):
    left, right = to_number(value), to_number(operand)
    if isinstance(left, int) and isinstance(right, int):
        if right == 0:
            raise RubyLiquidError("divided by 0", token=None)
        return left // right
    if right == 0:  # BigDecimal division by zero gives Infinity (or NaN for 0/0)
        return math.nan if left == 0 else math.copysign(math.inf, left)
    return _result(Decimal(left) / Decimal(right))


def modulo(value, operand=None):
    left, right = to_number(value), to_number(operand)
    if right == 0:
        raise RubyLiquidError("divided by 0", token=None)
    if isinstance(left, int) and isinstance(right, int):
        return left % right
    left, right = Decimal(left), Decimal(right)
    return _result(left - right * (left / right).to_integral_value(rounding=ROUND_FLOOR))


def round_(value, digits=0):
    number = to_number(value)
    places = to_number(digits)
    places = int(places)
    if isinstance(number, int):
        if places >= 0:
            return number
        return int(Decimal(number).quantize(Decimal(f"1E{-places}"), rounding=ROUND_HALF_UP))
    if isinstance(number, float):  # NaN or infinity
        raise RubyLiquidError("Computation results in 'Infinity'", token=None)
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if places <= 0:
        return int(rounded)
    return float(rounded)


def ceil(value):
    number = to_number(value)
    return int(Decimal(number).to_integral_value(rounding=ROUND_CEILING))


def floor(value):
    number = to_number(value)
    return int(Decimal(number).to_integral_value(rounding=ROUND_FLOOR))


def abs_(value):
    return _result(abs(to_number(value)))


def at_least(value, bound=None):
    number, limit = to_number(value), to_number(bound)
    return _result(limit if limit > number else number)


def at_most(value, bound=None):
    number, limit = to_number(value), to_number(bound)
    return _result(limit if limit < number else number)


# -- strings -------------------------------------------------------------------------------------
def size(value):
    value = to_liquid(nil_to_none(value))
    if isinstance(value, bool) or value is None or ruby.is_drop(value):
        return 0  # a Jekyll drop has no `size`
    if isinstance(value, int):
        return 8  # Ruby's Integer#size: bytes in a machine word
    if isinstance(value, (str, list, tuple, Mapping)):
        return len(value)
    return 0


def escape(value):
    if is_nil(value):
        return None
    return html.escape(_s(value), quote=True).replace("&#x27;", "&#39;")


_ESCAPE_ONCE = re.compile(r"[\"><']|&(?!([a-zA-Z]+|(#\d+));)")
_HTML_ESCAPE = {"&": "&amp;", ">": "&gt;", "<": "&lt;", '"': "&quot;", "'": "&#39;"}


def escape_once(value):
    return _ESCAPE_ONCE.sub(lambda m: _HTML_ESCAPE[m.group(0)], _s(value))


def cgi_escape_text(text: str) -> str:
    """Ruby's CGI.escape: unreserved characters kept, space as `+`, the rest %XX."""
    return urllib.parse.quote_plus(text, safe="-._~")


def url_encode(value):
    if is_nil(value):
        return None
    return cgi_escape_text(_s(value))


def url_decode(value):
    if is_nil(value):
        return None
    return urllib.parse.unquote_plus(_s(value))


def strip(value):
    return _s(value).strip(_WHITESPACE + "\0")


def lstrip(value):
    return _s(value).lstrip(_WHITESPACE + "\0")


def rstrip(value):
    return _s(value).rstrip(_WHITESPACE + "\0")


_STRIP_HTML_BLOCKS = re.compile(r"<script.*?</script>|<!--.*?-->|<style.*?</style>", re.S)
_STRIP_HTML_TAGS = re.compile(r"<.*?>", re.S)


def strip_html(value):
    return _STRIP_HTML_TAGS.sub("", _STRIP_HTML_BLOCKS.sub("", _s(value)))


def strip_newlines(value):
    return re.sub(r"\r?\n", "", _s(value))


def newline_to_br(value):
    return re.sub(r"\r?\n", "<br />\n", _s(value))


def ruby_split(text: str, pattern: str) -> list[str]:
    """Ruby's String#split with a string pattern (`" "` splits on whitespace runs)."""
    if pattern == " ":
        parts = text.split()
    elif pattern == "":
        parts = list(text)
    else:
        parts = text.split(pattern)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def split(value, pattern=None):
    return ruby_split(_s(value), _s(pattern))


def _flatten(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from _flatten(item)
        else:
            yield item


def _input_items(value) -> list:
    """Liquid's InputIterator: arrays flattened, a hash as one item, nil as nothing."""
    value = to_liquid(nil_to_none(value))
    if isinstance(value, (list, tuple)):
        return list(_flatten(value))
    if value is None:
        return []
    if ruby.is_drop(value):  # Enumerable: its keys
        return list(value.keys())
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, range):
        return list(value)
    return [value]


def join(value, glue=" "):
    return _s(glue).join(ruby.to_s(to_liquid(item)) for item in _input_items(value))


@with_environment
def first(value, *, environment):
    """Liquid's `first`; on a Jekyll drop, Enumerable#first: its first [key, value]."""
    value = to_liquid(nil_to_none(value))
    if ruby.is_drop(value):
        key = next(iter(value.keys()), None)
        return None if key is None else [key, value[key]]
    return _builtin_first(value, environment=environment)


@with_environment
def last(value, *, environment):
    """Liquid's `last`; nil on a Jekyll drop, which has no `last`."""
    value = to_liquid(nil_to_none(value))
    if ruby.is_drop(value):
        return None
    return _builtin_last(value, environment=environment)


def reverse(value):
    """Liquid's `reverse` (over InputIterator, so a drop's keys)."""
    value = to_liquid(nil_to_none(value))
    if ruby.is_drop(value):
        return list(reversed(list(value.keys())))
    return _builtin_reverse(value)


def map_(value, prop=None):
    prop = _s(prop)
    out = []
    for item in _input_items(value):
        item = to_liquid(item)
        if prop == "to_liquid":
            out.append(item)
        elif isinstance(item, Mapping):
            out.append(nil_to_none(item.get(prop)) if hasattr(item, "get") else item[prop])
        elif isinstance(item, str):
            out.append(prop if prop in item else None)
        elif isinstance(item, (list, tuple)):
            raise RubyLiquidError(f"cannot select the property '{prop}'", token=None)
        else:
            out.append(None)
    return out


def replace(value, old=None, new=""):
    return _s(value).replace(_s(old), _s(new))


def replace_first(value, old=None, new=""):
    return _s(value).replace(_s(old), _s(new), 1)


def replace_last(value, old=None, new=""):
    text, old = _s(value), _s(old)
    index = text.rfind(old)
    if index < 0:
        return text
    return text[:index] + _s(new) + text[index + len(old):]


def remove(value, old=None):
    return replace(value, old, "")


def remove_first(value, old=None):
    return replace_first(value, old, "")


def remove_last(value, old=None):
    return replace_last(value, old, "")


def append(value, other=None):
    return _s(value) + _s(other)


def prepend(value, other=None):
    return _s(other) + _s(value)


def downcase(value):
    return _s(value).lower()


def upcase(value):
    return _s(value).upper()


def capitalize(value):
    text = _s(value)
    return text[:1].upper() + text[1:].lower()


def truncate(value, length=50, ellipsis="..."):
    value = nil_to_none(value)
    if value is None:
        return None
    text = ruby.string(value)
    length = to_integer(length)
    ellipsis = _s(ellipsis)
    keep = max(length - len(ellipsis), 0)
    return text[:keep] + ellipsis if len(text) > length else text


def truncatewords(value, words=15, ellipsis="..."):
    value = nil_to_none(value)
    if value is None:
        return None
    text = ruby.string(value)
    count = max(to_integer(words), 1)
    wordlist = text.split()
    if len(wordlist) <= count:
        return text
    return " ".join(wordlist[:count]) + _s(ellipsis)


FILTERS = {
    "plus": plus, "minus": minus, "times": times, "divided_by": divided_by, "modulo": modulo,
    "round": round_, "ceil": ceil, "floor": floor, "abs": abs_, "at_least": at_least,
    "at_most": at_most, "size": size, "escape": escape, "h": escape, "escape_once": escape_once,
    "url_encode": url_encode, "url_decode": url_decode, "strip": strip, "lstrip": lstrip,
    "rstrip": rstrip, "strip_html": strip_html, "strip_newlines": strip_newlines,
    "newline_to_br": newline_to_br, "split": split, "join": join, "map": map_,
    "first": first, "last": last, "reverse": reverse,
    "replace": replace, "replace_first": replace_first, "replace_last": replace_last,
    "remove": remove, "remove_first": remove_first, "remove_last": remove_last,
    "append": append, "prepend": prepend, "downcase": downcase, "upcase": upcase,
    "capitalize": capitalize, "truncate": truncate, "truncatewords": truncatewords,
}
