"""One open map: its model, file, undo stack, problems and disk watch."""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..commands import Command, SetClaimField
from ..coverage import MissingQuote, missing_quotes
from ..diagnostics import Diagnostic, sort_key
from ..fileformat import to_data
from ..mapio import Loaded, left_unread, load_file, load_text
from ..model import ArgumentMap
from ..quotes import source_folders
from ..sourcetext import find_source_text
from ..savefile import SaveError, save_map
from ..savepatch import prepare as prepare_save
from ..validate import check_data
from ..recovery import text_hash
from .recovery import RecoveryKeeper
from .undo import QtCommand


class SaveConflict(SaveError):
    """The file on disk changed since the map was read or last saved."""


class _CheckSignals(QObject):
    done = Signal(int, object)


class _CheckJob(QRunnable):
    """Validate a snapshot (unless ``structure`` is False) and look up its quotes."""

    def __init__(self, generation: int, amap: ArgumentMap, file: str, signals,
                 folders: list[str], structure: bool = True) -> None:
        super().__init__()
        self.generation, self.amap, self.file, self.signals = generation, amap, file, signals
        self.folders, self.structure = folders, structure

    def run(self) -> None:
        out: list[Diagnostic] = []
        if self.structure:
            out = check_data(to_data(self.amap), self.file, lambda path, key=False: (0, 0))
            for c in self.amap.claims.values():
                if c.ref and c.resolved is None:
                    out.append(Diagnostic("error", f"claim '{c.id}': reference '{c.ref}' "
                                          "cannot be resolved", self.file, subject=c.id))
        fixes = {m.claim: m for m in missing_quotes(self.amap, self.folders)}
        out += [quote_diagnostic(m, self.amap, self.file) for m in fixes.values()]
        if self.folders:
            for src in self.amap.sources.values():
                if src.file and find_source_text(self.folders, src.file) is None:
                    out.append(Diagnostic(
                        "warning", f"source '{src.id}': article file '{src.file}' not found "
                        f"in {' or '.join(self.folders)}; its quotes are not checked",
                        self.file))
        try:
            self.signals.done.emit(self.generation, (out, fixes, self.structure))
        except RuntimeError:
            pass  # the map was closed meanwhile


def read_disk_text(path: str) -> str | None:
    """A map file's text exactly as the loader reads it (no newline translation), so
    it compares equal to the text a map was read from; None if unreadable."""
    try:
        with open(path, "rb") as fh:
            return fh.read().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


