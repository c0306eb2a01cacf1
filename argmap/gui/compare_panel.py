"""The Compare dock: every change since the old version, and before and after of
the one selected, with the buttons that walk them and take one back."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QTextBrowser, QVBoxLayout,
    QWidget,
)

from ..diff_changes import Change, subject
from ..diff_svg import DIFF_COLORS, DIFF_SIGNS
from ..mapdiff import claim_json, relation_json
from ..model import ArgumentMap
from .step_list import StepList

#: the fields of an added or removed claim that are shown, in this order
CLAIM_SHOWN = ("text", "en", "kind", "speaker", "source", "quote", "tags", "note", "ref",
               "pos", "base")
BEFORE_BG, AFTER_BG = "#fdecea", "#e6f4ea"


def show_value(value: Any) -> str:
    """A field's value as a person reads it."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class ComparePanel(StepList, QWidget):
    """The list of changes and the one shown; the buttons ask, the window acts."""

    #: the row chosen in the list (by click or keys)
    rowChosen = Signal(int)
    previousRequested = Signal()
    nextRequested = Signal()
    takeBackRequested = Signal()
    exportRequested = Signal()
    leaveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Not comparing. File → Compare With… compares the open "
                                      "map with another file or an earlier version."))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._on_row)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.previous = QPushButton(self.tr("◀ Previous"))
        self.next = QPushButton(self.tr("Next ▶"))
        self.take_back = QPushButton(self.tr("Take &Back"))
        self.take_back.setToolTip(self.tr("Put this change back the way the old version had "
                                          "it (one step that Undo takes back)"))
        self.export = QPushButton(self.tr("SVG…"))
        self.export.setToolTip(self.tr("Export the picture of the differences as SVG"))
        self.leave = QPushButton(self.tr("Leave"))
        self.leave.setToolTip(self.tr("Leave compare mode: the plain map again"))
        self.previous.clicked.connect(self.previousRequested)
        self.next.clicked.connect(self.nextRequested)
        self.take_back.clicked.connect(self.takeBackRequested)
        self.export.clicked.connect(self.exportRequested)
        self.leave.clicked.connect(self.leaveRequested)
        row = QHBoxLayout()
        for b in (self.previous, self.next, self.take_back):
            row.addWidget(b)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(self.export)
        row2.addWidget(self.leave)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.heading)
        lay.addWidget(self.list, 2)
        lay.addLayout(row)
        lay.addWidget(self.details, 3)
        lay.addLayout(row2)
        self.changes: list[Change] = []
        self.amap: ArgumentMap | None = None
        self.old: ArgumentMap | None = None
        self._filling = False
        self.set_changes(None, None, [], "")

    # -- filling ------------------------------------------------------------------------
    def kind_text(self, change: Change) -> str:
        return {
            ("added", "claim"): self.tr("added claim"), ("removed", "claim"): self.tr("removed claim"),
            ("changed", "claim"): self.tr("changed claim"), ("moved", "claim"): self.tr("moved claim"),
            ("renamed", "claim"): self.tr("renamed claim"),
            ("added", "relation"): self.tr("added relation"),
            ("removed", "relation"): self.tr("removed relation"),
            ("changed", "relation"): self.tr("changed relation"),
            ("added", "source"): self.tr("added source"), ("removed", "source"): self.tr("removed source"),
            ("changed", "source"): self.tr("changed source"),
            ("changed", "header"): self.tr("changed header"),
            ("reordered", "claim"): self.tr("claims in a new order"),
            ("reordered", "relation"): self.tr("relations in a new order"),
            ("reordered", "source"): self.tr("sources in a new order"),
        }.get((change.kind, change.what), f"{change.kind} {change.what}")

    def set_changes(self, old: ArgumentMap | None, amap: ArgumentMap | None,
                    changes: list[Change], heading: str, current: int = -1) -> None:
        """Show ``changes`` (of ``old`` to ``amap``), ``current`` selected."""
        self.old, self.amap, self.changes = old, amap, changes
        comparing = amap is not None
        if comparing:
            self.heading.setText(heading)
        self._filling = True
        try:
            self.list.clear()
            for c in changes:
                kind = "changed" if c.kind in ("renamed", "reordered") else c.kind
                words = self.kind_text(c)
                about = subject(c, amap) if c.kind != "reordered" else ""
                item = QListWidgetItem(f"{DIFF_SIGNS.get(kind, '~')}  {words}"
                                       + (f": {about}" if about else ""))
                item.setForeground(QBrush(QColor(DIFF_COLORS.get(kind, "#444444"))))
                item.setToolTip(about)
                self.list.addItem(item)
            self.list.setCurrentRow(current)
        finally:
            self._filling = False
        for w in (self.previous, self.next, self.export, self.leave):
            w.setEnabled(comparing)
        self.previous.setEnabled(comparing and bool(changes))
        self.next.setEnabled(comparing and bool(changes))
        self._show(current)

    def _on_row(self, row: int) -> None:
        if self._filling:
            return
        self._show(row)
        self.rowChosen.emit(row)

    # -- the details ---------------------------------------------------------------------
    def set_take_back(self, problem: str | None) -> None:
        """Enable Take Back ('' or None: it can be done; else the reason it cannot)."""
        self.take_back.setEnabled(problem == "")
        self.take_back.setToolTip(problem or self.tr(
            "Put this change back the way the old version had it (one step that Undo takes "
            "back)"))

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.changes):
            self.details.setHtml("" if self.amap is None else self.tr(
                "<p>Select a change in the list or on the map, or walk them with "
                "<b>F8</b> and <b>Shift+F8</b>.</p>"))
            self.set_take_back(None)
            return
        self.details.setHtml(self.describe(self.changes[row]))

    def describe(self, c: Change) -> str:
        """Before and after of each field the change touches, as HTML."""
        kind = "changed" if c.kind in ("renamed", "reordered") else c.kind
        head = (f'<p><b style="color:{DIFF_COLORS.get(kind, "#444")}">'
                f"{escape(self.kind_text(c))}</b>"
                + (f" <tt>{escape(c.key)}</tt>" if c.key else "") + "</p>")
        rows: list[tuple[str, Any, Any]] = []
        if c.kind == "renamed":
            rows.append(("id", c.old_id, c.key))
        elif c.fields:
            rows += [(f.field, f.old, f.new) for f in c.fields]
        elif c.what == "claim" and c.claim is not None:
            data = claim_json(c.claim)
            for name in CLAIM_SHOWN:
                if data.get(name) not in (None, "", [], {}) and not (
                        name == "kind" and data[name] == "claim") and not (
                        name == "base" and data[name] == 0.5):
                    rows.append((name, *((data[name], None) if c.kind == "removed"
                                         else (None, data[name]))))
        elif c.what == "relation" and c.relation is not None:
            data = relation_json(c.relation)
            for name in ("type", "from", "to", "scheme", "roles", "questions", "answers",
                         "note", "id"):
                if data.get(name) not in (None, "", [], {}):
                    rows.append((name, *((data[name], None) if c.kind == "removed"
                                         else (None, data[name]))))
        elif c.what == "source" and c.source is not None:
            for name in ("title", "outlet", "date", "file", "url", "note"):
                value = getattr(c.source, name)
                if value:
                    rows.append((name, *((value, None) if c.kind == "removed"
                                         else (None, value))))
        if c.kind == "reordered":
            return head + self.tr("<p>The entries both versions have stand in another order in "
                             "the file.</p>")
        field, before, after = self.tr("Field"), self.tr("Before"), self.tr("After")
        table = ['<table cellspacing="0" cellpadding="4" width="100%">'
                 f"<tr><th align=left>{field}</th><th align=left>{before}</th>"
                 f"<th align=left>{after}</th></tr>"]
        for name, old, new in rows:
            table.append(f"<tr><td valign=top><b>{escape(name)}</b></td>"
                         f'<td valign=top bgcolor="{BEFORE_BG}">{escape(show_value(old))}</td>'
                         f'<td valign=top bgcolor="{AFTER_BG}">{escape(show_value(new))}</td>'
                         "</tr>")
        table.append("</table>")
        return head + "".join(table)
