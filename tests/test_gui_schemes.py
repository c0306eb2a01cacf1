"""A relation's scheme, its premises' roles and its critical questions in the
inspector, driven with the keyboard and the mouse on the real window; "Answer no"
adds the objection in edit mode as one undo step; the Evaluate menu lets open
questions count against the argument; the Problems list and the outline know
the schemes."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox

from argmap.critical_questions import answer_no_steps
from argmap.mapio import load_file, load_text
from argmap.model import Relation

from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401

REL = "r6"      # [kofman-aufruesten, kofman-russland-benachteiligt] supports kofman-russland-profitiert
PREMISES = ["kofman-aufruesten", "kofman-russland-benachteiligt"]
CONCLUSION = "kofman-russland-profitiert"
ANSWER = "Kofman hat ein Interesse am Ergebnis"


def _show(qtbot, w, key=REL):
    """The relation selected and in the inspector, once the new layout after the last
    edit is in place (the canvas may drop the selection while it puts it in)."""
    scene = w.scene
    qtbot.waitUntil(lambda: not scene.layout_pending, timeout=15000)
    qtbot.wait(scene.ANIMATION_MS + 100)
    if scene.selected_relations() != [key]:
        scene.select_relation(key)
    editor = w.inspector.schemes
    qtbot.waitUntil(lambda: editor.isVisible() and editor.relation is not None
                    and editor.relation.key == key, timeout=3000)
    return editor


def _pick_scheme(qtbot, w, typed, key=REL):
    """Type part of a scheme's name into the picker and take the first match."""
    editor = _show(qtbot, w, key)
    line = editor.scheme.lineEdit()
    w.activateWindow()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus, timeout=2000)
    line.selectAll()
    qtbot.keyClicks(line, typed)
    popup = editor.scheme.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)


def _choose(qtbot, w, name, data, key=REL):
    """Move the combobox ``name`` to the item with ``data`` with the arrow keys."""
    editor = _show(qtbot, w, key)
    box = editor.findChild(QComboBox, name)
    w.activateWindow()              # back from the picker's popup
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    while box.currentData() != data:
        step = Qt.Key.Key_Down if box.findData(data) > box.currentIndex() else Qt.Key.Key_Up
        before = box.currentIndex()
        qtbot.keyClick(box, step)
        assert box.currentIndex() != before


def _answer_no(qtbot, w, question, text=None):
    """Press "Answer no" at ``question`` of r6; type ``text`` and Enter into the new
    claim's editor (None: leave the editor open)."""
    editor = _show(qtbot, w)
    qtbot.mouseClick(editor.row(question).answer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.view.editor is not None and w.view.editor.hasFocus(),
                    timeout=2000)
    if text is not None:
        w.view.editor.selectAll()
        qtbot.keyClicks(w.view.editor, text)
        qtbot.keyClick(w.view.editor, Qt.Key.Key_Return)
    return w.view.editor


def _set_up(qtbot, w):
    """r6 as an argument from expert opinion: its roles set, one question granted."""
    rel = w.doc.amap.relation_by_key(REL)
    _pick_scheme(qtbot, w, "no scheme")           # whatever the bundled map says of it
    assert (rel.scheme, rel.roles, rel.questions) == ("", {}, {})
    _pick_scheme(qtbot, w, "expert op")
    assert rel.scheme == "expert-opinion"
    assert w.doc.undo_stack.undoText() == "Set argument scheme"
    _choose(qtbot, w, f"role-{PREMISES[0]}", "assertion")
    _choose(qtbot, w, f"role-{PREMISES[1]}", "expertise")
    assert rel.roles == {PREMISES[0]: "assertion", PREMISES[1]: "expertise"}
    _choose(qtbot, w, "question-field", "yes")
    assert rel.questions == {"field": "yes"}
    assert w.doc.undo_stack.undoText() == "Mark critical question yes"
    return _show(qtbot, w), rel


def _answers(amap):
    return [r for r in amap.relations if r.answers.get(REL)]


