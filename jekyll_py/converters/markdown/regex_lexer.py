"""A small state-machine lexer run the way Rouge's RegexLexer runs (used by most `*_lexer.py`).

A language is a dict of states; a state is a list of rules tried in order at the current
position, the first match wins. A rule is (compiled pattern, class, action):

* class: a Rouge CSS class ("" for plain text), a function(text) -> class, a tuple of
  classes (or such functions), one per group of the pattern (empty groups write nothing),
  or None (write nothing: the action writes the tokens);
* action: None; a state name to push; a tuple of state names to push in order; "#pop";
  "#pop2"; "#push" (the current state again); "#reset" (back to the first state); "#goto:NAME" (replace the current state); or a
  function(lexer, match) that may change the state and returns the tokens to write (or None).

Rouge matches at the current position as if the text started there: a pattern cannot look
behind the position, and `\\A` is the position itself. So the patterns here never look behind,
and one written with a leading `^` is tried only at the start of a line (Rouge's rule for
those). A rule may match nothing; after more than five such matches in a row, one character is
written as `err`, as is a character no rule matches.
"""

from __future__ import annotations

_MAX_NULL_STEPS = 5


class RegexLexer:
    def __init__(self, states: dict, start: tuple = ("root",)):
        self.states = states
        self.stack = list(start)
        self._null_steps = 0

    def push(self, state: str) -> None:
        self.stack.append(state)

    def pop(self, times: int = 1) -> None:
        for _ in range(times):
            if len(self.stack) > 1:  # the root state stays
                self.stack.pop()

    def _act(self, action, m):
        if action is None:
            return None
        if callable(action):
            return action(self, m)
        if isinstance(action, tuple):
            self.stack.extend(action)
        elif action == "#pop":
            self.pop()
        elif action == "#pop2":
            self.pop(2)
        elif action == "#reset":
            del self.stack[1:]
        elif action == "#push":
            self.push(self.stack[-1])
        elif action.startswith("#goto:"):
            self.stack[-1] = action[len("#goto:"):]
        else:
            self.push(action)
        return None

    def _step(self, code: str, pos: int, out: list) -> int | None:
        """Try the current state's rules at `pos`; the new position, or None if none matched
        (or too many matched nothing)."""
        at_line_start = pos == 0 or code[pos - 1] == "\n"
        for pattern, cls, action in self.states[self.stack[-1]]:
            if not at_line_start and pattern.pattern.startswith("^"):
                continue
            m = pattern.match(code, pos)
            if m is None:
                continue
            if isinstance(cls, tuple):
                out += [(c(g) if callable(c) else c, g) for c, g in zip(cls, m.groups()) if g]
            elif cls is not None and m.group(0):
                out.append((cls(m.group(0)) if callable(cls) else cls, m.group(0)))
            more = self._act(action, m)
            if more:
                out += more
            if m.end() == pos:
                self._null_steps += 1
                if self._null_steps > _MAX_NULL_STEPS:
                    return None
            else:
                self._null_steps = 0
            return m.end()
        return None

    def lex(self, code: str) -> list:
        """Tokens for `code`. The state stack is kept: a template lexer may call `lex` again
        with the text that follows (Rouge's `delegate`)."""
        out: list = []
        pos = 0
        while pos < len(code):
            new_pos = self._step(code, pos, out)
            if new_pos is None:
                out.append(("err", code[pos]))
                pos += 1
            else:
                pos = new_pos
        return out
