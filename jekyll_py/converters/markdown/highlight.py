"""Rouge-compatible syntax highlighting done with Pygments.

Jekyll highlights code with Rouge. Rouge copied Pygments' token scheme, so the short CSS class
names (`k`, `s2`, `nf`, ...) are the same; what differs is how each lexer splits the text. We
lex with Pygments and write the spans the way Rouge's HTML formatter does:

* a token with an empty class (plain text, and whitespace) is written bare, not in a span;
* consecutive tokens of the same type are merged into one span (Rouge's lexer does that);
* only `&`, `<` and `>` are escaped (quotes are left alone).

Public API (also used by the `{% highlight %}` Liquid tag):

    highlight_code(code, lang, *, block=True) -> str | None

returns the inner highlighted HTML for `code` (the part Rouge puts inside `<code>`), or None when
no lexer knows `lang` (the caller then writes plain escaped code, as kramdown does). Results are
cached in the process by (language, code); `set_highlight_cache(False)` turns that off. `lang` may be
None or empty, meaning plain text. `block` is accepted for symmetry with kramdown's span/block
highlighting; both produce the same inner markup.
"""

from __future__ import annotations

import threading
import importlib
from collections import OrderedDict
from functools import lru_cache

from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES, Token
from pygments.util import ClassNotFound

from .rouge_classes import dialect_for
from .rouge_languages import ROUGE_LANGUAGES

# Rouge names some lexers differently from Pygments; these aliases are looked up first (names
# our own lexers take are in _OWN_NAMES below).
_ALIASES = {
    "plaintext": "text",
    "plain": "text",
    "txt": "text",
    "rb": "ruby",
    "yml": "yaml",
    "jsonc": "json",
    "json-doc": "json",
    # Rouge names with no Pygments lexer of that name: the nearest Pygments lexer.
    "vb": "vbnet",
    "ml": "sml",
    "batchfile": "batch",
    "dlang": "d",
    "eruby": "erb",
    "common_lisp": "common-lisp",
    "obj-cpp": "objective-c++",
    "obj_cpp": "objective-c++",
    "obj_c++": "objective-c++",
    "objcpp": "objective-c++",
    "objective_cpp": "objective-c++",
    "objectivecpp": "objective-c++",
    "literate_haskell": "lhs",
    "lithaskell": "lhs",
    "e-mail": "email",
    "ps": "postscript",
    "pp": "puppet",
    "ls": "livescript",
}

_PLAIN = {"text"}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _lazy(module: str, function: str):
    """A lexer function imported when first used: most sites highlight a few languages, and
    importing every lexer (their patterns compile at import) would slow every build down."""
    loaded = None

    def lex(*args):
        nonlocal loaded
        if loaded is None:
            loaded = getattr(importlib.import_module(f".{module}", __package__), function)
        return loaded(*args)
    return lex


_lex_jsx_with = _lazy("javascript_lexer", "lex_jsx")
_lex_markdown_with = _lazy("markdown_lexer", "lex_markdown")
_lex_graphql_with = _lazy("graphql_lexer", "lex_graphql")


def _lex_jsx(code):
    return _lex_jsx_with(code, lambda text: _embedded_tokens("html", text))


def _lex_markdown(code):
    return _lex_markdown_with(code, _embedded_tokens)


