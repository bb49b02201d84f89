"""A small state-machine lexer run the way Rouge's RegexLexer runs (used by rust_lexer.py and
javascript_lexer.py).

A language is a dict of states; a state is a list of rules tried in order at the current
position, the first match wins. A rule is (compiled pattern, class, action):

* class: a Rouge CSS class ("" for plain text), a function(text) -> class, or a tuple of
  classes, one per group of the pattern (empty groups write nothing);
* action: None; a state name to push; a tuple of state names to push in order; "#pop";
  "#pop2"; "#push" (the current state again); "#goto:NAME" (replace the current state); or a
  function(lexer, text) for what a rule decides itself.

A rule matching nothing counts only when it changes the state (Rouge's `rule(//) { pop! }`);
text no rule matches is written as `err`, one character at a time, as Rouge does.
"""

from __future__ import annotations

_MAX_EMPTY_MATCHES = 8  # empty matches in a row at one position before giving up there


class RegexLexer:
    def __init__(self, states: dict, start: tuple = ("root",)):
        self.states = states
        self.stack = list(start)

    def push(self, state: str) -> None:
        self.stack.append(state)

    def pop(self, times: int = 1) -> None:
        for _ in range(times):
            if len(self.stack) > 1:  # the root state stays
                self.stack.pop()

    def _act(self, action, text: str) -> None:
        if action is None:
            return
        if callable(action):
            action(self, text)
        elif isinstance(action, tuple):
            self.stack.extend(action)
        elif action == "#pop":
            self.pop()
        elif action == "#pop2":
            self.pop(2)
        elif action == "#push":
            self.push(self.stack[-1])
        elif action.startswith("#goto:"):
            self.stack[-1] = action[len("#goto:"):]
        else:
            self.push(action)

    def lex(self, code: str) -> list:
        out: list = []
        pos = 0
        empty_matches = 0
        while pos < len(code):
            for pattern, cls, action in self.states[self.stack[-1]]:
                m = pattern.match(code, pos)
                if m is None or (m.end() == pos and (action is None or empty_matches >= _MAX_EMPTY_MATCHES)):
                    continue
                if isinstance(cls, tuple):
                    out += [(c, g) for c, g in zip(cls, m.groups()) if g]
                elif m.group(0):
                    out.append((cls(m.group(0)) if callable(cls) else cls, m.group(0)))
                self._act(action, m.group(0))
                empty_matches = empty_matches + 1 if m.end() == pos else 0
                pos = m.end()
                break
            else:
                out.append(("err", code[pos]))
                pos += 1
                empty_matches = 0
        return out
