"""A rephrase made in the real window: with the "=" key and from the context menu, drawn
as its own kind of line, undone, saved as ``type: rephrase``."""
# ruff: noqa: F811  (pytest fixtures imported from test_gui are redefined as parameters)

from PySide6.QtCore import Qt
from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401

from argmap.gui.shortcuts_dialog import shortcuts
from argmap.gui.view import LEGEND_H, LEGEND_KINDS
from argmap.mapio import load_file


def _two_unconnected(amap) -> tuple[str, str]:
    """A claim and another it is in no relation with."""
    linked = {(p, r.target) for r in amap.relations for p in r.premises}
    for a in amap.claims:
        for b in amap.claims:
            if a != b and (a, b) not in linked and (b, a) not in linked:
                return a, b
    raise AssertionError("every claim is connected to every other")


def _select(window, first: str, last: str) -> None:
    """``first``, then ``last`` (the order the connect verbs read)."""
    scene = window.scene
    scene.select_claims([first])
    scene.claim_items[last].setSelected(True)
    assert scene.selected_claims() == [first, last]


def test_the_equals_key_makes_a_rephrase_that_is_drawn_undone_and_saved(
        qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    before = doc.amap.snapshot()
    later, earlier = _two_unconnected(doc.amap)
    _select(window, later, earlier)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal)
    rel = doc.amap.relations[-1]
    assert (rel.type, rel.premises, rel.target) == ("rephrase", [later], earlier)
    edges = [e for e in window.scene.edge_items if e.relation_key == rel.key]
    assert edges and all(e.kind == "rephrase" for e in edges)
    assert window.undo_group.undoText() == "Connect: rephrase"
    # the same two claims again (or the other way round): nothing new
    qtbot.keyClick(window.view, Qt.Key.Key_Equal)
    _select(window, earlier, later)
    qtbot.keyClick(window.view, Qt.Key.Key_Equal)
    assert sum(r.type == "rephrase" for r in doc.amap.relations) == 1
    # the layout draws it too, between the two boxes
    qtbot.waitUntil(lambda: not window.scene.layout_pending, timeout=15000)
    edges = [e for e in window.scene.edge_items if e.relation_key == rel.key]
    assert edges and edges[0].points
    # undo takes it away, redo brings it back
    window.a_undo.trigger()
    assert doc.amap.snapshot() == before
    assert not [e for e in window.scene.edge_items if e.relation_key == rel.key]
    window.a_redo.trigger()
    assert doc.amap.relations[-1].type == "rephrase"
    # saved as a relation of its own type, read back the same
    window.a_save.trigger()
    text = mapfile.read_text(encoding="utf-8")
    assert "type: rephrase" in text and f"from: {later}" in text
    again = load_file(str(mapfile))
    assert not again.errors
    assert again.map.relations[-1].type == "rephrase"


def test_the_context_menu_connects_two_selected_claims_as_rephrase(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    later, earlier = _two_unconnected(doc.amap)
    _select(window, later, earlier)
    view = window.view
    item = window.scene.claim_items[earlier]
    view.centerOn(item)
    menu = window.canvas_menu(view, view.mapFromScene(item.pos()))
    action = next(a for a in menu.actions() if a.text().startswith("Connect as &Rephrase"))
    assert action.isEnabled() and action.text().endswith("\t=")
    action.trigger()
    rel = doc.amap.relations[-1]
    assert (rel.type, rel.premises, rel.target) == ("rephrase", [later], earlier)
    # one claim selected: the entry is there but cannot be used
    window.scene.select_claims([earlier])
    menu = window.canvas_menu(view, view.mapFromScene(item.pos()))
    action = next(a for a in menu.actions() if a.text().startswith("Connect as &Rephrase"))
    assert not action.isEnabled()


def test_three_selected_claims_make_no_rephrase(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    count = len(doc.amap.relations)
    ids = list(doc.amap.claims)[:3]
    window.scene.select_claims(ids)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal)
    assert len(doc.amap.relations) == count
    assert "two claims" in window.statusBar().currentMessage()


def test_a_rephrase_cannot_be_undercut(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    later, earlier = _two_unconnected(doc.amap)
    _select(window, later, earlier)
    window.connect_selected("rephrase")
    rel = doc.amap.relations[-1]
    third = next(c for c in doc.amap.claims if c not in (later, earlier))
    before = doc.amap.snapshot()
    assert window.undercut([third], rel.key) is None
    assert doc.amap.snapshot() == before
    assert "cannot be undercut" in window.statusBar().currentMessage()


def test_the_legend_and_the_shortcut_list_know_the_rephrase(qtbot, window, mapfile):
    open_and_settle(qtbot, window, mapfile)
    assert "rephrase" in LEGEND_KINDS
    assert window.view.legend.height() == LEGEND_H
    assert not window.view.legend.grab().isNull()    # paints the double line
    keys = {(s.text, s.keys) for s in shortcuts(window)}
    assert any(k == "=" and "rephrase" in t for t, k in keys)
