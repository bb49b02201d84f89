"""Compare a built site with the reference build, file by file.

Used by tests/test_sites.py. Standard library only, so it runs on any CI machine.

A file is
  identical   when its bytes equal the reference's,
  normalised  when it is markup (.html, .xml, ...) and equal after `normalise_markup`,
              or a source map equal once paths climbing out of the checkout are absolute,
  differ      otherwise.

`normalise_markup` is deliberately tolerant only of differences a browser or feed
reader cannot see: attribute order, entity spelling (`&amp;#8217;` versus the
character), `<br/>` versus `<br>`, and whitespace between and around tags.
Whitespace inside <pre> and <textarea> is kept, because it is visible there.
"""
from __future__ import annotations

import difflib
import html.parser
import os
import re
from dataclasses import dataclass

MARKUP_SUFFIXES = {".html", ".htm", ".xhtml", ".xml", ".atom", ".rss", ".svg"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr",
}
VERBATIM_ELEMENTS = {"pre", "textarea"}
WHITESPACE_RUN = re.compile(r"\s+")
# A source map names a theme's files installed outside the site by a path relative to the
# site (`../../../../usr/share/...`). How many `../` depends on where the checkout lives,
# so maps are compared with such climbing paths made absolute.
CLIMB_OUT_OF_CHECKOUT = re.compile(r'"(?:\.\./){3,}')

IDENTICAL = "identical"
NORMALISED = "normalised"
DIFFER = "differ"


def _collapse(text: str) -> str:
    return WHITESPACE_RUN.sub(" ", text).strip()


class _MarkupFlattener(html.parser.HTMLParser):
    """Turns markup into a list of printable lines, one per tag or text run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._verbatim_depth = 0

    def _start(self, tag: str, attrs, self_closing: bool) -> None:
        parts = []
        for name, value in sorted(attrs, key=lambda pair: pair[0]):
            parts.append(f'{name}="{_collapse(value or "")}"')
        self.lines.append("<" + " ".join([tag] + parts) + ">")
        if tag in VERBATIM_ELEMENTS and not self_closing:
            self._verbatim_depth += 1

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag, attrs):
        # <br/> and <br> are the same element; <x/> on a non-void element is
        # treated as an empty element.
        self._start(tag, attrs, self_closing=True)
        if tag not in VOID_ELEMENTS:
            self.lines.append(f"</{tag}>")

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        if tag in VERBATIM_ELEMENTS and self._verbatim_depth:
            self._verbatim_depth -= 1
        self.lines.append(f"</{tag}>")

    def handle_data(self, data):
        if self._verbatim_depth:
            self.lines.append("verbatim text: " + repr(data))
            return
        text = _collapse(data)
        if text:
            self.lines.append("text: " + text)

    def handle_comment(self, data):
        self.lines.append("<!-- " + _collapse(data) + " -->")

    def handle_decl(self, decl):
        self.lines.append("<!" + _collapse(decl) + ">")

    def handle_pi(self, data):
        self.lines.append("<?" + _collapse(data) + ">")

    def unknown_decl(self, data):
        self.lines.append("<![" + _collapse(data) + "]>")


def normalise_markup(text: str) -> list[str]:
    """The markup as a list of lines that ignore invisible differences."""
    parser = _MarkupFlattener()
    parser.feed(text)
    parser.close()
    # The parser may hand over one text run in pieces; join adjacent pieces.
    merged: list[str] = []
    for line in parser.lines:
        if merged and line.startswith("text: ") and merged[-1].startswith("text: "):
            merged[-1] = merged[-1] + " " + line[len("text: "):]
        else:
            merged.append(line)
    return merged


@dataclass
class FileComparison:
    status: str   # IDENTICAL, NORMALISED or DIFFER
    detail: str   # empty unless DIFFER: a short explanation or diff


def _short_diff(expected: list[str], actual: list[str], limit: int = 40) -> str:
    diff = list(difflib.unified_diff(expected, actual, "expected", "actual", lineterm="", n=2))
    if len(diff) > limit:
        diff = diff[:limit] + [f"... ({len(diff) - limit} more diff lines)"]
    return "\n".join(diff)


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def compare_files(expected_path: str, actual_path: str) -> FileComparison:
    """Compare one reference file with the file we built."""
    if os.path.islink(expected_path):
        # Jekyll copies a symlinked static file as a symlink.
        if not os.path.islink(actual_path):
            return FileComparison(DIFFER, f"expected a symlink to {os.readlink(expected_path)!r}, "
                                          "got a regular file")
        want, got = os.readlink(expected_path), os.readlink(actual_path)
        if want == got:
            return FileComparison(IDENTICAL, "")
        return FileComparison(DIFFER, f"symlink target {got!r}, expected {want!r}")
    if os.path.islink(actual_path):
        return FileComparison(DIFFER, f"expected a regular file, got a symlink to "
                                      f"{os.readlink(actual_path)!r}")

    with open(expected_path, "rb") as handle:
        expected = handle.read()
    with open(actual_path, "rb") as handle:
        actual = handle.read()
    if expected == actual:
        return FileComparison(IDENTICAL, "")

    expected_text, actual_text = _decode(expected), _decode(actual)
    if expected_text is None or actual_text is None:
        return FileComparison(DIFFER, f"binary content differs ({len(expected)} bytes expected, "
                                      f"{len(actual)} bytes built)")

    suffix = os.path.splitext(expected_path)[1].lower()
    if suffix == ".map":
        if CLIMB_OUT_OF_CHECKOUT.sub('"/', expected_text) == CLIMB_OUT_OF_CHECKOUT.sub('"/', actual_text):
            return FileComparison(NORMALISED, "")
    if suffix in MARKUP_SUFFIXES:
        want, got = normalise_markup(expected_text), normalise_markup(actual_text)
        if want == got:
            return FileComparison(NORMALISED, "")
        # Still differ after normalisation: show the plain line diff, easier to read.
        return FileComparison(DIFFER, _short_diff(expected_text.splitlines(), actual_text.splitlines()))
    return FileComparison(DIFFER, _short_diff(expected_text.splitlines(), actual_text.splitlines()))


def list_site_files(root: str) -> list[str]:
    """Every file (and symlink to a file) under root, as sorted '/'-separated relative paths.

    Directories that are symlinks are walked like Jekyll writes them (as real folders)."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=True):
        dirs.sort()
        for name in files:
            full = os.path.join(folder, name)
            found.append(os.path.relpath(full, root).replace(os.sep, "/"))
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    """`python tests/site_compare.py EXPECTED_DIR BUILT_DIR`: a quick report by hand."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(main.__doc__)
        return 2
    expected_root, actual_root = args
    expected_files = list_site_files(expected_root)
    actual_files = set(list_site_files(actual_root))
    counts = {IDENTICAL: 0, NORMALISED: 0, DIFFER: 0, "missing": 0}
    for rel in expected_files:
        if rel not in actual_files:
            counts["missing"] += 1
            print(f"MISSING {rel}")
            continue
        result = compare_files(os.path.join(expected_root, rel), os.path.join(actual_root, rel))
        counts[result.status] += 1
        if result.status == DIFFER:
            print(f"DIFFER  {rel}\n{result.detail}\n")
    extra = sorted(actual_files - set(expected_files))
    for rel in extra:
        print(f"EXTRA   {rel}")
    print(f"identical {counts[IDENTICAL]}, normalised {counts[NORMALISED]}, differ {counts[DIFFER]}, "
          f"missing {counts['missing']}, extra {len(extra)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
