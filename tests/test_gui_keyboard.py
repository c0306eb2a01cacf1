"""Building a map from the keyboard: reasons and objections with one key, Esc
removes a new claim, ids from the typed text, selection and menus by key."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence

from argmap.gui.building import id_from_text

from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401

THESIS = "sieg-fuer-putin"


def _select(qtbot, w, claim_id):
    w.scene.select_claims([claim_id])
    w.view.setFocus()
    qtbot.waitUntil(w.view.hasFocus, timeout=2000)


def _editor_over_its_box(w):
    editor = w.view.editor
    item = w.scene.claim_items[editor.claim_id]
    box = w.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    area = w.view.viewport().rect()
    assert area.contains(editor.geometry()), "the editor is clipped by the canvas edge"
    return editor.geometry().intersects(box)


@pytest.mark.parametrize("key,kind", [(Qt.Key.Key_Plus, "support"), (Qt.Key.Key_Minus, "attack")])
def test_one_key_adds_a_reason_or_objection_in_edit_mode_as_one_step(qtbot, window, mapfile,
                                                                      key, kind):
    doc = open_and_settle(qtbot, window, mapfile)
    loaded, steps = doc.amap.snapshot(), doc.undo_stack.count()
    _select(qtbot, window, THESIS)
    qtbot.keyClick(window.view, key)
    editor = window.view.editor
    assert editor is not None and editor.hasFocus()
    assert _editor_over_its_box(window)
    qtbot.waitUntil(lambda: not window.scene.layout_pending, timeout=15000)
    assert _editor_over_its_box(window)     # still over it once the layout placed it
    editor.selectAll()
    qtbot.keyClicks(editor, "Die Front haelt nicht mehr lange")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    new = window.scene.selected_claims()
    assert new == ["front-haelt-nicht-mehr"]
    claim = doc.amap.claims["front-haelt-nicht-mehr"]
    assert claim.text == "Die Front haelt nicht mehr lange"
    rel = doc.amap.relations[-1]
    assert (rel.premises, rel.target, rel.type) == (["front-haelt-nicht-mehr"], THESIS, kind)
    assert doc.undo_stack.count() == steps + 1
    assert "“Die Front haelt nicht mehr" in doc.undo_stack.undoText()
    doc.undo_stack.undo()
    assert doc.amap.snapshot() == loaded
    doc.undo_stack.redo()
    assert "front-haelt-nicht-mehr" in doc.amap.claims


@pytest.mark.parametrize("key", [Qt.Key.Key_Insert, Qt.Key.Key_Plus])
def test_esc_on_a_new_claims_editor_removes_it_without_a_trace(qtbot, window, mapfile, key):
    doc = open_and_settle(qtbot, window, mapfile)
    loaded, steps = doc.amap.snapshot(), doc.undo_stack.count()
    _select(qtbot, window, THESIS)
    qtbot.keyClick(window.view, key)
    editor = window.view.editor
    assert editor is not None
    new_id = editor.claim_id
    assert new_id in window.scene.claim_items
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert doc.amap.snapshot() == loaded
    assert new_id not in window.scene.claim_items
    assert doc.undo_stack.count() == steps and not doc.undo_stack.canRedo()
    assert not doc.dirty


def test_ids_come_from_the_typed_text():
    taken = {"front-haelt-nicht": None}
    assert id_from_text("Die Front hält nicht", {}) == "front-haelt-nicht"
    assert id_from_text("Die Front hält nicht", taken) == "front-haelt-nicht-2"
    assert id_from_text("Ein Waffenstillstand wäre ein Sieg für Putin", {}) == \
        "waffenstillstand-waere-sieg-fuer"


def test_shift_arrows_select_several_and_s_connects_them(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    scene = window.scene
    start = next(c for c in doc.amap.claims if scene.neighbour(c, 0, -1))
    _select(qtbot, window, start)
    qtbot.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    chosen = scene.selected_claims()
    assert len(chosen) == 2 and chosen[0] == start
    before = len(doc.amap.relations)
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    assert len(doc.amap.relations) == before + 1
    rel = doc.amap.relations[-1]
    assert (rel.premises, rel.target, rel.type) == ([start], chosen[1], "support")


@pytest.mark.parametrize("key,mods", [(Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
                                      (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier)])
def test_shift_f10_and_the_menu_key_open_the_context_menu_on_the_claim(
        qtbot, window, mapfile, monkeypatch, key, mods):
    open_and_settle(qtbot, window, mapfile)
    shown = []
    monkeypatch.setattr(window, "_show_canvas_menu", lambda view, pos: shown.append(
        ([a.text() for a in window.canvas_menu(view, pos).actions()], pos)))
    _select(qtbot, window, THESIS)
    qtbot.keyClick(window.view, key, mods)
    assert shown, "no menu"
    texts, pos = shown[0]
    assert "&Edit Text" in texts and "Add Reaso&n" in texts
    item = window.scene.claim_items[THESIS]
    box = window.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    assert box.contains(pos)


def test_the_outline_row_follows_the_canvas_and_back(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    ids = list(doc.amap.claims)
    window.scene.select_claims([ids[5]])
    tree = window.outline.tree
    assert tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == ids[5]
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus, timeout=2000)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.scene.selected_claims() == [ids[6]]


def test_new_map_has_no_chord_that_waits_on_ctrl_n(window):
    for a in window.findChildren(type(window.a_new)):
        for seq in a.shortcuts():
            assert seq.count() == 1 or seq[0] != QKeySequence("Ctrl+N")[0], a.text()


def test_the_editor_near_the_canvas_edge_stays_inside(qtbot, window, mapfile):
    open_and_settle(qtbot, window, mapfile)
    view = window.view
    corner = view.mapToScene(QPoint(view.viewport().width() - 5, view.viewport().height() - 5))
    cid = window.add_claim(corner)
    assert cid and view.editor is not None
    assert view.viewport().rect().contains(view.editor.geometry())
    assert _editor_over_its_box(window)
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
