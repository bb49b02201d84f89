"""jekyll-py: a Python reimplementation of Jekyll 4.3."""

__version__ = "0.1.0"
# The Jekyll version we reproduce; exposed to templates as `jekyll.version`.
JEKYLL_VERSION = "4.3.1"
