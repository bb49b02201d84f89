"""Dates as Jekyll sees them: Time.parse(...).localtime in the site time zone."""
from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jekyll_py.errors import JekyllError
from jekyll_py.timeparse import ruby_time_parse

def site_timezone(name: str | None) -> dt.tzinfo:
    """The zone dates are shown in: `timezone:` from the config, else $TZ, else the machine's."""
    for candidate in (name, os.environ.get("TZ")):
        if candidate:
            try:
                return ZoneInfo(str(candidate).lstrip(":"))
            except (ZoneInfoNotFoundError, ValueError):
                if candidate is name:
                    raise JekyllError(f"Invalid timezone '{name}' in the configuration.")
    try:
        with open("/etc/localtime", "rb") as handle:
            return ZoneInfo.from_file(handle, key="localtime")
    except OSError:
        return dt.datetime.now().astimezone().tzinfo


def parse_date(text: str, tz: dt.tzinfo, message: str) -> dt.datetime:
    """Parse a date string as Jekyll's Utils.parse_date does (Ruby's Time.parse, then
    localtime), into the site zone."""
    try:
        return RubyTime.of(ruby_time_parse(str(text), tz))
    except (ValueError, OverflowError):
        raise JekyllError(f"Invalid date '{text}': {message}") from None


def coerce_date(value, tz: dt.tzinfo, message: str) -> dt.datetime:
    """A front-matter date value (string, YAML date or YAML timestamp) as an aware datetime."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            # Psych reads a timestamp without a zone as UTC.
            value = value.replace(tzinfo=dt.timezone.utc)
        return RubyTime.of(value.astimezone(tz))
    if isinstance(value, dt.date):
        return RubyTime(value.year, value.month, value.day, tzinfo=tz)
    return parse_date(str(value), tz, message)


def ruby_time_string(value: dt.datetime) -> str:
    """Ruby's Time#to_s: '2024-03-06 12:30:00 +0800'."""
    return value.strftime("%Y-%m-%d %H:%M:%S %z")


class RubyTime(dt.datetime):
    """A datetime that prints as Ruby's Time#to_s does, which is what `{{ page.date }}` shows."""

    def __str__(self) -> str:
        return ruby_time_string(self)

    @classmethod
    def of(cls, value: dt.datetime) -> "RubyTime":
        return cls(value.year, value.month, value.day, value.hour, value.minute, value.second,
                   value.microsecond, tzinfo=value.tzinfo, fold=value.fold)
