"""Jekyll's `{% highlight lang [linenos] %}` block (lib/jekyll/tags/highlight.rb).

The body is rendered as Liquid, its leading and trailing newlines dropped, then highlighted
as Rouge does and wrapped as
`<figure class="highlight"><pre><code class="language-LANG" data-lang="LANG">...</code></pre></figure>`
(`+` in the class becomes `-`). `highlight_code` is the one place that picks the highlighter.
"""
from __future__ import annotations

import html
import re

from liquid.ast import Node
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_TAG

from jekyll_py.liquid.messages import JekyllTagError
from jekyll_py.liquid.tags.markup import read_markup

SYNTAX = re.compile(r'^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$')
OPTIONS = re.compile(r'(?:\w="[^"]*"|\w=\w|\w)+')
LINE_TERMINATORS = re.compile(r"\A[\n\r]+|[\n\r]+\Z")


def highlight_code(code: str, lang: str, *, linenos: bool = False) -> str:
    """Highlighted HTML for `code` as Rouge writes it (in a line-number table for linenos)."""
    body = _inner_html(code, lang)
    return _rouge_table(body) if linenos else body


def _inner_html(code: str, lang: str) -> str:
    """Rouge-style spans from the Markdown converter's highlighter; plain text if unknown."""
    try:
        from jekyll_py.converters.markdown.highlight import highlight_code as rouge_like
    except ImportError:  # the Markdown package is optional for the Liquid layer
        rouge_like = None
    html_out = rouge_like(code, lang, block=True) if rouge_like else None
    return html_out if html_out is not None else html.escape(code, quote=False)


def _rouge_table(body: str) -> str:
    """Rouge's HTMLTable formatter: a gutter of line numbers beside the code."""
    count = body.count("\n") + (0 if body.endswith("\n") else 1)
    numbers = "".join(f"{n}\n" for n in range(1, count + 1))
    code_html = body if body.endswith("\n") else body + "\n"
    return ('<table class="rouge-table"><tbody><tr><td class="gutter gl">'
            f'<pre class="lineno">{numbers}</pre></td><td class="code"><pre>{code_html}'
            '</pre></td></tr></tbody></table>')


class HighlightNode(Node):
    __slots__ = ("lang", "options", "block")

    def __init__(self, token, lang: str, options: dict, block):
        super().__init__(token)
        self.lang = lang
        self.options = options
        self.block = block
        self.blank = False

    def render_to_output(self, context, buffer) -> int:
        from io import StringIO
        inner = StringIO()
        self.block.render(context, inner)
        code = LINE_TERMINATORS.sub("", inner.getvalue())
        output = highlight_code(code, self.lang, linenos=bool(self.options.get("linenos")))
        prefix = context.resolve("highlighter_prefix", default=None) or ""
        suffix = context.resolve("highlighter_suffix", default=None) or ""
        lang_class = self.lang.replace("+", "-")
        html_out = (f'<figure class="highlight"><pre><code class="language-{lang_class}" '
                    f'data-lang="{self.lang}">{_chomp(output)}'
                    "</code></pre></figure>")
        return buffer.write(f"{prefix}{html_out}{suffix}")


def _chomp(text: str) -> str:
    """Ruby's String#chomp: drop one trailing line break."""
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith(("\n", "\r")):
        return text[:-1]
    return text


def parse_options(text: str) -> dict:
    options: dict = {}
    for opt in OPTIONS.findall(text):
        key, _, value = opt.partition("=")
        if '"' in value:
            options[key] = value.replace('"', "").split()
        else:
            options[key] = value or True
    if options.get("linenos") is True:
        options["linenos"] = "inline"
    return options


class HighlightTag(Tag):
    name = "highlight"
    end = "endhighlight"

    def parse(self, stream):
        token, markup = read_markup(stream)
        match = SYNTAX.match(markup.strip())
        if not match:
            raise JekyllTagError(
                "Syntax Error in tag 'highlight' while parsing the following markup: "
                f"{markup} Valid syntax: highlight <lang> [linenos]")
        next(stream)
        block = get_parser(self.env).parse_block(stream, (self.end,))
        stream.expect(TOKEN_TAG, value=self.end)
        return HighlightNode(token, match.group(1).lower(), parse_options(match.group(2)), block)
