"""`jekyll-py build --watch` rebuilds when the source changes, until interrupted."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _wait_for(predicate, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _read(path) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return ""


def test_build_watch_rebuilds_on_change_and_stops_on_ctrl_c(tmp_path):
    src, dest = tmp_path / "src", tmp_path / "site"
    src.mkdir()
    (src / "_config.yml").write_text("title: Watched\n")
    (src / "index.md").write_text("---\n---\nfirst version\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "jekyll_py", "build", "--watch", "-s", str(src), "-d", str(dest)],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait_for(lambda: "first version" in _read(dest / "index.html"))
        time.sleep(0.5)  # let the watcher settle after the first build
        (src / "index.md").write_text("---\n---\nsecond version\n")
        assert _wait_for(lambda: "second version" in _read(dest / "index.html"))
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=20)
    assert process.returncode == 0, output
    assert f"Auto-regeneration: enabled for '{src}'" in output
    assert "Regenerating: 1 file(s) changed at" in output
