"""Compare mode in the real window: File → Compare With… and Compare With Version…,
the marks and ghosts on the canvas, F8 / Shift+F8, Take Back, the SVG of it."""

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from test_diff_changes import REWORDED, SELENSKYJ, edited
from test_gui import _no_unexpected_dialogs, open_and_settle, window  # noqa: F401

from argmap.gui import compare_dialog
from argmap.gui.compare_dialog import VersionDialog
from argmap.gui.compare_view import ClaimMark, GhostClaim, GhostEdge, Glow
from argmap.gitversions import file_commits

from conftest import copy_bundled

NAME = "2022-11-waffenstillstand-sieg-fuer-putin.yaml"
OURS = (ClaimMark, GhostClaim, GhostEdge, Glow)


@pytest.fixture
def files(tmp_path):
    """The bundled map as it was (old.yaml), and edited (the map to open)."""
    old = copy_bundled(NAME, tmp_path)
    new = tmp_path / "karte.yaml"
    new.write_text(edited(old.read_text(encoding="utf-8")), encoding="utf-8")
    return old, new


def overlay_items(window):
    return [i for i in window.scene.items() if isinstance(i, OURS)]


def compared(qtbot, window, files, monkeypatch):
    old, new = files
    doc = open_and_settle(qtbot, window, new)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(old), ""))
    window.compare.a_file.trigger()
    overlay = window.compare.overlay
    assert overlay is not None
    return doc, overlay


def test_compare_with_a_file_marks_the_changes_and_shows_ghosts(qtbot, window, files,
                                                                monkeypatch):
    doc, overlay = compared(qtbot, window, files, monkeypatch)
    assert window.compare.dock.isVisible()
    # the marks: one added, one changed claim (children of their boxes), one ghost
    marks = {m.parentItem().claim_id: m.kind for m in overlay_items(window)
             if isinstance(m, ClaimMark)}
    assert marks == {"milley-friedenschance": "added", "selenskyj-kein-abwarten": "changed"}
    ghosts = [g for g in overlay_items(window) if isinstance(g, GhostClaim)]
    assert [g.ghost_id for g in ghosts] == ["poroschenko-moerder"]
    assert "poroschenko-moerder" not in doc.amap.claims
    # near where it was: below the claim it supported, on no other box
    ghost, target = ghosts[0], window.scene.claim_items["ukrainer-misstrauisch"]
    assert ghost.y() > target.y()
    assert not any(ghost.sceneBoundingRect().adjusted(9, 12, -13, -9).intersects(
        i.sceneBoundingRect().adjusted(5, 9, -5, -5)) for i in window.scene.claim_items.values())
    assert [e.ghost_key for e in overlay_items(window) if isinstance(e, GhostEdge)] == ["r17"]
    assert sorted((g.edge.relation_key, g.kind) for g in overlay_items(window)
                  if isinstance(g, Glow)) == [("r16", "changed"), ("r50", "added")]
    # the banner and the dock count them
    banner = overlay.banner.text()
    assert "Compared with <b>2022-11-waffenstillstand-sieg-fuer-putin.yaml</b>" in banner
    assert "2 added" in banner and "2 removed" in banner and "2 changed" in banner
    assert overlay.banner.isVisible()
    panel = window.compare.panel
    assert panel.list.count() == 6
    assert [panel.list.item(i).text()[:3] for i in range(6)] == ["+  ", "~  ", "−  ", "~  ",
                                                                "+  ", "−  "]
    # leaving: the plain map again
    window.compare.a_leave.trigger()
    assert overlay_items(window) == [] and window.compare.overlay is None
    assert not window.compare.dock.isVisible() and not window.compare.a_next.isEnabled()
    assert not overlay.banner.isVisible()


def test_next_and_previous_change_walk_them_with_f8(qtbot, window, files, monkeypatch):
    doc, overlay = compared(qtbot, window, files, monkeypatch)
    panel, scene, view = window.compare.panel, window.scene, window.view
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert panel.current() == 0 and scene.selected_claims() == ["milley-friedenschance"]
    centre = view.mapToScene(view.viewport().rect().center())
    assert scene.claim_items["milley-friedenschance"].sceneBoundingRect().adjusted(
        -150, -150, 150, 150).contains(centre)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert scene.selected_claims() == ["selenskyj-kein-abwarten"]
    # the dock shows before and after of the changed field
    html = panel.details.toPlainText()
    assert SELENSKYJ[6:] in html and REWORDED[6:] in html and "Before" in html
    qtbot.keyClick(view, Qt.Key.Key_F8)
    ghost = overlay.ghosts["poroschenko-moerder"]
    assert ghost.isSelected() and scene.selected_claims() == []
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert scene.selected_relations() == ["r16"]
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert ghost.isSelected() and panel.current() == 2
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert panel.current() == 5                 # round the start to the last one
    assert overlay.ghost_edges["r17"].isSelected()
    # a click on a marked claim shows its change in the dock
    scene.select_claims(["milley-friedenschance"])
    assert panel.current() == 0


