"""Pygments tokens re-classed the way Rouge 3.30 classes the same text, per language.

Rouge and Pygments share the short class names (`k`, `s2`, `nf`...), but their lexers give
many constructs different token types: JSON keys are `nl`, YAML keys `na`, and so on. Each `Dialect` below says, for one Pygments
lexer, which class becomes which, which words get a class of their own, and how a token is cut
into several. (Languages lexed by our own lexers, `*_lexer.py`, have no dialect here.)

Learnt by reading Rouge's lexers and comparing outputs on real snippets; the dialects left here
cover YAML, XML, Ruby and JSON-with-comments. Anything not listed keeps the Pygments class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


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


def _yaml_post(tokens):
    """Rouge classes the escapes of a double-quoted string `se` (Pygments leaves them string
    text). The string runs from its `s2` opening quote to the `s` text ending with a quote.
    Inside a flow collection (`{x: 1}`), a key is `nv` like its value, without the spaces
    before it."""
    out: list = []
    in_double = False
    flow_depth = 0
    after_block_scalar = False  # since a `|`/`>` block scalar, only its text
    comment_line = False  # in a `#` line Pygments read as part of a plain scalar
    for i, (cls, text) in enumerate(tokens):
        if cls == "s" and text[:1] == "#" and (not out or out[-1][1].endswith("\n")):
            comment_line = True
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
                and out[-1][1][-1:] in "\"'":
            cls = "err"  # Rouge has no quoted keys: the colon after one is an error
        if cls == "pi":
            flow_depth = max(0, flow_depth + text.count("{") + text.count("[")
                             - text.count("}") - text.count("]"))
        elif cls == "na" and flow_depth:
            key = text.lstrip()
            out += [["", text[: len(text) - len(key)]], ["nv", key]]
            continue
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
    return out


YAML = Dialect(
    classes={"nt": "na", "p": "pi", "no": "s", "nv": "nv", "nl": "nl", "kt": "nn"},
    split=_yaml_split,
    post=_yaml_post,
)


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


# ---- C family and others --------------------------------------------------------------------------

_RUBY_ESCAPE = re.compile(r"\\.", re.S)


def _ruby_regex_escapes(text):
    """Rouge splits the escapes of a `%r` regex (not of `/.../`) into `se` tokens."""
    out = []
    pos = 0
    for m in _RUBY_ESCAPE.finditer(text):
        if m.start() > pos:
            out.append(["sr", text[pos : m.start()]])
        out.append(["se", m.group(0)])
        pos = m.end()
    if pos < len(text):
        out.append(["sr", text[pos:]])
    return out


_RUBY_SLASH_REGEX = re.compile(r"/(?:\\.|[^/\\\n#])*/[mixounse]*")


def _ruby_line_start_regexes(tokens):
    """A `/` starting a line starts a regex for Rouge (a new line expects an expression);
    Pygments may have read it as division."""
    out: list = []
    i = 0
    while i < len(tokens):
        cls, text = tokens[i]
        if cls == "o" and text == "/" and (not out or (not out[-1][0] and "\n" in out[-1][1])):
            rest = "".join(t for _, t in tokens[i:])
            m = _RUBY_SLASH_REGEX.match(rest)
            end, j = 0, i
            while m and j < len(tokens) and end < m.end():
                end += len(tokens[j][1])
                j += 1
            if m and end == m.end():  # the regex ends where a token ends
                out.append(["sr", m.group(0)])
                i = j
                continue
        out.append([cls, text])
        i += 1
    return out


_RUBY_KEY_WORD = re.compile(r"[a-z_]\w*[?!]?")


def _ruby_symbol_keys(tokens):
    """Rouge reads `word:` followed by whitespace as one symbol (`ss`) that takes all the
    whitespace after the colon, newlines and indentation too (`cm:\n  host: `), whatever
    class Pygments gave the word (a builtin like `name`, a keyword)."""
    out: list = []
    i = 0
    while i < len(tokens):
        cls, text = tokens[i]
        if (
            i + 2 < len(tokens) and _RUBY_KEY_WORD.fullmatch(text)
            and tokens[i + 1][1] == ":" and not tokens[i + 2][0]
            and tokens[i + 2][1][:1].isspace()
            and not (out and (out[-1][1][-1:].isalnum() or out[-1][1][-1:] in "_.:@$"))
        ):
            j = i + 2
            key = text + ":"
            while j < len(tokens) and not tokens[j][0] and tokens[j][1].isspace():
                key += tokens[j][1]
                j += 1
            if j < len(tokens) and not tokens[j][0]:  # text starting with whitespace
                rest = tokens[j][1]
                lead = len(rest) - len(rest.lstrip())
                key += rest[:lead]
                tokens[j] = ["", rest[lead:]]
            out.append(["ss", key])
            i = j
            continue
        out.append([cls, text])
        i += 1
    return out


_RUBY_SYMBOL_START = re.compile(r"@{0,2}[A-Za-z_]\w*[!?]?|[/%&|^`~]")
_RUBY_METHOD_OPERATOR = "*%&^`~+-/[<>="


_RUBY_BRACKETS = re.compile(r"[\[\](){},;]")
_RUBY_BRACKET_RUNS = re.compile(r"([\[\](){},;]+)|[^\[\](){},;]+")


def _ruby_dot_run(n: int) -> list:
    """A run of `n` dots as Rouge reads it: ranges `..`/`...` are operators taken three at a
    time; a dot left alone is a method-call dot (decided in `_ruby_post`)."""
    if n == 1:
        return [["p", "."]]
    body = n - 1 if n % 3 == 1 else n
    return [["o", "." * body]] + ([["p", "."]] if body < n else [])


_RUBY_DOT_PIECES = re.compile(r"\.+|[^.]+")


def _ruby_split_dots(tokens):
    """Pygments joins dots to their neighbours (`&.`, `.(`, `/.`, `].`) and reads any run of
    dots as one operator; Rouge reads the dots on their own (see _ruby_dot_run) and an
    operator apart from a bracket (`~]`)."""
    out: list = []
    for cls, text in tokens:
        if cls in ("o", "p") and "." in text and text != ".":
            for m in _RUBY_DOT_PIECES.finditer(text):
                if m.group(0)[0] == ".":
                    out += _ruby_dot_run(len(m.group(0)))
                else:
                    out.append([cls, m.group(0)])
        elif cls == "o" and len(text) > 1 and _RUBY_BRACKETS.search(text) \
                and text.strip("[](){},;"):
            out += [["p" if m.group(1) else "o", m.group(0)]
                    for m in _RUBY_BRACKET_RUNS.finditer(text)]
        else:
            out.append([cls, text])
    return out


def _ruby_heredocs(tokens):
    """Rouge writes a heredoc's delimiters as constants (`no`; the closing one with its
    indentation) and the newline ending the opening line as heredoc text."""
    out: list = []
    for i, (cls, text) in enumerate(tokens):
        if cls == "dl" and text.strip() and text.strip().replace("_", "").isalnum():
            body = text.rstrip("\n")
            out.append(["no", body])
            if body != text:
                out.append(["", text[len(body):]])
            continue
        if not cls and text == "\n" and i + 1 < len(tokens) and tokens[i + 1][0] == "sh":
            cls = "sh"
        out.append([cls, text])
    return out


def _ruby_pygments_symbols(tokens):
    """Pygments reads `word:` as a symbol even with no space after the colon, or a capital
    first letter; Rouge's key rule needs both (a lower-case word, `:`, whitespace), so there
    the word is a name (`n`, or `no` if capitalised) and `:word` after it (`:/` for an
    operator character) is the symbol. `./x` is a method call to `/` for Rouge (`p`, `nf`)."""
    tokens = _ruby_split_dots(tokens)
    out: list = []
    i = 0
    while i < len(tokens):
        cls, text = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if cls == "ss" and text[:1] != ":" and nxt and nxt[0] == "p" and nxt[1][:1] == ":" \
                and nxt[1][1:2] != ":":
            if nxt[1] != ":":  # `name:,` (a required keyword argument): a name
                out.append(["n", text])
                i += 1
                continue
            spaced = after is not None and not after[0] and after[1][:1].isspace()
            if not (spaced and _RUBY_KEY_WORD.fullmatch(text)):
                out.append(["no" if text[:1].isupper() else "n", text])
                if after and after[0] == "s2" and after[1][:1] == '"':
                    # `:"text"` is one symbol
                    j, quoted = i + 2, ""
                    while j < len(tokens) and tokens[j][0] in ("s2", "se"):
                        quoted += tokens[j][1]
                        j += 1
                        if len(quoted) > 1 and quoted.endswith('"'):
                            break
                    out.append(["ss", ":" + quoted])
                    i = j
                    continue
                m = _RUBY_SYMBOL_START.match(after[1]) if after and not spaced else None
                if m:
                    out.append(["ss", ":" + m.group(0)])
                    rest = after[1][m.end():]
                    if rest:
                        # `hkp://`: `:/` then the operator `/` (Pygments: an empty regex)
                        out.append(["o" if (after[0], rest) == ("sr", "/") else after[0], rest])
                    i += 3
                    continue
                i += 1
                continue
        if cls in ("o", "p") and text == "." and nxt and nxt[1][:1] in _RUBY_METHOD_OPERATOR \
                and nxt[1][:1]:
            out += [["p", "."], ["nf", nxt[1][0]]]
            if nxt[1][1:]:
                out.append([nxt[0], nxt[1][1:]])
            i += 2
            continue
        out.append([cls, text])
        i += 1
    return out


_RUBY_METHOD_NAME = re.compile(r"[a-z_]\w*[!?]?")
_RUBY_METHOD_AHEAD = re.compile(r"\s*(?:[a-z_]|[*%&^`~+\-/\[<>=])")


def _ruby_post(tokens):
    """Rouge: a name after `.` is a method (`nf`), a capitalised name a constant (`no`);
    `class A::B` is one class name; `1.5` is one float; a `.` followed by no method name is
    an operator; brackets are punctuation."""
    out: list = []
    tokens = _ruby_symbol_keys(_ruby_pygments_symbols(_ruby_line_start_regexes(tokens)))
    tokens = _ruby_heredocs(tokens)
    method_next = False
    for i, (cls, text) in enumerate(tokens):
        if cls == "ow" or (cls == "kp" and text == "new"):
            cls = "n"  # `and`/`or`/`not`, `new`: names for Rouge
        if cls == "nb" and text[:1].isupper():
            cls = "no"  # `Array`, `String`: constants for Rouge
        if cls == "o" and text.strip("[](){},;") == "":
            cls = "p"
        if method_next and text.strip():
            # the name (or operator character) after a method-call dot
            method_next = False
            if _RUBY_METHOD_NAME.fullmatch(text):
                cls = "nf"
            elif text[0] in _RUBY_METHOD_OPERATOR:
                out.append(["nf", text[0]])
                text = text[1:]
        if cls == "p" and text == ".":
            # a method-call dot only before a name or operator character (spaces and new
            # lines may come between); otherwise the operator `.`
            ahead = "".join(t for _, t in tokens[i + 1 : i + 4])
            method_next = bool(_RUBY_METHOD_AHEAD.match(ahead))
            if not method_next:
                cls = "o"
        if cls == "o" and text == "?":
            cls = "p"  # Rouge's ternary `?`
        if cls in ("n", "no") and text[:1].isupper():
            if len(out) >= 2 and out[-1] == ["o", "::"] and out[-2][0] == "nc":
                out.pop()
                out[-1] = ["nc", out[-1][1] + "::" + text]
                continue
            cls = "no"
        if cls == "sr" and text.startswith("%r") and "\\" in text:
            out.extend(_ruby_regex_escapes(text))
            continue
        if (
            not cls and out and out[-1][0] == "p" and out[-1][1] == ":" and len(out) >= 2
            and out[-2][0] == "ss" and text[:1] in " \t"
        ):
            # a hash key `key: ` is one symbol token, with the colon and one space
            out.pop()
            out[-1] = ["ss", out[-1][1] + ":" + text[0]]
            text = text[1:]
            if not text:
                continue
        if cls == "p" and text == "." and len(out) >= 3 and out[-3][1] == "def":
            cls = "o"  # `def self.name`: Rouge's method-name state writes the dot as an operator
        if cls in ("mi", "mo") and len(out) >= 2 and out[-1][1] == "." and out[-2][0] == "mi" \
                and not out[-2][1].count("."):
            out.pop()
            out[-1] = ["mf", out[-1][1] + "." + text]
            continue
        out.append([cls, text])
    return out


RUBY = Dialect(
    classes={"ch": "c1"},  # Rouge has no hashbang class: `#!` is a comment like any other
    words={".": "p", "[": "p", "]": "p", "].": "p", "}.": "p",
           # Rouge's builtins, and its pseudo-keywords, where Pygments has it the other way
           "attr_reader": "nb", "attr_writer": "nb", "attr_accessor": "nb",
           "__FILE__": "kp", "__LINE__": "kp"},
    word_classes=frozenset({"o", "kp", "bp"}),
    comment_newline=False,
    post=_ruby_post,
)
# Pygments lexer alias (its first one) -> dialect.
DIALECTS = {
    "json": JSON,
    "yaml": YAML,
    "xml": XML,
    "ruby": RUBY,
}

PLAIN = Dialect()


def dialect_for(lexer) -> Dialect:
    return DIALECTS.get(lexer.aliases[0] if lexer.aliases else "", PLAIN)
