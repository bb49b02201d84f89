"""Swift tokenised the way Rouge 3.30 does it (Pygments' Swift lexer differs in declarations,
types and labels).

What Rouge does, in short: declaration words (`func`, `let`, `var`, `class`, `import`...) and
`@attributes` are `kd` except `let`/`var` before a name, which are `k` with the name `nv`;
other keywords `k`; capitalised names are types (`kt`), a name before `(` a function (`nf`,
`kt` if capitalised), `name:` a label-like `nv`; operators `o`, brackets and `:;,?` `p`;
strings `s` with `se` escapes and `\\( )` interpolation; a line starting with `#` is `cp`.

`lex_swift(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_KEYWORDS = frozenset(
    "await break case continue default do else fallthrough if in for return switch where while "
    "try catch throw guard defer repeat as dynamicType is new super self Self Type __COLUMN__ "
    "__FILE__ __FUNCTION__ __LINE__ associativity async didSet get infix inout isolated "
    "mutating none nonmutating operator override postfix precedence prefix set unowned weak "
    "willSet throws rethrows precedencegroup #available #colorLiteral #column #else #elseif "
    "#endif #error #file #fileLiteral #function #if #imageLiteral #line #selector "
    "#sourceLocation #warning".split()
)
_DECLARATIONS = frozenset(
    "actor class deinit enum convenience extension final func import init internal lazy let "
    "nonisolated optional private protocol public required static struct subscript typealias "
    "var dynamic indirect associatedtype open fileprivate some".split()
)
_CONSTANTS = frozenset("true false nil".split())

# Rouge's identifiers use Unicode classes: a letter or `_`, then letters, digits, `_`.
_ID = r"[^\W\d]\w*"


def _c(pattern, flags=0):
    # Ruby's ^ and $ match at lines. A leading \b of Rouge's always holds at the match
    # position (its patterns cannot look behind), so ours leave it out.
    return re.compile(pattern, re.M | flags)


def _name_class(text: str) -> str:
    if text in _KEYWORDS:
        return "k"
    if text in _DECLARATIONS:
        return "kd"
    if text in _CONSTANTS:
        return "kc"
    return "kt" if text[:1].isupper() else "n"


def _access(lexer, m):
    if m.group(3) == "set":
        return [("kd", m.group(0))]
    return [("kd", m.group(1)), ("kd", m.group(2)), ("err", m.group(3)), ("kd", m.group(4))]


def _unowned(lexer, m):
    if m.group(2) in ("safe", "unsafe"):
        return [("kd", m.group(0))]
    return [("kd", m.group(1)), ("err", m.group(2)), ("kd", m.group(3))]


_HAS_COMMENTS = [(_c(r"/[*]"), "cm", "nested_comment")]
_INLINE_WHITESPACE = [(_c(r"\s+"), "", None), *_HAS_COMMENTS]
_WHITESPACE = [
    (_c(r"\n+"), "", "bol"),
    (_c(r"//.*?$"), "c1", "bol"),
    *_INLINE_WHITESPACE,
]
_ROOT = [
    *_WHITESPACE,
    (_c(r"\$(?:(?:[1-9]\d*)?\d)"), "nv", None),
    (_c(r"[()\[\]{}:;,?\\]"), "p", None),
    (_c(r"[-/=+*%<>!&|^.~]+"), "o", None),
    (_c(r'@?"'), "s", "dq"),
    (_c(r"'(?:\\.|.)'"), "sc", None),
    (_c(r"(?:\d+(?:_\d+)*\*|(?:\d+(?:_\d+)*)*\.\d+(?:_\d)*)(?:e[+-]?\d+(?:_\d)*)?", re.I), "mf",
     None),
    (_c(r"\d+e[+-]?[0-9]+", re.I), "mf", None),
    (_c(r"0o?[0-7]+(?:_[0-7]+)*"), "mo", None),
    (_c(r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*(?:(?:\.[0-9A-F]+(?:_[0-9A-F]+)*)?p[+-]?\d+)?"), "mh",
     None),
    (_c(r"0b[01]+(?:_[01]+)*"), "mb", None),
    (_c(r"\d+(?:_\d+)*"), "mi", None),
    (_c("@" + _ID), "kd", None),
    (_c(r"(private|internal)(\([ ]*)(\w+)([ ]*\))"), None, _access),
    (_c(r"(unowned\([ ]*)(\w+)([ ]*\))"), None, _unowned),
    (_c(r"#available\([^)]+\)"), "kd", None),
    (_c(r"(#(?:selector|keyPath)\()([^)]+?(?:[(].*?[)])?)(\))"), ("kd", "nf", "kd"), None),
    (_c(r"#(?:line|file|column|function|dsohandle)"), "kd", None),
    (_c(rf"(let|var)\b(\s*)({_ID})"), ("k", "", "nv"), None),
    (_c(r"(let|var)\b(\s*)([(])"), ("k", "", "p"), "tuple"),
    (_c(rf"(?!(?:if|while|for|private|internal|unowned|switch|case)\b){_ID}(?=[?!]?\s*[(])"),
     lambda text: "kt" if text[:1].isupper() else "nf", None),
    (_c(r"as[?!]?(?=\s)"), "k", None),
    (_c(r"try[!]?(?=\s)"), "k", None),
    (_c(rf"(#?(?!default)(?![A-Z]){_ID})(\s*)(:)"), ("nv", "", "p"), None),
    (_c(_ID), _name_class, None),
    (_c(rf"(`)({_ID})(`)"), ("p", "nv", "p"), None),
]

_STATES = {
    "root": _ROOT,
    "bol": [(_c(r"#.*"), "cp", None), *_INLINE_WHITESPACE, (_c(r""), None, "#pop")],
    "nested_comment": [
        *_HAS_COMMENTS,
        (_c(r"[*]/"), "cm", "#pop"),
        (_c(r"[^*/]+"), "cm", None),
        (_c(r"."), "cm", None),
    ],
    "tuple": [
        (_c(_ID), "nv", None),
        (_c(rf"(`)({_ID})(`)"), ("p", "nv", "p"), None),
        (_c(r","), "p", None),
        (_c(r"[(]"), "p", "#push"),
        (_c(r"[)]"), "p", "#pop"),
        *_INLINE_WHITESPACE,
    ],
    "dq": [
        (_c(r"\\[\\0tnr'\"]"), "se", None),
        (_c(r"\\[(]"), "se", "interp"),
        (_c(r"\\u\{[0-9a-fA-F]{1,8}\}"), "se", None),
        (_c(r'[^\\"]+'), "s", None),
        (_c(r'"""'), "s", "#pop"),
        (_c(r'"'), "s", "#pop"),
    ],
    "interp": [(_c(r"[(]"), "p", "interp_inner"), (_c(r"[)]"), "se", "#pop"), *_ROOT],
    "interp_inner": [(_c(r"[(]"), "p", "#push"), (_c(r"[)]"), "p", "#pop"), *_ROOT],
}


def lex_swift(code: str) -> list:
    return RegexLexer(_STATES, start=("root", "bol")).lex(code)
