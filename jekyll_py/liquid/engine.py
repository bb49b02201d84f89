"""The Liquid engine a build renders every template with.

`LiquidEngine(site)` is python-liquid set up as Jekyll 4.3.1 sets up Ruby Liquid 5.4:

- the `liquid:` config: `error_mode` (parse errors warn by default), `strict_filters`,
  `strict_variables`; unknown filters return their input unless strict;
- Jekyll's tags (`include`, `include_relative`, `highlight`, `link`, `post_url`) and filters,
  and the standard filters where python-liquid's results differ from Liquid 5.4's;
- render errors always stop the build (Jekyll calls `render!`), worded as Jekyll words them;
- `increment`/`decrement` counters live as long as the engine's build (Jekyll keeps them in
  the site payload, which every document and layout shares);
- templates parsed once (by `cache_key`, and includes by path and modification time), and
  per-template timings for `--profile`.
"""
from __future__ import annotations

import os
import re
import sys
import time
from typing import Callable, Optional

from liquid import Environment, Mode, StrictUndefined, Undefined
from liquid.context import RenderContext, builtin
from liquid.exceptions import BlockNestingError, LiquidError, LiquidInterrupt
from liquid.lex import _tokenize_template, compile_liquid_rules
from liquid.token import TOKEN_CONTENT
from liquid.template import BoundTemplate
from liquid.utils import ReadOnlyChainMap

from jekyll_py.errors import LiquidException
from jekyll_py.liquid import messages, ruby, rubytime, semantics

semantics.apply()

# Rendering 100 nested includes takes a few thousand Python frames.
_RECURSION_LIMIT = 12000

_MODES = {"lax": Mode.LAX, "warn": Mode.WARN, "strict": Mode.STRICT}


class JekyllUndefined(Undefined):
    """An undefined variable: Ruby's nil (prints nothing, is falsy, equals nil)."""


class JekyllStrictUndefined(StrictUndefined):
    """With `strict_variables`: using an undefined variable is an error."""


# python-liquid ends a text token at `$`, which also matches before a final newline; after a
# `-}}` or `-%}` that newline is then stripped as if it were leading whitespace. Ruby keeps it,
# so text tokens end at the true end of the template (`\Z`).
# Ruby's tokenizer ends an output at its first `}` (`{{.*?}}?`), even inside a string, and an
# output not ending in `}}` is a syntax error: outputs here may not contain `}` either, so
# `{{ "a}b" }}` is left to the text rule, which reports it unclosed (messages.py words it).
_OUTPUT_BODY = r"(?:(?!-?\}\})[\s\S])*"


# Ruby's raw tag ends at the first tag token `{% endraw ... %}`: no `-` before the name (so
# `{%- endraw %}` does not end it) and anything after it (`{% endraw junk -%}`), which never
# trims the text after it (only the opening tag's `-%}` does, as python-liquid already has it).
_RAW_END = r"\{%-?\s*endraw\s*(?P<rsr_e>-?)%\}"
_RUBY_RAW_END = r"\{%\s*endraw(?!\w)(?P<rsr_e>(?:(?!%\}).)*)%\}"


def _lexer_rules() -> re.Pattern:
    pattern = compile_liquid_rules().pattern
    assert "|$)" in pattern and _OUTPUT_BODY in pattern and _RAW_END in pattern, \
        "python-liquid's lexer rules changed"
    pattern = pattern.replace("|$)", r"|\Z)").replace(_OUTPUT_BODY, r"(?:(?!-?\}\})[^}])*", 1)
    pattern = pattern.replace(_RAW_END, _RUBY_RAW_END, 1)
    return re.compile(pattern, re.DOTALL)


_LEXER_RULES = _lexer_rules()
# Around `{%-`/`-%}` Ruby's lstrip/rstrip remove ruby.WHITESPACE (ASCII whitespace and NUL);
# Python's strip would also remove no-break and ideographic spaces.


def _ruby_tokenize(source: str):
    """python-liquid's tokens, with text trimmed by whitespace control as Ruby trims it."""
    for token in _tokenize_template(source, rules=_LEXER_RULES):
        if token.kind == TOKEN_CONTENT and not source.startswith("{%", token.start_index):
            token = _ruby_trimmed(token, source)
        yield token


