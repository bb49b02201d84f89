"""Jekyll's Liquid tags, and the Liquid 5.4 tag set on python-liquid.

python-liquid has every Liquid 5.4 tag (`echo`, `liquid`, `render`, `{% # %}` included) plus
`doc`, which Liquid 5.4 lacks. Jekyll replaces `include` with its own, adds `include_relative`,
`highlight`, `link` and `post_url`, and leaves `render` without a file system, so it fails at
render time. `case`, `cycle`, `tablerow` and `capture` read their markup with Ruby's regexes
(tags/lax_tags.py). `comment` parses its body as Liquid 5.4 does (tags/comment.py).
"""
from __future__ import annotations

from jekyll_py.liquid.tags.comment import RubyCommentTag
from jekyll_py.liquid.tags.highlight import HighlightTag
from jekyll_py.liquid.tags.include import IncludeRelativeTag, IncludeTag
from jekyll_py.liquid.tags.lax_tags import TAGS as LAX_TAGS
from jekyll_py.liquid.tags.links import LinkTag, PostUrlTag
from jekyll_py.liquid.tags.output import RubyEchoTag, RubyOutput
from jekyll_py.liquid.tags.raw import RubyRawTag
from jekyll_py.liquid.tags.render import RenderTag
from jekyll_py.liquid.tags.ruby_parsed import RubyAssignTag, RubyForTag, RubyIfTag, RubyUnlessTag


def register(env) -> None:
    """Install Jekyll's tag set into a python-liquid environment."""
    env.tags.pop("doc", None)
    for tag in (RubyOutput, RubyEchoTag, RubyAssignTag, RubyIfTag, RubyUnlessTag, RubyForTag,
                RubyCommentTag, IncludeTag, IncludeRelativeTag, HighlightTag, LinkTag, PostUrlTag,
                RenderTag, RubyRawTag, *LAX_TAGS):
        env.add_tag(tag)
