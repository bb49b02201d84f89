"""Ruby's date handling as Liquid and Jekyll's date filters see it.

`to_time` is Liquid's `Utils.to_date` (strings parsed like Ruby's `Time.parse`, digits as epoch
seconds, "now"/"today"), and `strftime` is Ruby's `Time#strftime`, whose flags (`%-d`, `%^b`,
`%e`, `%L`, `%N`, `%:z`, `%P`, ...) and zone names differ from Python's.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from dateutil import tz as date_tz

from jekyll_py import timeparse

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def local_zone(name: Optional[str]) -> dt.tzinfo:
    """The zone Jekyll renders in: the site's `timezone`, else the machine's."""
    if name:
        zone = date_tz.gettz(str(name))
        if zone is not None:
            return zone
    return date_tz.tzlocal()


def to_time(value: object, zone: dt.tzinfo) -> Optional[dt.datetime | dt.date]:
    """Liquid's Utils.to_date: a datetime (or date) for `value`, or None if it is not one."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return _from_timestamp(value, zone)
    if isinstance(value, float):
        return None
    if not isinstance(value, str):
        return None
    text = value.lower()
    if text == "":
        return None
    if text in ("now", "today"):
        return dt.datetime.now(zone)
    if re.fullmatch(r"\d+", text, re.ASCII):
        return _from_timestamp(int(text), zone)
    return parse_time(value, zone)


def _from_timestamp(seconds: int, zone: dt.tzinfo) -> Optional[dt.datetime]:
    """Time.at(seconds); None beyond the years Python represents (1-9999), where the date
    filter then gives its input back."""
    try:
        return dt.datetime.fromtimestamp(seconds, zone)
    except (ValueError, OverflowError, OSError):
        return None


def parse_time(text: str, zone: dt.tzinfo) -> Optional[dt.datetime]:
    """Ruby's Time.parse (jekyll_py/timeparse.py) as Liquid calls it: not moved to the local
    zone, so a time written with an offset keeps it, unless the offset is the local zone's
    (then the local zone's name shows, as in Ruby); None where Ruby raises ArgumentError."""
    try:
        local = timeparse.ruby_time_parse(text, zone)
        written = timeparse.parse_ruby_date(text).get("zone")
    except (ValueError, OverflowError):
        return None
    offset = timeparse.zone_offset(written) if written else None
    if offset is None or local.utcoffset() == offset:
        return local
    return local.astimezone(dt.timezone(offset))


def localtime(value: dt.datetime | dt.date, zone: dt.tzinfo) -> dt.datetime:
    """Ruby's `date.to_time.localtime`: the same instant in the local zone."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=zone)
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(zone)


def zone_name(value: dt.datetime) -> str:
    """Ruby's `%Z`: a zone abbreviation, "UTC", or "" for a bare numeric offset."""
    tzinfo = value.tzinfo
    if tzinfo is None:
        return ""
    if isinstance(tzinfo, date_tz.tzutc) or tzinfo is dt.timezone.utc:
        return "UTC"
    if isinstance(tzinfo, (date_tz.tzoffset, dt.timezone)):
        return ""
    return value.tzname() or ""


def _offset(value: dt.datetime, colons: int) -> str:
    delta = value.utcoffset() if isinstance(value, dt.datetime) else None
    seconds = int(delta.total_seconds()) if delta is not None else 0
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if colons == 0:
        return f"{sign}{hours:02d}{minutes:02d}"
    if colons == 1:
        return f"{sign}{hours:02d}:{minutes:02d}"
    return f"{sign}{hours:02d}:{minutes:02d}:{secs:02d}"


_DIRECTIVE = re.compile(r"%([-_0^#]*)(\d*)([EO]?)(:{0,2}[a-zA-Z%+])")
# The conversions Ruby accepts after the E and O modifiers (which change nothing in its
# C locale); any other pairing is left as written.
_MODIFIABLE = {"E": set("cCxXyY"), "O": set("deHImMSuUVwWy")}
_COMPOSITE = {"c": "%a %b %e %H:%M:%S %Y", "D": "%m/%d/%y", "x": "%m/%d/%y", "F": "%Y-%m-%d",
              "T": "%H:%M:%S", "X": "%H:%M:%S", "R": "%H:%M", "r": "%I:%M:%S %p",
              "v": "%e-%^b-%Y"}  # no `%+`: Time#strftime leaves it as it is


def _hour12(value) -> int:
    return (value.hour % 12) or 12 if isinstance(value, dt.datetime) else 12


