"""What to check and what to leave out: the `check:` key of _config.yml, then the flags.

    check:
      ignore_urls: ["^https://twitter\\.com/", "/drafts/"]  # regexes searched in the URL as written
      ignore_files: ["^private/", "google[0-9a-f]+\\.html"]  # regexes searched in the path in the destination
      disable: [alt, favicons]        # checks to turn off (CHECKS below)
      external: false                 # true: fetch http(s) links as --external does
      external_timeout: 10            # seconds per request

Flags add to the lists (--ignore-urls, --ignore-files, --disable) or override (--external,
--external-timeout).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from jekyll_py.errors import JekyllError

# Each check and what it covers.
CHECKS = {
    "links": "internal <a href> and <link href> targets exist (and hrefs are not empty)",
    "anchors": "#fragments name an id or <a name> on the target page",
    "images": "<img>/<source> src and srcset exist",
    "alt": "<img> has an alt attribute",
    "scripts": "<script src> and <link rel=stylesheet> files exist",
    "favicons": "<link rel=icon> files exist",
}
_KEYS = ("ignore_urls", "ignore_files", "disable", "external", "external_timeout")
DEFAULT_TIMEOUT = 10.0


@dataclass
class CheckOptions:
    ignore_urls: list = field(default_factory=list)    # compiled patterns
    ignore_files: list = field(default_factory=list)   # compiled patterns
    disabled: set = field(default_factory=set)
    external: bool = False
    timeout: float = DEFAULT_TIMEOUT

    def enabled(self, check: str) -> bool:
        return check not in self.disabled

    def url_ignored(self, url: str) -> bool:
        return any(pattern.search(url) for pattern in self.ignore_urls)

    def file_ignored(self, path: str) -> bool:
        return any(pattern.search(path) for pattern in self.ignore_files)


def _string_list(value, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise JekyllError(f"Error: {where} must be a list of strings.")


def _comma_list(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _patterns(values: list[str], where: str) -> list:
    patterns = []
    for value in values:
        try:
            patterns.append(re.compile(value))
        except re.error as err:
            raise JekyllError(f"Error: {where}: '{value}' is not a valid regular expression ({err}).")
    return patterns


def _checks(values: list[str], where: str) -> set:
    for name in values:
        if name not in CHECKS:
            raise JekyllError(f"Error: {where}: unknown check '{name}' "
                              f"(the checks are {', '.join(CHECKS)}).")
    return set(values)


def _timeout(value, where: str) -> float:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = 0.0
    if not seconds > 0:
        raise JekyllError(f"Error: {where} must be a number of seconds above 0, not '{value}'.")
    return seconds


def load_options(config_value, args) -> CheckOptions:
    """Options from the `check:` configuration value (None or a mapping) and the flags."""
    if config_value is None:
        config_value = {}
    if not isinstance(config_value, dict):
        raise JekyllError("Error: the 'check' key of the configuration must be a mapping "
                          f"(of {', '.join(_KEYS)}).")
    unknown = [key for key in config_value if key not in _KEYS]
    if unknown:
        raise JekyllError(f"Error: unknown key 'check.{unknown[0]}' in the configuration "
                          f"(known: {', '.join(_KEYS)}).")
    options = CheckOptions()
    options.ignore_urls = _patterns(
        _string_list(config_value.get("ignore_urls"), "check.ignore_urls in the configuration")
        + _comma_list(getattr(args, "ignore_urls", None)), "check.ignore_urls / --ignore-urls")
    options.ignore_files = _patterns(
        _string_list(config_value.get("ignore_files"), "check.ignore_files in the configuration")
        + _comma_list(getattr(args, "ignore_files", None)), "check.ignore_files / --ignore-files")
    options.disabled = _checks(
        _string_list(config_value.get("disable"), "check.disable in the configuration")
        + _comma_list(getattr(args, "disable", None)), "check.disable / --disable")
    external = config_value.get("external", False)
    if not isinstance(external, bool):
        raise JekyllError("Error: check.external in the configuration must be true or false.")
    options.external = external or bool(getattr(args, "external", False))
    if getattr(args, "external_timeout", None) is not None:
        options.timeout = _timeout(args.external_timeout, "--external-timeout")
    elif config_value.get("external_timeout") is not None:
        options.timeout = _timeout(config_value["external_timeout"],
                                   "check.external_timeout in the configuration")
    return options
