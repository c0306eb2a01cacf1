"""The smaller docks: map browser, outline with filter, problems list."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QInputDialog, QLineEdit, QListWidget, QListWidgetItem, QMenu, QMessageBox,
    QPushButton, QStyle, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..commands import RemoveRelation, broken_ends, broken_relation, end_candidates, reconnect
from ..mapfiles import MAP_SUFFIXES
from ..model import Relation
from .document import MapDocument
from .scheme_editor import SchemeFilter, open_question_items


class MapBrowser(QWidget):
    """The maps of a folder; activating one opens it."""

    openRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: str | None = None
        self.list = QListWidget()
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda it: self.openRequested.emit(it.data(Qt.ItemDataRole.UserRole)))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list)

    def set_folder(self, folder: str) -> None:
        from ..mapio import load_file
        self.folder = folder
        self.list.clear()
        try:
            names = sorted(f for f in os.listdir(folder)
                           if f.endswith(MAP_SUFFIXES) and not f.startswith("."))
        except OSError:
            names = []
        for name in names:
            path = os.path.join(folder, name)
            loaded = load_file(path, resolve=False)
            title = loaded.map.title if loaded.map else self.tr("(cannot be read)")
            it = QListWidgetItem(f"{title}\n{name}")
            it.setData(Qt.ItemDataRole.UserRole, path)
            it.setToolTip(path)
            self.list.addItem(it)


class Outline(QWidget):
    """All claims of the current map, filtered by text, speaker, tag or source."""

    claimActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: MapDocument | None = None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter: text, speaker, tag, source…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.scheme_filter = SchemeFilter()
        self.scheme_filter.changed.connect(lambda: self._apply_filter(self.filter.text()))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Claim"), self.tr("Speaker"), self.tr("Tags"),
                                   self.tr("Source")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.itemClicked.connect(lambda it, _c: self.claimActivated.emit(it.data(0, Qt.ItemDataRole.UserRole)))
        self.tree.itemActivated.connect(lambda it, _c: self.claimActivated.emit(it.data(0, Qt.ItemDataRole.UserRole)))
        # moving through the rows with the keys selects on the canvas as it goes
        self.tree.currentItemChanged.connect(self._on_current)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.scheme_filter)
        lay.addLayout(row)
        lay.addWidget(self.tree)

    def set_document(self, doc: MapDocument | None) -> None:
        if self.doc is not None:
            amap = self.doc.amap
            for sig, slot in self._slots():
                try:
                    getattr(amap, sig).disconnect(slot)
                except (ValueError, RuntimeError):
                    pass
        self.doc = doc
        if doc is not None:
            for sig, slot in self._slots():
                getattr(doc.amap, sig).connect(slot)
        self.scheme_filter.set_map(doc.amap if doc is not None else None)
        self.refresh()

    def _slots(self):
        return (("claim_inserted", self._on_inserted), ("claim_removed", self._on_removed),
                ("claim_changed", self._on_changed))

    def _row(self, c) -> QTreeWidgetItem:
        it = QTreeWidgetItem()
        self._fill(it, c)
        return it

    def _fill(self, it: QTreeWidgetItem, c) -> None:
        amap = self.doc.amap
        shown = c.display()
        src = amap.source_of(c)
        for col, text in enumerate((shown.text or c.id, shown.speaker,
                                    ", ".join(c.tags or shown.tags),
                                    (src.outlet or src.title or src.id) if src else "")):
            it.setText(col, text)
        it.setData(0, Qt.ItemDataRole.UserRole, c.id)
        it.setToolTip(0, shown.text)
        hay = " ".join([c.id, shown.text, shown.en, shown.speaker, *c.tags, *shown.tags,
                        shown.source, src.title if src else "", src.outlet if src else ""])
        it.setData(1, Qt.ItemDataRole.UserRole, hay.lower())

    def refresh(self) -> None:
        self.tree.clear()
        if self.doc is None:
            return
        self.tree.addTopLevelItems([self._row(c) for c in self.doc.amap.claims.values()])
        self.tree.resizeColumnToContents(1)
        self._apply_filter(self.filter.text())

    def _on_inserted(self, claim, index: int) -> None:
        it = self._row(claim)
        self.tree.insertTopLevelItem(index, it)
        words = self.filter.text().lower().split()
        it.setHidden(not all(w in it.data(1, Qt.ItemDataRole.UserRole) for w in words)
                     or not self.scheme_filter.accepts(claim.id))

    def _on_removed(self, claim, index: int) -> None:
        it = self.tree.topLevelItem(index)
        if it is not None and it.data(0, Qt.ItemDataRole.UserRole) == claim.id:
            self.tree.takeTopLevelItem(index)
        else:
            self.refresh()

    def _on_changed(self, claim, field: str) -> None:
        if field in ("pos", "note", "quote"):
            return
        index = list(self.doc.amap.claims).index(claim.id)
        it = self.tree.topLevelItem(index)
        if it is not None:
            self._fill(it, claim)

    def _apply_filter(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.tree.topLevelItemCount()):
            it = self.tree.topLevelItem(i)
            hay = it.data(1, Qt.ItemDataRole.UserRole)
            it.setHidden(not all(w in hay for w in words) or self.scheme_filter.hides(it))

    def _on_current(self, item, _previous) -> None:
        if item is not None and self.tree.hasFocus():
            self.claimActivated.emit(item.data(0, Qt.ItemDataRole.UserRole))

    def show_current(self, claim_id: str | None) -> None:
        """Make the claim selected on the canvas the current row (no signal back)."""
        if self.doc is None or claim_id not in self.doc.amap.claims or self.tree.hasFocus():
            return
        index = list(self.doc.amap.claims).index(claim_id)
        it = self.tree.topLevelItem(index)
        if it is not None and it is not self.tree.currentItem():
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(it)
            self.tree.blockSignals(False)
            self.tree.scrollToItem(it)

    def visible_ids(self) -> list[str]:
        return [self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                for i in range(self.tree.topLevelItemCount())
                if not self.tree.topLevelItem(i).isHidden()]


class ProblemsList(QWidget):
    """Errors and warnings of the current map, live; activating one selects its claim.

    A problem about a relation the canvas cannot draw (a premise or target that
    names no claim, an undercut of a missing relation) offers *Delete Relation*
    and *Connect to…* (another end for it), both undoable.
    """

    subjectActivated = Signal(str)
    #: a relation was connected anew from here; its key
    relationFixed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: MapDocument | None = None
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        self.list.currentItemChanged.connect(lambda *_: self._update_fix())
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.fix = QPushButton(self.tr("Use Nearest Passage as Quote"))
        self.fix.setToolTip(self.tr("Replace the claim's quote, which is not in its article, "
                                    "by the passage of the article most like it (undoable)"))
        self.fix.clicked.connect(self.apply_fix)
        self.delete_rel = QPushButton(self.tr("Delete Relation"))
        self.delete_rel.setToolTip(self.tr("Delete the relation this problem is about "
                                           "(undoable)"))
        self.delete_rel.clicked.connect(self.delete_relation)
        self.connect_rel = QPushButton(self.tr("Connect to…"))
        self.connect_rel.setToolTip(self.tr("Point the relation's missing end at a claim of "
                                            "this map (or, for an undercut, at a relation) "
                                            "(undoable)"))
        self.connect_rel.clicked.connect(self.connect_relation)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list)
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 4)
        row.addStretch(1)
        for b in (self.connect_rel, self.delete_rel, self.fix):
            row.addWidget(b)
        lay.addLayout(row)
        self._update_fix()

    def set_document(self, doc: MapDocument | None) -> None:
        if self.doc is not None:
            try:
                self.doc.problemsChanged.disconnect(self.refresh)
            except (RuntimeError, TypeError):
                pass
        self.doc = doc
        if doc is not None:
            doc.problemsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        if self.doc is None:
            return
        style = self.style()
        amap = self.doc.amap
        for d in self.doc.problems:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical if d.is_error
                                      else QStyle.StandardPixmap.SP_MessageBoxWarning)
            where = f"{d.line}:{d.column}  " if d.line else ""
            it = QListWidgetItem(icon, f"{where}{d.message}")
            it.setData(Qt.ItemDataRole.UserRole, d.subject)
            fixable = d.subject in self.doc.quote_fixes and "quote not found" in d.message \
                and self.doc.quote_fixes[d.subject].suggestion is not None
            it.setData(Qt.ItemDataRole.UserRole + 1, fixable)
            broken = bool(d.subject) and d.subject not in amap.claims \
                and broken_relation(amap, d.subject) is not None
            it.setData(Qt.ItemDataRole.UserRole + 2, broken)
            it.setToolTip(str(d) + ("\n" + self.tr("(right-click or the button below: use the "
                                                   "nearest passage as the quote)")
                                    if fixable else "")
                          + ("\n" + self.tr("(the canvas cannot draw this relation: delete it, "
                                            "or connect it to a claim with the buttons below)")
                             if broken else ""))
            self.list.addItem(it)
        if not self.doc.problems:
            self.list.addItem(QListWidgetItem(self.tr("No problems.")))
        for it in open_question_items(amap, style):     # notes, not problems
            self.list.addItem(it)
        self._update_fix()

    def _fixable(self, it: QListWidgetItem | None) -> str | None:
        """The claim id whose quote the item can fix, if it can."""
        if it is None or not it.data(Qt.ItemDataRole.UserRole + 1):
            return None
        return it.data(Qt.ItemDataRole.UserRole)

    def _broken(self, it: QListWidgetItem | None) -> Relation | None:
        """The relation the canvas cannot draw that the item is about, if it is."""
        if it is None or self.doc is None or not it.data(Qt.ItemDataRole.UserRole + 2):
            return None
        return broken_relation(self.doc.amap, it.data(Qt.ItemDataRole.UserRole))

    def _update_fix(self) -> None:
        items = [self.list.item(i) for i in range(self.list.count())]
        cid = self._fixable(self.list.currentItem())
        self.fix.setVisible(any(self._fixable(it) for it in items))
        self.fix.setEnabled(cid is not None)
        any_broken = any(it.data(Qt.ItemDataRole.UserRole + 2) for it in items)
        rel = self._broken(self.list.currentItem())
        for b in (self.delete_rel, self.connect_rel):
            b.setVisible(any_broken)
            b.setEnabled(rel is not None)

    def apply_fix(self) -> None:
        cid = self._fixable(self.list.currentItem())
        if cid is not None and self.doc is not None:
            self.doc.fix_quote(cid)

    def delete_relation(self) -> bool:
        """Delete the relation of the selected problem (undercuts of it go along)."""
        rel = self._broken(self.list.currentItem())
        if rel is None or self.doc is None:
            return False
        cmd = RemoveRelation(self.doc.amap, rel)
        cmd.text = self.tr("Delete relation “{key}”").format(key=rel.key)
        self.doc.push(cmd)
        return True

    def connect_relation(self) -> bool:
        """Point the first missing end of the selected problem's relation at a claim
        (or relation) the user picks."""
        rel = self._broken(self.list.currentItem())
        if rel is None or self.doc is None:
            return False
        amap = self.doc.amap
        end, index, missing = broken_ends(amap, rel)[0]
        candidates = end_candidates(amap, rel, end)
        what = "relation" if end == "to" and rel.type == "undercut" else "claim"
        if not candidates:
            QMessageBox.information(
                self, self.tr("Connect to…"),
                self.tr("This map has no relation to connect the relation to.")
                if what == "relation" else
                self.tr("This map has no claim to connect the relation to."))
            return False
        chosen = self.choose_end(rel, end, missing, what, candidates)
        if chosen is None:
            return False
        self.doc.push(reconnect(amap, rel, end, index, chosen))
        self.relationFixed.emit(rel.key)
        return True

    def choose_end(self, rel: Relation, end: str, missing: str, what: str,
                   candidates: list[str]) -> str | None:
        """Ask which claim (or relation) takes the place of ``missing``."""
        amap = self.doc.amap
        labels = []
        for c in candidates:
            text = amap.claims[c].display().text if c in amap.claims else ""
            text = text if len(text) <= 70 else text[:69] + "…"
            labels.append(f"{c} — {text}" if text else c)
        problem = (self.tr("Relation '{key}': its premise '{missing}' is not in this map.")
                   if end == "from" else
                   self.tr("Relation '{key}': its target '{missing}' is not in this map."))
        ask = (self.tr("Connect it to this relation instead:") if what == "relation"
               else self.tr("Connect it to this claim instead:"))
        label, ok = QInputDialog.getItem(
            self, self.tr("Connect to…"), problem.format(key=rel.key, missing=missing) + "\n"
            + ask, labels, 0, False)
        return candidates[labels.index(label)] if ok and label in labels else None

    def _context_menu(self, pos) -> None:
        it = self.list.itemAt(pos)
        cid, rel = self._fixable(it), self._broken(it)
        if cid is None and rel is None:
            return
        self.list.setCurrentItem(it)
        menu = QMenu(self)
        if cid is not None:
            menu.addAction(self.fix.text(), self.apply_fix)
        if rel is not None:
            menu.addAction(self.connect_rel.text(), self.connect_relation)
            menu.addAction(self.delete_rel.text(), self.delete_relation)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def count(self) -> tuple[int, int]:
        if self.doc is None:
            return (0, 0)
        errors = sum(1 for d in self.doc.problems if d.is_error)
        return errors, len(self.doc.problems) - errors

    def _activate(self, it: QListWidgetItem) -> None:
        subject = it.data(Qt.ItemDataRole.UserRole)
        if subject:
            self.subjectActivated.emit(subject)
