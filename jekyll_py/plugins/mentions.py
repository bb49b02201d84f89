"""jekyll-mentions 1.6: `@name` in a page's HTML links to https://github.com/name.

After a page or written document is rendered to HTML, each `@name` in its text (not inside
`pre`, `code`, `a`, `style` or `script`, nor part of an e-mail address) becomes
`<a href="BASE/name" class="user-mention">@name</a>`. `@mention`, `@mentions`,
`@mentioned` and `@mentioning` stay as they are. BASE is `https://github.com`, or
`jekyll-mentions: URL` / `jekyll-mentions: {base_url: URL}` in the config or the page's
front matter; `jekyll-mentions: false` in front matter leaves the page alone. With the
`SSL` and `GITHUB_HOSTNAME` environment variables set, the default base is that host.

When a page has mentions, its body is re-written by libxml2 as the gem's html-pipeline does
(see html_fragment.py); pages without any are left byte for byte.
"""
from __future__ import annotations

import os
import re

from jekyll_py.errors import JekyllError
from jekyll_py.log import logger
from jekyll_py.plugins import html_fragment

GITHUB_DOT_COM = "https://github.com"
SKIP_INSIDE = {"pre", "code", "a", "style", "script"}
MENTION_INFO_LOGINS = {"mention", "mentions", "mentioned", "mentioning"}
# HTML::Pipeline::MentionFilter's pattern with the gem's username pattern [\w][\w-]*,
# in Ruby's dialect (^ and $ are line anchors, \w is ASCII).
MENTION_RE = re.compile(r"""
    (?:^|\W)                    # start of a line or a non-word character
    @([\w][\w-]*)(?![\w-])     # @username, whole (Ruby: an atomic group)
    (?!/)                       # not followed by a slash
    (?=
      \.+[ \t\W]|               # dots, then a space or a non-word character
      \.+$|                     # dots at the end of a line
      [^0-9a-zA-Z_.]|           # a non-word character other than a dot
      $                         # the end of a line
    )""", re.I | re.X | re.M | re.A)

_warned = False


def register(site) -> None:
    site.plugins.register(["pages", "documents"], "post_render", mentionify, document_local=True)


def mention_base(config: dict) -> str:
    value = config.get("jekyll-mentions")
    if value is None:
        return _default_base()
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value["base_url"]) if "base_url" in value else _default_base()
    raise JekyllError("Your jekyll-mentions config has to either be a string or a hash. "
                      f"It's a {_ruby_class(value)} right now.")


def _ruby_class(value) -> str:
    names = {bool: "TrueClass" if value is True else "FalseClass", int: "Integer",
             float: "Float", list: "Array"}
    return names.get(type(value), type(value).__name__)


def _default_base() -> str:
    ssl, host = os.environ.get("SSL", ""), os.environ.get("GITHUB_HOSTNAME", "")
    if ssl and host:
        scheme = "https://" if ssl == "true" else "http://"
        return scheme + host.rstrip("/")
    return GITHUB_DOT_COM


def mentionable(doc) -> bool:
    permalink = doc.permalink
    return ((getattr(doc, "is_page", False) or doc.write)
            and (doc.output_ext == ".html" or (bool(permalink) and str(permalink).endswith("/")))
            and doc.data.get("jekyll-mentions") is not False)


def link_mentions(text: str, base_url: str) -> str:
    """MentionFilter#mention_link_filter on one text node's HTML."""
    url_base = base_url if re.search(r"[/~]\Z", base_url) else base_url + "/"

    def link(match):
        login = match.group(1)
        if login.lower() in MENTION_INFO_LOGINS:
            return match.group(0)
        anchor = f"<a href='{url_base}{login}' class='user-mention'>@{login}</a>"
        return match.group(0).replace("@" + login, anchor, 1)

    return MENTION_RE.sub(link, text)


def filter_html(html: str, base_url: str) -> str:
    def replace(node):
        content = node.to_html()
        if "@" not in content:
            return None
        linked = link_mentions(content, base_url)
        return None if linked == content else linked

    return html_fragment.filter_text_nodes(html, replace, SKIP_INSIDE)


def mentionify(doc) -> None:
    if not mentionable(doc):
        return
    content = doc.output or ""
    if "@" not in content:
        return
    config = doc.site.config
    if "jekyll-mentions" in doc.data:
        config = {**config, **doc.data}
    base_url = mention_base(config)
    parts = html_fragment.body_parts(content)
    body = content if parts is None else parts[1]
    if not MENTION_RE.search(body):
        return
    if not _libxml_available():
        return
    linked = filter_html(body, base_url)
    doc.output = linked if parts is None else parts[0] + linked + parts[2]


def _libxml_available() -> bool:
    global _warned
    if html_fragment.available():
        return True
    if not _warned:
        _warned = True
        logger.warn("jekyll-mentions:", "libxml2 is not installed, so @mentions are not "
                                        "linked (install the libxml2 system package).")
    return False
