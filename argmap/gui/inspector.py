"""The inspector dock: every field of the selected claim or relation, editable."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSlider, QStackedWidget, QVBoxLayout, QWidget,
)

from ..commands import SetClaimField, SetRelationField, reverse_relation
from ..model import CLAIM_KINDS, RELATION_TYPES, Claim, Relation
from ..style import LABEL_STYLE
from .document import MapDocument
from .evaluation import Evaluation
from .language import current_language
from .scheme_editor import SchemeEditor
from .strengths import StrengthView


class _TextField(QPlainTextEdit):
    """A multi-line field that reports its value when it loses focus."""

    edited = Signal(str)

    def __init__(self, lines: int = 3) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(12 + 19 * lines)
        self._value = ""

    def set_value(self, value: str) -> None:
        typing = self.hasFocus() and self.toPlainText() != self._value
        self._value = value
        if self.toPlainText() != value and not typing:   # what is being typed stays
            self.setPlainText(value)

    def focusOutEvent(self, e) -> None:
        self.commit()
        super().focusOutEvent(e)

    def commit(self) -> None:
        """Report the value if it was changed since it was shown or last reported."""
        if self.toPlainText() != self._value:
            self._value = self.toPlainText()
            self.edited.emit(self._value)


class InspectorDock(QWidget):
    linkActivated = Signal(str)   # "claim:ID" or "rel:KEY"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: MapDocument | None = None
        self.evaluation: Evaluation | None = None
        self.strengths: StrengthView | None = None
        self.claim_id: str | None = None
        self.relation: Relation | None = None
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Select a claim or a relation to see and edit it here."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.empty)
        self.claim_page = self._claim_page()
        self.stack.addWidget(self.claim_page)
        self.stack.addWidget(self._relation_page())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll)

    # -- pages ---------------------------------------------------------------
    def _claim_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.id_label = QLabel()
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = _TextField(3)
        self.en = _TextField(3)
        self.kind = QComboBox()
        self.kind.addItems(CLAIM_KINDS)
        self.speaker = QLineEdit()
        self.source = QComboBox()
        self.quote = _TextField(3)
        self.quote_source = QLabel()
        self.quote_source.setWordWrap(True)
        self.quote_source.setTextFormat(Qt.TextFormat.RichText)
        self.quote_source.linkActivated.connect(self._quote_link)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma separated"))
        self.note = _TextField(2)
        self.links = QLabel()
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.linkActivated.connect(self.linkActivated)
        self.id_label.setWordWrap(True)
        self.label_view = QLabel()
        self.label_view.setWordWrap(True)
        self.label_view.setTextFormat(Qt.TextFormat.RichText)
        self.label_view.linkActivated.connect(self.linkActivated)
        self.what_if = QComboBox()
        for text, value in ((self.tr("as the map has it"), None),
                            (self.tr("accepted (forced IN)"), "accepted"),
                            (self.tr("rejected (forced OUT)"), "rejected")):
            self.what_if.addItem(text, value)
        self.what_if.setToolTip(self.tr("Assume this claim stands or falls and see what "
                                        "follows; an assumption is not saved in the map"))
        self.what_if.activated.connect(self._set_assumption)
        self.strength_view = QLabel()
        self.strength_view.setWordWrap(True)
        self.strength_view.setTextFormat(Qt.TextFormat.RichText)
        self.strength_view.linkActivated.connect(self.linkActivated)
        self.base = QSlider(Qt.Orientation.Horizontal)
        self.base.setRange(0, 100)
        self.base.setPageStep(10)
        self.base.setToolTip(self.tr("The claim's base score: its strength before its reasons "
                                     "and objections count (saved in the map)"))
        self.base_value = QLabel()
        base_row = QWidget()
        row = QHBoxLayout(base_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.base, 1)
        row.addWidget(self.base_value)
        self.base_row = base_row
        self.base.valueChanged.connect(self._set_base)
        self.claim_form = form
        for label, w in ((self.tr("Id"), self.id_label), (self.tr("Text"), self.text),
                         (self.tr("English"), self.en), (self.tr("Kind"), self.kind),
                         (self.tr("Speaker"), self.speaker), (self.tr("Source"), self.source),
                         (self.tr("Quote"), self.quote), ("", self.quote_source),
                         (self.tr("Tags"), self.tags), (self.tr("Note"), self.note),
                         (self.tr("Relations"), self.links),
                         (self.tr("Evaluation"), self.label_view),
                         (self.tr("What if"), self.what_if),
                         (self.tr("Strength"), self.strength_view),
                         (self.tr("Base score"), self.base_row)):
            form.addRow(label, w)
        self.text.edited.connect(lambda v: self._set("text", v))
        self.en.edited.connect(lambda v: self._set("en", v))
        self.quote.edited.connect(lambda v: self._set("quote", v))
        self.note.edited.connect(lambda v: self._set("note", v))
        self.speaker.editingFinished.connect(lambda: self._set("speaker", self.speaker.text()))
        self.tags.editingFinished.connect(lambda: self._set("tags", self._tags()))
        self.kind.activated.connect(lambda _: self._set("kind", self.kind.currentText()))
        self.source.activated.connect(lambda _: self._set("source", self.source.currentData()))
        return page

    def _relation_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.rel_label = QLabel()
        self.rel_label.setWordWrap(True)
        self.rel_label.setTextFormat(Qt.TextFormat.RichText)
        self.rel_label.linkActivated.connect(self.linkActivated)
        self.rel_type = QComboBox()
        self.rel_type.addItems(RELATION_TYPES)
        self.rel_note = _TextField(3)
        self.reverse = QPushButton(self.tr("Reverse direction"))
        form.addRow(self.tr("Relation"), self.rel_label)
        form.addRow(self.tr("Type"), self.rel_type)
        form.addRow(self.tr("Note"), self.rel_note)
        form.addRow("", self.reverse)
        self.schemes = SchemeEditor()          # scheme, roles, critical questions
        self.schemes.linkActivated.connect(self.linkActivated)
        outer.insertWidget(1, self.schemes)
        self.rel_type.activated.connect(self._set_relation_type)
        self.rel_note.edited.connect(lambda v: self._push_relation("note", v))
        self.reverse.clicked.connect(self._reverse)
        return page

    # -- showing ---------------------------------------------------------------
    def set_evaluation(self, evaluation: Evaluation | None) -> None:
        self.evaluation = evaluation
        self.show_claim(self.claim_id)

    def set_strengths(self, view: StrengthView | None) -> None:
        self.strengths = view
        self.show_claim(self.claim_id)

    def _set_base(self, value: int) -> None:
        self.base_value.setText(f"{value / 100:.2f}")
        if self.doc is None or self.claim_id not in self.doc.amap.claims \
                or self.base.signalsBlocked():
            return
        if round(self.doc.amap.claims[self.claim_id].base * 100) != value:
            self.doc.push(SetClaimField(self.doc.amap, self.claim_id, "base", value / 100))

    def _show_strength(self, claim: Claim) -> None:
        self.base.blockSignals(True)
        self.base.setValue(round(claim.base * 100))
        self.base.blockSignals(False)
        self.base_value.setText(f"{claim.base:.2f}")
        sv = self.strengths
        result = sv.result if sv is not None and sv.enabled else None
        cs = result.claims.get(claim.id) if result is not None else None
        self.claim_form.setRowVisible(self.strength_view, cs is not None)
        if cs is None:
            return
        amap = self.doc.amap if self.doc else None
        semantics = sv.name() if sv is not None else ""

        def part(key: str, delta: float) -> str:
            rel = amap.relation_by_key(key) if amap else None
            who = " + ".join(f"<a href='claim:{escape(p)}'>{escape(p)}</a>"
                             for p in (rel.premises if rel else []))
            return f"{who or escape(key)} {delta:+.3f}"

        value = f"{cs.strength:.3f}" if cs.converged else self.tr("did not settle")
        lines = [f"<b>{value}</b> <span style='color:#56606a'>({escape(semantics)}; "
                 + self.tr("base {base}").format(base=f"{cs.base:.2f}") + ")</span>"]
        if cs.reasons:
            lines.append(self.tr("reasons: {parts}").format(
                parts=", ".join(part(k, d) for k, d in cs.reasons.items())))
        if cs.objections:
            lines.append(self.tr("objections: {parts}").format(
                parts=", ".join(part(k, d) for k, d in cs.objections.items())))
        self.strength_view.setText("<br>".join(lines))

    def _set_assumption(self, _index: int) -> None:
        if self.evaluation is not None and self.claim_id is not None:
            self.evaluation.set_assumption(self.claim_id, self.what_if.currentData())
            if not self.evaluation.enabled:
                self.evaluation.set_enabled(True)

    def _show_label(self, claim_id: str) -> None:
        ev = self.evaluation
        shown = ev.why(claim_id) if ev is not None else None
        self.claim_form.setRowVisible(self.label_view, shown is not None)
        self.claim_form.setRowVisible(self.what_if, ev is not None and ev.enabled)
        if ev is not None:
            self.what_if.setCurrentIndex(max(0, self.what_if.findData(ev.assume.get(claim_id))))
        if shown is None:
            self._fit_height()
            return
        label, why = shown
        color = LABEL_STYLE[label][1]
        claims = self.doc.amap.claims if self.doc else {}

        def link(m: re.Match) -> str:
            name = m.group(1)
            return f"'<a href='claim:{name}'>{name}</a>'" if name in claims else m.group(0)

        body = re.sub(r"'([^'<>&]+)'", link, escape(why, quote=False))
        self.label_view.setText(f"<b style='color:{color}'>{label}</b> "
                                "<span style='color:#56606a'>"
                                f"({escape(ev.describe(current_language() != 'de'))})"
                                f"</span><br>{body}")
        self._fit_height()       # the reason wraps over several lines: room for all

    def commit_pending(self) -> None:
        """Push what a field holds and has not reported yet (it still has the focus
        while a save, a close or another selection comes)."""
        if self.doc is None or self.doc.closed:
            return
        if self.claim_id is not None and self.claim_id in self.doc.amap.claims:
            for field in (self.text, self.en, self.quote, self.note):
                field.commit()
            claim = self.doc.amap.claims.get(self.claim_id)
            if claim is not None and not claim.ref and self.speaker.text() != claim.speaker:
                self._set("speaker", self.speaker.text())
            if claim is not None and self._tags() != claim.tags:
                self._set("tags", self._tags())
        elif self.relation is not None:
            self.rel_note.commit()

    def _tags(self) -> list[str]:
        return [t.strip() for t in self.tags.text().split(",") if t.strip()]

    def set_document(self, doc: MapDocument | None) -> None:
        self.commit_pending()
        if self.doc is not None:
            try:
                self.doc.amap.claim_changed.disconnect(self._on_changed)
                self.doc.amap.relation_changed.disconnect(self._on_rel_changed)
                self.doc.problemsChanged.disconnect(self._show_quote_status)
            except (RuntimeError, ValueError, TypeError):
                pass
        self.doc = doc
        if doc is not None:
            doc.amap.claim_changed.connect(self._on_changed)
            doc.amap.relation_changed.connect(self._on_rel_changed)
            doc.amap.source_changed.connect(lambda _s: self.claim_id and self.show_claim(self.claim_id))
            doc.problemsChanged.connect(self._show_quote_status)
        self.show_claim(None)

    def _on_changed(self, claim: Claim, field: str) -> None:
        if claim.id == self.claim_id and field != "pos":
            self.show_claim(claim.id)

    def _on_rel_changed(self, rel: Relation, field: str) -> None:
        if rel is self.relation:
            self.show_relation(rel)

    def show_claim(self, claim_id: str | None) -> None:
        if claim_id != self.claim_id or self.relation is not None:
            self.commit_pending()      # what is typed for the claim shown before stays
        self.relation = None
        amap = self.doc.amap if self.doc else None
        if amap is None or claim_id not in amap.claims:
            self.claim_id = None
            self.stack.setCurrentIndex(0)
            return
        self.claim_id = claim_id
        claim = amap.claims[claim_id]
        shown = claim.display()
        self.stack.setCurrentIndex(1)
        self.id_label.setText(claim_id + ("\n" + self.tr(
            "stands for {ref}; its content is edited there").format(ref=claim.ref)
            if claim.ref else ""))
        for w in (self.text, self.en, self.speaker, self.source, self.quote):
            w.setEnabled(not claim.ref)
        self.text.set_value(shown.text)
        self.en.set_value(shown.en)
        self.kind.setCurrentText(claim.kind)
        self.speaker.setText(shown.speaker)
        self.source.clear()
        self.source.addItem(self.tr("(none)"), "")
        for sid, src in amap.sources.items():
            self.source.addItem(f"{sid} — {src.title}"[:80], sid)
        idx = self.source.findData(claim.source)
        self.source.setCurrentIndex(max(0, idx))
        self.quote.set_value(shown.quote)
        self._show_quote_status()
        self.tags.setText(", ".join(claim.tags))
        self.note.set_value(claim.note)
        rows = []
        for r in amap.relations_of(claim_id):
            rel = f"<a href='rel:{escape(r.key)}'>{r.type}</a>"
            if r.target == claim_id:
                who = ", ".join(f"<a href='claim:{escape(p)}'>{escape(p)}</a>" for p in r.premises)
                rows.append(f"← {who} {rel}")
            else:
                rows.append(f"→ {rel} <a href='claim:{escape(r.target)}'>{escape(r.target)}</a>")
        self.links.setText("<br>".join(rows) or self.tr("<i>none</i>"))
        self._show_strength(claim)
        self._show_label(claim_id)

    def show_relation(self, rel: Relation | None) -> None:
        if rel is not self.relation:
            self.commit_pending()
        if rel is None or self.doc is None:
            self.show_claim(None)
            return
        self.claim_id, self.relation = None, rel
        self.stack.setCurrentIndex(2)
        prem = " + ".join(f"<a href='claim:{escape(p)}'>{escape(p)}</a>" for p in rel.premises)
        target = (f"<a href='rel:{escape(rel.target)}'>{escape(rel.target)}</a>"
                  if rel.type == "undercut" else
                  f"<a href='claim:{escape(rel.target)}'>{escape(rel.target)}</a>")
        self.rel_label.setText(f"{prem} <b>{rel.type}</b> {target}<br><small>{escape(rel.key)}"
                               + (" · " + self.tr("linked") if rel.linked else "") + "</small>")
        self.rel_type.setCurrentText(rel.type)
        self.rel_note.set_value(rel.note)
        self.reverse.setEnabled(not rel.linked and rel.type != "undercut")
        self.rel_type.setEnabled(rel.type != "undercut")
        self.schemes.show_relation(self.doc, rel)

    # -- editing ----------------------------------------------------------------
    def _show_quote_status(self) -> None:
        """The source's details under the quote; a quote not found says so, with a fix."""
        amap = self.doc.amap if self.doc else None
        claim = amap.claims.get(self.claim_id) if amap and self.claim_id else None
        if claim is None:
            return
        src = amap.source_of(claim)
        html = escape(", ".join(b for b in (src.title, src.outlet, src.date, src.file) if b)
                      if src else "")
        miss = self.doc.quote_fixes.get(claim.id)
        if miss is not None and miss.quote == claim.display().quote:
            html += ("<br><b style='color:#b00020'>" + self.tr("Quote not found in the article.")
                     + "</b>")
            sug = miss.suggestion
            if sug is not None:
                html += " " + self.tr("Nearest passage (line {line}, {percent} % alike): "
                                      "<i>„{passage}“</i>").format(
                    line=miss.line, percent=round(sug.ratio * 100), passage=escape(sug.text))
                html += " <a href='fix-quote:'>" + self.tr("Use this passage") + "</a>"
            else:
                html += " " + self.tr("No passage of the article is like it.")
        self.quote_source.setText(html)
        self._fit_height()

    def _fit_height(self) -> None:
        """Make the claim page as tall as its wrapped labels need at the current width
        (the stacked pages do not pass height-for-width on to the scroll area)."""
        page = self.claim_page
        for label in (self.id_label, self.label_view, self.quote_source, self.links,
                      self.strength_view):
            if label.isVisibleTo(page) and label.width() > 20:
                # exactly the lines it wraps to: no clipped reason, no oversized id row
                label.setFixedHeight(max(label.fontMetrics().height(),
                                         label.heightForWidth(label.width())))
        width = self.stack.parentWidget().width() if self.stack.parentWidget() else page.width()
        height = page.layout().totalHeightForWidth(max(width, 100))
        if height > 0:
            page.setMinimumHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()
        QTimer.singleShot(0, self._fit_height)   # again once the labels have their width

    def _quote_link(self, href: str) -> None:
        if href != "fix-quote:" or self.doc is None:
            return
        self.doc.fix_quote(self.claim_id or "")

    def _set(self, field: str, value) -> None:
        if self.doc is None or self.claim_id not in self.doc.amap.claims:
            return
        if getattr(self.doc.amap.claims[self.claim_id], field) != value:
            self.doc.push(SetClaimField(self.doc.amap, self.claim_id, field, value))

    def _push_relation(self, field: str, value) -> None:
        if self.doc is not None and self.relation is not None:
            self.doc.push(SetRelationField(self.doc.amap, self.relation, field, value))

    def _set_relation_type(self, _index: int) -> None:
        value = self.rel_type.currentText()
        if self.relation is not None and value != self.relation.type:
            if value == "undercut" or (value == "rephrase" and self.relation.linked):
                self.rel_type.setCurrentText(self.relation.type)   # (a rephrase: one claim)
                return
            self._push_relation("type", value)

    def _reverse(self) -> None:
        if self.doc is not None and self.relation is not None:
            self.doc.push(reverse_relation(self.doc.amap, self.relation))
