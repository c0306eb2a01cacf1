"""A map's own schemes in its header: added and overriding schemes are checked with
line and column, named by relations, drawn with their short names, kept byte for byte
by a save and put in their place by fmt; and a required role the analyst granted with
"yes" is not asked for."""

from __future__ import annotations

import copy
import difflib
import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt

from argmap.critical_questions import open_questions, question_states, scheme_of
from argmap.export_svg import render_svg
from argmap.gui.language import current_language
from argmap.layout import quick_layout
from argmap.mapdiff import diff_maps
from argmap.mapio import load_file, load_text
from argmap.mapmerge import merge_maps
from argmap.savefile import format_text, render, save_map
from argmap.scheme_marks import scheme_marks
from argmap.schemes import catalogue, map_catalogue
from argmap.semantics.open_questions import counted

from conftest import copy_bundled
from test_gui import _no_unexpected_dialogs, open_and_settle, window  # noqa: F401

SVG = "{http://www.w3.org/2000/svg}"

HEADER = """\
argmap: 1
title: Eigene Schemata
lang: en
display:
  direction: LR
# the map's own schemes, laid over the catalogue
schemes:
  expert-opinion:        # only the English short name changes
    short: {en: Expert}
  waste:
    kind: support
    aif: Waste
    name: {de: Argument aus der Verschwendung, en: Argument from waste}
    short: {de: Verschwendung, en: Waste}
    source: Walton, Reed & Macagno 2008, ch. 9
    roles:
      - {id: spent, de: Es wurde schon viel investiert., en: Much has been invested.}
    conclusion: {de: Weitermachen., en: Carry on.}
    questions:
      - {id: spent, targets: spent, de: Wurde wirklich viel investiert?, en: Was much really invested?}
"""
BODY = """\
claims:
  says: {text: 'Kofman says: the army is exhausted.', kind: question}
  cv: {text: Kofman is a military analyst., kind: question}
  army: {text: The army is exhausted., kind: question}
  spent: {text: Billions went into it., kind: question}
  goon: {text: Carry on with it., kind: question}
relations:
  - {id: r1, type: support, from: [says, cv], to: army, scheme: expert-opinion, roles: {says: assertion, cv: expertise}}
  - {id: r2, type: support, from: spent, to: goon, scheme: waste, roles: {spent: spent}}
"""
MAP = HEADER + BODY


def messages(text: str) -> list[str]:
    return [str(d) for d in load_text(text, "m.yaml").diagnostics]