def test_scheme_roles_questions_and_answer_no_in_the_inspector(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    editor, rel = _set_up(qtbot, window)
    assert editor.scheme.currentText() == "Argument from expert opinion"
    # the questions of the scheme, with where a "no" goes
    assert "about the inference" in editor.row("reliability").text.text()
    assert f"claim:{PREMISES[1]}" in editor.row("expertise").text.text()
    assert editor.row("field").state.currentText() == "yes"
    assert editor.row("opinion").state.currentText() == "open"
    assert _answers(doc.amap) == []
    # "Answer no" on the reliability question: a new claim in edit mode; typed, Enter
    steps, claims = doc.undo_stack.index(), set(doc.amap.claims)
    _answer_no(qtbot, window, "reliability", ANSWER)
    (new,) = set(doc.amap.claims) - claims
    assert doc.amap.claims[new].text == ANSWER
    (answer,) = _answers(doc.amap)
    assert (answer.type, answer.premises, answer.target) == ("undercut", [new], REL)
    assert answer.answers == {REL: "reliability"}
    # the conflict scheme that states this "no", its premise in its role
    assert (answer.scheme, answer.roles) == ("lack-of-expert-reliability",
                                             {new: "unreliable"})
    assert doc.undo_stack.index() == steps + 1
    assert doc.undo_stack.undoText().startswith("Answer no “Kofman hat")
    # back on r6 the question is answered no, by the new undercut
    editor = _show(qtbot, window)
    row = editor.row("reliability")
    assert row.state.currentData() == "no" and not row.state.isEnabled()
    assert not row.answer.isVisible()
    assert f"rel:{answer.key}" in row.text.text()
    # one Ctrl+Z takes the claim and its relation away
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert new not in doc.amap.claims and _answers(doc.amap) == []
    assert rel.scheme == "expert-opinion" and rel.questions == {"field": "yes"}
    doc.undo_stack.redo()
    # saved: the fields in the file
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not doc.dirty
    saved = load_file(str(mapfile)).map
    r6 = saved.relation_by_key(REL)
    assert (r6.scheme, r6.roles, r6.questions) == (
        "expert-opinion", {PREMISES[0]: "assertion", PREMISES[1]: "expertise"},
        {"field": "yes"})
    (back,) = _answers(saved)
    assert back.answers == {REL: "reliability"} and back.premises == [new]
    text = mapfile.read_text(encoding="utf-8")
    assert "scheme: expert-opinion" in text and "answers: {r6: reliability}" in text


def test_answer_no_about_a_premise_attacks_it_and_esc_leaves_nothing(qtbot, window,
                                                                     mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    _, rel = _set_up(qtbot, window)
    before = (doc.undo_stack.index(), set(doc.amap.claims), len(doc.amap.relations))
    # Esc in the new claim's editor: no claim, no relation, no step
    qtbot.keyClick(_answer_no(qtbot, window, "expertise"), Qt.Key.Key_Escape)
    assert (doc.undo_stack.index(), set(doc.amap.claims), len(doc.amap.relations)) == before
    # the question about the expertise: an attack on the premise in that role
    _answer_no(qtbot, window, "expertise", "Kofman ist kein Experte")
    (answer,) = _answers(doc.amap)
    assert (answer.type, answer.target, answer.answers) == ("attack", PREMISES[1],
                                                             {REL: "expertise"})
    assert answer.scheme == ""        # no conflict scheme of the catalogue states this "no"
    # a role taken away: the question has no premise to attack, and says so
    _choose(qtbot, window, f"role-{PREMISES[0]}", "")
    assert rel.roles == {PREMISES[1]: "expertise"}
    row = _show(qtbot, window).row("opinion")
    assert not row.answer.isEnabled() and "role “assertion”" in row.answer.toolTip()
    # marked open again: the key goes from the file's questions
    _choose(qtbot, window, "question-field", "open")
    assert rel.questions == {}


def test_another_scheme_keeps_only_what_fits_and_typing_a_name_finds_it(qtbot, window,
                                                                        mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    editor, rel = _set_up(qtbot, window)
    # a support offers support schemes only
    names = [editor.scheme.itemText(i) for i in range(editor.scheme.count())]
    assert names[0] == "(no scheme)" and "Argument from analogy" in names
    assert not any(n.startswith("Conflict") for n in names)
    # half typed and left: nothing changes, the picker shows the scheme again
    line = editor.scheme.lineEdit()
    window.activateWindow()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus, timeout=2000)
    line.selectAll()
    qtbot.keyClicks(line, "analo")
    editor.scheme.completer().popup().hide()
    steps = doc.undo_stack.index()
    window.view.setFocus()
    qtbot.waitUntil(lambda: not line.hasFocus(), timeout=2000)
    assert doc.undo_stack.index() == steps and rel.scheme == "expert-opinion"
    assert editor.scheme.currentText() == "Argument from expert opinion"
    # a part of a name typed and Enter (no pick from the list): the first that has it
    window.activateWindow()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus, timeout=2000)
    line.selectAll()
    qtbot.keyClicks(line, "from sign")
    editor.scheme.completer().popup().hide()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert rel.scheme == "sign"
    assert (rel.roles, rel.questions) == ({}, {})     # expert roles and questions do not fit
    assert doc.undo_stack.undoText() == "Set argument scheme"
    doc.undo_stack.undo()                              # one step: all three come back
    assert rel.scheme == "expert-opinion" and rel.questions == {"field": "yes"}
    assert rel.roles == {PREMISES[0]: "assertion", PREMISES[1]: "expertise"}
    # an attack offers the conflict schemes
    editor = _show(qtbot, window, "r14")
    names = [editor.scheme.itemText(i) for i in range(editor.scheme.count())]
    assert "Conflict from lack of expert reliability" in names
    assert "Argument from analogy" not in names


def test_open_questions_count_against_from_the_evaluate_menu(qtbot, window, mapfile):
    from argmap.gui.main_window import MainWindow
    doc = open_and_settle(qtbot, window, mapfile)
    _set_up(qtbot, window)
    menu = window.evaluation_menu
    action = menu.a_open_questions
    assert action in menu.menu.actions() and not action.isChecked()
    assert action.text().replace("&", "") == "Open Questions Count Against"
    action.trigger()
    ev = window.view.evaluation
    assert action.isChecked() and ev.enabled and ev.open_questions
    label, why = ev.why(CONCLUSION)
    assert "does not stand: open questions “Does E really have expertise in D?”" in why
    assert ev.result.labelling.relations[REL] == "OUT"
    assert "open questions count against" in ev.describe()
    # remembered in the settings: a new window starts with it
    window.settings.sync()
    again = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    other = MainWindow(again)
    qtbot.addWidget(other)
    assert other.evaluation_menu.a_open_questions.isChecked()
    # off again: the reason stands
    action.trigger()
    assert not ev.open_questions
    assert ev.result.labelling.relations[REL] == "IN"
    doc.undo_stack.setClean()


def test_problems_list_the_open_questions_and_the_outline_filters_by_scheme(qtbot, window,
                                                                             mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    _set_up(qtbot, window)
    doc.wait_for_problems()
    problems = window.problems.list
    items = [problems.item(i) for i in range(problems.count())]
    (item,) = [it for it in items if it.text().startswith(f"relation '{REL}'")]
    # of the six questions one is granted (and none is answered no yet)
    assert item.text() == f"relation '{REL}' (Expert opinion): 5 open question(s)"
    assert "Can E be trusted as a source" in item.toolTip()
    assert "Does A actually fall within" not in item.toolTip()
    window.scene.clearSelection()
    problems.itemActivated.emit(item)
    assert window.scene.selected_relations() == [REL]
    # the outline: only the claims of arguments from expert opinion
    outline = window.outline
    box = outline.scheme_filter
    assert box.isVisibleTo(outline) and box.itemText(0) == "All schemes"
    assert any(box.itemText(i) == "Argument from expert opinion (1)" for i in range(box.count()))
    box.choose("expert-opinion")
    assert sorted(outline.visible_ids()) == sorted(PREMISES + [CONCLUSION])
    outline.filter.setText("benachteiligt")
    assert outline.visible_ids() == [PREMISES[1]]
    outline.filter.clear()
    box.choose("")
    assert len(outline.visible_ids()) == len(doc.amap.claims)


def test_answering_a_relation_without_an_id_gives_it_one_in_the_same_step():
    amap = load_text("argmap: 1\ntitle: t\nclaims:\n  a: {text: A, kind: question}\n"
                     "  b: {text: B, kind: question}\n  r1: {text: C, kind: question}\n"
                     "relations:\n  - {type: support, from: a, to: b, "
                     "scheme: popular-opinion}\n", "m.yaml").map
    rel = amap.relations[0]
    before, answer = answer_no_steps(amap, rel, "group", "undercut", "")
    assert answer.same_as(Relation("undercut", [""], "r2", answers={"r2": "group"}))
    for c in before:
        c.redo()
    assert rel.id == "r2"        # r1 is a claim's id
    for c in before:
        c.undo()
    assert rel.id == ""


def test_scheme_names_follow_the_language_of_the_interface(qtbot, window, mapfile, monkeypatch):
    from argmap.gui import scheme_editor
    open_and_settle(qtbot, window, mapfile)
    monkeypatch.setattr(scheme_editor, "current_language", lambda: "de")
    editor = _show(qtbot, window)
    names = [editor.scheme.itemText(i) for i in range(editor.scheme.count())]
    assert "Argument aus einer Expertenmeinung" in names


def test_an_edit_from_the_inspector_keeps_the_relation_selected(qtbot, window, mapfile):
    """Applying the new layout hides and shows every edge; the relation being edited
    stays selected, so the inspector stays on it."""
    open_and_settle(qtbot, window, mapfile)
    w = window
    editor = _show(qtbot, w)
    _pick_scheme(qtbot, w, "sign")
    scene = w.scene
    qtbot.waitUntil(lambda: not scene.layout_pending, timeout=15000)
    qtbot.wait(scene.ANIMATION_MS + 300)
    assert scene.selected_relations() == [REL]
    assert editor.isVisible() and editor.relation is not None and editor.relation.key == REL


def test_the_canvas_names_each_scheme_at_its_relation_and_counts_its_open_questions(
        qtbot, window, mapfile):
    from argmap.critical_questions import scheme_of, set_question, set_scheme
    from argmap.scheme_marks import scheme_marks

    doc = open_and_settle(qtbot, window, mapfile)
    scene = window.scene
    qtbot.wait(scene.ANIMATION_MS + 100)
    labels = scene.scheme_labels.items
    marks = scheme_marks(doc.amap)
    assert marks and set(labels) == set(marks)
    rel = next(r for r in doc.amap.relations if r.key in marks and marks[r.key].open
               and r.key not in scene.junction_items)
    item = labels[rel.key]
    assert item.isVisible() and item.mark.short in item.mark.label
    assert "Offene kritische Fragen:" in item.toolTip()
    # at the middle of its edge
    edge = next(e for e in scene.edge_items if e.relation_key == rel.key)
    middle = edge.mapToScene(edge.path().pointAtPercent(0.5))
    assert (item.pos() - middle).manhattanLength() < 1
    # answering one question yes takes one off the count; undo puts it back
    before = len(item.mark.open)
    question = scheme_marks(doc.amap)[rel.key].open[0]
    qid = next(q.id for q in scheme_of(rel).questions if q.text.get(doc.amap.lang) == question)
    doc.push(set_question(doc.amap, rel, qid, "yes"))
    qtbot.waitUntil(lambda: len(scene.scheme_labels.items[rel.key].mark.open) == before - 1,
                    timeout=5000)
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: len(scene.scheme_labels.items[rel.key].mark.open) == before,
                    timeout=5000)
    # a relation whose scheme is taken away loses its label
    doc.push(set_scheme(doc.amap, rel, ""))
    qtbot.waitUntil(lambda: rel.key not in scene.scheme_labels.items, timeout=5000)
