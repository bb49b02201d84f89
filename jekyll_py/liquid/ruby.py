"""Ruby value semantics that Jekyll's Liquid output depends on.

Jekyll's templates run in Ruby, so what a value looks like on the page is Ruby's `to_s`
(`1.0`, `1.0e+20`, arrays joined without separator, hashes as `{"a"=>1}`) and `inspect`
(`"a \"b\""`, `nil`, `[1, "x"]`). Python's `str()` differs on almost each of these.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal


def float_to_s(value: float) -> str:
    """Ruby's Float#to_s: shortest round-trip digits, `.0` kept, exponent outside 1e-4..1e16."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    sign, digits, exponent = Decimal(float.__repr__(value)).normalize().as_tuple()
    text = "".join(map(str, digits)) or "0"
    if value == 0:
        return "-0.0" if math.copysign(1, value) < 0 else "0.0"
    decpt = len(text) + exponent  # position of the decimal point in the digit string
    minus = "-" if sign else ""
    if decpt < -3 or decpt > 16:
        mantissa = text[0] + "." + (text[1:] or "0")
        exp = decpt - 1
        return f"{minus}{mantissa}e{'+' if exp >= 0 else '-'}{abs(exp):02d}"
    if decpt <= 0:
        return f"{minus}0.{'0' * -decpt}{text}"
    if decpt >= len(text):
        return f"{minus}{text}{'0' * (decpt - len(text))}.0"
    return f"{minus}{text[:decpt]}.{text[decpt:]}"


def time_to_s(value: dt.datetime) -> str:
    """Ruby's Time#to_s: `2024-03-06 12:30:00 +0800`."""
    if value.tzinfo is None:
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return value.strftime("%Y-%m-%d %H:%M:%S %z")


def to_s(value: object) -> str:
    """What `{{ value }}` prints in Ruby Liquid."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        return float_to_s(value)
    if isinstance(value, Decimal):
        return float_to_s(float(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return time_to_s(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    if hasattr(value, "__liquid_str__"):
        return value.__liquid_str__()
    if isinstance(value, Mapping) and not hasattr(value, "to_liquid"):
        return inspect(value)
    if isinstance(value, (list, tuple)):
        return "".join(to_s(item) for item in value)
    return str(value)


def string(value: object) -> str:
    """Ruby's `value.to_s`, which filters call on their input: like `to_s` above except that
    an array is inspected (`["a", "b"]`), not joined as `{{ array }}` prints it."""
    if isinstance(value, (list, tuple)):
        return inspect(value)
    return to_s(value)


_STRING_ESCAPES = {
    '"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\f": "\\f",
    "\v": "\\v", "\b": "\\b", "\a": "\\a", "\x1b": "\\e",
}


def inspect_string(text: str) -> str:
    """Ruby's String#inspect for a UTF-8 string."""
    out = ['"']
    for i, char in enumerate(text):
        if char in _STRING_ESCAPES:
            out.append(_STRING_ESCAPES[char])
        elif char == "#" and text[i + 1:i + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\x{ord(char):02X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def inspect(value: object) -> str:
    """Ruby's #inspect (Ruby 3.1 hash syntax `{"a"=>1}`)."""
    if value is None:
        return "nil"
    if isinstance(value, str):
        return inspect_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Decimal)):
        return to_s(value)
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    if isinstance(value, Mapping):
        items = ", ".join(f"{inspect(k)}=>{inspect(v)}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, Sequence):
        return "[" + ", ".join(inspect(item) for item in value) + "]"
    if isinstance(value, dt.datetime):
        return time_to_s(value)
    if isinstance(value, dt.date):
        return f"#<Date: {value.isoformat()}>"
    return to_s(value)


# What Ruby's `\s` matches: ASCII whitespace only (Python's also takes no-break spaces).
SPACE = " \t\n\v\f\r"
# What Ruby's strip, lstrip, to_i and Integer() skip: ASCII whitespace and NUL.
WHITESPACE = SPACE + "\0"
_INTEGER_LITERAL = re.compile(
    r"([+-]?)(?:0([xX])([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)|0([bB])([01]+(?:_[01]+)*)"
    r"|0([oO]?)_?([0-7]+(?:_[0-7]+)*)|0[dD]([0-9]+(?:_[0-9]+)*)|([1-9][0-9]*(?:_[0-9]+)*|0))",
    re.ASCII)


def kernel_integer(text: str):
    """Ruby's `Integer(text)` for a string (`"010"` is 8, `"0x1f"` 31), or None where Ruby
    raises."""
    match = _INTEGER_LITERAL.fullmatch(text.strip(SPACE))
    if not match:
        return None
    sign, _, hexa, _, binary, _, octal, prefixed, decimal = match.groups()
    decimal = prefixed if prefixed is not None else decimal
    if hexa is not None:
        number = int(hexa.replace("_", ""), 16)
    elif binary is not None:
        number = int(binary.replace("_", ""), 2)
    elif octal is not None:
        number = int(octal.replace("_", ""), 8)
    else:
        number = int(decimal.replace("_", ""))
    return -number if sign == "-" else number


def to_i(value: object) -> int:
    """Ruby's #to_i: leading integer of a string (`"12abc"` → 12, `"x"` → 0)."""
    if isinstance(value, bool) or value is None:
        raise TypeError
    if isinstance(value, (int, float, Decimal)):
        return int(value)
    text = str(value).lstrip(SPACE)
    end = 0
    if text[:1] in "+-" and text[:1]:
        end = 1
    start_digits = end
    while end < len(text) and (text[end] in "0123456789"
                               or (text[end] == "_" and end > start_digits)):
        end += 1
    digits = text[:end].replace("_", "")
    if end == start_digits:
        return 0
    return int(digits)


def is_drop(value: object) -> bool:
    """Whether `value` stands for a Ruby Jekyll::Drops::Drop (site, documents, collections,
    static files) rather than a Hash. A Drop is Enumerable over `each`, which yields key and
    value: a one-argument block (Liquid's `for`, its InputIterator) gets the key alone, while
    Enumerable#first packs both into [key, value]; a Drop has no `size` or `last`."""
    return getattr(value, "ruby_drop", False) is True


def eql_key(value: object):
    """A key equal for two values exactly when Ruby's `eql?` says so (Hash keys, `uniq`):
    1, 1.0 and true differ; arrays and hashes compare by their contents."""
    if isinstance(value, Mapping):
        return ("Hash", frozenset((eql_key(k), eql_key(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return ("Array", tuple(eql_key(item) for item in value))
    try:
        hash(value)
    except TypeError:
        return (type(value).__name__, id(value))
    return (type(value).__name__, value)


def integer_size(value: int) -> int:
    """Ruby's Integer#size: 8 for a machine integer, else the bytes of its magnitude."""
    if -(1 << 62) <= value < (1 << 62):
        return 8
    return (abs(value).bit_length() + 7) // 8