def _ruby_trimmed(token, source: str):
    start = token.start_index
    ends = [i for i in (source.find("{{", start + 1), source.find("{%", start + 1)) if i >= 0]
    end = min(ends) if ends else len(source)
    raw = source[start:end]
    if raw == token.value:
        return token
    value = raw
    if not raw.startswith(token.value):  # python-liquid trimmed the left side
        value = value.lstrip(ruby.WHITESPACE)
    if source.startswith(("{{-", "{%-"), end):
        value = value.rstrip(ruby.WHITESPACE)
    return token._replace(value=value)


class JekyllTemplate(BoundTemplate):
    """A parsed template. Rendering adds no `partial` variable (python-liquid's own, which
    would hide a template's `partial`: Ruby has none)."""

    def make_partial_namespace(self, partial, render_args):
        return dict(render_args)


class JekyllEnvironment(Environment):
    """A python-liquid environment with Jekyll's tags and filters and Jekyll's error policy."""

    # Ruby Liquid allows 100 scopes at render time (JekyllContext.ruby_scope counts them) and
    # 100 nested block bodies at parse time; python-liquid's own scope limit (an include takes
    # more than one of its scopes) must not stop it sooner.
    context_depth_limit = 1000
    template_class = JekyllTemplate
    block_nesting_limit = semantics.MAX_DEPTH

    def __init__(self, engine: "LiquidEngine", *, mode: Mode, strict_filters: bool,
                 strict_variables: bool):
        self.engine = engine
        # Set while a template is being parsed: only parse errors follow `error_mode`.
        self.parsing: Optional[_Parsing] = None
        super().__init__(
            tolerance=mode,
            strict_filters=strict_filters,
            undefined=JekyllStrictUndefined if strict_variables else JekyllUndefined,
        )

    def tokenizer(self):
        return _ruby_tokenize

    def setup_tags_and_filters(self, *, extra: bool = False) -> None:
        super().setup_tags_and_filters(extra=False)
        from jekyll_py.liquid import filters, tags
        tags.register(self)
        filters.register(self)

    def error(self, exc, msg=None, token=None) -> None:
        """Parse errors raise or warn as Ruby Liquid's `error_mode` does; render errors and
        errors of Jekyll's own tags always raise (Jekyll renders with `render!`)."""
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        elif exc.token is None or exc.token.start_index < 0:
            if token is not None and token.start_index >= 0:
                exc.token = token
        if isinstance(exc, BlockNestingError):
            raise messages.RubyNestingError("Nesting too deep", token=None)
        already_decided = (messages.JekyllTagError, messages.RubyLiquidError,
                           messages.RubyLiquidSyntaxError)
        if self.parsing is None or isinstance(exc, already_decided):
            raise exc
        fatal, ruby_error = messages.classify_parse_error(exc, self.parsing.source)
        if fatal or self.mode == Mode.STRICT:
            raise ruby_error
        if self.mode == Mode.WARN:
            self.parsing.warning(ruby_error)


class _Parsing:
    """What is being parsed: its source (for line numbers), name, whether Jekyll would print
    its warnings (it does for pages and layouts, not for includes), and the warnings so far:
    Jekyll prints them only once the whole template has parsed."""

    def __init__(self, source: str, name: str, warn: bool):
        self.source, self.name, self.warn = source, name, warn
        self.warnings: list[LiquidError] = []

    def warning(self, err: LiquidError) -> None:
        if self.warn:
            self.warnings.append(err)


class JekyllContext(RenderContext):
    """A render context whose `increment`/`decrement` counters are shared by the whole build,
    and which counts scopes as Ruby Liquid's Context does: the base scope plus one per `for`,
    `tablerow` and `include` being rendered (semantics.ruby_scope); a 101st is "Nesting too
    deep"."""

    def __init__(self, template: BoundTemplate, *, globals, counters: dict):
        super().__init__(template, globals=globals)
        self.counters = counters
        self.ruby_scopes = 1
        self.scope = ReadOnlyChainMap(self.locals, self.globals, builtin, self.counters)

    def get_item(self, obj, key):
        """`x.size` on a Jekyll drop is nil unless it has a `size` key (a Drop has no size);
        on an Integer it is Integer#size, the bytes Ruby stores it in."""
        if key == "size" and ruby.is_drop(obj) and "size" not in obj:
            raise KeyError(key)
        if key == "size" and isinstance(obj, int) and not isinstance(obj, bool):
            return ruby.integer_size(obj)
        return super().get_item(obj, key)


