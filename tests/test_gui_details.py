"""Smaller defects found by using the app as a new user would."""

import re
from collections import defaultdict

from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from argmap.gui.main_window import MainWindow

from conftest import ROOT
from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401


def test_the_source_pane_follows_the_current_map(qtbot, window, mapfile, monkeypatch):
    doc = open_and_settle(qtbot, window, mapfile)
    window.set_sources_dir(str(ROOT.parent / "shared" / "articles"), remember=False)
    cid = next(c for c, cl in doc.amap.claims.items() if cl.source and cl.quote)
    window.scene.select_claims([cid])
    assert window.source_pane.source is not None
    monkeypatch.setattr(window.map_menu, "open_properties", lambda then=None: then and then())
    window.new_map()
    new = window.doc
    window.view.commit_editor()
    assert new is not doc and window.source_pane.source is None
    claim = next(iter(new.amap.claims))
    window.scene.select_claims([claim])
    assert window.source_pane.quote_target() is None
    window.set_quote(claim, "ein Satz aus dem anderen Artikel")
    assert new.amap.claims[claim].quote == ""
    # closing every map empties the pane
    for d in (new, doc):
        d.undo_stack.setClean()
    while window.tabs.count():
        window.close_tab(0)
    assert window.source_pane.source is None and window.source_pane.amap is None


def test_a_claim_without_source_gets_the_article_with_its_quote(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    window.set_sources_dir(str(ROOT.parent / "shared" / "articles"), remember=False)
    cid = next(c for c, cl in doc.amap.claims.items() if cl.source and cl.quote)
    window.scene.select_claims([cid])
    src = window.source_pane.source
    bare = next(c for c, cl in doc.amap.claims.items() if not cl.ref and c != cid)
    doc.amap.claims[bare].source = ""
    window.scene.select_claims([bare])
    assert window.source_pane.source is src and window.source_pane.quote_target() == bare
    window.set_quote(bare, "ein Satz")
    assert (doc.amap.claims[bare].source, doc.amap.claims[bare].quote) == (src.id, "ein Satz")
    doc.undo_stack.undo()
    assert doc.amap.claims[bare].quote != "ein Satz"


def test_the_evaluation_reason_is_not_clipped(qtbot, window, mapfile):
    open_and_settle(qtbot, window, mapfile)
    window.evaluation_menu.a_toggle.trigger()
    qtbot.wait(100)
    window.scene.select_claims(["sieg-fuer-putin"])
    qtbot.wait(50)
    label = window.inspector.label_view
    assert label.isVisible() and label.text()
    assert label.height() >= label.heightForWidth(label.width())
    ident = window.inspector.id_label
    assert ident.height() <= ident.fontMetrics().height() * 1.6
    window.evaluation_menu.a_toggle.trigger()


def test_toggle_keeps_the_relation_selected_so_t_then_r_works(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    rel = next(r for r in doc.amap.relations if r.type == "support" and not r.linked)
    window.scene.select_relation(rel.key)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_T)
    assert rel.type == "attack"
    assert window.scene.selected_relations() == [rel.key]
    premise, target = rel.premises[0], rel.target
    qtbot.keyClick(window.view, Qt.Key.Key_R)
    assert (rel.premises, rel.target) == ([target], premise) or \
        any(r.premises == [target] and r.target == premise for r in doc.amap.relations)


def test_pasting_three_lines_makes_three_claims(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    before = len(doc.amap.claims)
    mime = QMimeData()
    mime.setText("- Erstens gilt das\n- Zweitens jenes\n\n3. Drittens noch mehr\n")
    QGuiApplication.clipboard().setMimeData(mime)
    window.paste()
    QGuiApplication.clipboard().clear()
    assert len(doc.amap.claims) == before + 3
    texts = [c.text for c in list(doc.amap.claims.values())[-3:]]
    assert texts == ["Erstens gilt das", "Zweitens jenes", "Drittens noch mehr"]
    assert doc.undo_stack.count() == 1


def test_no_menu_mnemonic_is_used_twice(window):
    def check(menu, where):
        seen = defaultdict(list)
        for a in menu.actions():
            m = re.search(r"&(\w)", a.text())
            if m:
                seen[m.group(1).lower()].append(a.text())
            if a.menu():
                check(a.menu(), a.text())
        clashes = {k: v for k, v in seen.items() if len(v) > 1}
        assert not clashes, f"{where}: {clashes}"
    check(window.menuBar(), "menu bar")


def test_default_layout_leaves_a_usable_canvas_in_a_small_window(qtbot, tmp_path, mapfile):
    w = MainWindow(QSettings(str(tmp_path / "small.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(640, 420)
    w.show()
    qtbot.waitExposed(w)
    open_and_settle(qtbot, w, mapfile)
    qtbot.wait(50)
    vp = w.view.viewport()
    assert vp.width() >= 300 and vp.height() >= 250
    assert w.dockWidgetArea(w.problems_dock) != Qt.DockWidgetArea.BottomDockWidgetArea
    assert not w.view.legend.isVisible()        # it would cover a small canvas
    w.resize(1300, 850)
    qtbot.wait(50)
    assert w.source_dock.height() >= 150


def test_the_legend_gives_way_to_the_pointer(qtbot, window, mapfile):
    open_and_settle(qtbot, window, mapfile)
    view = window.view
    assert view.legend.isVisible()
    inside = view.legend.geometry().center() - view.viewport().pos()
    qtbot.mouseMove(view.viewport(), inside)
    qtbot.waitUntil(lambda: not view.legend.isVisible(), timeout=2000)
    qtbot.mouseMove(view.viewport(), QPoint(view.viewport().width() // 2, 20))
    qtbot.waitUntil(view.legend.isVisible, timeout=2000)


def test_a_failed_open_from_another_folder_keeps_the_maps_list(qtbot, window, mapfile, tmp_path,
                                                               monkeypatch):
    window.open_path(str(mapfile.parent))
    listed = window.browser.folder
    bad = tmp_path / "elsewhere"
    bad.mkdir()
    (bad / "kaputt.yaml").write_text("argmap: 1\nclaims: [\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[1]))
    window.open_path(str(bad / "kaputt.yaml"))
    assert shown and window.browser.folder == listed
