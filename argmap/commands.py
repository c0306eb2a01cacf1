"""Undoable edits of a map, without Qt.

Each command stores what it needs at construction, calls only the model's
mutators in ``redo``/``undo``, and can be wrapped by the GUI's QUndoStack
(:mod:`argmap.gui.undo`).  Deleting a claim takes its relations along as
child commands, remembering every index so undo restores the exact order.
"""

from __future__ import annotations

from typing import Any

from .model import ArgumentMap, Claim, Relation


class Command:
    """An edit that can be done and undone.  ``text`` is shown to the user."""

    text = ""
    #: commands with the same non-zero id may merge (typing, nudging)
    merge_id = 0

    def __init__(self) -> None:
        self.children: list[Command] = []

    def redo(self) -> None:
        for c in self.children:
            c.redo()

    def undo(self) -> None:
        for c in reversed(self.children):
            c.undo()

    def merge_with(self, other: "Command") -> bool:
        return False


class Macro(Command):
    """Several commands as one step."""

    def __init__(self, text: str, commands: list[Command]) -> None:
        super().__init__()
        self.text = text
        self.children = list(commands)


class AddClaim(Command):
    def __init__(self, amap: ArgumentMap, claim: Claim, index: int | None = None) -> None:
        super().__init__()
        self.amap, self.claim = amap, claim
        self.index = len(amap.claims) if index is None else index
        self.text = f"Add claim “{_short(claim.text or claim.id)}”"

    def redo(self) -> None:
        self.amap.insert_claim(self.index, self.claim)

    def undo(self) -> None:
        self.amap.remove_claim(self.claim.id)


class AddRelation(Command):
    def __init__(self, amap: ArgumentMap, relation: Relation, index: int | None = None) -> None:
        super().__init__()
        self.amap, self.relation = amap, relation
        self.index = len(amap.relations) if index is None else index
        self.text = f"Connect: {relation.type}"

    def redo(self) -> None:
        self.amap.insert_relation(self.index, self.relation)

    def undo(self) -> None:
        self.amap.remove_relation(self.relation)


class RemoveRelation(Command):
    def __init__(self, amap: ArgumentMap, relation: Relation) -> None:
        super().__init__()
        self.amap, self.relation = amap, relation
        self.index = -1
        self.text = "Delete relation"
        # undercuts of this relation go with it
        for r in amap.relations:
            if r.type == "undercut" and r.target == relation.key and r is not relation:
                self.children.append(RemoveRelation(amap, r))

    def redo(self) -> None:
        super().redo()
        self.index = self.amap.remove_relation(self.relation)

    def undo(self) -> None:
        self.amap.insert_relation(self.index, self.relation)
        super().undo()


class RemoveClaim(Command):
    def __init__(self, amap: ArgumentMap, claim_id: str) -> None:
        super().__init__()
        self.amap, self.claim = amap, amap.claims[claim_id]
        self.index = -1
        self.text = f"Delete claim “{_short(self.claim.text or claim_id)}”"
        for r in amap.relations_of(claim_id):
            self.children.append(RemoveRelation(amap, r))

    @property
    def relations(self) -> list[Relation]:
        out: list[Relation] = []

        def walk(c: Command) -> None:
            if isinstance(c, RemoveRelation):
                out.append(c.relation)
            for ch in c.children:
                walk(ch)
        for ch in self.children:
            walk(ch)
        return out

    def redo(self) -> None:
        # a relation may already be gone with another removed claim
        self._done = []
        for c in self.children:
            assert isinstance(c, RemoveRelation)
            if any(r is c.relation for r in self.amap.relations):
                c.redo()
                self._done.append(c)
        self.index = self.amap.remove_claim(self.claim.id)

    def undo(self) -> None:
        self.amap.insert_claim(self.index, self.claim)
        for c in reversed(self._done):
            c.undo()


def remove_claims(amap: ArgumentMap, claim_ids: list[str]) -> Command:
    cmds: list[Command] = [RemoveClaim(amap, cid) for cid in claim_ids]
    if len(cmds) == 1:
        return cmds[0]
    return Macro(f"Delete {len(cmds)} claims", cmds)


