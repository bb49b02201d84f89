"""`{% comment %}` as Liquid 5.4 reads it: a block whose body is parsed like any other (so a
broken tag or an unclosed block inside a comment is still a syntax error, and outputs still
warn), except that tags Liquid does not know are ignored (Comment#unknown_tag). Nested
comments nest. It renders nothing.

python-liquid (like Liquid 5.5+) skips the text: its lexer hands the whole body over as one
`comment` token, so the body is tokenized again here, keeping positions in the template."""
from __future__ import annotations

from liquid.builtin.tags.comment_tag import CommentNode, CommentTag
from liquid.exceptions import LiquidError
from liquid.stream import TokenStream
from liquid.token import TOKEN_COMMENT, TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG


class RubyCommentTag(CommentTag):
    def parse(self, stream):
        if stream.current.kind == "COMMENT":  # python-liquid's `{# #}`, unused by Jekyll
            return super().parse(stream)
        token = stream.eat(TOKEN_TAG)
        if stream.current.kind == TOKEN_EXPRESSION:  # `{% comment anything %}`: ignored
            next(stream)
        if stream.current.kind == TOKEN_COMMENT:
            self._check_body(stream.current, stream.peek)
            next(stream)
        stream.expect(TOKEN_TAG, value=self.end)
        return CommentNode(token, text="")

    def _check_body(self, body, end_tag) -> None:
        """Parse the comment's text as Liquid 5.4 does, for its errors and warnings only.
        The end tag is read too: a block left open inside the comment meets it, as in Ruby."""
        offset, source = body.start_index, body.source
        end = offset + len(body.value)
        if end_tag.kind == TOKEN_TAG and end_tag.value == self.end:
            close = source.find("%}", end_tag.start_index)
            end = close + 2 if close >= 0 else end
        try:
            tokens = [t._replace(start_index=t.start_index + offset, source=source)
                      for t in self.env.tokenizer()(source[offset:end])]
        except LiquidError as err:  # an unclosed `{{`/`{%`: place it in the whole template
            if err.token is not None:
                err.token = err.token._replace(start_index=err.token.start_index + offset,
                                               source=source)
            raise
        inner = TokenStream(iter(tokens))
        tags = self.env.tags
        while inner.current.kind != TOKEN_EOF and not inner.current.is_tag(self.end):
            current = inner.current
            try:
                if current.kind == TOKEN_TAG and current.value in tags:
                    tags[current.value].get_node(inner)
                elif current.kind == TOKEN_TAG:  # a tag Liquid does not know: skipped
                    if inner.peek.kind == TOKEN_EXPRESSION:
                        next(inner)
                elif current.kind == TOKEN_OUTPUT:
                    tags[TOKEN_OUTPUT].get_node(inner)
            except LiquidError as err:
                self.env.error(err, token=inner.current)
            next(inner)
