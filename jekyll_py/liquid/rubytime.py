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
        return dt.datetime.fromtimestamp(value, zone)
    if isinstance(value, float):
        return None
    if not isinstance(value, str):
        return None
    text = value.lower()
    if text == "":
        return None
    if text in ("now", "today"):
        return dt.datetime.now(zone)
    if re.fullmatch(r"\d+", text):
        return dt.datetime.fromtimestamp(int(text), zone)
    return parse_time(value, zone)


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


_DIRECTIVE = re.compile(r"%([-_0^#]*)(\d*)(:{0,2}[a-zA-Z%+])")
_COMPOSITE = {"c": "%a %b %e %H:%M:%S %Y", "D": "%m/%d/%y", "x": "%m/%d/%y", "F": "%Y-%m-%d",
              "T": "%H:%M:%S", "X": "%H:%M:%S", "R": "%H:%M", "r": "%I:%M:%S %p",
              "v": "%e-%^b-%Y", "+": "%a %b %e %H:%M:%S %Z %Y"}


def _field(value: dt.datetime, conv: str) -> tuple[object, str, int]:
    """(value, default padding char, default width) of one directive."""
    hour12 = (value.hour % 12) or 12 if isinstance(value, dt.datetime) else 12
    hour = getattr(value, "hour", 0)
    iso = value.isocalendar()
    numeric = {
        "Y": (value.year, "0", 1), "C": (value.year // 100, "0", 2), "y": (value.year % 100, "0", 2),
        "m": (value.month, "0", 2), "d": (value.day, "0", 2), "e": (value.day, " ", 2),
        "j": (value.timetuple().tm_yday, "0", 3), "H": (hour, "0", 2), "k": (hour, " ", 2),
        "I": (hour12, "0", 2), "l": (hour12, " ", 2), "M": (getattr(value, "minute", 0), "0", 2),
        "S": (getattr(value, "second", 0), "0", 2), "u": (value.isoweekday(), "0", 1),
        "w": (value.isoweekday() % 7, "0", 1), "G": (iso[0], "0", 1), "g": (iso[0] % 100, "0", 2),
        "V": (iso[1], "0", 2), "U": (int(value.strftime("%U")), "0", 2),
        "W": (int(value.strftime("%W")), "0", 2),
    }
    if conv in numeric:
        return numeric[conv]
    if conv == "s":
        stamp = value.timestamp() if isinstance(value, dt.datetime) else 0
        return int(stamp), "0", 1
    text = {
        "A": _DAYS[value.weekday()], "a": _DAYS[value.weekday()][:3],
        "B": _MONTHS[value.month - 1], "b": _MONTHS[value.month - 1][:3],
        "h": _MONTHS[value.month - 1][:3], "p": "AM" if hour < 12 else "PM",
        "P": "am" if hour < 12 else "pm", "Z": zone_name(value) if isinstance(value, dt.datetime) else "",
        "z": _offset(value, 0), ":z": _offset(value, 1), "::z": _offset(value, 2),
        "n": "\n", "t": "\t", "%": "%",
    }
    if conv in text:
        return text[conv], " ", 0
    raise KeyError(conv)


def strftime(value: dt.datetime | dt.date, fmt: str) -> str:
    """Ruby's Time#strftime."""
    def replace(match: re.Match) -> str:
        flags, width, conv = match.group(1), match.group(2), match.group(3)
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
        elif "#" in flags:
            text = text.swapcase() if conv not in ("p",) else text.lower()
        if width:
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
