"""Help → Keyboard Shortcuts: every shortcut of the window, read from its live actions.

The list is built from the QAction (and QShortcut) objects each time it is
shown, grouped by the menu an action is in (or the dock it belongs to), so it
says what the keys do now and cannot drift from the code.  The keys the canvas
handles itself (arrows, Space, the menu key) are not actions; they are listed
in a group of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .language import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from .main_window import MainWindow

NATIVE = QKeySequence.SequenceFormat.NativeText

#: keys the canvas and its in-place editor handle in their key events (view.py);
#: the texts are translated where they are listed
CANVAS_KEYS: list[tuple[str, list[str]]] = [
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Walk to the neighbouring claim"),
     ["Left", "Right", "Up", "Down"]),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Extend the selection to the neighbour"),
     ["Shift+Left", "Shift+Right", "Shift+Up", "Shift+Down"]),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Pan (hold, then drag)"), ["Space"]),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Context menu of the selection"),
     ["Shift+F10", "Menu"]),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Connect as rephrase: the claim selected first "
                                          "restates the one selected last"), ["="]),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "In the claim editor: done"), ["Return"]),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "In the claim editor: line break"),
     ["Shift+Return"]),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "In the claim editor: cancel (a new claim goes "
                                          "again)"), ["Esc"]),
]
CANVAS = QT_TRANSLATE_NOOP("ShortcutsDialog", "Canvas")
OTHER = QT_TRANSLATE_NOOP("ShortcutsDialog", "Other")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def plain(text: str) -> str:
    """A menu text without its mnemonic: '&Save' → 'Save', 'A && B' → 'A & B'."""
    return re.sub(r"&(.)", r"\1", text).strip()


def key_text(keys: list[QKeySequence]) -> str:
    return ", ".join(k.toString(NATIVE) for k in keys if not k.isEmpty())


@dataclass
class Shortcut:
    group: str        # the menu (or dock) it is found in
    text: str         # what it does
    keys: str         # the keys, in the platform's words

    def matches(self, words: list[str]) -> bool:
        hay = f"{self.group} {self.text} {self.keys}".lower()
        return all(w in hay for w in words)


def _home(obj) -> str:
    """The name of the dock (or window) an action or shortcut outside the menus
    belongs to."""
    node = obj.parent()
    while node is not None:
        if isinstance(node, QDockWidget):
            return plain(node.windowTitle())
        node = node.parent()
    return _tr(OTHER)


def shortcuts(window: QWidget) -> list[Shortcut]:
    """Every action of ``window`` that has a shortcut, in menu order, then the
    ones outside the menus, then the canvas keys."""
    found: list[Shortcut] = []
    seen: set[int] = set()

    def take(action: QAction, group: str) -> None:
        if id(action) in seen or action.isSeparator():
            return
        seen.add(id(action))
        keys = key_text(action.shortcuts())
        if keys:
            found.append(Shortcut(group, plain(action.text()), keys))

    def walk(menu: QMenu, group: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if sub is not None:
                walk(sub, group)
            else:
                take(action, group)

    menu_bar = window.menuBar() if hasattr(window, "menuBar") else None
    if menu_bar is not None:
        for top in menu_bar.actions():
            if top.menu() is not None:
                walk(top.menu(), plain(top.text()))
    for action in window.findChildren(QAction):
        take(action, _home(action))
    for shortcut in window.findChildren(QShortcut):
        keys = key_text(shortcut.keys())
        if keys:
            found.append(Shortcut(_home(shortcut), plain(shortcut.whatsThis()) or keys, keys))
    for text, keys in CANVAS_KEYS:
        found.append(Shortcut(_tr(CANVAS), _tr(text),
                              key_text([QKeySequence(k) for k in keys])))
    return found


class ShortcutsDialog(QDialog):
    """The list, grouped, with a filter line; not modal, so the map stays usable."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window_ = window
        self.entries: list[Shortcut] = []
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(560, 640)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter: action, menu or key…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.none = QLabel(self.tr("No shortcut matches."))
        self.none.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.none)
        lay.addWidget(buttons)
        self.refresh()
        # as wide as the longest action and its keys need (German ones are long)
        needed = (self.tree.sizeHintForColumn(0) + self.tree.indentation()
                  + self.tree.sizeHintForColumn(1) + 60)
        self.resize(max(self.width(), min(needed, 900)), self.height())

    def refresh(self) -> None:
        """Read the window's actions again (their texts and enabled states change)."""
        self.entries = shortcuts(self.window_)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in self.entries:
            group = groups.get(entry.group)
            if group is None:
                group = groups[entry.group] = QTreeWidgetItem(self.tree, [entry.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setFirstColumnSpanned(True)
            item = QTreeWidgetItem(group, [entry.text, self._key_lines(entry.keys)])
            item.setData(0, Qt.ItemDataRole.UserRole, entry)
        self.tree.expandAll()
        self.apply_filter(self.filter.text())

    #: a list of keys wider than this goes one key a line, so the actions keep their room
    KEYS_WIDTH = 240

    def _key_lines(self, keys: str) -> str:
        if self.tree.fontMetrics().horizontalAdvance(keys) <= self.KEYS_WIDTH:
            return keys
        return keys.replace(", ", ",\n")

    def apply_filter(self, text: str) -> None:
        words = text.lower().split()
        shown = 0
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            visible = 0
            for j in range(group.childCount()):
                item = group.child(j)
                ok = item.data(0, Qt.ItemDataRole.UserRole).matches(words)
                item.setHidden(not ok)
                visible += ok
            group.setHidden(visible == 0)
            shown += visible
        self.none.setVisible(shown == 0)

    def visible_entries(self) -> list[Shortcut]:
        """What the list shows now, in order."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                if not item.isHidden() and not group.isHidden():
                    out.append(item.data(0, Qt.ItemDataRole.UserRole))
        return out


def show_shortcuts(window: MainWindow) -> ShortcutsDialog:
    """Show the dialog (one per window, read afresh), without waiting for it."""
    dialog = window.findChild(ShortcutsDialog)
    if dialog is None:
        dialog = ShortcutsDialog(window)
    else:
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.filter.setFocus()
    return dialog
