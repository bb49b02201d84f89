"""Small helpers shared by the filter modules."""
from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from liquid import Undefined


def is_nil(value: object) -> bool:
    """Ruby's nil: None or an undefined variable."""
    return value is None or isinstance(value, Undefined)


# Exact types that are plain Liquid values: checked with `type(x) in` before the slower
# isinstance chains of the hot helpers below (subclasses still take the slow path).
PLAIN_TYPES = frozenset({str, int, float, bool, type(None), list, dict, tuple})


def nil_to_none(value: object) -> object:
    if type(value) in PLAIN_TYPES:
        return value
    return None if isinstance(value, Undefined) else value


def with_engine(fn):
    """Pass the LiquidEngine (and so the site) to a filter as `engine=`."""
    @functools.wraps(fn)
    def wrapper(*args, environment, **kwargs):
        return fn(*args, engine=environment.engine, **kwargs)
    wrapper.with_environment = True
    return wrapper


def with_context(fn):
    """Pass the render context to a filter as `context=`."""
    fn.with_context = True
    return fn


def to_liquid(value: object) -> object:
    """An object's Liquid view: `to_liquid()` when it has one (documents, drops...)."""
    if type(value) in PLAIN_TYPES:
        return value
    value = nil_to_none(value)
    method = getattr(value, "to_liquid", None)
    if callable(method):
        liquid = method()
        if liquid is not value:
            return liquid
    return value


def as_liquid(value: object) -> object:
    """Jekyll's `as_liquid`: deep `to_liquid` of hashes and arrays (for jsonify)."""
    value = to_liquid(value)
    if isinstance(value, Mapping):
        return {as_liquid(k): as_liquid(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_liquid(v) for v in value]
    return value


def is_array(value: object) -> bool:
    return isinstance(value, (list, tuple))


def is_sequence(value: object) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes))
