"""Coq tokenised the way Rouge 3.30 does it (Pygments' Coq lexer classes nearly everything
differently).

What Rouge does, in short: whitespace is `w`; an identifier is classed by word lists (vernacular
commands such as `Definition` are `k`, Gallina words such as `fun` `kr`, tactics `kp`, closing
tactics such as `reflexivity` `ne`, anything else a constant `no`); in a dotted name `A.b` the
leading parts are namespaces (`nn`) and the last one `no`; a `.` that ends a sentence (followed
by whitespace) is `pi`; single characters are punctuation (`p`) when Coq's key symbols (`:` `;`
`_` `→`...), operators (`o`) otherwise, so `:=` is `p` then `o`; strings are all `s2`; comments
`(* ... *)` nest.

`lex_coq(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

_GALLINA = frozenset("as fun if in let match then else return end Type Set Prop forall".split())
_VERNACULAR = frozenset(
    "Definition Theorem Lemma Remark Example Fixpoint CoFixpoint Record Inductive CoInductive "
    "Corollary Goal Proof Ltac Require Import Export Module Section End Variable Context "
    "Polymorphic Monomorphic Universe Universes Variables Class Instance Global Local Include "
    "Printing Notation Infix Arguments Hint Rewrite Immediate Qed Defined Opaque Transparent "
    "Existing Compute Eval Print SearchAbout Search About Check".split()
)
_TACTICS = frozenset(
    "apply eapply auto eauto rewrite setoid_rewrite with in as at destruct split inversion "
    "injection intro intros unfold fold cbv cbn lazy subst clear symmetry transitivity "
    "etransitivity erewrite edestruct constructor econstructor eexists exists f_equal refine "
    "instantiate revert simpl specialize generalize dependent red induction beta iota zeta delta "
    "exfalso autorewrite compute vm_compute native_compute".split()
)
_TACTICALS = frozenset("repeat first try".split())
_TERMINATORS = frozenset("omega solve congruence reflexivity exact assumption eassumption".split())
# Only single characters reach the check, so only the one-character key symbols matter.
_KEY_SYMBOLS = frozenset("_;:⇒→↔⇔≔≡∀∃∧∨¬⊤⊥⊢⊨∈")
_OPERATOR_CHARS = frozenset("[];,{}_()!$%&*+./:<=>?@^|~#-")

_ID = r"(?:[a-z][\w']*|[_a-z][\w']+)"


def _c(pattern, flags=0):
    # Ruby's \w, \s and \d are ASCII only; its identifiers here are case-insensitive.
    return re.compile(pattern, re.A | re.I | flags)


def _classify(name: str) -> str:
    if name in _VERNACULAR:
        return "k"
    if name in _GALLINA:
        return "kr"
    if name in _TACTICS or name in _TACTICALS:
        return "kp"
    if name in _TERMINATORS:
        return "ne"
    return "no"


def _start_name(lexer, m):
    lexer.name, lexer.dotted = m.group(0), False
    lexer.push("continue_id")


def _name_token(lexer):
    return ("no" if lexer.dotted else _classify(lexer.name), lexer.name)


def _dotted_part(lexer, m):
    tokens = [("nn", lexer.name), ("p", ".")]
    lexer.name, lexer.dotted = m.group(1), True
    return tokens


def _sentence_end(lexer, m):
    lexer.pop()
    return [_name_token(lexer), ("pi", "."), ("w", m.group(1))]


def _name_end(lexer, m):
    lexer.pop()
    return [_name_token(lexer)]


def _set_option(lexer, m):
    # `Set Printing All.`: every word a keyword, the spaces whitespace, the dot a sentence end.
    tokens = [("k", m.group(1))]
    for space, word in ((2, 3), (4, 5)):
        tokens += [("w", m.group(space)), ("k", m.group(word))]
    return tokens + [("w", m.group(6)), ("pi", ".")]


def _single_char(text: str) -> str:
    if text in _KEY_SYMBOLS:
        return "p"
    return "o" if text in _OPERATOR_CHARS else "err"


_STATES = {
    "root": [
        (_c(r"\(\*(?!\))"), "c", "comment"),
        (_c(r"\s+"), "w", None),
        (_c(r"(Module)(\s+)(Type)(\s+)"), ("k", "w", "k", "w"), None),
        (_c(r"(Set|Unset)(\s+)(Universe|Printing|Implicit|Strict)(\s+)"
            r"(Polymorphism|All|Notations|Arguments|Universes|Implicit)(\s*)\.", re.S),
         None, _set_option),
        (_c(_ID), None, _start_name),
        (_c(r"/\\"), "o", None),
        (_c(r"\\/"), "o", None),
        (_c(r"-?\d[\d_]*(?:.[\d_]*)?(?:e[+-]?\d[\d_]*)"), "mf", None),
        (_c(r"\d[\d_]*"), "mi", None),
        (_c(r"'(?:\\[\\\"'ntbr ]|\\[0-9]{3}|\\x[0-9a-f]{2})'"), "sc", None),
        (_c(r"'"), "k", None),
        (_c(r'"'), "s2", "string"),
        (_c(r"[~?]" + _ID), "nv", None),
        (_c(r"."), _single_char, None),
    ],
    "comment": [
        (_c(r"[^(*)]+"), "c", None),
        (_c(r"\(\*"), "c", "#push"),
        (_c(r"\*\)"), "c", "#pop"),
        (_c(r"[(*)]"), "c", None),
    ],
    # A backslash is string text too: Rouge's escape rule comes after `[^"]`.
    "string": [(_c(r'(?:\\")+|[^"]'), "s2", None), (_c(r'"'), "s2", "#pop")],
    "continue_id": [
        (_c(r"\.(" + _ID + ")"), None, _dotted_part),
        (_c(r"\.(\s+)"), None, _sentence_end),
        (_c(r""), None, _name_end),
    ],
}


def lex_coq(code: str) -> list:
    lexer = RegexLexer(_STATES)
    lexer.name, lexer.dotted = "", False  # the identifier being read, and whether it had dots
    return lexer.lex(code)
