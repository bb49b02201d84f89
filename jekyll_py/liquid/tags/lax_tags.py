"""The tags Ruby Liquid 5.4 reads only with regular expressions, in every error mode:
`case`/`when`, `cycle`, `tablerow` and `capture`.

Their markup is never strict-parsed, so nothing here warns: Ruby takes the first piece of the
markup that fits (`{% capture "x" junk %}` captures into `x`, `{% case x junk %}` compares `x`,
`{% cycle "a", "b" junk %}` cycles over "a" and "b") and ignores the rest. Only markup that does
not fit at all is a syntax error, fatal in every mode (these are Ruby's block parse errors).
Expressions are Ruby's `Expression.parse` (ruby_markup.expression), so they evaluate as
python-liquid's own expressions.
"""
from __future__ import annotations

import re

from liquid.builtin.expressions.loop import LoopExpression
from liquid.builtin.expressions.primitive import (
    FloatLiteral, IntegerLiteral, Nil, StringLiteral)
from liquid.builtin.content import ContentNode
from liquid.builtin.tags.capture_tag import CaptureNode, CaptureTag
from liquid.builtin.tags.case_tag import (
    CaseNode, CaseTag, MultiExpressionBlockNode, _AnyExpression)
from liquid.builtin.tags.cycle_tag import CycleNode, CycleTag
from liquid.builtin.tags.tablerow_tag import TableRow, TablerowNode, TablerowTag
from liquid.exceptions import LiquidInterrupt
from liquid.parser import get_parser
from liquid.stringify import to_liquid_string
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG
from liquid.undefined import is_undefined

from jekyll_py.liquid import ruby
from jekyll_py.liquid.messages import RubyLiquidSyntaxError
from jekyll_py.liquid.semantics import ruby_scope
from jekyll_py.liquid.ruby_markup import (
    QUOTED_FRAGMENT, TAG_ATTRIBUTES, condition_operand, expression)
from jekyll_py.liquid.tags.ruby_parsed import raw_tag_markup

_A = re.ASCII


def _markup(stream, tag) -> str:
    """The raw markup after the tag name (consuming its expression token), as Ruby sees it."""
    if stream.current.kind == TOKEN_EXPRESSION:
        token = stream.current
        next(stream)
        return raw_tag_markup(token)
    return ""


def _syntax_error(message: str, token) -> RubyLiquidSyntaxError:
    return RubyLiquidSyntaxError(message, token=token)


# -- capture -----------------------------------------------------------------------------------
CAPTURE_SYNTAX_ERROR = "Syntax Error in 'capture' - Valid syntax: capture [var]"
_CAPTURE_SYNTAX = re.compile(r"((?:\(?[\w\-.\[\]]\)?)+)", _A)


class RubyCaptureTag(CaptureTag):
    """`capture NAME`: the first run of name characters anywhere in the markup is the name,
    taken literally (`a.b` and `a[0]` are names, not paths)."""

    def parse(self, stream):
        tag = stream.eat(TOKEN_TAG)
        match = _CAPTURE_SYNTAX.search(_markup(stream, tag))
        if not match:
            raise _syntax_error(CAPTURE_SYNTAX_ERROR, tag)
        block = get_parser(self.env).parse_block(stream, ("endcapture", TOKEN_EOF))
        stream.expect(TOKEN_TAG, value="endcapture")
        return CaptureNode(tag, match.group(1), block)


# -- case / when -------------------------------------------------------------------------------
CASE_SYNTAX_ERROR = "Syntax Error in 'case' - Valid syntax: case [condition]"
WHEN_SYNTAX_ERROR = ("Syntax Error in tag 'case' - Valid when condition: "
                     "{% when [condition] [or condition2...] %}")
ELSE_SYNTAX_ERROR = ("Syntax Error in tag 'case' - Valid else condition: "
                     "{% else %} (no parameters) ")
_CASE_SYNTAX = re.compile(rf"({QUOTED_FRAGMENT})", _A)
_WHEN_SYNTAX = re.compile(
    rf"({QUOTED_FRAGMENT})(?:(?:\s+or\s+|\s*,\s*)({QUOTED_FRAGMENT}.*))?", re.S | _A)


