"""Pygments tokens re-classed the way Rouge 3.30 classes the same text, per language.

Rouge and Pygments share the short class names (`k`, `s2`, `nf`...), but their lexers give
many constructs different token types: JSON keys are `nl`, YAML keys `na`, and so on. Each `Dialect` below says, for one Pygments
lexer, which class becomes which, which words get a class of their own, and how a token is cut
into several. (Languages lexed by our own lexers, `*_lexer.py`, have no dialect here.)

Learnt by reading Rouge's lexers and comparing outputs on real snippets; the dialects left here
cover YAML, XML and JSON-with-comments. Anything not listed keeps the Pygments class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pygments.lexers.data import YamlLexer


@dataclass(frozen=True)
class Dialect:
    classes: dict = field(default_factory=dict)  # Pygments class -> Rouge class
    words: dict = field(default_factory=dict)  # token text -> Rouge class (for word tokens)
    word_classes: frozenset = frozenset()  # the Pygments classes `words` applies to
    whitespace: str = ""  # Rouge's class for whitespace (JSON, console: `w`)
    comment_newline: bool | None = None  # True: `c1` ends with its newline; False: it does not
    split: object = None  # fn(cls, text) -> [(cls, text)] after re-classing
    post: object = None  # fn(tokens) -> tokens: fixes that need a token's neighbours

    def convert(self, cls: str, text: str):
        if self.comment_newline is not None and cls in ("c1", "c", "ch", "cp"):
            if not self.comment_newline and text.endswith("\n") and cls == "c1":
                return [(self._map(cls, text[:-1]), text[:-1]), ("", "\n")]
        new = self._map(cls, text)
        if self.split is not None:
            return self.split(new, text)
        return [(new, text)]

    def _map(self, cls, text):
        if cls in self.word_classes and text in self.words:
            return self.words[text]
        return self.classes.get(cls, cls)


# ---- data formats -----------------------------------------------------------------------------------

JSON = Dialect(classes={"nt": "nl"}, whitespace="w")

# Rouge reads a plain scalar piece by piece: `true`/`false`/`null` at the start of a piece (even
# as a prefix: `nullable`) are constants, a number is one only where it ends the scalar (the
# line), and `:` starts a piece that runs to the next space.
_YAML_PLAIN_PIECE = re.compile(r"( +)|(:\S*)|(true|false|null)|(\d+(?:\.\d+)?\Z)|([^\s:]+)")


def _yaml_plain(text):
    out = []
    for m in _YAML_PLAIN_PIECE.finditer(text):
        out.append(("no" if m.group(3) else "m" if m.group(4) else "s", m.group(0)))
    return out


def _yaml_split(cls, text):
    if cls == "l":
        return _yaml_plain(text)
    if cls == "se" and text == "''":
        # `''` in a single-quoted string: Rouge closes the string and opens another
        return [("s", "'"), ("s1", "'")]
    if cls == "s" and text[:1] in ("'", '"'):
        quote = "s2" if text[0] == '"' else "s1"
        return [(quote, text[0])] + ([("s", text[1:])] if len(text) > 1 else [])
    return [(cls, text)]


_YAML_ESCAPE = re.compile(r'\\(?:[0abt\tn\nvfre "\\N_LP]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})')


_YAML_NUMBER_END = re.compile(r"\r?\n| +#")


_YAML_PLAIN_CLASSES = ("s", "no", "m")


def _ends_plain_scalar(out, in_quoted_or_block):
    """True if the token about to follow `out` starts an unindented line that Pygments reads as
    more of the plain scalar on the line(s) before it."""
    if in_quoted_or_block or len(out) < 2 or out[-1][0] or not out[-1][1].endswith("\n"):
        return False
    return out[-2][0] in _YAML_PLAIN_CLASSES


# Pygments lexes a YAML block in one pass; where it runs a plain scalar on over an unindented
# line, the rest of the block is lexed again on its own (Rouge reads it as new top-level lines).
# Each pass lexes the whole rest, so past this many passes the rest keeps Pygments' reading.
_YAML_MAX_RELEXES = 50


def _yaml_post(tokens):
    """Rouge's YAML classes for the re-classed Pygments tokens of one YAML block."""
    from .highlight import _pygments_tokens  # imported here: highlight imports this module

    out: list = []
    for _ in range(_YAML_MAX_RELEXES):
        piece, rest = _yaml_post_part(tokens)
        out += piece
        if rest is None:
            return out
        tokens = _pygments_tokens(rest, _YamlRestLexer(stripnl=False, ensurenl=False))
    return out + _yaml_post_part(tokens, relex=False)[0]


class _YamlRestLexer(YamlLexer):
    """Pygments' YAML lexer under an alias whose dialect has no post step, so that
    `_yaml_post` can lex the rest of a block again and post-process it itself."""
    aliases = ["yaml-rest"]


