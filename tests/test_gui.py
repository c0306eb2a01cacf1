"""The real main window, driven through its actions, keys and mouse (offscreen)."""

import os
import shutil

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from argmap.gui.claim_item import ClaimItem
from argmap.gui.fonts import load_fonts
from argmap.gui.main_window import MainWindow
from argmap.mapio import load_file

from conftest import ARTICLES, DATA, ROOT, copy_bundled


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch):
    """A message box no test asked for fails the test instead of waiting for a click."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected dialog: {args[1:3]}")
    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)


def _mark_clean(w: MainWindow) -> None:
    """Edits a test left on purpose are not to be asked about when pytest-qt closes."""
    for v in w.views():
        v.map_scene.doc.undo_stack.setClean()


@pytest.fixture
def window(qtbot, tmp_path):
    load_fonts()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w, before_close_func=_mark_clean)
    w.resize(1300, 850)
    w.show()
    return w


@pytest.fixture
def mapfile(tmp_path):
    return copy_bundled("2022-11-waffenstillstand-sieg-fuer-putin.yaml", tmp_path)


def open_and_settle(qtbot, w, path):
    doc = w.open_file(str(path))
    assert doc is not None
    qtbot.waitUntil(lambda: not w.scene.layout_pending and w.scene.layout is not None,
                    timeout=15000)
    return doc


def test_open_bundled_map_draws_every_claim(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    scene = window.scene
    assert set(scene.claim_items) == set(doc.amap.claims)
    assert len({e.relation_key for e in scene.edge_items}) == len(doc.amap.relations)
    # every box sits where the layout put it, with the size the core measured
    for cid, item in scene.claim_items.items():
        node = scene.layout.claim(cid)
        assert (item.x(), item.y()) == (node.x, node.y)
        assert (item.w, item.h) == (node.w, node.h)
    assert window.tabs.count() == 1 and "sieg-fuer-putin" in window.tabs.tabText(0)
    assert f"{len(doc.amap.claims)} claims" in window.status.text() and "0 errors" in \
        window.status.text()


def test_add_connect_edit_undo_redo_save(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    loaded = doc.amap.snapshot()
    view = window.view
    # add a claim with the Insert key, type its text in place, Enter
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    editor = view.editor
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "Ein neuer Einwand gegen die These.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    new_id = window.scene.selected_claims()[0]
    assert doc.amap.claims[new_id].text == "Ein neuer Einwand gegen die These."
    # connect: select the new claim, then the thesis, press A (attack)
    window.scene.select_claims([new_id])
    window.scene.claim_items["sieg-fuer-putin"].setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A)
    rel = doc.amap.relations[-1]
    assert (rel.type, rel.premises, rel.target) == ("attack", [new_id], "sieg-fuer-putin")
    # edit a field in the inspector
    window.scene.select_claims([new_id])
    insp = window.inspector
    assert insp.claim_id == new_id
    insp.speaker.setFocus()
    insp.speaker.setText("Leserin")
    insp.speaker.editingFinished.emit()
    assert doc.amap.claims[new_id].speaker == "Leserin"
    edited = doc.amap.snapshot()
    assert window.isWindowModified()
    # undo back to exactly the loaded model, redo forward to the edited one
    while doc.undo_stack.canUndo():
        window.a_undo.trigger()
    assert doc.amap.snapshot() == loaded
    assert not window.isWindowModified()
    while doc.undo_stack.canRedo():
        window.a_redo.trigger()
    assert doc.amap.snapshot() == edited
    qtbot.waitUntil(lambda: not window.scene.layout_pending, timeout=15000)
    assert new_id in window.scene.claim_items
    # save, reload, compare
    window.a_save.trigger()
    assert not doc.dirty
    again = load_file(str(mapfile))
    assert again.diagnostics == [] or all(not d.is_error for d in again.diagnostics)
    assert again.map.snapshot() == edited
    # export contains the new claim
    out = mapfile.parent / "out.svg"
    assert window.export("svg", path=str(out))
    assert f'id="claim-{new_id}"' in out.read_text(encoding="utf-8")


def test_drag_moves_a_claim_as_one_undo_step(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    view, scene = window.view, window.scene
    view.set_zoom(1.0)
    item = scene.claim_items["kofman-russland-profitiert"]
    view.centerOn(item)
    start = view.mapFromScene(item.pos())
    end = start + QPoint(120, 60)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 7):
        qtbot.mouseMove(view.viewport(), start + (end - start) * (i / 6))
    # while dragged, the box's edges follow it
    edges = scene._edges_at["c:kofman-russland-profitiert"]
    assert edges and item.pos() != view.mapToScene(start)
    box = item.sceneBoundingRect()
    for e in edges:
        assert e.sceneBoundingRect().adjusted(-12, -12, 12, 12).intersects(box)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    pos = doc.amap.claims["kofman-russland-profitiert"].pos
    assert pos is not None
    assert pos[0] == pytest.approx(item.x(), abs=0.2)
    assert doc.undo_stack.count() == 1 and doc.undo_stack.text(0) == "Move"
    window.a_undo.trigger()
    assert doc.amap.claims["kofman-russland-profitiert"].pos is None


def test_delete_claim_says_which_relations_go(qtbot, window, mapfile, monkeypatch):
    doc = open_and_settle(qtbot, window, mapfile)
    asked = []

    def answer(parent, title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    n_rel = len(doc.amap.relations_touching("kofman-russland-profitiert"))
    window.scene.select_claims(["kofman-russland-profitiert"])
    window.a_delete.trigger()
    assert "kofman-russland-profitiert" not in doc.amap.claims
    assert f"These {n_rel} relation(s) go with them" in asked[0]
    window.a_undo.trigger()
    assert "kofman-russland-profitiert" in doc.amap.claims


def test_external_change_reloads_when_clean(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    text = mapfile.read_text(encoding="utf-8")
    old = doc.amap.claims["sieg-fuer-putin"].text
    mapfile.write_text(text.replace(old, "Von außen geändert."), encoding="utf-8")
    qtbot.waitUntil(lambda: window.doc.amap.claims["sieg-fuer-putin"].text
                    == "Von außen geändert.", timeout=5000)
    assert not window.doc.dirty


def test_external_change_with_edits_asks(qtbot, window, mapfile, monkeypatch):
    doc = open_and_settle(qtbot, window, mapfile)
    window.add_claim()
    window.view.editor.commit()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    mapfile.write_text(mapfile.read_text(encoding="utf-8") + "\n# edited elsewhere\n",
                       encoding="utf-8")
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert doc.dirty and "unsaved edits" in asked[0]


def test_file_with_errors_opens_and_is_not_overwritten(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.yaml"
    text = (DATA / "example.yaml").read_text(encoding="utf-8").replace(
        "kind: question", "kind: frage")
    bad.write_text(text, encoding="utf-8")
    doc = open_and_settle(qtbot, window, bad)
    assert doc.had_errors
    assert any("'frage' is not one of" in d.message for d in doc.problems)
    assert window.problems.list.count() >= 1
    target = tmp_path / "copy.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.a_save.trigger()
    assert bad.read_text(encoding="utf-8") == text     # the original is untouched
    assert target.exists() and doc.path == str(target)


def test_closing_with_unsaved_changes_asks(qtbot, window, mapfile, monkeypatch):
    open_and_settle(qtbot, window, mapfile)
    window.add_claim()
    window.view.editor.commit()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close_tab(0)
    assert window.tabs.count() == 1


def test_find_highlights_and_centres(qtbot, window, mapfile):
    open_and_settle(qtbot, window, mapfile)
    window.a_find.trigger()
    qtbot.keyClicks(window.find_edit, "Kofman")
    matched = [c for c, i in window.scene.claim_items.items() if i.matched]
    assert matched and all("Kofman" in window.doc.amap.claims[c].speaker
                           or "kofman" in c for c in matched)
    assert window.scene.selected_claims() == [window._matches[0]]


def test_keyboard_moves_between_connected_claims(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    window.scene.select_claims(["sieg-fuer-putin"])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Down)
    now = window.scene.selected_claims()
    assert len(now) == 1 and now[0] != "sieg-fuer-putin"
    linked = {p for r in doc.amap.relations_of("sieg-fuer-putin") for p in r.premises}
    assert now[0] in linked


def test_open_folder_lists_maps_and_remembers_recent(qtbot, window, tmp_path):
    folder = tmp_path / "maps"
    shutil.copytree(ROOT / "maps", folder)
    window.open_path(str(folder))
    assert window.browser.list.count() == 6
    assert window.tabs.count() == 1
    assert window.recent_files()[0].endswith(".yaml")


def _drag(qtbot, view, start, end, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, modifier, start)
    for i in range(1, 9):
        qtbot.mouseMove(view.viewport(), start + (end - start) * (i / 8))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, modifier, end)


def test_shift_drag_connects_and_drop_on_edge_undercuts(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "m.yaml"
    shutil.copy(DATA / "example.yaml", path)
    doc = open_and_settle(qtbot, window, path)
    view, scene = window.view, window.scene
    view.set_zoom(1.0)
    chosen = []
    monkeypatch.setattr(window, "ask_relation_type",
                        lambda linked: chosen.append(linked) or "attack")
    src, dst = scene.claim_items["kriegsmuede"], scene.claim_items["frage"]
    view.centerOn((src.x() + dst.x()) / 2, (src.y() + dst.y()) / 2)
    _drag(qtbot, view, view.mapFromScene(src.pos()), view.mapFromScene(dst.pos()),
          Qt.KeyboardModifier.ShiftModifier)
    rel = doc.amap.relations[-1]
    assert chosen == [False]
    assert (rel.type, rel.premises, rel.target) == ("attack", ["kriegsmuede"], "frage")
    # drop onto the edge of the relation 'nein' (sieg-putin attacks frage): an undercut
    qtbot.waitUntil(lambda: not scene.layout_pending, timeout=15000)
    edge = next(e for e in scene.edge_items if e.relation_key == "nein")
    mid = edge.path().pointAtPercent(0.5)
    view.centerOn(mid)
    _drag(qtbot, view, view.mapFromScene(src.pos()), view.mapFromScene(mid),
          Qt.KeyboardModifier.ShiftModifier)
    ucut = doc.amap.relations[-1]
    assert (ucut.type, ucut.premises, ucut.target) == ("undercut", ["kriegsmuede"], "nein")


def test_linked_argument_toggle_reverse_copy_paste_auto_layout(qtbot, window, tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(DATA / "example.yaml", path)
    doc = open_and_settle(qtbot, window, path)
    scene = window.scene
    # two premises selected first, the target last: S makes a linked support
    scene.select_claims(["frage"])
    scene.claim_items["kriegsmuede"].setSelected(True)
    scene.claim_items["russland-benachteiligt"].setSelected(True)
    window.a_support.trigger()
    rel = doc.amap.relations[-1]
    assert rel.linked and rel.target == "russland-benachteiligt"
    assert rel.premises == ["frage", "kriegsmuede"]
    scene.select_relation("nein")
    window.a_toggle.trigger()
    assert doc.amap.relation_by_key("nein").type == "support"
    window.a_reverse.trigger()
    r = doc.amap.relation_by_key("nein")
    assert (r.premises, r.target) == (["frage"], "sieg-putin")
    scene.select_claims(["sieg-putin", "frage"])
    window.a_copy.trigger()
    window.a_paste.trigger()
    assert {"sieg-putin-2", "frage-2"} <= set(doc.amap.claims)
    assert doc.amap.relation_by_key("frage-2-support-sieg-putin-2") is not None
    assert doc.amap.claims["kriegsmuede"].pos is not None
    window.a_auto.trigger()
    assert all(c.pos is None for c in doc.amap.claims.values())
    n = doc.undo_stack.count()
    for _ in range(n):
        window.a_undo.trigger()
    assert doc.amap.claims["kriegsmuede"].pos == (660.0, 150.0)
    assert "sieg-putin-2" not in doc.amap.claims
    QGuiApplication.clipboard().clear()  # the offscreen platform crashes at exit otherwise


def test_english_switch_and_legend(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    item = window.scene.claim_items["sieg-fuer-putin"]
    assert item.box.lines[0].startswith("Ein Waffenstillstand")
    window.a_english.trigger()
    assert item.box.lines[0].startswith(doc.amap.claims["sieg-fuer-putin"].en.split()[0])
    assert window.view.legend.isVisible()
    window.a_legend.trigger()
    assert not window.view.legend.isVisible()


def test_evaluation_colours_claims_follows_edits_and_what_if(qtbot, window, tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(DATA / "example.yaml", path)
    doc = open_and_settle(qtbot, window, path)
    scene, menu = window.scene, window.evaluation_menu
    items = scene.claim_items
    assert all(i.label is None for i in items.values())
    menu.a_toggle.trigger()
    # grounded: 'sieg-putin' stands unattacked (its undercut reason does not take it
    # down) and defeats 'frage'
    assert (items["sieg-putin"].label, items["frage"].label) == ("IN", "OUT")
    assert items["kriegsmuede"].badge.text == "IN"
    assert window.view.legend.evaluation == "Semantik grounded"
    # the inspector says why, with the claim named as a link
    window.select_claim("sieg-putin")
    shown = window.inspector.label_view.text()
    assert "IN" in shown and "href='claim:kriegsmuede'" in shown
    # an edit re-labels at once: without the attack 'nein' the question stands
    scene.select_relation("nein")
    window.a_delete.trigger()
    assert (items["sieg-putin"].label, items["frage"].label) == ("IN", "IN")
    window.a_undo.trigger()
    assert (items["sieg-putin"].label, items["frage"].label) == ("IN", "OUT")
    # what if 'sieg-putin' is rejected? its attack loses its force
    window.select_claim("sieg-putin")
    menu.a_reject.trigger()
    assert items["sieg-putin"].badge.text.startswith("OUT (")
    assert (items["sieg-putin"].label, items["frage"].label) == ("OUT", "IN")
    assert window.view.evaluation.assume == {"sieg-putin": "rejected"}
    assert doc.undo_stack.isClean()  # an assumption is the reader's, not the map's
    # the SVG export carries the colouring, as drawn
    out = tmp_path / "m.svg"
    assert window.export("svg", path=str(out))
    svg = out.read_text(encoding="utf-8")
    assert 'id="claim-sieg-putin" class="claim kind-thesis' in svg
    assert "label-OUT" in svg.split('id="claim-sieg-putin"')[1].split(">")[0]
    menu.a_clear.trigger()
    # preferred runs in a worker; the colours come when it is done
    menu.semantics_actions["preferred"].trigger()
    qtbot.waitUntil(lambda: not window.view.evaluation.running, timeout=10000)
    assert window.view.evaluation.count() == 1
    assert items["sieg-putin"].label == "IN"
    menu.a_toggle.trigger()
    assert all(i.label is None for i in items.values())


def test_import_argdown_and_aif_as_new_unsaved_maps_and_export_them(qtbot, window, tmp_path):
    from argmap.interchange import import_file
    from conftest import SHARED

    corpora = SHARED / "corpora"
    if not corpora.is_dir():
        pytest.skip(f"the shared corpora are not at {corpora}")
    src = corpora / "argdown" / "ArgVu-demo.argdown"
    doc = window.import_file(str(src))
    qtbot.waitUntil(lambda: not window.scene.layout_pending, timeout=15000)
    expected = import_file(str(src))
    assert doc.path is None and doc.dirty and window.isWindowModified()
    assert set(window.scene.claim_items) == set(expected.map.claims)
    # what did not fit is listed as the map's problems (the importer's warnings)
    doc.wait_for_problems()
    assert len(expected.warnings) == 4
    assert all(w in doc.problems for w in expected.warnings)
    assert doc.suggested_path.endswith("ArgVu-demo.yaml")
    # Export → Argdown / AIF / GraphML, each read back to the same claims and relations
    for fmt, ext in (("argdown", "argdown"), ("aif", "json")):
        out = tmp_path / f"back.{ext}"
        assert window.export(fmt, path=str(out))
        back = import_file(str(out)).map
        assert len(back.claims) == len(doc.amap.claims)
        assert len(back.relations) == len(doc.amap.relations)
    assert window.export("graphml", path=str(tmp_path / "g.graphml"))
    assert "<graphml" in (tmp_path / "g.graphml").read_text(encoding="utf-8")
    aif = window.import_file(str(corpora / "aif" / "nodeset6361.json"))
    assert aif is not None and window.tabs.count() == 2 and len(aif.amap.claims) > 0


@pytest.fixture
def window_with_sources(qtbot, tmp_path):

    if not ARTICLES.is_dir():
        pytest.skip(f"the articles are not at {ARTICLES}")
    load_fonts()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, sources_dir=str(ARTICLES))
    qtbot.addWidget(w, before_close_func=_mark_clean)
    w.resize(1300, 850)
    w.show()
    return w


def test_source_pane_highlights_quote_selects_by_click_and_makes_claims(
        qtbot, window_with_sources, mapfile):
    from argmap.quotes import normalise

    window = window_with_sources
    doc = open_and_settle(qtbot, window, mapfile)
    pane = window.source_pane
    cid = next(c for c, cl in doc.amap.claims.items() if cl.quote and cl.source)
    window.select_claim(cid)
    claim = doc.amap.claims[cid]
    assert doc.amap.sources[claim.source].title in pane.header.text()
    # the selected claim's quote is highlighted, exactly
    a, b = pane.quote_span()
    cursor = pane.edit.textCursor()
    cursor.setPosition(a)
    cursor.setPosition(b, cursor.MoveMode.KeepAnchor)
    assert normalise(cursor.selectedText().replace("\u2029", " ")) == normalise(claim.quote)
    strong = pane.edit.extraSelections()[-1]
    assert (strong.cursor.selectionStart(), strong.cursor.selectionEnd()) == (a, b)
    assert len(pane.spans) == sum(1 for c in doc.amap.claims.values() if c.quote)
    # clicking another claim's highlighted span selects that claim on the canvas
    other = next(c for c in pane.spans if c != cid)
    oa, ob = pane.spans[other]
    cursor.setPosition((oa + ob) // 2)
    pane.edit.setTextCursor(cursor)
    pane.edit.ensureCursorVisible()
    point = pane.edit.cursorRect(cursor).center()
    qtbot.mouseClick(pane.edit.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.scene.selected_claims() == [other]
    # select text in the pane: a new claim with that quote and source, in edit mode
    cursor = pane.edit.textCursor()
    cursor.setPosition(oa)
    cursor.setPosition(oa + 20, cursor.MoveMode.KeepAnchor)
    pane.edit.setTextCursor(cursor)
    picked = pane.selected_quote()
    n = len(doc.amap.claims)
    pane.a_new.trigger()
    new = window.scene.selected_claims()[0]
    made = doc.amap.claims[new]
    assert (made.quote, made.source, made.text) == (
        picked, doc.amap.claims[other].source, picked)
    assert window.view.editor is not None  # to shorten the text right away
    qtbot.keyClick(window.view.editor, Qt.Key.Key_Escape)
    window.a_undo.trigger()
    assert len(doc.amap.claims) == n and new not in doc.amap.claims


def test_source_pane_without_sources_folder_shows_details(qtbot, window, mapfile,
                                                          monkeypatch):
    monkeypatch.delenv("ARGMAP_SOURCES")
    doc = open_and_settle(qtbot, window, mapfile)
    cid = next(c for c, cl in doc.amap.claims.items() if cl.source)
    window.select_claim(cid)
    pane = window.source_pane
    src = doc.amap.source_of(doc.amap.claims[cid])
    text = pane.header.text()
    # the copy's header names the articles' folder absolutely: not read unless chosen
    assert src.title.split()[0] in text and "it is not read unless it is chosen" in text
    assert not pane.edit.isVisible() and pane.spans == {}
    doc.amap.source_folder = ""
    window.select_claim(None)
    window.select_claim(cid)
    assert "no sources folder is set" in pane.header.text()


def test_quote_not_found_is_listed_with_the_nearest_passage_as_a_fix(
        qtbot, window_with_sources, mapfile):
    from argmap.mapio import load_file
    from argmap.quotes import normalise
    from argmap.savefile import save_map

    loaded = load_file(str(mapfile))
    cid, claim = next((c, cl) for c, cl in loaded.map.claims.items()
                      if cl.quote and len(cl.quote.split()) >= 5)
    original = claim.quote
    words = original.split()
    words[2] = words[2] + "x"
    loaded.map.claims[cid].quote = " ".join(words)
    save_map(loaded.map, str(mapfile), loaded.text)
    window = window_with_sources
    doc = open_and_settle(qtbot, window, mapfile)
    doc.wait_for_problems()
    # the problems dock names the claim and the nearest passage, with a fix
    problems = window.problems
    rows = [problems.list.item(i) for i in range(problems.list.count())]
    [row] = [r for r in rows if "quote not found" in r.text()]
    assert f"claim '{cid}'" in row.text() and "nearest passage, line " in row.text()
    assert problems.fix.isVisibleTo(problems) and not problems.fix.isEnabled()
    problems.list.setCurrentItem(row)
    assert problems.fix.isEnabled()
    # the inspector says so too, and offers the passage
    window.select_claim(cid)
    status = window.inspector.quote_source.text()
    assert "Quote not found in the article." in status and "Use this passage" in status
    # the source pane underlines the nearest passage and says why
    pane = window.source_pane
    assert pane.quote_span() is None and pane.near is not None
    assert pane.status.isVisibleTo(pane)
    cursor = pane.edit.textCursor()
    cursor.setPosition(pane.near[0])
    cursor.setPosition(pane.near[1], cursor.MoveMode.KeepAnchor)
    assert normalise(cursor.selectedText().replace("\u2029", " ")) == \
        normalise(doc.quote_fixes[cid].suggestion.text)
    qtbot.mouseClick(problems.fix, Qt.MouseButton.LeftButton)
    fixed = doc.amap.claims[cid].quote
    assert normalise(fixed) == normalise(original)
    assert doc.undo_stack.undoText() == "Use Nearest Passage as Quote"
    doc.wait_for_problems()
    assert not any("quote not found" in d.message for d in doc.problems)
    assert "Quote not found" not in window.inspector.quote_source.text()
    assert not problems.fix.isVisibleTo(problems)
    assert pane.near is None and pane.quote_span() is not None
    assert not pane.status.isVisibleTo(pane)
    # undo brings the wrong quote (and its problem) back; the inspector's link fixes it too
    doc.undo_stack.undo()
    assert doc.amap.claims[cid].quote == " ".join(words)
    doc.wait_for_problems()
    assert cid in doc.quote_fixes
    window.inspector.quote_source.linkActivated.emit("fix-quote:")
    assert normalise(doc.amap.claims[cid].quote) == normalise(original)


def test_source_folder_named_in_the_header_feeds_the_pane(qtbot, window, mapfile):
    from argmap.commands import SetHeader
    from conftest import ARTICLES

    if not ARTICLES.is_dir():
        pytest.skip(f"the articles are not at {ARTICLES}")
    text = mapfile.read_text(encoding="utf-8")
    assert f"source_folder: {ARTICLES}\n" in text
    # the same folder, named from where this copy of the map lies (outside its folder,
    # and read because $ARGMAP_SOURCES names it)
    mapfile.write_text(text.replace(
        f"source_folder: {ARTICLES}",
        f"source_folder: {os.path.relpath(ARTICLES, mapfile.parent)}"), encoding="utf-8")
    assert window.sources_dir is None
    doc = open_and_settle(qtbot, window, mapfile)
    cid = next(c for c, cl in doc.amap.claims.items() if cl.quote and cl.source)
    window.select_claim(cid)
    pane = window.source_pane
    assert pane.edit.isVisible() and pane.quote_span() is not None
    assert "not shown" not in pane.header.text()
    doc.wait_for_problems()
    assert doc.problems == []
    # a folder without the article: the pane says so, the problems list warns
    empty = mapfile.parent / "leer"
    empty.mkdir()
    doc.push(SetHeader(doc.amap, "source_folder", "leer"))
    doc.wait_for_problems()
    [warn] = doc.problems
    assert not warn.is_error and "article file '000_a665b2f72e902db6.txt' not found in " \
        f"{empty}; its quotes are not checked" in warn.message


def test_zoom_keeps_the_centre_from_the_keyboard_and_the_point_under_the_wheel(
        qtbot, window, mapfile):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    open_and_settle(qtbot, window, mapfile)
    view, scene = window.view, window.scene
    view.set_zoom(0.8)
    item = scene.claim_items["kofman-russland-profitiert"]
    view.centerOn(item)
    qtbot.mouseMove(view.viewport(), QPoint(5, 5))   # the pointer far from the centre

    def centre():
        return view.mapToScene(view.viewport().rect().center())

    for action in (window.a_zoom_in, window.a_zoom_in, window.a_zoom_out, window.a_zoom_reset):
        action.trigger()
        d = centre() - item.pos()
        assert abs(d.x()) < 6 and abs(d.y()) < 6, (action.text(), d)
    assert view.zoom() == pytest.approx(1.0)
    at = QPoint(view.viewport().width() // 4, view.viewport().height() // 3)
    before = view.mapToScene(at)
    wheel = QWheelEvent(QPointF(at), QPointF(view.viewport().mapToGlobal(at)), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(1.15)
    after = view.mapToScene(at)
    assert abs(after.x() - before.x()) < 3 and abs(after.y() - before.y()) < 3


def test_right_click_menu_for_a_claim_a_relation_and_the_map(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    view, scene = window.view, window.scene
    view.set_zoom(1.0)
    item = scene.claim_items["kofman-russland-profitiert"]
    view.centerOn(item)
    at = view.mapFromScene(item.pos())
    menu = window.canvas_menu(view, at)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert "&Edit Text" in texts and "&Delete" in texts and "Show Source &Text" in texts
    assert scene.selected_claims() == ["kofman-russland-profitiert"]
    # an edge: its relation is selected, the menu is about relations
    edge = next(e for e in scene.edge_items if e.tip is not None)
    mid = edge.path().pointAtPercent(0.5)
    view.centerOn(mid)
    menu = window.canvas_menu(view, view.mapFromScene(mid))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert "&Toggle Support/Attack" in texts and "&Edit Text" not in texts
    assert scene.selected_relations() == [edge.relation_key]
    # empty canvas: add a claim where the click was
    empty = scene.sceneRect().topLeft() + QPoint(60, 60)
    view.centerOn(empty)
    spot = view.mapFromScene(empty)
    assert not [i for i in view.items(spot) if isinstance(i, ClaimItem)]
    menu = window.canvas_menu(view, spot)
    add = next(a for a in menu.actions() if a.text() == "Add Claim &Here")
    before = set(doc.amap.claims)
    add.trigger()
    [new] = set(doc.amap.claims) - before
    pos = scene.claim_items[new].pos()
    assert abs(pos.x() - empty.x()) < 2 and abs(pos.y() - empty.y()) < 2
    if window.view.editor is not None:
        window.view.editor.commit()
    # a right click that drags pans and shows no menu
    shown = []
    view.contextMenuAt.disconnect()
    view.contextMenuAt.connect(shown.append)
    centre = view.viewport().rect().center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.RightButton, pos=centre)
    qtbot.mouseMove(view.viewport(), centre + QPoint(40, 30))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.RightButton, pos=centre + QPoint(40, 30))
    assert shown == []
    qtbot.mousePress(view.viewport(), Qt.MouseButton.RightButton, pos=centre)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.RightButton, pos=centre)
    assert shown == [centre]
