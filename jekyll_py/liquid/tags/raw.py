"""`{% raw %}` when the lexer could not take it whole.

The lexer (engine._lexer_rules) turns `{% raw %}...{% endraw %}` into plain text. A `raw` tag
that reaches the parser is one Ruby Liquid 5.4 refuses: with arguments (`{% raw x %}`, checked
first) or without an end tag Ruby recognises (`{%- endraw %}` is not one). Both are syntax
errors in every error mode."""
from __future__ import annotations

from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION

from jekyll_py.liquid.messages import RubyLiquidSyntaxError


class RubyRawTag(Tag):
    name = "raw"
    block = False

    def parse(self, stream):
        token = stream.current
        if stream.peek.kind == TOKEN_EXPRESSION:
            raise RubyLiquidSyntaxError("Syntax Error in 'raw' - Valid syntax: raw", token=token)
        raise RubyLiquidSyntaxError("'raw' tag was never closed", token=token)