# Each directive's (value, default padding char, default width), computed only when used.
_NUMERIC = {
    "Y": lambda v: (v.year, "0", 4), "C": lambda v: (v.year // 100, "0", 2),
    "y": lambda v: (v.year % 100, "0", 2), "m": lambda v: (v.month, "0", 2),
    "d": lambda v: (v.day, "0", 2), "e": lambda v: (v.day, " ", 2),
    "j": lambda v: (v.timetuple().tm_yday, "0", 3),
    "H": lambda v: (getattr(v, "hour", 0), "0", 2), "k": lambda v: (getattr(v, "hour", 0), " ", 2),
    "I": lambda v: (_hour12(v), "0", 2), "l": lambda v: (_hour12(v), " ", 2),
    "M": lambda v: (getattr(v, "minute", 0), "0", 2),
    "S": lambda v: (getattr(v, "second", 0), "0", 2),
    "u": lambda v: (v.isoweekday(), "0", 1), "w": lambda v: (v.isoweekday() % 7, "0", 1),
    "G": lambda v: (v.isocalendar()[0], "0", 1), "g": lambda v: (v.isocalendar()[0] % 100, "0", 2),
    "V": lambda v: (v.isocalendar()[1], "0", 2), "U": lambda v: (int(v.strftime("%U")), "0", 2),
    "W": lambda v: (int(v.strftime("%W")), "0", 2),
    "s": lambda v: (int(v.timestamp()) if isinstance(v, dt.datetime) else 0, "0", 1),
}
_TEXT = {
    "A": lambda v: _DAYS[v.weekday()], "a": lambda v: _DAYS[v.weekday()][:3],
    "B": lambda v: _MONTHS[v.month - 1], "b": lambda v: _MONTHS[v.month - 1][:3],
    "h": lambda v: _MONTHS[v.month - 1][:3],
    "p": lambda v: "AM" if getattr(v, "hour", 0) < 12 else "PM",
    "P": lambda v: "am" if getattr(v, "hour", 0) < 12 else "pm",
    "Z": lambda v: zone_name(v) if isinstance(v, dt.datetime) else "",
    "z": lambda v: _offset(v, 0), ":z": lambda v: _offset(v, 1), "::z": lambda v: _offset(v, 2),
    "n": lambda v: "\n", "t": lambda v: "\t", "%": lambda v: "%",
}


def _field(value: dt.datetime, conv: str) -> tuple[object, str, int]:
    """(value, default padding char, default width) of one directive."""
    if conv in _NUMERIC:
        return _NUMERIC[conv](value)
    if conv in _TEXT:
        return _TEXT[conv](value), " ", 0
    raise KeyError(conv)


def strftime(value: dt.datetime | dt.date, fmt: str) -> str:
    """Ruby's Time#strftime."""
    def replace(match: re.Match) -> str:
        flags, width, modifier, conv = match.groups()
        if modifier and conv not in _MODIFIABLE[modifier]:
            return match.group(0)
        if conv in _COMPOSITE:
            out = strftime(value, _COMPOSITE[conv])
            return out.upper() if "^" in flags else out
        if conv in ("L", "N"):
            micro = getattr(value, "microsecond", 0)
            digits = int(width) if width else (3 if conv == "L" else 9)
            return f"{micro:06d}000"[:digits].ljust(digits, "0")
        try:
            field, pad, default_width = _field(value, conv)
        except KeyError:
            return match.group(0)
        if isinstance(field, int):
            text = str(abs(field))
            size = int(width) if width else default_width
            if "-" in flags:
                size = 0
            if "_" in flags:
                pad = " "
            elif "0" in flags:
                pad = "0"
            sign = "-" if field < 0 else ""
            return sign + text.rjust(size - len(sign), pad)
        text = str(field)
        if "^" in flags:
            text = text.upper()
        elif "#" in flags:  # "change case": lower for %p and %Z, upper for the names
            text = text.lower() if conv in ("p", "Z") else text.upper()
        if width and "-" not in flags:
            text = text.rjust(int(width), "0" if "0" in flags else " ")
        return text
    return _DIRECTIVE.sub(replace, fmt)


def xmlschema(value: dt.datetime) -> str:
    """Ruby's Time#xmlschema of a local time: `2024-03-06T12:30:00+08:00`.

    (Ruby writes `Z` only for a Time in UTC mode; Jekyll's filters always call `localtime`
    first, so its output always carries a numeric offset.)"""
    return value.strftime("%Y-%m-%dT%H:%M:%S") + _offset(value, 1)


def rfc822(value: dt.datetime) -> str:
    """Ruby's Time#rfc822 of a local time: `Wed, 06 Mar 2024 12:30:00 +0800`."""
    return strftime(value, "%a, %d %b %Y %H:%M:%S ") + _offset(value, 0)
