"""The Map menu of the main window: Properties… opens the map's properties
(:mod:`argmap.gui.properties_dialog`) for the current map."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from .properties_dialog import MapPropertiesDialog

if TYPE_CHECKING:
    from .main_window import MainWindow


class MapMenu(QObject):
    """The Map menu of the main window: Properties… for the current map."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.dialog: MapPropertiesDialog | None = None
        self.a_properties = QAction(self.tr("&Properties…"), window)
        self.a_properties.setShortcut(QKeySequence("Alt+Return"))
        self.a_properties.setStatusTip(self.tr("The map's title, description, language, "
                                               "direction, sources folder, sources and tag "
                                               "colours"))
        self.a_properties.triggered.connect(lambda: self.open_properties())
        self.menu = QMenu(self.tr("&Map"), window)
        self.menu.addAction(self.a_properties)
        window.addAction(self.a_properties)
        window.tabs.currentChanged.connect(self.sync)
        # a new title shows in the window's title and the tab at once, undo and redo too
        window.undo_group.indexChanged.connect(self._on_step)
        self.sync()

    def _on_step(self, _index: int) -> None:
        window = self.window
        window._update_title()
        doc = window.doc
        if doc is not None and doc.amap.display.direction in window.direction_actions:
            window.direction_actions[doc.amap.display.direction].setChecked(True)

    def sync(self, *_args) -> None:
        self.a_properties.setEnabled(self.window.doc is not None)

    def open_properties(self, page: int = 0,
                        then: Callable[[], object] | None = None) -> MapPropertiesDialog | None:
        """Show the dialog for the current map (not waiting for it); ``then`` runs when
        it is closed, whichever way."""
        window = self.window
        window.commit_editors()
        doc = window.doc
        if doc is None:
            return None
        if self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        dialog = MapPropertiesDialog(doc, window)
        dialog.tabs.setCurrentIndex(page)
        self.dialog = dialog

        def finished(_result: int) -> None:
            dialog.deleteLater()
            if then is not None:
                then()
        dialog.finished.connect(finished)
        dialog.open()
        return dialog
