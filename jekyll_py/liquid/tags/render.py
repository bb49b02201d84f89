"""`{% render %}`: Liquid 5.4 has it, but Jekyll gives it no file system, so it always fails."""
from __future__ import annotations

from liquid.ast import Node
from liquid.tag import Tag

from jekyll_py.liquid.messages import RubyLiquidError
from jekyll_py.liquid.tags.markup import read_markup


class RenderNode(Node):
    def render_to_output(self, context, buffer) -> int:
        raise RubyLiquidError("This liquid context does not allow includes.", token=self.token)


class RenderTag(Tag):
    name = "render"
    block = False

    def parse(self, stream):
        token, _ = read_markup(stream)
        return RenderNode(token)
