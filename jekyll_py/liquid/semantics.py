"""Ruby Liquid 5.4 condition semantics that python-liquid 2.3 does not share.

python-liquid builds `if`/`unless` conditions from its own expression classes; these few
behaviours have to change on those classes (there is no hook for them), so `apply()` patches
them once, when the engine module is imported:

- `x == blank` is always false: Liquid 5.4 asks `x.blank?`, which only exists when
  ActiveSupport is loaded, and Jekyll does not load it.
- `<`, `>`, `<=`, `>=` call Ruby's operators: a string compared with a number raises
  `comparison of String with 1 failed`, and values that are not comparable (nil, arrays,
  hashes) make the condition false instead of raising.
- `contains` is false when the left side has no `include?` (a number, a boolean) instead of
  raising, and a string looks for the right side's Ruby `to_s`; on a Jekyll drop it is false
  (Enumerable#include? compares [key, value] pairs).
- `for` and `tablerow` over a Jekyll drop give its keys (a Hash still gives [key, value]),
  over `forloop` nothing.
- A render error names the line of the innermost tag or output that raised it (Ruby's
  `e.line_number ||= node.line_number` as the error leaves each node), not the line of the
  top-level block around it.
- `limit:`/`offset:` slice as Ruby's slice_collection does (`limit: 0` takes nothing).
- A blank block (only whitespace text and blank tags) drops its whitespace text, as Ruby's
  remove_blank_strings does, but its tags still write (python-liquid discarded everything).
- `break` and `continue` are not blank (Ruby's Tag#blank? is false), so the whitespace
  around them in an `if` stays.
- Scopes are counted as Ruby counts them (`ruby_scope`): 100 at most.
"""
from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Collection
from contextlib import contextmanager
from decimal import Decimal

from liquid.builtin.expressions import logical
from liquid.builtin.expressions.loop import LoopExpression
from liquid.builtin.tags.capture_tag import CaptureNode
from liquid.builtin.tags.for_tag import BreakNode, ContinueNode, ForLoop
from liquid.builtin.tags.tablerow_tag import TableRow
from liquid.builtin.expressions.primitive import Blank
from liquid import is_undefined
from liquid.ast import BlockNode, Node
from liquid.builtin.content import ContentNode
from liquid.exceptions import LiquidError

from jekyll_py.liquid import ruby
from jekyll_py.liquid.messages import RubyLiquidError

_NUMBERS = (int, float, Decimal)


def _ruby_class(value) -> str:
    if value is True:
        return "TrueClass"
    if value is False:
        return "FalseClass"
    if value is None:
        return "NilClass"
    if isinstance(value, dt.datetime):
        return "Time"
    if isinstance(value, dt.date):
        return "Date"
    return {int: "Integer", float: "Float", str: "String", list: "Array",
            dict: "Hash"}.get(type(value), type(value).__name__)


def _described(value) -> str:
    """How Ruby's comparison error names the right operand: immediates by value, else class."""
    if value is None or isinstance(value, (bool, int, float)):
        return ruby.inspect(value)
    return _ruby_class(value)


def _plain(value):
    if hasattr(value, "__liquid__"):
        value = value.__liquid__()
    if logical.is_undefined(value):
        return None
    return value


def _comparable_kind(value):
    """Which of Ruby's Comparable families `value` belongs to (values of different families
    refuse to compare), or None when it has no `<` at all."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, _NUMBERS):
        return "number"
    if isinstance(value, str):
        return "String"
    if isinstance(value, dt.datetime):
        return "Time"
    if isinstance(value, dt.date):
        return "Date"
    return None


def ruby_compare(token, left, operator: str, right) -> bool:
    """`left.send(operator, right)` as Liquid 5.4's Condition does it."""
    left, right = _plain(left), _plain(right)
    # Both sides must respond to the operator: nil, booleans, arrays and hashes do not.
    kinds = (_comparable_kind(left), _comparable_kind(right))
    if None in kinds:
        return False
    if kinds[0] != kinds[1]:
        raise RubyLiquidError(
            f"comparison of {_ruby_class(left)} with {_described(right)} failed", token=token)
    if operator == "<":
        return left < right
    if operator == ">":
        return left > right
    if operator == "<=":
        return left <= right
    return left >= right


def _evaluator(operator: str):
    def evaluate(self, context):
        return ruby_compare(self.token, self.left.evaluate(context), operator,
                            self.right.evaluate(context))
    return evaluate


def ruby_contains(left, right) -> bool:
    """Liquid 5.4's `contains`: `left.include?(right)` when both are set and left has it."""
    left, right = _plain(left), _plain(right)
    if left is None or right is None or left is False or right is False:
        return False
    if isinstance(left, str):
        return ruby.to_s(right) in left
    if ruby.is_drop(left):
        return False
    if isinstance(left, Collection):
        return right in left
    return False


