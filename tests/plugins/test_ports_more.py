"""The second batch of ports: what tests/sites/plugins-more cannot show.

jemoji has no reference build (the reference Jekyll has no jemoji gem), so its expected
markup is the gem's documented output (its spec: `:+1:` in a post gives exactly RESULT).
The others need settings a golden site cannot give (environment variables, options that
turn a plugin off) or errors.
"""
from __future__ import annotations

import pytest

from jekyll_py.errors import JekyllError
from jekyll_py.plugins import html_fragment, jemoji, mentions

needs_libxml = pytest.mark.skipif(not html_fragment.available(), reason="no libxml2")

DEFAULT_SRC = "https://github.githubassets.com/images/icons/"
RESULT = ('<img class="emoji" title=":+1:" alt=":+1:" '
          f'src="{DEFAULT_SRC}emoji/unicode/1f44d.png" height="20" width="20">')


# -- jemoji -----------------------------------------------------------------------------------

@needs_libxml
def test_jemoji_replaces_emoji_in_posts_pages_and_written_documents(build):
    built = build({
        "_config.yml": "plugins: [jemoji]\ncollections: {docs: {output: true}, secret: {}}\n",
        "_posts/2014-12-02-refactor.md": "---\n---\n:+1:\n",
        "index.md": "---\n---\n:+1:\n",
        "_docs/file.md": "---\n---\n:+1:\n",
        "_docs/plain.txt": "---\n---\n:+1:",
        "_secret/hidden.md": "---\n---\n:+1:\n",
    })
    assert built.read("2014/12/02/refactor.html") == f"<p>{RESULT}</p>\n"
    assert built.read("index.html") == f"<p>{RESULT}</p>\n"
    assert built.read("docs/file.html") == f"<p>{RESULT}</p>\n"
    assert built.read("docs/plain.txt") == ":+1:"
    secret = built.site.collections["secret"].docs[0]
    assert secret.output == "<p>:+1:</p>\n"


@needs_libxml
def test_jemoji_leaves_code_and_unknown_names_and_the_head_alone(build):
    built = build({
        "_config.yml": "plugins: [jemoji]\n",
        "_layouts/default.html": ("<html><head><title>:smile: {{ page.title }}</title></head>\n"
                                  "<body class=\"wrap\">\n  {{ content }}</body></html>\n"),
        "index.html": ("---\nlayout: default\ntitle: Hi\n---\n"
                       "<p>I :heart: it, <code>:smile:</code>, <tt>:smile:</tt> and "
                       ":no_such_emoji_name:</p>\n<pre>\":smile: every day\"</pre>\n"),
    })
    heart = (f'<img class="emoji" title=":heart:" alt=":heart:" '
             f'src="{DEFAULT_SRC}emoji/unicode/2764.png" height="20" width="20">')
    assert built.read("index.html") == (
        "<html><head><title>:smile: Hi</title></head>\n<body class=\"wrap\">\n"
        f"  <p>I {heart} it, <code>:smile:</code>, <tt>:smile:</tt> and "
        ":no_such_emoji_name:</p>\n<pre>\":smile: every day\"</pre>\n"
        "</body></html>\n")


@needs_libxml
def test_jemoji_asset_root_from_config_and_environment(build, monkeypatch):
    built = build({"_config.yml": "plugins: [jemoji]\nemoji: {src: 'http://mine.club/'}\n",
                   "a.md": "---\n---\n:+1:\n"})
    assert built.read("a.html") == "<p>" + RESULT.replace(DEFAULT_SRC, "http://mine.club/") + "</p>\n"
    monkeypatch.setenv("ASSET_HOST_URL", "https://assets.github.vm/")
    assert jemoji.emoji_src({}) == "https://assets.github.vm/images/icons/"
    monkeypatch.setenv("ASSET_HOST_URL", "")
    assert jemoji.emoji_src({}) == DEFAULT_SRC


def test_jemoji_file_names_follow_gemoji():
    # Code points in hex; U+FE0F and U+200D left out (gemoji's image file names).
    files = jemoji.emoji_files()
    assert files["smile"] == "unicode/1f604.png"
    assert files["copyright"] == "unicode/00a9.png"
    assert files["family_man_woman_boy"] == "unicode/1f468-1f469-1f466.png"
    assert files["dog"] == "unicode/1f436.png"  # GitHub's :dog: is the dog's face
    assert files["+1"] == files["thumbsup"] == "unicode/1f44d.png"


# -- jekyll-mentions --------------------------------------------------------------------------

