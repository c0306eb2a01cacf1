"""Map → Properties and the Problems dock's relation fixes, in the real main window."""

import difflib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog, QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox,
)

from argmap.gui.properties_dialog import MapPropertiesDialog
from argmap.mapio import load_file

from conftest import copy_bundled
from test_gui import _no_unexpected_dialogs, open_and_settle, window  # noqa: F401

MAP = "2024-05-putins-angebot-verhandlungen.yaml"
SOURCE = "br24-2024-05"


@pytest.fixture
def mapfile(tmp_path):
    return copy_bundled(MAP, tmp_path)


def open_properties(qtbot, w) -> MapPropertiesDialog:
    """Map → Properties… through the menu's action; the dialog does not block."""
    [menu] = [a.menu() for a in w.menuBar().actions() if a.text() == "&Map"]
    [action] = [a for a in menu.actions() if a.text() == "&Properties…"]
    assert action.isEnabled()
    action.trigger()
    dialog = w.map_menu.dialog
    assert isinstance(dialog, MapPropertiesDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def type_into(qtbot, widget, text):
    """Replace what a field holds as a user does: select all, type."""
    widget.setFocus()
    widget.selectAll()
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)


def ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def changed_lines(old: str, new: str):
    minus, plus = [], []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0):
        if not line.startswith(("---", "+++", "@@")) and line[1:].strip():
            (minus if line.startswith("-") else plus).append(line[1:])
    return minus, plus


def add_source(qtbot, dialog, **values):
    dialog.add_source()
    for name, value in values.items():
        type_into(qtbot, dialog.source_fields[name], value)


