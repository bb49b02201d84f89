"""YAML front matter: detecting it, splitting it off, and parsing it as Jekyll (Psych) does."""
from __future__ import annotations

import datetime as dt
import re

import yaml

from jekyll_py.dates import RubyTime, site_timezone

try:  # libyaml gives the same error wording as Ruby's Psych (both are libyaml)
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):
    """PyYAML's safe loader, with the scalars Psych reads differently read as Psych does."""


def _construct_timestamp(loader, node):
    """A timestamp as Psych reads it. A date alone is a date, or stays a string if there is no
    such day (2018-02-30). A date and time goes through Ruby's Time.utc, which rolls a day past
    the month's end over into the next month (2018-02-30 10:00:00 is March 2) and leaves worse
    values a string; without a zone it is a UTC instant shown in the local zone (the site's
    `timezone`, which is in $TZ by the time files are read), as Psych's Time.at gives."""
    text = loader.construct_scalar(node)
    values = loader.timestamp_regexp.match(node.value).groupdict()
    year, month, day = int(values["year"]), int(values["month"]), int(values["day"])
    if not values["hour"]:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return text
    hour, minute, second = int(values["hour"]), int(values["minute"]), int(values["second"])
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 24 and minute <= 59
            and second <= 60):
        return text
    fraction = int((values["fraction"] or "0")[:6].ljust(6, "0"))
    moment = dt.datetime(year, month, 1) + dt.timedelta(
        days=day - 1, hours=hour, minutes=minute, seconds=second, microseconds=fraction)
    if values["tz_sign"]:
        offset = dt.timedelta(hours=int(values["tz_hour"]),
                              minutes=int(values["tz_minute"] or 0))
        zone = dt.timezone(-offset if values["tz_sign"] == "-" else offset)
        return RubyTime.of(moment.replace(tzinfo=zone))
    moment = moment.replace(tzinfo=dt.timezone.utc)
    if values["tz"]:  # `Z`: Psych keeps a UTC time
        return RubyTime.of(moment)
    return RubyTime.of(moment.astimezone(site_timezone(None)))


def _construct_int(loader, node):
    """Integers as Psych reads them: `1,000` is 1000, and in base 60 (`1:30:00`) Psych counts
    the first part in hours whatever the number of parts, so `1:20` is 4800, not 80."""
    text = loader.construct_scalar(node).replace("_", "").replace(",", "")
    if ":" not in text:
        node = yaml.ScalarNode(node.tag, text, node.start_mark, node.end_mark)
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    parts = [int(part) for part in text.split(":")]  # a sign belongs to the first part only
    return sum(part * 60 ** abs(index - 2) for index, part in enumerate(parts))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
# Psych also reads decimal integers with thousands commas (`1,000`) and base-60 numbers with
# a leading zero (`01:30`) as integers.
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[1-9](?:[0-9]|,[0-9]|_[0-9])*|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+)$"),
    list("-+0123456789"))
# Psych reads null and the booleans in any case (`nULL`, `tRUE`, `oN`), not only in the three
# spellings YAML 1.1 lists.
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?i:null)$"), list("nN"))
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?i:yes|true|on|no|false|off)$"), list("yYtToOnNfF"))
# Psych reads a date with one-digit month or day (`2018-9-1`) as a date too.
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp",
    re.compile(r"^[0-9]{4}-(?:1[012]|0[0-9]|[0-9])-(?:[12][0-9]|3[01]|0[0-9]|[0-9])$"),
    list("0123456789"))



def _construct_symbol(loader, node):
    raise DisallowedClass("Symbol")


def _construct_value_indicator(loader, node):
    """`=` (YAML 1.1's value key) and `<<` outside a merge are plain strings to Psych."""
    return loader.construct_scalar(node)


_Loader.add_implicit_resolver("tag:ruby.yaml.org,2002:symbol", re.compile(r"^:.", re.S), [":"])
_Loader.add_constructor("tag:ruby.yaml.org,2002:symbol", _construct_symbol)
_Loader.add_constructor("tag:yaml.org,2002:value", _construct_value_indicator)
_Loader.add_constructor("tag:yaml.org,2002:merge", _construct_value_indicator)

# Document::YAML_FRONT_MATTER_REGEXP
FRONT_MATTER_RE = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.M | re.S | re.A)  # Ruby: \s is ASCII
_HEADER_RE = re.compile(rb"\A---\s*\r?\n")


class YAMLSyntaxError(Exception):
    """A YAML error worded as Psych words it: '(<unknown>): PROBLEM at line L column C'."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


class DisallowedClass(YAMLSyntaxError):
    """A value Psych.safe_load refuses (Jekyll permits only Date and Time): a plain scalar
    starting with ':' and one more character is a Ruby Symbol. Jekyll words this error
    differently from a syntax error where it reads front matter."""

    def __init__(self, class_name: str):
        super().__init__(f"Tried to load unspecified class: {class_name}")


def has_front_matter(path: str) -> bool:
    """Jekyll's has_yaml_header?: the file's first line (raw bytes) is `---`."""
    with open(path, "rb") as handle:
        first = handle.readline()
    return bool(_HEADER_RE.match(first))


class _RedefiningLoader(yaml.SafeLoader):
    """The pure-Python loader, used when a document defines an anchor twice: libyaml's composer
    (and PyYAML's) refuse that, but Psych lets the later `&name` replace the earlier one."""

    def compose_node(self, parent, index):
        if not self.check_event(yaml.AliasEvent):
            anchor = self.peek_event().anchor
            if anchor is not None:
                self.anchors.pop(anchor, None)
        return super().compose_node(parent, index)


# Same scalars as _Loader (the class attributes are copied, not shared).
_RedefiningLoader.yaml_constructors = dict(_Loader.yaml_constructors)
_RedefiningLoader.yaml_implicit_resolvers = {
    key: list(value) for key, value in _Loader.yaml_implicit_resolvers.items()}


def _first_document(text: str):
    loader = _Loader(text)
    try:
        return loader.get_data() if loader.check_data() else None
    finally:
        loader.dispose()


def load_yaml(text: str, filename: str = "<unknown>"):
    try:
        try:
            return yaml.load(text, Loader=_Loader)
        except yaml.composer.ComposerError as err:
            problem = str(err.problem) + str(err.context)
            if "expected a single document" in problem:
                # Psych's load reads the first document of a stream and ignores the rest.
                return _first_document(text)
            if "duplicate anchor" not in problem:
                raise
            return yaml.load(text, Loader=_RedefiningLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.context_mark or err.problem_mark
        parts = [p for p in (err.problem, err.context) if p]
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        raise YAMLSyntaxError(f"({filename}): {' '.join(parts)} at line {line} column {column}",
                              line) from None
    except yaml.YAMLError as err:
        raise YAMLSyntaxError(f"({filename}): {err}") from None


def split(text: str):
    """Return (yaml_text or None, body, number_of_front_matter_lines)."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return None, text, 0
    return match.group(1), text[match.end():], text[:match.end()].count("\n")
