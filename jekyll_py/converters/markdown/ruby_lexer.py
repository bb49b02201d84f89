"""Ruby tokenised the way Rouge 3.30 does it.

Rouge's Ruby lexer keeps a state machine that tracks whether an expression has just ended:
after a name or a constant (state `method_call`) a `/` or `%` is division or modulo, unless it
follows a space and is itself followed by a non-space (`puts /x/` is a regex); at the start of an
expression (`expr_start`: after an operator, a keyword, a comma, a new line) a `/` opens a regex,
`?x` is a character literal and `%(...)` / `%w[...]` a percent literal. Heredocs (`<<EOS`) are
read after the end of the line that names them, and `__END__` makes the rest of the text `cp`.

`lex_ruby(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_KEYWORDS = (
    r"BEGIN END alias begin break case defined\? do else elsif end ensure for if in next redo "
    r"rescue raise retry return super then undef unless until when while yield"
).split()
_KEYWORDS_PSEUDO = (
    "loop include extend raise alias_method attr catch throw private module_function public "
    "protected true false nil __FILE__ __LINE__"
).split()
_BUILTINS_G = (
    r"attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload "
    r"binding callcc caller catch chomp chop class_eval class_variables clone const_defined\? "
    r"const_get const_missing const_set constants display dup eval exec exit extend fail fork "
    r"format freeze getc gets global_variables gsub hash id included_modules inspect "
    r"instance_eval instance_method instance_methods instance_variable_get "
    r"instance_variable_set instance_variables lambda load local_variables loop method "
    r"method_missing methods module_eval name object_id open p print printf "
    r"private_class_method private_instance_methods private_methods proc "
    r"protected_instance_methods protected_methods public_class_method public_instance_methods "
    r"public_methods putc puts raise rand readline readlines require require_relative scan "
    r"select self send set_trace_func singleton_methods sleep split sprintf srand sub syscall "
    r"system taint test throw to_a to_s trace_var trap untaint untrace_var warn"
).split()
_BUILTINS_Q = (
    "autoload block_given const_defined eql equal frozen include instance_of is_a iterator "
    "kind_of method_defined nil private_method_defined protected_method_defined "
    "public_method_defined respond_to tainted"
).split()
_BUILTINS_B = "chomp chop exit gsub sub".split()

_CLOSING = {"{": "}", "[": "]", "(": ")", "<": ">"}


def _c(pattern, flags=0):
    # Ruby's `^`/`$` are line anchors and its \w, \s and \d are ASCII only, but its \b sees
    # Unicode letters as word characters (`hash` in `hash에` is not a whole word). Rouge matches
    # at the current position as if the text began there, so Rouge's look-behinds (`(?<!\.)`)
    # and a leading `\b` always hold: they are left out of the patterns below.
    return re.compile(pattern.replace(r"\b", r"(?u:\b)"), re.M | re.ASCII | flags)


def _alternatives(words):
    return "(?:" + "|".join(words) + ")"


def _sigil_state(lexer, kind, open_char, token):
    """The state for the body of a `%` literal opened with `open_char` (created on first use)."""
    close_char = _CLOSING.get(open_char, open_char)
    interpolates = kind in ("r", "Q", "W", "x", "I")
    name = f"sigil {open_char} {token} {interpolates}"
    if name in lexer.states:
        return name
    delims = "" if open_char == close_char == "#" else re.escape(open_char + close_char)
    rules = [(_c(rf"\\[#{delims}\\]"), "se", None)]
    if open_char != close_char:
        rules.append((_c(re.escape(open_char)), token, "#push"))
    rules.append((_c(re.escape(close_char)), token, "#pop"))
    if interpolates:
        rules += _STRING_INTP_ESCAPED + [(_c("#"), token, None)]
    else:
        rules.append((_c(r"[\\#]"), token, None))
    rules.append((_c(rf"[^#{delims}\\]+"), token, None))
    lexer.states[name] = rules
    return name


def _sigil(lexer, m):
    kind, open_char = m.group(1) or "", m.group(2)
    token = "sx"
    if kind == "r":
        token = "sr"
        lexer.push("regex_flags")
    lexer.push(_sigil_state(lexer, kind, open_char, token))
    return [(token, m.group(0))]


def _heredoc(lexer, m):
    """`<<NAME`, `<<~'NAME'`, `<<-""`: its body starts on the next line."""
    opener, quote = m.group(1), m.group(2) or ""
    name = m.group(3) if m.lastindex >= 4 else ""
    lexer.heredocs.append((opener in ("<<-", "<<~"), name))
    if "heredoc_queue" not in lexer.stack:
        lexer.push("heredoc_queue")
    return [("o", opener), ("no", quote + name + quote)]


def _heredoc_line(lexer, m):
    """A line inside a heredoc: is it the terminator of the first heredoc waiting?"""
    tolerant, name = lexer.heredocs[0]
    text = m.group(0)
    found = (text.strip() if tolerant else text.rstrip(" \t\r\n\f\v\0")) == name
    if found:
        lexer.heredocs.pop(0)
        if not lexer.heredocs:
            lexer.pop()
    lexer.pop()
    return [("no" if found else "sh", text)]


def _ternary_colon(lexer, m):
    lexer.stack[-1] = "expr_start"
    return None


_STRING_INTP = [
    (_c(r"#\{"), "si", "in_interp"),
    (_c(r"#(?:@@?|\$)[a-z_]\w*", re.I), "si", None),
]
_STRING_INTP_ESCAPED = _STRING_INTP + [
    (_c(r"\\(?:[\\abefnrstv#\"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"), "se", None),
    (_c(r"\\."), "se", None),
]

_SYMBOLS = [
    (_c(r":@{0,2}[a-z_]\w*[!?]?", re.I), "ss", None),
    (_c(r":(?:\*\*|[-+]@|[/%&|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)"), "ss", None),
    (_c(r":'(?:\\\\|\\'|[^'])*'"), "ss", None),
    (_c(r':"'), "ss", "simple_sym"),
]
_SIGIL_STRINGS = [(_c(r"%([rqswQWxiI])?([^\w\s])"), None, _sigil)]
_STRINGS = _SYMBOLS + [
    (_c(r"[a-z_]\w*?[?!]?:\s+"), "ss", "expr_start"),
    (_c(r"'(?:\\\\|\\'|[^'])*'"), "s1", None),
    (_c(r'"'), "s2", "simple_string"),
    (_c(r"`"), "sb", "simple_backtick"),
]
_INLINE_WHITESPACE = [(_c(r"[ \t\r]+"), "", None)]
_WHITESPACE = _INLINE_WHITESPACE + [
    (_c(r"\n\s*"), "", "expr_start"),
    (_c(r"#.*$"), "c1", None),
    (_c(r"=begin\b.*?\n=end\b", re.S), "cm", None),
]
_HAS_HEREDOCS = [
    (_c(r"(<<[-~]?)([\"`']?)([a-zA-Z_]\w*)(\2)"), None, _heredoc),
    (_c(r"(<<[-~]?)([\"'])\2"), None, _heredoc),
]
_DECIMAL = r"\d+(?:_\d+)*"
_EXP = r"[eE][+-]?\d+"

_ROOT = _WHITESPACE + [
    (_c(r"__END__"), "cp", "end_part"),
    (_c(r"0_?[0-7]+(?:_[0-7]+)*"), "mo", None),
    (_c(r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*"), "mh", None),
    (_c(r"0b[01]+(?:_[01]+)*"), "mb", None),
    (_c(rf"{_DECIMAL}(?:\.{_DECIMAL}(?:{_EXP})?|{_EXP})"), "mf", None),
    (_c(_DECIMAL), "mi", None),
    (_c(r"@@[a-z_]\w*", re.I), "vc", None),
    (_c(r"@[a-z_]\w*", re.I), "vi", None),
    (_c(r"\$\w+"), "vg", None),
    (_c(r"\$[!@&`'+~=/\\,;.<>_*$?:\"]"), "vg", None),
    (_c(r"\$-[0adFiIlpvw]"), "vg", None),
    (_c(r"::"), "o", None),
] + _STRINGS + [
    (_c(_alternatives(_KEYWORDS) + r"(?=\W|$)"), "k", "expr_start"),
    (_c(_alternatives(_KEYWORDS_PSEUDO) + r"\b"), "kp", "expr_start"),
    (_c(r"(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(?:::[a-zA-Z_][a-zA-Z0-9_]*)*)"),
     ("k", "", "nn"), None),
    (_c(r"(def\b)(\s*)"), ("k", ""), "funcname"),
    (_c(r"(class\b)(\s*)"), ("k", ""), "classname"),
    (_c(_alternatives(_BUILTINS_Q) + r"[?]"), "nb", "expr_start"),
    (_c(_alternatives(_BUILTINS_B) + r"!"), "nb", "expr_start"),
    (_c(_alternatives(_BUILTINS_G) + r"\b"), "nb", "method_call"),
] + _HAS_HEREDOCS + [
    (_c(r"\.{2,3}"), "o", "expr_start"),
    (_c(r"[A-Z][a-zA-Z0-9_]*"), "no", "method_call"),
    (_c(r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-/\[<>=])"), ("p", "", "nf"), "method_call"),
    (_c(r"[a-zA-Z_]\w*[?!]"), "n", "expr_start"),
    (_c(r"[a-zA-Z_]\w*"), "n", "method_call"),
    (_c(r"\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\."), "o", "expr_start"),
    (_c(r"[-+/*%=<>&!^|~]=?"), "o", "expr_start"),
    (_c(r"[?]"), "p", ("ternary", "expr_start")),
    (_c(r"[\[({,:\\;/]"), "p", "expr_start"),
    (_c(r"[\])}]"), "p", None),
]


def _simple(token, end):
    return _STRING_INTP_ESCAPED + [
        (_c(rf"[^\\{end}#]+"), token, None),
        (_c(r"[\\#]"), token, None),
        (_c(end), token, "#pop"),
    ]


_STATES = {
    "root": _ROOT,
    "simple_string": _simple("s2", '"'),
    "simple_sym": _simple("ss", '"'),
    "simple_backtick": _simple("sb", "`"),
    "regex_flags": [(_c(r"[mixounse]*"), "sr", "#pop")],
    "heredoc_queue": [(_c(r"(?=\n)"), None, "#goto:resolve_heredocs")] + _ROOT,
    "resolve_heredocs": _STRING_INTP_ESCAPED + [
        (_c(r"\n"), "sh", "test_heredoc"),
        (_c(r"[#\\\n]"), "sh", None),
        (_c(r"[^#\\\n]+"), "sh", None),
    ],
    "test_heredoc": [
        (_c(r"[^#\\\n]*$"), None, _heredoc_line),
        (_c(r""), None, "#pop"),
    ],
    "funcname": [
        (_c(r"\s+"), "", None),
        (_c(r"\("), "p", "defexpr"),
        (_c(r"(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&|^`~]|\[\]=?"
            r"|<<?|>>?|<=>?|>=|===?)"), ("nc", "o", "nf"), "#pop"),
        (_c(r""), None, "#pop"),
    ],
    "classname": [
        (_c(r"\s+"), "", None),
        (_c(r"\w+(?:::\w+)+"), "nc", None),
        (_c(r"\("), "p", ("defexpr", "expr_start")),
        (_c(r"<<"), "o", "#goto:expr_start"),
        (_c(r"[A-Z_]\w*"), "nc", "#pop"),
        (_c(r""), None, "#pop"),
    ],
    "ternary": [
        (_c(r"(:)(\s+)"), ("p", ""), _ternary_colon),
        (_c(r":(?![^#\n]*?[:\\])"), "p", "#goto:expr_start"),
    ] + _ROOT,
    "defexpr": [
        (_c(r"(\))(\.|::)?"), ("p", "o"), "#pop"),
        (_c(r"\("), "p", ("defexpr", "expr_start")),
    ] + _ROOT,
    "in_interp": [(_c(r"\}"), "si", "#pop")] + _ROOT,
    "method_call": [
        (_c(r"/|%"), "o", "#goto:expr_start"),
        (_c(r"(?=\n)"), None, "#pop"),
        (_c(r""), None, "#goto:method_call_spaced"),
    ],
    "method_call_spaced": _WHITESPACE + [
        (_c(r"[%/]="), "o", "#goto:expr_start"),
        (_c(r"/(?=\S|\s*/)"), "sr", "#goto:slash_regex"),
    ] + _SIGIL_STRINGS + [
        (_c(r"(?=\s*/)"), None, "#pop"),
        (_c(r"\s+"), "", "#goto:expr_start"),
        (_c(r""), None, "#pop"),
    ],
    "expr_start": _INLINE_WHITESPACE + [
        (_c(r"/"), "sr", "#goto:slash_regex"),
        # a character literal: ?a, ?\n, ?\C-a (not ?a followed by a word character)
        (_c(r"[?](?:\\[MC]-)*(?:\\(?:[\\abefnrstv#\"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)(?!\w)"),
         "sc", "#pop"),
        (_c(r"(\s*)(%[rqswQWxiI]? \S* )"), ("", "sx"), "#pop"),
    ] + _SIGIL_STRINGS + [
        (_c(r""), None, "#pop"),
    ],
    "slash_regex": _STRING_INTP + [
        (_c(r"\\\\"), "sr", None),
        (_c(r"\\/"), "sr", None),
        (_c(r"[\\#]"), "sr", None),
        (_c(r"[^\\/#]+"), "sr", None),
        (_c(r"/"), "sr", "#goto:regex_flags"),
    ],
    "end_part": [(_c(r".+", re.S), "cp", "#pop")],
}


def lex_ruby(code: str) -> list:
    lexer = RegexLexer(dict(_STATES), start=("root", "expr_start"))
    lexer.heredocs = []  # heredocs named on the current line, to read after it: (tolerant, name)
    return lexer.lex(code)
