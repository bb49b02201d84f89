"""Python tokenised the way Rouge 3.30 does it (Pygments' Python lexer differs in many places).

What Rouge does, in short: every string is `s` whatever its quotes, with no `%s`/`{}` format
classes (only f-strings have `si` interpolations, lexed as Python inside); escapes are `se`
(plain `s` in raw strings); a string prefix is `sa`; names from its builtin and exception
lists are `nb` even after a `.` (Rouge's "not after a dot" look-behind cannot see before the
match position); `self`, `None`, `True`, `False` are `bp`; `@` is always an operator, so a
decorator is `o` and a name; `from a import b` gives `kn nn kn` and `b` stays a plain name;
`import a, b` makes only `a` a namespace; a comment keeps its newline.

`lex_python(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_KEYWORDS = frozenset(
    "assert break continue del elif else except exec finally for global if lambda pass print "
    "raise return try while yield as with from import async await nonlocal".split()
)
_BUILTINS = frozenset(
    "__import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable chr "
    "classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval execfile exit "
    "file filter float format frozenset getattr globals hasattr hash hex id input int intern "
    "isinstance issubclass iter len list locals long map max memoryview min next object oct open "
    "ord pow property range raw_input reduce reload repr reversed round set setattr slice sorted "
    "staticmethod str sum super tuple type unichr unicode vars xrange zip".split()
)
_PSEUDO = frozenset("self None Ellipsis NotImplemented False True".split())
_EXCEPTIONS = frozenset(
    "ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError "
    "BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError "
    "ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError EnvironmentError "
    "Exception FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit "
    "IOError ImportError ImportWarning IndentationError IndexError InterruptedError "
    "IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError "
    "NameError NotADirectoryError NotImplemented NotImplementedError OSError OverflowError "
    "OverflowWarning PendingDeprecationWarning ProcessLookupError RecursionError ReferenceError "
    "ResourceWarning RuntimeError RuntimeWarning StandardError StopAsyncIteration StopIteration "
    "SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError "
    "UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError "
    "UnicodeWarning UserWarning ValueError VMSError Warning WindowsError ZeroDivisionError".split()
)

# Ruby's [[:alpha:]] and [[:alnum:]] are Unicode classes; its \s, \d and \b are ASCII only.
_ID = r"[^\W\d]\w*"
_DOTTED_ID = r"(?:[^\W\d]|\.)[\w.]*"
_S = r"[ \t\n\r\f\v]"
_DIGITS = r"[0-9](?:_?[0-9])*"
_DECIMAL = rf"(?:(?:{_DIGITS})?\.{_DIGITS}|{_DIGITS}\.)"
_EXPONENT = rf"[eE][+-]?{_DIGITS}"


def _c(pattern, flags=0):
    # Ruby's ^ and $ always match at line boundaries.
    return re.compile(pattern, re.M | flags)


def _name_class(text: str) -> str:
    if text in _KEYWORDS:
        return "k"
    if text in _EXCEPTIONS or text in _BUILTINS:
        return "nb"
    if text in _PSEUDO:
        return "bp"
    return "n"


def _open_string(lexer, m):
    lexer.strings.append((m.group(1).lower(), m.group(2)))
    lexer.push("generic_string")
    return None


def _string_quote(lexer, m):
    if lexer.strings and lexer.strings[-1][1] == m.group(0):
        lexer.strings.pop()
        lexer.pop()
    return [("s", m.group(0))]


def _string_brace(lexer, m):
    if lexer.strings and "f" in lexer.strings[-1][0]:
        lexer.push("generic_interpol")
        return [("si", "{")]
    return [("s", "{")]


def _escape(lexer, m):
    lexer.pop()
    raw = lexer.strings and "r" in lexer.strings[-1][0]
    return [("s" if raw else "se", m.group(0))]


def _interpolated_code(lexer, m):
    return lex_python(m.group(0))


_ROOT = [
    (_c(r"\n+"), "", None),
    (_c(r'^(:)(\s*)([ru]{0,2}""".*?""")', re.S | re.I), ("p", "", "sd"), None),
    (_c(r"[^\S\n]+"), "", None),
    (_c(r"#(?:.*)?\n?"), "c1", None),
    (_c(r"[\[\]{}:(),;.]"), "p", None),
    (_c(r"\\\n"), "", None),
    (_c(r"\\"), "", None),
    (_c(r"(?:in|is|and|or|not)\b"), "ow", None),
    (_c(r"(?:<<|>>|//|\*\*)=?"), "o", None),
    (_c(r"[-~+/*%=<>&^|@]=?|!="), "o", None),
    (_c(rf"(from)((?:\\{_S}|{_S})+)({_DOTTED_ID})((?:\\{_S}|{_S})+)(import)"),
     ("kn", "", "nn", "", "kn"), None),
    (_c(rf"(import)({_S}+)({_DOTTED_ID})"), ("kn", "", "nn"), None),
    (_c(r"(def)((?:\s|\\\s)+)", re.A), ("k", ""), "funcname"),
    (_c(r"(class)((?:\s|\\\s)+)", re.A), ("k", ""), "classname"),
    (_c(r"`.*?`"), "sb", None),
    (_c(r"([rfbu]{0,2})('''|\"\"\"|['\"])", re.I), ("sa", "s"), _open_string),
    (_c(_ID), _name_class, None),
    (_c(rf"{_DECIMAL}(?:{_EXPONENT})?j?", re.I), "mf", None),
    (_c(rf"{_DIGITS}{_EXPONENT}j?", re.I), "mf", None),
    (_c(rf"{_DIGITS}j", re.I), "mf", None),
    (_c(r"0b(?:_?[0-1])+", re.I), "mb", None),
    (_c(r"0o(?:_?[0-7])+", re.I), "mo", None),
    (_c(r"0x(?:_?[a-f0-9])+", re.I), "mh", None),
    (_c(r"\d+L", re.A), "il", None),
    (_c(r"[1-9](?:_?[0-9])*|0(?:_?0)*"), "mi", None),
]

_STATES = {
    "root": _ROOT,
    "funcname": [(_c(_ID), "nf", "#pop")],
    "classname": [(_c(_ID), "nc", "#pop")],
    "generic_string": [
        (_c(r"[^'\"\\{]+"), "s", None),
        (_c(r"\{\{"), "s", None),
        (_c(r"'''|\"\"\"|['\"]"), None, _string_quote),
        (_c(r"(?=\\)"), "s", "generic_escape"),
        (_c(r"\{"), None, _string_brace),
    ],
    "generic_escape": [
        (_c(r"\\(?:[\\abfnrtv\"']|\n|newline|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u[a-fA-F0-9]{4}"
            r"|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})"), None, _escape),
        (_c(r"\\."), "s", "#pop"),
    ],
    "generic_interpol": [
        (_c(r"[^{}!:]+"), None, _interpolated_code),
        (_c(r"![asr]"), "si", None),
        (_c(r":"), "si", None),
        (_c(r"\{"), "si", "generic_interpol"),
        (_c(r"\}"), "si", "#pop"),
    ],
}


def lex_python(code: str) -> list:
    lexer = RegexLexer(_STATES)
    lexer.strings = []  # open strings, innermost last: (lower-cased prefix, closing quote)
    return lexer.lex(code)
