"""`{{ expression }}` and `{% echo %}` printing values as Ruby does (`1.0`, `1.0e+20`, arrays
joined, hashes inspected) instead of Python's `str()`."""
from __future__ import annotations

from liquid.builtin.output import Output, OutputNode
from liquid.builtin.tags.echo_tag import EchoNode, EchoTag

from jekyll_py.liquid import ruby


def _text(value) -> str:
    if hasattr(value, "__liquid__"):
        value = value.__liquid__()
    return ruby.to_s(value)


class RubyOutputNode(OutputNode):
    def render_to_output(self, context, buffer) -> int:
        return buffer.write(_text(self.expression.evaluate(context)))


class RubyOutput(Output):
    node_class = RubyOutputNode


class RubyEchoNode(EchoNode):
    def render_to_output(self, context, buffer) -> int:
        return buffer.write(_text(self.expression.evaluate(context)))


class RubyEchoTag(EchoTag):
    node_class = RubyEchoNode
