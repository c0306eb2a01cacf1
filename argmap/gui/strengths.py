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

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from shiboken6 import isValid

from ..semantics.gradual import GRADUAL_SEMANTICS, SEMANTICS_NAMES, Strengths, strengths
from .document import MapDocument
from .map_follower import Compute, MapFollower

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .view import MapView

#: up to this many claims strengths are computed with the edit
SYNC_LIMIT = 2000


class StrengthView(MapFollower):
    """Whether strengths are shown for one map, by which semantics, and the latest."""

    result: Strengths | None

    def __init__(self, doc: MapDocument) -> None:
        super().__init__(doc)
        self.semantics = "dfquad"

    def set_semantics(self, semantics: str) -> None:
        if semantics not in GRADUAL_SEMANTICS:
            raise ValueError(f"unknown gradual semantics '{semantics}'")
        if semantics != self.semantics:
            self.semantics = semantics
            self.refresh()

    def job(self) -> Compute:
        semantics = self.semantics
        return lambda amap: strengths(amap, semantics)

    def with_the_edit(self) -> bool:
        return len(self.doc.amap.claims) <= SYNC_LIMIT

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
