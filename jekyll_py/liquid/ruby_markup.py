"""Tag and output markup read the way Ruby Liquid 5.4 reads it.

Ruby Liquid parses the markup of `{{ ... }}`, `echo`, `assign`, `if`/`elsif`/`unless` and `for`
twice over if need be: first with its strict parser (lib/liquid/lexer.rb, parser.rb); when that
fails, in `warn` and `lax` modes, with the older regex-based lax parser, which reads almost
anything (`(a or b)` as `a or b`, `list | sort` in a `for` as `list`, a stray `}` ignored...).
python-liquid's own expression grammar is neither of these (it reserves words such as `limit`,
refuses what Ruby's lax parser accepts), so these tags build their expressions here:

    strict_variable(markup, token)   lax_variable(markup, token)    -> FilteredExpression
    strict_condition(markup, token)  lax_condition(markup, token)   -> expression (truthy)
    strict_for(markup, token)        lax_for(markup, token)         -> LoopExpression

Both parsers end in `expression(markup)`, Ruby's `Expression.parse` of a markup string. The
strict functions raise `RubyStrictError` with Ruby's message; the lax ones raise
`RubyLiquidSyntaxError` only where Ruby's lax parser also gives up. The expressions are
python-liquid's own classes, so evaluation is unchanged.
"""
from __future__ import annotations

import re
from typing import Optional

from liquid.builtin.expressions import logical
from liquid.builtin.expressions.arguments import KeywordArgument, PositionalArgument
from liquid.builtin.expressions.filtered import Filter, FilteredExpression
from liquid.builtin.expressions.loop import LoopExpression
from liquid.builtin.expressions.path import Path
from liquid.builtin.expressions.primitive import (
    Blank, Empty, FalseLiteral, FloatLiteral, IntegerLiteral, Nil, RangeLiteral, StringLiteral,
    TrueLiteral)
from liquid.exceptions import LiquidTypeError
from liquid.expression import Expression
from liquid.undefined import StrictUndefined

from jekyll_py.liquid import ruby
from jekyll_py.liquid.filters.arity import RUBY_ARITY, arity_error
from jekyll_py.liquid.messages import RubyLiquidError, RubyLiquidSyntaxError


class RubyStrictError(Exception):
    """Ruby's strict parser refused the markup (the message is Ruby's, without context)."""


# -- Ruby Liquid's regular expressions (lib/liquid.rb); Ruby's \w, \s and \d are ASCII ---------
_A = re.ASCII
QUOTED_STRING = r"\"[^\"]*\"|'[^']*'"
QUOTED_FRAGMENT = rf"(?:{QUOTED_STRING}|(?:[^\s,|'\"]|{QUOTED_STRING})+)"
TAG_ATTRIBUTES = re.compile(rf"(\w[\w-]*)\s*:\s*({QUOTED_FRAGMENT})", _A)
VARIABLE_PARSER = re.compile(r"\[[^\]]+\]|[\w\-]+\??", _A)
INTEGER = re.compile(r"\A(-?\d+)\Z", _A)
FLOAT = re.compile(r"\A(-?\d[\d.]+)\Z", _A)
RANGE = re.compile(r"\A\(\s*(\S+)\s*\.\.\s*(\S+)\s*\)\Z", _A)

# -- Ruby's Expression.parse ------------------------------------------------------------------


class RubyPath(Path):
    """A variable lookup whose bracketed keys may be any expression (`a[nil]`, `a[1.5]`)."""

    def evaluate(self, context):
        keys = [s.evaluate(context) if isinstance(s, Expression) else s for s in self.path]
        return context.get(keys, token=self.token)


