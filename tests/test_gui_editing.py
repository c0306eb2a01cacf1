"""Nothing typed is lost: every path that saves, exports, evaluates, switches or
closes first commits the open editor (in place or in the inspector) as its command."""


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from argmap.mapio import load_file

from conftest import copy_bundled
from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401

CLAIM = "sieg-fuer-putin"
NEW_TEXT = "Ein Waffenstillstand jetzt waere ein Sieg fuer Putin, sagen viele"


def _answer(monkeypatch, button):
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return button
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _open_editor(qtbot, w, claim_id=CLAIM, text=NEW_TEXT):
    w.scene.select_claims([claim_id])
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F2)
    editor = w.view.editor
    assert editor is not None and editor.hasFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    return editor


def _text_on_disk(path, claim_id=CLAIM):
    return load_file(str(path)).map.claims[claim_id].text


def test_f2_type_then_quit_asks_and_save_keeps_the_text(qtbot, window, mapfile, monkeypatch,
                                                        capfd):
    open_and_settle(qtbot, window, mapfile)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Save)
    editor = _open_editor(qtbot, window)
    qtbot.keyClick(editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert asked and "Save the changes" in asked[0]
    assert _text_on_disk(mapfile) == NEW_TEXT
    assert "RuntimeError" not in capfd.readouterr().err


def test_discard_on_quit_drops_the_text_quietly(qtbot, window, mapfile, monkeypatch, capfd):
    open_and_settle(qtbot, window, mapfile)
    before = mapfile.read_text(encoding="utf-8")
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    editor = _open_editor(qtbot, window)
    qtbot.keyClick(editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    qtbot.wait(50)
    assert len(asked) == 1
    assert mapfile.read_text(encoding="utf-8") == before
    assert "RuntimeError" not in capfd.readouterr().err


def test_ctrl_s_in_the_inplace_editor_saves_the_typed_text(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    editor = _open_editor(qtbot, window)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _text_on_disk(mapfile) == NEW_TEXT
    assert not doc.dirty
    assert doc.undo_stack.undoText() == "Change text"
    doc.undo_stack.undo()                       # the typed text was one undoable step
    assert doc.amap.claims[CLAIM].text != NEW_TEXT


@pytest.mark.parametrize("field", ["text", "note", "speaker", "tags"])
def test_ctrl_s_in_an_inspector_field_saves_its_value(qtbot, window, mapfile, field):
    doc = open_and_settle(qtbot, window, mapfile)
    window.scene.select_claims([CLAIM])
    widget = getattr(window.inspector, field)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    widget.selectAll()
    qtbot.keyClicks(widget, "neu, zwei" if field == "tags" else NEW_TEXT)
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    claim = load_file(str(mapfile)).map.claims[CLAIM]
    expected = ["neu", "zwei"] if field == "tags" else NEW_TEXT
    assert getattr(claim, field) == expected
    assert not doc.dirty


def test_selecting_another_claim_keeps_the_inspector_text(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    window.scene.select_claims([CLAIM])
    window.inspector.note.setFocus()
    qtbot.waitUntil(window.inspector.note.hasFocus, timeout=2000)
    qtbot.keyClicks(window.inspector.note, "Notiz")
    other = next(c for c in doc.amap.claims if c != CLAIM and not doc.amap.claims[c].ref)
    window.select_claim(other)                  # e.g. from find or the outline
    assert doc.amap.claims[CLAIM].note.endswith("Notiz")
    assert window.inspector.claim_id == other


def test_switching_tabs_commits_the_editor_to_its_own_map(qtbot, window, mapfile, tmp_path):
    doc = open_and_settle(qtbot, window, mapfile)
    second = copy_bundled("2024-05-putins-angebot-verhandlungen.yaml", tmp_path)
    _open_editor(qtbot, window)
    other = open_and_settle(qtbot, window, second)
    assert window.doc is other
    assert doc.amap.claims[CLAIM].text == NEW_TEXT
    assert doc.dirty and not other.dirty


def test_closing_the_tab_with_an_open_editor_asks(qtbot, window, mapfile, monkeypatch):
    open_and_settle(qtbot, window, mapfile)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Save)
    _open_editor(qtbot, window)
    window.a_close.trigger()
    assert asked and window.tabs.count() == 0
    assert _text_on_disk(mapfile) == NEW_TEXT


def test_export_and_evaluate_see_the_typed_text(qtbot, window, mapfile, tmp_path):
    doc = open_and_settle(qtbot, window, mapfile)
    _open_editor(qtbot, window, text="Ganz neuer Text zum Export")
    out = tmp_path / "out.argdown"
    assert window.export("argdown", path=str(out))
    assert "Ganz neuer Text zum Export" in out.read_text(encoding="utf-8")
    assert doc.amap.claims[CLAIM].text == "Ganz neuer Text zum Export"
    _open_editor(qtbot, window, text="Noch einmal anders")
    window.evaluation_menu.a_toggle.trigger()
    assert doc.amap.claims[CLAIM].text == "Noch einmal anders"
    window.evaluation_menu.a_toggle.trigger()
