"""Ruby's `Time.parse` for the date strings Jekyll reads (front matter `date:`, config `time:`).

Jekyll hands any date string to Ruby's `Time.parse`, which is very forgiving: it picks a time
(`18:30`, `6pm`, with an optional zone) and a date (`2023-01-29`, `Jan 5, 2019`, `5 Jan 2019`,
`2019/01/05`, `01/05/2019`, `2019.01.05`, `20190105`...) out of the text and ignores the rest.
`parse_ruby_date(text)` does what Ruby's `Date._parse` does for these common shapes and returns
the fields found; `ruby_time_parse(text, tz)` then fills the missing fields as `Time.parse`
does (from the current time, in the site zone) and applies the zone.

Shapes Ruby knows but real sites do not use (ISO week dates, Japanese eras, BC years) are left
out; such text falls through to the plain-number rules below or is reported as invalid."""
from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_DAYS = "sun|mon|tue|wed|thu|fri|sat"
_I = re.IGNORECASE

# Characters Date._parse keeps; every other run becomes one space.
_JUNK = re.compile(r"[^-+',./:@0-9A-Za-z\[\]]+")
_DAY = re.compile(rf"\b({_DAYS})[^-/\d\s]*", _I)
_TIME = re.compile(
    r"("
    r"(?:\d+\s*:\s*\d+(?:\s*:\s*\d+(?:[,.]\d*)?)?"
    r"|\d+\s*h(?:\s*\d+m?(?:\s*\d+s?)?)?)"
    r"(?:\s*[ap](?:m\b|\.m\.))?"
    r"|\d+\s*[ap](?:m\b|\.m\.)"
    r")"
    r"(?:\s*("
    r"(?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?"
    r"|[A-Za-z.\s]+(?:standard|daylight)\stime\b"
    r"|[A-Za-z]+(?:\sdst)?\b"
    r"))?", _I)
_TIME_PARTS = re.compile(
    r"\A(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?"
    r"(?:\s*([ap])(?:m\b|\.m\.))?", _I)
_ERA = r"(c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.))?"
_EU = re.compile(rf"('?\d+)[^-\d\s]*\s*({_MONTHS})[^-\d\s']*(?:\s*{_ERA}\s*('?-?\d+(?:(?:st|nd|rd|th)\b)?))?", _I)
_US = re.compile(rf"\b({_MONTHS})[^-\d\s']*\s*('?\d+)[^-\d\s']*(?:\s*,?\s*{_ERA}\s*('?-?\d+))?", _I)
_ISO = re.compile(r"('?[-+]?\d+)-(\d+)-('?-?\d+)")
_VMS1 = re.compile(rf"('?-?\d+)-({_MONTHS})[^-/.]*-('?-?\d+)", _I)
_VMS2 = re.compile(rf"\b({_MONTHS})[^-/.]*-('?-?\d+)(?:-('?-?\d+))?", _I)
_SLASH = re.compile(r"('?-?\d+)/\s*('?\d+)(?:\D\s*('?-?\d+))?")
_DOT = re.compile(r"('?-?\d+)\.\s*('?\d+)\.\s*('?-?\d+)")
_YEAR = re.compile(r"'(\d+)\b")
_MON = re.compile(rf"\b({_MONTHS})\S*", _I)
_MDAY = re.compile(r"(\d+)(st|nd|rd|th)\b", _I)
_DIGITS = re.compile(r"([-+]?)(\d{2,14})(?:\s*t?\s*(\d{2,6})?(?:[,.](\d*))?)?"
                     r"(?:\s*(z\b|[-+]\d{1,4}\b|\[[-+]?\d[^\]]*\]))?", _I)
_FRAG = re.compile(r"\A\s*(\d{1,2})\s*\Z")