class RubyCaseTag(CaseTag):
    """`case` with Ruby's `when a or b` / `when a, b` lists; each value of a `when` is its own
    condition (a value listed twice renders the block twice, as in Ruby). Text before the first
    `when` is dropped."""

    def parse(self, stream):
        tag = stream.eat(TOKEN_TAG)
        match = _CASE_SYNTAX.search(_markup(stream, tag))
        if not match:
            raise _syntax_error(CASE_SYNTAX_ERROR, tag)
        left = expression(match.group(1), tag)
        parse_block = get_parser(self.env).parse_block
        stops = ("endcase", "when", "else", TOKEN_EOF)
        parse_block(stream, stops)  # whatever precedes the first `when` never renders
        blocks = []
        while stream.current.is_tag("when") or stream.current.is_tag("else"):
            branch = next(stream)
            markup = _markup(stream, branch)
            if branch.value == "else":
                if markup.strip():
                    raise _syntax_error(ELSE_SYNTAX_ERROR, branch)
                blocks.append(parse_block(stream, stops))
                continue
            values = _when_values(markup, branch)
            block = parse_block(stream, stops)
            blocks.append(MultiExpressionBlockNode(
                branch, block, _AnyExpression(branch, left, values)))
        stream.expect(TOKEN_TAG, value="endcase")
        return CaseNode(tag, left, blocks)


def _when_values(markup: str, token) -> list:
    values = []
    rest = markup
    while rest is not None:
        match = _WHEN_SYNTAX.search(rest)
        if not match:
            raise _syntax_error(WHEN_SYNTAX_ERROR, token)
        values.append(condition_operand(match.group(1), token))
        rest = match.group(2)
    return values


# -- cycle -------------------------------------------------------------------------------------
CYCLE_SYNTAX_ERROR = ("Syntax Error in 'cycle' - Valid syntax: "
                      "cycle [name :] var [, var2, var3 ...]")
_CYCLE_NAMED = re.compile(rf"\A({QUOTED_FRAGMENT})\s*:\s*(.*)", re.S | _A)
_CYCLE_SIMPLE = re.compile(rf"\A(?:{QUOTED_FRAGMENT})+", _A)
_CYCLE_VALUE = re.compile(rf"\s*({QUOTED_FRAGMENT})\s*", _A)


class RubyCycleNode(CycleNode):
    """A cycle whose counter key is Ruby's: the named group's value, or for an unnamed cycle
    the printed list of its values (`["a", "b"]`), so that unnamed cycles over the same
    literals share a counter; a cycle listing a variable has a counter of its own."""

    __slots__ = ("key",)

    def render_to_output(self, context, buffer):
        if self.group is not None:
            key = ("group", _hashable(self.group.evaluate(context)))
        else:
            key = ("list", self.key)
        counters = context.tag_namespace["cycles"]
        index = counters.get(key, 0)
        value = self.args[index].evaluate(context) if index < len(self.args) else None
        counters[key] = 0 if index + 1 >= len(self.args) else index + 1
        if isinstance(value, (list, tuple)):
            return buffer.write("".join(to_liquid_string(v, autoescape=False) for v in value))
        return buffer.write(ruby.to_s(value) if value is not None else "")


def _hashable(value):
    if value is None or is_undefined(value):
        return None
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return (type(value).__name__, value)


def _literal_key(values: list, node_id: int):
    """Ruby's `@variables.to_s` as a counter key: literals print the same in every tag; a
    variable prints its object address, unique to the tag."""
    parts = []
    for value in values:
        if isinstance(value, StringLiteral):
            parts.append(ruby.inspect_string(value.value))
        elif isinstance(value, (IntegerLiteral, FloatLiteral)):
            parts.append(ruby.to_s(value.value))
        elif isinstance(value, Nil):
            parts.append("nil")
        else:
            return ("node", node_id)
    return "[" + ", ".join(parts) + "]"


