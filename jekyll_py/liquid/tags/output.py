"""`{{ expression }}` and `{% echo %}`: markup read by Ruby's parsers (tags/ruby_parsed.py), and
values printed as Ruby does (`1.0`, `1.0e+20`, arrays joined, hashes inspected) instead of
Python's `str()`."""
from __future__ import annotations

from liquid.builtin.output import Output, OutputNode
from liquid.builtin.tags.echo_tag import EchoNode, EchoTag
from liquid.token import TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG

from jekyll_py.liquid import ruby
from jekyll_py.liquid.tags.ruby_parsed import raw_tag_markup, variable


def _text(value) -> str:
    if hasattr(value, "__liquid__"):
        value = value.__liquid__()
    return ruby.to_s(value)


def output_markup(token) -> str:
    """What Ruby's tokenizer passes to Variable for `{{ ... }}`: the text inside the braces
    without whitespace-control dashes, spaces kept."""
    inner = token.value[2:-2]
    if inner.startswith("-"):
        inner = inner[1:]
    if inner.endswith("-"):
        inner = inner[:-1]
    return inner


class RubyOutputNode(OutputNode):
    def render_to_output(self, context, buffer) -> int:
        return buffer.write(_text(self.expression.evaluate(context)))


class RubyOutput(Output):
    node_class = RubyOutputNode

    def parse(self, stream):
        token = stream.eat(TOKEN_OUTPUT)
        stream.expect(TOKEN_EXPRESSION)
        return self.node_class(token, variable(self.env, token, output_markup(token)))


class RubyEchoNode(EchoNode):
    def render_to_output(self, context, buffer) -> int:
        return buffer.write(_text(self.expression.evaluate(context)))


class RubyEchoTag(EchoTag):
    node_class = RubyEchoNode

    def parse(self, stream):
        # An inline tag leaves the stream on its own last token (the parser steps past it).
        token = stream.current
        markup = ""
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
            markup = raw_tag_markup(stream.current)
        return self.node_class(token, variable(self.env, token, markup))
