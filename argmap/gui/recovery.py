"""Keeping one open map's unsaved edits in a recovery file, off the GUI thread.

A few seconds after the last edit the map is copied (a cheap snapshot) and a
worker writes it; saving, going back to the saved state, or closing removes
the file.  Writes and removals run in order on one worker thread, and a write
that a later removal overtook is dropped, so a saved map never leaves a stale
recovery file behind.
"""

from __future__ import annotations

import os
import threading

import shiboken6
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer

from .. import recovery

if TYPE_CHECKING:
    from .document import MapDocument

#: how long after the last edit the recovery file is written
DELAY_MS = int(os.environ.get("ARGMAP_RECOVERY_DELAY_MS", "2500"))

_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """One worker thread for every map, so writes and removals keep their order."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)
    return _pool


def wait() -> None:
    """Block until every pending write or removal is done (quitting, tests)."""
    if _pool is not None:
        _pool.waitForDone()


class _Job(QRunnable):
    def __init__(self, keeper: "RecoveryKeeper", generation: int, action) -> None:
        super().__init__()
        self.keeper, self.generation, self.action = keeper, generation, action

    def run(self) -> None:
        with self.keeper.lock:
            if self.generation != self.keeper.generation:
                return      # something newer was asked for meanwhile
            try:
                self.action()
            except OSError:
                pass        # a full disk must not stop the editing; the file may be stale


class RecoveryKeeper(QObject):
    """Writes ``doc``'s content to its recovery entry while it has unsaved edits."""

    def __init__(self, doc: "MapDocument", key: str | None = None) -> None:
        super().__init__(doc)
        self.doc = doc
        self.folder = recovery.recovery_dir()
        self.key = key or recovery.key_for(doc.path)
        self.lock = threading.Lock()
        self.generation = 0
        self.written = False
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.write_now)
        doc.undo_stack.indexChanged.connect(self._on_edit)
        doc.undo_stack.cleanChanged.connect(self._on_clean)
        doc.pathChanged.connect(self._on_path)

    def _alive(self) -> bool:
        # the stack signals while it is taken down with its map: nothing to keep then
        return shiboken6.isValid(self.doc.undo_stack) and not self.doc.closed

    def _on_edit(self, _index: int) -> None:
        if self._alive() and self.doc.dirty:
            self._timer.start()

    def _on_clean(self, clean: bool) -> None:
        if clean and self._alive():
            self.discard()

    def _on_path(self) -> None:
        # saved under a new name: the old entry goes, the next one has the new name
        self.discard()
        self.key = recovery.key_for(self.doc.path)

    def _submit(self, action) -> None:
        with self.lock:
            self.generation += 1
            generation = self.generation
        pool().start(_Job(self, generation, action))

    def write_now(self) -> None:
        """Write the entry now (in the worker) if the map has unsaved edits."""
        self._timer.stop()
        doc = self.doc
        if doc.closed or not doc.dirty:
            return
        snapshot = doc.snapshot()
        key, folder, path = self.key, self.folder, doc.path
        base = doc.base_hash
        self.written = True
        self._submit(lambda: recovery.write(key, snapshot, path, base, folder))

    def discard(self) -> None:
        """Remove the entry (saved, discarded or back at the saved state)."""
        self._timer.stop()
        if not self.written:
            return
        self.written = False
        key, folder = self.key, self.folder
        self._submit(lambda: recovery.remove(key, folder))


# -- after a crash: offer what was kept -------------------------------------------
def ask_restore(window, entry: recovery.Entry) -> str:
    """'restore', 'discard' or 'later' (the entry stays for the next start)."""
    import time

    from PySide6.QtWidgets import QMessageBox

    translate = QCoreApplication.translate
    name = entry.path or translate("Recovery", "the new map “{title}”").format(
        title=entry.title)
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.written))
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("Recovery", "Restore unsaved edits"),
                      translate("Recovery", "argmap was closed without saving edits to\n{map}\n"
                                "(last edit {when}).\n\nRestore them? They open as unsaved "
                                "changes; the file on disk is not touched until you "
                                "save.").format(map=name, when=when), parent=window)
    restore = box.addButton(translate("Recovery", "&Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("Recovery", "&Discard Edits"),
                            QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(translate("Recovery", "&Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    return "restore" if clicked is restore else "discard" if clicked is discard else "later"


def offer_recovery(window, folder: str | None = None) -> list["MapDocument"]:
    """Offer every recovery entry whose app is gone; returns the restored maps."""
    restored = []
    for entry in recovery.orphans(folder):
        answer = window.ask_restore(entry)
        if answer == "discard":
            entry.remove()
        elif answer == "restore":
            doc = restore(window, entry)
            if doc is not None:
                restored.append(doc)
    return restored


def restore(window, entry: recovery.Entry) -> "MapDocument | None":
    """Open the kept edits as unsaved changes of their map file."""
    from PySide6.QtWidgets import QMessageBox

    from .document import MapDocument, read_disk_text

    try:
        loaded = entry.load()
    except (OSError, UnicodeDecodeError) as exc:
        QMessageBox.warning(window, QCoreApplication.translate("Recovery", "Cannot restore"),
                            f"{entry.content_file}: {exc}")
        return None
    if loaded.map is None:
        QMessageBox.warning(window, QCoreApplication.translate("Recovery", "Cannot restore"),
                            "\n".join(str(d) for d in loaded.diagnostics[:8]))
        return None
    path = entry.path if entry.path else None
    for i, view in enumerate(window.views()):       # opened already: replace a clean tab
        doc = view.map_scene.doc
        if path and doc.path and os.path.realpath(doc.path) == os.path.realpath(path):
            if doc.dirty:
                return None
            window.tabs.setCurrentIndex(i)
            window.close_tab(i)
            break
    disk_text = read_disk_text(path) if path and os.path.exists(path) else None
    doc = MapDocument(loaded.map, path if disk_text is not None else None, disk_text,
                      [], window)
    if path and disk_text is None:
        doc.suggested_path = path           # the file is gone: Save asks where
    if disk_text is not None and recovery.text_hash(disk_text) != entry.base_hash:
        doc.expected_hash = entry.base_hash  # changed since: saving asks first
    doc.recovery.key, doc.recovery.written = entry.key, True
    doc.undo_stack.resetClean()             # unsaved, until saved or discarded
    window._add_tab(doc)
    doc.recovery.write_now()
    window.statusBar().showMessage(QCoreApplication.translate(
        "Recovery", "Restored unsaved edits of {title}.").format(title=doc.title), 8000)
    return doc
