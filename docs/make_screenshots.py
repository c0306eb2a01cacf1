"""Take the README's screenshots of the real window (run under xvfb-run).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from argmap.gui.fonts import load_fonts  # noqa: E402
from argmap.gui.main_window import MainWindow  # noqa: E402

OUT = os.path.join(ROOT, "docs")


def wait(app: QApplication, ms: int) -> None:
    end = QTimer()
    end.setSingleShot(True)
    end.start(ms)
    while end.isActive():
        app.processEvents()


def shot(app: QApplication, window: MainWindow, name: str) -> None:
    wait(app, 400)
    window.grab().save(os.path.join(OUT, name))
    print(os.path.join(OUT, name))


def schemes_shot(app: QApplication, w: MainWindow) -> None:
    """The inspector of a relation with its scheme, its premises' roles and its
    critical questions (granted, answered no, open)."""
    from argmap.critical_questions import question_states
    w.open_file(os.path.join(ROOT, "maps", "2024-05-putins-angebot-verhandlungen.yaml"))
    while w.scene.layout_pending:
        wait(app, 100)
    wait(app, 600)
    states = question_states(w.doc.amap)
    if not states:
        return
    key = max(states, key=lambda k: (any(s.state == "no" for s in states[k]),
                                     sum(s.state != "open" for s in states[k])))
    rel = w.doc.amap.relation_by_key(key)
    w.inspector_dock.show()
    w.inspector_dock.raise_()
    w.resizeDocks([w.inspector_dock], [620], Qt.Orientation.Horizontal)
    w.scene.select_claims([rel.target if rel.type != "undercut" else rel.premises[0]],
                          center=True)
    w.scene.select_relation(key)
    shot(app, w, "screenshot-schemes.png")


def main() -> int:
    app = QApplication(sys.argv[:1])
    load_fonts()
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    articles = os.path.join(os.path.dirname(ROOT), "shared", "articles")
    w = MainWindow(settings, sources_dir=articles if os.path.isdir(articles) else None)
    w.resize(1600, 1000)
    w.show()
    w.open_path(os.path.join(ROOT, "maps"))
    w.open_file(os.path.join(ROOT, "maps", "2025-08-alaska-gipfel-putin-trump.yaml"))
    while w.scene.layout_pending:
        wait(app, 100)
    wait(app, 600)
    shot(app, w, "screenshot-main.png")
    first = next(c for c, cl in w.doc.amap.claims.items() if cl.speaker == "Michael Carpenter")
    w.scene.select_claims([first], center=True)
    shot(app, w, "screenshot-inspector.png")
    w.add_claim()
    wait(app, 300)
    w.view.editor.setPlainText("Ein neuer Einwand, direkt im Bild getippt")
    shot(app, w, "screenshot-edit.png")
    w.view.editor.commit()
    w.doc.undo_stack.setClean()
    w.open_file(os.path.join(ROOT, "maps", "2025-03-kreml-prueft-waffenruhe.yaml"))
    while w.scene.layout_pending:
        wait(app, 100)
    w.evaluation_menu.set_enabled(True)
    wait(app, 300)
    ev = w.view.evaluation
    out = [c for c in w.doc.amap.claims if (ev.why(c) or ("",))[0] == "OUT"]
    if out:
        w.scene.select_claims([out[0]], center=True)
    shot(app, w, "screenshot-evaluate.png")
    w.evaluation_menu.set_enabled(False)
    w.open_file(os.path.join(ROOT, "maps", "2022-11-waffenstillstand-sieg-fuer-putin.yaml"))
    while w.scene.layout_pending:
        wait(app, 100)
    w.history_dock.raise_()   # the source pane gets the height
    w.inspector_dock.hide()
    w.history_dock.hide()
    cid = next(c for c, cl in w.doc.amap.claims.items() if cl.speaker == "Michael Kofman")
    w.scene.select_claims([cid], center=True)
    shot(app, w, "screenshot-source.png")
    # a quote mistyped: the Problems dock and the inspector offer the article's passage
    from argmap.commands import SetClaimField
    quote = w.doc.amap.claims[cid].quote
    w.doc.push(SetClaimField(w.doc.amap, cid, "quote", quote.replace("e", "a", 2)))
    w.inspector_dock.show()
    w.problems_dock.show()
    w.doc.wait_for_problems()
    w.scene.select_claims([cid], center=True)
    w.resizeDocks([w.inspector_dock, w.source_dock], [560, 250], Qt.Orientation.Vertical)
    w.problems.list.setCurrentRow(0)
    wait(app, 300)
    shot(app, w, "screenshot-quote-fix.png")
    w.doc.undo_stack.undo()
    w.doc.undo_stack.setClean()
    schemes_shot(app, w)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
