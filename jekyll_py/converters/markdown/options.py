"""The `kramdown:` options Jekyll passes, with Jekyll's defaults."""

from __future__ import annotations

from dataclasses import dataclass, field


def _toc_levels(value) -> set:
    if value is None:
        return set(range(1, 7))
    if isinstance(value, str):
        if ".." in value:
            a, b = value.split("..", 1)
            return set(range(int(a), int(b) + 1))
        return {int(v) for v in value.replace(",", " ").split()}
    return {int(v) for v in value}


def _list_option(value) -> str:
    """A list option as kramdown accepts it: a YAML list or a comma-separated string."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ",".join(str(v).strip() for v in value)
    return ",".join(v.strip() for v in str(value).split(","))


def _bool(value, default):
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "no", "")
    return bool(value)


def _highlighter_opts(hl_opts, kind) -> dict:
    if not isinstance(hl_opts, dict):
        raise ValueError(f"syntax_highlighter_opts must be a mapping, not {hl_opts!r}")
    out = {str(k): v for k, v in hl_opts.items() if k not in ("block", "span")}
    specific = hl_opts.get(kind) or {}
    if not isinstance(specific, dict):
        raise ValueError(f"syntax_highlighter_opts.{kind} must be a mapping, not {specific!r}")
    out.update({str(k): v for k, v in specific.items()})
    return out


@dataclass
class KramdownOptions:
    gfm: bool = True
    auto_ids: bool = True
    auto_id_prefix: str = ""
    auto_id_stripping: bool = False
    toc_levels: set = field(default_factory=lambda: set(range(1, 7)))
    smart_quotes: str = "lsquo,rsquo,ldquo,rdquo"
    hard_wrap: bool = False
    footnote_nr: int = 1
    footnote_backlink: str = "&#8617;"
    footnote_prefix: str = ""
    parse_block_html: bool = False
    parse_span_html: bool = True
    math_engine: str | None = "mathjax"
    highlighter: str | None = "rouge"
    default_lang: str = "plaintext"
    # Rouge formatter options for code blocks and code spans (`syntax_highlighter_opts`: its
    # top-level keys apply to both, `block:` / `span:` to one), e.g. line_numbers, start_line
    highlight_block: dict = field(default_factory=dict)
    highlight_span: dict = field(default_factory=dict)
    header_offset: int = 0
    entity_output: str = "as_char"
    gfm_quirks: tuple = ("paragraph_end",)

    @classmethod
    def from_config(cls, config: dict) -> "KramdownOptions":
        k = dict(config.get("kramdown") or {})
        hl = k.get("syntax_highlighter") or config.get("highlighter") or "rouge"
        hl_opts = k.get("syntax_highlighter_opts") or {}
        return cls(
            gfm=str(k.get("input", "GFM")).lower() == "gfm",
            auto_ids=_bool(k.get("auto_ids"), True),
            auto_id_prefix=str(k.get("auto_id_prefix") or ""),
            auto_id_stripping=_bool(k.get("auto_id_stripping"), False),
            toc_levels=_toc_levels(k.get("toc_levels")),
            smart_quotes=_list_option(k.get("smart_quotes")) or "lsquo,rsquo,ldquo,rdquo",
            hard_wrap=_bool(k.get("hard_wrap"), False),
            footnote_nr=int(k.get("footnote_nr") or 1),
            footnote_backlink=str(k.get("footnote_backlink", "&#8617;") or ""),
            footnote_prefix=str(k.get("footnote_prefix") or ""),
            parse_block_html=_bool(k.get("parse_block_html"), False),
            parse_span_html=_bool(k.get("parse_span_html"), True),
            math_engine=k.get("math_engine", "mathjax"),
            highlighter=None if str(hl).lower() in ("none", "false", "") else str(hl).lower(),
            default_lang=str(hl_opts.get("default_lang") or "plaintext"),
            highlight_block=_highlighter_opts(hl_opts, "block"),
            highlight_span=_highlighter_opts(hl_opts, "span"),
            header_offset=int(k.get("header_offset") or 0),
            entity_output=str(k.get("entity_output") or "as_char"),
            gfm_quirks=tuple(
                q for q in _list_option(k.get("gfm_quirks", "paragraph_end")).split(",") if q
            ),
        )

    def plugin_options(self) -> dict:
        return {
            "parse_block_html": self.parse_block_html,
            "parse_span_html": self.parse_span_html,
            "gfm": self.gfm,
            "hard_wrap": self.hard_wrap and self.gfm,
            # kramdown-parser-gfm's `paragraph_end` quirk: lists, headers, quotes and fences
            # interrupt a paragraph (classic kramdown only ends it at blank lines and HTML)
            "gfm_paragraph_end": self.gfm and "paragraph_end" in self.gfm_quirks,
            "typographic_symbols": not (self.gfm and "no_auto_typographic" in self.gfm_quirks),
            "entity_output": self.entity_output,
        }
