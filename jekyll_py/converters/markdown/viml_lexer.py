"""Vim script tokenised the way Rouge 3.30 does it.

What Rouge does, in short: a line starting with `"` is a comment (`c`), any other `"` starts a
string (`s2`) - Rouge's rule for trailing comments looks behind the match position, which its
patterns cannot do, so it never applies; `/.../` is a regex (`sr`); Ex commands are `k`
(`set`, `nnoremap`, `call`...), Vim functions, options and autocommand events `nb`
(Vim's lists, through Pygments), `g:name`-style variables `nv`, numbers `m`, operators and brackets `p`;
every other word is plain text.

`lex_viml(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from pygments.lexers import _vim_builtins

from .regex_lexer import RegexLexer

# Vim's Ex commands (full names and abbreviations), and its autocommand events and options,
# as Pygments lists them from Vim's documentation (Rouge has its own lists from the same
# source; a word only one of them knows is classed differently).
# Pygments leaves out `set` (and its variants) and `py`, which it lexes separately, and lists
# the :map family, which Rouge does not class as commands.
_MAP_FAMILY = re.compile(r"[nvxsoilct]?(?:nore)?map|[nvxsoilct]?no(?:remap)?|[nvxsoilct]?unmap"
                         r"|[nvxsoilct]?mapclear")
COMMANDS = frozenset(
    {name for pair in _vim_builtins.command for name in pair if not _MAP_FAMILY.fullmatch(name)}
    | {"set", "se", "setlocal", "setl", "setglobal", "setg", "py", "python", "py3", "python3"})
BUILTINS = frozenset(name for pair in (*_vim_builtins.auto, *_vim_builtins.option)
                     for name in pair)


def _c(pattern, flags=0):
    # Ruby: line anchors, ASCII \s and \w. A leading \b of Rouge's always holds at the match
    # position, so ours leave it out.
    return re.compile(pattern, re.M | re.A | flags)


def _word_class(text: str) -> str:
    if text in COMMANDS:
        return "k"
    return "nb" if text in BUILTINS else ""


_STATES = {
    "root": [
        (_c(r'^(\s*)(".*?)$'), ("", "c"), None),
        (_c(r"^\s*\\"), "se", None),
        (_c(r"[ \t]+"), "", None),
        (_c(r"/(?:\\\\|\\/|[^\n/])*/"), "sr", None),
        (_c(r'"(?:\\\\|\\"|[^\n"])*"'), "s2", None),
        (_c(r"'(?:\\\\|\\'|[^\n'])*'"), "s1", None),
        (_c(r"-?\d+"), "m", None),
        (_c(r"#[0-9a-f]{6}", re.I), "mh", None),
        (_c(r"^:"), "p", None),
        (_c(r"[():<>+=!\[\]{}|,~.-]"), "p", None),
        (_c(r"(?:let|if|else|endif|elseif|fun|function|endfunction)\b"), "k", None),
        (_c(r"(?:NONE|bold|italic|underline|dark|light)\b"), "nb", None),
        (_c(r"[absg]:\w+\b"), "nv", None),
        (_c(r"\w+\b"), _word_class, None),
        (_c(r".", re.S), "", None),
    ],
}


def lex_viml(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
