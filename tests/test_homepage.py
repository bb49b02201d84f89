"""The academic homepage at the repository root, built and opened in headless Chromium.

The site is built once (with jekyll-py; with the reference Jekyll when
JEKYLL_PY_TEST_REFERENCE=1), served from loopback by http.server, and looked at 1280 and 390
pixels wide. The network is closed in tests: requests leaving loopback are answered by the test
itself (an empty script, a small SVG image, the citation data), except in the offline test,
which refuses them all to check that the page then stays quiet.

Needs Debian's `chromium` (apt-get install chromium; or the path of another Chromium in
$CHROMIUM) and the `playwright` Python package; no browser is downloaded. Without Chromium the
browser tests are skipped, except on CI (CI set), where that is a failure.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit, unquote

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "jekyll-ref"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"wide": (1280, 900), "narrow": (390, 844)}

# What the site may contain: the page, its redirect stubs, the plugins' files, and the assets.
GENERATED_FILES = {"index.html", "about.html", "about/index.html", "feed.xml", "sitemap.xml",
                   "robots.txt", "redirects.json"}
ASSET_DIRS = ("assets/", "images/")

# Stand-ins for the outside world, given to the page instead of real responses.
FAKE_BADGE = b'<svg xmlns="http://www.w3.org/2000/svg" width="90" height="20"><rect width="90" height="20" fill="#4c1"/></svg>'
FAKE_SCHOLAR_STATS = {"citedby": 4242, "publications": {"PAPER:1": {"num_citations": 17}}}


def _require_chromium():
    if CHROMIUM is None:
        message = "Chromium is not installed (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + ": CI must install it")
        pytest.skip(message)


# --- the built site, served on loopback -------------------------------------------------------

def _build(dest: Path) -> None:
    if os.environ.get("JEKYLL_PY_TEST_REFERENCE") == "1":
        command = [str(REFERENCE), str(ROOT), str(dest)]
    else:
        command = [sys.executable, "-m", "jekyll_py", "build", "-s", str(ROOT), "-d", str(dest)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{command[0]} build failed:\n{result.stdout}\n{result.stderr}"
    problems = [line for line in result.stderr.splitlines() if "warn" in line.lower() or "error" in line.lower()]
    assert not problems, "the build reported problems:\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("homepage") / "_site"
    _build(dest)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def base_url(site_dir):
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def _scholar_stats_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    if config.get("google_scholar_stats_use_cdn"):
        return f"https://cdn.jsdelivr.net/gh/{config['repository']}@google-scholar-stats/gs_data.json"
    return f"https://raw.githubusercontent.com/{config['repository']}/google-scholar-stats/gs_data.json"


# --- the browser ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One page opened in a fresh browser context, with what the page reported while loading."""

    def __init__(self, browser, base_url: str, path: str, size: tuple[int, int], *, offline=False):
        self.base_url = base_url
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.external_requests: list[str] = []
        self.context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        self.context.route("**/*", functools.partial(self._answer, offline=offline))
        self.page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.goto(base_url + path, wait_until="load")

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def _answer(self, route, *, offline):
        request = route.request
        if request.url.startswith(self.base_url + "/"):
            return route.continue_()
        self.external_requests.append(request.url)
        if offline:
            return route.abort("internetdisconnected")
        if request.url == _scholar_stats_url():
            return route.fulfill(json=FAKE_SCHOLAR_STATS,
                                 headers={"Access-Control-Allow-Origin": "*"})
        if request.resource_type == "image":
            return route.fulfill(body=FAKE_BADGE, content_type="image/svg+xml")
        if request.resource_type == "script":
            return route.fulfill(body="", content_type="text/javascript")
        return route.fulfill(status=204)

    def close(self):
        self.context.close()


@pytest.fixture(scope="module", params=list(WIDTHS), ids=list(WIDTHS))
def home(request, browser, base_url):
    visit = Visit(browser, base_url, "/", WIDTHS[request.param])
    visit.layout = request.param
    yield visit
    visit.close()


