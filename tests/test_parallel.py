"""Rendering on forked workers: the same site as one process makes, whatever the number of
workers; the first failing document in order is the one reported; the Markdown cache gets
what the workers converted."""
from __future__ import annotations

import os

import pytest

from jekyll_py import cache
from jekyll_py import config as site_config
from jekyll_py import parallel
from jekyll_py.errors import JekyllError
from jekyll_py.site import Site

POSTS = 100  # enough for 3 workers (see parallel.MIN_BATCH_FOR_WORKERS)


def write(path, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def make_source(root, layout: str = "{{ content }}") -> str:
    src = str(root / "src")
    write(os.path.join(src, "_config.yml"), "title: T\n")
    write(os.path.join(src, "_layouts", "post.html"), layout)
    for number in range(POSTS):
        write(os.path.join(src, "_posts", f"2020-01-{1 + number % 28:02d}-p{number}.md"),
              f"---\nlayout: post\n---\n# Post {number}\n\nSome *text* {{{{ page.url }}}}.\n")
    write(os.path.join(src, "index.html"),
          "---\n---\n{% for post in site.posts %}{{ post.content | size }} {% endfor %}\n")
    return src


def build(src: str, dest: str, jobs: int, **overrides) -> dict[str, str]:
    cache.clear_memory()  # each build as a new process
    config = site_config.load({"source": src, "destination": dest, "jobs": jobs,
                               "quiet": True, **overrides})
    Site(config).process()
    outputs = {}
    for folder, _, files in os.walk(dest):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as handle:
                outputs[os.path.relpath(path, dest)] = handle.read()
    return outputs


def test_runs_cover_every_document_once_in_order():
    indices = list(range(1000))
    runs = parallel.chunk_ranges(indices)
    assert [index for run in runs for index in run] == indices
    assert len(runs) <= parallel.RUNS_PER_BATCH
    assert parallel.chunk_ranges(list(range(20))) == [list(range(0, 8)), list(range(8, 16)),
                                                      list(range(16, 20))]


def test_workers_make_what_one_process_makes(tmp_path):
    src = make_source(tmp_path)
    one = build(src, str(tmp_path / "one"), jobs=1, disable_disk_cache=True)
    two = build(src, str(tmp_path / "two"), jobs=2, disable_disk_cache=True)
    assert len(one) == POSTS + 1
    assert one == two
    # The index page (rendered after every post) sees every post converted.
    assert "<h1" in one["2020/01/01/p0.html"]


def test_output_does_not_depend_on_the_number_of_workers(tmp_path):
    # A layout showing other posts' content sees the documents converted before it in its own
    # run only, whichever worker took the run.
    src = make_source(tmp_path, "{% for post in site.posts limit: 80 %}"
                                "{{ post.content | slice: 0, 3 }}{% endfor %}|{{ content }}")
    two = build(src, str(tmp_path / "two"), jobs=2, disable_disk_cache=True)
    three = build(src, str(tmp_path / "three"), jobs=3, disable_disk_cache=True)
    assert two == three


def test_the_first_failing_document_in_order_is_reported(tmp_path):
    src = make_source(tmp_path)
    for number in (5, 50):  # dated 2020-01-06 and 2020-01-23
        write(os.path.join(src, "_posts", f"2020-01-{1 + number % 28:02d}-p{number}.md"),
              f"---\nlayout: post\n---\n{{% include missing{number}.html %}}\n")
    messages = []
    for jobs in (1, 2):
        with pytest.raises(JekyllError) as error:
            build(src, str(tmp_path / f"out{jobs}"), jobs=jobs, disable_disk_cache=True)
        messages.append(str(error.value))
    assert "missing5.html" in messages[0]
    assert "missing5.html" in messages[1]


def test_the_cache_pack_holds_what_the_workers_converted(tmp_path):
    src = make_source(tmp_path)
    first = build(src, str(tmp_path / "a"), jobs=2)
    pack = os.path.join(src, ".jekyll-cache", "jekyll-py", "Markdown", cache.PACK_NAME)
    assert len(cache._read_pack(pack)) == POSTS
    written = os.stat(pack).st_mtime_ns

    # An unchanged site converts nothing and leaves the pack as it is.
    assert build(src, str(tmp_path / "b"), jobs=2) == first
    assert os.stat(pack).st_mtime_ns == written

    # A changed post: its new text is converted, its old one leaves the pack.
    write(os.path.join(src, "_posts", "2020-01-01-p0.md"), "---\nlayout: post\n---\nNew.\n")
    changed = build(src, str(tmp_path / "c"), jobs=2)
    assert changed["2020/01/01/p0.html"] == "<p>New.</p>\n"
    entries = cache._read_pack(pack)
    assert len(entries) == POSTS
    assert "<p>New.</p>\n" in entries.values()


def test_per_document_caches_are_emptied_before_each_document(tmp_path):
    from jekyll_py import render
    seen = render.per_document_cache()
    try:
        src = make_source(tmp_path)
        config = site_config.load({"source": src, "destination": str(tmp_path / "out"),
                                   "jobs": 1, "quiet": True, "disable_disk_cache": True})
        site = Site(config)
        site.reset()
        site.read()
        first, second = site.posts.docs[:2]
        seen["left by"] = "an earlier document"
        render.render_document(site, first)
        assert seen == {}
        seen["left by"] = first.relative_path
        render.render_document(site, second)
        assert seen == {}
    finally:
        render._per_document_caches.remove(seen)


def test_a_page_reading_other_pages_sees_them_as_jekyll_renders_them(tmp_path):
    # Jekyll renders pages one after another: a search index in the middle of site.pages sees
    # the pages before it converted and the pages after it raw. Workers must not change that.
    src = str(tmp_path / "src")
    write(os.path.join(src, "_config.yml"), "title: T\n")
    for number in range(60):
        write(os.path.join(src, f"p{number:02d}.md"), f"---\n---\n# Page {number}\n\n*text*\n")
    write(os.path.join(src, "p30-index.json"),
          "---\n---\n{% for p in site.pages %}{{ p.name }}={{ p.content | strip | jsonify }}\n"
          "{% endfor %}")
    sequential = build(src, str(tmp_path / "one"), jobs=1)
    parallel_out = build(src, str(tmp_path / "two"), jobs=2)
    index = sequential["p30-index.json"]
    assert 'p00.md="<h1 id=\\"page-0\\">Page 0</h1>\\n\\n<p><em>text</em></p>"' in index
    assert 'p59.md="# Page 59\\n\\n*text*"' in index
    assert parallel_out == sequential
