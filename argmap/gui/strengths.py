"""Gradual strengths over one map, live: a bar on every claim, the number and the
contributions in the inspector (argmap.semantics.gradual; docs/gradual.md).

One :class:`StrengthView` per open map follows its undo stack like the
evaluation does: every edit, undo or redo — a base score moved on the
inspector's slider included — computes the strengths again.  Small maps are
computed with the edit (a few ms), big ones in a worker thread on a snapshot.
:class:`StrengthsMenu` puts the switch and the choice of semantics into the
Evaluate menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from shiboken6 import isValid

from ..model import ArgumentMap
from ..semantics.gradual import GRADUAL_SEMANTICS, SEMANTICS_NAMES, Strengths, strengths
from .document import MapDocument

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .view import MapView

#: up to this many claims strengths are computed with the edit
SYNC_LIMIT = 2000


class _Signals(QObject):
    done = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, generation: int, amap: ArgumentMap, semantics: str,
                 signals: _Signals) -> None:
        super().__init__()
        self.generation, self.amap, self.semantics, self.signals = (
            generation, amap, semantics, signals)

    def run(self) -> None:
        result = strengths(self.amap, self.semantics)
        try:
            self.signals.done.emit(self.generation, result)
        except RuntimeError:
            pass  # the map was closed meanwhile


class StrengthView(QObject):
    """Whether strengths are shown for one map, by which semantics, and the latest."""

    changed = Signal()

    def __init__(self, doc: MapDocument) -> None:
        super().__init__(doc)
        self.doc = doc
        self.enabled = False
        self.semantics = "dfquad"
        self.result: Strengths | None = None
        self.running = False
        self._generation = 0
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        doc.undo_stack.indexChanged.connect(lambda _: self.refresh())
        doc.reloaded.connect(self.refresh)

    def set_enabled(self, on: bool) -> None:
        if on != self.enabled:
            self.enabled = on
            self.refresh()

    def set_semantics(self, semantics: str) -> None:
        if semantics not in GRADUAL_SEMANTICS:
            raise ValueError(f"unknown gradual semantics '{semantics}'")
        if semantics != self.semantics:
            self.semantics = semantics
            self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        if not self.enabled:
            if self.result is not None or self.running:
                self.result, self.running = None, False
                self.changed.emit()
            return
        amap = self.doc.amap
        if len(amap.claims) <= SYNC_LIMIT:
            self._on_done(self._generation, strengths(amap, self.semantics))
            return
        self.running = True
        QThreadPool.globalInstance().start(
            _Job(self._generation, self.doc.snapshot(), self.semantics, self._signals))

    def _on_done(self, generation: int, result: Strengths) -> None:
        if generation != self._generation:
            return  # the map changed again meanwhile
        self.running, self.result = False, result
        self.changed.emit()

    def values(self) -> dict[str, float | None] | None:
        """Claim id -> strength (None: its cycle did not settle), or None when off."""
        if not self.enabled or self.result is None:
            return None
        return {c: (cs.strength if cs.converged else None)
                for c, cs in self.result.claims.items()}

    def name(self) -> str:
        return SEMANTICS_NAMES.get(self.semantics, self.semantics)


class StrengthsMenu(QObject):
    """Evaluate → Show Strengths, and which gradual semantics."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.a_toggle = QAction(self.tr("Show &Strengths"), self)
        self.a_toggle.setCheckable(True)
        self.a_toggle.setShortcut(QKeySequence("Ctrl+Shift+G"))
        tip = self.tr("A bar on every claim: its strength from its base score, its reasons "
                      "and its objections (gradual semantics)")
        self.a_toggle.setStatusTip(tip)
        self.a_toggle.setToolTip(tip)
        self.a_toggle.triggered.connect(window.commit_editors)
        self.a_toggle.triggered.connect(self._toggle)
        self.group = QActionGroup(self)
        self.semantics_actions: dict[str, QAction] = {}
        for name in GRADUAL_SEMANTICS:     # the semantics keep their names, as in the papers
            a = QAction(SEMANTICS_NAMES[name].capitalize() if name == "quadratic"
                        else SEMANTICS_NAMES[name], self)
            a.setCheckable(True)
            a.triggered.connect(lambda _=False, n=name: self._set_semantics(n))
            self.group.addAction(a)
            self.semantics_actions[name] = a
        self.semantics_actions["dfquad"].setChecked(True)

    def add_to(self, menu) -> None:
        menu.addSeparator()
        menu.addAction(self.a_toggle)
        for a in self.semantics_actions.values():
            menu.addAction(a)

    def attach(self, view: "MapView") -> StrengthView:
        sv = StrengthView(view.map_scene.doc)
        setattr(view, "strengths", sv)
        sv.changed.connect(lambda v=view: self._on_changed(v))
        return sv

    @property
    def current(self) -> StrengthView | None:
        view = self.window.view
        return getattr(view, "strengths", None) if view is not None else None

    def _on_changed(self, view: "MapView") -> None:
        if not (isValid(view) and isValid(self.window)):
            return
        sv: StrengthView = getattr(view, "strengths")
        view.map_scene.set_strengths(sv.values())
        if view is self.window.view:
            self.sync()
            self.window.inspector.show_claim(self.window.inspector.claim_id)

    def sync(self) -> None:
        sv = self.current
        self.a_toggle.setEnabled(sv is not None)
        self.a_toggle.setChecked(sv is not None and sv.enabled)
        if sv is not None:
            self.semantics_actions[sv.semantics].setChecked(True)

    def _toggle(self, on: bool) -> None:
        sv = self.current
        if sv is not None:
            sv.set_enabled(on)

    def _set_semantics(self, name: str) -> None:
        sv = self.current
        if sv is not None:
            sv.set_semantics(name)
            if not sv.enabled:
                self.a_toggle.setChecked(True)
                sv.set_enabled(True)
