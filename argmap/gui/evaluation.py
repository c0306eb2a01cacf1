"""The evaluation shown over one map: which claims stand (IN), fall (OUT) or stay open.

One :class:`Evaluation` per open map.  It follows the map's undo stack: after
every edit, undo or redo the labels are computed again.  Grounded semantics
is fast (a few ms on a 1,000-claim map) and runs on the GUI thread, so the
colours change with the edit; on very big maps, and for preferred and stable
(which may have to enumerate many labellings), it runs in a worker thread on
a snapshot of the map.

What-if assumptions ("accept this claim", "reject that one") belong to the
reader, not to the map: they are kept here, not in the file and not on the
undo stack.
"""

from __future__ import annotations

from ..model import ArgumentMap
from ..semantics import Evaluation as Result
from ..semantics import evaluate
from .document import MapDocument
from .map_follower import Compute, MapFollower

SEMANTICS = ("grounded", "preferred", "stable")
#: up to this many claims grounded labels are computed at once, with the edit
#: (about 5 ms per 1,000 claims); bigger maps get them from a worker thread
SYNC_LIMIT = 2000
#: enumeration limits for preferred/stable in the app: answers stay quick
MAX_LABELLINGS = 200
TIME_LIMIT = 5.0


def _evaluate(amap: ArgumentMap, semantics: str, assume: dict[str, str],
              open_questions: bool = False) -> Result | str:
    try:
        return evaluate(amap, semantics, assume, max_extensions=MAX_LABELLINGS,
                        time_limit=TIME_LIMIT, open_questions=open_questions)
    except ValueError as exc:
        return str(exc)


class Evaluation(MapFollower):
    """Semantics, labelling number and assumptions for one map, and the latest result."""

    result: Result | None

    def __init__(self, doc: MapDocument) -> None:
        super().__init__(doc)
        self.semantics = "grounded"
        self.index = 0
        self.assume: dict[str, str] = {}
        #: each open critical question counts against its argument (semantics/open_questions.py)
        self.open_questions = False
        self.error = ""

    # -- settings ------------------------------------------------------------------
    def set_semantics(self, semantics: str) -> None:
        if semantics not in SEMANTICS:
            raise ValueError(f"unknown semantics '{semantics}'")
        if semantics != self.semantics:
            self.semantics, self.index = semantics, 0
            self.refresh()

    def set_open_questions(self, on: bool) -> None:
        if on != self.open_questions:
            self.open_questions = on
            self.refresh()

    def set_assumption(self, claim_id: str, value: str | None) -> None:
        """``accepted``, ``rejected`` or None (no assumption) for one claim."""
        self.set_assumptions([claim_id], value)

    def set_assumptions(self, claim_ids: list[str], value: str | None) -> None:
        """The same assumption for several claims; one new evaluation if anything changed."""
        before = dict(self.assume)
        for cid in claim_ids:
            if value is None:
                self.assume.pop(cid, None)
            else:
                self.assume[cid] = value
        if self.assume != before:
            self.refresh()

    def clear_assumptions(self) -> None:
        if self.assume:
            self.assume.clear()
            self.refresh()

    def count(self) -> int:
        return len(self.result.labellings) if self.result else 0

    def step(self, delta: int) -> None:
        """Show the next (+1) or previous (-1) labelling."""
        n = self.count()
        if n > 1:
            self.index = (self.index + delta) % n
            self.changed.emit()

    # -- computing (see MapFollower) -------------------------------------------------
    def job(self) -> Compute:
        amap = self.doc.amap
        gone = [c for c in self.assume if c not in amap.claims]
        for cid in gone:  # the claim was deleted: its assumption goes with it
            del self.assume[cid]
        semantics, assume, counted = self.semantics, dict(self.assume), self.open_questions
        return lambda m: _evaluate(m, semantics, assume, counted)

    def with_the_edit(self) -> bool:
        return self.semantics == "grounded" and len(self.doc.amap.claims) <= SYNC_LIMIT

    def clear(self) -> None:
        self.result, self.error = None, ""

    def showing(self) -> bool:
        return self.result is not None or bool(self.error) or self.running

    def accept(self, result: Result | str) -> None:
        if isinstance(result, str):
            self.result, self.error = None, result
        else:
            self.result, self.error = result, ""
            self.index = min(self.index, max(0, len(result.labellings) - 1))

    # -- reading ------------------------------------------------------------------------
    def badges(self) -> dict[str, tuple[str, bool]] | None:
        """Claim id -> (IN|OUT|UNDEC, assumed?), or None when nothing is to be shown."""
        if not self.enabled or self.result is None:
            return None
        return self.result.badges(self.index)

    def why(self, claim_id: str) -> tuple[str, str] | None:
        """(label, reason) of a claim in the labelling shown."""
        if not self.enabled or self.result is None or not self.result.labellings:
            return None
        lab = self.result.labellings[self.index].claims.get(claim_id)
        return (lab.label, lab.why) if lab else None

    def describe(self, english: bool = True) -> str:
        """The caption, in English or German: the legend speaks the map's language,
        the status bar and the inspector the interface's."""
        if not self.enabled:
            return ""
        if self.error:
            return (f"cannot evaluate: {self.error}" if english
                    else f"Auswertung nicht möglich: {self.error}")
        if self.running or self.result is None:
            return (f"{self.semantics} semantics: computing…" if english
                    else f"Semantik {self.semantics}: wird berechnet…")
        text = self.result.describe(self.index, english)
        if self.open_questions:
            text += ", open questions count against" if english else \
                ", offene Fragen zählen dagegen"
        if self.result.truncated:
            text += f" (stopped: {self.result.reason})" if english else \
                f" (abgebrochen: {self.result.reason})"
        return text
