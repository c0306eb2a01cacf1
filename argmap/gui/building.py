"""Building a map from the keyboard: a new claim (alone, or as a reason for or an
objection to the selected claim) appears in edit mode; what is typed becomes its
text and its id, and the claim with its text is one undo step; Esc removes it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..commands import AddClaim, AddRelation, Macro, _short
from ..interchange._common import slugify
from ..model import Claim, Relation
from .language import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from .document import MapDocument
    from .main_window import MainWindow
    from .undo import QtCommand

#: words left out of an id made from a claim's text
_STOP = set("der die das des dem den ein eine einer eines einem einen und oder zu zum zur "
            "im in ist sind es the a an of to is are and or in it".split())

PLACEHOLDER = {"": "Neue Aussage", "support": "Neuer Grund", "attack": "Neuer Einwand"}
#: the undo step of a new claim (translated where it is shown)
STEP = {"": QT_TRANSLATE_NOOP("Builder", "Add claim"),
        "support": QT_TRANSLATE_NOOP("Builder", "Add reason"),
        "attack": QT_TRANSLATE_NOOP("Builder", "Add objection")}


def id_from_text(text: str, taken) -> str:
    """A short, readable, unused id from the first words that say something."""
    words = [w for w in text.split() if w.lower().strip(".,;:!?„“\"'()") not in _STOP]
    base = slugify(" ".join((words or text.split())[:4]), 40, "aussage")
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")


def claims_from_text(text: str, taken) -> list[Claim]:
    """Pasted text: a claim per non-empty line (list bullets and numbers dropped); a
    text without line breaks is one claim."""
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    lines = [" ".join(line.split()) for line in lines if line.strip()]
    used = set(taken)
    claims = []
    for line in lines:
        cid = id_from_text(line, used)
        used.add(cid)
        claims.append(Claim(cid, text=line))
    return claims


def _relation(kind: str, premise: str, target: str | None,
              like: Relation | None) -> Relation:
    """The new claim's relation: ``like`` (a copy) with the claim as its premise, also
    where ``like`` gives its premise a role."""
    if like is None:
        return Relation(kind, [premise], target or "")
    rel = like.clone()
    rel.premises = [premise]
    rel.roles = {premise if p in like.premises else p: r for p, r in like.roles.items()}
    return rel


class Builder(QObject):
    """The window's verbs for new claims; one pending new claim per map at a time."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window

    def add(self, kind: str = "", target: str | None = None, pos=None,
            template: Claim | None = None, step: str = "", relation: Relation | None = None,
            before: tuple = ()) -> str | None:
        """A new claim in edit mode; with ``kind`` 'support' or 'attack' it is a
        reason for or an objection to ``target``.  Returns its (temporary) id.
        ``relation``: the new relation as it is to be (type, target and other fields;
        its premise is the new claim); ``before``: commands done first, in the same step."""
        if relation is not None:
            kind, target = relation.type, relation.target
        w = self.window
        doc, scene, view = w.doc, w.scene, w.view
        if doc is None or view is None:
            return None
        cid = doc.amap.new_claim_id("neue-aussage")
        claim = template or Claim(cid, text=PLACEHOLDER.get(kind, PLACEHOLDER["attack"]))
        claim.id = cid
        if pos is not None:
            claim.pos = (round(pos.x(), 1), round(pos.y(), 1))
        elif kind and target in scene.claim_items:
            scene.drop_hint = self._beside(scene.claim_items[target], doc.amap.display.direction)
        else:
            scene.drop_hint = view.mapToScene(view.viewport().rect().center())
        steps = [*before, AddClaim(doc.amap, claim)]
        if kind:
            steps.append(AddRelation(doc.amap, _relation(kind, cid, target, relation)))
        qt = doc.push(Macro(step or self.tr(STEP[kind]), steps))
        scene.select_claims([cid])
        editor = w.edit_claim(cid, on_commit=lambda c, text, english, doc=doc, qt=qt:
                              self._commit(doc, qt, c, text, english, kind, target, step,
                                           relation, before))
        if editor is not None:
            editor.cancelled.connect(lambda _c, doc=doc, qt=qt: self._cancel(doc, qt))
        return cid

    @staticmethod
    def _beside(item, direction: str):
        """Where a premise of ``item`` goes first: on the side its reasons are drawn."""
        from PySide6.QtCore import QPointF
        gap = 60
        dx, dy = {"TB": (0, item.h + gap), "BT": (0, -item.h - gap),
                  "LR": (item.w + gap, 0), "RL": (-item.w - gap, 0)}.get(direction,
                                                                        (0, item.h + gap))
        return item.pos() + QPointF(dx, dy)

    def add_selected(self, kind: str) -> str | None:
        scene = self.window.scene
        claims = scene.selected_claims() if scene else []
        if len(claims) != 1:
            self.window.statusBar().showMessage(
                self.tr("Select one claim to add a reason or an objection to it."), 5000)
            return None
        return self.add(kind, claims[-1])

    def _commit(self, doc: "MapDocument", qt: "QtCommand", cid: str, text: str,
                english: bool, kind: str, target: str | None, step: str = "",
                relation: Relation | None = None, before: tuple = ()) -> None:
        if doc.closed or cid not in doc.amap.claims:
            return
        claim = doc.amap.claims[cid]
        if not text or text == PLACEHOLDER.get(kind, PLACEHOLDER["attack"]):
            return              # kept as it is, placeholder and all: an ordinary claim
        scene = self.window.scene
        if scene is not None and scene.doc is doc and cid in scene.claim_items:
            scene.drop_hint = scene.claim_items[cid].pos()    # the box stays where it is
        if not doc.drop_last(qt):
            if scene is not None:
                scene.drop_hint = None
            # something else happened since: an ordinary text edit, its own step
            self.window._commit_text(doc, None, cid, text, english)
            return
        new = claim.clone()
        new.id = id_from_text(text, doc.amap.claims)
        if english:
            new.en = text
        else:
            new.text = text
        steps = [*before, AddClaim(doc.amap, new)]
        if kind:
            steps.append(AddRelation(doc.amap, _relation(kind, new.id, target, relation)))
        doc.push(Macro(self.tr("{step} “{text}”").format(step=step or self.tr(STEP[kind]),
                                                         text=_short(text)), steps))
        if scene is not None and scene.doc is doc:
            scene.select_claims([new.id])
            if self.window.view is not None:
                self.window.view.reveal(new.id)
                self.window.view.setFocus()

    def _cancel(self, doc: "MapDocument", qt: "QtCommand") -> None:
        doc.drop_last(qt)
        if self.window.view is not None:
            self.window.view.setFocus()
