"""Liquid 5.4's standard filters where python-liquid (which follows newer Shopify Liquid)
gives a different result. Each function here is Liquid 5.4's behaviour.
"""
from __future__ import annotations

from jekyll_py.liquid import ruby
from jekyll_py.liquid.filters.support import nil_to_none
from jekyll_py.liquid.messages import RubyLiquidError

# Filters python-liquid has that Liquid 5.4 does not (Jekyll adds its own `find`).
NOT_IN_LIQUID_5_4 = ("find_index", "has", "reject", "sum", "squish")


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


def truncate(value, length=50, ellipsis="..."):
    value = nil_to_none(value)
    if value is None:
        return None
    text = ruby.to_s(value)
    length = to_integer(length)
    ellipsis = ruby.to_s(nil_to_none(ellipsis))
    keep = max(length - len(ellipsis), 0)
    return text[:keep] + ellipsis if len(text) > length else text


FILTERS = {
    "truncate": truncate,
}
