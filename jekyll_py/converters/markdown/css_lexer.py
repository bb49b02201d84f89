"""CSS tokenised the way Rouge 3.30 does it.

Pygments' CSS lexer classes property names, selectors, units and `url(...)` differently from
Rouge, and CSS is common on Jekyll sites (theme overrides), so CSS is lexed here. Rouge reads a
stylesheet with a few states: selectors (`nt` tags, `nc` classes, `nf` ids, `nd` pseudo-classes,
`k` at-rules), declaration blocks (`nl` for known property names, `py` for others), and values
(`m` numbers with their unit and colours, `sx` for `url(...)`, `nb` for CSS keywords, `no` for
colour names, `n` for other words; double-quoted strings are `s1`, single-quoted `s2`).

The word lists are the standard CSS vocabularies (property names, CSS 2.1 keyword values,
named colours).

`lex_css(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

_IDENT = r"(?:[^\W\d]|[_-])[\w-]*"
_NUMBER = r"-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
_UNITS = (
    r"(?:%|(?:em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn"
    r"|s|ms|Hz|kHz)\b)?"
)

PROPERTIES = set("""
align-content align-items align-self all animation animation-delay animation-direction
animation-duration animation-fill-mode animation-iteration-count animation-name
animation-play-state animation-timing-function appearance azimuth backface-visibility
background background-attachment background-clip background-color background-image
background-origin background-position background-repeat background-size border
border-bottom border-bottom-color border-bottom-left-radius border-bottom-right-radius
border-bottom-style border-bottom-width border-collapse border-color border-image
border-image-outset border-image-repeat border-image-slice border-image-source
border-image-width border-left border-left-color border-left-style border-left-width
border-radius border-right border-right-color border-right-style border-right-width
border-spacing border-style border-top border-top-color border-top-left-radius
border-top-right-radius border-top-style border-top-width border-width bottom box-decoration-break
box-shadow box-sizing break-after break-before break-inside caption-side clear clip clip-path
color column-count column-fill column-gap column-rule column-rule-color column-rule-style
column-rule-width column-span column-width columns content counter-increment counter-reset
cue cue-after cue-before cursor direction display elevation empty-cells filter flex flex-basis
flex-direction flex-flow flex-grow flex-shrink flex-wrap float font font-family
font-feature-settings font-kerning font-size font-size-adjust font-stretch font-style
font-variant font-weight hanging-punctuation height hyphens icon image-orientation
image-rendering ime-mode justify-content left letter-spacing line-break line-height list-style
list-style-image list-style-position list-style-type margin margin-bottom margin-left
margin-right margin-top marks mask max-height max-width min-height min-width opacity order
orphans outline outline-color outline-offset outline-style outline-width overflow overflow-style
overflow-wrap overflow-x overflow-y padding padding-bottom padding-left padding-right padding-top
page page-break-after page-break-before page-break-inside pause pause-after pause-before
perspective perspective-origin pitch pitch-range play-during position quotes resize rest
rest-after rest-before richness right rotation rotation-point ruby-align ruby-overhang
ruby-position ruby-span size speak speak-header speak-numeral speak-punctuation speech-rate
src stress tab-size table-layout target target-name target-new target-position text-align
text-align-last text-decoration text-decoration-color text-decoration-line
text-decoration-style text-emphasis text-emphasis-color text-emphasis-position
text-emphasis-style text-indent text-justify text-outline text-overflow text-rendering
text-shadow text-transform text-underline-position text-wrap top transform transform-origin
transform-style transition transition-delay transition-duration transition-property
transition-timing-function unicode-bidi vertical-align visibility voice-family volume
white-space widows width word-break word-spacing word-wrap writing-mode z-index
""".split())

KEYWORDS = set("""
above absolute always armenian aural auto avoid baseline behind below bidi-override blink block
bold bolder both bottom capitalize center center-left center-right circle cjk-ideographic
close-quote collapse condensed continuous crop cross crosshair cursive dashed decimal
decimal-leading-zero default digits disc dotted double e-resize embed expanded extra-condensed
extra-expanded fantasy far-left far-right fast faster fixed georgian groove hebrew help hidden
hide high higher hiragana hiragana-iroha icon inherit inline inline-table inset inside invert
italic justify katakana katakana-iroha landscape large larger left left-side leftwards level
lighter line-through list-item loud low lower lower-alpha lower-greek lower-roman lowercase ltr
medium message-box middle mix monospace n-resize narrower ne-resize no-close-quote
no-open-quote no-repeat none normal nowrap nw-resize oblique once open-quote outset outside
overline pointer portrait px relative repeat repeat-x repeat-y rgb ridge right right-side
rightwards s-resize sans-serif scroll se-resize semi-condensed semi-expanded separate serif show
silent slow slower small-caps small-caption smaller soft solid spell-out square static
status-bar super sw-resize table-caption table-cell table-column table-column-group
table-footer-group table-header-group table-row table-row-group text text-bottom text-top thick
thin top transparent ultra-condensed ultra-expanded underline upper-alpha upper-latin
upper-roman uppercase url visible w-resize wait wider x-fast x-high x-large x-loud x-low x-small
x-soft xx-large xx-small yes
""".split())

COLOURS = set("""
aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet
brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan
darkblue darkcyan darkgoldenrod darkgray darkgreen darkkhaki darkmagenta darkolivegreen
darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkturquoise
darkviolet deeppink deepskyblue dimgray dodgerblue firebrick floralwhite forestgreen fuchsia
gainsboro ghostwhite gold goldenrod gray green greenyellow honeydew hotpink indianred indigo
ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
lightgoldenrodyellow lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue
lightslategray lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine
mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen
mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy
oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise
palevioletred papayawhip peachpuff peru pink plum powderblue purple red rosybrown royalblue
saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray snow
springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
yellowgreen
""".split())

VENDOR_PREFIXES = ("-ah-", "-atsc-", "-hp-", "-khtml-", "-moz-", "-ms-", "-o-", "-rim-", "-ro-",
                   "-tc-", "-wap-", "-webkit-", "-xv-", "mso-", "prince-")


def _c(pattern, flags=0):
    return re.compile(pattern, flags)


def _value_word(text):
    if text in COLOURS:
        return "no"
    if text in KEYWORDS:
        return "nb"
    return "n"


def _property(text):
    return "nl" if text in PROPERTIES or text.startswith(VENDOR_PREFIXES) else "py"


# A rule: (pattern, class | tuple of group classes | function of the text, action).
# Actions: None, a state to push, "#pop", "#pop2".
_BASICS = [(_c(r"\s+"), "", None), (_c(r"/\*.*?\*/", re.S), "c", None)]
_STRINGS = [
    (_c(r'"(?:\\\\|\\"|[^"])*"'), "s1", None),
    (_c(r"'(?:\\\\|\\'|[^'])*'"), "s2", None),
]
_ROOT = _BASICS + [
    (_c(r"\{"), "p", "stanza"),
    (_c(r":[:]?" + _IDENT), "nd", None),
    (_c(r"\." + _IDENT), "nc", None),
    (_c(r"#" + _IDENT), "nf", None),
    (_c(r"@" + _IDENT), "k", "at_rule"),
    (_c(_IDENT), "nt", None),
    (_c(r"[~^*!%&\[\]()<>|+=@:;,./?-]"), "o", None),
] + _STRINGS
_VALUE = _BASICS + [
    (_c(r"url\(.*?\)"), "sx", None),
    (_c(r"#[0-9a-f]{1,6}", re.I), "m", None),
    (_c(_NUMBER + _UNITS), "m", None),
    (_c(r"[\[\]():/.,]"), "p", None),
] + _STRINGS + [(_c(_IDENT), _value_word, None)]
_AT_CONTENT = [(_c(r"\}"), "p", "#pop2")]
_STANZA = _BASICS + [
    (_c(r"\}"), "p", "#pop"),
    (_c(r"(" + _IDENT + r")(\s*)(:)"), (_property, "", "p"), "stanza_value"),
]
STATES = {
    "root": _ROOT,
    "value": _VALUE,
    "at_rule": [
        (_c(r"\{(?=\s*" + _IDENT + r"\s*:)"), "p", "at_stanza"),
        (_c(r"\{"), "p", "at_body"),
        (_c(r";"), "p", "#pop"),
    ] + _VALUE,
    "at_body": _AT_CONTENT + _ROOT,
    "at_stanza": _AT_CONTENT + _STANZA,
    "stanza": _STANZA,
    "stanza_value": [
        (_c(r";"), "p", "#pop"),
        (_c(r"(?=\})"), None, "#pop"),
        (_c(r"!\s*important\b"), "cp", None),
        (_c(r"^@.*?$", re.M), "cp", None),
    ] + _VALUE,
}


def run_states(states: dict, code: str, stack: list | None = None) -> list:
    """Run a Rouge-style state machine over `code`; [(class, text)].

    A rule is (pattern, class, action): class is a CSS class, a function of the matched text, a
    tuple of those for the groups, or None (match nothing, only change state); action is None,
    a state to push, "#pop", "#pop2" or "#reset" (back to the root state). A rule matching
    nothing must change the state. A character no rule matches is an error token.
    `stack` (changed in place) carries the state from one call to the next."""
    out: list = []
    if stack is None:
        stack = ["root"]
    pos = 0
    n = len(code)
    while pos < n:
        for pattern, cls, action in states[stack[-1]]:
            m = pattern.match(code, pos)
            if not m or (m.end() == pos and action is None):
                continue
            if m.end() == pos and action[0] != "#" and len(stack) > 100:
                continue  # zero-width pushes that never make progress
            if isinstance(cls, tuple):
                for group, group_cls in enumerate(cls, 1):
                    text = m.group(group)
                    if text:
                        out.append((group_cls(text) if callable(group_cls) else group_cls, text))
            elif cls is not None and m.group(0):
                out.append((cls(m.group(0)) if callable(cls) else cls, m.group(0)))
            if action == "#pop":
                if len(stack) > 1:
                    stack.pop()
            elif action == "#pop2":
                del stack[max(1, len(stack) - 2):]
            elif action == "#reset":
                stack[:] = ["root"]
            elif action is not None:
                stack.append(action)
            pos = m.end()
            break
        else:
            out.append(("err", code[pos]))
            pos += 1
    return out


class CssLexer:
    """A CSS lexer whose `lex(text)` may be called again with the text that follows (the
    HTML lexer feeds a style sheet piece by piece, as Rouge's delegate does)."""

    def __init__(self):
        self.stack = ["root"]

    def lex(self, code: str) -> list:
        return run_states(STATES, code, self.stack)


def lex_css(code: str) -> list:
    return run_states(STATES, code)
