"""Plugins: Python ports of the Jekyll plugins sites name in `plugins:` / `gems:`.

`load_plugins(site)` is called by `Site.reset()` after the converters and the Liquid engine
exist; a plugin may append generators to `site.generators`, register hooks on `site.plugins`,
add converters to `site.converters`, and add Liquid tags and filters to `site.liquid`."""
from __future__ import annotations


def load_plugins(site) -> None:
    """Enable the plugins the site's configuration names."""