# Languages lexed by our own Rouge-style lexers (`*_lexer.py`) rather than by Pygments.
_OWN_LEXERS = {
    "shell": _lazy("shell_lexer", "lex_shell"),
    "console": _lazy("shell_lexer", "lex_console"),
    "diff": _lazy("diff_lexer", "lex_diff"),
    "css": _lazy("css_lexer", "lex_css"),
    "scss": _lazy("scss_lexer", "lex_scss"),
    "sass": _lazy("sass_lexer", "lex_sass"),
    "liquid": _lazy("liquid_lexer", "lex_liquid"),
    "rust": _lazy("rust_lexer", "lex_rust"),
    "javascript": _lazy("javascript_lexer", "lex_javascript"),
    "typescript": _lazy("javascript_lexer", "lex_typescript"),
    "markdown": _lex_markdown,
    "python": _lazy("python_lexer", "lex_python"),
    "c": _lazy("c_lexer", "lex_c"),
    "cpp": _lazy("c_lexer", "lex_cpp"),
    "java": _lazy("java_lexer", "lex_java"),
    "go": _lazy("go_lexer", "lex_go"),
    "json": _lazy("json_lexer", "lex_json"),
    "sql": _lazy("sql_lexer", "lex_sql"),
    "r": _lazy("r_lexer", "lex_r"),
    "coq": _lazy("coq_lexer", "lex_coq"),
    "haskell": _lazy("haskell_lexer", "lex_haskell"),
    "tex": _lazy("tex_lexer", "lex_tex"),
    "graphql": lambda code: _lex_graphql_with(code, _lex_markdown),
    "docker": _lazy("docker_lexer", "lex_docker"),
    "ini": _lazy("ini_lexer", "lex_ini"),
    "toml": _lazy("toml_lexer", "lex_toml"),
    "nginx": _lazy("nginx_lexer", "lex_nginx"),
    "make": _lazy("make_lexer", "lex_make"),
    "matlab": _lazy("matlab_lexer", "lex_matlab"),
    "kotlin": _lazy("kotlin_lexer", "lex_kotlin"),
    "swift": _lazy("swift_lexer", "lex_swift"),
    "apache": _lazy("apache_lexer", "lex_apache"),
    "ocaml": _lazy("ocaml_lexer", "lex_ocaml"),
    "pascal": _lazy("pascal_lexer", "lex_pascal"),
    "viml": _lazy("viml_lexer", "lex_viml"),
    "groovy": _lazy("groovy_lexer", "lex_groovy"),
    "gradle": _lazy("groovy_lexer", "lex_gradle"),
    "objc": _lazy("c_lexer", "lex_objc"),
    "julia": _lazy("julia_lexer", "lex_julia"),
    "scala": _lazy("scala_lexer", "lex_scala"),
    "jsx": _lex_jsx,
    "html": _lazy("html_lexer", "lex_html"),
    "handlebars": _lazy("handlebars_lexer", "lex_handlebars"),
    "jsp": _lazy("jsp_lexer", "lex_jsp"),
    "powershell": _lazy("powershell_lexer", "lex_powershell"),
    "php": _lazy("php_lexer", "lex_php"),
    "applescript": _lazy("applescript_lexer", "lex_applescript"),
    "ruby": _lazy("ruby_lexer", "lex_ruby"),
}
# Rouge's names for them (its tags and aliases, matched lower-cased here; rouge_languages.py
# decides first which spellings Rouge knows).
_OWN_NAMES = {
    "shell": "shell", "bash": "shell", "sh": "shell", "zsh": "shell", "ksh": "shell",
    "console": "console", "terminal": "console", "shell_session": "console",
    "shell-session": "console", "diff": "diff", "patch": "diff", "udiff": "diff", "css": "css",
    "scss": "scss", "sass": "sass", "liquid": "liquid",
    "markdown": "markdown", "md": "markdown", "mkd": "markdown",
    "javascript": "javascript", "js": "javascript", "typescript": "typescript", "ts": "typescript",
    **{name: "rust" for name in ("rust", "rs", "rust,no_run", "rs,no_run", "rust,ignore",
                                 "rs,ignore", "rust,should_panic", "rs,should_panic")},
    "python": "python", "py": "python", "c": "c", "cpp": "cpp", "c++": "cpp", "java": "java",
    "go": "go", "golang": "go", "json": "json", "sql": "sql", "r": "r", "s": "r", "coq": "coq",
    "haskell": "haskell", "hs": "haskell", "tex": "tex", "latex": "tex", "graphql": "graphql",
    "docker": "docker", "dockerfile": "docker", "ini": "ini", "toml": "toml",
    "nginx": "nginx", "make": "make", "makefile": "make", "mf": "make", "gnumake": "make",
    "bsdmake": "make", "matlab": "matlab", "m": "matlab",
    "kotlin": "kotlin", "swift": "swift", "apache": "apache",
    "ocaml": "ocaml", "pascal": "pascal", "viml": "viml", "vim": "viml", "vimscript": "viml",
    "ex": "viml", "groovy": "groovy", "gradle": "gradle", "julia": "julia", "jl": "julia",
    "scala": "scala", "jsx": "jsx", "html": "html", "react": "jsx",
    "handlebars": "handlebars", "hbs": "handlebars", "mustache": "handlebars", "jsp": "jsp",
    **{name: "powershell" for name in ("powershell", "posh", "microsoftshell", "msshell")},
    "applescript": "applescript", "ruby": "ruby", "rb": "ruby",
    **{name: "php" for name in ("php", "php3", "php4", "php5")},
    **{name: "objc" for name in ("objective_c", "objc", "obj-c", "obj_c", "objectivec")},
}


def _join(tokens):
    """Neighbouring tokens of one class as one (Rouge writes them as one span)."""
    out: list = []
    for cls, text in tokens:
        if out and out[-1][0] == cls:
            out[-1][1] += text
        elif text:
            out.append([cls, text])
    return out


