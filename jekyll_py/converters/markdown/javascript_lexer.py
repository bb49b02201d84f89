"""JavaScript and TypeScript tokenised the way Rouge 3.30 does it.

Rouge's JavaScript lexer tracks where an expression may start (after an operator, `(`, `,`,
`return`...), so that `/` there opens a regex and `{` an object literal, whose `key:` names are
attributes (`na`). After `;` and `{`, a statement may start with a label `name:` (`nl`); in
TypeScript that is also how typed members read (`id: number;`, `name?: string`). Words are
classed by list: keywords `k`, declarations (`const`, `class`, `get`...) `kd`, reserved words
(`interface`, `enum`, TypeScript's `string`/`number`/`any`) `kr`, constants `kc`, builtins
(`Promise`, `Math`...) `nb`, other names `nx`. String quotes are `dl` around `s1`/`s2`.

`lex_javascript(code)` and `lex_typescript(code)` return lists of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_ID = r"(?:[^\W\d]|\$)\w*"

_KEYWORDS = frozenset((
    "as async await break case catch continue debugger default delete do else export finally "
    "from for if import in instanceof new of return super switch this throw try typeof void "
    "while yield"
).split())
_DECLARATIONS = frozenset(
    "var let const with function class extends constructor get set static".split()
)
_RESERVED = frozenset("enum implements interface package private protected public".split())
_CONSTANTS = frozenset("true false null NaN Infinity undefined".split())
_BUILTINS = frozenset((
    "Array Boolean Date Error Function Math netscape Number Object Packages RegExp String sun "
    "decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN parseFloat "
    "parseInt document window navigator self global Promise Set Map WeakSet WeakMap Symbol Proxy "
    "Reflect Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Uint16ClampedArray "
    "Int32Array Uint32Array Uint32ClampedArray Float32Array Float64Array DataView ArrayBuffer"
).split())

# TypeScript adds to each list.
_TS_KEYWORDS = _KEYWORDS | set(
    "is namespace static private protected public implements readonly".split()
)
_TS_DECLARATIONS = _DECLARATIONS | {"type", "abstract"}
_TS_RESERVED = _RESERVED | set(
    "string any void number namespace module declare default interface keyof".split()
)
_TS_BUILTINS = _BUILTINS | {"Pick", "Partial", "Readonly", "Record"}


def _c(pattern, flags=0):
    return re.compile(pattern, flags)


def _word_rule(keywords, declarations, reserved, builtins):
    """A name: keywords and declarations also start an expression."""

    def classify(lexer, m):
        if m.group(0) in keywords or m.group(0) in declarations:
            lexer.push("expr_start")

    def cls(text):
        if text in keywords:
            return "k"
        if text in declarations:
            return "kd"
        if text in reserved:
            return "kr"
        if text in _CONSTANTS:
            return "kc"
        if text in builtins:
            return "nb"
        return "nx"

    return (_c(_ID), cls, classify)


def _states(typescript: bool) -> dict:
    if typescript:
        words = _word_rule(_TS_KEYWORDS, _TS_DECLARATIONS, _TS_RESERVED, _TS_BUILTINS)
    else:
        words = _word_rule(_KEYWORDS, _DECLARATIONS, _RESERVED, _BUILTINS)

    comments_and_whitespace = [
        (_c(r"\s+"), "", None),
        (_c(r"<!--"), "c", None),
        (_c(r"//[^\n]*"), "c1", None),
        (_c(r"/\*"), "cm", "multiline_comment"),
    ]
    expr_start = [
        *comments_and_whitespace,
        (_c(r"/"), "sr", "#goto:regex"),
        (_c(r"\{"), "p", "#goto:object"),
        (_c(r""), "", "#pop"),
    ]
    root = [
        *([(_c(r"\?\."), "p", None), (_c(r"\?\?"), "o", None)] if typescript else []),
        # a shebang line (Rouge's `\A` is wherever the lexer stands); Rouge's rule for an
        # expression after a newline looks behind the position, so it never applies
        (_c(r"\s*#!.*?\n", re.S), "cp", "statement"),
        *comments_and_whitespace,
        (_c(r"\+\+|--|~|\?\?=?|&&|\|\||\\(?=\n)|<<|>>>?|===|!=="), "o", "expr_start"),
        (_c(r"[-<>+*%&|^/!=]=?"), "o", "expr_start"),
        (_c(r"[(\[,]"), "p", "expr_start"),
        (_c(r";"), "p", "statement"),
        (_c(r"[)\].]"), "p", None),
        (_c(r"`"), "s2", "template_string"),
        (_c(r"\?\."), "p", None),
        (_c(r"\?"), "p", ("ternary", "expr_start")),
        (_c(r"(@)(\w+)?"), ("p", "nd"), "expr_start"),
        (_c(r"[{}]"), "p", "statement"),
        words,
        (_c(r"[0-9][0-9]*\.[0-9]+(?:[eE][0-9]+)?[fd]?"), "mf", None),
        (_c(r"0x[0-9a-fA-F]+", re.I), "mh", None),
        (_c(r"0o[0-7][0-7_]*", re.I), "mo", None),
        (_c(r"0b[01][01_]*", re.I), "mb", None),
        (_c(r"[0-9]+"), "mi", None),
        (_c(r'"'), "dl", "dq"),
        (_c(r"'"), "dl", "sq"),
        (_c(r":"), "p", None),
    ]
    statement = [
        *([(_c(r"(" + _ID + r")(\??)(\s*)(:)"), ("nl", "p", "", "p"), "expr_start")]
          if typescript else []),
        (_c(r"case\b"), "k", "#goto:expr_start"),
        (_c(r"(" + _ID + r")(\s*)(:)"), ("nl", "", "p"), None),
        *expr_start,
    ]

    def object_close(lexer, m):
        lexer.stack[-1] = "statement"

    obj = [
        *comments_and_whitespace,
        (_c(r"\{"), "p", "#push"),
        (_c(r"\}"), "p", object_close),
        (_c(r"(" + _ID + r")(\s*)(:)"), ("na", "", "p"), "expr_start"),
        (_c(r":"), "p", None),
        *root,
    ]
    return {
        "root": root,
        "multiline_comment": [
            (_c(r"\*/"), "cm", "#pop"), (_c(r"[^*/]+"), "cm", None), (_c(r"[*/]"), "cm", None),
        ],
        "expr_start": expr_start,
        "regex": [
            (_c(r"/"), "sr", "#goto:regex_end"),
            (_c(r"[^/]\n"), "err", "#pop"),
            (_c(r"\n"), "err", "#pop"),
            (_c(r"\[\^?"), "se", "regex_group"),
            (_c(r"\\.", re.S), "se", None),
            (_c(r"\(\?[:=<!]"), "se", None),
            (_c(r"\{[\d,]+\}"), "se", None),
            (_c(r"[()?]"), "se", None),
            (_c(r"."), "sr", None),
        ],
        "regex_end": [(_c(r"[gimuy]+"), "sr", "#pop"), (_c(r""), "", "#pop")],
        "regex_group": [
            (_c(r"/"), "se", None),
            (_c(r"[^/]\n"), "err", "#pop2"),
            (_c(r"\]"), "se", "#pop"),
            (_c(r"\\.", re.S), "se", None),
            (_c(r"."), "sr", None),
        ],
        "dq": [(_c(r'\\[\\nrt"]?'), "se", None), (_c(r'[^\\"]+'), "s2", None),
               (_c(r'"'), "dl", "#pop")],
        "sq": [(_c(r"\\[\\nrt']?"), "se", None), (_c(r"[^\\']+"), "s1", None),
               (_c(r"'"), "dl", "#pop")],
        "statement": statement,
        "object": obj,
        "ternary": [(_c(r":"), "p", "#goto:expr_start"), *root],
        "template_string": [
            (_c(r"\$\{"), "p", "template_string_expr"),
            (_c(r"`"), "s2", "#pop"),
            (_c(r"\\[$`]"), "se", None),
            (_c(r"[^$`\\]+"), "s2", None),
            (_c(r"[\\$]"), "s2", None),
        ],
        "template_string_expr": [(_c(r"\}"), "p", "#pop"), *root],
    }


_JAVASCRIPT = _states(typescript=False)
_TYPESCRIPT = _states(typescript=True)


def javascript_lexer() -> RegexLexer:
    """A JavaScript lexer whose `lex(text)` may be called again with the text that follows."""
    return RegexLexer(_JAVASCRIPT)


def lex_javascript(code: str) -> list:
    return javascript_lexer().lex(code)


def lex_typescript(code: str) -> list:
    return RegexLexer(_TYPESCRIPT).lex(code)


def _closing_tag(lexer, m):
    lexer.stack[-1] = "element"
    lexer.push("element_name")


def _jsx_states(html_tokens) -> dict:
    """Rouge's JSX: JavaScript where an expression may start with an element. `<`, `>`, `/>`
    and `=` are `p`, a capitalised element name (a component) `nc`, others `nt`, attributes
    `na`, `{ }` around embedded code `si`; the text between tags goes to the HTML lexer
    (`html_tokens(text)`)."""
    states = _states(typescript=False)
    tag = [(_c(r"<"), "p", ("tag_opening", "element", "element_name"))]
    interpolation = (_c(r"\{"), "si", ("interpol", "expr_start"))
    whitespace = states["expr_start"][:4]  # Rouge's comments_and_whitespace
    # Rouge prepends to expr_start, and the states that mix it in (statement) see that too
    old_start = states["expr_start"]
    statement = states["statement"]
    assert statement[-len(old_start):] == old_start
    states["statement"] = statement[: -len(old_start)] + tag + old_start
    states["expr_start"] = tag + old_start
    states["tag"] = tag
    states["tag_opening"] = [
        (_c(r"</"), "p", _closing_tag),
        *tag,
        interpolation,
        (_c(r"[^<{]+"), None, lambda lexer, m: html_tokens(m.group(0))),
    ]
    states["element"] = [
        *whitespace,
        (_c(r"/>"), "p", "#pop2"),
        (_c(r">"), "p", "#pop"),
        interpolation,
        (_c(r"\w[\w-]*"), "na", None),
        (_c(r"="), "p", None),
        (_c(r"([\"']).*?(\1)"), "s", None),
    ]
    states["element_name"] = [
        (_c(r"[A-Z]\w*"), "nc", None),
        (_c(r"\w+"), "nt", None),
        (_c(r"\."), "p", None),
        (_c(r""), "", "#pop"),
    ]
    states["interpol"] = [
        (_c(r"\}"), "si", "#pop"),
        (_c(r"\{"), "p", ("interpol_inner", "statement")),
        *states["root"],
    ]
    states["interpol_inner"] = [(_c(r"\}"), "p", "#goto:statement"), *states["root"]]
    return states


def lex_jsx(code: str, html_tokens) -> list:
    """JSX; `html_tokens(text)` lexes the text between tags as HTML."""
    return RegexLexer(_jsx_states(html_tokens), start=("root", "expr_start")).lex(code)
