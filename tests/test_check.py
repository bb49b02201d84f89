"""`jekyll-py check`: tiny built sites with each kind of broken and correct reference, the exact
problem lines and exit status; the repository's own homepage checks clean."""
from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
import time
import textwrap
from pathlib import Path

import pytest

from jekyll_py import cli
from jekyll_py.log import logger

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    """Run in tmp_path (problems name files relative to the current directory); keep the
    shared logger's level as it was (-q changes it)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(logger, "level", logger.level)


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))


def check(tmp_path: Path, *args: str, config: str = "", site: dict | None = None, capsys=None):
    """Write `site` as an already built _site (plus a _config.yml), run `check --no-build`;
    (exit status, lines printed on stdout, stderr)."""
    (tmp_path / "_config.yml").write_text(config)
    write(tmp_path / "_site", site or {})
    status = cli.main(["check", "-q", "--no-build", "-s", str(tmp_path), *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


PAGE = """
<!DOCTYPE html>
<html>
<head><title>t</title></head>
<body>
{body}
</body>
</html>
"""


def page(body: str) -> str:
    """An HTML page whose body starts on line 5."""
    return PAGE.format(body=textwrap.dedent(body).strip("\n"))


def test_internal_links_and_anchors(tmp_path, capsys):
    site = {
        "index.html": page("""
            <h2 id="intro">Intro</h2><a name="old"></a>
            <a href="/about/">ok dir</a> <a href="/about">ok redirect</a> <a href="contact">ok .html</a>
            <a href="/missing/">broken</a>
            <a href="docs/missing.html">broken relative</a>
            <a href="#intro">ok</a> <a href="#old">ok name</a> <a href="#">ok</a> <a href="#top">ok</a>
            <a href="#nope">broken anchor</a>
            <a href="/about/#team">ok</a> <a href="about/index.html#team">ok</a>
            <a href="/about/#gone">broken anchor elsewhere</a>
            <a href="my%20file.pdf#page=2">ok file, fragment not checked</a>
            <a href="?q=1">ok</a> <a href="./">ok</a> <a href="../../contact.html">ok, stops at root</a>
            <a href="">empty</a> <a>placeholder</a>
            <a href="mailto:me@example.com">x</a> <a href="tel:+123">x</a> <a href="javascript:void(0)">x</a>
            <a href="https://example.com/">x</a> <a href="https://example.com/">again</a> <a href="//cdn.example.com/x">x</a>
            """),
        "about/index.html": page('<p id="team">Team</p><a href="../index.html#intro">ok</a> <a href="intro">broken</a>'),
        "contact.html": page("<p>c</p>"),
        "my file.pdf": "%PDF",
    }
    status, lines, err = check(tmp_path, site=site, capsys=capsys)
    assert status == 1
    assert lines == [
        "_site/about/index.html:5: internal link to intro does not exist",
        "_site/index.html:7: internal link to /missing/ does not exist",
        "_site/index.html:8: internal link to docs/missing.html does not exist",
        '_site/index.html:10: link to #nope: no element with id "nope"',
        '_site/index.html:12: link to /about/#gone: no element with id "gone" in _site/about/index.html',
        "_site/index.html:15: <a> has an empty href",
        "Checked 3 HTML files: 19 internal references, 2 external URLs (not fetched: "
        "--external checks them); 6 problems found.",
    ]


def test_images_scripts_stylesheets_favicons(tmp_path, capsys):
    site = {
        "index.html": """
            <!DOCTYPE html>
            <html><head>
            <link rel="stylesheet" href="/css/main.css"><link rel="stylesheet" href="/css/gone.css">
            <link rel="icon" href="/favicon.ico"><link rel="shortcut icon" href="/nofavicon.ico">
            <link rel="alternate" type="application/rss+xml" href="/feed.xml">
            <script src="/js/app.js"></script><script src="js/gone.js"></script>
            <script>console.log(1)</script><script></script>
            </head><body>
            <img src="images/a.png" alt="A"> <img src="images/x.png" alt="X">
            <img src="images/a.png"> <img src="images/a.png" alt=""> <img src="images/a.png" aria-hidden="true">
            <img srcset="images/a.png 1x, images/b@2x.png 2x" alt="set"> <img alt="nothing">
            <picture><source srcset="/images/a.png 640w, /images/wide.png 1280w"><img src="data:image/png;base64,AAAA" alt="d"></picture>
            <img src="https://example.com/logo.png" alt="remote">
            </body></html>
            """,
        "css/main.css": "", "js/app.js": "", "favicon.ico": "", "feed.xml": "", "images/a.png": "",
    }
    status, lines, err = check(tmp_path, site=site, capsys=capsys)
    assert status == 1
    assert lines == [
        "_site/index.html:3: stylesheet /css/gone.css does not exist",
        "_site/index.html:4: favicon /nofavicon.ico does not exist",
        "_site/index.html:6: script src js/gone.js does not exist",
        "_site/index.html:7: <script> has no src and no content",
        "_site/index.html:9: image images/x.png does not exist",
        '_site/index.html:10: <img src="images/a.png"> has no alt text',
        "_site/index.html:11: image images/b@2x.png does not exist",
        "_site/index.html:11: <img> has no src or srcset",
        "_site/index.html:12: image /images/wide.png does not exist",
        "Checked 1 HTML file: 16 internal references, 1 external URL (not fetched: "
        "--external checks them); 9 problems found.",
    ]


def test_baseurl_and_site_url(tmp_path, capsys):
    site = {
        "index.html": page("""
            <a href="/blog/">ok</a> <a href="/blog">ok</a> <a href="/blog/about/">ok</a> <a href="about/">ok</a>
            <a href="/about/">outside the baseurl</a>
            <a href="https://me.example/blog/about/#bio">ok, on the site</a>
            <a href="https://me.example/blog/gone/">broken, on the site</a>
            <a href="https://me.example/">another site of the domain: external</a>
            """),
        "about/index.html": page('<p id="bio">b</p>'),
    }
    status, lines, err = check(tmp_path, site=site, capsys=capsys,
                          config="baseurl: /blog\nurl: https://me.example/\n")
    assert status == 1
    assert lines == [
        "_site/index.html:6: internal link to /about/ is outside the site's baseurl /blog",
        "_site/index.html:8: internal link to https://me.example/blog/gone/ does not exist",
        "Checked 2 HTML files: 7 internal references, 1 external URL (not fetched: "
        "--external checks them); 2 problems found.",
    ]


BROKEN = {
    "index.html": page("""
        <a href="/gone/">1</a> <img src="x.png"> <a href="#nope">2</a>
        <div data-proofer-ignore><a href="/ignored/">3</a></div>
        <a href="/private/x">4</a>
        """),
    "drafts/index.html": page('<a href="/gone-too/">5</a>'),
}


def test_configuration_turns_checks_off(tmp_path, capsys):
    config = """
