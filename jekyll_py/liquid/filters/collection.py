"""Jekyll's array filters (lib/jekyll/filters.rb, filters/grouping_filters.rb):
`where`, `where_exp`, `find`, `find_exp`, `group_by`, `group_by_exp`, `sort`, `push`, `pop`,
`shift`, `unshift`, `sample`.

Properties are read from each item's Liquid view with dotted paths (`meta.rank`); values that
look like numbers are compared as numbers, and `where`/`find` compare `to_s` of the property
(any element of an array property) with `to_s` of the target.
"""
from __future__ import annotations

import functools
import random
import re
from collections.abc import Mapping

from liquid.builtin.expressions import BooleanExpression, FilteredExpression, tokenize
from liquid.builtin.expressions.primitive import Blank, Empty
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, Token

from jekyll_py.liquid import ruby
from jekyll_py.liquid.filters.support import PLAIN_TYPES, nil_to_none, to_liquid, with_context
from jekyll_py.liquid import ruby_markup
from jekyll_py.liquid.messages import JekyllTagError, RubyLiquidError, RubyLiquidSyntaxError
from jekyll_py.render import per_document_cache

INTEGER_LIKE = re.compile(r"\A\s*-?\d+\s*\Z", re.ASCII)  # Ruby's \s and \d are ASCII
FLOAT_LIKE = re.compile(r"\A\s*-?(?:\d+\.?\d*|\.\d+)\s*\Z", re.ASCII)


def _items(value):
    """The items a filter iterates (hash values for a hash), or None if not enumerable."""
    value = to_liquid(value)
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    return None


def read_attribute(item, prop: str):
    """Jekyll's read_liquid_attribute: `item[prop]`, or for `a.b` each step in turn, where a
    step on something that cannot be indexed (nil) gives `false`, as Ruby's `x && x[key]`."""
    data = to_liquid(item)
    if "." not in prop:
        if data is None or isinstance(data, (bool, float)):  # no `[]` at all
            raise JekyllTagError(
                f"undefined method `[]' for {_receiver(data)} "
                'return liquid_data[property] unless property.include?(".") ^^^^^^^^^^')
        return _index(data, prop)
    for key in prop.split("."):
        if data is None or data is False or data is True or isinstance(data, float):
            return False
        data = _index(data, key)
    return data


def _receiver(value) -> str:
    """How Ruby's NoMethodError names its receiver (`nil:NilClass`, `2.5:Float`)."""
    return f"{ruby.inspect(value)}:{_ruby_class(value)}"


def _index(data, key):
    """Ruby's `data[key]` for a string key (substring lookup on strings; Integer#[] and
    Array#[] refuse a string)."""
    data = to_liquid(data)
    kind = type(data)
    if kind is dict:  # the common case first
        value = data.get(key)
        return value if type(value) in PLAIN_TYPES else to_liquid(nil_to_none(value))
    if kind is str:
        return key if key in data else None
    if isinstance(data, (int, list, tuple)) and not isinstance(data, bool):
        raise JekyllTagError("no implicit conversion of String into Integer")
    if isinstance(data, Mapping):
        try:
            return to_liquid(nil_to_none(data[key]))
        except (KeyError, TypeError):
            return None
    if isinstance(data, str):
        return key if key in data else None
    return None


def sort_key_value(value):
    """Jekyll's parse_sort_input: numeric-looking values become numbers."""
    text = ruby.to_s(value)
    if INTEGER_LIKE.match(text):
        return int(text.strip())
    if FLOAT_LIKE.match(text):
        return float(text.strip())
    return value


def item_property(item, prop) -> object:
    return sort_key_value(read_attribute(item, ruby.to_s(prop)))


def _matches(prop_value, target) -> bool:
    if target is None:
        return prop_value is None
    if isinstance(target, (Empty, Blank)):  # Jekyll's MethodLiteral: `prop.to_s`-ish ""
        if prop_value is None or prop_value == "":  # Array(nil).join is ""
            return True
        if isinstance(prop_value, Mapping):  # Array(hash) is its [key, value] pairs
            return _ruby_join(prop_value.items()) == ""
        return isinstance(prop_value, (list, tuple)) and _ruby_join(prop_value) == ""
    target = ruby.to_s(target)
    if isinstance(prop_value, str):
        return prop_value == target
    values = prop_value if isinstance(prop_value, (list, tuple)) else (
        [] if prop_value is None else
        list(prop_value.items()) if isinstance(prop_value, Mapping) else [prop_value])
    return any(ruby.string(v) == target for v in values)  # Ruby's to_s: arrays inspected


