"""A repeated export of an unchanged map is served from the kept export; any
change to what the picture depends on makes a new one."""

from __future__ import annotations

import shutil

import pytest

from argmap import export_cache
from argmap.cli import main

from conftest import DATA, ROOT


@pytest.fixture
def drawn(monkeypatch, tmp_path):
    """Counts the real exports (layout and drawing); a cache of this test's own."""
    import argmap.export as export

    monkeypatch.setenv("ARGMAP_EXPORT_CACHE_DIR", str(tmp_path / "exports"))
    calls = []
    real = export.export_bytes

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(export, "export_bytes", counting)
    return calls


def test_an_unchanged_map_is_not_drawn_again(tmp_path, drawn):
    path = tmp_path / "m.yaml"
    shutil.copy(DATA / "example.yaml", path)
    out = tmp_path / "m.svg"
    assert main(["export", str(path), "-o", str(out)]) == 0
    first = out.read_bytes()
    out.unlink()
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert out.read_bytes() == first and len(drawn) == 1
    # another option, another picture
    assert main(["export", str(path), "-o", str(out), "--evaluate"]) == 0
    assert len(drawn) == 2 and b"label-IN" in out.read_bytes()
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert out.read_bytes() == first and len(drawn) == 2
    # a change to the map, however small
    path.write_text(path.read_text(encoding="utf-8").replace("Waffenstillstand jetzt?",
                                                             "Waffenruhe jetzt?"),
                    encoding="utf-8")
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert len(drawn) == 3 and "Waffenruhe jetzt?" in out.read_text(encoding="utf-8")
    # --no-cache draws it again
    assert main(["export", str(path), "-o", str(out), "--no-cache"]) == 0
    assert len(drawn) == 4


def test_a_change_to_a_referenced_map_is_seen(tmp_path, drawn):
    for name in ("debatte-waffenstillstand-jetzt.yaml",
                 "2022-11-waffenstillstand-sieg-fuer-putin.yaml",
                 "2024-05-putins-angebot-verhandlungen.yaml",
                 "2024-12-nato-kapitulation-durch-die-hintertuer.yaml",
                 "2025-03-kreml-prueft-waffenruhe.yaml",
                 "2025-08-alaska-gipfel-putin-trump.yaml"):
        text = (ROOT / "maps" / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(   # its folder of articles is not beside the copy
            "".join(ln for ln in text.splitlines(True) if not ln.startswith("source_folder:")),
            encoding="utf-8")
    combined = tmp_path / "debatte-waffenstillstand-jetzt.yaml"
    out = tmp_path / "c.svg"
    assert main(["export", str(combined), "-o", str(out)]) == 0
    assert main(["export", str(combined), "-o", str(out)]) == 0
    assert len(drawn) == 1
    other = tmp_path / "2022-11-waffenstillstand-sieg-fuer-putin.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert main(["export", str(combined), "-o", str(out)]) == 0
    assert len(drawn) == 2


def test_a_fallback_layout_is_not_kept(tmp_path, drawn, capsys):
    path = tmp_path / "g.yaml"
    import subprocess
    import sys
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "300",
                    "-o", str(path)], check=True)
    out = tmp_path / "g.svg"
    for _ in range(2):
        assert main(["export", str(path), "-o", str(out), "--layout-budget", "0.0001"]) == 0
    assert len(drawn) == 2 and "layered layout" in capsys.readouterr().err


def test_the_cache_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGMAP_EXPORT_CACHE_DIR", str(tmp_path / "exports"))
    monkeypatch.setattr(export_cache, "MAX_ENTRIES", 3)
    for k in range(6):
        export_cache.put(f"{k:02d}" + "a" * 62, b"x" * 10)
    kept = [k for k in range(6) if export_cache.get(f"{k:02d}" + "a" * 62) is not None]
    assert len(kept) == 3 and 5 in kept


def test_a_changed_argmap_never_serves_an_old_picture(tmp_path, monkeypatch):
    path = tmp_path / "m.yaml"
    shutil.copy(DATA / "example.yaml", path)
    key = export_cache.export_key(str(path), "svg", {})
    monkeypatch.setattr(export_cache, "code_fingerprint", lambda: "another argmap")
    assert export_cache.export_key(str(path), "svg", {}) != key