check:
  ignore_urls: ["^/private/"]
  ignore_files: ["^drafts/"]
  disable: [alt]
"""
    status, lines, err = check(tmp_path, config=config, site=BROKEN, capsys=capsys)
    assert status == 1
    assert lines == [
        "_site/index.html:5: internal link to /gone/ does not exist",
        "_site/index.html:5: image x.png does not exist",
        '_site/index.html:5: link to #nope: no element with id "nope"',
        "Checked 1 HTML file: 3 internal references, 0 external URLs; 3 problems found.",
    ]
    status, lines, err = check(tmp_path, "--disable", "images,links", "--ignore-urls", "nope$",
                          config=config, site=BROKEN, capsys=capsys)
    assert status == 0
    assert lines == ["Checked 1 HTML file: 0 internal references, 0 external URLs; "
                     "no problems found."]


def test_bad_options_are_one_line_errors(tmp_path, capsys):
    status, lines, err = check(tmp_path, "--ignore-urls", "(", site=BROKEN, capsys=capsys)
    assert status == 1 and lines == []
    assert "Error: check.ignore_urls / --ignore-urls: '(' is not a valid regular expression" in err
    status, _, err = check(tmp_path, config="check:\n  disable: [spelling]\n", site=BROKEN, capsys=capsys)
    assert status == 1
    assert "unknown check 'spelling' (the checks are links, anchors, images, alt, scripts, " \
           "favicons)" in err
    status, _, err = check(tmp_path, config="check:\n  ignore_url: x\n", site=BROKEN, capsys=capsys)
    assert status == 1 and "unknown key 'check.ignore_url'" in err


def test_no_build_without_a_destination(tmp_path, capsys):
    (tmp_path / "_config.yml").write_text("")
    assert cli.main(["check", "--no-build", "-s", str(tmp_path)]) == 1
    assert "does not exist: build the site first" in capsys.readouterr().err


def test_check_builds_the_site_first(tmp_path, capsys):
    write(tmp_path / "src", {
        "_config.yml": "title: t\n",
        "index.md": "---\n---\n# Hello\n\n[about](about.html) [team](about.html#team) "
                    "[gone](/gone.html) [hello](#hello) [bye](#bye)\n\n![logo](/logo.png)\n",
        "about.md": "---\n---\n## Team\n",
    })
    status = cli.main(["check", "-q", "-s", "src", "-d", "out"])
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines == [
        "out/index.html:3: internal link to /gone.html does not exist",
        'out/index.html:3: link to #bye: no element with id "bye"',
        "out/index.html:5: image /logo.png does not exist",
        "Checked 2 HTML files: 6 internal references, 0 external URLs; 3 problems found.",
    ]


class _Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, body: bool) -> None:
        if self.path == "/slow":
            time.sleep(1)
        status = {"/ok": 200, "/no-head": 200 if self.command == "GET" else 405}.get(self.path, 404)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"hi")

    def do_GET(self):
        self._answer(True)

    def do_HEAD(self):
        self._answer(False)

    def log_message(self, *args):
        pass


@pytest.fixture
def web_server(monkeypatch):
    for name in ("no_proxy", "NO_PROXY"):  # a proxy set in the environment must not be asked
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_external_links_only_with_the_flag(tmp_path, capsys, web_server):
    site = {"index.html": page(f"""
        <a href="{web_server}/ok">ok</a> <a href="{web_server}/no-head#x">ok</a>
        <a href="{web_server}/missing">404</a>
        <link rel="preconnect" href="{web_server}/hint-only">
        """)}
    status, lines, err = check(tmp_path, site=site, capsys=capsys)
    assert status == 0
    assert lines == ["Checked 1 HTML file: 0 internal references, 3 external URLs (not fetched: "
                     "--external checks them); no problems found."]
    status, lines, err = check(tmp_path, "--external", "--external-timeout", "5", site=site,
                          capsys=capsys)
    assert status == 1
    assert lines == [f"_site/index.html:6: external link {web_server}/missing failed: HTTP 404",
                     "Checked 1 HTML file: 0 internal references, 3 external URLs; "
                     "1 problem found."]


def test_external_timeout(tmp_path, capsys, web_server):
    site = {"index.html": page(f'<a href="{web_server}/slow">slow</a>')}
    status, lines, err = check(tmp_path, "--external", "--external-timeout", "0.2", site=site,
                               capsys=capsys)
    assert status == 1
    assert lines[0] == f"_site/index.html:5: external link {web_server}/slow failed: timed out after 0.2 s"


def test_the_homepage_checks_clean(tmp_path):
    """The Jekyll site at the root of this repository, built and checked by the real command."""
    env = {k: v for k, v in os.environ.items() if k != "JEKYLL_ENV"}
    result = subprocess.run([sys.executable, "-m", "jekyll_py", "check", "-d", str(tmp_path / "site")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith("Checked 3 HTML files: ") and summary.endswith("no problems found.")
    assert (tmp_path / "site" / "index.html").is_file()
