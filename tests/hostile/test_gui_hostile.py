"""Hostile files in the app: each ends at once in a message box that names the file,
never in a traceback or a frozen window."""

import time

import pytest
from PySide6.QtWidgets import QMessageBox

from test_gui import _no_unexpected_dialogs, window  # noqa: F401


@pytest.fixture
def boxes(monkeypatch):
    shown = []

    def record(_parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", record)
    return shown


def test_a_map_far_over_the_limits_is_refused_at_once(qtbot, window, boxes, tmp_path):
    path = tmp_path / "gross.yaml"
    path.write_text("argmap: 1\ntitle: gross\nclaims:\n"
                    + "".join(f"  c{i}: {{text: x}}\n" for i in range(450_000)),
                    encoding="utf-8")
    start = time.monotonic()
    assert window.open_file(str(path)) is None
    assert time.monotonic() - start < 5
    [(title, text)] = boxes
    assert title == "Cannot open map" and f"{path}:1:1: error:" in text
    assert window.tabs.count() == 0


@pytest.mark.parametrize("name, text, says", [
    ("tief.json", "[" * 100_000 + "]" * 100_000, "nested more than 64 levels"),
    ("teilnehmer.json", '{"nodes": [], "participants": 5}', None),
    ("graph.argdown", '<?xml version="1.0"?><arggraph id="x"></arggraph>', "looks like XML"),
    ("tief.argdown", "".join(" " * i + f"Aussage {i}\n" for i in range(2000)), None),
])
def test_hostile_imports_end_in_a_map_or_a_message(qtbot, window, boxes, tmp_path, name, text,
                                                   says):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    start = time.monotonic()
    doc = window.import_file(str(path))
    assert time.monotonic() - start < 5
    if says is None:
        assert doc is not None and not boxes
        doc.undo_stack.setClean()
    else:
        assert doc is None
        [(title, message)] = boxes
        assert title == "Cannot import" and str(path) in message and says in message


def test_a_source_folder_outside_the_map_is_not_read_until_chosen(qtbot, window, tmp_path,
                                                                   monkeypatch):
    from test_gui import open_and_settle
    monkeypatch.delenv("ARGMAP_SOURCES", raising=False)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text("Ein GEHEIMER Satz.\n", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    path = tmp_path / "maps" / "m.yaml"
    path.write_text("argmap: 1\ntitle: t\nsource_folder: ../outside\n"
                    "sources:\n  s: {title: Artikel, file: a.txt}\n"
                    "claims:\n  a: {text: A, source: s, quote: GEHEIMER Satz}\n",
                    encoding="utf-8")
    window.set_sources_dir(None, remember=False)
    open_and_settle(qtbot, window, path)
    window.select_claim("a")
    pane = window.source_pane
    assert "lies outside the map's folder; it is not read" in pane.header.text()
    assert "GEHEIM" not in pane.edit.toPlainText() and not pane.edit.isVisible()
    window.set_sources_dir(str(outside), remember=False)      # the user's say
    window.select_claim(None)
    window.select_claim("a")
    assert "GEHEIMER Satz" in pane.edit.toPlainText()