def _ruby_join(values) -> str:
    """Ruby's Array#join without separator: nested arrays are joined in place."""
    return "".join(_ruby_join(v) if isinstance(v, (list, tuple)) else ruby.string(v)
                   for v in values)


def where(value, prop=None, target=None):
    prop, target = nil_to_none(prop), nil_to_none(target)
    if prop is None or isinstance(target, (list, tuple, Mapping)):
        return value
    items = _items(value)
    if items is None:
        return value
    if type(value) is list and not isinstance(target, (Empty, Blank)):
        index = _where_index(value, items, ruby.to_s(prop))
        if index is not None:
            return list(index.get(None if target is None else ruby.to_s(target), ()))
    return [item for item in items if _matches(item_property(item, prop), target)]


# Templates such as a docs sidebar run `site.docs | where: "url", x` once per link on every
# page: each list and property is indexed once per document render (the cache is emptied
# before each document, so a document never sees another's values).
_where_indexes = per_document_cache()  # (id(list), property) -> (list, index or None)
# Properties whose values change while documents render: never indexed.
_UNINDEXED_PROPERTIES = frozenset({"content", "output", "excerpt"})
# Property values whose match is `to_s(value) == to_s(target)`, so an index keyed by to_s
# answers exactly as `_matches` does (nil stays a key of its own).
_INDEXED_TYPES = {str: str, int: ruby.to_s, float: ruby.to_s}


def _where_index(value: list, items: list, prop: str) -> dict | None:
    """`{to_s of the property: [items]}` for `where` on `value`, or None when some item's
    value (an array, a hash...) needs `_matches`' full comparison."""
    if prop in _UNINDEXED_PROPERTIES:
        return None
    key = (id(value), prop)
    entry = _where_indexes.get(key)
    if entry is not None and entry[0] is value:  # the list is kept, so its id is not reused
        return entry[1]
    index: dict | None = {}
    for item in items:
        found = item_property(item, prop)
        if found is None:
            index.setdefault(None, []).append(item)
            continue
        to_key = _INDEXED_TYPES.get(type(found))
        if to_key is None:
            index = None
            break
        index.setdefault(to_key(found), []).append(item)
    _where_indexes[key] = (value, index)
    return index


def find(value, prop=None, target=None):
    prop, target = nil_to_none(prop), nil_to_none(target)
    if prop is None or isinstance(target, (list, tuple, Mapping)):
        return value
    items = _items(value)
    if items is None:
        return value
    for item in items:
        if _matches(item_property(item, prop), target):
            return item
    return None


def _jekyll_operand(markup: str, token):
    """Expression.parse as Jekyll patches it: `blank` and `empty` are Jekyll's MethodLiteral,
    which Liquid's Condition does not know, so it equals nothing."""
    if markup.strip() in ("blank", "empty"):
        return Blank(token)
    return ruby_markup.expression(markup, token)


@functools.lru_cache(maxsize=512)
def _cached_condition(env, source: str):
    """Jekyll's parse_condition: Liquid's strict parser, always (no lax fallback), operands
    read by Expression.parse."""
    token = Token(TOKEN_EXPRESSION, source, -1, source)  # errors name the tag's line
    try:
        return BooleanExpression(token, ruby_markup.strict_condition(
            source, token, operand=_jekyll_operand))
    except ruby_markup.RubyStrictError as err:
        raise RubyLiquidSyntaxError(str(err), token=None) from None


@functools.lru_cache(maxsize=512)
def _cached_expression(env, source: str):
    token = Token(TOKEN_EXPRESSION, source, 0, source)
    return FilteredExpression.parse(env, TokenStream(tokenize(source, token)))


@with_context
def where_exp(value, variable, expression, *, context):
    items = _items(value)
    if items is None:
        return value
    condition = _cached_condition(context.env, ruby.to_s(expression))
    name = ruby.to_s(variable)
    out = []
    for item in items:
        with context.extend({name: item}):
            if condition.evaluate(context):
                out.append(item)
    return out


@with_context
def find_exp(value, variable, expression, *, context):
    items = _items(value)
    if items is None:
        return value
    condition = _cached_condition(context.env, ruby.to_s(expression))
    name = ruby.to_s(variable)
    for item in items:
        with context.extend({name: item}):
            if condition.evaluate(context):
                return item
    return None


def _grouped(pairs) -> list[dict]:
    """Ruby's group_by: one group per distinct key (by Ruby's eql?, so 1, 1.0 and true differ)."""
    groups: dict = {}
    for key, item in pairs:
        try:
            identity = (type(key), key)
            hash(identity)
        except TypeError:  # lists and hashes group by their contents
            identity = (type(key), repr(key))
        groups.setdefault(identity, (key, []))[1].append(item)
    return [{"name": key, "items": items, "size": len(items)} for key, items in groups.values()]


