"""Merge conflicts in the app: the Conflicts dock and Edit → Merge Conflicts.

A map that ``argmap merge`` left with conflicts holds OURS' version of each and
lists both sides under ``conflicts:`` (:mod:`argmap.merge_conflicts`).  The dock
lists them, shows both versions of the one selected and selects the claims it
is about on the canvas; *Take Ours* keeps what the map holds, *Take Theirs* puts
the other side in, each one step that Undo takes back
(:class:`argmap.commands.ResolveConflict`).  F7 and Shift+F7 walk them.  The
dock opens by itself when a map with conflicts becomes the current one.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QMenu, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from ..commands import ResolveConflict, citing_claims
from ..merge_conflicts import DELETED, describe, entry_problem, kind_of
from ..model import ArgumentMap
from .step_list import StepList

if TYPE_CHECKING:
    from .document import MapDocument
    from .main_window import MainWindow

OURS_BG, THEIRS_BG = "#e8f0fb", "#fdf1e3"


def _value_html(value: Any) -> str:
    if value == DELETED:
        return "<i>deleted</i>"
    if isinstance(value, dict):
        return "<br>".join(f"<b>{escape(str(k))}</b>: {escape(_plain(v))}"
                           for k, v in value.items()) or "—"
    return escape(_plain(value))


def _plain(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_plain(v)}" for k, v in value.items()) + "}"
    return str(value)


class ConflictsPanel(StepList, QWidget):
    """The conflicts of the current map and both sides of the one selected."""

    rowChosen = Signal(int)
    takeRequested = Signal(str)          # "ours" or "theirs"
    previousRequested = Signal()
    nextRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._on_row)
        self.details = QTextBrowser()
        self.ours = QPushButton(self.tr("Take &Ours"))
        self.ours.setToolTip(self.tr("Keep what the map holds (our side); the conflict goes"))
        self.theirs = QPushButton(self.tr("Take &Theirs"))
        self.theirs.setToolTip(self.tr("Put the other side's version in; the conflict goes"))
        self.previous = QPushButton(self.tr("◀"))
        self.previous.setToolTip(self.tr("Previous conflict"))
        self.next = QPushButton(self.tr("▶"))
        self.next.setToolTip(self.tr("Next conflict"))
        self.ours.clicked.connect(lambda: self.takeRequested.emit("ours"))
        self.theirs.clicked.connect(lambda: self.takeRequested.emit("theirs"))
        self.previous.clicked.connect(self.previousRequested)
        self.next.clicked.connect(self.nextRequested)
        row = QHBoxLayout()
        for b in (self.previous, self.next, self.ours, self.theirs):
            row.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.heading)
        lay.addWidget(self.list, 2)
        lay.addLayout(row)
        lay.addWidget(self.details, 3)
        self.entries: list[Any] = []
        self._filling = False
        self.set_entries([], -1)

    def set_entries(self, entries: list[Any], current: int) -> None:
        self.entries = list(entries)
        self._filling = True
        try:
            self.list.clear()
            for i, entry in enumerate(entries):
                problem = entry_problem(entry)
                text = describe(entry) if problem is None else self.tr(
                    "#{number} cannot be read: {problem}").format(number=i + 1,
                                                                  problem=problem)
                self.list.addItem(text)
            self.list.setCurrentRow(current)
        finally:
            self._filling = False
        n = len(entries)
        self.heading.setText(self.tr("%n merge conflicts left: for each, keep ours or take "
                                     "theirs.", "", n) if n else
                             self.tr("No merge conflicts in this map."))
        for b in (self.previous, self.next):
            b.setEnabled(n > 0)
        self._show(current)

    def _on_row(self, row: int) -> None:
        if not self._filling:
            self._show(row)
            self.rowChosen.emit(row)

    def _show(self, row: int) -> None:
        ok = 0 <= row < len(self.entries) and entry_problem(self.entries[row]) is None
        self.ours.setEnabled(ok)
        self.theirs.setEnabled(ok)
        if not 0 <= row < len(self.entries):
            self.details.setHtml("")
            return
        entry = self.entries[row]
        if not ok:
            self.details.setHtml(self.tr("<p>This entry cannot be read; correct it in the "
                                         "file, or settle it by hand and delete it.</p>"))
            return
        self.details.setHtml(self.describe(entry))

    def describe(self, entry: dict) -> str:
        kind = kind_of(entry)
        what = f"{kind} <tt>{escape(str(entry[kind]))}</tt>"
        if "field" in entry:
            what += f" · {escape(str(entry['field']))}"
        elif "key" in entry:
            what += f" · {escape(str(entry['key']))}"
        ours, theirs = self.tr("Ours (in the map)"), self.tr("Theirs")
        out = [f"<p><b>{what}</b></p>",
               '<table cellspacing="0" cellpadding="4" width="100%">',
               f"<tr><th align=left>{ours}</th><th align=left>{theirs}</th></tr>",
               f'<tr><td valign=top bgcolor="{OURS_BG}">{_value_html(entry["ours"])}</td>'
               f'<td valign=top bgcolor="{THEIRS_BG}">{_value_html(entry["theirs"])}</td></tr>']
        rels = entry.get("relations")
        if isinstance(rels, dict):
            cells = []
            for side in ("ours", "theirs"):
                items = rels.get(side) or []
                cells.append("<br>".join(escape(_plain(r)) for r in items) or "—")
            both = self.tr("Relations that go with each side")
            out.append(f"<tr><td colspan=2><b>{both}</b></td></tr>")
            out.append(f'<tr><td valign=top bgcolor="{OURS_BG}">{cells[0]}</td>'
                       f'<td valign=top bgcolor="{THEIRS_BG}">{cells[1]}</td></tr>')
        out.append("</table>")
        return "".join(out)


class ConflictsMode(QObject):
    """The window's conflict verbs and the Conflicts dock, following the current tab."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.panel = ConflictsPanel()
        self.dock = window._dock("Conflicts", self.tr("Conflicts"), self.panel,
                                 Qt.DockWidgetArea.RightDockWidgetArea)
        window.tabifyDockWidget(window.source_dock, self.dock)
        self.dock.hide()
        self._doc: MapDocument | None = None
        self.panel.rowChosen.connect(self.go_to)
        self.panel.takeRequested.connect(self.take)
        self.panel.previousRequested.connect(lambda: self.step(-1))
        self.panel.nextRequested.connect(lambda: self.step(1))
        self.a_next = self._act(self.tr("&Next Conflict"), lambda: self.step(1), "F7")
        self.a_previous = self._act(self.tr("&Previous Conflict"), lambda: self.step(-1),
                                    "Shift+F7")
        self.a_ours = self._act(self.tr("Take &Ours"), lambda: self.take("ours"))
        self.a_theirs = self._act(self.tr("Take &Theirs"), lambda: self.take("theirs"))
        self.menu = QMenu(self.tr("&Merge Conflicts"), window)
        for a in (self.a_next, self.a_previous, None, self.a_ours, self.a_theirs):
            self.menu.addSeparator() if a is None else self.menu.addAction(a)
        window.tabs.currentChanged.connect(self.sync)
        self.sync()

    def _act(self, text: str, slot, key: str | None = None) -> QAction:
        a = QAction(text, self.window)
        if key:
            a.setShortcut(QKeySequence(key))
        a.triggered.connect(self.window.commit_editors)
        a.triggered.connect(slot)
        return a

    def add_to(self, menu: QMenu) -> None:
        """The entries in the Edit menu."""
        menu.addSeparator()
        menu.addMenu(self.menu)

    @property
    def amap(self) -> ArgumentMap | None:
        doc = self.window.doc
        return doc.amap if doc is not None else None

    # -- following the tab -------------------------------------------------------------
    def sync(self, *_args) -> None:
        doc = self.window.doc
        if doc is not self._doc:
            if self._doc is not None and shiboken6.isValid(self._doc):
                for sig in (self._doc.undo_stack.indexChanged, self._doc.reloaded):
                    try:
                        sig.disconnect(self.refresh)
                    except (RuntimeError, TypeError):
                        pass
            self._doc = doc
            if doc is not None:
                doc.undo_stack.indexChanged.connect(self.refresh)
                doc.reloaded.connect(self.refresh)
        self.refresh()
        if doc is not None and doc.amap.conflicts and not getattr(doc, "conflicts_shown", False):
            setattr(doc, "conflicts_shown", True)
            self.dock.show()
            self.dock.raise_()
            n = len(doc.amap.conflicts)
            self.window.statusBar().showMessage(
                self.tr("{title} has %n merge conflicts: keep ours or take theirs for each in "
                        "the Conflicts panel (F7 walks them).", "", n).format(title=doc.title),
                10000)
            self.go_to(0)

    def refresh(self, *_args) -> None:
        amap = self.amap
        entries = list(amap.conflicts) if amap is not None else []
        current = min(self.panel.current(), len(entries) - 1)
        if current < 0 and entries:
            current = 0
        self.panel.set_entries(entries, current)
        for a in (self.a_next, self.a_previous):
            a.setEnabled(bool(entries))
        ok = 0 <= current < len(entries) and entry_problem(entries[current]) is None
        self.a_ours.setEnabled(ok)
        self.a_theirs.setEnabled(ok)

    # -- walking and resolving ------------------------------------------------------------
    def involved(self, entry: Any) -> tuple[list[str], str | None]:
        """The claims a conflict is about that the map has, and its relation's key."""
        amap = self.amap
        if amap is None or entry_problem(entry) is not None:
            return [], None
        kind, name = kind_of(entry), entry[kind_of(entry)]
        if kind == "claim":
            return ([name] if name in amap.claims else []), None
        if kind == "relation":
            rel = amap.relation_by_key(name)
            if rel is None:
                return [], None
            return [c for c in rel.premises + [rel.target] if c in amap.claims], rel.key
        if kind == "source":
            return citing_claims(amap, name), None
        if kind == "header" and name == "conclusion" and entry.get("key") in amap.claims:
            return [entry["key"]], None
        return [], None

    def go_to(self, row: int) -> None:
        amap, scene = self.amap, self.window.scene
        if amap is None or not 0 <= row < len(amap.conflicts):
            return
        self.panel.set_current(row)
        ok = entry_problem(amap.conflicts[row]) is None
        self.a_ours.setEnabled(ok)
        self.a_theirs.setEnabled(ok)
        claims, key = self.involved(amap.conflicts[row])
        if scene is None:
            return
        if key is not None and not claims:
            scene.select_relation(key)
        elif not claims:
            scene.clearSelection()      # what it is about is not in the map (ours deleted it)
        else:
            scene.select_claims(claims, center=True)
            if key is not None:
                for e in scene.edge_items:
                    if e.relation_key == key:
                        e.setSelected(True)

    def step(self, by: int) -> None:
        amap = self.amap
        if amap is None or not amap.conflicts:
            return
        n, row = len(amap.conflicts), self.panel.current()
        self.go_to((0 if by > 0 else n - 1) if row < 0 else (row + by) % n)

    def take(self, side: str) -> bool:
        """Resolve the conflict shown with ``side`` ("ours" or "theirs"): one step."""
        doc, row = self.window.doc, self.panel.current()
        if doc is None or not 0 <= row < len(doc.amap.conflicts):
            return False
        try:
            cmd = ResolveConflict(doc.amap, row, side)
        except (ValueError, IndexError) as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return False
        cmd.text = (self.tr("Resolve conflict: take ours") if side == "ours"
                    else self.tr("Resolve conflict: take theirs"))
        doc.push(cmd)
        self.refresh()
        if doc.amap.conflicts:
            self.go_to(min(row, len(doc.amap.conflicts) - 1))
        else:
            self.window.statusBar().showMessage(
                self.tr("Every merge conflict is resolved; save the map to keep it."), 8000)
        return True
