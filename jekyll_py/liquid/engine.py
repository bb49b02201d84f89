"""The Liquid engine a build renders every template with.

Minimal first version (owned by the Liquid work, issue 3): a python-liquid Environment set up in
Jekyll's dialect. The build core only relies on `LiquidEngine(site)` and `render(...)`.
"""
from __future__ import annotations

from liquid import Environment, Mode
from liquid.exceptions import LiquidError

from jekyll_py.errors import LiquidException

_MODES = {"lax": Mode.LAX, "warn": Mode.WARN, "strict": Mode.STRICT}


class LiquidEngine:
    def __init__(self, site):
        self.site = site
        liquid_config = site.config.get("liquid") or {}
        self.env = Environment(
            tolerance=_MODES.get(str(liquid_config.get("error_mode", "warn")), Mode.WARN),
            strict_filters=bool(liquid_config.get("strict_filters", False)),
        )
        self._parsed = {}

    def render(self, text: str, payload: dict, *, name: str, line_offset: int = 0,
               cache_key=None) -> str:
        """Render `text` with `payload` (site, page, layout, content, paginator, jekyll...).

        `name` is the site-relative path used in error messages; `line_offset` is unused
        (Jekyll counts lines from after the front matter, which is where `text` starts).
        `cache_key` (e.g. (path, mtime)) lets layouts and includes be parsed once.
        """
        try:
            template = self._parsed.get(cache_key) if cache_key is not None else None
            if template is None:
                template = self.env.from_string(text, name=name)
                if cache_key is not None:
                    self._parsed[cache_key] = template
            return template.render(**payload)
        except LiquidError as err:
            raise LiquidException(f"Liquid Exception: {err.message} in {name}") from err
