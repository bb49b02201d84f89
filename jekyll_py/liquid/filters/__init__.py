"""Jekyll's Liquid filters, one module per family, and Liquid 5.4's standard filters."""
from __future__ import annotations

from jekyll_py.liquid.filters import collection, convert, date, standard, text, url


def register(env) -> None:
    """Install Jekyll's filter set into a python-liquid environment."""
    for name in standard.NOT_IN_LIQUID_5_4:
        env.filters.pop(name, None)
    for module in (standard, url, date, collection, text, convert):
        for name, fn in module.FILTERS.items():
            env.add_filter(name, fn)