def expression(markup: Optional[str], token) -> Expression:
    """Ruby's `Expression.parse`: a quoted string, integer, range, float, literal word or a
    variable lookup; never fails (anything else is read as a lookup)."""
    if markup is None:
        return Nil(token)
    markup = markup.strip()
    if len(markup) >= 2 and markup[0] == markup[-1] and markup[0] in "\"'":
        return StringLiteral(token, markup[1:-1])
    if INTEGER.match(markup):
        return IntegerLiteral(token, int(markup))
    match = RANGE.match(markup)
    if match:
        return _range(match.group(1), match.group(2), token)
    if FLOAT.match(markup):
        return FloatLiteral(token, _ruby_to_f(markup))
    if markup in ("", "nil", "null"):
        return Nil(token)
    if markup == "true":
        return TrueLiteral(token)
    if markup == "false":
        return FalseLiteral(token)
    if markup in ("blank", "empty"):
        return StringLiteral(token, "")
    return variable_lookup(markup, token)


def condition_operand(markup: Optional[str], token) -> Expression:
    """`Condition.parse_expression`: `blank` and `empty` are the method literals there."""
    if markup == "blank":
        return Blank(token)
    if markup == "empty":
        return Empty(token)
    return expression(markup, token)


def variable_lookup(markup: str, token) -> Expression:
    """Ruby's `VariableLookup.parse`: the words and `[...]` keys found in the markup."""
    keys: list = []
    for part in VARIABLE_PARSER.findall(markup):
        if part.startswith("[") and part.endswith("]"):
            key = expression(part[1:-1], token)
            if isinstance(key, StringLiteral):
                keys.append(key.value)
            elif isinstance(key, IntegerLiteral):
                keys.append(key.value)
            else:
                keys.append(key)
        else:
            keys.append(part)
    if not keys:
        return Nil(token)
    if any(isinstance(k, Expression) and not isinstance(k, Path) for k in keys):
        return RubyPath(token, keys)
    return Path(token, keys)


def _range(start: str, stop: str, token) -> Expression:
    first, last = expression(start, token), expression(stop, token)
    # Ruby converts literal ends with #to_i once (`(1.9..3)` is 1..3, `('a'..2)` is 0..2).
    if not isinstance(first, Path):
        first = IntegerLiteral(token, _literal_to_i(first))
    if not isinstance(last, Path):
        last = IntegerLiteral(token, _literal_to_i(last))
    return RangeLiteral(token, first, last)


def _literal_to_i(literal: Expression) -> int:
    value = getattr(literal, "value", None)
    if value is None or isinstance(value, bool):
        return 0
    try:
        return ruby.to_i(value)
    except TypeError:
        return 0


def _ruby_to_f(text: str) -> float:
    """Ruby's String#to_f on `-?\\d[\\d.]+`: the leading `digits[.digits]` part."""
    match = re.match(r"-?\d+(?:\.\d+)?", text, _A)
    return float(match.group()) if match else 0.0


# -- the strict parser (lexer.rb, parser.rb) --------------------------------------------------
_LEX = re.compile(r"""
    (?P<comparison>==|!=|<>|<=?|>=?|contains(?=\s))
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<id>[a-zA-Z_][\w-]*\??)
  | (?P<dotdot>\.\.)
  | (?P<special>[|.:,\[\]()?-])
""", re.X | _A)
_SPECIALS = {"|": "pipe", ".": "dot", ":": "colon", ",": "comma", "[": "open_square",
             "]": "close_square", "(": "open_round", ")": "close_round", "?": "question",
             "-": "dash"}
_SPACE = re.compile(r"\s*", _A)


def _lex(markup: str) -> list[tuple[str, str]]:
    tokens, pos = [], 0
    while True:
        pos = _SPACE.match(markup, pos).end()
        if pos >= len(markup):
            break
        match = _LEX.match(markup, pos)
        if match is None:
            raise RubyStrictError(f"Unexpected character {markup[pos]}")
        kind = match.lastgroup
        if kind == "special":
            kind = _SPECIALS[match.group()]
        tokens.append((kind, match.group()))
        pos = match.end()
    tokens.append(("end_of_string", ""))
    return tokens


def _describe(token: tuple[str, str]) -> str:
    """A token as Ruby prints the array `[:pipe, "|"]`."""
    if token[0] == "end_of_string":
        return "[:end_of_string]"
    return f"[:{token[0]}, {ruby.inspect_string(token[1])}]"