class SetClaimField(Command):
    merge_id = 101

    def __init__(self, amap: ArgumentMap, claim_id: str, name: str, value: Any) -> None:
        super().__init__()
        self.amap, self.claim_id, self.name = amap, claim_id, name
        self.old = getattr(amap.claims[claim_id], name)
        self.new = value
        self.text = f"Change {_FIELD_LABEL.get(name, name)}"

    def redo(self) -> None:
        self.amap.set_claim_field(self.claim_id, self.name, self.new)

    def undo(self) -> None:
        self.amap.set_claim_field(self.claim_id, self.name, self.old)

    def merge_with(self, other: Command) -> bool:
        if (isinstance(other, SetClaimField) and other.claim_id == self.claim_id
                and other.name == self.name and self.name in ("text", "en", "note", "quote")):
            self.new = other.new
            return True
        return False


class SetRelationField(Command):
    def __init__(self, amap: ArgumentMap, relation: Relation, name: str, value: Any) -> None:
        super().__init__()
        self.amap, self.relation, self.name = amap, relation, name
        attr = {"from": "premises", "to": "target"}.get(name, name)
        self.old = getattr(relation, attr)
        self.old = list(self.old) if isinstance(self.old, list) else self.old
        self.new = value
        self.text = {"type": "Change relation type", "note": "Change relation note"}.get(
            name, "Change relation")

    def redo(self) -> None:
        self.amap.set_relation_field(self.relation, self.name, self.new)

    def undo(self) -> None:
        self.amap.set_relation_field(self.relation, self.name, self.old)


def reverse_relation(amap: ArgumentMap, relation: Relation) -> Command:
    """Swap premise and target of a single-premise support or attack."""
    if relation.linked or relation.type == "undercut":
        raise ValueError("only a relation with one premise between claims can be reversed")
    return Macro("Reverse relation", [
        SetRelationField(amap, relation, "from", [relation.target]),
        SetRelationField(amap, relation, "to", relation.premises[0]),
    ])


class MoveClaims(Command):
    """Set manual positions; ``None`` clears one (back to automatic layout)."""

    merge_id = 102

    def __init__(self, amap: ArgumentMap,
                 moves: dict[str, tuple[tuple[float, float] | None, tuple[float, float] | None]],
                 text: str = "Move") -> None:
        super().__init__()
        self.amap, self.moves, self.text = amap, dict(moves), text

    def redo(self) -> None:
        for cid, (_, new) in self.moves.items():
            self.amap.set_claim_field(cid, "pos", new)

    def undo(self) -> None:
        for cid, (old, _) in self.moves.items():
            self.amap.set_claim_field(cid, "pos", old)


def clear_positions(amap: ArgumentMap) -> MoveClaims | None:
    moves = {cid: (c.pos, None) for cid, c in amap.claims.items() if c.pos is not None}
    return MoveClaims(amap, moves, "Auto layout") if moves else None


class SetHeader(Command):
    def __init__(self, amap: ArgumentMap, name: str, value: Any) -> None:
        super().__init__()
        self.amap, self.name, self.new = amap, name, value
        self.old = amap.display.direction if name == "direction" else getattr(amap, name)
        self.text = {"title": "Change title", "direction": "Change direction"}.get(
            name, "Change header")

    def redo(self) -> None:
        self.amap.set_header(self.name, self.new)

    def undo(self) -> None:
        self.amap.set_header(self.name, self.old)


def paste_claims(amap: ArgumentMap, claims: list[Claim], relations: list[Relation],
                 offset: tuple[float, float] = (30.0, 30.0)) -> tuple[Command, dict[str, str]]:
    """Insert copies of claims (and the relations among them) with fresh ids."""
    renames: dict[str, str] = {}
    cmds: list[Command] = []
    taken = set(amap.claims)
    for c in claims:
        new = c.clone()
        new.resolved = c.resolved
        base = c.id
        nid, n = base, 2
        while nid in taken:
            nid, n = f"{base}-{n}", n + 1
        taken.add(nid)
        renames[c.id] = nid
        new.id = nid
        if new.pos is not None:
            new.pos = (new.pos[0] + offset[0], new.pos[1] + offset[1])
        if new.source and new.source not in amap.sources:
            new.source = ""
        cmds.append(AddClaim(amap, new))
    for r in relations:
        if all(p in renames for p in r.premises) and r.target in renames:
            cmds.append(AddRelation(amap, Relation(r.type, [renames[p] for p in r.premises],
                                                   renames[r.target], "", r.note)))
    return Macro(f"Paste {len(claims)} claim(s)", cmds), renames


def _short(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


_FIELD_LABEL = {"en": "English text", "pos": "position"}
