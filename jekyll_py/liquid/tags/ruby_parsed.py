"""The tags whose markup Ruby Liquid reads with its strict-then-lax parsers: `assign`, `if`,
`unless` (and their `elsif`), `for`; `{{ }}` and `echo` use the same policy (tags/output.py).

The policy is Ruby's ParserSwitching: parse strictly; if that fails, `strict` mode raises the
error, `warn` mode logs it as a Liquid Warning and `lax` mode says nothing, and both then read
the markup with the lax parser (jekyll_py/liquid/ruby_markup.py), which may itself refuse it.
"""
from __future__ import annotations

import re
from typing import Callable

from liquid import Mode
from liquid.ast import ConditionalBlockNode
from liquid.builtin.expressions import BooleanExpression
from liquid.builtin.expressions.primitive import Identifier
from liquid.builtin.tags.assign_tag import AssignNode, AssignTag
from liquid.builtin.tags.for_tag import ForNode, ForTag
from liquid.builtin.tags.if_tag import IfNode, IfTag
from liquid.builtin.tags.unless_tag import UnlessNode, UnlessTag
from liquid.parser import get_parser
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG

from jekyll_py.liquid import ruby_markup
from jekyll_py.liquid.messages import RubyLiquidSyntaxError
from jekyll_py.liquid.semantics import ruby_scope


def parse_markup(env, token, markup: str, context: str, strict: Callable, lax: Callable):
    """`strict(markup, token)`, or, when Ruby's strict parser refuses the markup and the mode
    allows it, `lax(markup, token)`. `context` is how Ruby quotes the markup in the message."""
    try:
        return strict(markup, token)
    except ruby_markup.RubyStrictError as err:
        error = RubyLiquidSyntaxError(f'{err} in "{context}"', token=token)
        if env.mode == Mode.STRICT:
            raise error from None
        if env.mode == Mode.WARN and env.parsing is not None:
            env.parsing.warning(error)
    return lax(markup, token)


def variable(env, token, markup: str):
    """A `{{ markup }}` variable (also `echo` and the source of `assign`)."""
    return parse_markup(env, token, markup, "{{" + markup + "}}",
                        ruby_markup.strict_variable, ruby_markup.lax_variable)


def condition(env, token, markup: str) -> BooleanExpression:
    expr = parse_markup(env, token, markup, markup.strip(),
                        ruby_markup.strict_condition, ruby_markup.lax_condition)
    return BooleanExpression(token, expr)


def raw_tag_markup(token) -> str:
    """The markup of a tag as Ruby sees it: up to `-%}`/`%}`, trailing spaces kept."""
    value, source, start = token.value, token.source, token.start_index
    if start < 0 or source[start:start + len(value)] != value:
        return value
    if _inside_liquid_tag(source, start):  # a `{% liquid %}` line ends at its newline
        return value
    end = source.find("%}", start + len(value))
    raw = source[start:end] if end >= 0 else value
    return raw[:-1] if raw.endswith("-") else raw


_LIQUID_TAG_OPENING = re.compile(r"\{%-?\s*liquid\s", re.ASCII)


def _inside_liquid_tag(source: str, index: int) -> bool:
    opening = source.rfind("{%", 0, index)
    return opening >= 0 and bool(_LIQUID_TAG_OPENING.match(source, opening))


def _markup(stream) -> str:
    """The raw markup of the tag the stream is on, consuming its expression token."""
    if stream.current.kind == TOKEN_EXPRESSION:
        token = stream.current
        next(stream)
        return raw_tag_markup(token)
    return ""


class RubyAssignTag(AssignTag):
    def parse(self, stream):
        tag = stream.eat(TOKEN_TAG)
        expr_token = stream.current if stream.current.kind == TOKEN_EXPRESSION else tag
        markup = raw_tag_markup(expr_token) if expr_token is not tag else ""
        name, source = ruby_markup.split_assign(markup, tag)
        expression = variable(self.env, tag, source)
        return AssignNode(tag, name=Identifier(name, token=tag), expression=expression)


class RubyForNode(ForNode):
    """A `for` loop taking one of Ruby's scopes (at most 100, semantics.ruby_scope)."""

    def render_to_output(self, context, buffer):
        with ruby_scope(context, self.token):
            return super().render_to_output(context, buffer)


class RubyForTag(ForTag):
    def parse(self, stream):
        tag = stream.eat(TOKEN_TAG)
        markup = _markup(stream)
        loop = parse_markup(self.env, tag, markup, markup.strip(),
                            ruby_markup.strict_for, ruby_markup.lax_for)
        parse_block = get_parser(self.env).parse_block
        block = parse_block(stream, ("endfor", "else"))
        default = None
        if stream.current.is_tag("else"):
            next(stream)
            default = parse_block(stream, ("endfor",))
        stream.expect(TOKEN_TAG, value="endfor")
        return RubyForNode(tag, expression=loop, block=block, default=default)


def _parse_conditional(tag_obj, stream, node_class, end: str):
    """`if`/`unless` with `elsif` and `else` blocks; blocks after the first `else` can never
    render (Ruby keeps them, python-liquid drops them: same output)."""
    env = tag_obj.env
    tag = stream.eat(TOKEN_TAG)
    markup = _markup(stream)
    first = condition(env, tag, markup)
    parse_block = get_parser(env).parse_block
    stops = (end, "elsif", "else", TOKEN_EOF)
    consequence = parse_block(stream, stops)
    alternatives = []
    while stream.current.is_tag("elsif"):
        elsif = next(stream)
        elsif_markup = _markup(stream)
        expr = condition(env, elsif, elsif_markup)
        block_token = stream.current
        alternatives.append(ConditionalBlockNode(block_token, expression=expr,
                                                 block=parse_block(stream, stops)))
    default = None
    if stream.current.is_tag("else"):
        next(stream)
        if stream.current.kind == TOKEN_EXPRESSION:  # `{% else anything %}`: ignored
            next(stream)
        default = parse_block(stream, stops)
    while stream.current.kind != TOKEN_EOF and not stream.current.is_tag(end):
        next(stream)
    stream.expect(TOKEN_TAG, value=end)
    return node_class(token=tag, condition=first, consequence=consequence,
                      alternatives=alternatives, default=default)


class RubyIfTag(IfTag):
    def parse(self, stream):
        return _parse_conditional(self, stream, IfNode, "endif")


class RubyUnlessTag(UnlessTag):
    def parse(self, stream):
        return _parse_conditional(self, stream, UnlessNode, "endunless")
