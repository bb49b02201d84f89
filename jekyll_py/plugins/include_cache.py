"""jekyll-include-cache 0.2: `{% include_cached file.html param=value %}`.

Like `{% include %}`, but the output is rendered once per (file, parameters) and reused for
the rest of the build; the cache is emptied when a build starts rendering (site pre_render).
Use it for includes that do not depend on the page they are in.
"""
from __future__ import annotations

from collections.abc import Mapping
from io import StringIO

from jekyll_py.liquid.tags.include import IncludeNode, IncludeTag, locate
from jekyll_py.liquid.tags.markup import render_markup


def register(site) -> None:
    site._include_cache = {}
    site.liquid.register_tag(IncludeCachedTag)
    site.plugins.register("site", "pre_render", lambda s, *args: s._include_cache.clear())


def _param_key(value):
    """A hashable stand-in for a parameter value: drops by identity (documents do not change
    during a build), other values by content."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "obj") and isinstance(value, Mapping):
        return ("drop", id(value.obj))
    return ("value", repr(value))


class IncludeCachedNode(IncludeNode):
    def render_to_output(self, context, buffer) -> int:
        site = context.env.engine.site
        file = render_markup(self.file, context) if self.dynamic else self.file
        path = locate(file, self.include_dirs(context))
        if path is None:  # let the include tag report the error
            return super().render_to_output(context, buffer)
        params = self.parse_params(context) if self.params is not None else None
        key = (path, None if params is None else
               tuple(sorted((k, _param_key(v)) for k, v in params.items())))
        cache = site._include_cache
        if key not in cache:
            output = StringIO()
            super().render_to_output(context, output)
            cache[key] = output.getvalue()
        return buffer.write(cache[key])


class IncludeCachedTag(IncludeTag):
    name = "include_cached"
    node_class = IncludeCachedNode
