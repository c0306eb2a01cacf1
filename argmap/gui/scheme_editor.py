"""A relation's argument scheme in the inspector: the scheme (a searchable picker),
the roles of its premises, and its critical questions with their state.

Marking a question *yes* or *open*, setting a role or the scheme is a core
command on the undo stack.  *Answer no* adds the objection that says no: a new
claim in edit mode, as when adding a reason, attacking the premise the
question is about (or undercutting the argument, for a question about the
inference), its relation naming the question in ``answers`` — one undo step.

Also here, for the docks: the open questions as entries of the Problems list,
and the outline's scheme filter.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QFormLayout, QGridLayout, QLabel, QListWidgetItem, QPushButton,
    QSizePolicy, QStyle, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..critical_questions import (
    QuestionState, answer_no_steps, question_states, scheme_of, set_question, set_role,
    set_scheme,
)
from ..model import ArgumentMap, Relation
from ..schemes import Catalogue, Question, Scheme, map_catalogue
from .document import MapDocument
from .language import current_language

#: the relation types that name a scheme, and the kinds of scheme that fit each
KINDS = {"support": ("support",), "attack": ("conflict",), "undercut": ("conflict",)}


def _words(words) -> str:
    return words.get(current_language())


def fitting(schemes: Catalogue, rel_type: str) -> list[Scheme]:
    """The schemes a relation of ``rel_type`` can name, in the catalogue's order."""
    kinds = KINDS.get(rel_type, ())
    return [s for s in schemes if s.kind in kinds]


def answering_scheme(schemes: Catalogue, scheme: Scheme, question: Question) -> Scheme | None:
    """The conflict scheme that states the "no" to ``question`` of ``scheme``, if any."""
    return next((s for s in schemes if s.kind == "conflict"
                 and (scheme.id, question.id) in s.answers), None)


def premise_for(rel: Relation, question: Question) -> str | None:
    """The premise a "no" to ``question`` attacks: the one with the role the question
    is about (the only premise when none has it yet); None for a linked argument
    whose premises have no such role."""
    for p in rel.premises:
        if rel.roles.get(p) == question.targets:
            return p
    return rel.premises[0] if len(rel.premises) == 1 else None


class _QuestionRow:
    """The widgets of one critical question: its state, its wording, *Answer no*."""

    def __init__(self, question: Question, state: QComboBox, text: QLabel,
                 answer: QPushButton) -> None:
        self.question, self.state, self.text, self.answer = question, state, text, answer
        self.widgets = (state, text, answer)


