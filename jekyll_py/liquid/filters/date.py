"""Date filters: Jekyll's `date_to_xmlschema`, `date_to_rfc822`, `date_to_string`,
`date_to_long_string` (lib/jekyll/filters/date_filters.rb) and Liquid's `date`.

Jekyll's filters convert the date to the site's time zone first (`localtime`); Liquid's `date`
formats the value as it comes (a string's own offset is kept). Formats are Ruby's strftime.
"""
from __future__ import annotations

from jekyll_py.liquid import ruby, rubytime
from jekyll_py.liquid.filters.support import is_nil, nil_to_none, with_engine
from jekyll_py.liquid.messages import JekyllTagError


def _local(value, engine):
    time = rubytime.to_time(value, engine.timezone)
    if time is None:
        raise JekyllTagError(
            f"Invalid Date: '{ruby.inspect(value)}' is not a valid datetime.")
    return rubytime.localtime(time, engine.timezone)


def _empty(value) -> bool:
    return is_nil(value) or ruby.to_s(value) == ""


@with_engine
def date_to_xmlschema(value, *, engine):
    if _empty(value):
        return nil_to_none(value)
    return rubytime.xmlschema(_local(value, engine))


@with_engine
def date_to_rfc822(value, *, engine):
    if _empty(value):
        return nil_to_none(value)
    return rubytime.rfc822(_local(value, engine))


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _stringify(value, month: str, kind, style, engine):
    if _empty(value):
        return nil_to_none(value)
    time = _local(value, engine)
    if kind == "ordinal":
        day = f"{time.day}{_ordinal(time.day)}"
        if style == "US":
            return rubytime.strftime(time, f"{month} {day}, %Y")
        return rubytime.strftime(time, f"{day} {month} %Y")
    return rubytime.strftime(time, f"%d {month} %Y")


@with_engine
def date_to_string(value, kind=None, style=None, *, engine):
    return _stringify(value, "%b", nil_to_none(kind), nil_to_none(style), engine)


@with_engine
def date_to_long_string(value, kind=None, style=None, *, engine):
    return _stringify(value, "%B", nil_to_none(kind), nil_to_none(style), engine)


@with_engine
def date(value, fmt=None, *, engine):
    """Liquid's `date`: the input unchanged when the format is empty or it is not a date."""
    value = nil_to_none(value)
    text = ruby.to_s(nil_to_none(fmt))
    if text == "":
        return value
    time = rubytime.to_time(value, engine.timezone)
    if time is None:
        return value
    return rubytime.strftime(time, text)


FILTERS = {
    "date_to_xmlschema": date_to_xmlschema,
    "date_to_rfc822": date_to_rfc822,
    "date_to_string": date_to_string,
    "date_to_long_string": date_to_long_string,
    "date": date,
}