class _Parser:
    """Ruby's Liquid::Parser: each method returns the markup it read, for Expression.parse."""

    def __init__(self, markup: str):
        self.tokens = _lex(markup)
        self.p = 0

    def consume(self, kind: Optional[str] = None) -> str:
        token = self.tokens[self.p]
        if kind and token[0] != kind:
            raise RubyStrictError(f"Expected {kind} but found {token[0]}")
        self.p += 1
        return token[1]

    def consume_if(self, kind: str):
        if self.tokens[self.p][0] != kind:
            return None
        self.p += 1
        return self.tokens[self.p - 1][1]

    def id_is(self, word: str) -> bool:
        if self.tokens[self.p] != ("id", word):
            return False
        self.p += 1
        return True

    def look(self, kind: str, ahead: int = 0) -> bool:
        index = self.p + ahead
        return index < len(self.tokens) and self.tokens[index][0] == kind

    def expression(self) -> str:
        kind = self.tokens[self.p][0]
        if kind == "id":
            return self.consume() + self.variable_lookups()
        if kind == "open_square":
            text = self.consume() + self.expression() + self.consume("close_square")
            return text + self.variable_lookups()
        if kind in ("string", "number"):
            return self.consume()
        if kind == "open_round":
            self.consume()
            first = self.expression()
            self.consume("dotdot")
            last = self.expression()
            self.consume("close_round")
            return f"({first}..{last})"
        raise RubyStrictError(f"{_describe(self.tokens[self.p])} is not a valid expression")

    def argument(self) -> str:
        text = ""
        if self.look("id") and self.look("colon", 1):
            text = self.consume() + self.consume() + " "
        return text + self.expression()

    def variable_lookups(self) -> str:
        text = ""
        while True:
            if self.look("open_square"):
                text += self.consume() + self.expression() + self.consume("close_square")
            elif self.look("dot"):
                text += self.consume() + self.consume("id")
            else:
                return text


# -- {{ variable | filter: args }} -------------------------------------------------------------
_JUST_TAG_ATTRIBUTES = re.compile(rf"\A(\w[\w-]*)\s*:\s*({QUOTED_FRAGMENT})\Z", _A)


def _filter(name: str, arguments: list[str], token) -> Filter:
    args = []
    for argument in arguments:
        match = _JUST_TAG_ATTRIBUTES.match(argument)
        if match:
            args.append(KeywordArgument(token, match.group(1), expression(match.group(2), token)))
        else:
            args.append(PositionalArgument(_argument(argument, token)))
    return RubyFilter(token, name, args)


def _argument(markup: str, token) -> Expression:
    """A filter argument: Expression.parse, where Jekyll makes `blank` and `empty` its own
    MethodLiteral (printed as "", equal to nothing; `where` matches empty values with it)."""
    if markup.strip() in ("blank", "empty"):
        return Blank(token)
    return expression(markup, token)


class RubyFilter(Filter):
    """A filter applied as Ruby applies it: with `strict_variables`, an undefined input is an
    error before the filter is even looked up (Ruby raises at the lookup); a Jekyll filter
    given more or fewer arguments than its Ruby method takes is an error, and keyword
    arguments reach it as one Hash."""

    def evaluate(self, left, context):
        if isinstance(left, StrictUndefined):
            str(left)  # raises the "undefined variable" error
        keywords = any(isinstance(arg, KeywordArgument) for arg in self.args)
        given = 1 + sum(isinstance(arg, PositionalArgument) for arg in self.args) + keywords
        builtin = self.name in RUBY_ARITY and self.name in context.env.filters
        message = arity_error(self.name, given) if builtin else None
        if message is not None:
            raise RubyLiquidError(message, token=None)
        if not (builtin and keywords):
            return super().evaluate(left, context)
        # Ruby hands keyword arguments to the filter as one trailing Hash argument.
        func = context.filter(self.name, token=self.token)
        positional, keyword_args = self.evaluate_args(context)
        try:
            return func(left, *positional, dict(keyword_args))
        except TypeError as err:
            raise LiquidTypeError(f"{self.name}: {err}", token=self.token) from err


