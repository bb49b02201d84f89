"""Groovy (and Jenkinsfiles) tokenised the way Rouge 3.30 does it.

What Rouge does, in short: at the start of a line, words followed by `name(` make `name` a
function (`nf`, the words before it lexed again); `.name` is `o` + attribute (`na`), `name:` a
label (`nl`); all punctuation is `o`; strings of every quoting are one token (`s2`, `s1`, `s`
for slashy strings - a `/` with another `/` later on the line starts one); `def` and the
primitive types are `kt`; `class`/`interface`/`trait` name the next word a class.

Gradle build scripts are Groovy with a few more keywords and types.

`lex_groovy(code)` and `lex_gradle(code)` return lists of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_KEYWORDS = frozenset(
    "assert break case catch continue default do else finally for if goto instanceof new return "
    "switch this throw try while in as".split()
)
_DECLARATIONS = frozenset(
    "abstract const enum extends final implements native private protected public static "
    "strictfp super synchronized throws transient volatile".split()
)
_TYPES = frozenset("def boolean byte char double float int long short void".split())
_CONSTANTS = frozenset("true false null".split())
_GRADLE_KEYWORDS = _KEYWORDS | frozenset(
    "allprojects artifacts buildscript configuration dependencies repositories sourceSets "
    "subprojects publishing".split()
)
_GRADLE_TYPES = _TYPES | frozenset(
    "Project Task Gradle Settings Script JavaToolChain SourceSet SourceSetOutput "
    "IncrementalTaskInputs Configuration ResolutionStrategy ArtifactResolutionQuery "
    "ComponentSelection ComponentSelectionRules ConventionProperty ExtensionAware "
    "ExtraPropertiesExtension PublishingExtension IvyPublication IvyArtifact IvyArtifactSet "
    "IvyModuleDescriptorSpec MavenPublication MavenArtifact MavenArtifactSet MavenPom "
    "PluginDependenciesSpec PluginDependencySpec ResourceHandler TextResourceFactory".split()
)


def _c(pattern, flags=0):
    return re.compile(pattern, re.M | re.A | flags)  # Ruby: line anchors, ASCII \w and \s


def _states(keywords, types, lex_again) -> dict:
    def name_class(text: str) -> str:
        if text in keywords:
            return "k"
        if text in _DECLARATIONS:
            return "kd"
        if text in types:
            return "kt"
        return "kc" if text in _CONSTANTS else "n"

    def method(lexer, m):
        # Rouge lexes the words before the method name again, on their own
        return lex_again(m.group(1)) + [("nf", m.group(2)), ("", m.group(3)), ("o", m.group(4))]

    return {
        "root": [
            (_c(r"^(\s*(?:\w[\w.\[\]]*\s+)+?)(\w\w*)(\s*)(\()"), None, method),
            (_c(r"[^\S\n]+"), "", None),
            (_c(r"//.*?$"), "c1", None),
            (_c(r"/[*].*?[*]/", re.S), "cm", None),
            (_c(r"@\w[\w.]*"), "nd", None),
            (_c(r"(?:class|interface|trait)\b"), "kd", "class"),
            (_c(r"package\b"), "kn", "import"),
            (_c(r"import\b"), "kn", "import"),
            (_c(r'""".*?"""', re.S), "s2", None),
            (_c(r"'''.*?'''", re.S), "s1", None),
            (_c(r'"(?:\\.|\\\n|.)*?"'), "s2", None),
            (_c(r"'(?:\\.|\\\n|.)*?'"), "s1", None),
            (_c(r"\$/(?:\$.|.)*?/\$", re.S), "s", None),
            (_c(r"/(?:\\.|\\\n|.)*?/"), "s", None),
            (_c(r"'\\.'|'[^\\]'|'\\u[0-9a-f]{4}'"), "sc", None),
            (_c(r"(\.)([a-zA-Z_][a-zA-Z0-9_]*)"), ("o", "na"), None),
            (_c(r"[a-zA-Z_][a-zA-Z0-9_]*:"), "nl", None),
            (_c(r"[a-zA-Z_$][a-zA-Z0-9_]*"), name_class, None),
            (_c(r"[~^*!%&\[\](){}<>|+=:;,./?-]"), "o", None),
            (_c(r"\d+\.\d+(?:[eE]\d+)?[fd]?"), "mf", None),
            (_c(r"0x[0-9a-f]+"), "mh", None),
            (_c(r"[0-9]+L?"), "mi", None),
            (_c(r"\n"), "", None),
        ],
        "class": [(_c(r"\s+"), "", None), (_c(r"\w\w*"), "nc", "#pop")],
        "import": [(_c(r"\s+"), "", None), (_c(r"[\w.]+[*]?"), "nn", "#pop")],
    }


_GROOVY_STATES = _states(_KEYWORDS, _TYPES, lambda text: lex_groovy(text))
_GRADLE_STATES = _states(_GRADLE_KEYWORDS, _GRADLE_TYPES, lambda text: lex_gradle(text))


def lex_groovy(code: str) -> list:
    return RegexLexer(_GROOVY_STATES).lex(code)


def lex_gradle(code: str) -> list:
    return RegexLexer(_GRADLE_STATES).lex(code)
