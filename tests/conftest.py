"""Test setup: Qt without a display, a private layout cache, shared paths."""

import os
import pathlib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the app speaks English in the tests, whatever the machine's locale and settings
# (argmap.gui.language; tests/test_translation.py starts it in German on purpose)
os.environ["ARGMAP_LANG"] = "en"

import pytest
from hypothesis import settings

# The same examples on every run, so a green main stays green; set
# HYPOTHESIS_PROFILE=explore to search with fresh random examples.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"
ARTICLES = SHARED / "articles"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    # unsaved edits of one test are not offered to the next one
    monkeypatch.setenv("ARGMAP_RECOVERY_DIR", str(tmp_path_factory.mktemp("recovery")))
    # each test draws its own exports (a picture kept by another test is not this one's)
    monkeypatch.setenv("ARGMAP_EXPORT_CACHE_DIR", str(tmp_path_factory.mktemp("exports")))
    # the bundled maps' source_folder lies outside their folder: chosen, as ./run does
    monkeypatch.setenv("ARGMAP_SOURCES", str(ARTICLES))


def copy_bundled(name: str, folder: pathlib.Path) -> pathlib.Path:
    """A copy of the bundled map ``name`` in ``folder``; its articles' folder named
    absolutely (chosen in $ARGMAP_SOURCES above), since ../../shared/articles does not
    lead to them from the copy."""
    target = folder / name
    text = (ROOT / "maps" / name).read_text(encoding="utf-8")
    target.write_text(text.replace("source_folder: ../../shared/articles",
                                   f"source_folder: {ARTICLES}"), encoding="utf-8")
    return target