class LiquidEngine:
    """Parses and renders the site's templates (see module docstring)."""

    def __init__(self, site):
        self.site = site
        config = getattr(site, "config", None) or {}
        liquid_config = config.get("liquid") or {}
        self.env = JekyllEnvironment(
            self,
            mode=_MODES.get(str(liquid_config.get("error_mode", "warn")), Mode.WARN),
            strict_filters=bool(liquid_config.get("strict_filters", False)),
            strict_variables=bool(liquid_config.get("strict_variables", False)),
        )
        self.timezone = rubytime.local_zone(config.get("timezone"))
        # Called with each "Liquid Warning: ..." line; the build core may replace it.
        self.warning_handler: Callable[[str], None] = _print_warning
        self.counters: dict = {}
        self._parsed: dict = {}
        self._files: dict = {}
        self._stats: dict = {}
        # Per build: include files whose modification time was checked, and where each
        # include name was found ((name, folders) -> path), as Jekyll's site.inclusions.
        self._files_checked: set = set()
        self.include_paths: dict = {}

    # -- plugin API --------------------------------------------------------------------------
    def register_filter(self, name: str, fn: Callable) -> None:
        """Add a filter; it may take `context=` if decorated with liquid's `with_context`."""
        self.env.add_filter(name, fn)

    def register_tag(self, tag_class) -> None:
        """Add a python-liquid `Tag` subclass."""
        self.env.add_tag(tag_class)

    # -- build lifecycle ---------------------------------------------------------------------
    def reset(self) -> None:
        """Forget counters, parsed templates and profile (Jekyll does this before each build)."""
        self.counters.clear()
        self._parsed.clear()
        self._stats.clear()
        self._files_checked.clear()
        self.include_paths.clear()

    def warn(self, err: LiquidError, name: str) -> None:
        self.warning_handler(messages.format_error(err, name, warning=True))

    # -- parsing -----------------------------------------------------------------------------
    def parse(self, text: str, *, name: str, cache_key=None, warn: bool = True) -> BoundTemplate:
        """Parse `text` (cached by `cache_key` when given). Parse errors are LiquidErrors."""
        if cache_key is not None and cache_key in self._parsed:
            return self._parsed[cache_key]
        started = time.perf_counter()
        outer = self.env.parsing
        self.env.parsing = _Parsing(text, name, warn)
        try:
            template = self.env.from_string(text, name=name)
        except LiquidError as err:
            # python-liquid wraps errors that are not syntax errors (Jekyll's own tag errors)
            # in a generic one; the original is the message Jekyll prints.
            if isinstance(err.__cause__, LiquidError):
                raise err.__cause__ from None
            if isinstance(err, (messages.JekyllTagError, messages.RubyLiquidError,
                                messages.RubyLiquidSyntaxError)):
                raise
            # Errors the lexer raises directly (unclosed `{{`, `{%`) are always fatal.
            raise messages.classify_parse_error(err, text)[1] from None
        finally:
            parsing, self.env.parsing = self.env.parsing, outer
            self._add_time(name, time.perf_counter() - started)
        for warning in parsing.warnings:
            self.warn(warning, name)
        if cache_key is not None:
            self._parsed[cache_key] = template
        return template

    def parse_file(self, path: str, *, name: str) -> BoundTemplate:
        """Parse an include file once per path and modification time (checked once a build)."""
        cached = self._files.get(path)
        if cached and path in self._files_checked:
            return cached[1]
        mtime = os.stat(path).st_mtime_ns
        self._files_checked.add(path)
        if cached and cached[0] == mtime:
            return cached[1]
        with open(path, encoding="utf-8", newline="") as handle:  # \r\n kept, as Ruby reads it
            text = handle.read()
        template = self.parse(text, name=name, warn=False)
        self._files[path] = (mtime, template)
        return template

    # -- rendering ---------------------------------------------------------------------------
    def render(self, text: str, payload: dict, *, name: str, line_offset: int = 0,
               cache_key=None) -> str:
        """Render `text` with `payload` (site, page, layout, content, paginator, jekyll...).

        `name` is the site-relative path used in messages (lines count from the first line of
        `text`, which is where Jekyll counts from); `cache_key` (e.g. (path, mtime)) lets
        layouts be parsed once. Errors raise LiquidException with Jekyll's whole line.
        """
        try:
            template = self.parse(text, name=name, cache_key=cache_key)
            if sys.getrecursionlimit() < _RECURSION_LIMIT:
                sys.setrecursionlimit(_RECURSION_LIMIT)
            context = JekyllContext(template, globals=dict(payload), counters=self.counters)
            return self.render_template(template, context, name=name)
        except LiquidError as err:
            raise LiquidException(messages.format_error(err, name)) from err
        except RecursionError as err:
            raise LiquidException(
                f"Liquid Exception: Liquid error (line 1): Nesting too deep in {name}"
            ) from err

    def render_template(self, template: BoundTemplate, context: RenderContext, *,
                        name: str, partial: bool = False, count: bool = True) -> str:
        """Render a parsed template into a string with an existing context, timing it."""
        from io import StringIO
        buffer = StringIO()
        started = time.perf_counter()
        try:
            # Always as a partial, so that a `break`/`continue` outside any loop leaves the
            # template: Ruby stops rendering there, and an enclosing `for` (around an
            # include) takes it as its own; at the top the page simply ends.
            template.render_with_context(context, buffer, partial=True)
        except LiquidInterrupt as interrupt:
            if partial:  # what was written before the interrupt stays (tags/include.py)
                interrupt.output_so_far = buffer.getvalue()
                raise
        finally:
            self._add_time(name, time.perf_counter() - started)
        output = buffer.getvalue()
        if count:
            stats = self._stats[name]
            stats[0] += 1
            stats[1] += len(output.encode("utf-8"))
        return output

    # -- profile -----------------------------------------------------------------------------
    def _add_time(self, name: str, seconds: float) -> None:
        stats = self._stats.setdefault(name, [0, 0, 0.0])
        stats[2] += seconds

    def _profile_name(self, name: str) -> str:
        """A template's name as Jekyll's profile shows it: relative to the source, or
        `gem-version/rest` for a file inside an installed gem (a theme)."""
        prefix = self.site.source.rstrip("/") + "/"
        if name.startswith(prefix):
            return name[len(prefix):]
        gem = re.search(r"/gems/([^/]+)(/.*)$", name)
        return gem.group(1) + gem.group(2) if gem else name

    def profile_rows(self, limit: int = 50) -> list[tuple[str, int, int, float]]:
        """(template, count, bytes, seconds) rows, slowest first, as Jekyll's --profile lists."""
        rows = [(self._profile_name(name), s[0], s[1], s[2]) for name, s in self._stats.items()]
        rows.sort(key=lambda row: -row[3])
        return rows[:limit]

    def profile_table(self, limit: int = 50) -> str:
        """Jekyll's `--profile` Liquid table (Filename | Count | Bytes | Time, with a total)."""
        from jekyll_py.profile import tabulate
        rows = self.profile_rows(limit)
        table = [("Filename", "Count", "Bytes", "Time")]
        for name, count, size, seconds in rows:
            table.append((name, str(count), f"{size / 1024:.2f}K", f"{seconds:.3f}"))
        table.append((f"TOTAL (for {len(rows)} files)", str(sum(r[1] for r in rows)),
                      f"{sum(r[2] for r in rows) / 1024:.2f}K",
                      f"{sum(r[3] for r in rows):.3f}"))
        return tabulate(table)


def _print_warning(text: str) -> None:
    """Log a `Liquid Warning: ...` line the way Jekyll's logger aligns it."""
    from jekyll_py.log import logger
    topic = "Liquid Warning:"
    logger.warn(topic, text[len(topic):].lstrip() if text.startswith(topic) else text)