def test_take_back_a_change_and_undo_it(qtbot, window, files, monkeypatch):
    doc, overlay = compared(qtbot, window, files, monkeypatch)
    compare = window.compare
    compare.go_to(2)                         # the removed claim
    assert compare.a_take_back.isEnabled()
    compare.a_take_back.trigger()
    assert doc.amap.claims["poroschenko-moerder"].speaker == "Petro Poroschenko"
    assert doc.amap.relation_by_key("r17") is not None       # with its relation
    assert overlay.ghosts == {} and len(overlay.changes) == 4
    assert window.a_undo.text().startswith("&Undo Take back")
    qtbot.waitUntil(lambda: not window.scene.layout_pending, timeout=15000)
    window.a_undo.trigger()
    overlay.recompute()
    assert "poroschenko-moerder" not in doc.amap.claims
    assert list(overlay.ghosts) == ["poroschenko-moerder"] and len(overlay.changes) == 6
    # the reworded claim gets its old text back
    compare.go_to(1)
    compare.take_back()
    assert doc.amap.claims["selenskyj-kein-abwarten"].text == SELENSKYJ[6:]
    assert "selenskyj-kein-abwarten" not in overlay.claim_marks
    # a removed relation waits for its claim: Take Back is off, and says why
    compare.go_to(next(i for i, c in enumerate(overlay.changes) if c.key == "r17"))
    assert not compare.a_take_back.isEnabled()
    assert "poroschenko-moerder" in compare.panel.take_back.toolTip()
    window.a_undo.trigger()
    overlay.recompute()
    assert doc.amap.claims["selenskyj-kein-abwarten"].text == REWORDED[6:]


def test_the_comparison_exported_as_svg_has_the_marks(qtbot, window, files, monkeypatch,
                                                       tmp_path):
    doc, overlay = compared(qtbot, window, files, monkeypatch)
    out = tmp_path / "vergleich.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.compare.a_export.trigger()
    root = ET.fromstring(out.read_text(encoding="utf-8"))         # well-formed XML
    svg = "{http://www.w3.org/2000/svg}"
    got = {g.get("id"): g.get("class", "") for g in root.iter(svg + "g") if g.get("id")}
    assert "diff-added" in got["claim-milley-friedenschance"]
    assert "diff-changed" in got["claim-selenskyj-kein-abwarten"]
    assert "diff-removed" in got["claim-poroschenko-moerder"]
    assert "diff-changed" in got["rel-r16"] and "diff-removed" in got["rel-r17"]
    # drawn as the canvas shows it: the boxes where the window has them, the ghost too
    rect = root.find(f".//{svg}g[@id='claim-poroschenko-moerder']/{svg}rect")
    ghost = overlay.ghosts["poroschenko-moerder"]
    assert abs(float(rect.get("x")) + float(rect.get("width")) / 2 - ghost.x()) < 0.1
    legend = "".join(root.find(f".//{svg}g[@id='diff-legend']").itertext())
    assert "entfernt (2)" in legend and "karte.yaml" in legend


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def test_compare_with_a_version_from_git(qtbot, window, tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git("init", "-q", "-b", "main", cwd=tmp_path)
    _git("config", "user.name", "Anna Analystin", cwd=tmp_path)
    _git("config", "user.email", "anna@example.org", cwd=tmp_path)
    path = copy_bundled(NAME, tmp_path)
    _git("add", ".", cwd=tmp_path)
    _git("commit", "-qm", "Die Karte", cwd=tmp_path)
    path.write_text(edited(path.read_text(encoding="utf-8")), encoding="utf-8")
    _git("commit", "-qam", "Milley ergänzt", cwd=tmp_path)
    other = tmp_path.parent / (tmp_path.name + "-plain")
    other.mkdir()
    plain = copy_bundled(NAME, other)
    # a map outside git has nothing to choose from
    open_and_settle(qtbot, window, plain)
    assert window.compare.a_file.isEnabled() and not window.compare.a_version.isEnabled()
    open_and_settle(qtbot, window, path)
    assert window.compare.a_version.isEnabled()
    # the dialog lists the commits, the one before the newest chosen
    commits = file_commits(str(path))
    dialog = VersionDialog(window, NAME, commits)
    assert dialog.tree.topLevelItemCount() == 2
    assert [dialog.tree.topLevelItem(i).text(2) for i in range(2)] == ["Milley ergänzt",
                                                                       "Die Karte"]
    assert dialog.tree.topLevelItem(0).text(1) == "Anna Analystin"
    assert dialog.chosen() is commits[1]
    dialog.deleteLater()
    monkeypatch.setattr(compare_dialog.VersionDialog, "exec",
                        lambda self: QDialog.DialogCode.Accepted)
    window.compare.a_version.trigger()
    overlay = window.compare.overlay
    assert overlay is not None and overlay.label.startswith(commits[1].short)
    assert "Die Karte" in overlay.banner.text()
    assert overlay.claim_marks == {"milley-friedenschance": "added",
                                   "selenskyj-kein-abwarten": "changed",
                                   "poroschenko-moerder": "removed"}
    # each tab has its own comparison
    window.tabs.setCurrentIndex(0)
    assert window.compare.overlay is None and window.compare.panel.list.count() == 0
    window.tabs.setCurrentIndex(1)
    assert window.compare.overlay is overlay and window.compare.panel.list.count() == 6
    assert os.path.samefile(window.doc.path, path)
