"""Rust tokenised the way Rouge 3.30 does it (Pygments splits paths, attributes, method calls and
number suffixes differently).

What Rouge does, in short: `a::` is a namespace (`nn`) and `::` punctuation; a name followed by
`(` is a function (`nf`), together with a `.` before it (`.insert`); other `.name`s are
properties (`py`); `name!` is a macro (`nd`) whose brackets are counted until they close;
`#[...]` attributes are `nd` word by word; `///` and `//!` comments are `cd` without their
newline; `=>`/`->` are keywords; names from Rouge's builtin list (`Copy`, `str`, `i32`,
`String`...) are `nb`; `1u8` is one integer; a line starting with `# ` is a `cs` comment.

`lex_rust(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_ID = r"[^\W\d]\w*"

_KEYWORDS = (
    "as async await break const continue crate dyn else enum extern false fn for if impl in let "
    "log loop match mod move mut pub ref return self Self static struct super trait true type "
    "unsafe use where while abstract become box do final macro override priv typeof unsized "
    "virtual yield try union"
).split()

_BUILTINS = frozenset((
    "Add BitAnd BitOr BitXor bool c_char c_double c_float char c_int clock_t c_long c_longlong "
    "Cons Const Copy c_schar c_short c_uchar c_uint c_ulong c_ulonglong c_ushort c_void dev_t DIR "
    "dirent Div Either Eq Err f32 f64 Failure FILE float fpos_t i16 i32 i64 i8 isize Index ino_t "
    "int intptr_t Left mode_t Modulo Mul Neg Nil None Num off_t Ok Option Ord Owned pid_t Ptr "
    "ptrdiff_t Right Send Shl Shr size_t Some ssize_t str Sub Success time_t u16 u32 u64 u8 usize "
    "uint uintptr_t Box Vec String Gc Rc Arc u128 i128 Result Sync Pin Unpin Sized Drop drop Fn "
    "FnMut FnOnce Clone PartialEq PartialOrd AsMut AsRef From Into Default DoubleEndedIterator "
    "ExactSizeIterator Extend IntoIterator Iterator"
).split())

_ESCAPE = r"\\(?:[nrt'\"\\0]|x[0-9a-fA-F]{2}|u\{(?:[0-9a-fA-F]_*){1,6}\})"
_SIZE = r"(?:8|16|32|64|128|size)"


def _c(pattern):
    return re.compile(pattern, re.S)


# Rules and actions as regex_lexer.py describes them. Rouge's `\b` before a keyword always
# holds there (its patterns cannot look behind the position), so it is left out.
_WHITESPACE = [(_c(r"\s+"), "", None)]
_COMMENTS = [
    (_c(r"////+[^\n]*"), "c1", None),
    (_c(r"//[/!][^\n]*"), "cd", None),
    (_c(r"//[^\n]*"), "c1", None),
    (_c(r"/\*\*\*?/"), "cm", None),
    (_c(r"/\*\*\*+"), "cm", "plain_block"),
    (_c(r"/\*[*!]"), "cd", "doc_block"),
    (_c(r"/\*"), "cm", "plain_block"),
]
_LITERALS = [
    (_c(r"(?:true|false)\b"), "kc", None),
    (_c(r"b?'(?:" + _ESCAPE + r"|[^\\])'"), "sc", None),
    (_c(r'b?"'), "s", "string"),
    (_c(r'b?r(#*)".*?"\1'), "s", None),
    (_c(r"[0-9][0-9_]*(?:\.[0-9][0-9_]*(?:[eE][-+]?[0-9_]+)?(?:f32|f64)?"
        r"|(?:\.[0-9][0-9_]*)?[eE][-+]?[0-9_]+(?:f32|f64)?"
        r"|(?:\.[0-9][0-9_]*)?(?:[eE][-+]?[0-9_]+)?(?:f32|f64)"
        r"|\.(?![._]|[^\W\d]))"), "mf", None),
    (_c(r"(?:0b[10_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)(?:u" + _SIZE + r"?|i" + _SIZE + r")?"),
     "mi", None),
]


def _macro_open(lexer, m):
    lexer.macro_delims[{"[": "]", "(": ")", "{": "}"}[m.group(0)]] += 1


def _macro_close(lexer, m):
    lexer.macro_delims[m.group(0)] -= 1
    if all(v == 0 for v in lexer.macro_delims.values()):
        lexer.pop()


_ROOT = [
    (_c(r"\n"), "", "bol"),
    *_WHITESPACE,
    *_COMMENTS,
    (_c(r"#!?\["), "nd", "attribute"),
    (_c(r"(?:" + "|".join(_KEYWORDS) + r")\b"), "k", None),
    *_LITERALS,
    (_c(r"[=-]>"), "k", None),
    (_c(r"<->"), "k", None),
    (_c(r"[()\[\]{}|,:;]"), "p", None),
    (_c(r"[*/!@~&+%^<>=?-]|\.{2,3}"), "o", None),
    (_c(r"(?:\.\s*)?" + _ID + r"(?=\s*\()"), "nf", None),
    (_c(r"\.\s*await\b"), "k", None),
    (_c(r"\.\s*" + _ID), "py", None),
    (_c(r"\.\s*\d+"), "na", None),
    (_c(r"(" + _ID + r")(::)"), ("nn", "p"), None),
    (_c(r"macro_rules!"), "nd", "macro_rules"),
    (_c(_ID + r"!"), "nd", "macro"),
    (_c(r"'static\b"), "k", None),
    (_c(r"'" + _ID), "nv", None),
    (_c(_ID), lambda text: "nb" if text in _BUILTINS else "n", None),
]
_MACRO = [
    *_LITERALS,
    (_c(r"[\[{(]"), "p", _macro_open),
    (_c(r"[\]})]"), "p", _macro_close),
    (_c(_ID + r"!"), "nd", None),
    *_ROOT,
    (_c(r"."), "", None),
]


def _block(cls):
    return [(_c(r"\*/"), cls, "#pop"), (_c(r"/\*"), cls, "#push"), (_c(r"[^*/]+|[*/]"), cls, None)]


_STATES = {
    "root": _ROOT,
    "bol": [*_WHITESPACE, *_COMMENTS, (_c(r"#\s[^\n]*"), "cs", None), (_c(r""), "", "#pop")],
    "attribute": [
        *_WHITESPACE, *_COMMENTS, *_LITERALS,
        (_c(r"[(,)=:]"), "nd", None),
        (_c(r"\]"), "nd", "#pop"),
        (_c(_ID), "nd", None),
    ],
    "macro": _MACRO,
    "macro_rules": [(_c(r"\$" + _ID + r"(?::" + _ID + r")?"), "nv", None), (_c(r"\$"), "nv", None),
                    *_MACRO],
    "string": [(_c(r'"'), "s", "#pop"), (_c(_ESCAPE), "se", None), (_c(r'[^"\\]+'), "s", None)],
    "plain_block": _block("cm"),
    "doc_block": _block("cd"),
}


def lex_rust(code: str) -> list:
    lexer = RegexLexer(_STATES, start=("root", "bol"))
    lexer.macro_delims = {"]": 0, ")": 0, "}": 0}  # open macro brackets, by closing bracket
    return lexer.lex(code)
