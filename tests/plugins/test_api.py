"""The plugin API: loading by name, entry points, _plugins/*.py, warnings, generator order,
and the example plugin of docs/plugins.md."""
from __future__ import annotations

import os
import re

import pytest

import jekyll_py
from jekyll_py import plugins
from jekyll_py.errors import JekyllError

DOCS = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "plugins.md")


def example_plugin_source() -> str:
    with open(DOCS, encoding="utf-8") as handle:
        text = handle.read()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) == 1, "docs/plugins.md should hold exactly one Python example"
    return blocks[0]


def test_the_documented_example_plugin_works(build):
    built = build({
        "_plugins/word_count.py": example_plugin_source(),
        "_config.yml": "title: Example\n",
        "_posts/2024-01-01-hello.html": "---\ntitle: Hello\n---\nOne two three.\n",
        "index.html": "---\n---\n{{ 'hi' | shout }}\n",
    })
    assert built.read("word-counts.txt") == "Hello: 3 words\n"
    assert built.read("index.html") == "HI!\n"
    assert built.read("2024/01/01/hello.html").endswith(
        "One two three.\n<!-- counted by word_count.py -->\n")


def test_site_plugins_do_not_run_in_safe_mode(build):
    built = build({
        "_plugins/word_count.py": example_plugin_source(),
        "index.html": "---\n---\nhome\n",
    }, safe=True)
    assert not built.exists("word-counts.txt")


def test_unported_plugin_and_ruby_plugin_warn_once_and_build_goes_on(build):
    built = build({
        "_config.yml": "plugins: [jekyll-no-such-port]\n",
        "_plugins/thing.rb": "Jekyll::Hooks.register :site, :post_read do end\n",
        "index.html": "---\n---\nhome\n",
    })
    assert built.read("index.html") == "home\n"
    assert sum("jekyll-no-such-port" in w for w in built.warnings) == 1
    assert sum("_plugins/thing.rb" in w for w in built.warnings) == 1


def test_a_broken_site_plugin_is_one_clear_error(build):
    with pytest.raises(JekyllError, match=r"_plugins/broken.py could not be loaded: "
                                          r"ZeroDivisionError"):
        build({"_plugins/broken.py": "1 / 0\n", "index.html": "---\n---\n"})


def test_safe_mode_runs_only_whitelisted_ports(build):
    built = build({
        "_config.yml": "plugins: [jekyll-sitemap, jekyll-feed]\nwhitelist: [jekyll-feed]\n",
        "index.html": "---\n---\nhome\n",
    }, safe=True)
    assert built.exists("feed.xml")
    assert not built.exists("sitemap.xml")


def test_configured_names_reads_plugins_only_without_repeats():
    # Jekyll 4.3 does not read the old `gems:` key (tests/sites/plugins-gems-key).
    config = {"plugins": ["a", "b", "a"], "gems": ["b", "c"]}
    assert plugins.configured_names(config) == ["a", "b"]
    assert plugins.configured_names({"plugins": "x"}) == ["x"]
    assert plugins.configured_names({"gems": ["x"]}) == []


class FakeSite:
    def __init__(self):
        self.generators = []


def test_generators_run_from_highest_to_lowest_priority_keeping_ties_in_order():
    site = FakeSite()

    def named(name):
        def generator(_site):
            return name
        generator.__name__ = name
        return generator

    for name, priority in [("n1", "normal"), ("low", "lowest"), ("high", "high"),
                           ("n2", "normal"), ("top", 1000)]:
        plugins.add_generator(site, named(name), priority)
    assert [g.__name__ for g in site.generators] == ["top", "high", "n1", "n2", "low"]


def test_entry_point_plugins_are_enabled_by_name(build, monkeypatch):
    calls = []

    class FakeEntryPoint:
        name = "my-plugin"

        def load(self):
            return lambda site: calls.append(site.config["title"])

    monkeypatch.setattr(plugins, "_installed_entry_points",
                        lambda: {"my-plugin": FakeEntryPoint()})
    build({"_config.yml": "title: T\nplugins: [my-plugin]\n", "index.html": "---\n---\n"})
    # Site.reset() (at construction and at each build) registers plugins afresh.
    assert calls and set(calls) == {"T"}


HOOK_RECORDER = '''
def register(site):
    site.events = []
    for owners in ("pages", "documents", "posts", "notes"):
        for event in ("post_init", "post_write"):
            site.plugins.register(owners, event, record(site, owners, event))
    site.plugins.register("site", "pre_render", site_hook(site, "pre_render"))
    site.plugins.register("site", "post_render", site_hook(site, "post_render"))


def record(site, owners, event):
    def hook(item):
        site.events.append((owners, event, item.relative_path, "title" in item.data))
    return hook


def site_hook(site, event):
    def hook(hooked_site, payload):
        site.events.append(("site", event, payload["site"]["title"],
                            payload["jekyll"]["version"], payload["page"]))
    return hook
'''


def test_hooks_post_init_post_write_and_the_site_payload(build):
    built = build({
        "_config.yml": "title: Hooked\ncollections: {notes: {output: true}}\n",
        "_plugins/recorder.py": HOOK_RECORDER,
        "about.md": "---\ntitle: About\n---\nA\n",
        "_posts/2024-01-01-hello.md": "---\ntitle: Hello\n---\nH\n",
        "_notes/one.md": "---\ntitle: One\n---\nO\n",
    })
    events = built.site.events
    # Pages are created from their file (front matter read); documents before reading.
    init = [e for e in events if e[1] == "post_init"]
    assert ("pages", "post_init", "about.md", True) in init
    assert ("posts", "post_init", "_posts/2024-01-01-hello.md", False) in init
    assert ("documents", "post_init", "_posts/2024-01-01-hello.md", False) in init
    assert ("notes", "post_init", "_notes/one.md", False) in init
    assert not any(e[0] == "posts" and "notes" in e[2] for e in init)
    written = {(e[0], e[2]) for e in events if e[1] == "post_write"}
    assert {("pages", "about.md"), ("posts", "_posts/2024-01-01-hello.md"),
            ("documents", "_notes/one.md"), ("notes", "_notes/one.md")} <= written
    version = jekyll_py.JEKYLL_VERSION
    site_events = [e for e in events if e[0] == "site"]
    assert site_events == [("site", "pre_render", "Hooked", version, None),
                           ("site", "post_render", "Hooked", version, None)]
    # Every post_init comes before rendering, every post_write after it.
    assert events.index(site_events[0]) > max(events.index(e) for e in init)
