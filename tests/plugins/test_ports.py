"""Behaviours of the plugin ports that the golden sites do not cover."""
from __future__ import annotations

import json

import pytest

from jekyll_py.errors import JekyllError
from jekyll_py.plugins import github_metadata as gh


# -- jekyll-redirect-from ---------------------------------------------------------------------

def test_site_redirect_layout_wins_and_json_can_be_disabled(build):
    built = build({
        "_config.yml": "redirect_from: {json: false}\nplugins: [jekyll-redirect-from]\n",
        "_layouts/redirect.html": "---\n---\nGO {{ page.redirect.to }} FROM {{ page.redirect.from }}\n",
        "a.html": "---\nredirect_from: [old]\n---\nA\n",
    })
    assert built.read("old.html") == "GO /a.html FROM /old\n"
    assert not built.exists("redirects.json")


def test_redirects_json_in_the_source_is_kept(build):
    built = build({
        "_config.yml": "plugins: [jekyll-redirect-from]\n",
        "redirects.json": "{\"mine\": true}\n",
        "a.html": "---\nredirect_from: /b/\n---\nA\n",
    })
    assert json.loads(built.read("redirects.json")) == {"mine": True}
    assert built.exists("b/index.html")


# -- jekyll-feed ------------------------------------------------------------------------------

def test_feed_is_skipped_in_development_when_asked(build):
    built = build({
        "_config.yml": "feed: {disable_in_development: true}\nplugins: [jekyll-feed]\n",
        "index.html": "---\n---\n{% feed_meta %}\n",
    })
    assert not built.exists("feed.xml")
    assert built.read("index.html") == (
        '<link type="application/atom+xml" rel="alternate" href="/feed.xml" />\n')


def test_feed_meta_escapes_the_title_and_follows_feed_path(build):
    built = build({
        "_config.yml": "title: 'A \"B\" & <C>'\nurl: https://x.org\nfeed: {path: atom.xml}\n"
                       "plugins: [jekyll-feed]\n",
        "index.html": "---\n---\n{% feed_meta %}",
    })
    assert built.read("index.html") == (
        '<link type="application/atom+xml" rel="alternate" href="https://x.org/atom.xml" '
        'title="A &quot;B&quot; &amp; &lt;C&gt;" />')
    assert built.exists("atom.xml")


# -- jekyll-paginate --------------------------------------------------------------------------

def test_pagination_without_an_index_html_warns(build):
    built = build({
        "_config.yml": "paginate: 1\nplugins: [jekyll-paginate]\n",
        "index.md": "---\n---\nhome\n",
    })
    assert any("couldn't find an index.html" in w for w in built.warnings)


def test_pager_splits_posts_and_links_pages(build):
    posts = {f"_posts/2024-01-0{n}-p{n}.html": f"---\ntitle: P{n}\n---\n" for n in range(1, 6)}
    built = build({
        "_config.yml": "paginate: 2\nplugins: [jekyll-paginate]\n",
        "index.html": "---\n---\n{{ paginator.page }}/{{ paginator.total_pages }}:"
                      "{% for p in paginator.posts %}{{ p.title }},{% endfor %}"
                      "[{{ paginator.previous_page_path }}|{{ paginator.next_page_path }}]",
        **posts,
    })
    assert built.read("index.html") == "1/3:P5,P4,[|/page2]"
    assert built.read("page2/index.html") == "2/3:P3,P2,[/|/page3]"
    assert built.read("page3/index.html") == "3/3:P1,[/page2|]"


def test_a_non_positive_paginate_is_one_clear_error(build):
    with pytest.raises(JekyllError, match="'paginate' must be a positive number"):
        build({"_config.yml": "paginate: 0\nplugins: [jekyll-paginate]\n",
               "index.html": "---\n---\n", "_posts/2024-01-01-a.html": "---\n---\n"})


# -- jekyll-gist ------------------------------------------------------------------------------

def test_gist_without_noscript_and_with_variables(build):
    built = build({
        "_config.yml": "gist: {noscript: false}\nplugins: [jekyll-gist]\n",
        "index.html": "---\nid: me/42\nfile: a.rb\n---\n{% gist page.id %}|{% gist abc123 b.py %}",
    })
    # A variable name is looked up only when it is a top-level variable, as in the gem.
    assert built.read("index.html") == (
        '<script src="https://gist.github.com/page.id.js"> </script>|'
        '<script src="https://gist.github.com/abc123.js?file=b.py"> </script>')
    assert not any("noscript" in w for w in built.warnings)


# -- jekyll-seo-tag ---------------------------------------------------------------------------

def test_seo_title_false_and_paginator_message(build):
    built = build({
        "_config.yml": "title: Site\nseo_paginator_message: 'P%<current>s/%<total>s: '\n"
                       "paginate: 1\nplugins: [jekyll-seo-tag, jekyll-paginate]\n",
        "_layouts/x.html": "{% seo title=false %}@@@{% seo %}",
        "index.html": "---\nlayout: x\ntitle: Home\n---\n",
        "_posts/2024-01-01-a.html": "---\n---\n",
        "_posts/2024-01-02-b.html": "---\n---\n",
    })
    first, second = built.read("page2/index.html").split("@@@")
    assert "<title>" not in first
    assert "<title>P2/2: Home | Site</title>" in second


# -- jekyll-github-metadata -------------------------------------------------------------------

def test_user_page_repository_in_dotcom():
    repo = gh.Repository("octo/octo.github.io", gh.Pages({"PAGES_ENV": "dotcom"}))
    assert repo.user_page
    assert repo.html_url == "http://octo.github.io"
    assert repo.source == {"branch": "master", "path": "/"}
    project = gh.Repository("octo/tools", gh.Pages({"PAGES_ENV": "dotcom"}))
    assert project.html_url == "http://octo.github.io/tools"
    assert project.baseurl == "/tools"


def test_production_build_sets_url_and_baseurl(build, monkeypatch):
    monkeypatch.setenv("JEKYLL_ENV", "production")
    monkeypatch.setenv("PAGES_REPO_NWO", "octo/tools")
    built = build({
        "_config.yml": "plugins: [jekyll-github-metadata]\n",
        "index.html": "---\n---\n{{ site.url }}|{{ site.baseurl }}|{{ site.title }}|"
                      "{{ site.github.environment }}",
    })
    assert built.read("index.html") == "https://github.com|/pages/octo/tools|tools|production"


def test_a_site_without_repository_fails_only_when_site_github_is_used(build, monkeypatch,
                                                                        tmp_path):
    monkeypatch.delenv("PAGES_REPO_NWO", raising=False)
    monkeypatch.setattr(gh, "_nwo_from_git_remote", lambda directory, hostname: None)
    files = {"_config.yml": "plugins: [jekyll-github-metadata]\n", "a.html": "---\n---\nok"}
    assert build(files).read("a.html") == "ok"
    with pytest.raises(JekyllError, match="No repo name found"):
        build({**files, "b.html": "---\n---\n{{ site.github.url }}"})


def test_nwo_from_the_origin_remote(tmp_path):
    import subprocess
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin",
                    "git@github.com:someone/some.repo.git"], check=True)
    assert gh._nwo_from_git_remote(str(tmp_path), "github.com") == "someone/some.repo"
