"""The Evaluate menu: colour claims by IN/OUT/UNDEC, choose semantics, what-if assumptions.

Each open map has its own :class:`~argmap.gui.evaluation.Evaluation`; this
module wires the current one to the window's actions, the canvas, the
legend, the inspector and the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from .evaluation import SEMANTICS, Evaluation
from .language import current_language

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .view import MapView


#: the settings key of Evaluate → Open Questions Count Against
OPEN_QUESTIONS = "evaluation/openQuestionsCount"


def _true(value) -> bool:
    """A boolean setting (an INI file gives it back as text)."""
    return value is True or str(value).lower() in ("true", "1")


class EvaluationMenu(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.a_toggle = self._act(self.tr("&Evaluate Map"), self._toggle, "Ctrl+Shift+E",
                                  self.tr("Colour every claim by whether it stands (IN), falls "
                                          "(OUT) or stays undecided, given the attacks and "
                                          "supports"))
        self.a_toggle.setCheckable(True)
        self.group = QActionGroup(self)
        self.semantics_actions: dict[str, QAction] = {}
        # the semantics keep their names (as in the literature and the file format)
        for name, tip in (("grounded", self.tr("the sceptical core: only what must stand")),
                          ("preferred", self.tr("every maximal consistent position")),
                          ("stable", self.tr("positions that reject all they do not accept"))):
            a = self._act(name.capitalize(), lambda _=False, n=name: self._set_semantics(n),
                          tip=tip)
            a.setCheckable(True)
            self.group.addAction(a)
            self.semantics_actions[name] = a
        self.semantics_actions["grounded"].setChecked(True)
        self.a_next = self._act(self.tr("&Next Labelling"), lambda: self._step(1), "Ctrl+]")
        self.a_prev = self._act(self.tr("&Previous Labelling"), lambda: self._step(-1), "Ctrl+[")
        self.a_accept = self._act(self.tr("What if &Accepted"), lambda: self._assume("accepted"),
                                  None, self.tr("Assume the selected claims stand, and see "
                                                "what follows"))
        self.a_reject = self._act(self.tr("What if &Rejected"), lambda: self._assume("rejected"),
                                  None, self.tr("Assume the selected claims fall, and see "
                                                "what follows"))
        self.a_unassume = self._act(self.tr("No Assu&mption"), lambda: self._assume(None))
        self.a_clear = self._act(self.tr("&Clear All Assumptions"), self._clear)
        self.a_open_questions = self._act(
            self.tr("&Open Questions Count Against"), self._set_open_questions, None,
            self.tr("Each open critical question of an argument counts against it: a "
                    "reason with one does not stand, an objection with one does not hit"))
        self.a_open_questions.setCheckable(True)
        self.a_open_questions.setChecked(_true(window.settings.value(OPEN_QUESTIONS, False)))
        self.menu = QMenu(self.tr("Eva&luate"), window)
        self.menu.addAction(self.a_toggle)
        self.menu.addSeparator()
        for a in self.semantics_actions.values():
            self.menu.addAction(a)
        self.menu.addAction(self.a_open_questions)
        self.menu.addSeparator()
        for a in (self.a_prev, self.a_next, None, self.a_accept, self.a_reject,
                  self.a_unassume, self.a_clear):
            self.menu.addSeparator() if a is None else self.menu.addAction(a)
        self.sync()

    def _act(self, text: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(tip)
        a.triggered.connect(self.window.commit_editors)   # first: what is typed counts
        a.triggered.connect(slot)
        return a

    # -- per map ---------------------------------------------------------------------
    def attach(self, view: "MapView") -> Evaluation:
        """Give a newly opened map its evaluation."""
        ev = Evaluation(view.map_scene.doc)
        ev.open_questions = self.a_open_questions.isChecked()
        view.evaluation = ev
        ev.changed.connect(lambda v=view: self._on_changed(v))
        return ev

    @property
    def current(self) -> Evaluation | None:
        view = self.window.view
        return getattr(view, "evaluation", None) if view is not None else None

    def _on_changed(self, view: "MapView") -> None:
        if not (isValid(view) and isValid(self.window) and isValid(self.window.tabs)):
            return  # the map or the window is being closed
        ev: Evaluation = view.evaluation
        scene = view.map_scene
        scene.set_labels(ev.badges())
        view.legend.set_words(scene.english, ev.describe(scene.english))
        if view is self.window.view:
            self.sync()
            self.window.inspector.show_claim(self.window.inspector.claim_id)
            if ev.enabled:   # in the words of the interface
                self.window.statusBar().showMessage(
                    ev.describe(current_language() != "de"), 6000)

    def sync(self) -> None:
        """Menu state from the current map's evaluation."""
        ev = self.current
        on = ev is not None and ev.enabled
        self.a_toggle.setEnabled(ev is not None)
        self.a_toggle.setChecked(on)
        if ev is not None:
            self.semantics_actions[ev.semantics].setChecked(True)
        many = on and ev.count() > 1
        self.a_next.setEnabled(many)
        self.a_prev.setEnabled(many)
        selected = bool(self.window.scene and self.window.scene.selected_claims())
        for a in (self.a_accept, self.a_reject, self.a_unassume):
            a.setEnabled(ev is not None and selected)
        self.a_clear.setEnabled(ev is not None and bool(ev.assume))

    # -- actions --------------------------------------------------------------------
    def _toggle(self, on: bool) -> None:
        ev = self.current
        if ev is not None:
            ev.set_enabled(on)

    def set_enabled(self, on: bool) -> None:
        self.a_toggle.setChecked(on)
        self._toggle(on)

    def _set_semantics(self, name: str) -> None:
        ev = self.current
        if ev is not None and name in SEMANTICS:
            ev.set_semantics(name)
            if not ev.enabled:
                self.set_enabled(True)

    def _set_open_questions(self, on: bool) -> None:
        """For every open map, and remembered in the settings."""
        self.window.settings.setValue(OPEN_QUESTIONS, bool(on))
        for view in self.window.views():
            ev = getattr(view, "evaluation", None)
            if ev is not None:
                ev.set_open_questions(bool(on))
        current = self.current
        if current is not None and not current.enabled:
            self.set_enabled(True)

    def _step(self, delta: int) -> None:
        ev = self.current
        if ev is not None:
            ev.step(delta)

    def _assume(self, value: str | None) -> None:
        ev, scene = self.current, self.window.scene
        if ev is None or scene is None:
            return
        ids = scene.selected_claims()
        if ids:
            ev.set_assumptions(ids, value)
            if not ev.enabled:
                self.set_enabled(True)

    def _clear(self) -> None:
        ev = self.current
        if ev is not None:
            ev.clear_assumptions()
