"""Shell and console sessions tokenised the way Rouge 3.30 does it.

Pygments' Bash lexer splits shell code very differently from Rouge's (Rouge marks common commands
such as `echo`, `cd`, `install` as builtins, keeps the whitespace after a keyword in the keyword,
has no number tokens outside arithmetic...), and shell snippets are the most common code on
Jekyll sites, so this module tokenises them itself. It is a small state machine: each state is a
list of (pattern, class, action) rules tried in order at the current position; the first match
wins; `action` pushes a state, pops one (`"#pop"`) or calls a function.

`lex_shell(code)` and `lex_console(code)` return lists of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

_KEYWORDS = "if fi else while do done for then return function select continue until esac elif in"
_BUILTINS = (
    "alias bg bind break builtin caller cd command compgen complete declare dirs disown enable eval "
    "exec exit export false fc fg getopts hash help history jobs let local logout mapfile popd "
    "pushd pwd read readonly set shift shopt source suspend test time times trap true type typeset "
    "ulimit umask unalias unset wait "
    "cat tac nl od base32 base64 fmt pr fold head tail split csplit wc sum cksum b2sum md5sum "
    "sha1sum sha224sum sha256sum sha384sum sha512sum sort shuf uniq comm ptx tsort cut paste join "
    "tr expand unexpand ls dir vdir dircolors cp dd install mv rm shred link ln mkdir mkfifo mknod "
    "readlink rmdir unlink chown chgrp chmod touch df du stat sync truncate echo printf yes expr "
    "tee basename dirname pathchk mktemp realpath pwd stty printenv tty id logname whoami groups "
    "users who date arch nproc uname hostname hostid uptime chcon runcon chroot env nice nohup "
    "stdbuf timeout kill sleep factor numfmt seq tar grep sudo awk sed gzip gunzip"
)


def _alt(words: str) -> str:
    return "|".join(words.split())


def _c(pattern):
    return re.compile(pattern, re.A)


# (pattern, class or tuple of classes for groups, action)
_INTERP = [
    (_c(r"\\(?=\n|\Z)"), "se", None),  # a line continuation (Ruby's `$` ends any line)
    (_c(r"\\."), "se", None),
    (_c(r"\$\(\("), "k", "math"),
    (_c(r"\$\("), "si", "paren_interp"),
    (_c(r"\$\{#?"), "k", "curly"),
    (_c(r"`"), "sb", "backticks"),
    (_c(r"\$#?(?:\w+|.)"), "nv", None),
    (_c(r"\$[*@]"), "nv", None),
]
_BASIC = [
    (_c(r"#.*"), "c", None),
    # Rouge matches as if the text began at the current position, so a leading `\b` always
    # holds there (`\bin` after the escape `\b` is the keyword `in`): ours are left out.
    (_c(r"(?:" + _alt(_KEYWORDS) + r")\s*\b"), "k", None),
    (_c(r"case\b"), "k", "case"),
    (_c(r"(?:" + _alt(_BUILTINS) + r")\s*\b(?![.-])"), "nb", None),
    (_c(r"[.](?=\s)"), "nb", None),
    (_c(r"(\b\w+)(=)"), ("nv", "o"), None),
    (_c(r"[\[\]{}()!=>]"), "o", None),
    (_c(r"&&|\|\|"), "o", None),
    (_c(r"<<<"), "o", None),
    (_c(r"(<<-?)(\s*)(['\"]?)(\\?)(\w+)(\3)"), ("o", "", "sh", "sh", "no", "sh"), "heredoc"),
]
_DATA = [
    (_c(r"\s+"), "", None),
    (_c(r"\\."), "se", None),
    (_c(r"\$?\""), "s2", "double_quotes"),
    (_c(r"\$'"), "s1", "ansi_string"),
    (_c(r"'"), "s1", "single_quotes"),
    (_c(r"\*"), "k", None),
    (_c(r";"), "p", None),
    (_c(r"--?[\w-]+"), "nt", None),
    (_c(r"[^=*\s{}()$\"'`;\\<]+"), "", None),
    (_c(r"\d+(?= |\n?\Z)"), "m", None),
    (_c(r"<"), "", None),
] + _INTERP
_ROOT = _BASIC + _DATA

_SINGLE = [(_c(r"'"), "s1", "#pop"), (_c(r"[^']+"), "s1", None)]

STATES = {
    "root": _ROOT,
    "double_quotes": [(_c(r"(?:\$#?)?\""), "s2", "#pop")] + _INTERP
    + [(_c(r"[^\"`\\$]+"), "s2", None)],
    "ansi_string": [(_c(r"\\."), "se", None), (_c(r"[^\\']+"), "s1", None)] + _SINGLE,
    "single_quotes": _SINGLE,
    "curly": [
        (_c(r"\}"), "k", "#pop"),
        (_c(r":-"), "k", None),
        (_c(r"[a-zA-Z0-9_]+"), "nv", None),
        (_c(r"[^}:\"`'$]+"), "p", None),
    ] + _ROOT,
    "paren_interp": [(_c(r"\)"), "si", "#pop"), (_c(r"\("), "o", "paren_inner")] + _ROOT,
    "paren_inner": [(_c(r"\("), "o", "paren_inner"), (_c(r"\)"), "o", "#pop")] + _ROOT,
    "math": [
        (_c(r"\)\)"), "k", "#pop"),
        (_c(r"[-+*/%^|&!]|\*\*|\|\|"), "o", None),
        (_c(r"\d+(?:#\w+)?"), "m", None),
    ] + _ROOT,
    "case": [
        (_c(r"esac\b"), "k", "#pop"),
        (_c(r"\|"), "p", None),
        (_c(r"\)"), "p", "case_stanza"),
    ] + _ROOT,
    "case_stanza": [(_c(r";;"), "p", "#pop")] + _ROOT,
    "backticks": [(_c(r"`"), "sb", "#pop")] + _ROOT,
    "heredoc": [
        (_c(r"\n"), "sh", "heredoc_nl"),
        (_c(r"[^$\n\\]+"), "sh", None),
    ] + _INTERP + [(_c(r"[$]"), "sh", None)],
}
_HEREDOC_END = _c(r"\s*(\w+)\s*\n")


class ShellLexer:
    """Keeps its state stack between calls, as a console session lexes line after line."""

    def __init__(self):
        self.stack = ["root"]
        self.heredoc = None

    def lex(self, text: str, out: list):
        pos = 0
        n = len(text)
        while pos < n:
            state = self.stack[-1]
            if state == "heredoc_nl":
                m = _HEREDOC_END.match(text, pos)
                self.stack.pop()
                if m:
                    if m.group(1) == self.heredoc:
                        out.append(("no", m.group(0)))
                        self.stack.pop()
                    else:
                        out.append(("sh", m.group(0)))
                    pos = m.end()
                continue
            for pattern, cls, action in STATES[state]:
                m = pattern.match(text, pos)
                if not m or (m.end() == pos and action is None):
                    continue
                if isinstance(cls, tuple):
                    for group, group_cls in enumerate(cls, 1):
                        if m.group(group):
                            out.append((group_cls, m.group(group)))
                    if action == "heredoc":
                        self.heredoc = m.group(5)
                else:
                    out.append((cls, m.group(0)))
                if action == "#pop":
                    if len(self.stack) > 1:
                        self.stack.pop()
                elif action is not None:
                    self.stack.append(action)
                pos = m.end()
                break
            else:
                out.append(("err", text[pos]))
                pos += 1
        return out


def lex_shell(code: str) -> list:
    return ShellLexer().lex(code, [])


_PROMPT = re.compile(r".*?(?:\$|#|>|;)")
_SNIP = re.compile(r"\A\s*(?:<[.]+>|[.]+)\s*\Z")
_LINE = re.compile(r".*?(?:\n|\Z)")


def lex_console(code: str) -> list:
    """A console session: prompt lines (`$ cmd`) lexed as shell, the others as output."""
    out: list = []
    shell = ShellLexer()
    for m in _LINE.finditer(code):
        line = m.group(0)
        if not line:
            continue
        if _SNIP.match(line):
            shell = ShellLexer()
            out.append(("c", line))
            continue
        prompt = _PROMPT.match(line)
        if prompt:
            out.append(("gp", prompt.group(0)))
            rest = line[prompt.end():]
            ws = re.match(r"[ \t\r\f\v\n]*", rest).group(0)
            if ws:
                out.append(("w", ws))
            shell.lex(rest[len(ws):], out)
        else:
            shell = ShellLexer()
            out.append(("go", line))
    return out