def test_map_menu_sits_between_edit_and_view_with_a_free_mnemonic_and_key(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Map") == titles.index("&Edit") + 1
    assert titles.index("&View") == titles.index("&Map") + 1
    mnemonics = [t[t.index("&") + 1].lower() for t in titles if "&" in t]
    assert mnemonics.count("m") == 1
    key = window.map_menu.a_properties.shortcut()
    assert key == QKeySequence("Alt+Return")
    others = [a for a in window.findChildren(type(window.a_new))
              if a is not window.map_menu.a_properties and key in a.shortcuts()]
    assert others == []
    assert not window.map_menu.a_properties.isEnabled()     # no map open


def test_title_and_source_through_the_dialog_undo_and_a_minimal_save(qtbot, window, mapfile):
    original = mapfile.read_text(encoding="utf-8")
    doc = open_and_settle(qtbot, window, mapfile)
    loaded = doc.amap.snapshot()
    dialog = open_properties(qtbot, window)
    assert dialog.title.text() == doc.amap.title
    type_into(qtbot, dialog.title, "Putins Angebot 2024")
    add_source(qtbot, dialog, id="zdf-2024-06", title="Ein zweiter Artikel", outlet="ZDF",
               date="2024-06", url="https://www.zdf.de/a")
    assert dialog.source_list.currentItem().text() == "zdf-2024-06"
    assert doc.amap.title != "Putins Angebot 2024"          # nothing before OK
    ok(qtbot, dialog)
    assert doc.amap.title == "Putins Angebot 2024"
    assert doc.amap.sources["zdf-2024-06"].outlet == "ZDF"
    assert "Putins Angebot 2024" in window.windowTitle()
    assert window.tabs.tabText(0).startswith("• ")
    # one OK, one step
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.text(0) == "Map properties: title, sources"
    window.a_undo.trigger()
    assert doc.amap.snapshot() == loaded
    assert "Putins Angebot 2024" not in window.windowTitle()
    window.a_redo.trigger()
    assert doc.amap.title == "Putins Angebot 2024" and "zdf-2024-06" in doc.amap.sources
    # a second visit is a second step, undone on its own
    dialog = open_properties(qtbot, window)
    type_into(qtbot, dialog.title, "Putins Angebot")
    ok(qtbot, dialog)
    assert doc.undo_stack.count() == 2 and doc.undo_stack.text(1) == "Change title"
    assert "Putins Angebot —" in window.windowTitle()
    window.a_undo.trigger()
    assert doc.amap.title == "Putins Angebot 2024" and "zdf-2024-06" in doc.amap.sources
    assert "Putins Angebot 2024" in window.windowTitle()
    # saved: the title line and the new source's lines, nothing else
    assert window.save()
    minus, plus = changed_lines(original, mapfile.read_text(encoding="utf-8"))
    assert minus == ["title: 'Putins Angebot: Warum verhandelt der Westen nicht?'"]
    assert plus == ["title: 'Putins Angebot 2024'", "  zdf-2024-06:",
                    "    title: Ein zweiter Artikel", "    outlet: ZDF", "    date: 2024-06",
                    "    url: https://www.zdf.de/a"]
    assert load_file(str(mapfile)).ok


def test_cancel_changes_nothing(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    before = doc.amap.snapshot()
    dialog = open_properties(qtbot, window)
    type_into(qtbot, dialog.title, "Anders")
    dialog.direction.setCurrentIndex(dialog.direction.findData("LR"))
    add_source(qtbot, dialog, id="neu")
    dialog.set_tag_color("nato", "#000000")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert doc.amap.snapshot() == before and doc.undo_stack.count() == 0 and not doc.dirty


def test_bad_ids_dates_and_duplicates_are_refused_with_a_message(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    dialog = open_properties(qtbot, window)
    ok_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    add_source(qtbot, dialog, id=SOURCE)
    assert not ok_button.isEnabled()
    assert f"Another source has the id '{SOURCE}' already" in dialog.source_problem.text()
    assert f"Two sources have the id '{SOURCE}'" in dialog.message.text()
    type_into(qtbot, dialog.source_fields["id"], "mit leerzeichen")
    assert "no spaces" in dialog.source_problem.text() and not ok_button.isEnabled()
    type_into(qtbot, dialog.source_fields["id"], "neu")
    type_into(qtbot, dialog.source_fields["date"], "Mai 2024")
    assert "YYYY-MM" in dialog.source_problem.text() and not ok_button.isEnabled()
    type_into(qtbot, dialog.source_fields["date"], "2024-05-31")
    assert ok_button.isEnabled() and dialog.message.text() == ""
    type_into(qtbot, dialog.title, "")
    assert "needs a title" in dialog.message.text() and not ok_button.isEnabled()
    dialog.accept()                                  # refused, stays open
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 0
    type_into(qtbot, dialog.title, "T")
    ok(qtbot, dialog)
    assert doc.amap.sources["neu"].date == "2024-05-31"


def test_renaming_a_source_renames_it_in_its_claims_and_the_inspector(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    cid = next(c for c, cl in doc.amap.claims.items() if cl.source == SOURCE)
    window.select_claim(cid)
    dialog = open_properties(qtbot, window)
    dialog.tabs.setCurrentIndex(1)
    assert "Cited by 37 claim(s)" in dialog.cited.text()
    type_into(qtbot, dialog.source_fields["id"], "br24")
    type_into(qtbot, dialog.source_fields["outlet"], "Bayerischer Rundfunk")
    ok(qtbot, dialog)
    assert list(doc.amap.sources) == ["br24"] and doc.amap.claims[cid].source == "br24"
    combo = window.inspector.source
    assert combo.currentData() == "br24"
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "br24"]
    assert window.outline.tree.topLevelItem(0).text(3) == "Bayerischer Rundfunk"
    window.a_undo.trigger()
    assert doc.amap.claims[cid].source == SOURCE and combo.currentData() == SOURCE


def test_removing_a_cited_source_asks_and_clears_it_undoably(qtbot, window, mapfile,
                                                            monkeypatch):
    doc = open_and_settle(qtbot, window, mapfile)
    before = doc.amap.snapshot()
    dialog = open_properties(qtbot, window)
    dialog.tabs.setCurrentIndex(1)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "37 claim(s) cite the source" in asked[0] and len(dialog.entries) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.entries == [] and dialog.no_source.isVisibleTo(dialog)
    ok(qtbot, dialog)
    assert doc.amap.sources == {} and not any(c.source for c in doc.amap.claims.values())
    window.a_undo.trigger()
    assert doc.amap.snapshot() == before


def test_general_page_language_direction_folder_and_tag_colours(qtbot, window, mapfile,
                                                                tmp_path, monkeypatch):
    doc = open_and_settle(qtbot, window, mapfile)
    before = doc.amap.snapshot()
    dialog = open_properties(qtbot, window)
    assert dialog.lang.currentData() == "de" and not dialog.lang_other.isVisibleTo(dialog)
    dialog.lang.setCurrentIndex(dialog.lang.count() - 1)       # Other
    assert dialog.lang_other.isVisibleTo(dialog)
    type_into(qtbot, dialog.lang_other, "f r")
    assert "not a language code" in dialog.message.text()
    type_into(qtbot, dialog.lang_other, "fr")
    dialog.direction.setCurrentIndex(dialog.direction.findData("LR"))
    articles = tmp_path / "articles"
    articles.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(articles))
    dialog.browse_folder()
    assert dialog.folder.text() == "articles"          # relative to the map file
    assert str(articles) in dialog.folder_hint.text()
    dialog.description.setPlainText("Kurz.")
    dialog.tabs.setCurrentIndex(2)
    tags = [dialog.tag_tree.topLevelItem(i).text(0)
            for i in range(dialog.tag_tree.topLevelItemCount())]
    assert tags[:2] == ["militär", "aufrüstung"] and "nato" in tags
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#102030"))
    dialog.tag_tree.setCurrentItem(dialog.tag_tree.topLevelItem(tags.index("nato")))
    dialog.choose_color()
    dialog.tag_tree.setCurrentItem(dialog.tag_tree.topLevelItem(tags.index("militär")))
    qtbot.mouseClick(dialog.auto_button, Qt.MouseButton.LeftButton)
    ok(qtbot, dialog)
    amap = doc.amap
    assert (amap.lang, amap.display.direction, amap.source_folder) == ("fr", "LR", "articles")
    assert amap.description == "Kurz.\n"
    assert amap.display.tag_colors["nato"] == "#102030" and "militär" not in \
        amap.display.tag_colors
    assert window.direction_actions["LR"].isChecked()         # View → Direction follows
    window.a_undo.trigger()
    assert doc.amap.snapshot() == before
    assert window.direction_actions["TB"].isChecked()


def test_new_map_gets_a_title_and_a_source_for_its_claims(qtbot, window):
    window.a_new.trigger()
    dialog = window.map_menu.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert dialog.title.text() == "Neue Karte" and dialog.title.hasSelectedText()
    qtbot.keyClicks(dialog.title, "Waffenruhe 2025")
    dialog.tabs.setCurrentIndex(1)
    assert dialog.no_source.isVisibleTo(dialog)
    add_source(qtbot, dialog, id="tagesschau-2025", title="Kreml prueft Waffenruhe",
               outlet="tagesschau.de")
    ok(qtbot, dialog)
    doc = window.doc
    assert doc.amap.title == "Waffenruhe 2025"
    assert window.tabs.tabText(0).endswith("Waffenruhe 2025")
    assert "Waffenruhe 2025" in window.windowTitle()
    # then the first claim, in edit mode, as before
    view = window.view
    qtbot.waitUntil(lambda: view.editor is not None, timeout=3000)
    qtbot.keyClicks(view.editor, "Russland prueft die Waffenruhe.")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    [cid] = list(doc.amap.claims)
    window.select_claim(cid)
    combo = window.inspector.source
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "tagesschau-2025"]
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert doc.amap.claims[cid].source == "tagesschau-2025"


def test_the_inspector_lists_a_source_added_while_its_claim_is_shown(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    cid = next(iter(doc.amap.claims))
    window.select_claim(cid)
    dialog = open_properties(qtbot, window)
    add_source(qtbot, dialog, id="zweite")
    ok(qtbot, dialog)
    combo = window.inspector.source
    assert combo.findData("zweite") > 0 and combo.currentData() == SOURCE
    window.a_undo.trigger()
    assert combo.findData("zweite") == -1


BROKEN = """\
argmap: 1
title: Kaputt
claims:
  a: {text: A}
  b: {text: B}
relations:
  - {id: gut, type: support, from: a, to: b}
  - {type: attack, from: a, to: unbekannt}
  - {type: undercut, from: b, to: fehlt}
"""


@pytest.fixture
def broken(tmp_path):
    path = tmp_path / "kaputt.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def problem_row(window, text):
    lst = window.problems.list
    rows = [lst.item(i) for i in range(lst.count()) if text in lst.item(i).text()]
    assert len(rows) == 1, [lst.item(i).text() for i in range(lst.count())]
    return rows[0]


def select_problem(qtbot, window, row):
    lst = window.problems.list
    rect = lst.visualItemRect(row)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert lst.currentItem() is row


def test_a_relation_to_an_unknown_claim_is_deleted_from_the_problems_dock(qtbot, window,
                                                                         broken):
    doc = open_and_settle(qtbot, window, broken)
    doc.wait_for_problems()
    problems = window.problems
    assert problems.delete_rel.isVisibleTo(problems) and not problems.delete_rel.isEnabled()
    row = problem_row(window, "points to unknown claim 'unbekannt'")
    select_problem(qtbot, window, row)
    assert problems.delete_rel.isEnabled() and problems.connect_rel.isEnabled()
    qtbot.mouseClick(problems.delete_rel, Qt.MouseButton.LeftButton)
    assert [r.key for r in doc.amap.relations] == ["gut", "b-undercut-fehlt"]
    assert doc.undo_stack.text(0) == "Delete relation “a-attack-unbekannt”"
    doc.wait_for_problems()
    texts = [problems.list.item(i).text() for i in range(problems.list.count())]
    assert not any("unbekannt" in t for t in texts) and any("fehlt" in t for t in texts)
    window.a_undo.trigger()
    assert [r.key for r in doc.amap.relations] == ["gut", "a-attack-unbekannt",
                                                    "b-undercut-fehlt"]
    doc.wait_for_problems()
    problem_row(window, "points to unknown claim 'unbekannt'")


def test_connect_to_fixes_a_relation_and_an_undercut(qtbot, window, broken, monkeypatch):
    doc = open_and_settle(qtbot, window, broken)
    doc.wait_for_problems()
    offered = []

    def pick(parent, title, label, items, current=0, editable=False):
        offered.append((label, list(items)))
        return items[0], True
    monkeypatch.setattr(QInputDialog, "getItem", pick)
    select_problem(qtbot, window, problem_row(window, "unknown claim 'unbekannt'"))
    qtbot.mouseClick(window.problems.connect_rel, Qt.MouseButton.LeftButton)
    assert "its target 'unbekannt' is not in this map" in offered[0][0]
    assert offered[0][1] == ["b — B"]                  # not the premise itself
    assert doc.amap.relations[1].target == "b"
    doc.wait_for_problems()
    select_problem(qtbot, window, problem_row(window, "unknown relation 'fehlt'"))
    qtbot.mouseClick(window.problems.connect_rel, Qt.MouseButton.LeftButton)
    assert offered[1][1] == ["gut", "a-attack-b"]
    assert doc.amap.relations[2].target == "gut"
    doc.wait_for_problems()
    assert not any(d.is_error for d in doc.problems)
    qtbot.waitUntil(lambda: not window.scene.layout_pending, timeout=15000)
    drawn = {e.relation_key for e in window.scene.edge_items}
    assert {"a-attack-b", "b-undercut-gut"} <= drawn
    window.a_undo.trigger()
    window.a_undo.trigger()
    assert [r.target for r in doc.amap.relations] == ["b", "unbekannt", "fehlt"]
