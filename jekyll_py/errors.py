"""Errors that end a build with one clear line (no traceback unless --trace)."""


class JekyllError(Exception):
    """A user-facing error. str(err) is the whole line printed to the user."""


class ConfigError(JekyllError):
    """A broken or unreadable configuration file."""


class FrontMatterError(JekyllError):
    """Invalid YAML front matter (fatal only with --strict_front_matter)."""


class LiquidException(JekyllError):
    """A Liquid parse or render error, worded as Jekyll words it:
    `Liquid Exception: Liquid syntax error (line 3): Unknown tag 'foo' in _pages/about.md`."""


class ConversionError(JekyllError):
    """A converter (Markdown, Sass) failed on a document."""
