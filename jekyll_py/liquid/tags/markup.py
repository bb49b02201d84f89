"""Helpers for tags that, like Jekyll's, read their markup as a raw string."""
from __future__ import annotations

from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG, Token


def read_markup(stream: TokenStream) -> tuple[Token, str]:
    """Consume a tag token and its expression; return (tag token, raw markup string).

    Leaves the stream on the last token of the tag, as python-liquid's parser expects.
    """
    token = stream.expect(TOKEN_TAG)
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)
        return token, stream.current.value
    return token, ""


def render_markup(text: str, context) -> str:
    """Render `text` as a Liquid template in `context` (Jekyll does this for `{{ var }}` names)."""
    env = context.env
    template = env.engine.parse(text, name=context.template.name, cache_key=("markup", text), warn=False)
    return env.engine.render_template(template, context, name=context.template.name,
                                      partial=True, count=False)