class SchemeEditor(QWidget):
    """Scheme, roles and critical questions of the relation the inspector shows."""

    linkActivated = Signal(str)     # "claim:ID" or "rel:KEY"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: MapDocument | None = None
        self.relation: Relation | None = None
        self._listed: tuple = ()
        self._roles_for: tuple = ()
        self._rows: dict[str, _QuestionRow] = {}
        self.scheme = QComboBox()
        self.scheme.setObjectName("scheme")
        self.scheme.setEditable(True)
        self.scheme.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.scheme.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scheme.setMinimumContentsLength(16)
        line, completer = self.scheme.lineEdit(), self.scheme.completer()
        assert line is not None and completer is not None      # an editable combobox has both
        line.setPlaceholderText(self.tr("type to search"))
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.scheme.setToolTip(self.tr("The argument scheme: type part of its name to find "
                                       "it (docs/schemes.md lists them)"))
        self.scheme.activated.connect(lambda i: self._choose(self.scheme.itemData(i)))
        line.returnPressed.connect(self._typed)
        line.editingFinished.connect(self.refresh)     # left half typed: the scheme it has
        self.roles = QWidget()
        self.roles_form = QFormLayout(self.roles)
        self.roles_form.setContentsMargins(0, 0, 0, 0)
        self.questions = QWidget()
        self.grid = QGridLayout(self.questions)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.roles_title = QLabel(self.tr("<b>Roles of the premises</b>"))
        self.questions_title = QLabel(self.tr("<b>Critical questions</b>"))
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Scheme"), self.scheme)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addLayout(form)
        for w in (self.roles_title, self.roles, self.questions_title, self.questions):
            lay.addWidget(w)

    # -- showing ------------------------------------------------------------------------
    def show_relation(self, doc: MapDocument | None, rel: Relation | None) -> None:
        if doc is not self.doc:
            self._follow(doc)
        self.relation = rel
        self.refresh()

    def _follow(self, doc: MapDocument | None) -> None:
        if self.doc is not None:
            for sig in ("relation_inserted", "relation_removed"):
                getattr(self.doc.amap, sig).disconnect(self._on_relations)
        self.doc = doc
        if doc is not None:     # an answer added or deleted elsewhere changes a state here
            for sig in ("relation_inserted", "relation_removed"):
                getattr(doc.amap, sig).connect(self._on_relations)

    def _on_relations(self, _rel: Relation, _index: int) -> None:
        if self.relation is not None and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        rel, doc = self.relation, self.doc
        if rel is None or doc is None:
            return
        self.setVisible(rel.type in KINDS)      # a rephrase is no argument: no scheme
        if rel.type not in KINDS:
            return
        schemes = map_catalogue(doc.amap)     # the catalogue with the map's own schemes
        scheme = scheme_of(rel, schemes)
        self._list_schemes(schemes, rel, scheme)
        self._show_roles(rel, scheme)
        states = question_states(doc.amap, schemes).get(rel.key, []) if scheme else []
        self._show_questions(rel, scheme, states)

    def _list_schemes(self, schemes: Catalogue, rel: Relation, scheme: Scheme | None) -> None:
        shown = fitting(schemes, rel.type)
        if scheme is not None and scheme not in shown:
            shown.append(scheme)
        listed = (current_language(), tuple((s.id, s.name, s.source) for s in shown))
        box = self.scheme
        box.blockSignals(True)
        if listed != self._listed:
            self._listed = listed
            box.clear()
            box.addItem(self.tr("(no scheme)"), "")
            for s in shown:
                box.addItem(_words(s.name), s.id)
                box.setItemData(box.count() - 1, f"{_words(s.name)}\n{s.source}",
                                Qt.ItemDataRole.ToolTipRole)
        if scheme is not None:
            box.setCurrentIndex(box.findData(scheme.id))
        elif rel.scheme:          # a name the catalogue does not know: shown as written
            box.setCurrentIndex(-1)
            box.setEditText(rel.scheme)
        else:
            box.setCurrentIndex(0)
        box.blockSignals(False)

    def _show_roles(self, rel: Relation, scheme: Scheme | None) -> None:
        self.roles_title.setVisible(scheme is not None)
        self.roles.setVisible(scheme is not None)
        if scheme is None:
            return
        key = (current_language(), scheme, tuple(rel.premises))
        if key != self._roles_for:
            self._roles_for = key
            while self.roles_form.rowCount():
                self.roles_form.removeRow(0)
            for p in rel.premises:
                box = QComboBox()
                box.setObjectName(f"role-{p}")
                box.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                box.setMinimumContentsLength(12)
                box.addItem(self.tr("(no role)"), "")
                for role in scheme.roles:
                    box.addItem(_words(role.text), role.id)
                    box.setItemData(box.count() - 1, _words(role.text),
                                    Qt.ItemDataRole.ToolTipRole)
                box.activated.connect(lambda _i, p=p, box=box: self._set_role(
                    p, box.currentData()))
                label = QLabel(f"<a href='claim:{escape(p)}'>{escape(p)}</a>")
                label.linkActivated.connect(self.linkActivated)
                self.roles_form.addRow(label, box)
        for i, p in enumerate(rel.premises):
            item = self.roles_form.itemAt(i, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if isinstance(field, QComboBox):
                field.blockSignals(True)
                index = field.findData(rel.roles.get(p, ""))
                field.setCurrentIndex(index if index >= 0 else 0)
                field.setToolTip(field.currentData(Qt.ItemDataRole.ToolTipRole) or "")
                field.blockSignals(False)

    def _show_questions(self, rel: Relation, scheme: Scheme | None,
                        states: list[QuestionState]) -> None:
        self.questions_title.setVisible(bool(states))
        self.questions.setVisible(bool(states))
        ids = [s.question.id for s in states]
        if list(self._rows) != ids or any(self._rows[s.question.id].question is not s.question
                                          for s in states):
            for row in self._rows.values():
                for w in row.widgets:
                    self.grid.removeWidget(w)
                    w.deleteLater()
            self._rows = {s.question.id: self._row(i, s.question) for i, s in enumerate(states)}
        for s in states:
            self._show_row(self._rows[s.question.id], rel, s)

    def _row(self, i: int, question: Question) -> _QuestionRow:
        state = QComboBox()
        state.setObjectName(f"question-{question.id}")
        state.activated.connect(lambda _i: self._set_question(question.id, state.currentData()))
        text = QLabel()
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        text.linkActivated.connect(self.linkActivated)
        answer = QPushButton(self.tr("Answer no"))
        answer.setObjectName(f"answer-{question.id}")
        answer.clicked.connect(lambda: self.answer_no(question.id))
        self.grid.addWidget(state, i, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(text, i, 1)
        self.grid.addWidget(answer, i, 2, Qt.AlignmentFlag.AlignTop)
        return _QuestionRow(question, state, text, answer)

    def _show_row(self, row: _QuestionRow, rel: Relation, qs: QuestionState) -> None:
        q, box = qs.question, row.state
        box.blockSignals(True)
        box.clear()
        if qs.state == "no":
            box.addItem(self.tr("no"), "no")
        else:
            box.addItem(self.tr("open"), "open")
            box.addItem(self.tr("yes"), "yes")
            box.setCurrentIndex(box.findData(qs.state))
        box.setEnabled(qs.state != "no")
        box.setToolTip(self.tr("Answered no by an objection; delete it to ask again")
                       if qs.state == "no" else
                       self.tr("yes: granted, the argument stands on this point; open: "
                               "not answered yet"))
        box.blockSignals(False)
        premise = None if q.undercuts else premise_for(rel, q)
        if q.undercuts:
            about = self.tr("about the inference")
        elif premise is not None:
            about = self.tr("about the premise {premise}").format(
                premise=f"<a href='claim:{escape(premise)}'>{escape(premise)}</a>")
        else:
            about = self.tr("about the premise with the role “{role}”").format(
                role=escape(q.targets))
        html = f"{escape(_words(q.text))}<br><small style='color:#56606a'>{about}"
        if qs.by:
            html += " · " + self.tr("answered no by {relations}").format(relations=", ".join(
                f"<a href='rel:{escape(k)}'>{escape(k)}</a>" for k in qs.by))
        row.text.setText(html + "</small>")
        row.answer.setVisible(qs.state != "no")
        row.answer.setEnabled(q.undercuts or premise is not None)
        if q.undercuts:
            tip = self.tr("Add an objection that says no: it undercuts the argument")
        elif premise is not None:
            tip = self.tr("Add an objection that says no: it attacks the premise "
                          "'{premise}'").format(premise=premise)
        else:
            tip = self.tr("Give a premise the role “{role}” first: the objection attacks "
                          "it").format(role=q.targets)
        row.answer.setToolTip(tip)

    def row(self, question_id: str) -> _QuestionRow:
        """The widgets of one critical question (for tests and screenshots)."""
        return self._rows[question_id]

    # -- editing ------------------------------------------------------------------------
    def _push(self, cmd, text: str) -> None:
        if self.doc is not None:
            cmd.text = text
            self.doc.push(cmd)

    def _choose(self, scheme_id) -> None:
        rel = self.relation
        if rel is None or self.doc is None or scheme_id is None:
            return
        schemes = map_catalogue(self.doc.amap)
        current = scheme_of(rel, schemes)
        if scheme_id == (current.id if current is not None else rel.scheme):
            return
        new = schemes.get(scheme_id) if scheme_id else None
        self._push(set_scheme(self.doc.amap, rel, scheme_id,
                              {r.id for r in new.roles} if new else set(),
                              {q.id for q in new.questions} if new else set()),
                   self.tr("Set argument scheme"))

    def _typed(self) -> None:
        """What was typed into the picker and confirmed with Enter: the scheme it names
        (its name or id, else the first whose name contains it), or back to the scheme
        the relation has."""
        text = self.scheme.currentText().strip().lower()
        box = self.scheme
        index = box.currentIndex()
        if index >= 0 and box.itemText(index).lower() == text:
            return
        found = next((i for i in range(box.count())
                      if text in (box.itemText(i).lower(), str(box.itemData(i)))), -1)
        if found < 0 and text:
            found = next((i for i in range(1, box.count())
                          if text in box.itemText(i).lower()), -1)
        if found >= 0:
            box.setCurrentIndex(found)
            self._choose(box.itemData(found))
        else:
            self.refresh()

    def _set_role(self, premise: str, role: str) -> None:
        rel = self.relation
        if rel is not None and self.doc is not None and rel.roles.get(premise, "") != role:
            self._push(set_role(self.doc.amap, rel, premise, role), self.tr("Set premise role"))

    def _set_question(self, question_id: str, state: str) -> None:
        rel = self.relation
        if rel is None or self.doc is None or state not in ("yes", "open"):
            return
        if rel.questions.get(question_id, "open") != state:
            self._push(set_question(self.doc.amap, rel, question_id, state),
                       self.tr("Mark critical question {state}").format(
                           state=self.tr("yes") if state == "yes" else self.tr("open")))

    def _builder(self):
        w = self.parentWidget()
        while w is not None and not hasattr(w, "builder"):
            w = w.parentWidget()
        return getattr(w, "builder", None)

    def answer_no(self, question_id: str) -> str | None:
        """A new objection in edit mode that answers the question no; its id."""
        rel, doc, builder = self.relation, self.doc, self._builder()
        if doc is None:
            return None
        schemes = map_catalogue(doc.amap)
        scheme = scheme_of(rel, schemes) if rel is not None else None
        question = scheme.question(question_id) if scheme is not None else None
        if rel is None or doc is None or builder is None or scheme is None or question is None:
            return None
        premise = None if question.undercuts else premise_for(rel, question)
        if not question.undercuts and premise is None:
            return None
        conflict = answering_scheme(schemes, scheme, question)
        before, answer = answer_no_steps(
            doc.amap, rel, question_id, "undercut" if question.undercuts else "attack",
            premise or "", conflict.id if conflict else "",
            conflict.roles[0].id if conflict is not None and len(conflict.roles) == 1 else "")
        return builder.add(relation=answer, before=tuple(before), step=self.tr("Answer no"))


# -- the docks ---------------------------------------------------------------------------

def open_question_items(amap: ArgumentMap, style: QStyle) -> list[QListWidgetItem]:
    """One entry of the Problems list per relation with open critical questions: the
    relation key as its subject, the questions in its tooltip."""
    if not any(r.scheme for r in amap.relations):
        return []
    translate = QCoreApplication.translate
    icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    items = []
    schemes = map_catalogue(amap)
    for key, states in question_states(amap, schemes).items():
        open_ = [s.question for s in states if s.state == "open"]
        if not open_:
            continue
        rel = amap.relation_by_key(key)
        scheme = scheme_of(rel, schemes) if rel is not None else None
        name = _words(scheme.short) if scheme is not None else ""
        n = len(open_)
        text = translate("SchemeEditor", "relation '{key}' ({scheme}): {n} open question(s)")
        text = text.format(key=key, scheme=name, n=n)
        it = QListWidgetItem(icon, text)
        it.setData(Qt.ItemDataRole.UserRole, key)
        it.setToolTip("\n".join("• " + _words(q.text) for q in open_))
        items.append(it)
    return items


class SchemeFilter(QComboBox):
    """The outline's filter by scheme: every claim, or the claims of the arguments
    (premises and conclusion) that name one scheme."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amap: ArgumentMap | None = None
        self._claims: set[str] | None = None
        self.setToolTip(self.tr("Show only the claims of arguments of one scheme"))
        self.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self.activated.connect(lambda _i: self._pick())
        self.set_map(None)

    def set_map(self, amap: ArgumentMap | None) -> None:
        if self.amap is not None:
            self.amap.relation_changed.disconnect(self._on_relation)
            self.amap.relation_inserted.disconnect(self._on_relation)
            self.amap.relation_removed.disconnect(self._on_relation)
        self.amap = amap
        if amap is not None:
            amap.relation_changed.connect(self._on_relation)
            amap.relation_inserted.connect(self._on_relation)
            amap.relation_removed.connect(self._on_relation)
        self.fill()

    def _on_relation(self, _rel: Relation, _what) -> None:
        self.fill()
        self._pick()

    def fill(self) -> None:
        """The schemes the map's relations name, with how many relations name each."""
        chosen = self.currentData()
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        schemes = map_catalogue(self.amap) if self.amap is not None else None
        for r in self.amap.relations if self.amap is not None else ():
            if r.scheme:
                s = scheme_of(r, schemes)
                sid = s.id if s is not None else r.scheme
                counts[sid] = counts.get(sid, 0) + 1
                names[sid] = _words(s.name) if s is not None else r.scheme
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All schemes"), "")
        for sid, n in counts.items():
            self.addItem(f"{names[sid]} ({n})", sid)
        self.setCurrentIndex(max(0, self.findData(chosen)))
        self.blockSignals(False)
        self.setVisible(bool(counts))

    def choose(self, scheme_id: str) -> None:
        self.setCurrentIndex(max(0, self.findData(scheme_id)))
        self._pick()

    def _pick(self) -> None:
        sid = self.currentData() or ""
        claims: set[str] | None = None
        if sid and self.amap is not None:
            claims = set()
            schemes = map_catalogue(self.amap)
            for r in self.amap.relations:
                s = scheme_of(r, schemes) if r.scheme else None
                if r.scheme and (s.id if s is not None else r.scheme) == sid:
                    claims.update(r.premises)
                    if r.type != "undercut":
                        claims.add(r.target)
        if claims != self._claims:
            self._claims = claims
            self.changed.emit()

    def accepts(self, claim_id: str) -> bool:
        return self._claims is None or claim_id in self._claims

    def hides(self, item: QTreeWidgetItem | None) -> bool:
        """Whether the outline's row ``item`` (its claim id in column 0) is filtered out."""
        return item is not None and not self.accepts(item.data(0, Qt.ItemDataRole.UserRole))