def changed_lines(a: str, b: str) -> list[str]:
    return [line for line in difflib.unified_diff(a.splitlines(), b.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


# -- checking and naming ------------------------------------------------------------------

def test_a_map_with_its_own_schemes_checks_and_its_relations_name_them():
    loaded = load_text(MAP, "m.yaml")
    assert [str(d) for d in loaded.diagnostics] == []
    amap = loaded.map
    assert list(amap.schemes) == ["expert-opinion", "waste"]
    schemes = map_catalogue(amap)
    waste = scheme_of(amap.relation_by_key("r2"), schemes)
    assert waste is not None and waste.id == "waste" and waste.aif == "Waste"
    assert schemes.by_aif("Argument From Waste") is waste
    # the override changes only the English short name
    expert = schemes["expert-opinion"]
    assert (expert.short.en, expert.short.de) == ("Expert", "Expertenmeinung")
    assert expert.questions == catalogue()["expert-opinion"].questions
    assert catalogue()["expert-opinion"].short.en == "Expert opinion"   # left as it was
    # the questions of the map's own scheme are asked like the catalogue's
    states = {s.question.id: s.state for s in question_states(amap)["r2"]}
    assert states == {"spent": "open"}
    assert open_questions(amap)["r2"] == ["spent"]
    assert [q.id for q in counted(amap, amap.relations)["r2"]] == ["spent"]


def test_without_the_header_block_the_scheme_is_unknown():
    msgs = messages(MAP.replace(HEADER[HEADER.index("# the map's"):], ""))
    assert msgs == ["m.yaml:14:60: warning: relation 'r2' names the scheme 'waste', which is "
                    "not in the catalogue (docs/schemes.md lists them)"]


def test_the_maps_catalogue_is_kept_for_the_content_of_its_schemes():
    amap = load_text(MAP, "m.yaml").map
    first = map_catalogue(amap)
    assert map_catalogue(amap) is first
    assert map_catalogue(amap.copy()) is first          # the same content
    amap.schemes["expert-opinion"]["short"] = {"en": "Authority"}
    changed = map_catalogue(amap)
    assert changed is not first and changed["expert-opinion"].short.en == "Authority"
    amap.schemes = {}
    assert map_catalogue(amap) is catalogue()


def test_an_invalid_header_scheme_is_an_error_at_its_line_and_column():
    text = MAP.replace("targets: spent, de: Wurde", "targets: nope, de: Wurde")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "targets: nope" in t)
    column = text.splitlines()[line - 1].index("nope") + 1
    loaded = load_text(text, "m.yaml")
    assert [str(d) for d in loaded.errors] == [
        f"m.yaml:{line}:{column}: error: scheme 'waste': question 'spent' targets 'nope', "
        "which is neither a role of the scheme nor 'inference' (known: spent, inference)"]
    # until it is fixed the map is read with the shipped catalogue
    assert map_catalogue(loaded.map) is catalogue()
    assert scheme_of(loaded.map.relation_by_key("r2"), map_catalogue(loaded.map)) is None
    # a new scheme must be complete; a short name too long to draw is refused
    text = MAP.replace("    source: Walton, Reed & Macagno 2008, ch. 9\n", "")
    assert any(m.startswith("m.yaml:11:5: error: scheme 'waste' has no 'source'")
               for m in messages(text)), messages(text)
    text = MAP.replace("short: {en: Expert}", "short: {en: An expert said it so}")
    assert [m for m in messages(text) if "error" in m] == [
        "m.yaml:9:17: error: scheme 'expert-opinion': short (en) 'An expert said it so' has "
        "20 characters; at most 16 are drawn"]


def test_the_schema_wants_a_mapping_of_schemes():
    block = HEADER[HEADER.index("schemes:"):]
    for written in ("schemes: [waste]\n", "schemes: {waste: 1}\n"):
        loaded = load_text(MAP.replace(block, written), "m.yaml")
        assert [d.line for d in loaded.errors] == [7], [str(d) for d in loaded.errors]
        assert loaded.map.schemes in ({}, {"waste": 1})
        assert map_catalogue(loaded.map) is catalogue()


# -- in the picture -----------------------------------------------------------------------

def test_the_marks_and_the_svg_show_the_maps_short_names():
    amap = load_text(MAP, "m.yaml").map
    marks = scheme_marks(amap)
    assert (marks["r1"].short, marks["r2"].short) == ("Expert", "Waste")
    assert marks["r2"].label == "Waste ?1" and marks["r2"].name == "Argument from waste"
    assert "Was much really invested?" in marks["r2"].tooltip("en")
    root = ET.fromstring(render_svg(amap, quick_layout(amap)))
    shown = {}
    for mark in root.findall(f".//{SVG}g[@id='schemes']/{SVG}g"):
        shown[mark.get("data-relation")] = [t.text for t in mark.iter(f"{SVG}text")
                                            if t.get("class") == "scheme"]
    assert shown == {"r1": ["Expert"], "r2": ["Waste"]}


# -- saving, formatting, comparing ------------------------------------------------------

def test_a_save_keeps_the_header_block_byte_for_byte(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    loaded = load_file(str(path))
    assert render(loaded.map, loaded.text) == MAP        # the full save
    save_map(loaded.map, str(path), loaded.text)          # the patching save
    assert path.read_text(encoding="utf-8") == MAP
    # an edit elsewhere leaves the block, its comments and flow style as they are
    loaded.map.set_claim_field("goon", "text", "Carry on, then.")
    text = save_map(loaded.map, str(path), loaded.text)
    assert text.startswith(HEADER)
    assert changed_lines(MAP, text) == [
        "-  goon: {text: Carry on with it., kind: question}",
        "+  goon: {text: 'Carry on, then.', kind: question}"]
    assert render(loaded.map, MAP) == text
    again = load_file(str(path)).map
    assert again.schemes == loaded.map.schemes and again.snapshot() == loaded.map.snapshot()


def test_schemes_added_to_a_map_are_written_after_display_before_sources(tmp_path):
    text = MAP.replace(HEADER[HEADER.index("# the map's"):], "sources:\n  s1: {title: T}\n")
    loaded = load_text(text, "m.yaml")
    loaded.map.schemes = {"expert-opinion": {"short": {"en": "Expert"}}}
    for saved in (render(loaded.map, text), render(loaded.map)):
        keys = [line.split(":")[0] for line in saved.splitlines() if line[:1].isalpha()]
        assert keys == ["argmap", "title", "lang", "display", "schemes", "sources", "claims",
                        "relations"]
        back = load_text(saved, "m.yaml")
        assert back.map.schemes == loaded.map.schemes
        assert scheme_marks(back.map)["r1"].short == "Expert"
    assert changed_lines(text, render(loaded.map, text)) == [
        "+schemes:", "+  expert-opinion:", "+    short:", "+      en: Expert"]


def test_fmt_keeps_the_schemes_and_puts_them_in_their_place():
    assert format_text(MAP).startswith(HEADER)
    # written last, they go back between display and claims, their comments with them
    block = HEADER[HEADER.index("schemes:"):]
    moved = MAP.replace(block, "") + block
    formatted = format_text(moved)
    assert formatted == format_text(MAP) and format_text(formatted) == formatted
    assert load_text(formatted, "m.yaml").map.snapshot() == load_text(MAP, "m.yaml").map.snapshot()


def test_diff_and_merge_treat_the_schemes_as_a_header_field():
    base = load_text(MAP, "m.yaml").map
    ours, theirs = base.copy(), base.copy()
    ours.schemes["expert-opinion"] = {"short": {"en": "Expert view"}}
    theirs.schemes["sign"] = {"short": {"en": "Signal"}}
    d = diff_maps(base, ours)
    assert [c.field for c in d.header] == ["schemes"]
    assert d.apply(base).snapshot() == ours.snapshot()
    merged = merge_maps(base, ours, theirs)
    assert merged.clean
    assert merged.map.schemes == {**ours.schemes, "sign": {"short": {"en": "Signal"}}}
    assert map_catalogue(merged.map)["sign"].short.en == "Signal"
    # both change one scheme differently: ours is kept, and the conflict listed
    theirs.schemes["expert-opinion"] = {"short": {"en": "Expertise"}}
    merged = merge_maps(base, ours, theirs)
    assert merged.map.schemes["expert-opinion"] == {"short": {"en": "Expert view"}}
    assert merged.new_conflicts == [{"header": "schemes", "key": "expert-opinion",
                                     "ours": {"short": {"en": "Expert view"}},
                                     "theirs": {"short": {"en": "Expertise"}}}]
    assert copy.deepcopy(base.schemes) == load_text(MAP, "m.yaml").map.schemes
    # written out, the conflict is an error at its place until it is resolved, one undo step
    from argmap.commands import ResolveConflict

    written = load_text(render(merged.map, None), "m.yaml")
    [error] = [d for d in written.errors]
    assert error.message.startswith("merge conflict") and "schemes expert-opinion" in \
        error.message and error.line > 0
    assert written.read_completely
    step = ResolveConflict(written.map, 0, "theirs")
    step.redo()
    assert written.map.schemes["expert-opinion"] == {"short": {"en": "Expertise"}}
    assert not written.map.conflicts
    assert map_catalogue(written.map)["expert-opinion"].short.en == "Expertise"
    step.undo()
    assert written.map.schemes["expert-opinion"] == {"short": {"en": "Expert view"}}
    assert len(written.map.conflicts) == 1


# -- roles a "yes" answers ------------------------------------------------------------------

GRANTED = """\
argmap: 1
title: t
claims:
  kofman: {text: 'Kofman sagt: Russland erholt sich.', kind: question}
  these: {text: Russland erholt sich., kind: question}
relations:
  - {id: r1, type: support, from: kofman, to: these, scheme: expert-opinion, roles: {kofman: assertion}QUESTIONS}
"""
MISSING = ("m.yaml:7:62: warning: relation 'r1': no premise has the role 'expertise' the "
           "scheme 'expert-opinion' needs")


def test_a_required_role_is_not_asked_for_when_its_questions_are_answered_yes():
    assert messages(GRANTED.replace("QUESTIONS", "")) == [MISSING]
    # both questions about the expertise premise granted: the premise may go unstated
    assert messages(GRANTED.replace("QUESTIONS", ", questions: {expertise: yes, field: yes}")) \
        == []
    # one of them still open: the premise is still needed
    assert messages(GRANTED.replace("QUESTIONS", ", questions: {expertise: yes}")) == [MISSING]
    # a yes to a question about another role or the inference grants nothing
    assert messages(GRANTED.replace("QUESTIONS", ", questions: {opinion: yes, evidence: yes}")) \
        == [MISSING]


def test_a_yes_grants_a_role_of_the_maps_own_scheme_too():
    text = MAP.replace("roles: {spent: spent}}", "roles: {}}")
    assert any("no premise has the role 'spent' the scheme 'waste' needs" in m
               for m in messages(text))
    assert messages(text.replace("roles: {}}", "questions: {spent: yes}}")) == []


# -- in the app -----------------------------------------------------------------------------

def test_the_picker_lists_the_maps_own_schemes(qtbot, window, tmp_path):
    path = copy_bundled("2022-11-waffenstillstand-sieg-fuer-putin.yaml", tmp_path)
    text = path.read_text(encoding="utf-8")
    block = HEADER[HEADER.index("schemes:"):].replace(
        "short: {en: Expert}", "name: {de: Aus Expertenmund}")
    text = text.replace("\nsources:\n", "\n" + block + "sources:\n", 1)
    path.write_text(text, encoding="utf-8")
    doc = open_and_settle(qtbot, window, path)
    assert "waste" in doc.amap.schemes
    rel = doc.amap.relation_by_key("r6")
    window.scene.select_relation("r6")
    editor = window.inspector.schemes
    qtbot.waitUntil(lambda: editor.isVisible() and editor.relation is rel, timeout=3000)
    names = [editor.scheme.itemText(i) for i in range(editor.scheme.count())]
    lang = current_language()
    schemes = map_catalogue(doc.amap)
    waste = schemes["waste"]
    assert waste.name.get(lang) in names
    assert schemes["expert-opinion"].name.de == "Aus Expertenmund"
    assert schemes["expert-opinion"].name.get(lang) in names
    assert "Argument aus einer Expertenmeinung" not in names
    # typed and taken from the list: the relation names the map's scheme
    line = editor.scheme.lineEdit()
    window.activateWindow()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus, timeout=2000)
    line.selectAll()
    qtbot.keyClicks(line, waste.name.get(lang).split()[-1])     # "waste", "Verschwendung"
    popup = editor.scheme.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rel.scheme == "waste", timeout=3000)
    qtbot.waitUntil(lambda: "spent" in editor._rows, timeout=3000)
    assert editor.row("spent").state.currentText() == "open"
    assert doc.undo_stack.undoText() == "Set argument scheme"
    doc.undo_stack.undo()
    assert rel.scheme == "cause-to-effect"
    doc.undo_stack.setClean()
