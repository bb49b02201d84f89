"""jemoji 0.13: `:name:` emoji codes in a page's HTML become GitHub's emoji images.

After a page or written document is rendered to HTML, each `:name:` in its text (not inside
`pre`, `code` or `tt`) whose name is an emoji short name becomes

    <img class="emoji" title=":name:" alt=":name:" src="SRC/emoji/unicode/HEX.png" height="20" width="20">

HEX is the emoji's code points in hex joined by `-`, without U+FE0F and U+200D (gemoji's
file names). SRC is `https://github.githubassets.com/images/icons/`, or
`$ASSET_HOST_URL/images/icons/`, or the config's `emoji: {src: URL}`.

The emoji names come from the `emoji` package (offline): its English short names and its
aliases (GitHub's names among them); where one name is both, the alias wins (`:dog:` is
the dog's face, as on GitHub). Checked against gemoji 4.1's list, all its names are known and
all but `:beetle:` and `:egg:` give its image. It knows a few more names than gemoji (`:thumbs_up:` as well as `:+1:`), and no
images of GitHub's own (`:octocat:`). Like the gem, a page with emoji has its body re-written
by libxml2 (see html_fragment.py); the reference Jekyll used for tests has no jemoji, so
tests check the gem's documented markup.
"""
from __future__ import annotations

import functools
import os
import re

from jekyll_py.errors import JekyllError
from jekyll_py.log import logger
from jekyll_py.plugins import html_fragment

GITHUB_ASSET_HOST = "https://github.githubassets.com"
ASSET_PATH = "/images/icons/"
SKIP_INSIDE = {"pre", "code", "tt"}

_warned = False


def register(site) -> None:
    site.plugins.register(["pages", "documents"], "post_render", emojify, document_local=True)


@functools.lru_cache(maxsize=1)
def emoji_files() -> dict[str, str]:
    """Short name -> image file name under `emoji/` (e.g. "+1" -> "unicode/1f44d.png")."""
    try:
        import emoji
    except ImportError:
        raise JekyllError("jemoji: the Python package 'emoji' is not installed "
                          "(pip install emoji).") from None

    files = {}
    for character, entry in emoji.EMOJI_DATA.items():
        files.setdefault(entry["en"].strip(":"), character)
    for character, entry in emoji.EMOJI_DATA.items():  # aliases (GitHub's names) win
        for alias in entry.get("alias", ()):
            files[alias.strip(":")] = character
    return {name: "unicode/" + hex_name(character) + ".png" for name, character in files.items()}


def hex_name(character: str) -> str:
    codes = "-".join(f"{ord(c):04x}" for c in character)
    return re.sub(r"-(fe0f|200d)\b", "", codes)


@functools.lru_cache(maxsize=1)
def emoji_pattern() -> re.Pattern:
    """`:(name|name|...):` over every known name, in sorted order (as the gem builds it)."""
    names = sorted(emoji_files())
    return re.compile(":(" + "|".join(re.escape(name) for name in names) + "):")


def emoji_src(config: dict) -> str:
    settings = config.get("emoji")
    if isinstance(settings, dict) and "src" in settings:
        return str(settings["src"])
    host = os.environ.get("ASSET_HOST_URL", "")
    if host:
        return host.rstrip("/") + ASSET_PATH
    return GITHUB_ASSET_HOST + ASSET_PATH


def _file_join(*parts: str) -> str:
    """Ruby's File.join: one "/" between the parts, whatever they end or start with."""
    result = parts[0]
    for part in parts[1:]:
        result = result.rstrip("/") + "/" + part.lstrip("/")
    return result


def image_tag(name: str, src: str) -> str:
    url = _file_join(src, "emoji", emoji_files()[name])
    return (f'<img class="emoji" title=":{name}:" alt=":{name}:" src="{url}" '
            'height="20" width="20">')


def emojify_text(text: str, src: str) -> str:
    return emoji_pattern().sub(lambda match: image_tag(match.group(1), src), text)


def filter_html(html: str, src: str) -> str:
    def replace(node):
        text = node.text
        if ":" not in text:
            return None
        replaced = emojify_text(text, src)
        return None if replaced == text else replaced

    return html_fragment.filter_text_nodes(html, replace, SKIP_INSIDE)


def emojiable(doc) -> bool:
    # The gem's test reads `(page or written) and html, or permalink ends in /`.
    permalink = doc.permalink
    return (((getattr(doc, "is_page", False) or doc.write) and doc.output_ext == ".html")
            or (bool(permalink) and str(permalink).endswith("/")))


def emojify(doc) -> None:
    if not emojiable(doc):
        return
    output = doc.output or ""
    if ":" not in output or not emoji_pattern().search(output):
        return
    if not _libxml_available():
        return
    src = emoji_src(doc.site.config)
    parts = html_fragment.body_parts(output)
    if parts is None:
        doc.output = filter_html(output, src)
    else:
        head, body, rest = parts
        doc.output = head + (filter_html(body, src) if body else "") + rest


def _libxml_available() -> bool:
    global _warned
    if html_fragment.available():
        return True
    if not _warned:
        _warned = True
        logger.warn("jemoji:", "libxml2 is not installed, so emoji are not replaced "
                               "(install the libxml2 system package).")
    return False
