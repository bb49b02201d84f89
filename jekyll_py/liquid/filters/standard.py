"""Liquid 5.4's standard filters where python-liquid (which follows newer Shopify Liquid)
gives a different result. Each function here is Liquid 5.4's behaviour; values are turned
into text with Ruby's `to_s` (`true`, `1.0e+20`), numbers follow Ruby's rules (strings are
read with `to_i` unless they look like `1.5`, floats are exact decimals, `round` rounds half
away from zero, integer division floors).
"""
from __future__ import annotations

import base64
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
NOT_IN_LIQUID_5_4 = ("find_index", "has", "reject", "sum", "squish", "escapejs", "safe")


def _s(value) -> str:
    """A filter's input or argument as a string: Ruby's `to_s` (arrays inspected)."""
    return ruby.string(nil_to_none(value))


# -- numbers -------------------------------------------------------------------------------------
def to_integer(value) -> int:
    """Liquid's Utils.to_integer: an Integer, or a string Ruby's Integer() accepts."""
    value = nil_to_none(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    parsed = ruby.kernel_integer(ruby.to_s(value))
    if parsed is None:
        raise RubyLiquidError("invalid integer", token=None)
    return parsed


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
        if re.fullmatch(r"-?\d+\.\d+", value.strip(ruby.WHITESPACE), re.ASCII):
            return Decimal(value.strip(ruby.WHITESPACE))
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
    return _s(value).strip(ruby.WHITESPACE)


def lstrip(value):
    return _s(value).lstrip(ruby.WHITESPACE)


def rstrip(value):
    return _s(value).rstrip(ruby.WHITESPACE)


_STRIP_HTML_BLOCKS = re.compile(r"<script.*?</script>|<!--.*?-->|<style.*?</style>", re.S)
_STRIP_HTML_TAGS = re.compile(r"<.*?>", re.S)


def strip_html(value):
    return _STRIP_HTML_TAGS.sub("", _STRIP_HTML_BLOCKS.sub("", _s(value)))


def strip_newlines(value):
    return re.sub(r"\r?\n", "", _s(value))


def newline_to_br(value):
    return re.sub(r"\r?\n", "<br />\n", _s(value))


_MAX_INT = (1 << 31) - 1


def awk_split(text: str, limit: int = 0) -> list[str]:
    """Ruby's `text.split(" ", limit)`: fields between runs of ASCII whitespace, leading
    whitespace ignored; with a positive `limit`, at most `limit` fields, the last one the
    untouched rest (an empty string when `text` ends in whitespace)."""
    parts: list[str] = []
    begin = end = 0
    in_space = True
    for index, char in enumerate(text):
        if in_space:
            if char in ruby.SPACE:
                begin = index + 1
            else:
                end, in_space = index + 1, False
                if limit > 0 and len(parts) + 1 >= limit:
                    break
        elif char in ruby.SPACE:
            parts.append(text[begin:end])
            in_space, begin = True, index + 1
        else:
            end = index + 1
    if text and (limit > 0 or len(text) > begin):
        parts.append(text[begin:])
    return parts


def ruby_split(text: str, pattern: str) -> list[str]:
    """Ruby's String#split with a string pattern (`" "` splits on whitespace runs)."""
    if pattern == " ":
        parts = awk_split(text)
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
        elif isinstance(item, int) and not isinstance(item, bool):
            # Integer#[] reads a bit; with a string (a property name) it is a TypeError
            raise RubyLiquidError(f"cannot select the property '{prop}'", token=None)
        else:
            out.append(None)
    return out


def _expand_replacement(replacement: str, text: str, start: int, end: int) -> str:
    """Ruby's sub/gsub replacement escapes for a string pattern: `\\0`/`\\&` the match,
    `` \\` `` and `\\'` the text before and after it, `\\\\` a backslash, `\\1`..`\\9`
    nothing (a string pattern has no groups); any other backslash stays."""
    if "\\" not in replacement:
        return replacement
    out, i = [], 0
    while i < len(replacement):
        char = replacement[i]
        if char != "\\" or i + 1 == len(replacement):
            out.append(char)
            i += 1
            continue
        code = replacement[i + 1]
        if code in "0&":
            out.append(text[start:end])
        elif code == "`":
            out.append(text[:start])
        elif code == "'":
            out.append(text[end:])
        elif code == "\\":
            out.append("\\")
        elif code.isdigit():
            pass
        else:
            out.append(char + code)
        i += 2
    return "".join(out)


def ruby_gsub(text: str, old: str, new: str, count: int = -1) -> str:
    """Ruby's `text.gsub(old, new)` (or `sub` with count 1) for a string `old`."""
    out, position, done = [], 0, 0
    while count < 0 or done < count:
        index = text.find(old, position)
        if index < 0 or (not old and index > len(text)):
            break
        end = index + len(old)
        out.append(text[position:index])
        out.append(_expand_replacement(new, text, index, end))
        if not old:  # an empty pattern matches before every character and at the end
            if index < len(text):
                out.append(text[index])
            position = index + 1
            done += 1
            if index >= len(text):
                break
            continue
        position = end
        done += 1
    out.append(text[position:])
    return "".join(out)


def replace(value, old=None, new=""):
    return ruby_gsub(_s(value), _s(old), _s(new))


def replace_first(value, old=None, new=""):
    return ruby_gsub(_s(value), _s(old), _s(new), 1)


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
    """Ruby's capitalize: the first character in title case (ǆ → ǅ, ß → Ss), the rest lower."""
    text = _s(value)
    return text[:1].title() + text[1:].lower()


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
    if count + 1 >= _MAX_INT:  # Ruby's split takes a C int
        raise RubyLiquidError(f"integer {count} too big for truncatewords", token=None)
    wordlist = awk_split(text, count + 1)
    if len(wordlist) <= count:
        return text
    return " ".join(wordlist[:count]) + _s(ellipsis)


def concat(value, other=None):
    other = to_liquid(nil_to_none(other))
    if not isinstance(other, (list, tuple)):
        raise RubyLiquidError("concat filter requires an array argument", token=None)
    return _input_items(value) + list(other)


def compact(value, prop=None):
    items = _input_items(value)
    if prop is None:
        return [item for item in items if item is not None]
    return [item for item in items if _property(item, prop) is not None]


def uniq(value, prop=None):
    """Liquid's `uniq`: first of each value by Ruby's eql? (1 and 1.0 differ)."""
    seen, out = set(), []
    for item in _input_items(value):
        key = ruby.eql_key(item if prop is None else _property(item, prop))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _property(item, prop):
    """`item[prop]` as Liquid's array filters read it (nil when the item has no []),
    a string item answering whether it contains `prop`."""
    item = to_liquid(item)
    if isinstance(item, Mapping):
        return nil_to_none(item.get(prop)) if hasattr(item, "get") else nil_to_none(item[prop])
    if isinstance(item, str):
        return prop if isinstance(prop, str) and prop in item else None
    if isinstance(item, (list, tuple)) and isinstance(prop, int) and not isinstance(prop, bool):
        return item[prop] if -len(item) <= prop < len(item) else None
    if isinstance(item, (list, tuple)):
        raise RubyLiquidError(f"cannot select the property '{ruby.to_s(prop)}'", token=None)
    return None


def slice_(value, offset=None, length=None):
    """Ruby's `slice(offset, length)` on an array or on the input's to_s."""
    offset = to_integer(offset)
    length = 1 if length is None or is_nil(length) else to_integer(length)
    value = to_liquid(nil_to_none(value))
    sequence = list(value) if isinstance(value, (list, tuple)) else ruby.to_s(value)
    size = len(sequence)
    if offset < 0:
        offset += size
    if offset < 0 or offset > size or length < 0:
        return [] if isinstance(sequence, list) else ""
    return sequence[offset:offset + length]


def sort_natural(value, prop=None):
    """Case-insensitive sort, nils last (Liquid's nil_safe_casecmp)."""
    items = _input_items(value)
    if prop is None:
        keyed = [(item, item) for item in items]
    elif all(isinstance(to_liquid(item), (Mapping, str, list, tuple)) for item in items):
        keyed = [(_property(item, prop), item) for item in items]
    else:
        return None
    def order(pair):
        key = pair[0]
        return (1, "") if key is None else (0, ruby.to_s(key).lower())
    return [item for _, item in sorted(keyed, key=order)]


def default(value, fallback="", options=None):
    """Liquid's `default`: `fallback` for nil, false and empty strings/arrays/hashes
    (options `allow_false: true` keeps false)."""
    value = nil_to_none(value)
    allow_false = options.get("allow_false") if isinstance(options, Mapping) else None
    if allow_false is not None and not is_nil(allow_false) and allow_false is not False:
        missing = value is None
    else:
        missing = value is None or value is False
    if missing:
        return fallback
    liquid = to_liquid(value)
    if isinstance(liquid, (str, list, tuple, Mapping)) and len(liquid) == 0:
        return fallback
    return value


def _base64_bytes(value) -> bytes:
    return ruby.to_s(to_liquid(nil_to_none(value))).encode("utf-8")


def _decoded_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def base64_encode(value):
    return base64.b64encode(_base64_bytes(value)).decode("ascii")


def base64_url_safe_encode(value):
    return base64.urlsafe_b64encode(_base64_bytes(value)).decode("ascii")


_STRICT_BASE64 = re.compile(rb"\A(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?\Z")


def base64_decode(value):
    """Ruby's strict_decode64: only the alphabet, with correct padding."""
    data = _base64_bytes(value)
    if not _STRICT_BASE64.match(data):
        raise RubyLiquidError("invalid base64 provided to base64_decode", token=None)
    return _decoded_text(base64.b64decode(data))


def base64_url_safe_decode(value):
    """Ruby's urlsafe_decode64: `-_` alphabet, padding optional."""
    data = _base64_bytes(value).translate(bytes.maketrans(b"-_", b"+/"))
    if len(data) % 4 and not data.endswith(b"="):
        data += b"=" * (-len(data) % 4)
    if not _STRICT_BASE64.match(data):
        raise RubyLiquidError("invalid base64 provided to base64_url_safe_decode", token=None)
    return _decoded_text(base64.b64decode(data))


FILTERS = {
    "base64_encode": base64_encode, "base64_decode": base64_decode,
    "base64_url_safe_encode": base64_url_safe_encode,
    "base64_url_safe_decode": base64_url_safe_decode,
    "concat": concat, "compact": compact, "uniq": uniq, "slice": slice_,
    "sort_natural": sort_natural, "default": default,
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
