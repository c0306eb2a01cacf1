"""The Help menu: Keyboard Shortcuts (read from the window's actions) and the User Manual."""

import re
from collections import Counter

import pytest

from conftest import ROOT
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication
from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401

from argmap.gui.manual_dialog import (
    IMAGE_WIDTH,
    MANUAL,
    ManualDialog,
    docs_folder,
    heading_anchor,
)
from argmap.gui.shortcuts_dialog import CANVAS, ShortcutsDialog, plain, show_shortcuts

NATIVE = QKeySequence.SequenceFormat.NativeText


def _help_actions(w):
    menu = next(a.menu() for a in w.menuBar().actions() if plain(a.text()) == "Help")
    return {plain(a.text()): a for a in menu.actions() if not a.isSeparator()}


def test_help_menu_has_manual_shortcuts_and_about(window):
    actions = _help_actions(window)
    assert list(actions) == ["User Manual", "Keyboard Shortcuts", "About argmap"]
    assert actions["User Manual"].shortcut().toString() == "F1"
    assert [k.toString() for k in actions["Keyboard Shortcuts"].shortcuts()] == \
        ["Ctrl+?", "Ctrl+/"]


def test_no_two_actions_share_a_key(window):
    keys = Counter(k.toString() for a in window.findChildren(QAction) for k in a.shortcuts()
                   if not k.isEmpty())
    assert [k for k, n in keys.items() if n > 1] == []


def test_shortcuts_dialog_lists_every_action_with_a_shortcut(qtbot, window, mapfile):
    open_and_settle(qtbot, window, mapfile)
    window.a_shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    listed = {(e.text, e.keys) for e in dialog.visible_entries()}
    assert ("Save", QKeySequence("Ctrl+S").toString(NATIVE)) in listed
    assert ("Add Reason", "+, " + QKeySequence("Ctrl+Shift+R").toString(NATIVE)) in listed
    assert ("Properties…", QKeySequence("Alt+Return").toString(NATIVE)) in listed
    expected = {(plain(a.text()), ", ".join(k.toString(NATIVE) for k in a.shortcuts()))
                for a in window.findChildren(QAction) if a.shortcuts()}
    assert expected <= listed
    # each once, under the menu it is in; the source pane's under its dock
    entries = dialog.visible_entries()
    assert len({(e.text, e.keys) for e in entries}) == len(entries)
    group = {e.text: e.group for e in entries}
    assert group["Save"] == "File" and group["Edit Text"] == "Edit"
    assert group["Evaluate Map"] == "Evaluate" and group["Fit to Window"] == "View"
    assert group["New Claim from Selection"] == "Source"
    assert any(e.group == CANVAS and "Space" in e.keys for e in entries)
    # shown again, it is the same dialog, read afresh
    window.a_shortcuts.trigger()
    assert window.findChildren(ShortcutsDialog) == [dialog]


def test_shortcuts_follow_the_actions(window):
    window.a_fit.setShortcut(QKeySequence("Ctrl+7"))
    dialog = show_shortcuts(window)
    entry = next(e for e in dialog.visible_entries() if e.text == "Fit to Window")
    assert entry.keys == QKeySequence("Ctrl+7").toString(NATIVE)


def test_filter_narrows_the_list(qtbot, window):
    dialog = show_shortcuts(window)
    everything = len(dialog.visible_entries())
    qtbot.keyClicks(dialog.filter, "save")
    assert {e.text for e in dialog.visible_entries()} == {"Save", "Save As…"}
    dialog.filter.setText("ctrl+shift+e")
    assert [e.text for e in dialog.visible_entries()] == ["Evaluate Map"]
    dialog.filter.setText("edit reason")      # every word: the menu's name counts too
    assert [e.text for e in dialog.visible_entries()] == ["Add Reason"]
    dialog.filter.setText("no such thing")
    assert dialog.visible_entries() == [] and dialog.none.isVisibleTo(dialog)
    for i in range(dialog.tree.topLevelItemCount()):
        assert dialog.tree.topLevelItem(i).isHidden()
    dialog.filter.clear()
    assert len(dialog.visible_entries()) == everything
    assert not dialog.none.isVisibleTo(dialog)