def strict_variable(markup: str, token) -> FilteredExpression:
    parser = _Parser(markup)
    if parser.look("end_of_string"):
        return FilteredExpression(token, Nil(token), [])
    left = expression(parser.expression(), token)
    filters = []
    while parser.consume_if("pipe") is not None:
        name = parser.consume("id")
        arguments = []
        if parser.consume_if("colon") is not None:
            arguments.append(parser.argument())
            while parser.consume_if("comma") is not None:
                arguments.append(parser.argument())
        filters.append(_filter(name, arguments, token))
    parser.consume("end_of_string")
    return FilteredExpression(token, left, filters)


_MARKUP_WITH_QUOTED_FRAGMENT = re.compile(rf"({QUOTED_FRAGMENT})(.*)", re.S | _A)
_FILTER_MARKUP = re.compile(r"\|\s*(.*)", re.S | _A)
_FILTER_PARSER = re.compile(rf"(?:\s+|{QUOTED_FRAGMENT}|,)+", _A)
_FILTER_ARGS = re.compile(rf"(?::|,)\s*((?:\w+\s*:\s*)?{QUOTED_FRAGMENT})", _A)
_WORD = re.compile(r"\w+", _A)


def lax_variable(markup: str, token) -> FilteredExpression:
    match = _MARKUP_WITH_QUOTED_FRAGMENT.search(markup)
    if not match:
        return FilteredExpression(token, Nil(token), [])
    left = expression(match.group(1), token)
    filters = []
    filter_markup = _FILTER_MARKUP.search(match.group(2))
    if filter_markup:
        for chunk in _FILTER_PARSER.findall(filter_markup.group(1)):
            name = _WORD.search(chunk)
            if name:
                filters.append(_filter(name.group(), _FILTER_ARGS.findall(chunk), token))
    return FilteredExpression(token, left, filters)


# -- if / elsif / unless conditions ------------------------------------------------------------
_COMPARISONS = {"==": logical.EqExpression, "!=": logical.NeExpression,
                "<>": logical.NeExpression, "<": logical.LtExpression,
                ">": logical.GtExpression, "<=": logical.LeExpression,
                ">=": logical.GeExpression, "contains": logical.ContainsExpression}


class UnknownOperator(Expression):
    """A lax condition with an operator Liquid does not have (`a = b`): fails when evaluated,
    as Ruby's Condition does."""

    __slots__ = ("operator",)

    def __init__(self, token, operator: str):
        super().__init__(token)
        self.operator = operator

    def evaluate(self, context):
        raise RubyLiquidError(f"Unknown operator {self.operator}", token=self.token)

    def children(self):
        return []


def _comparison(left: str, operator: Optional[str], right: Optional[str], token,
                operand=condition_operand) -> Expression:
    first = operand(left, token)
    if operator is None:
        return first
    cls = _COMPARISONS.get(operator)
    if cls is None:
        return UnknownOperator(token, operator)
    return cls(token, first, operand(right, token))


def _chain(conditions: list[Expression], operators: list[str], token) -> Expression:
    """`c1 op1 c2 op2 c3` evaluated right to left, as Ruby chains its Conditions."""
    result = conditions[-1]
    for condition, operator in zip(reversed(conditions[:-1]), reversed(operators)):
        cls = logical.LogicalAndExpression if operator == "and" else logical.LogicalOrExpression
        result = cls(token, condition, result)
    return result


def strict_condition(markup: str, token, operand=condition_operand) -> Expression:
    """If#strict_parse; Jekyll's where_exp parses the same way with `operand=expression`
    (its operands are Expression.parse'd: `blank` and `empty` are "")."""
    parser = _Parser(markup)
    conditions, operators = [], []
    while True:
        left = parser.expression()
        operator = parser.consume_if("comparison")
        right = parser.expression() if operator is not None else None
        conditions.append(_comparison(left, operator, right, token, operand))
        if parser.id_is("and"):
            operators.append("and")
        elif parser.id_is("or"):
            operators.append("or")
        else:
            break
    parser.consume("end_of_string")
    return _chain(conditions, operators, token)