@lru_cache(maxsize=256)
def _lexer_for(lang: str):
    if lang not in ROUGE_LANGUAGES:
        return False  # Rouge looks names up exactly as written: `Ruby`, `less` are unknown
    if lang.lower() in _OWN_NAMES:
        return _OWN_NAMES[lang.lower()]
    name = _ALIASES.get(lang.lower(), lang.lower())
    if name in _PLAIN:
        return None
    try:
        # stripnl/ensurenl off: Rouge keeps the text exactly as given.
        return get_lexer_by_name(name, stripnl=False, ensurenl=False, stripall=False)
    except ClassNotFound:
        return None  # a language Rouge knows and Pygments not: plain, in Rouge's wrappers


@lru_cache(maxsize=512)
def _css_class(ttype) -> str:
    # Whitespace is plain text for Rouge's lexers in almost every language.
    if ttype in Token.Text.Whitespace or ttype is Token.Text:
        return ""
    while ttype not in STANDARD_TYPES:
        ttype = ttype.parent
    return STANDARD_TYPES[ttype]


def known_language(lang: str | None) -> bool:
    """True if `lang` (or plain text, when empty) can be highlighted."""
    return not lang or _lexer_for(lang) is not False


# Highlighted code by (language, code): a post's excerpt converts the post's code again, and
# `jekyll serve` rebuilds convert the same code on every change. The line-number table and the
# wrappers are added by the callers, so nothing else goes into the key.
_CACHE: OrderedDict = OrderedDict()
_CACHE_ENTRIES = 4096
_CACHE_LOCK = threading.Lock()
_cache_enabled = True
_MISSING = object()


def set_highlight_cache(enabled: bool) -> None:
    """Use the in-process cache of highlighted code or not (the benchmark measures the
    converter without it); what it holds is kept."""
    global _cache_enabled
    _cache_enabled = enabled


def clear_highlight_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def highlight_code(code: str, lang: str | None, *, block: bool = True) -> str | None:
    """Rouge-style highlighted HTML for `code`, or None if `lang` is unknown."""
    if not _cache_enabled:
        return _highlight(code, lang)
    key = (lang, code)
    with _CACHE_LOCK:
        hit = _CACHE.get(key, _MISSING)
        if hit is not _MISSING:
            _CACHE.move_to_end(key)
            return hit
    result = _highlight(code, lang)
    with _CACHE_LOCK:
        _CACHE[key] = result
        if len(_CACHE) > _CACHE_ENTRIES:
            _CACHE.popitem(last=False)
    return result


def _highlight(code: str, lang: str | None) -> str | None:
    lexer = _lexer_for(lang) if lang else None
    if lexer is False:
        return None
    if lexer is None:
        return _escape(code)
    return "".join(_span(cls, text) for cls, text in _tokens(code, lexer))


def _tokens(code: str, lexer) -> list:
    """[class, text] pairs for `code`, neighbours of one class joined."""
    if lexer in _OWN_LEXERS:
        return _join(_OWN_LEXERS[lexer](code))
    return _pygments_tokens(code, lexer)


def _embedded_tokens(lang: str, code: str) -> list | None:
    """Tokens for code inside another language's code (Markdown's fenced blocks, front matter
    and HTML), or None if `lang` is unknown."""
    lexer = _lexer_for(lang)
    if lexer is False:
        return None
    if lexer is None:
        return [("", code)]
    return _tokens(code, lexer)


def _pygments_tokens(code: str, lexer) -> list:
    if not code:
        return []
    dialect = dialect_for(lexer)
    # 1. Pygments tokens, neighbours of one class joined (Rouge's lexers emit them joined too).
    merged: list = []
    for _, ttype, value in lexer.get_tokens_unprocessed(code):
        if not value:
            continue
        cls = _css_class(ttype)
        if merged and merged[-1][0] == cls:
            merged[-1][1] += value
        else:
            merged.append([cls, value])
    # 2. Re-classed as Rouge classes them, then joined again by their new class.
    out: list = []
    for cls, value in merged:
        if not cls:
            pieces = [(dialect.whitespace if dialect.whitespace and value.isspace() else "", value)]
        else:
            pieces = dialect.convert(cls, value)
        for new_cls, text in pieces:
            if dialect.comment_newline and out and out[-1][0] == "c1" and not new_cls:
                if text.startswith("\n") and not out[-1][1].endswith("\n"):
                    out[-1][1] += "\n"
                    text = text[1:]
                    if not text:
                        continue
            if out and out[-1][0] == new_cls:
                out[-1][1] += text
            else:
                out.append([new_cls, text])
    if dialect.post is not None:
        out = _join(dialect.post(out))
    return out


def _span(cls: str, text: str) -> str:
    if not cls:
        return _escape(text)
    return f'<span class="{cls}">{_escape(text)}</span>'