class RubyCycleTag(CycleTag):
    def parse(self, stream):
        # An inline tag leaves the stream on its own last token (the parser steps past it).
        tag = stream.current
        markup = ""
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
            markup = raw_tag_markup(stream.current)
        named = _CYCLE_NAMED.match(markup)
        if named:
            group, values = expression(named.group(1), tag), _cycle_values(named.group(2), tag)
        elif _CYCLE_SIMPLE.match(markup):
            group, values = None, _cycle_values(markup, tag)
        else:
            raise _syntax_error(CYCLE_SYNTAX_ERROR, tag)
        node = RubyCycleNode(tag, group, values)
        node.key = _literal_key(values, id(node))
        return node


def _cycle_values(markup: str, token) -> list:
    values = []
    for part in markup.split(","):
        match = _CYCLE_VALUE.search(part)
        if match:
            values.append(expression(match.group(1), token))
    return values


# -- tablerow ----------------------------------------------------------------------------------
TABLEROW_SYNTAX_ERROR = ("Syntax Error in 'table_row loop' - Valid syntax: "
                         "table_row [item] in [collection] cols=3")
_TABLEROW_SYNTAX = re.compile(rf"(\w+)\s+in\s+((?:{QUOTED_FRAGMENT})+)", _A)


class RubyTablerowLoop(TableRow):
    """`tablerowloop` as Ruby counts it: with `cols` 0 (no `cols:`) the row never ends."""

    def step(self) -> None:
        if self._index < 0:
            self._index, self._col = 0, 1
        else:
            super().step()


class RubyTablerowNode(TablerowNode):
    """Ruby's tablerow: a collection that is not nil or false writes the row tags even when
    empty; `cols:` is read with Ruby's to_i (missing or not a number: 0, one endless row)."""

    def render_to_output(self, context, buffer):
        collection = self.expression.iterable.evaluate(context)
        if collection is None or collection is False or is_undefined(collection):
            return 0
        items, length = self.expression.evaluate(context)
        cols = self.expression.cols.evaluate(context)
        cols = 0 if cols is None or isinstance(cols, bool) or is_undefined(cols) else ruby.to_i(cols)
        loop = RubyTablerowLoop(self.expression.identifier, items, length, cols)
        namespace = {"tablerowloop": loop}
        buffer.write('<tr class="row1">\n')
        pending = None  # a `break`/`continue`: Ruby's tablerow does not handle them
        with ruby_scope(context, self.token), context.loop(namespace, loop):
            for item in loop:
                namespace[loop.name] = item
                buffer.write(f'<td class="col{loop.col}">')
                pending = self._render_cell(context, buffer, pending)
                buffer.write("</td>")
                if loop.col_last and not loop.last:
                    buffer.write(f'</tr>\n<tr class="row{loop.row + 1}">')
        buffer.write("</tr>\n")
        if pending is not None:
            raise pending
        return 1

    def _render_cell(self, context, buffer, pending):
        """Render the body (whitespace-only text kept). After an interrupt Ruby goes on
        with the next cells, each stopping after its first tag or output."""
        for node in self.block.nodes:
            try:
                node.render(context, buffer)
            except LiquidInterrupt as interrupt:
                return pending or interrupt
            if pending is not None and not isinstance(node, ContentNode):
                break
        return pending


class RubyTablerowTag(TablerowTag):
    def parse(self, stream):
        tag = stream.eat(TOKEN_TAG)
        markup = _markup(stream, tag)
        match = _TABLEROW_SYNTAX.search(markup)
        if not match:
            raise _syntax_error(TABLEROW_SYNTAX_ERROR, tag)
        attributes = {}
        for key, value in TAG_ATTRIBUTES.findall(markup):
            attributes[key] = expression(value, tag)  # a repeated key: the last one wins
        loop = LoopExpression(
            tag, match.group(1), expression(match.group(2), tag),
            limit=attributes.get("limit"), offset=attributes.get("offset"),
            cols=attributes.get("cols") or IntegerLiteral(tag, 0), reversed_=False)
        block = get_parser(self.env).parse_block(stream, ("endtablerow", TOKEN_EOF))
        stream.expect(TOKEN_TAG, value="endtablerow")
        node = RubyTablerowNode(tag, expression=loop, block=block)
        node.blank = block.blank  # a Ruby Block is blank when its body is
        return node


TAGS = (RubyCaptureTag, RubyCaseTag, RubyCycleTag, RubyTablerowTag)
