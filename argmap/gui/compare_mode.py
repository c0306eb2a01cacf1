"""Comparing the open map with another version: the File menu's entries, the
Compare dock, and one :class:`~argmap.gui.compare_view.CompareOverlay` per tab.

File → Compare With… reads another map file, File → Compare With Version… one
of the commits of the open file (when it is in a git repository,
:mod:`argmap.gitversions`); the map is then drawn with the differences
(:mod:`argmap.gui.compare_view`), F8 and Shift+F8 walk them, Take Back puts one
back as the old version had it (an undoable step,
:func:`argmap.diff_changes.take_back`), and the picture can be exported as SVG
(:mod:`argmap.diff_svg`).  Leave Compare returns to the plain map.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ..diff_changes import take_back, why_not
from ..gitversions import (
    Commit, ReadError, file_commits, read_text, read_version, repository_of, to_map,
)
from ..model import ArgumentMap
from ..savefile import SaveError, atomic_write
from .compare_dialog import pick_version
from .compare_panel import ComparePanel
from .compare_view import CompareOverlay

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .view import MapView


class CompareMode(QObject):
    """The window's compare verbs; a mode of each tab, shown in the Compare dock."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.panel = ComparePanel()
        self.dock = window._dock("Compare", self.tr("Compare"), self.panel,
                                 Qt.DockWidgetArea.RightDockWidgetArea)
        window.tabifyDockWidget(window.source_dock, self.dock)
        self.dock.hide()
        self._repos: dict[str, bool] = {}
        self.panel.rowChosen.connect(self.go_to)
        self.panel.previousRequested.connect(lambda: self.step(-1))
        self.panel.nextRequested.connect(lambda: self.step(1))
        self.panel.takeBackRequested.connect(self.take_back)
        self.panel.exportRequested.connect(self.export_dialog)
        self.panel.leaveRequested.connect(self.leave)
        self.a_file = self._act(self.tr("Compare &With…"), self.compare_dialog,
                                tip=self.tr("Show the open map with what changed since "
                                            "another map file"))
        self.a_version = self._act(self.tr("Com&pare With Version…"), self.version_dialog,
                                   tip=self.tr("Show the open map with what changed since "
                                               "one of its commits in git"))
        self.a_next = self._act(self.tr("&Next Change"), lambda: self.step(1), "F8")
        self.a_previous = self._act(self.tr("&Previous Change"), lambda: self.step(-1),
                                    "Shift+F8")
        self.a_take_back = self._act(self.tr("&Take Back Change"), self.take_back,
                                     tip=self.tr("Put the change shown back the way the old "
                                                 "version had it"))
        self.a_export = self._act(self.tr("&Export Comparison as SVG…"), self.export_dialog)
        self.a_leave = self._act(self.tr("&Leave Compare"), self.leave)
        self.menu = QMenu(self.tr("C&hanges"), window)
        for a in (self.a_next, self.a_previous, self.a_take_back, None, self.a_export,
                  self.a_leave):
            self.menu.addSeparator() if a is None else self.menu.addAction(a)
        window.tabs.currentChanged.connect(self.sync)
        self.sync()

    def _act(self, text: str, slot, key: str | None = None, tip: str = "") -> QAction:
        a = QAction(text, self.window)
        if key:
            a.setShortcut(QKeySequence(key))
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(self.window.commit_editors)
        a.triggered.connect(slot)
        return a

    def add_to(self, menu: QMenu) -> None:
        """The entries in the File menu."""
        menu.addAction(self.a_file)
        menu.addAction(self.a_version)
        menu.addMenu(self.menu)

    # -- the tab's overlay ------------------------------------------------------------
    @property
    def view(self) -> "MapView | None":
        return self.window.view

    @property
    def overlay(self) -> CompareOverlay | None:
        view = self.view
        overlay = getattr(view, "compare_overlay", None) if view is not None else None
        if isinstance(overlay, CompareOverlay) and shiboken6.isValid(overlay) \
                and not overlay.closed:
            return overlay
        return None

    def in_git(self, path: str | None) -> bool:
        if not path:
            return False
        if path not in self._repos:
            self._repos[path] = repository_of(path) is not None
        return self._repos[path]

    def sync(self, *_args) -> None:
        """Follow the current tab: its overlay in the dock, the verbs enabled."""
        doc, overlay = self.window.doc, self.overlay
        self.a_file.setEnabled(doc is not None)
        self.a_version.setEnabled(doc is not None and self.in_git(doc.path))
        for a in (self.a_next, self.a_previous, self.a_export, self.a_leave):
            a.setEnabled(overlay is not None)
        self._refill()

    def _refill(self, *_args) -> None:
        overlay = self.overlay
        if overlay is None:
            self.panel.set_changes(None, None, [], "")
            self.a_take_back.setEnabled(False)
            return
        current = self.panel.current() if self.panel.amap is overlay.amap else -1
        current = min(current, len(overlay.changes) - 1)
        self.panel.set_changes(overlay.old, overlay.amap, overlay.changes,
                               overlay.banner_text(), current)
        self._sync_take_back()

    def _sync_take_back(self) -> None:
        overlay, row = self.overlay, self.panel.current()
        problem = None
        if overlay is not None and 0 <= row < len(overlay.changes):
            problem = why_not(overlay.amap, overlay.changes[row])
        self.panel.set_take_back(problem)
        self.a_take_back.setEnabled(problem == "")

    # -- starting and leaving ------------------------------------------------------------
    def start(self, old: ArgumentMap, label: str) -> CompareOverlay | None:
        """Compare the current tab's map with ``old`` (named ``label``)."""
        view = self.view
        if view is None:
            return None
        previous = self.overlay
        if previous is not None:
            previous.close()
        overlay = CompareOverlay(view, old, label)
        setattr(view, "compare_overlay", overlay)
        overlay.changed.connect(self._on_changed)
        if not getattr(view, "compare_followed", False):    # once: it ignores a plain map
            setattr(view, "compare_followed", True)
            view.map_scene.selectionChanged.connect(self._on_selection)
        self.dock.show()
        self.dock.raise_()
        self.sync()
        n = len(overlay.changes)
        self.window.statusBar().showMessage(
            self.tr("Compared with {version}: %n changes (F8 walks them)", "", n).format(
                version=label), 8000)
        return overlay

    def leave(self) -> None:
        overlay, view = self.overlay, self.view
        if overlay is None or view is None:
            return
        overlay.close()
        setattr(view, "compare_overlay", None)
        self.sync()
        if not any(getattr(v, "compare_overlay", None) for v in self.window.views()):
            self.dock.hide()

    def compare_with_file(self, path: str) -> CompareOverlay | None:
        try:
            old = to_map(read_text(path), path)
        except ReadError as exc:
            self._cannot(path, exc)
            return None
        return self.start(old, os.path.basename(path))

    def compare_with_version(self, commit: Commit | str) -> CompareOverlay | None:
        doc = self.window.doc
        if doc is None or not doc.path:
            return None
        try:
            old = read_version(doc.path, commit)
        except ReadError as exc:
            self._cannot(doc.path, exc)
            return None
        if isinstance(commit, Commit):
            label = f"{commit.short} ({commit.date[:10]}, {commit.subject})"
        else:
            label = commit
        return self.start(old, label)

    def _cannot(self, path: str, exc: ReadError) -> None:
        why = str(exc) or "\n".join(str(d) for d in exc.diagnostics[:12])
        QMessageBox.critical(self.window, self.tr("Cannot compare"),
                             self.tr("{path} cannot be read as a map:").format(path=path)
                             + "\n\n" + why)

    def compare_dialog(self) -> None:
        doc = self.window.doc
        if doc is None:
            return
        start = os.path.dirname(doc.path) if doc.path else (self.window.browser.folder or "")
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Compare with map"), start,
                                              self.tr("Argument maps") + " (*.yaml *.yml)")
        if path:
            self.compare_with_file(path)

    def version_dialog(self) -> None:
        doc = self.window.doc
        if doc is None or not doc.path:
            return
        try:
            commits = file_commits(doc.path)
        except ReadError as exc:
            self._cannot(doc.path, exc)
            return
        if not commits:
            QMessageBox.information(self.window, self.tr("Compare With Version"),
                                    self.tr("git has no commits of {file} yet.").format(
                                        file=os.path.basename(doc.path)))
            return
        chosen = pick_version(self.window, os.path.basename(doc.path), commits)
        if chosen is not None:
            self.compare_with_version(chosen)

    # -- walking and taking back ------------------------------------------------------------
    def _on_changed(self) -> None:
        if self.sender() is self.overlay:
            self._refill()

    def _on_selection(self) -> None:
        overlay = self.overlay
        if overlay is None or self.sender() is not overlay.scene:
            return
        row = overlay.selected_change()
        if row >= 0 and row != self.panel.current():
            self.panel.set_current(row)
            self._sync_take_back()

    def go_to(self, row: int) -> None:
        overlay = self.overlay
        if overlay is None or not 0 <= row < len(overlay.changes):
            return
        self.panel.set_current(row)
        overlay.show(overlay.changes[row])
        self._sync_take_back()

    def step(self, by: int) -> None:
        """The next (1) or previous (-1) change, round the end."""
        overlay = self.overlay
        if overlay is None or not overlay.changes:
            return
        n, row = len(overlay.changes), self.panel.current()
        row = (0 if by > 0 else n - 1) if row < 0 else (row + by) % n
        self.go_to(row)

    def current_change(self) -> Any:
        overlay, row = self.overlay, self.panel.current()
        if overlay is None or not 0 <= row < len(overlay.changes):
            return None
        return overlay.changes[row]

    def take_back(self) -> bool:
        """Take the change shown back (one undoable step)."""
        overlay, doc, change = self.overlay, self.window.doc, self.current_change()
        if overlay is None or doc is None or change is None:
            return False
        try:
            cmd = take_back(doc.amap, change)
        except ValueError as exc:
            self.window.statusBar().showMessage(str(exc), 6000)
            return False
        cmd.text = self.tr("Take back: {change}").format(change=self.panel.kind_text(change))
        row = self.panel.current()
        doc.push(cmd)
        overlay.recompute()
        if overlay.changes:
            self.go_to(min(row, len(overlay.changes) - 1))
        return True

    # -- the picture ------------------------------------------------------------------
    def export_svg(self, path: str) -> bool:
        overlay = self.overlay
        if overlay is None:
            return False
        try:
            atomic_write(path, overlay.picture().encode("utf-8"))
        except (OSError, SaveError) as exc:
            QMessageBox.critical(self.window, self.tr("Export failed"), str(exc))
            return False
        self.window.statusBar().showMessage(self.tr("Exported {path}").format(path=path), 4000)
        return True

    def export_dialog(self) -> None:
        doc, overlay = self.window.doc, self.overlay
        if doc is None or overlay is None:
            return
        base = os.path.splitext(doc.path or doc.suggested_path or "karte.yaml")[0]
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export comparison as SVG"),
                                              base + "-vergleich.svg", "SVG (*.svg)")
        if path:
            if not path.lower().endswith(".svg"):
                path += ".svg"
            self.export_svg(path)
