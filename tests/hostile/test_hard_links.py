"""Saving a map file with several hard links writes the text every name sees."""

from __future__ import annotations

import os

import pytest

from argmap import atomicwrite
from argmap.mapio import load_file
from argmap.savefile import SaveError, atomic_write, save_map

TEXT = ("argmap: 1\ntitle: t\nclaims:\n  a: {text: A}\n  b: {text: B}\n"
        "relations:\n  - {from: a, to: b, type: support}\n")


def test_saving_keeps_hard_links(tmp_path):
    path, other = tmp_path / "m.yaml", tmp_path / "same.yaml"
    path.write_text(TEXT, encoding="utf-8")
    os.chmod(path, 0o640)
    os.link(path, other)
    inode = os.stat(path).st_ino
    loaded = load_file(str(path))
    loaded.map.claims["a"].text = "Neu"
    written = save_map(loaded.map, str(path), loaded.text)
    assert other.read_text(encoding="utf-8") == written == path.read_text(encoding="utf-8")
    st = os.stat(path)
    assert (st.st_ino, st.st_nlink, st.st_mode & 0o777) == (inode, 2, 0o640)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    # a shorter text leaves nothing of the longer one behind
    atomic_write(str(other), b"argmap: 1\n")
    assert path.read_bytes() == b"argmap: 1\n"


def test_a_failed_copy_into_a_linked_file_keeps_the_new_text_and_says_where(
        tmp_path, monkeypatch):
    path = tmp_path / "m.yaml"
    path.write_text(TEXT, encoding="utf-8")
    os.link(path, tmp_path / "same.yaml")

    def half(target: str, data: bytes) -> None:
        with open(target, "r+b") as fh:
            fh.write(data[: len(data) // 2])
            fh.truncate()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomicwrite, "_copy_into", half)
    loaded = load_file(str(path))
    loaded.map.claims["a"].text = "Neu"
    with pytest.raises(SaveError) as info:
        save_map(loaded.map, str(path), loaded.text)
    message = str(info.value)
    assert "No space left on device" in message and "the complete new text is in " in message
    [tmp] = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert str(tmp) in message
    assert load_file(str(tmp)).map.claims["a"].text == "Neu"


def test_a_file_with_one_name_is_still_replaced_by_rename(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(TEXT, encoding="utf-8")
    inode = os.stat(path).st_ino
    atomic_write(str(path), TEXT.replace("A}", "A2}").encode())
    assert os.stat(path).st_ino != inode