def test_mentions_base_from_the_environment(monkeypatch):
    monkeypatch.setenv("SSL", "true")
    monkeypatch.setenv("GITHUB_HOSTNAME", "github.example.com/")
    assert mentions.mention_base({}) == "https://github.example.com"
    monkeypatch.setenv("SSL", "false")
    assert mentions.mention_base({}) == "http://github.example.com"
    assert mentions.mention_base({"jekyll-mentions": {"base_url": "https://x.org"}}) == \
        "https://x.org"


def test_mentions_config_of_the_wrong_type_is_an_error(build):
    with pytest.raises(JekyllError, match="has to either be a string or a hash. "
                                          "It's a Array right now"):
        build({"_config.yml": "plugins: [jekyll-mentions]\njekyll-mentions: [a]\n",
               "a.md": "---\n---\nhi @someone\n"})


def test_mentions_only_in_html_output(build):
    built = build({"_config.yml": "plugins: [jekyll-mentions]\n",
                   "notes.txt": "---\n---\nhi @someone\n"})
    assert built.read("notes.txt") == "hi @someone\n"


def test_mention_pattern_edges():
    # As the reference links `<p>@a.b @dots... a@b (@x) @x/ @mentioned</p>`.
    linked = mentions.link_mentions("@a.b @dots... a@b (@x) @x/ @mentioned",
                                    "https://github.com")
    assert linked == ("@a.b "
                      "<a href='https://github.com/dots' class='user-mention'>@dots</a>... "
                      "a@b (<a href='https://github.com/x' class='user-mention'>@x</a>) "
                      "@x/ @mentioned")


# -- jekyll-avatar ----------------------------------------------------------------------------

def test_avatar_custom_host(build, monkeypatch):
    monkeypatch.setenv("PAGES_AVATARS_URL", "https://avatars.example.com/base")
    built = build({"_config.yml": "plugins: [jekyll-avatar]\n",
                   "a.html": "---\n---\n{% avatar hubot size=50 %}"})
    url = "https://avatars.example.com/base/hubot?v=3&s="
    assert built.read("a.html") == (
        f'<img class="avatar" alt="hubot" width="50" height="50" data-proofer-ignore="true" '
        f'src="{url}50" srcset="{url}50 1x, {url}100 2x, {url}150 3x, {url}200 4x" />')


# -- switches ---------------------------------------------------------------------------------

def test_plugins_switched_off_by_their_config(build):
    built = build({
        "_config.yml": ("plugins: [jekyll-relative-links, jekyll-titles-from-headings, "
                        "jekyll-readme-index]\nrelative_links: {enabled: false}\n"
                        "titles_from_headings: {enabled: false}\nreadme_index: {enabled: false}\n"),
        "a.md": "---\n---\n# Heading\n[b](b.md)\n",
        "b.md": "---\n---\nB\n",
        "docs/README.md": "readme\n",
    })
    assert built.read("a.html") == '<h1 id="heading">Heading</h1>\n<p><a href="b.md">b</a></p>\n'
    assert built.site.pages[0].data.get("title") is None
    assert not built.exists("docs/index.html")


def test_relative_links_exclude_and_readme_remove_originals(build):
    built = build({
        "_config.yml": ("plugins: [jekyll-relative-links, jekyll-readme-index]\n"
                        "relative_links: {exclude: [drafts/*.md]}\n"
                        "readme_index: {remove_originals: true}\n"),
        "drafts/a.md": "---\n---\n[b](../b.md)\n",
        "b.md": "---\n---\n[a](drafts/a.md)\n",
        "docs/README.md": "readme\n",
    })
    assert built.read("drafts/a.html") == '<p><a href="../b.md">b</a></p>\n'
    assert built.read("b.html") == '<p><a href="/drafts/a.html">a</a></p>\n'
    assert built.read("docs/index.html") == "<p>readme</p>\n"
    assert not built.exists("docs/README.md")


def test_titles_from_headings_strip_title_for_the_whole_site(build):
    built = build({
        "_config.yml": "plugins: [jekyll-titles-from-headings]\n"
                       "titles_from_headings: {strip_title: true}\n",
        "a.md": "---\n---\n## The *title* [^1]\n\nBody\n\n[^1]: note\n",
        "b.md": "---\nstrip_title: false\n---\n# Kept\n",
    })
    page = next(p for p in built.site.pages if p.name == "a.md")
    # The footnote marker goes after the spaces are normalised (as in the reference).
    assert page.data["title"] == "The title "
    assert built.read("a.html").startswith("<p>Body</p>")
    assert built.read("b.html") == '<h1 id="kept">Kept</h1>\n'


def test_archive_with_an_empty_permalink_template_is_an_error(build):
    with pytest.raises(JekyllError, match="jekyll-archives"):
        build({"_config.yml": ("plugins: [jekyll-archives]\n"
                               "jekyll-archives: {enabled: [year], permalinks: {year: ''}}\n"),
               "_posts/2024-01-01-a.md": "---\n---\nA\n"})
