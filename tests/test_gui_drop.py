"""Files dropped onto the main window open: maps in a tab, Argdown and AIF imported."""
# ruff: noqa: F811  (the fixtures imported from test_gui are parameters here)

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401

ARGDOWN = "[Rise]: Taxes should rise.\n  <+ [Schools]: Schools need money.\n"
AIF = json.dumps({
    "nodes": [{"nodeID": "1", "type": "I", "text": "Parks are good."},
              {"nodeID": "2", "type": "I", "text": "Children play there."},
              {"nodeID": "3", "type": "RA", "text": "Default Inference"}],
    "edges": [{"edgeID": "a", "fromID": "2", "toID": "3"},
              {"edgeID": "b", "fromID": "3", "toID": "1"}]})


def _urls(*paths) -> QMimeData:
    data = QMimeData()
    data.setUrls([p if isinstance(p, QUrl) else QUrl.fromLocalFile(str(p)) for p in paths])
    return data


def _drag(target, data: QMimeData, at: QPoint | None = None) -> tuple[bool, bool]:
    """Drag ``data`` onto ``target`` as the windowing system does: enter, move, then
    drop if the enter was accepted. Whether the enter and the drop were accepted."""
    at = at or target.rect().center()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, actions, data, buttons, mods)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False, False
    QApplication.sendEvent(target, QDragMoveEvent(at, actions, data, buttons, mods))
    drop = QDropEvent(QPointF(at), actions, data, buttons, mods)
    QApplication.sendEvent(target, drop)
    return True, drop.isAccepted()


def test_a_dropped_map_opens_in_a_tab(qtbot, window, mapfile):
    assert window.acceptDrops()
    assert _drag(window, _urls(mapfile)) == (True, True)
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=10000)
    assert window.doc.path == str(mapfile)
    assert "sieg-fuer-putin" in window.tabs.tabText(0)


def test_several_dropped_files_open_each(qtbot, window, mapfile, tmp_path):
    open_and_settle(qtbot, window, mapfile)
    argdown = tmp_path / "taxes.argdown"
    argdown.write_text(ARGDOWN, encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text(ARGDOWN, encoding="utf-8")
    aif = tmp_path / "parks.json"
    aif.write_text(AIF, encoding="utf-8")
    other = tmp_path / "second.yml"
    other.write_text(mapfile.read_text(encoding="utf-8").replace("title: ", "title: Zweite ", 1),
                     encoding="utf-8")
    assert _drag(window, _urls(argdown, aif, other, notes)) == (True, True)
    qtbot.waitUntil(lambda: window.tabs.count() == 5, timeout=10000)
    docs = [v.map_scene.doc for v in window.views()]
    assert [d.path for d in docs] == [str(mapfile), None, None, str(other), None]
    assert {c.text for c in docs[1].amap.claims.values()} == {
        "Taxes should rise.", "Schools need money."}
    assert {c.text for c in docs[2].amap.claims.values()} == {
        "Parks are good.", "Children play there."}
    assert docs[1].suggested_path == str(tmp_path / "taxes.yaml")
    assert docs[4].suggested_path == str(tmp_path / "notes.yaml")
    assert docs[3].amap.title.startswith("Zweite ")
    for doc in docs[1:3] + docs[4:]:
        doc.undo_stack.setClean()   # imported, never saved: closing would ask


def test_unsupported_and_remote_files_are_refused(qtbot, window, mapfile, tmp_path):
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    folder = tmp_path / "maps.yaml"          # a folder, named like a map
    folder.mkdir()
    missing = tmp_path / "gone.yaml"
    remote = QUrl("https://example.org/map.yaml")
    for data in (_urls(picture), _urls(folder), _urls(missing), _urls(remote)):
        assert _drag(window, data) == (False, False)
    text = QMimeData()
    text.setText(str(mapfile))                # a path as text is not a file
    assert _drag(window, text) == (False, False)
    # a drop that goes ahead without an accepted enter opens nothing either
    data = _urls(picture)                     # the event only points to it: keep it
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert not drop.isAccepted()
    qtbot.wait(50)
    assert window.tabs.count() == 0


def test_a_mixed_drop_opens_only_what_it_can(qtbot, window, mapfile, tmp_path):
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert _drag(window, _urls(picture, mapfile)) == (True, True)
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=10000)
    assert window.doc.path == str(mapfile)
    qtbot.wait(50)
    assert window.tabs.count() == 1


def test_a_map_dropped_onto_the_canvas_opens(qtbot, window, mapfile, tmp_path):
    open_and_settle(qtbot, window, mapfile)
    other = tmp_path / "second.yaml"
    other.write_text(mapfile.read_text(encoding="utf-8"), encoding="utf-8")
    assert _drag(window.view.viewport(), _urls(other)) == (True, True)
    qtbot.waitUntil(lambda: window.tabs.count() == 2, timeout=3000)
    assert window.doc.path == str(other)
