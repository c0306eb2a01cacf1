"""Saving: byte-identical when unchanged, minimal diffs, atomic, fmt idempotent."""

import difflib
import os
import shutil

import pytest

from argmap.mapio import load_file
from argmap.model import Claim, Relation
from argmap.savefile import SaveError, format_text, render, save_map

from conftest import DATA, ROOT

EXAMPLE = DATA / "example.yaml"
BUNDLED = sorted((ROOT / "maps").glob("*.yaml"))


def changed_lines(a: str, b: str) -> list[str]:
    return [l for l in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
            if l[:1] in "+-" and not l.startswith(("+++", "---"))]


@pytest.mark.parametrize("path", [EXAMPLE] + BUNDLED, ids=lambda p: p.name)
def test_unchanged_file_saves_byte_identical(path, tmp_path):
    target = tmp_path / path.name
    shutil.copy(path, target)
    loaded = load_file(str(target), resolve=False)
    original = target.read_bytes()
    # the patching path itself, not only a shortcut, reproduces the bytes
    assert render(loaded.map, loaded.text).encode() == original
    save_map(loaded.map, str(target), loaded.text)
    assert target.read_bytes() == original


def test_one_claim_edit_changes_only_its_line(tmp_path):
    target = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, target)
    loaded = load_file(str(target))
    loaded.map.set_claim_field("kriegsmuede", "text", "Der Westen wird kriegsmüde.")
    text = save_map(loaded.map, str(target), loaded.text)
    assert changed_lines(loaded.text, text) == [
        "-    text: Der Westen wird des Krieges müde.",
        "+    text: Der Westen wird kriegsmüde.",
    ]
    assert "# Kofman's argument" in text  # comments survive


def test_added_claim_and_relation_make_a_local_diff(tmp_path):
    target = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, target)
    loaded = load_file(str(target))
    amap = loaded.map
    amap.add_claim(Claim("neu", text="Ein Einwand: mit Doppelpunkt.", speaker="Ich",
                         tags=["militär"]))
    amap.add_relation(Relation("attack", ["neu"], "aufruesten", id="r9"))
    text = save_map(amap, str(target), loaded.text)
    assert changed_lines(loaded.text, text) == [
        "+  neu:",
        "+    text: 'Ein Einwand: mit Doppelpunkt.'",
        "+    speaker: Ich",
        "+    tags: [militär]",
        "+  - {id: r9, type: attack, from: neu, to: aufruesten}",
    ]
    again = load_file(str(target))
    assert again.map.snapshot() == amap.snapshot()


def test_removed_claim_removes_only_its_block(tmp_path):
    target = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, target)
    loaded = load_file(str(target))
    amap = loaded.map
    for rel in [r for r in amap.relations if "kriegsmuede" in r.premises]:
        amap.remove_relation(rel)
    amap.remove_claim("kriegsmuede")
    text = save_map(amap, str(target), loaded.text)
    removed = changed_lines(loaded.text, text)
    assert all(l.startswith("-") for l in removed)
    assert len(removed) == 8  # 7 lines of the claim and its undercut


def test_failed_save_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, target)
    before = target.read_bytes()
    loaded = load_file(str(target))
    loaded.map.set_claim_field("frage", "text", "Geändert?")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(SaveError, match="No space left"):
        save_map(loaded.map, str(target), loaded.text)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.yaml"]  # no temp file left


def test_save_into_missing_folder_reports(tmp_path):
    loaded = load_file(str(EXAMPLE))
    with pytest.raises(SaveError):
        save_map(loaded.map, str(tmp_path / "no" / "such" / "m.yaml"))


def test_new_map_is_written_as_readable_utf8(tmp_path):
    loaded = load_file(str(EXAMPLE))
    target = tmp_path / "fresh.yaml"
    save_map(loaded.map, str(target))
    raw = target.read_bytes().decode("utf-8")
    assert "Waffenstillstand jetzt wäre ein Sieg für Putin." in raw
    assert "\\u" not in raw and "\\x" not in raw
    assert load_file(str(target), resolve=False).map.snapshot() == loaded.map.snapshot()


def test_fmt_is_idempotent_and_keeps_comments_and_content():
    text = EXAMPLE.read_text(encoding="utf-8")
    scrambled = text.replace("    kind: thesis\n    speaker: Autor\n",
                             "    speaker: Autor\n    kind: thesis\n")
    once = format_text(scrambled)
    assert format_text(once) == once
    assert "# Kofman's argument" in once
    assert "    kind: thesis\n    speaker: Autor\n" in once
    a = load_file(str(EXAMPLE), resolve=False).map.snapshot()
    from argmap.mapio import load_text
    assert load_text(once, "x.yaml", resolve=False).map.snapshot() == a


def test_multi_line_text_comes_back_exactly(tmp_path):
    loaded = load_file(str(EXAMPLE))
    loaded.map.set_claim_field("frage", "note", "erste Zeile\nzweite Zeile")
    target = tmp_path / "m.yaml"
    save_map(loaded.map, str(target), loaded.text)
    assert load_file(str(target), resolve=False).map.claims["frage"].note == \
        "erste Zeile\nzweite Zeile"


def test_saves_in_a_row_keep_to_the_full_render(tmp_path):
    target = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, target)
    loaded = load_file(str(target))
    amap, text = loaded.map, loaded.text
    for i in range(3):
        amap.set_claim_field("frage", "text", f"Sollte es jetzt ({i}) einen Waffenstillstand geben?")
        amap.add_claim(Claim(f"neu{i}", text="Noch eine Aussage."))
        expected = render(amap, text)
        text = save_map(amap, str(target), text)
        assert text == expected == target.read_text(encoding="utf-8")
    assert "# Kofman's argument" in text
