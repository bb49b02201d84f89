"""Jekyll's text filters (lib/jekyll/filters.rb, utils.rb): `slugify`, `xml_escape`,
`cgi_escape`, `normalize_whitespace`, `number_of_words`, `array_to_sentence_string`,
`to_integer`, `inspect`, `jsonify`.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping

from jekyll_py import utils
from jekyll_py.liquid import ruby
from jekyll_py.liquid.filters.standard import awk_split, cgi_escape_text
from jekyll_py.liquid.filters.support import as_liquid, nil_to_none, to_liquid
from jekyll_py.liquid.messages import JekyllTagError, RubyLiquidError

# -- slugify -------------------------------------------------------------------------------------


def slugify(value, mode=None):
    value = nil_to_none(value)
    if value is None:
        return None
    if not isinstance(value, str):
        # Ruby's NoMethodError, with the source line Ruby 3.1's error_highlight appends.
        raise JekyllTagError(f"undefined method `gsub' for {ruby.inspect(value)}:"
                             f"{_ruby_class(value)} string.gsub(replaceable_char, \"-\") ^^^^^")
    return utils.slugify(value, nil_to_none(mode))


def _ruby_class(value) -> str:
    if isinstance(value, bool):
        return "TrueClass" if value else "FalseClass"
    return {int: "Integer", float: "Float", list: "Array", str: "String",
            dict: "Hash"}.get(type(value), type(value).__name__)


# -- escaping ------------------------------------------------------------------------------------
def xml_escape(value):
    text = ruby.string(nil_to_none(value))
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def cgi_escape(value):
    value = nil_to_none(value)
    if not isinstance(value, str):
        raise JekyllTagError(f"no implicit conversion of {_ruby_class(value) if value is not None else 'nil'} into String")
    return cgi_escape_text(value)


# -- words ---------------------------------------------------------------------------------------
def normalize_whitespace(value):
    """`gsub(/\\s+/, " ").strip`: Ruby's \\s and strip know only ASCII whitespace (and strip
    NUL), so a no-break space stays."""
    text = _ASCII_SPACES.sub(" ", ruby.string(nil_to_none(value)))
    return text.strip(ruby.WHITESPACE)


_ASCII_SPACES = re.compile(r"\s+", re.ASCII)


_CJK = r"\u1100-\u11ff\u3040-\u309f\u30a0-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf" \
       r"\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_NON_CJK_WORD = re.compile(f"[^{_CJK}\\s]+", re.ASCII)


# The source line Ruby 3.1's error_highlight shows under the NoMethodError, per mode.
_WORDS_SOURCE = {
    "cjk": ("scan", "input.scan(cjk_regex).length + input.scan(word_regex).length ^^^^^"),
    "auto": ("scan", "cjk_count = input.scan(cjk_regex).length ^^^^^"),
}


def number_of_words(value, mode=None):
    value, mode = nil_to_none(value), nil_to_none(mode)
    if not isinstance(value, str):
        method, source = _WORDS_SOURCE.get(mode, ("split", "input.split.length ^^^^^^"))
        receiver = "nil:NilClass" if value is None else f"{ruby.inspect(value)}:{_ruby_class(value)}"
        raise JekyllTagError(f"undefined method `{method}' for {receiver} {source}")
    text = value
    if mode == "cjk":
        return len(_CJK_CHAR.findall(text)) + len(_NON_CJK_WORD.findall(text))
    if mode == "auto":
        cjk = len(_CJK_CHAR.findall(text))
        return len(awk_split(text)) if cjk == 0 else cjk + len(_NON_CJK_WORD.findall(text))
    return len(awk_split(text))


def array_to_sentence_string(value, connector="and"):
    value = nil_to_none(value)
    if isinstance(value, Mapping):  # `hash[0]`, `hash[1]`: nil unless such keys exist
        if len(value) > 2:  # `hash[0...-1]` is nil too, and has no join
            raise JekyllTagError(
                "undefined method `join' for nil:NilClass "
                '"#{array[0...-1].join(", ")}, #{connector} #{array[-1]}" ^^^^^')
        items = [value.get(i) for i in range(len(value))]
    else:
        items = list(value or [])
    connector = ruby.to_s(nil_to_none(connector))
    if not items:
        return ""
    # Items are interpolated (Ruby's to_s: an array inspected), except that the head of a
    # longer list goes through Array#join, which flattens nested arrays.
    if len(items) == 1:
        return ruby.string(items[0])
    if len(items) == 2:
        return f"{ruby.string(items[0])} {connector} {ruby.string(items[1])}"
    head = ", ".join(ruby.string(i) for i in _flattened(items[:-1]))
    return f"{head}, {connector} {ruby.string(items[-1])}"


def _flattened(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from _flattened(item)
        else:
            yield item


# -- conversions ---------------------------------------------------------------------------------
def to_integer(value):
    value = nil_to_none(value)
    if value is True:
        return 1
    if value is False:
        return 0
    if value is None:
        return 0
    try:
        return ruby.to_i(value)
    except TypeError:
        raise RubyLiquidError(f"undefined method `to_i' for {ruby.inspect(value)}", token=None)


def inspect(value):
    return xml_escape(_inspect(value))


def _inspect(value) -> str:
    """Ruby's #inspect of what a template holds; a Jekyll drop inspects as
    `JSON.pretty_generate(to_h)` (Jekyll::Drops::Drop#inspect)."""
    liquid = to_liquid(value)
    if ruby.is_drop(liquid):
        return "".join(_encode_pretty(_to_json_value(as_liquid(liquid)), 0))
    if isinstance(liquid, Mapping):
        return "{" + ", ".join(f"{_inspect(k)}=>{_inspect(v)}" for k, v in liquid.items()) + "}"
    if isinstance(liquid, (list, tuple)):
        return "[" + ", ".join(_inspect(item) for item in liquid) + "]"
    return ruby.inspect(liquid)


def _to_json_value(value):
    """Ruby's to_json view: times as their to_s, floats as Ruby prints them."""
    if isinstance(value, Mapping):
        return {ruby.to_s(k) if not isinstance(k, str) else k: _to_json_value(v)
                for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_json_value(v) for v in value]
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return _RubyFloat(value)
    if isinstance(value, range):
        return ruby.to_s(value)
    return ruby.to_s(value)


class _RubyFloat(float):
    """A float that json.dumps writes as Ruby's Float#to_s."""

    def __repr__(self) -> str:
        return ruby.float_to_s(self)


def _encode(value):
    if isinstance(value, _RubyFloat):
        yield ruby.float_to_s(value)
    elif isinstance(value, dict):
        yield "{"
        first = True
        for key, item in value.items():
            if not first:
                yield ","
            first = False
            yield json.dumps(key, ensure_ascii=False)
            yield ":"
            yield from _encode(item)
        yield "}"
    elif isinstance(value, list):
        yield "["
        for i, item in enumerate(value):
            if i:
                yield ","
            yield from _encode(item)
        yield "]"
    else:
        yield json.dumps(value, ensure_ascii=False)


def _encode_pretty(value, depth: int):
    """JSON.pretty_generate's layout (json 2.6): two-space indents, `"key": value`, an empty
    array as `[`, a blank line, `]` and an empty hash as `{`, `}` on two lines."""
    inner, outer = "  " * (depth + 1), "  " * depth
    if isinstance(value, dict):
        yield "{\n"
        for i, (key, item) in enumerate(value.items()):
            yield (",\n" if i else "") + inner + json.dumps(key, ensure_ascii=False) + ": "
            yield from _encode_pretty(item, depth + 1)
        yield ("\n" if value else "") + outer + "}"
    elif isinstance(value, list):
        yield "[\n"
        for i, item in enumerate(value):
            yield (",\n" if i else "") + inner
            yield from _encode_pretty(item, depth + 1)
        yield "\n" + outer + "]"
    else:
        yield from _encode(value)


def jsonify(value):
    """Ruby's `to_json` of the Liquid view: compact, UTF-8 kept, `/` and `<` not escaped."""
    return "".join(_encode(_to_json_value(as_liquid(value))))


FILTERS = {
    "slugify": slugify,
    "xml_escape": xml_escape,
    "cgi_escape": cgi_escape,
    "normalize_whitespace": normalize_whitespace,
    "number_of_words": number_of_words,
    "array_to_sentence_string": array_to_sentence_string,
    "to_integer": to_integer,
    "inspect": inspect,
    "jsonify": jsonify,
}