class _PrepareSave(QRunnable):
    """Cut the file into its entries once, so the first save patches only what changed
    (at 5,000 claims: 0.3 s here instead of in the first save)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def run(self) -> None:
        prepare_save(self.text)


def quote_diagnostic(miss: MissingQuote, amap: ArgumentMap, file: str) -> Diagnostic:
    """The problem line for a quote not found, naming the nearest passage."""
    src = amap.sources.get(miss.source)
    where = f"'{miss.source}'" + (f" ({src.file})" if src and src.file else "")
    msg = f"claim '{miss.claim}': quote not found in source {where}"
    if miss.suggestion is not None:
        near = miss.suggestion.text
        near = near if len(near) <= 70 else near[:67] + "…"
        msg += (f"; nearest passage, line {miss.line} "
                f"({round(miss.suggestion.ratio * 100)} % alike): „{near}“")
    return Diagnostic("error", msg, file, subject=miss.claim)


class MapDocument(QObject):
    """The map of one tab.  Every change goes through :meth:`push`."""

    problemsChanged = Signal()
    pathChanged = Signal()
    dirtyChanged = Signal(bool)
    #: the model object was replaced (reload from disk)
    reloaded = Signal()
    #: the file changed on disk while there are unsaved edits
    externallyChanged = Signal()

    def __init__(self, amap: ArgumentMap | None = None, path: str | None = None,
                 text: str | None = None, load_problems: list[Diagnostic] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.amap = amap or ArgumentMap("Neue Karte")
        self.path = path
        #: where Save As starts for a map not read from a YAML file (e.g. imported)
        self.suggested_path: str | None = None
        #: what an importer could not represent; listed with the problems until saved
        self.import_warnings: list[Diagnostic] = []
        self.disk_text = text                    # what the file held when read or written
        self.load_problems = list(load_problems or [])
        self.had_errors = left_unread(self.load_problems)
        self.problems: list[Diagnostic] = list(self.load_problems)
        #: folder of the article texts the app was given (the map's header may name another)
        self.sources_dir: str | None = None
        #: claims whose quote is not in their article, by claim id, with the nearest passage
        self.quote_fixes: dict[str, MissingQuote] = {}
        self._generation = 0
        self._check_waiting = False
        self._version = 0
        self._snapshot: tuple[int, ArgumentMap] | None = None
        self._watch_model()
        self._checked = _CheckSignals(self)
        self._checked.done.connect(self._set_problems)
        self.undo_stack = QUndoStack(self)
        self._revalidate = QTimer(self, singleShot=True, interval=120)
        # bound methods, not lambdas: Qt drops them with this object, so a stack
        # outliving it for a moment (the window going down) emits into nothing
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self._revalidate.timeout.connect(self.validate)
        self.pathChanged.connect(self.validate)   # the header's folder is relative to it
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._watch()
        #: hash of what the file must hold for a save not to overwrite someone's change
        #: (None: what it held when read or last written)
        self.expected_hash: str | None = None
        self.recovery = RecoveryKeeper(self)
        if text:   # index the file for its first save now, off the GUI thread
            QThreadPool.globalInstance().start(_PrepareSave(text))

    # -- opening ------------------------------------------------------------
    @classmethod
    def open(cls, path: str, parent: QObject | None = None) -> tuple["MapDocument | None", Loaded]:
        loaded = load_file(path)
        if loaded.map is None:
            return None, loaded
        return cls(loaded.map, path, loaded.text, loaded.diagnostics, parent), loaded

    @property
    def title(self) -> str:
        return os.path.basename(self.path) if self.path else (self.amap.title or "Neue Karte")

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirtyChanged.emit(not clean)

    def _on_index_changed(self, _index: int) -> None:
        self._revalidate.start()

    #: set when its tab or window closed: a late commit (an editor losing focus as
    #: the window goes) must not touch a stack that is being taken down
    closed = False

    def close(self) -> None:
        """The tab goes (saved or discarded): stop everything, drop the recovery file."""
        self.recovery.discard()
        self.closed = True
        self._revalidate.stop()
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())

    # -- editing --------------------------------------------------------------
    def push(self, command: Command) -> QtCommand | None:
        if self.closed:
            return None
        qt = QtCommand(command)
        self.undo_stack.push(qt)
        return qt

    def drop_last(self, qt: QtCommand) -> bool:
        """Undo ``qt`` and remove it from the history, if it is the last step (a new
        claim whose editor was cancelled leaves no step behind)."""
        stack = self.undo_stack
        if self.closed or stack.index() == 0 or stack.command(stack.index() - 1) is not qt:
            return False
        qt.undo()               # QUndoStack drops an obsolete step without undoing it
        qt.setObsolete(True)
        stack.undo()
        return True

    #: set while the canvas applies a new layout: a check running in another
    #: thread then would compete with it for the interpreter and stall the window
    hold_checks = False

    def release_checks(self) -> None:
        self.hold_checks = False
        if self._check_waiting:
            self._check_waiting = False
            self.validate()

    def validate(self) -> None:
        """Check the current content off the GUI thread; problemsChanged follows."""
        if self.hold_checks:
            self._check_waiting = True
            return
        self._generation += 1
        # as loaded: the loader's problems stand; only the quotes are looked up
        structure = not (self.undo_stack.index() == 0 and self.undo_stack.isClean())
        folders = source_folders(self.amap, self.sources_dir)
        if not structure and not folders:
            self._set_problems(self._generation, ([], {}, False))
            return
        QThreadPool.globalInstance().start(_CheckJob(
            self._generation, self.snapshot(), self.path or "", self._checked, folders,
            structure))

    def fix_quote(self, claim_id: str) -> bool:
        """Replace a quote not found by the nearest passage of its article (undoable)."""
        miss = self.quote_fixes.get(claim_id)
        claim = self.amap.claims.get(claim_id)
        if miss is None or miss.suggestion is None or claim is None or claim.ref \
                or claim.quote != miss.quote:
            return False
        cmd = SetClaimField(self.amap, claim_id, "quote", miss.suggestion.text)
        cmd.text = self.tr("Use Nearest Passage as Quote")
        cmd.merge_id = 0    # its own step, not merged with typing in the quote field
        self.push(cmd)
        return True

    def set_sources_dir(self, folder: str | None) -> None:
        """The app's folder of article texts changed: look up the quotes again."""
        if folder != self.sources_dir:
            self.sources_dir = folder
            self.validate()

    def snapshot(self) -> ArgumentMap:
        """A read-only copy of the map for worker threads, shared until the next change."""
        if self._snapshot is None or self._snapshot[0] != self._version:
            self._snapshot = (self._version, self.amap.copy())
        return self._snapshot[1]

    def _changed(self, *args) -> None:
        self._version += 1

    def _watch_model(self) -> None:
        amap = self.amap
        for sig in (amap.claim_inserted, amap.claim_removed, amap.claim_changed,
                    amap.relation_inserted, amap.relation_removed, amap.relation_changed,
                    amap.header_changed, amap.source_changed):
            sig.connect(self._changed)
        self._version += 1

    def _set_problems(self, generation: int, result: tuple) -> None:
        if generation != self._generation:
            return  # a newer check is on its way
        problems, self.quote_fixes, structure = result
        if not structure:      # the content is as loaded: the loader's problems stand
            kept = list(self.load_problems)
        else:
            kept = [d for d in self.load_problems if d.is_error and "YAML" in d.message]
        kept += self.import_warnings
        self.problems = sorted(dict.fromkeys(kept + problems), key=sort_key)
        self.problemsChanged.emit()

    def wait_for_problems(self) -> None:
        """Block until the latest check is in (for tests and scripts)."""
        from PySide6.QtCore import QCoreApplication
        self._revalidate.stop()
        self.hold_checks = False
        self.validate()
        QThreadPool.globalInstance().waitForDone()
        QCoreApplication.processEvents()

    # -- saving -----------------------------------------------------------------
    @property
    def base_hash(self) -> str:
        """Hash of the file's text these edits were made against."""
        return self.expected_hash or text_hash(self.disk_text)

    def changed_on_disk(self) -> bool:
        """Does the file now hold something else than what these edits were made on?"""
        if not self.path or not os.path.exists(self.path):
            return False
        text = read_disk_text(self.path)
        return text is None or text_hash(text) != self.base_hash

    def save(self, path: str | None = None, overwrite: bool = False) -> None:
        """Save (atomically, keeping the file's comments).  Raises SaveError, and
        SaveConflict if the file changed on disk since it was read (unless
        ``overwrite``): a save never silently drops someone else's change."""
        target = path or self.path
        if target is None:
            raise SaveError(self.tr("no file name yet"))
        if target == self.path and self.had_errors:
            raise SaveError(self.tr("{title} had errors when it was opened; argmap read only "
                                    "part of it. Save to a new file so the original stays as "
                                    "it is.").format(title=self.title))
        if target == self.path and not overwrite and self.changed_on_disk():
            raise SaveConflict(self.tr("{path} was changed on disk since you opened it (by "
                                       "another window or program).").format(path=target))
        original = self.disk_text if target == self.path else None
        if original is None and target != self.path and os.path.exists(target):
            original = None  # Save As over another file: fresh canonical text
        self._watcher.removePaths(self._watcher.files())
        try:
            text = save_map(self.amap, target, original)
        finally:
            self._watch(target)
        self.disk_text = text
        self.expected_hash = None
        self.had_errors = False
        self.import_warnings = []
        if target != self.path:
            self.path = target
            self.amap.path = target
            self.pathChanged.emit()
        self.undo_stack.setClean()

    # -- the file on disk ---------------------------------------------------------
    def _watch(self, path: str | None = None) -> None:
        path = path or self.path
        if path and os.path.exists(path) and path not in self._watcher.files():
            self._watcher.addPath(path)

    def _on_file_changed(self, path: str) -> None:
        # an atomic replace drops the watch: take it up again
        QTimer.singleShot(50, self._check_disk)

    def _check_disk(self) -> None:
        self._watch()
        if not self.path or not os.path.exists(self.path):
            return
        text = read_disk_text(self.path)
        if text is None:
            return
        if text == self.disk_text:
            return
        if self.dirty:
            self.externallyChanged.emit()
        else:
            self.reload(text)

    def reload(self, text: str | None = None) -> bool:
        """Read the file again, dropping unsaved edits.  False if unreadable."""
        if not self.path:
            return False
        if text is None:
            loaded = load_file(self.path)
        else:
            loaded = load_text(text, self.path, folder=os.path.dirname(self.path) or ".")
        if loaded.map is None:
            self.load_problems = loaded.diagnostics
            self.problems = list(loaded.diagnostics)
            self.problemsChanged.emit()
            return False
        self.amap = loaded.map
        self._watch_model()
        self.disk_text = loaded.text
        self.expected_hash = None
        if loaded.text:
            QThreadPool.globalInstance().start(_PrepareSave(loaded.text))
        self.load_problems = loaded.diagnostics
        self.had_errors = not loaded.read_completely
        self.undo_stack.clear()
        self.reloaded.emit()
        self.validate()
        return True