_IF_SYNTAX = re.compile(rf"({QUOTED_FRAGMENT})\s*([=!<>a-z_]+)?\s*({QUOTED_FRAGMENT})?", _A)
_AND_OR = r"\b(?:\s?and\s?|\s?or\s?)\b"
_EXPRESSIONS_AND_OPERATORS = re.compile(
    rf"(?:{_AND_OR}|(?:\s*(?!{_AND_OR})(?:{QUOTED_FRAGMENT}|\S+)\s*)+)", _A)
IF_SYNTAX_ERROR = "Syntax Error in tag 'if' - Valid syntax: if [expression]"


def lax_condition(markup: str, token) -> Expression:
    parts = _EXPRESSIONS_AND_OPERATORS.findall(markup)
    conditions, operators = [], []
    # Ruby pops from the end: the last part must be a condition, then operator/condition pairs.
    while True:
        part = parts.pop() if parts else ""
        match = _IF_SYNTAX.search(part)
        if not match:
            raise RubyLiquidSyntaxError(IF_SYNTAX_ERROR, token=token)
        conditions.insert(0, _comparison(*match.groups(), token))
        if not parts:
            break
        operator = parts.pop().strip()
        if not parts or not _IF_SYNTAX.search(parts[-1]) or operator not in ("and", "or"):
            raise RubyLiquidSyntaxError(IF_SYNTAX_ERROR, token=token)
        operators.insert(0, operator)
    return _chain(conditions, operators, token)


# -- for loops ---------------------------------------------------------------------------------
FOR_SYNTAX_ERROR = "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]"
_FOR_SYNTAX = re.compile(rf"\A([\w\-]+)\s+in\s+({QUOTED_FRAGMENT}+)\s*(reversed)?", _A)


def _loop(token, variable: str, collection: str, reversed_: bool,
          attributes: list[tuple[str, str]]) -> LoopExpression:
    limit = offset = None
    for key, value in attributes:
        if key == "offset":
            offset = (StringLiteral(token, "continue") if value == "continue"
                      else expression(value, token))
        elif key == "limit":
            limit = expression(value, token)
    return LoopExpression(token, variable, expression(collection, token), limit=limit,
                          offset=offset, reversed_=reversed_, cols=None)


def strict_for(markup: str, token) -> LoopExpression:
    parser = _Parser(markup)
    variable = parser.consume("id")
    if not parser.id_is("in"):
        raise RubyStrictError("For loops require an 'in' clause")
    collection = parser.expression()
    reversed_ = parser.id_is("reversed")
    attributes = []
    while parser.look("id") and parser.look("colon", 1):
        key = parser.tokens[parser.p][1]
        if key not in ("limit", "offset"):
            raise RubyStrictError(
                "Invalid attribute in for loop. Valid attributes are limit and offset")
        parser.consume()
        parser.consume()
        attributes.append((key, parser.expression()))
    parser.consume("end_of_string")
    return _loop(token, variable, collection, reversed_, attributes)


def lax_for(markup: str, token) -> LoopExpression:
    match = _FOR_SYNTAX.search(markup)
    if not match:
        raise RubyLiquidSyntaxError(FOR_SYNTAX_ERROR, token=token)
    return _loop(token, match.group(1), match.group(2), bool(match.group(3)),
                 TAG_ATTRIBUTES.findall(markup))


# -- assign ------------------------------------------------------------------------------------
ASSIGN_SYNTAX_ERROR = "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]"
_ASSIGN_SYNTAX = re.compile(r"((?:\(?[\w\-.\[\]]\)?)+)\s*=\s*(.*)\s*", re.S | _A)


def split_assign(markup: str, token) -> tuple[str, str]:
    """(target name, source markup) of `assign`, by Ruby's regex (always lax)."""
    match = _ASSIGN_SYNTAX.search(markup)
    if not match:
        raise RubyLiquidSyntaxError(ASSIGN_SYNTAX_ERROR, token=token)
    return match.group(1), match.group(2)
