"""Something computed from an open map that follows every edit, undo and redo:
the evaluation's labels (gui/evaluation.py) and the gradual strengths
(gui/strengths.py).

A :class:`MapFollower` is switched on or off; while on, each change of the
map's undo stack (and a reload) computes it again.  Small jobs run with the
edit, so the picture changes with it; others run in a worker thread on a
snapshot of the map, and a result that comes after the map has changed again
is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..model import ArgumentMap
from .document import MapDocument

Compute = Callable[[ArgumentMap], Any]


class _Signals(QObject):
    done = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, generation: int, amap: ArgumentMap, compute: Compute,
                 signals: _Signals) -> None:
        super().__init__()
        self.generation, self.amap, self.compute, self.signals = (
            generation, amap, compute, signals)

    def run(self) -> None:
        result = self.compute(self.amap)
        try:
            self.signals.done.emit(self.generation, result)
        except RuntimeError:
            pass  # the map was closed meanwhile


class MapFollower(QObject):
    """On or off for one map, and the latest result while on."""

    #: a new result is in, a computation started, or it was switched off
    changed = Signal()

    def __init__(self, doc: MapDocument) -> None:
        super().__init__(doc)
        self.doc = doc
        self.enabled = False
        self.result: Any = None
        self.running = False
        self._generation = 0
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        doc.undo_stack.indexChanged.connect(lambda _: self.refresh())
        doc.reloaded.connect(self.refresh)

    # -- what a follower computes (overridden) ---------------------------------------
    def job(self) -> Compute:
        """The computation for the map as it is now, its settings taken now (it may
        run in another thread)."""
        raise NotImplementedError

    def with_the_edit(self) -> bool:
        """True when the job is quick enough to run on the GUI thread, with the edit."""
        return True

    def clear(self) -> None:
        """Forget the result (switched off)."""
        self.result = None

    def accept(self, result: Any) -> None:
        """Take a result in."""
        self.result = result

    def showing(self) -> bool:
        """Whether there is anything to take away when switched off."""
        return self.result is not None or self.running

    # -- the mechanism ----------------------------------------------------------------
    def set_enabled(self, on: bool) -> None:
        if on != self.enabled:
            self.enabled = on
            self.refresh()

    def refresh(self) -> None:
        """Compute again for the map as it is now."""
        self._generation += 1
        if not self.enabled:
            if self.showing():
                self.clear()
                self.running = False
                self.changed.emit()
            return
        job = self.job()
        if self.with_the_edit():
            self._on_done(self._generation, job(self.doc.amap))
            return
        self.running = True
        self.changed.emit()
        QThreadPool.globalInstance().start(
            _Job(self._generation, self.doc.snapshot(), job, self._signals))

    def _on_done(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return  # the map changed again meanwhile
        self.running = False
        self.accept(result)
        self.changed.emit()