# Time.zone_offset's table (Ruby's time.rb), in hours.
_ZONE_HOURS = {"UTC": 0, "Z": 0, "UT": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6,
               "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}
_ZONE_HOURS.update({c: i + 1 for i, c in enumerate("ABCDEFGHI")})
_ZONE_HOURS.update({c: i + 10 for i, c in enumerate("KLM")})
_ZONE_HOURS.update({c: -(i + 1) for i, c in enumerate("NOPQRSTUVWXY")})


def _month_number(name: str) -> int:
    return _MONTHS.split("|").index(name[:3].lower()) + 1


def _sub(pattern, text: str, found: dict, callback) -> tuple[bool, str]:
    """Match `pattern` once; on a match call `callback(match, found)` and blank the match out
    (Date._parse replaces what a rule used by a space so later rules do not see it)."""
    match = pattern.search(text)
    if not match:
        return False, text
    callback(match, found)
    return True, text[:match.start()] + " " + text[match.end():]


def _set_ymd(found: dict, y, m, d) -> None:
    """Date._parse's rule for three parts whose roles depend on their form: a part with more
    than two digits or a leading apostrophe is the year, and the order is shuffled to suit."""
    if y is not None and m is not None and d is None:
        y, m, d = d, y, m  # two parts: month and day
    if y is None:
        if d is not None and (len(d) > 2 or d.startswith("'")):
            y, d = d, None
    if y is not None:
        digits = re.match(r"[^-+\d]*([-+]?\d+)(.*)", y)
        if digits and digits.group(2):  # 'the year' has trailing text: it was the day
            y, d = d, digits.group(1)
    if m is not None and (m.startswith("'") or len(m) > 2):
        y, m, d = m, d, y  # US order: month, day, year
    if d is not None and (d.startswith("'") or len(d) > 2):
        y, d = d, y
    if y is not None:
        digits = re.search(r"([-+]?)(\d+)", y)
        if digits:
            found["year"] = int(digits.group(1) + digits.group(2))
            if digits.group(1) or len(digits.group(2)) > 2:
                found["_comp"] = False
    if m is not None:
        digits = re.search(r"\d+", m)
        if digits:
            found["mon"] = int(digits.group())
    if d is not None:
        digits = re.search(r"\d+", d)
        if digits:
            found["mday"] = int(digits.group())


def _on_day(match, found):
    found["wday"] = _DAYS.split("|").index(match.group(1)[:3].lower())


def _on_time(match, found):
    if match.group(2):
        found["zone"] = match.group(2)
    parts = _TIME_PARTS.match(match.group(1))
    if not parts:
        return
    hour, minute, second, fraction, ampm = parts.groups()
    hour = int(hour)
    if ampm:
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    found["hour"] = hour
    if minute is not None:
        found["min"] = int(minute)
    if second is not None:
        found["sec"] = int(second)
    if fraction:
        found["sec_fraction"] = int(fraction) / 10 ** len(fraction)


def _on_eu(match, found):
    day, month, _era, year = match.groups()
    _set_ymd(found, year, str(_month_number(month)), day)


def _on_us(match, found):
    month, day, _era, year = match.groups()
    _set_ymd(found, year, str(_month_number(month)), day)


def _on_iso(match, found):
    _set_ymd(found, *match.groups())


def _on_vms1(match, found):
    day, month, year = match.groups()
    _set_ymd(found, year, str(_month_number(month)), day)


def _on_vms2(match, found):
    month, day, year = match.groups()
    _set_ymd(found, year, str(_month_number(month)), day)


def _on_year(match, found):
    found["year"] = int(match.group(1))


def _on_mon(match, found):
    found["mon"] = _month_number(match.group(1))


def _on_mday(match, found):
    found["mday"] = int(match.group(1))


def _on_digits(match, found):
    """A run of digits: `20190105`, `190105`, `0105`, `05`, optionally with a time run."""
    sign, run, time_run, fraction, zone = match.groups()
    negative = sign == "-"
    only_time = time_run is None and fraction is not None
    n = len(run)
    if only_time:  # the run is a time (hhmmss)
        if n >= 2:
            found["sec"] = int(run[-2:])
        if n >= 4:
            found["min"] = int(run[-4:-2])
        if n >= 6:
            found["hour"] = int(run[-6:-4])
        if n >= 8:
            found["mday"] = int(run[-8:-6])
        if n >= 10:
            found["mon"] = int(run[-10:-8])
        if n in (3, 5, 7):  # one digit more than the pairs: min, hour or mday
            key = {3: "min", 5: "hour", 7: "mday"}[n]
            found[key] = int(run[0])
    elif n == 3:  # a day of the year
        found["yday"] = int(run)
    elif n == 5:
        found["year"] = -int(run[:2]) if negative else int(run[:2])
        found["yday"] = int(run[2:])
    elif n == 7:
        found["year"] = -int(run[:4]) if negative else int(run[:4])
        found["yday"] = int(run[4:])
    elif n == 2:
        found["mday"] = int(run)
    elif n == 4:
        found["mon"], found["mday"] = int(run[:2]), int(run[2:])
    elif n == 6:
        found["year"] = -int(run[:2]) if negative else int(run[:2])
        found["mon"], found["mday"] = int(run[2:4]), int(run[4:6])
    elif n in (8, 10, 12, 14):
        found["year"] = -int(run[:4]) if negative else int(run[:4])
        found["mon"], found["mday"] = int(run[4:6]), int(run[6:8])
        if n >= 10:
            found["hour"] = int(run[8:10])
        if n >= 12:
            found["min"] = int(run[10:12])
        if n >= 14:
            found["sec"] = int(run[12:14])
        found["_comp"] = False
    if time_run is not None and len(time_run) in (2, 4, 6):
        if fraction is not None:
            found["sec"] = int(time_run[-2:])
            if len(time_run) >= 4:
                found["min"] = int(time_run[-4:-2])
            if len(time_run) >= 6:
                found["hour"] = int(time_run[-6:-4])
        else:
            found["hour"] = int(time_run[:2])
            if len(time_run) >= 4:
                found["min"] = int(time_run[2:4])
            if len(time_run) >= 6:
                found["sec"] = int(time_run[4:6])
    if fraction:
        found["sec_fraction"] = int(fraction) / 10 ** len(fraction)
    if zone:
        found["zone"] = zone


def parse_ruby_date(text: str) -> dict:
    """The fields Ruby's `Date._parse(text)` finds: year, mon, mday, hour, min, sec,
    sec_fraction, zone (as written) and wday."""
    s = _JUNK.sub(" ", str(text))
    found: dict = {"_comp": True}
    has_alpha = re.search(r"[A-Za-z]", s) is not None
    has_digit = re.search(r"\d", s) is not None
    if has_alpha:
        _, s = _sub(_DAY, s, found, _on_day)
    if has_digit:
        _, s = _sub(_TIME, s, found, _on_time)
    rules = []
    if has_alpha and has_digit:
        rules += [(_EU, _on_eu), (_US, _on_us)]
    if has_digit and "-" in s:
        rules.append((_ISO, _on_iso))
    if has_alpha and has_digit and "-" in s:
        rules += [(_VMS1, _on_vms1), (_VMS2, _on_vms2)]
    if has_digit and "/" in s:
        rules.append((_SLASH, _on_iso))
    if has_digit and "." in s:
        rules.append((_DOT, _on_iso))
    if has_digit:
        rules.append((_YEAR, _on_year))
    if has_alpha:
        rules.append((_MON, _on_mon))
    if has_digit:
        rules += [(_MDAY, _on_mday), (_DIGITS, _on_digits)]
    for pattern, callback in rules:
        matched, s = _sub(pattern, s, found, callback)
        if matched:
            break
    if has_digit:
        frag = _FRAG.search(s)
        if frag:
            number = int(frag.group(1))
            if "hour" in found and "mday" not in found and 1 <= number <= 31:
                found["mday"] = number
            elif "mday" in found and "hour" not in found and 0 <= number <= 24:
                found["hour"] = number
    if found.pop("_comp") and "year" in found and 0 <= found["year"] <= 99:
        found["year"] += 1900 if found["year"] >= 69 else 2000
    return found


def zone_offset(zone: str) -> dt.timedelta | None:
    """Ruby's Time.zone_offset: the offset of `+08:00`, `-0800`, `+08`, `UTC`, `EST`...;
    None for a zone it does not know (the time is then read in the local zone)."""
    zone = zone.strip()
    upper = zone.upper()
    if upper in _ZONE_HOURS:
        return dt.timedelta(hours=_ZONE_HOURS[upper])
    match = re.fullmatch(r"([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?", zone) or \
        re.fullmatch(r"([+-])(\d\d)()()()", zone)
    if not match:
        return None
    sign = -1 if match.group(1) == "-" else 1
    seconds = int(match.group(2)) * 3600 + int(match.group(4) or 0) * 60 + \
        int(match.group(5) or 0)
    return dt.timedelta(seconds=sign * seconds)


def ruby_time_parse(text: str, tz: dt.tzinfo, now: dt.datetime | None = None) -> dt.datetime:
    """Ruby's `Time.parse(text).localtime` with the local zone `tz`. Raises ValueError when
    Ruby raises ArgumentError (no date or time in the text, a field out of range)."""
    found = parse_ruby_date(text)
    fields = ("year", "mon", "mday", "hour", "min", "sec", "sec_fraction")
    if not any(key in found for key in fields + ("yday",)):
        raise ValueError(f"no time information in {text!r}")
    offset = zone_offset(found["zone"]) if "zone" in found else None
    zone = dt.timezone(offset) if offset is not None else tz
    now = (now or dt.datetime.now(tz)).astimezone(zone)
    if "yday" in found:
        # Time.parse turns a day of the year (Date._parse reads a lone 3-digit number so)
        # into a month and day of the given year, else of the current one.
        year = found.get("year", now.year)
        yday = found.pop("yday")
        if not 1 <= yday <= (366 if calendar.isleap(year) else 365):
            raise ValueError(f"yday {yday} out of range")
        day = dt.date(year, 1, 1) + dt.timedelta(days=yday - 1)
        found.update(year=year, mon=day.month, mday=day.day)
    values = {}
    for key, current in zip(fields, (now.year, now.month, now.day, now.hour, now.minute,
                                     now.second, now.microsecond / 1e6)):
        if key in found:
            break
        values[key] = current  # Ruby fills from now only up to the first field given
    values.update({k: v for k, v in found.items() if k in fields})
    year = values.get("year", 1970)
    month, day = values.get("mon", 1), values.get("mday", 1)
    hour, minute, second = values.get("hour", 0), values.get("min", 0), values.get("sec", 0)
    if not (1 <= month <= 12 and 1 <= day <= 31 and 0 <= hour <= 24 and 0 <= minute <= 59
            and 0 <= second <= 60):
        raise ValueError("argument out of range")
    micro = int(round(values.get("sec_fraction", 0) * 1_000_000))
    # Ruby's Time rolls a day past the month's end (Feb 30) and hour 24 over to what follows.
    base = dt.datetime(year, month, 1)
    naive = base + dt.timedelta(days=day - 1, hours=hour, minutes=minute, seconds=second,
                                microseconds=micro)
    if offset is not None:
        return naive.replace(tzinfo=zone).astimezone(tz)
    return _localize(naive, tz)


def _localize(naive: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """`naive` as a wall-clock time in `tz`. A time a DST change skips moves forward by the
    change, as Ruby's Time.local does (02:30 on the spring-forward day is 03:30)."""
    aware = naive.replace(tzinfo=tz)
    return aware.astimezone(dt.timezone.utc).astimezone(tz)