def _contains(self, context):
    return ruby_contains(self.left.evaluate(context), self.right.evaluate(context))


_mapping_to_iter = LoopExpression._to_iter


def _loop_items(self, obj, context):
    """What Liquid's `for` iterates: a drop's keys (Utils.slice_collection calls `each` with a
    one-argument block), nothing for `forloop`/`tablerowloop` (Liquid::Drops, which are not
    Enumerable), else python-liquid's items."""
    if isinstance(obj, (ForLoop, TableRow)):
        return iter(()), 0
    if ruby.is_drop(obj):
        keys = list(obj.keys())
        return iter(keys), len(keys)
    return _mapping_to_iter(self, obj, context)


_loop_int = LoopExpression._to_int


def _loop_limit_or_offset(self, obj, *, token):
    """`limit:`/`offset:` that evaluate to nil mean no limit and offset 0 in Ruby's for tag."""
    if obj is None or is_undefined(obj):
        return None
    return _loop_int(self, obj, token=token)


def _ruby_slice(self, it, length, context, *, limit, offset):
    """Ruby's slice_collection: items whose index is in [offset, offset + limit) (a negative
    offset starts at 0, a limit of 0 or less takes nothing); `offset: continue` resumes
    where the last loop over the same variable and collection stopped."""
    key = f"{self.identifier}-{self.iterable}"
    start = context.stopindex(key) if offset == "continue" else int(offset or 0)
    stop = None if limit is None else start + limit
    first = max(start, 0)
    # islice stops reading at `stop` (a `limit: 5` over a long collection reads 5 items)
    segment = [] if stop is not None and stop <= first else list(itertools.islice(it, first, stop))
    context.stopindex(key=key, index=start + len(segment))
    if self.reversed:
        segment.reverse()
    return iter(segment), len(segment)


def _capture_keeping_blank_text(self, context, buffer) -> int:
    """Ruby Liquid drops blank text only inside if/for/case/unless blocks; a capture of
    whitespace keeps it (python-liquid would blank the whole block)."""
    buf = context.get_buffer(buffer)
    for node in self.block.nodes:
        node.render(context, buf)
    self._assign(context, buf)
    return False


def _never_equal(self, other) -> bool:
    return False


# Ruby Liquid's Block::MAX_DEPTH: nested block bodies when parsing, scopes when rendering.
MAX_DEPTH = 100


@contextmanager
def ruby_scope(context, token):
    """One more of Ruby's Context scopes while the block runs (`for`, `tablerow`, `include`
    push one; the base scope counts too); the 101st raises "Nesting too deep" at `token`."""
    scopes = getattr(context, "ruby_scopes", 1)
    if scopes >= MAX_DEPTH:
        raise RubyLiquidError("Nesting too deep", token=token)
    context.ruby_scopes = scopes + 1
    try:
        yield
    finally:
        context.ruby_scopes = scopes


def _render_naming_node(self, context, buffer) -> int:
    try:
        return _node_render(self, context, buffer)
    except LiquidError as err:
        token = err.token
        if (token is None or token.start_index < 0) and self.token.start_index >= 0:
            err.token = self.token
        raise


_node_render = Node.render


def _render_block(self, context, buffer) -> int:
    if context.env.suppress_blank_control_flow_blocks and self.blank:
        for node in self.nodes:
            if not isinstance(node, ContentNode):
                node.render(context, buffer)
        return 0
    return sum(node.render(context, buffer) for node in self.nodes)


def _not_blank_init(self, token) -> None:
    Node.__init__(self, token)
    self.blank = False
_applied = False


def apply() -> None:
    """Install the Liquid 5.4 behaviours (idempotent)."""
    global _applied
    if _applied:
        return
    _applied = True
    Blank.__eq__ = _never_equal
    Blank.__hash__ = object.__hash__
    for cls, operator in ((logical.LtExpression, "<"), (logical.GtExpression, ">"),
                          (logical.LeExpression, "<="), (logical.GeExpression, ">=")):
        cls.evaluate = _evaluator(operator)
    logical.ContainsExpression.evaluate = _contains
    LoopExpression._to_iter = _loop_items
    LoopExpression._to_int = _loop_limit_or_offset
    LoopExpression._slice = _ruby_slice
    CaptureNode.render_to_output = _capture_keeping_blank_text
    Node.render = _render_naming_node
    BreakNode.__init__ = ContinueNode.__init__ = _not_blank_init
    BlockNode.render_to_output = _render_block
