"""kramdown-flavoured Markdown (as Jekyll configures it) on markdown-it-py.

`KramdownConverter(config)` is what the build uses; each kramdown feature lives in its own
module as a markdown-it-py plugin (`plugin(md, **opts)`) plus the renderer rules it needs.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from ...errors import JekyllError
from . import (
    abbreviations,
    blockquote,
    code,
    deflists,
    emphasis,
    extensions,
    footnotes,
    headers,
    html_block,
    html_inline,
    ial,
    indented_code,
    inline_rules,
    link_definitions,
    lists,
    math,
    paragraph,
    stray_text,
    tables,
    toc,
    typography,
)
from .options import KramdownOptions
from .renderer import Context, build_tree, render_blocks, render_inline
from .html_block import blank_flags

DEFAULT_MARKDOWN_EXT = "markdown,mkdown,mkdn,mkd,md"
_NEWLINES = re.compile(r"\r\n?")


def build_markdown_it(opts: KramdownOptions) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable(["text_join"])
    # Settings the rules read while parsing (a plain dict: md.options is slow to read).
    md.kd = {}
    for module in (
        ial, html_block, paragraph, blockquote, indented_code, headers, tables, math, footnotes,
        inline_rules, link_definitions, lists, code, html_inline, extensions, deflists, stray_text,
    ):
        md.use(module.plugin, **opts.plugin_options())
    md.use(ial.inline_plugin)
    md.use(typography.plugin, smart_quotes=opts.smart_quotes, **opts.plugin_options())
    md.use(abbreviations.plugin)
    md.use(emphasis.plugin)  # its core rule goes right after the inline parse
    # kramdown tries tables before footnote and link definitions: a definition line with a
    # `|` in it, after a blank line, is a table row.
    _move_after(md.block.ruler, ["kd_footnote_def", "reference"], "kd_table")
    return md


def _move_after(ruler, names, anchor):
    """Put the block rules `names` (in this order) right after `anchor`."""
    rules = ruler.__rules__
    moved = [rule for rule in rules if rule.name in names]
    moved.sort(key=lambda rule: names.index(rule.name))
    rules[:] = [rule for rule in rules if rule.name not in names]
    at = next(i for i, rule in enumerate(rules) if rule.name == anchor) + 1
    rules[at:at] = moved
    ruler.__cache__ = None


def build_smartypants_it() -> MarkdownIt:
    """The parser of Jekyll's `smartify`: text, entities and span HTML; a newline is text."""
    md = MarkdownIt("zero", {"html": True, "linkify": False, "typographer": False})
    md.enable(["entity", "html_inline"])
    md.disable(["newline"], ignoreInvalid=True)
    md.kd = {}
    md.use(html_inline.plugin)
    md.inline.ruler.before("html_inline", "kd_guillemets", inline_rules.guillemets_rule)
    return md


class KramdownConverter:
    """Jekyll's Markdown converter: `matches`, `output_ext`, `convert`, `smartify`."""

    def __init__(self, config: dict | None = None):
        config = config or {}
        processor = config.get("markdown") or "kramdown"
        if str(processor).lower() != "kramdown":
            raise JekyllError(
                f"Invalid Markdown processor given: {processor} "
                f"(Markdown processor: {processor!r} is not a valid Markdown processor; "
                f"available processors are: kramdown)"
            )
        self.config = config
        try:
            self.opts = KramdownOptions.from_config(config)
        except (TypeError, ValueError) as exc:
            raise JekyllError(f"Invalid kramdown option in the site configuration: {exc}") from None
        exts = config.get("markdown_ext") or DEFAULT_MARKDOWN_EXT
        self._exts = {"." + e.strip().lower() for e in str(exts).split(",") if e.strip()}
        self.md = build_markdown_it(self.opts)
        self._smartypants = None  # the `smartify` parser, built when first needed

    def matches(self, ext: str) -> bool:
        return ext.lower() in self._exts

    def output_ext(self, ext: str) -> str:
        return ".html"

    def convert(self, text: str, document=None) -> str:
        # kramdown reads `\r\n` and a lone `\r` as newlines; the line bookkeeping below
        # (blank_flags) must count the lines markdown-it sees
        if "\r" in text:
            text = _NEWLINES.sub("\n", text)
        env: dict = {"kd_options": self.opts.plugin_options()}
        tokens = self.md.parse(text, env)
        ctx = Context(self, env)
        if env.get("kd_doc_options"):
            ctx.opts = self.options_with(env["kd_doc_options"])
            ctx.footnote_counter = ctx.opts.footnote_nr
        blank = blank_flags(text)
        if text.endswith("\n"):
            blank = blank[:-1]
        ctx.blank = blank
        ctx.gfm_ids = {}
        ctx.toc_request = None
        out = render_blocks(ctx, build_tree(tokens), 0, blank, 0, len(blank))
        return self.finish(ctx, out)

    def options_with(self, overrides: dict) -> KramdownOptions:
        """The options after a document's `{::options ... /}`: they apply to its conversion."""
        kramdown = dict(self.config.get("kramdown") or {})
        for key, value in overrides.items():
            try:  # kramdown ignores an option value it cannot read
                KramdownOptions.from_config({**self.config, "kramdown": {**kramdown, key: value}})
            except (TypeError, ValueError):
                continue
            kramdown[key] = value
        return KramdownOptions.from_config({**self.config, "kramdown": kramdown})

    def finish(self, ctx, out: str) -> str:
        """Document-level output: footnotes (at the end or at their `{:footnotes}` list) and the
        table of contents in place of its placeholder."""
        notes = footnotes.render_footnotes(ctx)
        if footnotes.PLACEHOLDER in out:
            out = out.replace(footnotes.PLACEHOLDER, notes, 1)
        else:
            out += notes
        if ctx.toc_request is not None:
            tag, attrs = ctx.toc_request
            out = out.replace(toc.PLACEHOLDER, toc.render_toc(ctx, tag, attrs), 1)
        return out

    def special_list(self, ctx, node, tag, attrs, indent):
        """Lists kramdown replaces (`{:toc}`); None means an ordinary list."""
        if ctx.toc_request is None and toc.is_toc_list(node):
            ctx.toc_request = (tag, attrs)
            return toc.PLACEHOLDER
        if not ctx.footnotes_placed and footnotes.is_footnotes_list(node):
            ctx.footnotes_placed = True
            return footnotes.PLACEHOLDER
        return None

    def smartify(self, text: str) -> str:
        """Jekyll's `smartify` filter: its SmartyPants parser reads no Markdown, only smart
        quotes, entities, typographic symbols and span HTML."""
        if self._smartypants is None:
            self._smartypants = build_smartypants_it()
        env: dict = {"kd_options": self.opts.plugin_options()}
        text = str(text)
        if "\r" in text:
            text = _NEWLINES.sub("\n", text)
        tokens = self._smartypants.parseInline(text, env)
        children = tokens[0].children if tokens else []
        emphasis.nest_spans(children, emphasis=False)
        kd = self.md.kd
        typography.process(
            children, kd["kd_quotes"], kd.get("kd_typographic_symbols", True), kd.get("kd_syms")
        )
        ctx = Context(self, env)
        ctx.blank = []
        ctx.gfm_ids = {}
        return render_inline(ctx, children)