def group_by(value, prop=None):
    items = _items(value)
    if items is None:
        return value
    # Jekyll groups by the property's to_s (an array prints as Ruby's inspect).
    return _grouped((ruby.string(item_property(item, prop)), item) for item in items)


@with_context
def group_by_exp(value, variable, expression, *, context):
    items = _items(value)
    if items is None:
        return value
    expr = _cached_expression(context.env, ruby.to_s(expression))
    name = ruby.to_s(variable)
    pairs = []
    for item in items:
        with context.extend({name: item}):
            pairs.append((expr.evaluate(context), item))  # the raw value names the group
    return _grouped(pairs)


def _spaceship(a, b):
    """Ruby's <=> for the values Liquid sees; None when they cannot be compared."""
    numeric = (int, float)
    if isinstance(a, bool) or isinstance(b, bool):
        return 0 if a == b else None
    if isinstance(a, numeric) and isinstance(b, numeric):
        return (a > b) - (a < b)
    if isinstance(a, str) and isinstance(b, str):
        return (a > b) - (a < b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        for x, y in zip(a, b):
            result = _spaceship(x, y)
            if result != 0:
                return result
        return (len(a) > len(b)) - (len(a) < len(b))
    try:
        return (a > b) - (a < b)
    except TypeError:
        return None


def _ruby_class(value) -> str:
    if value is None:
        return "NilClass"
    return {bool: "TrueClass" if value else "FalseClass", int: "Integer", float: "Float",
            str: "String", list: "Array", dict: "Hash"}.get(type(value), type(value).__name__)


def sort(value, prop=None, nils="first"):
    """Jekyll's sort: plain `sort` of the array, or by a property with nils first or last."""
    value = to_liquid(nil_to_none(value))
    if value is None:
        raise RubyLiquidError("Cannot sort a null object.", token=None)
    prop = nil_to_none(prop)
    items = _items(value)
    if prop is None:
        if items is None:
            return value
        items = list(value.items()) if isinstance(value, Mapping) else items

        def compare(a, b):
            result = _spaceship(a, b)
            if result is None:
                raise RubyLiquidError(
                    f"comparison of {_ruby_class(a)} with {ruby.inspect(b)} failed", token=None)
            return result
        return sorted(items, key=functools.cmp_to_key(compare))
    nils = ruby.to_s(nil_to_none(nils))
    if nils == "first":
        order = -1
    elif nils == "last":
        order = 1
    else:
        raise RubyLiquidError(
            f"Invalid nils order: '{nils}' is not a valid nils order. "
            "It must be 'first' or 'last'.", token=None)
    if items is None:
        return value
    keyed = [(item_property(item, prop), item) for item in items]

    def compare_keyed(a, b):
        a_prop, b_prop = a[0], b[0]
        if a_prop is not None and b_prop is None:
            return -order
        if a_prop is None and b_prop is not None:
            return order
        result = _spaceship(a_prop, b_prop)
        if result is None:
            x, y = ruby.to_s(a_prop), ruby.to_s(b_prop)
            result = (x > y) - (x < y)
        return result
    return [item for _, item in sorted(keyed, key=functools.cmp_to_key(compare_keyed))]


def _count(num) -> int:
    num = nil_to_none(num)
    if isinstance(num, int) and not isinstance(num, bool):
        return num
    try:
        return int(ruby.to_s(num).strip().replace("_", ""), 10)
    except ValueError:
        raise RubyLiquidError("invalid integer", token=None) from None


def push(value, item=None):
    if not isinstance(value, list):
        return value
    return [*value, nil_to_none(item)]


def unshift(value, item=None):
    if not isinstance(value, list):
        return value
    return [nil_to_none(item), *value]


def pop(value, num=1):
    if not isinstance(value, list):
        return value
    num = _count(num)
    return list(value[: max(len(value) - num, 0)]) if num > 0 else list(value)


def shift(value, num=1):
    if not isinstance(value, list):
        return value
    num = _count(num)
    return list(value[num:]) if num > 0 else list(value)


def sample(value, num=1):
    items = to_liquid(nil_to_none(value))
    if not isinstance(items, (list, tuple)):
        return value
    try:
        num = _count(num)
    except RubyLiquidError:
        num = 1
    if num == 1:
        return random.choice(items) if items else None
    return random.sample(list(items), min(num, len(items)))


FILTERS = {
    "where": where,
    "where_exp": where_exp,
    "find": find,
    "find_exp": find_exp,
    "group_by": group_by,
    "group_by_exp": group_by_exp,
    "sort": sort,
    "push": push,
    "pop": pop,
    "shift": shift,
    "unshift": unshift,
    "sample": sample,
}
