"""jekyll-gist 1.5: `{% gist ID [FILE] %}` embeds a gist's script tag.

jekyll-py never uses the network. The gem fetches the gist's raw code for a <noscript>
fallback; offline that fetch fails, the gem warns, and (through a quirk of the gem: it
returns the logger's result) the text `true` stands where the <noscript> would be. We
produce exactly that offline output. `gist: {noscript: false}` turns the fallback off (no
warning, no `true`). ID and FILE may be variables.
"""
from __future__ import annotations

import re

from liquid.ast import Node
from liquid.exceptions import LiquidError
from liquid.tag import Tag

from jekyll_py.liquid.tags.markup import read_markup
from jekyll_py.log import logger
from jekyll_py.plugins.common import site_of

_ARGUMENTS_RE = re.compile(r"\A(\S+|.*(?=/).+)\s?(\S*)\Z", re.S)
SYNTAX_HELP = """Syntax error in tag 'gist' while parsing the following markup:

    {markup}

  Valid syntax:
    {{% gist user/1234567 %}}
    {{% gist user/1234567 foo.js %}}
    {{% gist 28949e1d5ee2273f9fd3 %}}
    {{% gist 28949e1d5ee2273f9fd3 best.md %}}"""


def register(site) -> None:
    site.liquid.register_tag(GistTag)


def script_tag(gist_id: str, filename: str = "") -> str:
    url = f"https://gist.github.com/{gist_id}.js"
    if filename:
        url += f"?file={filename}"
    return f'<script src="{url}"> </script>'


def _resolve(context, name: str):
    """The value of a variable named `name` if the context has one, else `name` itself."""
    value = context.resolve(name, default=None)
    return name if value is None else value


class GistNode(Node):
    def __init__(self, token, markup: str):
        super().__init__(token)
        self.markup = markup

    def render_to_output(self, context, buffer) -> int:
        match = _ARGUMENTS_RE.match(self.markup.strip())
        if not match:
            raise LiquidError(SYNTAX_HELP.format(markup=self.markup), token=self.token)
        gist_id = str(_resolve(context, match.group(1).strip()))
        filename = match.group(2).strip()
        if filename:
            filename = str(_resolve(context, filename))
        settings = site_of(context).config.get("gist")
        noscript = ""
        if not (isinstance(settings, dict) and settings.get("noscript") is False):
            logger.warn("Warning:", f"The <noscript> tag for your gist {gist_id} ")
            logger.warn("", "could not be generated. This will affect users who do ")
            logger.warn("", "not have JavaScript enabled in their browsers.")
            noscript = "true"
        return buffer.write(noscript + script_tag(gist_id, filename))


class GistTag(Tag):
    name = "gist"
    block = False

    def parse(self, stream):
        token, markup = read_markup(stream)
        return GistNode(token, markup)
