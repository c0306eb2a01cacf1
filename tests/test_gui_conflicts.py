"""A merged map with conflicts in the real window: the Conflicts dock opens by itself,
F7 walks the conflicts, Take Ours / Take Theirs resolve them (undoable), and the
saved map passes argmap check."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_diff_changes import SELENSKYJ
from test_gui import _no_unexpected_dialogs, open_and_settle, window  # noqa: F401

from argmap.cli import main

from conftest import copy_bundled

NAME = "2022-11-waffenstillstand-sieg-fuer-putin.yaml"
OURS_TEXT = "Die Ukraine lässt Russland nicht abwarten."
THEIRS_TEXT = "Die Ukraine wird Russland keine Pause gönnen."


@pytest.fixture
def merged(tmp_path):
    """The bundled map merged from two sides that conflict three times: a text changed
    two ways, a claim deleted in ours and edited in theirs, a relation retyped two ways."""
    base = copy_bundled(NAME, tmp_path)
    text = base.read_text(encoding="utf-8")
    ours = text.replace(SELENSKYJ, "text: " + OURS_TEXT)
    start = ours.index("  poroschenko-moerder:\n")
    ours = ours[:start] + ours[ours.index("\n\n", start) + 1:]
    ours = ours.replace("  - {id: r17, type: support, from: poroschenko-moerder, "
                        "to: ukrainer-misstrauisch}\n", "")
    ours = ours.replace("{id: r16, type: support,", "{id: r16, type: rephrase,")
    theirs = text.replace(SELENSKYJ, "text: " + THEIRS_TEXT)
    theirs = theirs.replace("speaker: Petro Poroschenko\n",
                            "speaker: Petro Poroschenko (Ex-Präsident)\n", 1)
    theirs = theirs.replace("{id: r16, type: support,", "{id: r16, type: attack,")
    (tmp_path / "ours.yaml").write_text(ours, encoding="utf-8")
    (tmp_path / "theirs.yaml").write_text(theirs, encoding="utf-8")
    out = tmp_path / "merged.yaml"
    assert main(["merge", str(base), str(tmp_path / "ours.yaml"), str(tmp_path / "theirs.yaml"),
                 "-o", str(out), "-q"]) == 1
    return out


def test_a_map_with_conflicts_opens_the_conflicts_panel(qtbot, window, merged):
    doc = open_and_settle(qtbot, window, merged)
    assert len(doc.amap.conflicts) == 3 and not doc.had_errors
    conflicts = window.conflicts
    assert conflicts.dock.isVisible()
    assert "3 merge conflicts" in window.statusBar().currentMessage()
    panel = conflicts.panel
    assert panel.list.count() == 3 and panel.current() == 0
    assert panel.list.item(0).text().startswith("claim selenskyj-kein-abwarten text: ours")
    # both versions side by side, and the claim it is about selected
    shown = panel.details.toPlainText()
    assert OURS_TEXT in shown and THEIRS_TEXT in shown
    assert window.scene.selected_claims() == ["selenskyj-kein-abwarten"]
    assert conflicts.a_ours.isEnabled() and conflicts.a_theirs.isEnabled()
    # F7 walks them; the relation's conflict selects the relation's claims and edge
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F7)
    assert panel.current() == 1 and window.scene.selected_claims() == []  # deleted in ours
    assert "Relations that go with each side" in panel.details.toPlainText()
    qtbot.keyClick(window.view, Qt.Key.Key_F7)
    assert panel.current() == 2
    assert set(window.scene.selected_claims()) == {"ukrainer-misstrauisch",
                                                   "selenskyj-kein-abwarten"}
    assert "r16" in window.scene.selected_relations()
    qtbot.keyClick(window.view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert panel.current() == 1


def test_take_theirs_and_ours_one_undoable_step_each_then_check_passes(qtbot, window, merged):
    doc = open_and_settle(qtbot, window, merged)
    conflicts = window.conflicts

    def claims():
        return doc.amap.claims
    # theirs for the text; undo brings the conflict back
    assert conflicts.take("theirs")
    assert claims()["selenskyj-kein-abwarten"].text == THEIRS_TEXT
    assert len(doc.amap.conflicts) == 2 and conflicts.panel.list.count() == 2
    assert window.a_undo.text() == "&Undo Resolve conflict: take theirs"
    window.a_undo.trigger()
    assert claims()["selenskyj-kein-abwarten"].text == OURS_TEXT
    assert len(doc.amap.conflicts) == 3 and conflicts.panel.list.count() == 3
    # ours keeps the text; theirs brings the deleted claim back with its relation
    conflicts.a_ours.trigger()
    assert claims()["selenskyj-kein-abwarten"].text == OURS_TEXT
    assert conflicts.panel.current() == 0           # the next one slid into place
    conflicts.panel.theirs.click()
    assert claims()["poroschenko-moerder"].speaker == "Petro Poroschenko (Ex-Präsident)"
    assert doc.amap.relation_by_key("r17") is not None
    window.a_undo.trigger()
    assert "poroschenko-moerder" not in claims() and len(doc.amap.conflicts) == 2
    window.a_redo.trigger()
    assert "poroschenko-moerder" in claims() and len(doc.amap.conflicts) == 1
    conflicts.panel.theirs.click()
    assert doc.amap.relation_by_key("r16").type == "attack"
    assert doc.amap.conflicts == [] and conflicts.panel.list.count() == 0
    assert not conflicts.a_ours.isEnabled() and not conflicts.a_next.isEnabled()
    assert "Every merge conflict is resolved" in window.statusBar().currentMessage()
    assert window.save()
    text = merged.read_text(encoding="utf-8")
    assert "conflicts:" not in text and THEIRS_TEXT not in text
    assert main(["check", "-q", str(merged)]) == 0


def test_a_map_without_conflicts_leaves_the_panel_closed(qtbot, window, tmp_path):
    open_and_settle(qtbot, window, copy_bundled(NAME, tmp_path))
    assert not window.conflicts.dock.isVisible()
    assert window.conflicts.panel.list.count() == 0
    assert not window.conflicts.a_next.isEnabled()