def _box(page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not displayed"
    return box


# --- the built files (no browser) -------------------------------------------------------------

def test_site_holds_only_the_homepage(site_dir):
    built = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    strays = sorted(p for p in built if p not in GENERATED_FILES and not p.startswith(ASSET_DIRS))
    assert strays == [], "files of the Python project leaked into the site"
    assert {"index.html", "about.html", "about/index.html", "assets/css/main.css",
            "assets/js/main.js", "images/adaptive.jpg"} <= built


def test_no_analytics_unless_configured(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "googletagmanager" not in html


# --- the page in the browser ------------------------------------------------------------------

def test_masthead_and_sidebar_are_shown(home):
    page = home.page
    masthead = _box(page, ".masthead")
    assert masthead["y"] == 0 and masthead["width"] == page.viewport_size["width"]
    assert page.locator(".masthead__menu a").count() >= 3
    sidebar = _box(page, ".sidebar")
    content = _box(page, "#main")
    avatar_loaded = page.eval_on_selector(".profile__avatar", "img => img.complete && img.naturalWidth > 0")
    assert avatar_loaded
    assert page.locator(".profile__name").inner_text().strip()
    assert page.locator(".profile__links a").count() >= 1
    if home.layout == "wide":  # sidebar to the left of the text
        assert sidebar["x"] + sidebar["width"] <= content["x"]
    else:  # sidebar above the text
        assert sidebar["y"] + sidebar["height"] <= content["y"]


def test_every_navigation_link_has_a_target(home):
    page = home.page
    hrefs = page.eval_on_selector_all(".masthead__menu a", "links => links.map(a => a.href)")
    assert hrefs
    for href in hrefs:
        url = urlsplit(href)
        assert url.path == "/" and url.fragment, f"{href} is not a link to a section of the page"
        exists = page.evaluate("id => document.getElementById(id) !== null", unquote(url.fragment))
        assert exists, f"no element has the id {url.fragment!r} that {href} links to"


def test_current_section_is_marked(home):
    current = home.page.wait_for_selector(".masthead__menu a[aria-current]", timeout=5000)
    assert current.inner_text() == home.page.locator(".masthead__menu a").first.inner_text()


def test_paper_box_image_beside_text_when_wide_above_when_narrow(home):
    page = home.page
    assert page.locator(".paper-box").count() >= 1
    image = _box(page, ".paper-box .paper-box-image")
    text = _box(page, ".paper-box .paper-box-text")
    loaded = page.eval_on_selector(".paper-box-image img", "img => img.complete && img.naturalWidth > 0")
    assert loaded, "the paper figure did not load"
    if home.layout == "wide":
        assert image["x"] + image["width"] <= text["x"]
        assert image["y"] < text["y"] + text["height"] and text["y"] < image["y"] + image["height"]
    else:
        assert image["y"] + image["height"] <= text["y"]
        assert image["width"] > 0.8 * text["width"]


def test_no_console_errors(home):
    assert home.page_errors == []
    assert home.console_errors == []
    # With no citation placeholder on the page, the citation data is not even fetched.
    assert _scholar_stats_url() not in home.external_requests


def test_offline_page_stays_quiet(browser, base_url):
    visit = Visit(browser, base_url, "/", WIDTHS["wide"], offline=True)
    try:
        assert visit.external_requests, "the page makes no external request: nothing was tested"
        assert visit.page_errors == []
        # Chromium itself reports each refused request; the page's scripts add nothing.
        assert [e for e in visit.console_errors if "Failed to load resource" not in e] == []
        assert visit.page.locator(".sidebar").is_visible()
        assert visit.page.locator(".paper-box").is_visible()
    finally:
        visit.close()


def test_citation_counts_are_filled_in(browser, base_url, site_dir):
    # The home page with citation placeholders added, as a user writes them in about.md.
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    placeholders = ('<p>Citations: <span id="total_cit">?</span> '
                    '<span class="show_paper_citations" data="PAPER:1"></span></p>')
    assert '<main id="main" class="content">' in html
    html = html.replace('<main id="main" class="content">', '<main id="main" class="content">' + placeholders)
    (site_dir / "citations-check.html").write_text(html, encoding="utf-8")
    visit = Visit(browser, base_url, "/citations-check.html", WIDTHS["wide"])
    try:
        visit.page.wait_for_function("document.getElementById('total_cit').textContent !== '?'", timeout=5000)
        assert visit.page.locator("#total_cit").inner_text() == str(FAKE_SCHOLAR_STATS["citedby"])
        assert visit.page.locator(".show_paper_citations").inner_text() == "| Citations: 17"
        assert visit.external_requests.count(_scholar_stats_url()) == 1
        assert visit.console_errors == [] and visit.page_errors == []
    finally:
        visit.close()
        (site_dir / "citations-check.html").unlink()


@pytest.mark.parametrize("old_path", ["/about/", "/about.html"])
def test_old_addresses_redirect_home(browser, base_url, old_path):
    visit = Visit(browser, base_url, old_path, WIDTHS["wide"])
    try:
        visit.page.wait_for_url(base_url + "/", timeout=5000)
        assert visit.page.locator(".paper-box").count() >= 1
    finally:
        visit.close()
