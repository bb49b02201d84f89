"""Jekyll's `{% include %}` and `{% include_relative %}` (lib/jekyll/tags/include.rb).

    {% include footer.html %}                 unquoted file name
    {% include {{ page.partial }} x="1" %}    a name rendered from Liquid first
    {% include card.html title="a" n=page.n %} parameters, seen as `include.title`...

Parameters are `key="v"`, `key='v'` or `key=variable.path` (no filters); they live in a scope
pushed for the include, so `include` disappears after it, while `assign` still leaks to the
caller. Files are looked up in the site's includes folders in order (the theme's last), or,
for `include_relative`, in the including page's folder; `..` and `//` are refused.
"""
from __future__ import annotations

import os
import re

from liquid.ast import Node
from liquid.exceptions import ContextDepthError, LiquidError, LiquidInterrupt
from liquid.tag import Tag

from jekyll_py.liquid import ruby
from jekyll_py.liquid.semantics import ruby_scope
from jekyll_py.liquid.messages import JekyllTagError, RubyLiquidError
from jekyll_py.liquid.tags.markup import read_markup, render_markup

_PARAM = r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"""
PARAM = re.compile(_PARAM)
ALL_PARAMS = re.compile(r"\A\s*(?:" + _PARAM + r"(?=\s|\Z)\s*)*\Z")
# A name containing `{{ var }}` (optionally with filters), then the parameters.
VARIABLE_NAME = re.compile(
    r"(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.S)
VALID_FILENAME = re.compile(r"^[\w/.\-()+~#@]+$", re.M)
INVALID_SEQUENCES = re.compile(r"[./]{2,}")

class IncludeNode(Node):
    """One include: a literal or Liquid-rendered file name and its raw parameter string."""

    __slots__ = ("file", "params", "tag_name", "dynamic")

    def __init__(self, token, file: str, params, tag_name: str):
        super().__init__(token)
        self.file = file
        self.params = params
        self.tag_name = tag_name
        self.dynamic = VARIABLE_NAME.match(file) is not None
        self.blank = False

    def syntax_example(self) -> str:
        return f"{{% {self.tag_name} file.ext param='value' param2='value' %}}"

    def render_to_output(self, context, buffer) -> int:
        engine = context.env.engine
        file = render_markup(self.file, context) if self.dynamic else self.file
        self.validate_file_name(file)
        dirs = self.include_dirs(context)
        key = (file, tuple(dirs))
        path = engine.include_paths.get(key)
        if path is None:
            path = engine.include_paths[key] = locate(file, dirs)
        if path is None:
            raise JekyllTagError(
                f"Could not locate the included file '{file}' in any of "
                f"{ruby.inspect(list(dirs))}. Ensure it exists in one of those directories and"
                ", if it is a symlink, does not point outside your site source.")
        name = site_relative(engine.site, path)
        try:
            template = engine.parse_file(path, name=name)
            namespace = {"include": self.parse_params(context)} if self.params is not None else {}
            with ruby_scope(context, self.token):
                with context.extend(namespace, template=template):
                    output = engine.render_template(template, context, name=name, partial=True)
        except LiquidInterrupt as interrupt:
            # `break`/`continue` outside a loop in the include: its output so far is kept
            # and the interrupt goes on to the enclosing loop (or ends the page).
            buffer.write(getattr(interrupt, "output_so_far", ""))
            raise
        except ContextDepthError as err:
            raise tag_error(RubyLiquidError("Nesting too deep", token=self.token), path) from err
        except JekyllTagError:
            raise
        except LiquidError as err:
            if getattr(err, "token", None) is self.token:  # this tag's own scope overflowed
                raise
            raise tag_error(err, path)
        return buffer.write(output)

    def validate_file_name(self, file: str) -> None:
        if INVALID_SEQUENCES.search(file) or not VALID_FILENAME.search(file):
            raise JekyllTagError(
                "Invalid syntax for include tag. File contains invalid characters or sequences:"
                f" {file} Valid syntax: {self.syntax_example()}")

    def include_dirs(self, context) -> list[str]:
        return [str(d) for d in context.env.engine.site.includes_dirs]

    def parse_params(self, context) -> dict:
        """The `include` hash: quoted values as written (with \\" unescaped), variables looked up."""
        params = {}
        for match in PARAM.finditer(self.params):
            key, double, single, variable = match.groups()
            if double is not None:
                value = double.replace('\\"', '"')
            elif single is not None:
                value = single.replace("\\'", "'")
            else:
                value = lookup(context, variable)
            params[key] = value
        return params


def tag_error(err: LiquidError, path: str) -> LiquidError:
    """Mark an error as raised inside the include at `path` (the outermost include wins)."""
    err.include_path = path
    return err


_LITERALS = {"nil": None, "null": None, "true": True, "false": False, "blank": "", "empty": ""}


def lookup(context, expression: str):
    """Ruby's `context[expression]` for a bare parameter value: a literal (`3`, `1.5`, `true`)
    or a variable path `a.b.c` (nil when missing)."""
    if expression in _LITERALS:
        return _LITERALS[expression]
    if re.fullmatch(r"-?\d+", expression):
        return int(expression)
    if re.fullmatch(r"-?\d[\d.]+", expression):
        try:
            return float(expression)
        except ValueError:
            pass
    segments: list = []
    for part in expression.split("."):
        segments.append(part)
    value = context.get(segments, token=None, default=None)
    return None if value is None or type(value).__name__.endswith("Undefined") else value


def ruby_file_join(base: str, item: str) -> str:
    """Ruby's File.join for two parts: one separator between them, whatever slashes they
    carry (so `/a.html` is looked up inside the folder, where os.path.join would leave it)."""
    if not base:
        return "/" + item.lstrip("/")
    return base.rstrip("/") + "/" + item.lstrip("/")


def locate(file: str, dirs: list[str]):
    for directory in dirs:
        path = ruby_file_join(directory, file)
        if os.path.isfile(path):
            return path
    return None


def site_relative(site, path: str) -> str:
    source = str(getattr(site, "source", "") or "")
    if source and path.startswith(source.rstrip("/") + "/"):
        return path[len(source.rstrip("/")) + 1:]
    return path


class IncludeTag(Tag):
    name = "include"
    block = False
    node_class = IncludeNode

    def parse(self, stream):
        token, markup = read_markup(stream)
        markup = markup.strip()
        match = VARIABLE_NAME.match(markup)
        if match:
            file, params = match.group("variable").strip(), match.group("params").strip()
        else:
            parts = markup.split(None, 1)
            file = parts[0] if parts else ""
            params = parts[1] if len(parts) > 1 else None
        if params is not None and params == "" and not match:
            params = None
        if params is not None and not ALL_PARAMS.match(params):
            example = f"{{% {self.name} file.ext param='value' param2='value' %}}"
            raise JekyllTagError(f"Invalid syntax for include tag: {params} Valid syntax: {example}")
        return self.node_class(token, file, params, self.name)


class IncludeRelativeNode(IncludeNode):
    """`include_relative`: files next to the including page (or its collection folder)."""

    def include_dirs(self, context) -> list[str]:
        site = context.env.engine.site
        source = str(site.source).rstrip("/")
        page = context.resolve("page", default=None)
        path = None
        if page is not None:
            try:
                path = page["path"]
            except (KeyError, TypeError):
                path = None
        if not path or type(path).__name__.endswith("Undefined"):
            return [str(site.source)]
        path = str(path)
        try:
            collection = page["collection"]
        except (KeyError, TypeError):
            collection = None
        if collection and not type(collection).__name__.endswith("Undefined"):
            collections_dir = site.config.get("collections_dir") or ""
            path = os.path.join(collections_dir, path)
        if path.endswith("/#excerpt"):
            path = path[: -len("/#excerpt")]
        directory = os.path.dirname(path)
        return [source + "/" + directory if directory not in ("", ".") else source + "/"]


class IncludeRelativeTag(IncludeTag):
    name = "include_relative"
    node_class = IncludeRelativeNode
