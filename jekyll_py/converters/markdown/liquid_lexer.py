"""Liquid templates tokenised the way Rouge 3.30 does it (Pygments has no comparable lexer).

Text outside tags is plain; `{%`/`%}`, `{{`/`}}`, `|`, `.` are `p`; whitespace inside tags is
`w`. Control keywords (`if`, `elsif`, `unless`, `case`, `when`, `else`, `endif`...) are `kr`,
other tag names (`for`, `assign`, `include`, `endfor`...) `nt`; variables `nv`, filters `nf`,
named parameters `na`, strings `s1`/`s2`, numbers `mi`/`mf`, `true`/`false`/`nil` `kc`,
`and`/`or`/`contains` `ow`; a `comment` block's text is `c`, a `raw` block's text plain.

`lex_liquid(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re


def _c(pattern, flags=0):
    return re.compile(pattern, flags)


def _quoted_class(default):
    def pick(text):
        if re.fullmatch(r"'[^']*'", text):
            return "s1"
        if re.fullmatch(r'"[^"]*"', text):
            return "s2"
        return default

    return pick


# (pattern, class | tuple of group classes (str or fn(text)), action)
# actions: None, a state name to push, "#pop", "#reset" (back to the root state)
_WHITESPACE = [(_c(r"[ \t]+"), "w", None)]
_KEYWORD = [(_c(r"(?:false|true|nil)\b"), "kc", None)]
_STRING = [(_c(r"'[^']*'"), "s1", None), (_c(r'"[^"]*"'), "s2", None)]
_NUMBER = [(_c(r"-"), "o", None), (_c(r"\d+\.\d+"), "mf", None), (_c(r"\d+"), "mi", None)]
_VARIABLE = [
    (_c(r"(?:empty|blank|forloop\.[^\s%}|:]+)\b"), "nb", None),
    (_c(r"\.(?=\w)|\[|\]"), "p", None),
    (_c(r"(?:first|last|size)\b"), "nf", None),
    (_c(r"[a-zA-Z_][\w-]*\??"), "nv", None),
]
_GENERIC = _WHITESPACE + _KEYWORD + _STRING + _NUMBER + _VARIABLE
_END_OF_TAG = [(_c(r"-?\}\}"), "p", "#reset")]
_END_OF_BLOCK = [(_c(r"-?%\}"), "p", "#reset")]
_PARAM = _WHITESPACE + _KEYWORD + _STRING + _NUMBER + [
    (_c(r"([^\s=:]+)(\s*)(=|:)"), ("na", "w", "o"), None),
    (_c(r"[,:]"), "p", None),
]
_DEFAULT_PARAM = _PARAM + [(_c(r"\S+"), "", None)]
_VARIABLE_PARAM = _PARAM + _VARIABLE + [(_c(r"\S+"), "", None)]
_FILTER = (_c(r"(\|)(\s*)([a-zA-Z_][^\s}|:]*)"), ("p", "w", "nf"), "filters")

STATES = {
    "root": [
        (_c(r"[^{]+"), "", None),
        (_c(r"(\{%-?)(\s*)"), ("p", "w"), "tag_or_block"),
        (_c(r"(\{\{-?)(\s*)"), ("p", "w"), "output"),
        (_c(r"\{"), "", None),
    ],
    "tag_or_block": [
        (_c(r"(?:if|elsif|unless|case)\b"), "kr", "condition"),
        (_c(r"when\b"), "kr", "when"),
        (_c(r"(else)(\s*)(-?%\})"), ("kr", "w", "p"), "#pop"),
        (_c(r"(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})"),
         ("nt", "w", "nv", "w", "p"), "#pop"),
        (_c(r"(comment)(\s*)(-?%\})"), ("nt", "w", "p"), "comment"),
        (_c(r"(raw)(\s*)(-?%\})"), ("nt", "w", "p"), "raw"),
        (_c(r"(end(?:if|unless|case))(\s*)(-?%\})"), ("kr", "w", "p"), "#pop"),
        (_c(r"(end(?:[^\s%]+))(\s*)(-?%\})"), ("nt", "w", "p"), "#pop"),
        (_c(r"(?:assign|echo)\b"), "nt", "assign"),
        (_c(r"(?:include|render)\b"), "nt", "include"),
        (_c(r"(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)"),
         ("nt", "w", _quoted_class("na"), "w", "p", "w"), "variable_tag_markup"),
        (_c(r"(for|tablerow)(\s+)([\w-]+)(\s+)(in)(\s+)"
            r"((?:[^\s%,|'\"]|(?:\"[^\"]*\"|'[^']*'))+)(\s*)"),
         ("nt", "w", "nv", "w", "nt", "w", _quoted_class("nv"), "w"), "tag_markup"),
        (_c(r"([^\s%]+)(\s*)"), ("nt", "w"), "tag_markup"),
    ],
    "output": [_FILTER] + _END_OF_TAG + _GENERIC,
    "filters": [(_FILTER[0], _FILTER[1], None)] + _END_OF_TAG + _END_OF_BLOCK + _VARIABLE_PARAM,
    "condition": [
        (_c(r"[=!]=|[<>]=?"), "o", None),
        (_c(r"(?:and|or|contains)\b"), "ow", None),
    ] + _END_OF_BLOCK + _GENERIC,
    "when": _END_OF_BLOCK + _GENERIC,
    "tag_markup": [(_c(r"reversed\b"), "na", None)] + _END_OF_BLOCK + _DEFAULT_PARAM,
    "variable_tag_markup": _END_OF_BLOCK + _VARIABLE_PARAM,
    "comment": [
        (_c(r"[^{]+"), "c", None),
        (_c(r"(\{%-?)(\s*)(endcomment)(\s*)(-?%\})"), ("p", "w", "nt", "w", "p"), "#reset"),
        (_c(r"\{"), "c", None),
    ],
    "raw": [
        (_c(r"[^{]+"), "", None),
        (_c(r"(\{%-?)(\s*)(endraw)(\s*)(-?%\})"), ("p", "w", "nt", "w", "p"), "#reset"),
        (_c(r"\{"), "", None),
    ],
    "assign": [(_c(r"="), "o", None), _FILTER] + _END_OF_BLOCK + _GENERIC,
    "include": [
        (_c(r"(\{\{-?)(\s*)"), ("p", "w"), "output_embed"),
        (_c(r"(?:with|for)\b"), "nt", None),
        (_c(r"[/\w-]+(?:\.[\w-]+)+\b"), "", None),
    ] + _END_OF_BLOCK + _VARIABLE_PARAM,
    "output_embed": [
        (_FILTER[0], _FILTER[1], None),
        (_c(r"-?\}\}"), "p", "#pop"),
    ] + _VARIABLE_PARAM,
}


def lex_liquid(code: str) -> list:
    out: list = []
    stack = ["root"]
    pos = 0
    n = len(code)
    while pos < n:
        for pattern, cls, action in STATES[stack[-1]]:
            m = pattern.match(code, pos)
            if not m or m.end() == pos:
                continue
            if isinstance(cls, tuple):
                for group, group_cls in enumerate(cls, 1):
                    text = m.group(group)
                    if text:
                        out.append((group_cls(text) if callable(group_cls) else group_cls, text))
            else:
                out.append((cls, m.group(0)))
            if action == "#reset":
                stack = ["root"]
            elif action == "#pop":
                if len(stack) > 1:
                    stack.pop()
            elif action is not None:
                stack.append(action)
            pos = m.end()
            break
        else:
            out.append(("err", code[pos]))
            pos += 1
    return out