def _yaml_post_part(tokens, relex=True):
    """Rouge classes the escapes of a double-quoted string `se` (Pygments leaves them string
    text). The string runs from its `s2` opening quote to the `s` text ending with a quote.
    Inside a flow collection (`{x: 1}`), a key is `nv` like its value, without the spaces
    before it."""
    out: list = []
    in_double = False
    flow_depth = 0
    after_block_scalar = False  # since a `|`/`>` block scalar, only its text
    comment_line = False  # in a `#` line Pygments read as part of a plain scalar
    in_single = False
    plain_lines = 0  # lines of the plain scalar the tokens are in (0: not in one)
    for i, (cls, text) in enumerate(tokens):
        if cls == "s" and text[:1] == "#" and (not out or out[-1][1].endswith("\n")):
            comment_line = True
        in_quoted_or_block = in_double or in_single or after_block_scalar
        if relex and cls in _YAML_PLAIN_CLASSES and _ends_plain_scalar(out, in_quoted_or_block):
            # Pygments runs a plain scalar on over an unindented line; Rouge ends it there and
            # reads the rest as new lines at the top level: the caller lexes it again.
            return out, "".join(t for _, t in tokens[i:])
        if comment_line:
            if "\n" in text:
                comment_line = False
            else:
                out.append(["c1", text])  # a comment line ends a plain scalar
                continue
        if cls == "m" and not _YAML_NUMBER_END.match("".join(t for _, t in tokens[i + 1 : i + 3])):
            cls = "s"  # Rouge: a number only before the line's end or a comment
        if cls == "na" and text[:1] == "%":
            cls = "nt"  # a %YAML or %TAG directive
        if cls == "nn" and after_block_scalar:
            cls = "s"  # Rouge reads a document marker ending a block scalar as plain text
            after_block_scalar = False
        if cls == "pi" and text[:1] in "|>":
            after_block_scalar = True
        elif cls and cls != "s":
            after_block_scalar = False
        if cls == "s1" and text == "''" and out and out[-1][0] == "s" and out[-1][1][-1:] == "'":
            # a string ending in the escape `''`: that opened a new string, this quote closes it
            out.append(["s1", "'"])
            cls, text = "s", "'"
        if cls == "pi" and text == ":" and not flow_depth and out and out[-1][0] == "s" \
                and (out[-1][1][-1:] in "\"'" or plain_lines > 1):
            # Rouge has no quoted keys, nor keys on a plain scalar's second line: the colon
            # after one is an error
            cls = "err"
        if cls in _YAML_PLAIN_CLASSES and not in_quoted_or_block:
            if not plain_lines:
                plain_lines = 1
            elif out and not out[-1][0] and "\n" in out[-1][1]:
                plain_lines += 1
        elif cls:
            plain_lines = 0
        if cls == "pi":
            flow_depth = max(0, flow_depth + text.count("{") + text.count("[")
                             - text.count("}") - text.count("]"))
        elif cls == "na" and flow_depth:
            key = text.lstrip()
            out += [["", text[: len(text) - len(key)]], ["nv", key]]
            continue
        if cls == "s1" and text == "'":
            in_single = True
        elif in_single and cls == "s" and text.endswith("'"):
            in_single = False
        if cls == "s2" and text == '"':
            in_double = True
        elif in_double and cls == "s":
            pos = 0
            for m in _YAML_ESCAPE.finditer(text):
                out += [["s", text[pos : m.start()]], ["se", m.group(0)]]
                pos = m.end()
            out.append(["s", text[pos:]])
            if text[pos:].endswith('"'):
                in_double = False
            continue
        elif in_double and cls != "nv" and not text.isspace():
            in_double = False
        out.append([cls, text])
    return out, None


_YAML_CLASSES = {"nt": "na", "p": "pi", "no": "s", "nv": "nv", "nl": "nl", "kt": "nn"}
YAML = Dialect(classes=_YAML_CLASSES, split=_yaml_split, post=_yaml_post)
YAML_REST = Dialect(classes=_YAML_CLASSES, split=_yaml_split)  # see _YamlRestLexer


# ---- markup and styles ------------------------------------------------------------------------------

def _html_split(cls, text):
    if cls == "p" and text.strip("<>/") == "":
        return [("nt", text)]  # `><` between two tags: Rouge joins them to the tag names
    return [(cls, text)]


# Rouge's XML lexer (HTML has its own lexer, html_lexer.py).
XML = Dialect(
    classes={"cm": "c", "mh": "m", "mi": "m", "kc": "nb"},
    words={"<": "nt", ">": "nt", "</": "nt", "/>": "nt", "=": "na"},
    word_classes=frozenset({"p", "o"}),
    split=_html_split,
)


# Pygments lexer alias (its first one) -> dialect.
DIALECTS = {
    "json": JSON,
    "yaml": YAML,
    "yaml-rest": YAML_REST,
    "xml": XML,
}

PLAIN = Dialect()


def dialect_for(lexer) -> Dialect:
    return DIALECTS.get(lexer.aliases[0] if lexer.aliases else "", PLAIN)