@pytest.mark.parametrize("key", [Qt.Key.Key_Question, Qt.Key.Key_Slash])
def test_keyboard_shortcut_opens_the_list(qtbot, window, key):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()


def test_f1_opens_the_manual(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ManualDialog)
    assert dialog is not None and dialog.isVisible()


def _headings():
    text = (ROOT / "docs" / MANUAL).read_text(encoding="utf-8")
    return [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("## ")]


def _image_names(document):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                yield fmt.toImageFormat().name()
            it += 1
        block = block.next()


def test_manual_opens_with_its_headings_and_pictures(qtbot, window):
    assert docs_folder() == ROOT / "docs"
    window.a_manual.trigger()
    dialog = window.findChild(ManualDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    shown = dialog.browser.toPlainText()
    assert "argmap User Manual" in shown.splitlines()[0]
    headings = _headings()
    assert len(headings) >= 8
    for heading in headings:
        assert heading in shown
    # the screenshots are found in docs/, scaled to the dialog
    kind = QTextDocument.ResourceType.ImageResource.value
    for name in ("screenshot-main.png", "screenshot-evaluate.png"):
        assert QImage(str(ROOT / "docs" / name)).width() > IMAGE_WIDTH
        image = dialog.browser.loadResource(kind, QUrl(name))
        assert isinstance(image, QImage) and image.width() == IMAGE_WIDTH
    # and the document holds them: the page is laid out with the pictures in it
    cursor_images = [f for f in _image_names(dialog.browser.document())]
    assert "screenshot-main.png" in cursor_images


def test_manual_links_go_to_their_heading(qtbot, window):
    window.a_manual.trigger()
    dialog = window.findChild(ManualDialog)
    browser = dialog.browser
    qtbot.waitUntil(lambda: browser.verticalScrollBar().maximum() > 0, timeout=5000)
    last = _headings()[-1]
    assert browser.scroll_to(heading_anchor(last))
    assert browser.verticalScrollBar().value() > 0
    dialog.home()
    assert browser.verticalScrollBar().value() == 0
    # every link of the contents names a heading
    text = (ROOT / "docs" / MANUAL).read_text(encoding="utf-8")
    anchors = re.findall(r"\]\(#([^)]+)\)", text)
    assert len(anchors) >= 10
    assert [a for a in anchors if not browser.scroll_to(a)] == []
    # a link to another document of docs/ opens it here, at its heading; Back returns
    browser.follow(QUrl("semantics.md#what-if-assumptions"))
    assert browser.source().fileName() == "semantics.md"
    assert browser.toPlainText().startswith("Evaluating a map")
    qtbot.waitUntil(lambda: browser.verticalScrollBar().value() > 0, timeout=5000)
    browser.backward()
    assert browser.source().fileName() == MANUAL


def test_manual_names_only_real_menu_items_and_keys(window):
    """Every 'Menu → Item' the manual names is an item of that menu."""
    items = {}

    def walk(menu, top):
        for a in menu.actions():
            if a.menu() is not None:
                items.setdefault(top, set()).add(plain(a.text()).rstrip("…"))
                walk(a.menu(), top)
            elif not a.isSeparator():
                items.setdefault(top, set()).add(plain(a.text()).rstrip("…"))
    for a in window.menuBar().actions():
        walk(a.menu(), plain(a.text()))
    text = (ROOT / "docs" / MANUAL).read_text(encoding="utf-8")
    named = re.findall(r"\b(File|Edit|Map|View|Evaluate|Help) → ([A-Z][\w ]*?\w)(?=[…*,.;:)]|\s→|\s\(|$)",
                       text, re.MULTILINE)
    assert named
    unknown = [f"{m} → {i}" for m, i in named
               if not any(x.startswith(i) for x in items[m])]
    assert unknown == []


def test_manual_without_docs_says_where_it_is(qtbot, window, monkeypatch):
    from argmap.gui import manual_dialog
    monkeypatch.setattr(manual_dialog, "docs_folder", lambda: None)   # an installed wheel
    dialog = ManualDialog(window)
    qtbot.addWidget(dialog)
    assert "docs/manual.md" in dialog.browser.toPlainText()
