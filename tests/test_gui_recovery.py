"""Unsaved edits survive a crash (a real process killed with SIGKILL), and a save
never silently overwrites a change made on disk since the map was read."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from argmap import recovery
from argmap.commands import SetClaimField
from argmap.gui import recovery as gui_recovery
from argmap.gui.main_window import MainWindow
from argmap.mapio import load_file

from conftest import ROOT
from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401

CLAIM = "sieg-fuer-putin"

EDIT_AND_WAIT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from argmap.gui.fonts import load_fonts
    from argmap.gui.main_window import MainWindow
    load_fonts()
    w = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
    w.resize(1200, 800)
    w.show()
    w.activateWindow()
    QTest.qWaitForWindowActive(w)
    doc = w.open_file(sys.argv[1])

    def edit():
        w.scene.select_claims(["sieg-fuer-putin"])
        w.view.setFocus()
        QTest.keyClick(w.view, Qt.Key.Key_F2)
        w.view.editor.selectAll()
        QTest.keyClicks(w.view.editor, "Nach dem Absturz noch da")
        QTest.keyClick(w.view.editor, Qt.Key.Key_Return)
        print("edited", doc.dirty, flush=True)
    QTimer.singleShot(300, edit)
    app.exec()
""")


def _wait_for(predicate, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_edits_of_a_killed_app_are_offered_and_restored(qtbot, window, mapfile, tmp_path,
                                                        monkeypatch):
    folder = os.environ["ARGMAP_RECOVERY_DIR"]
    before = mapfile.read_text(encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ARGMAP_RECOVERY_DELAY_MS="300",
               PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", EDIT_AND_WAIT, str(mapfile),
                             str(tmp_path / "other.ini")], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert _wait_for(lambda: recovery.entries(folder) or proc.poll() is not None), \
            "no recovery file was written"
        assert proc.poll() is None, proc.stderr.read()
        # while the app that wrote it runs, it is not offered anywhere else
        assert recovery.entries(folder) and not recovery.orphans(folder)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert mapfile.read_text(encoding="utf-8") == before      # nothing saved
    asked = []
    monkeypatch.setattr(window, "ask_restore", lambda entry: asked.append(entry) or "restore")
    restored = window.offer_recovery()
    assert len(asked) == 1 and asked[0].path == str(mapfile)
    assert len(restored) == 1
    doc = window.doc
    assert doc is restored[0] and doc.path == str(mapfile)
    assert doc.amap.claims[CLAIM].text == "Nach dem Absturz noch da"
    assert doc.dirty and "•" in window.tabs.tabText(0)
    assert mapfile.read_text(encoding="utf-8") == before
    assert window.save()
    text = mapfile.read_text(encoding="utf-8")
    assert "Nach dem Absturz noch da" in text
    # a minimal diff: the one claim's text line changed
    changed = [a for a, b in zip(before.splitlines(), text.splitlines()) if a != b]
    assert len(changed) == 1 and len(before.splitlines()) == len(text.splitlines())
    gui_recovery.wait()
    assert recovery.entries(folder) == []


def test_discarding_the_offer_removes_the_file(qtbot, window, mapfile):
    folder = os.environ["ARGMAP_RECOVERY_DIR"]
    amap = load_file(str(mapfile)).map
    amap.claims[CLAIM].text = "verworfen"
    recovery.write(recovery.key_for(str(mapfile)), amap, str(mapfile), "x", folder)
    meta = os.path.join(folder, recovery.key_for(str(mapfile)) + ".json")
    with open(meta, encoding="utf-8") as fh:
        data = fh.read().replace(f'"pid": {os.getpid()}', '"pid": 999999999')
    with open(meta, "w", encoding="utf-8") as fh:
        fh.write(data)
    window.ask_restore = lambda entry: "later"
    assert window.offer_recovery() == [] and recovery.orphans(folder)
    window.ask_restore = lambda entry: "discard"
    assert window.offer_recovery() == [] and recovery.entries(folder) == []


def test_unsaved_edits_are_kept_off_the_gui_thread_and_removed_on_save(qtbot, window,
                                                                       mapfile):
    folder = os.environ["ARGMAP_RECOVERY_DIR"]
    doc = open_and_settle(qtbot, window, mapfile)
    doc.push(SetClaimField(doc.amap, CLAIM, "text", "Zwischenstand"))
    assert doc.recovery._timer.isActive()      # written a few seconds after the edit
    doc.recovery.write_now()
    gui_recovery.wait()
    [entry] = recovery.entries(folder)
    assert entry.path == str(mapfile) and entry.pid == os.getpid()
    assert entry.load().map.claims[CLAIM].text == "Zwischenstand"
    doc.undo_stack.undo()                      # back at the saved state: nothing to keep
    gui_recovery.wait()
    assert recovery.entries(folder) == []
    doc.undo_stack.redo()
    doc.recovery.write_now()
    gui_recovery.wait()
    assert recovery.entries(folder)
    assert window.save()
    gui_recovery.wait()
    assert recovery.entries(folder) == []


def test_a_save_does_not_overwrite_a_change_made_on_disk(qtbot, window, mapfile, monkeypatch,
                                                         tmp_path):
    doc = open_and_settle(qtbot, window, mapfile)
    # another window of the same app has the same file open and saves first
    other = MainWindow(QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(other)
    other_doc = other.open_file(str(mapfile))
    other_doc.push(SetClaimField(other_doc.amap, CLAIM, "note", "aus dem anderen Fenster"))
    assert other.save()
    theirs = mapfile.read_text(encoding="utf-8")
    doc.push(SetClaimField(doc.amap, CLAIM, "text", "meine Fassung"))
    asked = []
    monkeypatch.setattr(window, "ask_conflict", lambda d, m: asked.append(m) or "cancel")
    assert not window.save()
    assert asked and "changed on disk" in asked[0]
    assert mapfile.read_text(encoding="utf-8") == theirs and doc.dirty
    # save under a new name: both versions exist
    copy = tmp_path / "meine.yaml"
    monkeypatch.setattr(window, "ask_conflict", lambda d, m: "save-as")
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    assert window.save()
    assert mapfile.read_text(encoding="utf-8") == theirs
    assert load_file(str(copy)).map.claims[CLAIM].text == "meine Fassung"
    other_doc.undo_stack.setClean()


def test_overwrite_after_a_change_on_disk_is_asked_for(qtbot, window, mapfile, monkeypatch):
    doc = open_and_settle(qtbot, window, mapfile)
    doc.push(SetClaimField(doc.amap, CLAIM, "text", "meine Fassung"))
    # another program appends a comment (the watcher asks whether to reload: no)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    with open(mapfile, "a", encoding="utf-8") as fh:
        fh.write("# von Hand ergänzt\n")
    monkeypatch.setattr(window, "ask_conflict", lambda d, m: "overwrite")
    assert window.save()
    assert load_file(str(mapfile)).map.claims[CLAIM].text == "meine Fassung"
    assert not doc.dirty
    # once saved, the next save has nothing to ask
    doc.push(SetClaimField(doc.amap, CLAIM, "text", "zweite Fassung"))
    monkeypatch.setattr(window, "ask_conflict", lambda d, m: pytest.fail("asked again"))
    assert window.save()
