"""jekyll-avatar 0.8: `{% avatar USER [size=N] [user=VARIABLE] [lazy=true] %}`.

Gives the `<img>` of a GitHub user's avatar, at avatarsN.githubusercontent.com (N from a
CRC-32 of the path, as the gem picks a server) or under `PAGES_AVATARS_URL`, with a srcset
for 1x to 4x. The markup is rendered as Liquid first (`{% avatar {{ page.author }} %}`);
`user=page.author` names a variable holding the user (the name itself when it is unset).
Sizes under 48 get the class `avatar-small`. Nothing is fetched.
"""
from __future__ import annotations

import os
import re
import zlib
from collections.abc import Mapping
from urllib.parse import urljoin, urlsplit, urlunsplit

from liquid.ast import Node
from liquid.tag import Tag

from jekyll_py.liquid.tags.markup import read_markup, render_markup

SERVERS = 4
DEFAULT_SIZE = "40"
API_VERSION = "3"
SCALES = (1, 2, 3, 4)
_SIZE_RE = re.compile(r"\bsize=(\d+)\b", re.I | re.A)
_USER_VARIABLE_RE = re.compile(r"\buser=([\w.]+)\b", re.A)


def register(site) -> None:
    site.liquid.register_tag(AvatarTag)


class Avatar:
    """One avatar: the user, the size and where the images are."""

    def __init__(self, username: str, size: str, custom_host: str = ""):
        self.username = username
        self.size = size
        self.custom_host = custom_host

    def path(self, scale: int = 1) -> str:
        size = self.size if scale == 1 else str(int(self.size) * scale)
        return f"{self.username}?v={API_VERSION}&s={size}"

    def url(self, scale: int = 1) -> str:
        if self.custom_host:
            return _join_custom_host(self.custom_host, self.path(scale))
        server = zlib.crc32(self.path().encode("utf-8")) % SERVERS
        return f"https://avatars{server}.githubusercontent.com/{self.path(scale)}"

    def srcset(self) -> str:
        return ", ".join(f"{self.url(scale)} {scale}x" for scale in SCALES)

    @property
    def classes(self) -> str:
        return "avatar avatar-small" if int(self.size) < 48 else "avatar"

    def img(self, lazy: bool) -> str:
        attributes = [("class", self.classes), ("alt", self.username), ("width", self.size),
                      ("height", self.size), ("data-proofer-ignore", "true")]
        if lazy:
            attributes += [("src", ""), ("data-src", self.url()),
                           ("data-srcset", self.srcset())]
        else:
            attributes += [("src", self.url()), ("srcset", self.srcset())]
        # The gem formats its template without escaping anything.
        return "<img " + " ".join(f'{key}="{value}"' for key, value in attributes) + " />"


def _join_custom_host(host: str, path: str) -> str:
    """Addressable's `URI.parse(host)` with a trailing "/" on its path, joined with `path`."""
    parts = urlsplit(host)
    base_path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urljoin(urlunsplit(parts._replace(path=base_path)), path)


def _lookup_variable(context, variable: str):
    """The value of `variable` (a dotted name) in the render context, or the name itself."""
    names = variable.split(".")
    value = context.resolve(names[0], default=None)
    for name in names[1:]:
        value = value.get(name) if isinstance(value, Mapping) else None
    return variable if value is None or value is False else value


class AvatarNode(Node):
    def __init__(self, token, markup: str):
        super().__init__(token)
        self.markup = markup.strip()
        match = _SIZE_RE.search(self.markup)
        self.size = match.group(1) if match else DEFAULT_SIZE
        match = _USER_VARIABLE_RE.search(self.markup)
        self.user_variable = match.group(1) if match else None

    def render_to_output(self, context, buffer) -> int:
        text = render_markup(self.markup, context)
        if self.user_variable:
            username = str(_lookup_variable(context, self.user_variable))
        else:
            username = text.split()[0] if text.split() else ""
            if username.startswith("@"):
                username = username[1:]
        host = os.environ.get("PAGES_AVATARS_URL") or ""
        avatar = Avatar(username, self.size, host)
        return buffer.write(avatar.img(lazy="lazy=true" in text))


class AvatarTag(Tag):
    name = "avatar"
    block = False

    def parse(self, stream):
        token, markup = read_markup(stream)
        return AvatarNode(token, markup)
