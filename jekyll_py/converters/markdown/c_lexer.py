"""C, C++ and Objective-C tokenised the way Rouge 3.30 does it (Pygments' C lexers differ in
function names, numbers, labels and preprocessor lines).

What Rouge does, in short: at the top level, words followed by `name(...)` and then `{` or `;`
make `name` a function (`nf`, the rest lexed again on its own); a `{` enters a function body
whose names are never functions again (in C++, whose brace rule has no state, never left
again); a name followed by `:` at the start of a statement is a label (`nl`); in C a float needs
an exponent (`1.5` is `mi p mi`); `#...` lines are `cp` with `#include`'s file `cpf`; `#if 0`
blocks are comments; `true`, `false`, `NULL` (and C++'s `nullptr`) are `nb`; C++ names the word
after `class`/`struct` a class (`nc`) and splits `template <...>` out.

Objective-C is C plus Rouge's additions: `@"..."`, `@123`, `@[...]`, `@{...}` literals,
`@interface`/`@class` names (`nc`), `[receiver message:arg]` (`nf` message names) and
`- (type)name:(type)arg` method definitions.

`lex_c(code)`, `lex_cpp(code)` and `lex_objc(code)` return lists of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_C_KEYWORDS = frozenset(
    "auto break case const continue default do else enum extern for goto if register "
    "restricted return sizeof static struct switch typedef union volatile virtual while "
    "_Alignas _Alignof _Atomic _Generic _Imaginary _Noreturn _Static_assert _Thread_local".split()
)
_CPP_KEYWORDS = _C_KEYWORDS | frozenset(
    "asm auto catch char8_t concept consteval constexpr constinit const_cast co_await co_return "
    "co_yield delete dynamic_cast explicit export friend mutable namespace new operator private "
    "protected public reinterpret_cast requires restrict size_of static_cast this throw throws "
    "typeid typename using virtual final override alignas alignof decltype noexcept "
    "static_assert thread_local try".split()
)
_C_TYPES = frozenset(
    "int long float short double char unsigned signed void jmp_buf FILE DIR div_t ldiv_t "
    "mbstate_t sig_atomic_t fpos_t clock_t time_t va_list size_t ssize_t off_t wchar_t ptrdiff_t "
    "wctrans_t wint_t wctype_t _Bool _Complex int8_t int16_t int32_t int64_t uint8_t uint16_t "
    "uint32_t uint64_t int_least8_t int_least16_t int_least32_t int_least64_t uint_least8_t "
    "uint_least16_t uint_least32_t uint_least64_t int_fast8_t int_fast16_t int_fast32_t "
    "int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t uint_fast64_t intptr_t uintptr_t "
    "intmax_t uintmax_t char16_t char32_t".split()
)
_CPP_TYPES = _C_TYPES | {"bool"}
_C_RESERVED = frozenset(
    "__asm __int8 __based __except __int16 __stdcall __cdecl __fastcall __int32 __declspec "
    "__finally __int61 __try __leave inline _inline __inline naked _naked __naked restrict "
    "_restrict __restrict thread _thread __thread typename _typename __typename".split()
)
_CPP_RESERVED = _C_RESERVED | frozenset(
    "__virtual_inheritance __uuidof __super __single_inheritance __multiple_inheritance "
    "__interface __event".split()
)

_ID = r"[a-zA-Z_][a-zA-Z0-9_]*"
# An optional run of whitespace and comments (Ruby's \s is ASCII: so are ours, by re.A).
_WS = r"(?:\s|//.*?\n|/[*].*?[*]/)+"
_DQ = r"\d(?:'?\d)*"  # C++ digits, with optional ' separators


def _c(pattern, flags=0):
    # Ruby's ^ and $ match at every line; its \s, \w and \d are ASCII only.
    return re.compile(pattern, re.M | re.A | flags)


class _Flavour:
    def __init__(self, keywords, types, reserved, builtins=frozenset()):
        self.keywords, self.types, self.reserved = keywords, types, reserved
        self.builtins = builtins

    def name_class(self, text):
        if text in self.keywords:
            return "k"
        if text in self.types:
            return "kt"
        if text in self.reserved:
            return "kr"
        return "nb" if text in self.builtins else "n"


def _states(flavour: _Flavour, cpp: bool, objc: bool = False) -> dict:
    def lex_again(text):  # Rouge's `recurse`: a fresh lexer of the same language
        return lex_objc(text) if objc else lex_cpp(text) if cpp else lex_c(text)

    def function_definition(lexer, m):
        tokens = lex_again(m.group(1)) + [("nf", m.group(2))]
        tokens += lex_again(m.group(3)) + lex_again(m.group(4)) + [("p", m.group(5))]
        if m.group(5) == "{":
            lexer.push("function")
        return tokens

    inline_whitespace = [
        (_c(r"[ \t\r]+"), "", None),
        (_c(r"\\\n"), "", None),
        (_c(r"/(?:\\\n)?[*].*?[*](?:\\\n)?/", re.S), "cm", None),
    ]
    whitespace = [
        (_c(r"\n+"), "", "bol"),
        (_c(r"//(?:\\.|.)*?$"), "c1", "bol"),
        *inline_whitespace,
    ]
    expr_bol = [
        *inline_whitespace,
        (_c(r"#if\s0"), "c", "if_0"),
        (_c(r"#"), "cp", "macro"),
        (_c(r""), "", "#pop"),
    ]
    statements = [
        *whitespace,
        (_c(r'(?:u8|u|U|L)?"'), "s", "string"),
        (_c(r"(?:u8|u|U|L)?'(?:\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", re.I), "sc", None),
        (_c(r"(?:\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", re.I), "mf", None),
        (_c(r"\d+e[+-]?\d+[lu]*", re.I), "mf", None),
        (_c(r"0x[0-9a-f]+[lu]*", re.I), "mh", None),
        (_c(r"0[0-7]+[lu]*", re.I), "mo", None),
        (_c(r"\d+[lu]*", re.I), "mi", None),
        (_c(r"\*/"), "err", None),
        (_c(r"[~!%^&*+=|?:<>/-]"), "o", None),
        (_c(r"[()\[\],.;]"), "p", None),
        (_c(r"case\b"), "k", "case"),
        (_c(r"(?:true|false|NULL)\b"), "nb", None),
        (_c(_ID), flavour.name_class, None),
    ]
    if cpp:
        statements = [
            (_c(r"(?:class|struct)\b"), "k", "classname"),
            (_c(r"template\b"), "k", "template"),
            (_c(rf"{_DQ}(?:\.{_DQ})?(?:y|d|h|min|s|ms|us|ns|i|if|il)\b"), "mx", None),
            (_c(rf"(?:{_DQ}[.](?:{_DQ})?|[.]{_DQ})(?:e[+-]?{_DQ}[lu]*)?", re.I), "mf", None),
            (_c(rf"{_DQ}e[+-]?{_DQ}[lu]*", re.I), "mf", None),
            (_c(r"0x[0-9a-f](?:'?[0-9a-f])*[lu]*", re.I), "mh", None),
            (_c(r"0b[01]+(?:'[01]+)*"), "mb", None),
            (_c(r"0[0-7](?:'?[0-7])*[lu]*", re.I), "mo", None),
            (_c(rf"{_DQ}[lu]*", re.I), "mi", None),
            (_c(r"nullptr\b"), "nb", None),
            (_c(r"(?:u8|u|U|L)?R\"([a-zA-Z0-9_{}\[\]#<>%:;.?*+\-/^&|~!=,\"']{0,16})\(.*?\)\1\"",
                re.S), "s", None),
            (_c(r"::|<=>"), "o", None),
            (_c(r"[{}]"), "p", None),
            *statements,
        ]
    if objc:
        statements = _objc_statements() + statements
    root = [
        (_c(r"\n+"), "", "expr_bol"),
        *whitespace,
        # The look-ahead only skips, quickly, places where no `(` can follow (the rule
        # is tried at every word, and would otherwise backtrack through the whole text).
        (_c(rf"(?=[\w*\s]*\()([\w*\s]+?[\s*])({_ID})(\s*\([^;]*?\))((?:{_WS})?)(\{{|;)",
            re.S),
         None, function_definition),
        (_c(r"\{"), "p", "function"),
        *statements,
    ]
    if cpp:
        root = [(_c(r"(?:__offload|__blockingoffload|__outer)\b"), "kp", None), *root]
    include = [
        (_c(r"(include)(\s*)(<[^>]+>)([^\n]*)"), ("cp", "", "cpf", "c1"), None),
        (_c(r'(include)(\s*)("[^"]+")([^\n]*)'), ("cp", "", "cpf", "c1"), None),
    ]
    states = {
        "root": root,
        "bol": [(_c(_ID + r":(?!:)"), "nl", None), *expr_bol],
        "expr_bol": expr_bol,
        "function": [
            *whitespace,
            *statements,
            (_c(r";"), "p", None),
            (_c(r"\{"), "p", "function"),
            (_c(r"\}"), "p", "#pop"),
        ],
        "case": [(_c(r":(?!:)" if cpp else r":"), "p", "#pop"), *statements],
        "string": [
            (_c(r'"'), "s", "#pop"),
            (_c(r"\\(?:[\\abfnrtv\"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})"), "se", None),
            (_c(r'[^\\"\n]+'), "s", None),
            (_c(r"\\\n"), "s", None),
            (_c(r"\\"), "s", None),
        ],
        "macro": [
            *include,
            (_c(r"[^/\n\\]+"), "cp", None),
            (_c(r"\\.", re.S), "cp", None),
            *inline_whitespace,
            (_c(r"/"), "cp", None),
            (_c(r"\n"), "cp", "#pop"),
        ],
        "if_0": [
            (_c(r"^\s*#if"), "c", "if_0"),
            (_c(r"^\s*#\s*el(?:se|if)"), "c", "#pop"),
            (_c(r"^\s*#\s*endif\b.*?(?<!\\)\n", re.S), "c", "#pop"),
            (_c(r".*?\n"), "c", None),
        ],
    }
    if cpp:
        states["classname"] = [
            (_c(_ID), "nc", "#pop"),
            *whitespace,
            (_c(r"[.]{3}"), "o", None),
            (_c(r","), "p", "#pop"),
            (_c(r""), "", "#pop"),
        ]
        states["template"] = [
            (_c(r"[>;]"), "p", "#pop"),
            (_c(r"typename\b"), "k", "classname"),
            *statements,
        ]
    if objc:
        states.update(_objc_states(statements, whitespace, inline_whitespace, lex_again))
    return states


# ---- Objective-C: C plus literals, messages and method definitions ---------------------------

_OBJC_ID = r"[a-zA-Z$_][a-zA-Z0-9$_]*"
_OBJC_AT_KEYWORDS = frozenset(
    "selector private protected public encode synchronized try throw catch finally end property "
    "synthesize dynamic optional interface implementation import autoreleasepool".split()
)
_OBJC_AT_BUILTINS = frozenset("true false YES NO".split())


def _objc_at_word(text):
    word = text[1:]
    if word in _OBJC_AT_KEYWORDS:
        return "k"
    return "nb" if word in _OBJC_AT_BUILTINS else "err"


def _objc_statements() -> list:
    return [
        (_c(r'@"'), "s", "string"),
        (_c(r"@'(?:\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,2}|\\.|[^\\'\n]')"), "sc", None),
        (_c(r"@(?:\d+[.]\d*|[.]\d+|\d+)e[+-]?\d+l?", re.I), "mf", None),
        (_c(r"@(?:\d+[.]\d*|[.]\d+|\d+f)f?", re.I), "mf", None),
        (_c(r"@0x[0-9a-fA-F]+[lL]?"), "mh", None),
        (_c(r"@0[0-7]+l?", re.I), "mo", None),
        (_c(r"@\d+l?"), "mi", None),
        (_c(r"in\b"), "k", None),
        (_c(r"@(?:interface|implementation)\b"), "k", "objc_classname"),
        (_c(r"@(?:class|protocol)\b"), "k", "forward_classname"),
        (re.compile(r"@[^\W_]+", re.M), _objc_at_word, None),  # Ruby's [[:alnum:]] is Unicode
        (_c(r"[?]"), "p", "ternary"),
        (_c(r"\["), "p", "message"),
        (_c(r"@\["), "p", "array_literal"),
        (_c(r"@\{"), "p", "dictionary_literal"),
    ]


def _objc_states(statements, whitespace, inline_whitespace, lex_again) -> dict:
    def method_start(lexer, m):
        tokens = [("k", m.group(1)), ("", m.group(2))]
        if m.group(3):
            tokens += lex_again(m.group(3))
        lexer.push("method_definition")
        return tokens + [("", m.group(4))]

    def argument_type(lexer, m):
        return lex_again(m.group(1)) + [("nv", m.group(2))]

    ident = _OBJC_ID
    message_shared = [
        (_c(r"\]"), "p", "#pop"),
        (_c(r"\{"), "p", "#pop"),
        (_c(r";"), "err", None),
        *statements,
    ]
    return {
        "root_prefix": [
            (_c(rf"([-+])(\s*)([(].*?[)])?(\s*)(?={ident}:?)", re.I), None, method_start),
        ],
        "ternary": [(_c(r":"), "p", "#pop"), *statements],
        "message": [
            (_c(rf"({ident})(\s*)(:)", re.I), ("nf", "", "p"), "#goto:message_with_args"),
            (_c(rf"({ident})(\s*)(\])", re.I), ("nf", "", "p"), "#pop"),
            *message_shared,
        ],
        "message_with_args": [
            (_c(r"\{"), "p", "function"),
            (_c(rf"({ident})(\s*)(:)", re.I), ("nf", "", "p"), "#pop"),
            *message_shared,
        ],
        "array_literal": [(_c(r"\]"), "p", "#pop"), (_c(r","), "p", None), *statements],
        "dictionary_literal": [(_c(r"\}"), "p", "#pop"), (_c(r","), "p", None), *statements],
        "objc_classname": [
            *whitespace,
            (_c(rf"({ident})(\s*)(:)(\s*)({ident})", re.I), ("nc", "", "p", "", "nc"), "#pop"),
            (_c(rf"({ident})(\s*)([(])(\s*)({ident})(\s*)([)])", re.I),
             ("nc", "", "p", "", "nl", "", "p"), "#pop"),
            (_c(ident, re.I), "nc", "#pop"),
        ],
        "forward_classname": [
            *whitespace,
            (_c(rf"({ident})(\s*)(,)(\s*)", re.I), ("nc", "", "p", ""), "#push"),
            (_c(rf"({ident})(\s*)(;?)", re.I), ("nc", "", "p"), "#pop"),
        ],
        "method_definition": [
            (_c(r","), "p", None),
            (_c(r"[.][.][.]"), "p", None),
            (_c(rf"([(].*?[)])({ident})", re.I), None, argument_type),
            (_c(rf"({ident})(\s*)(:)", re.I), ("nf", "", "p"), None),
            (_c(r";"), "p", "#pop"),
            (_c(r"\{"), "p", "#goto:function"),
            *inline_whitespace,
            (_c(r"//.*?\n"), "c1", None),
            (_c(r"\s+"), "", None),
            (_c(r""), None, "#pop"),
        ],
    }


_C_STATES = _states(_Flavour(_C_KEYWORDS, _C_TYPES, _C_RESERVED), cpp=False)
_CPP_STATES = _states(_Flavour(_CPP_KEYWORDS, _CPP_TYPES, _CPP_RESERVED), cpp=True)
_OBJC_STATES = _states(
    _Flavour(_C_KEYWORDS, _C_TYPES, _C_RESERVED, frozenset({"YES", "NO", "nil"})), cpp=False,
    objc=True,
)
_OBJC_STATES["root"] = _OBJC_STATES.pop("root_prefix") + _OBJC_STATES["root"]


def lex_c(code: str) -> list:
    return RegexLexer(_C_STATES, start=("root", "bol")).lex(code)


def lex_cpp(code: str) -> list:
    return RegexLexer(_CPP_STATES, start=("root", "bol")).lex(code)


def lex_objc(code: str) -> list:
    return RegexLexer(_OBJC_STATES, start=("root", "bol")).lex(code)
