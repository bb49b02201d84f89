"""SCSS tokenised the way Rouge 3.30 does it (Jekyll themes are customised in SCSS).

Rouge reads SCSS statement by statement: a line that looks like `name: value` is a declaration
(`nl` for known CSS properties, `na` otherwise, then a value), anything else up to `{` is a
selector (`nt` tags, `nc` classes, `nn` ids, `nd` pseudo-classes, `nv` placeholders). In values
`$variables` are `nv`, functions `nf`, numbers `m` (`mi` for `.5em`), colours `mh`, CSS
keywords `nb`, colour names `no`, strings `s2`/`s1`, `#{...}` interpolation `si`. At-rules are
`k` (`@include name` makes the name `nd`, `@mixin name` `nf`). `;`, `{`, `}` end a statement.

`lex_scss(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .css_lexer import COLOURS, KEYWORDS, PROPERTIES, run_states

_ID = r"[\w-]+"


def _c(pattern, flags=0):
    return re.compile(pattern, flags)


def _value_word(text):
    if text in KEYWORDS:
        return "nb"
    if text in COLOURS:
        return "no"
    return "n"


def _attribute(text):
    return "nl" if text in PROPERTIES else "na"


_HAS_INTERP = [(_c(r"#\{"), "si", "interpolation")]
_HAS_STRINGS = [(_c(r'"'), "s2", "dq"), (_c(r"'"), "s1", "sq")]
CONTENT_COMMON = [
    (_c(r"@for\b"), "k", "for"),
    (_c(r"@(?:debug|warn|if|each|while|else|return|media)"), "k", "value"),
    (_c(r"(@mixin)(\s+)(" + _ID + ")"), ("k", "", "nf"), "value"),
    (_c(r"(@function)(\s+)(" + _ID + ")"), ("k", "", "nf"), "value"),
    (_c(r"@extend\b"), "k", "selector"),
    (_c(r"(@include)(\s+)(" + _ID + ")"), ("k", "", "nd"), "value"),
    (_c(r"@" + _ID), "k", "selector"),
    (_c(r"&"), "k", "selector"),
    (_c(r"(\$" + _ID + r")([ \t]*)(:)"), ("nv", "", "p"), "value"),
]
ATTRIBUTE_COMMON = _HAS_INTERP + [(_c(_ID), _attribute, None)]


def common_states(end_section: list) -> dict:
    """The states SCSS and Sass share; `end_section` ends a statement (SCSS: `;`, `{`, `}`;
    Sass: the end of the line)."""
    value = end_section + [
        (_c(r"[ \t]+"), "", None),
        (_c(r"\$" + _ID), "nv", None),
        (_c(r"url\("), "sx", "string_url"),
        (_c(_ID + r"(?=\s*\()"), "nf", None),
        (_c(r"%" + _ID), "nd", None),
        (_c(r"(?:true|false)\b"), "bp", None),
        (_c(r"(?:and|or|not)\b"), "ow", None),
        (_c(r"#[a-z0-9]{1,6}", re.I), "mh", None),
        (_c(r"-?\d+(?:%|[a-z]+)?"), "m", None),
        (_c(r"-?\d*\.\d+(?:%|[a-z]+)?"), "mi", None),
    ] + _HAS_STRINGS + _HAS_INTERP + [
        (_c(r"[~^*!&%<>|+=@:,./?-]+"), "o", None),
        (_c(r"[\[\]()]+"), "p", None),
        (_c(r"/\*"), "cm", "inline_comment"),
        (_c(r"//[^\n]*"), "c1", None),
        (_c(_ID), _value_word, None),
    ]
    selector_piece = _HAS_INTERP + [(_c(r""), None, "#pop")]
    return {
        "value": value,
        "interpolation": [(_c(r"\}"), "si", "#pop")] + value,
        "selector": end_section + _HAS_STRINGS + _HAS_INTERP + [
            (_c(r"[ \t]+"), "", None),
            (_c(r":"), "nd", "pseudo_class"),
            (_c(r"\."), "nc", "class"),
            (_c(r"#"), "nn", "id"),
            (_c(r"%"), "nv", "placeholder"),
            (_c(_ID), "nt", None),
            (_c(r"&"), "k", None),
            (_c(r"[~^*!&\[\]()<>|+=@:;,./?-]"), "o", None),
        ],
        "dq": [(_c(r'"'), "s2", "#pop")] + _HAS_INTERP
        + [(_c(r'(?:\\.|#(?!\{)|[^\n"#])+'), "s2", None)],
        "sq": [(_c(r"'"), "s1", "#pop")] + _HAS_INTERP
        + [(_c(r"(?:\\.|#(?!\{)|[^\n'#])+"), "s1", None)],
        "string_url": [
            (_c(r"\)"), "sx", "#pop"),
            (_c(r"(?:\\.|#(?!\{)|[^\n)#])+"), "sx", None),
        ] + _HAS_INTERP,
        "pseudo_class": [(_c(_ID), "nd", None)] + selector_piece,
        "class": [(_c(_ID), "nc", None)] + selector_piece,
        "id": [(_c(_ID), "nn", None)] + selector_piece,
        "placeholder": [(_c(_ID), "nv", None)] + selector_piece,
        "for": [(_c(r"from|to|through"), "ow", None)] + value,
        "attribute": ATTRIBUTE_COMMON + [(_c(r"([ \t]*)(:)"), ("", "p"), "value")],
        "inline_comment": [
            (_c(r"(?:\\#|#(?=[^\n{])|\*(?=[^\n/])|[^\n#*])+"), "cm", None),
        ] + _HAS_INTERP + [(_c(r"\*/"), "cm", "#pop")],
    }


STATES = {
    "root": [
        (_c(r"\s+"), "", None),
        (_c(r"//.*"), "c1", None),
        (_c(r"/\*.*?\*/", re.S), "cm", None),
        (_c(r"@import\b"), "k", "value"),
    ] + CONTENT_COMMON + [
        (_c(r"(?=[^;{}][;}])"), None, "attribute"),
        (_c(r"(?=[^;{}:\[]+:[^a-z])"), None, "attribute"),
        (_c(r""), None, "selector"),
    ],
    **common_states([(_c(r"\n"), "", None), (_c(r"[;{}]"), "p", "#reset")]),
}


def lex_scss(code: str) -> list:
    return run_states(STATES, code)
