"""Shared test set-up: helper modules that live beside the tests (site_compare.py,
tests/liquid/sitemodel.py, ...) are importable by their plain names. Tests are imported with
pytest's importlib mode, so test files in different folders may share a basename."""
import os
import sys

TESTS = os.path.dirname(os.path.abspath(__file__))
for folder, dirnames, _ in os.walk(TESTS):
    dirnames[:] = [d for d in dirnames if d not in ("sites", "__pycache__") and not d.startswith(".")]
    if folder not in sys.path:
        sys.path.insert(0, folder)
