"""PowerShell tokenised the way Rouge 3.30 does it (Pygments' PowerShell lexer differs in
keywords, types, commands and whitespace).

What Rouge does, in short: whitespace is `w`; keywords (`param`, `function`, `if`...) are
`kr`; a word starting a command (`Write-Host`, `ls`) is `n` and its arguments `nx` until the
line or a `;`, `|`, `=` or bracket ends them; `-Name` parameters `nt`; `-eq`-style operators
`o`; `$vars` `nv` (automatic ones like `$_`, `$true` `bp`); `[type]` brackets `p` with the
type `n`; strings `s1`/`s2` with `` ` `` escapes `se` and `$( )` interpolation `si`;
comments `c`, `<# #>` `cm` with `.SYNOPSIS`-style words `cs`.

`lex_powershell(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

# Ruby's \w, \d, \s are ASCII: so are ours (re.ASCII).
_FLAGS = re.ASCII | re.M

_AUTO_VARIABLES = (
    r"\$\$ \$\? \$\^ \$_ "
    "$args $ConsoleFileName $Error $Event $EventArgs $EventSubscriber $ExecutionContext "
    "$false $foreach $HOME $Host $input $IsCoreCLR $IsLinux $IsMacOS $IsWindows $LastExitCode "
    "$Matches $MyInvocation $NestedPromptLevel $null $PID $PROFILE $PSBoundParameters "
    "$PSCmdlet $PSCommandPath $PSCulture $PSDebugContext $PSHOME $PSItem $PSScriptRoot "
    "$PSSenderInfo $PSUICulture $PSVersionTable $PWD $REPORTERRORSHOWEXCEPTIONCLASS "
    "$REPORTERRORSHOWINNEREXCEPTION $REPORTERRORSHOWSOURCE $REPORTERRORSHOWSTACKTRACE "
    "$SENDER $ShellId $StackTrace $switch $this $true"
).split()
# The first four are already patterns; the rest are names after a `$`.
_AUTO_VARIABLE = "|".join(_AUTO_VARIABLES[:4] + [re.escape(v) for v in _AUTO_VARIABLES[4:]])

_KEYWORDS = (
    "assembly exit process base filter public begin finally return break for sequence catch "
    "foreach static class from switch command function throw configuration hidden trap "
    "continue if try data in type define inlinescript until do interface using dynamicparam "
    "module var else namespace while elseif parallel workflow end param enum private"
).split()

_OPERATORS = [
    "-" + word for word in (
        "split isplit csplit join is isnot as eq ieq ceq ne ine cne gt igt cgt ge ige cge lt "
        "ilt clt le ile cle like ilike clike notlike inotlike cnotlike match imatch cmatch "
        "notmatch inotmatch cnotmatch contains icontains ccontains notcontains inotcontains "
        "cnotcontains replace ireplace creplace shl shr band bor bxor and or xor not"
    ).split()
] + ["+=", "-=", "*=", "/=", "%="]

_HELP_WORDS = (
    "synopsis description parameter example inputs outputs notes link component role "
    "functionality forwardhelptargetname forwardhelpcategory remotehelprunspace externalhelp"
).split()

# [CmdletBinding(...)] arguments Rouge knows.
_ATTRIBUTES = frozenset(
    "ConfirmImpact DefaultParameterSetName HelpURI PositionalBinding SupportsPaging "
    "SupportsShouldProcess".split()
)


def _c(pattern, flags=0):
    return re.compile(pattern, _FLAGS | flags)


def _method(lexer, m):
    if m.group(3) is not None:  # `.Name(`: its arguments follow
        lexer.push("parameters")


_COMMENTS = [
    (_c(r"\s+"), "w", None),
    (_c(r"#.*"), "c", None),
    (_c(r"<#"), "cm", "multiline"),
]
_VARIABLE = [
    (_c(_AUTO_VARIABLE), "bp", None),
    (_c(r"(\$)(?:(\w+)(:))?(\w+|\{(?:[^`]|`.)+?\})"), ("nv", "nn", "p", "nv"), None),
    (_c(r"\$\w+"), "nv", None),
    (_c(r"\$\{(?:[^`]|`.)+?\}"), "nv", None),
]
_EXPR = [
    *_COMMENTS,
    (_c(r'"'), "s2", "dq"),
    (_c(r"'"), "s1", "sq"),
    (_c(r'@"'), "sh", "heredoc"),
    (_c(r"@'.*?'@", re.S), "sh", None),
    (_c(r"\d*\.\d+"), "mf", None),
    (_c(r"\d+"), "mi", None),
    (_c(r"@\{"), "p", "hasht"),
    (_c(r"@\("), "p", "array"),
    (_c(r"\{"), "p", "brace"),
    (_c(r"\["), "p", "bracket"),
]
_ROOT = [
    *_COMMENTS,
    (_c(r"\.\.(?=\.?\d)"), "o", None),
    (_c(r"(?:" + "|".join(re.escape(o) for o in _OPERATORS) + r")\b", re.I), "o", None),
    (_c(r"(class)(\s+)(\w+)", re.I), ("kr", "w", "nc"), "class"),
    (_c(r"(function)(\s+)(?:(\w+)(:))?(\w[-\w]+)", re.I), ("kr", "w", "nn", "p", "nf"), None),
    (_c(r"(?:" + "|".join(_KEYWORDS) + r")\b(?![-.])", re.I), "kr", None),
    (_c(r"-{1,2}\w+"), "nt", None),
    (_c(r"(\.)?([-\w]+)(\[)"), ("o", "n", "p"), "bracket"),
    (_c(r"([/\\~a-z][-.:/\\~\w]*)(\n)?", re.I), ("n", "w"), "parameters"),
    (_c(r"(\.)([-\w]+)(?:(\()|(\n))?"), ("o", "nf", "p", "w"), _method),
    (_c(r"\?"), "nf", "parameters"),
    *_EXPR,
    *_VARIABLE,
    (_c(r"[-+*/%=!.&|]"), "o", None),
    (_c(r"[{}(),:;]"), "p", None),
]


def _bracket_word(text: str) -> str:
    return "bp" if text in _ATTRIBUTES else "n"


_STATES = {
    "root": _ROOT,
    "multiline": [
        (_c(r"\.(?:" + "|".join(_HELP_WORDS) + ")", re.I), "cs", None),
        (_c(r"#>"), "cm", "#pop"),
        (_c(r"[^#.]+?", re.S), "cm", None),
        (_c(r"[#.]+"), "cm", None),
    ],
    "interpol": [(_c(r"\)"), "si", "#pop"), *_ROOT],
    "dq": [
        (_c(r'(?:\$#?)?"'), "s2", "#pop"),
        (_c(r"\$\("), "si", "interpol"),
        (_c(r"`$"), "se", None),
        (_c(r"`."), "se", None),
        (_c(r'[^"`$]+'), "s2", None),
        *_VARIABLE,
    ],
    "sq": [(_c(r"'"), "s1", "#pop"), (_c(r"[^']+"), "s1", None)],
    "heredoc": [
        (_c(r'(?:\$#?)?"@'), "sh", "#pop"),
        (_c(r"\$\("), "si", "interpol"),
        (_c(r"`$"), "se", None),
        (_c(r"`."), "se", None),
        (_c(r'[^"`$]+?', re.S), "sh", None),
        (_c(r'"+'), "sh", None),
        *_VARIABLE,
    ],
    "class": [
        (_c(r"\{"), "p", "#pop"),
        (_c(r"\s+"), "w", None),
        (_c(r"\w+"), "nc", None),
        (_c(r"[:,]"), "p", None),
    ],
    "hasht": [
        (_c(r"\}"), "p", "#pop"),
        (_c(r"="), "o", None),
        (_c(r"[,;]"), "p", None),
        *_EXPR,
        (_c(r"\w+"), "nx", None),
        *_VARIABLE,
    ],
    "array": [
        (_c(r"\s+"), "w", None),
        (_c(r"\)"), "p", "#pop"),
        (_c(r"[,;]"), "p", None),
        *_EXPR,
        *_VARIABLE,
    ],
    "brace": [(_c(r"\}"), "p", "#pop"), *_ROOT],
    "bracket": [
        (_c(r"\]"), "p", "#pop"),
        (_c(r"[A-Za-z]\w+\."), "n", None),
        (_c(r"[A-Za-z]\w+"), _bracket_word, None),
        *_ROOT,
    ],
    "parameters": [
        (_c(r"`.", re.S), "se", None),
        (_c(r"\s*?\n"), "w", "#pop"),
        (_c(r"[;(){}\]]"), "p", "#pop"),
        (_c(r"[|=]"), "o", "#pop"),
        (_c(r"[/\\~\w][-.:/\\~\w]*"), "nx", None),
        (_c(r"\w[-\w]+"), "nx", None),
        *_ROOT,
    ],
}


def lex_powershell(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
