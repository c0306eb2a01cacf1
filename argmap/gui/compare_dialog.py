"""File → Compare With Version…: the commits of the open map's file to choose from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..gitversions import Commit


class VersionDialog(QDialog):
    """A list of commits (date, author, message, hash), newest first; OK takes the one
    selected."""

    def __init__(self, parent: QWidget | None, file: str, commits: list[Commit]) -> None:
        super().__init__(parent)
        self.commits = commits
        self.setWindowTitle(self.tr("Compare With Version"))
        self.resize(760, 420)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("The versions of {file} in git. The map as it is open now is "
                               "compared with the one chosen.").format(file=file))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Author"), self.tr("Message"),
                                   self.tr("Commit")])
        for c in commits:
            item = QTreeWidgetItem([c.date[:16].replace("T", " "), c.author, c.subject,
                                    c.short])
            item.setToolTip(2, c.subject)
            item.setData(0, Qt.ItemDataRole.UserRole, c.rev)
            self.tree.addTopLevelItem(item)
        for col, width in ((0, 130), (1, 140), (2, 360)):
            self.tree.setColumnWidth(col, width)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        lay.addWidget(self.tree, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Compare"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.tree.currentItemChanged.connect(self._sync)
        # the newest commit is usually what the open file holds: the one before it
        first = self.tree.topLevelItem(1 if len(commits) > 1 else 0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._sync()

    def _sync(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.tree.currentItem() is not None)

    def chosen(self) -> Commit | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return self.commits[self.tree.indexOfTopLevelItem(item)]


def pick_version(parent: QWidget | None, file: str, commits: list[Commit]) -> Commit | None:
    """Ask which commit to compare with (None: cancelled)."""
    dialog = VersionDialog(parent, file, commits)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
    finally:
        dialog.deleteLater()
