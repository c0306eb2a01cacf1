"""Undoable edits of a map, without Qt.

Each command stores what it needs at construction, calls only the model's
mutators in ``redo``/``undo``, and can be wrapped by the GUI's QUndoStack
(:mod:`argmap.gui.undo`).  Deleting a claim takes its relations along as
child commands, remembering every index so undo restores the exact order.
"""

from __future__ import annotations

import re
from typing import Any

from .model import DIRECTIONS, SOURCE_FIELDS, ArgumentMap, Claim, Relation, Source


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
                and other.name == self.name
                and self.name in ("text", "en", "note", "quote", "base")):   # typing, a slider
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
        self.text = {"type": "Change relation type", "note": "Change relation note",
                     "scheme": "Set argument scheme", "roles": "Set premise role",
                     "questions": "Answer critical question"}.get(name, "Change relation")

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


class Relayout(Command):
    """Auto Layout of a map without manual positions: the model does not change, but
    the picture does; as a step of its own, undo brings back the picture before."""

    text = "Auto layout"


class SetHeader(Command):
    """Change ``title``, ``description``, ``lang``, ``source_folder`` or ``direction``."""

    def __init__(self, amap: ArgumentMap, name: str, value: Any) -> None:
        super().__init__()
        if name not in HEADER_FIELDS:
            raise AttributeError(name)
        if name == "direction" and value not in DIRECTIONS:
            raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}")
        self.amap, self.name, self.new = amap, name, value
        self.old = amap.display.direction if name == "direction" else getattr(amap, name)
        self.text = f"Change {HEADER_LABEL[name]}"

    def redo(self) -> None:
        self.amap.set_header(self.name, self.new)

    def undo(self) -> None:
        self.amap.set_header(self.name, self.old)


# -- header labels, tag colours, sources ------------------------------------------
HEADER_FIELDS = ("title", "description", "lang", "source_folder", "direction")
HEADER_LABEL = {"title": "title", "description": "description", "lang": "language",
                "source_folder": "source folder", "direction": "direction"}

#: the file format's rules (resources/argmap.schema.json), for checking before a change
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
ID_MAX = 120
DATE_RE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
URL_RE = re.compile(r"^https?://")
FILE_RE = re.compile(r"^[^/\\]+$")
LANG_RE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


def id_problem(value: str) -> str | None:
    """Why ``value`` cannot be an id (a slug), or None."""
    if not value:
        return "An id cannot be empty."
    if len(value) > ID_MAX:
        return f"An id has at most {ID_MAX} characters."
    if not ID_RE.match(value):
        return ("An id starts with a letter or digit and holds only letters, digits, "
                "'-', '_' and '.' (no spaces).")
    return None


def source_field_problem(name: str, value: str) -> str | None:
    """Why a source's field cannot take ``value`` (the format's rules), or None."""
    if name == "id":
        return id_problem(value)
    if not value:
        return None
    if name == "date" and not DATE_RE.match(value):
        return "A date is written YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-05 or 2024-05-31."
    if name == "url" and not URL_RE.match(value):
        return "A URL starts with http:// or https://."
    if name == "file" and not FILE_RE.match(value):
        return "The file is a file name in the sources folder, without '/' or '\\'."
    return None


def citing_claims(amap: ArgumentMap, source_id: str) -> list[str]:
    """Ids of the claims (not references) that name the source."""
    return [cid for cid, c in amap.claims.items() if not c.ref and c.source == source_id]


def _claims_show_source(amap: ArgumentMap, source_id: str) -> None:
    """Claims citing a changed source look different: tell their views."""
    for cid in citing_claims(amap, source_id):
        amap.claim_changed.emit(amap.claims[cid], "source")


def _place_source(amap: ArgumentMap, index: int, source: Source | None,
                  drop: str | None = None) -> None:
    """Put ``source`` at ``index`` of the sources (dropping the id ``drop`` first),
    keeping the dict itself (copies and views may hold it)."""
    items = [(k, v) for k, v in amap.sources.items() if k != drop]
    if source is not None:
        items.insert(max(0, min(index, len(items))), (source.id, source))
    amap.sources.clear()
    amap.sources.update(items)


class SetTagColor(Command):
    """Give a tag its colour (``#rrggbb``), or ``None``: back to the automatic one."""

    def __init__(self, amap: ArgumentMap, tag: str, color: str | None) -> None:
        super().__init__()
        if color is not None and not COLOR_RE.match(color):
            raise ValueError(f"a colour is written #rrggbb, not {color!r}")
        colors = amap.display.tag_colors
        self.amap, self.tag = amap, tag
        self.old, self.new = colors.get(tag), color.lower() if color else None
        if self.old is not None and self.new is not None and self.old.lower() == self.new:
            self.new = self.old      # the same colour in other letters is no change
        self.index = list(colors).index(tag) if tag in colors else len(colors)
        self.text = (f"Colour of tag “{tag}”" if color is not None
                     else f"Automatic colour for tag “{tag}”")

    def _put(self, color: str | None) -> None:
        colors = self.amap.display.tag_colors
        if colors.get(self.tag) == color:
            return
        items = [(k, v) for k, v in colors.items() if k != self.tag]
        if color is not None:
            items.insert(min(self.index, len(items)), (self.tag, color))
        colors.clear()
        colors.update(items)
        self.amap.header_changed.emit("tags")
        for c in self.amap.claims.values():      # their boxes take the tag's colour
            if self.tag in c.tags or self.tag in c.display().tags:
                self.amap.claim_changed.emit(c, "tags")

    def redo(self) -> None:
        self._put(self.new)

    def undo(self) -> None:
        self._put(self.old)


class AddSource(Command):
    def __init__(self, amap: ArgumentMap, source: Source, index: int | None = None) -> None:
        super().__init__()
        for name in SOURCE_FIELDS:
            problem = source_field_problem(name, getattr(source, name))
            if problem:
                raise ValueError(problem)
        if source.id in amap.sources:
            raise ValueError(f"a source with the id '{source.id}' exists already")
        self.amap, self.source = amap, source
        self.index = len(amap.sources) if index is None else index
        self.text = f"Add source “{source.id}”"

    def redo(self) -> None:
        _place_source(self.amap, self.index, self.source)
        self.amap.source_changed.emit(self.source.id)

    def undo(self) -> None:
        _place_source(self.amap, 0, None, drop=self.source.id)
        self.amap.source_changed.emit(self.source.id)


class SetSourceField(Command):
    """Change one field of a source.  A new ``id`` is also written into every claim
    that cites the source, in the same step."""

    def __init__(self, amap: ArgumentMap, source_id: str, name: str, value: str) -> None:
        super().__init__()
        if name not in SOURCE_FIELDS:
            raise AttributeError(name)
        problem = source_field_problem(name, value)
        if problem:
            raise ValueError(problem)
        src = amap.sources[source_id]
        self.amap, self.source, self.name = amap, src, name
        self.old, self.new = getattr(src, name), value
        self.text = f"Change source “{source_id}”: {name}"
        if name == "id":
            if value != source_id and value in amap.sources:
                raise ValueError(f"a source with the id '{value}' exists already")
            self.text = f"Rename source “{source_id}” to “{value}”"
            self.children = [SetClaimField(amap, cid, "source", value)
                             for cid in citing_claims(amap, source_id)]
            for c in self.children:
                c.text = self.text

    def _set(self, value: str) -> None:
        src, amap = self.source, self.amap
        if getattr(src, self.name) == value:
            return
        if self.name == "id":
            old = src.id
            index = list(amap.sources).index(old)
            src.id = value
            _place_source(amap, index, src, drop=old)
            amap.source_changed.emit(old)
            amap.source_changed.emit(value)
        else:
            setattr(src, self.name, value)
            amap.source_changed.emit(src.id)
            _claims_show_source(amap, src.id)

    def redo(self) -> None:
        self._set(self.new)       # first the source, then the claims that cite it
        super().redo()

    def undo(self) -> None:
        super().undo()
        self._set(self.old)


class RemoveSource(Command):
    """Remove a source.  Claims citing it keep the command from being made unless
    ``clear_claims``: then their source is cleared in the same step."""

    def __init__(self, amap: ArgumentMap, source_id: str, clear_claims: bool = False) -> None:
        super().__init__()
        citing = citing_claims(amap, source_id)
        if citing and not clear_claims:
            raise ValueError(f"{len(citing)} claim(s) cite source '{source_id}': "
                             f"{', '.join(citing[:5])}{' …' if len(citing) > 5 else ''}")
        self.amap, self.source = amap, amap.sources[source_id]
        self.index = list(amap.sources).index(source_id)
        self.children = [SetClaimField(amap, cid, "source", "") for cid in citing]
        self.text = f"Delete source “{source_id}”"

    def redo(self) -> None:
        super().redo()
        _place_source(self.amap, 0, None, drop=self.source.id)
        self.amap.source_changed.emit(self.source.id)

    def undo(self) -> None:
        _place_source(self.amap, self.index, self.source)
        self.amap.source_changed.emit(self.source.id)
        super().undo()


def source_edits(amap: ArgumentMap, removed: list[str], edited: dict[str, dict[str, str]],
                 added: list[Source]) -> list[Command]:
    """The commands that take the map's sources where they are wanted: ``removed``
    go (the claims citing them lose their source), the sources in ``edited`` (by their
    id in the map) get those field values (a new ``id`` renames; ids may even be
    swapped), ``added`` come last.  Each command is made against the map as the ones
    before leave it; the map is left as it was."""
    done: list[Command] = []

    def do(cmd: Command) -> None:
        cmd.redo()
        done.append(cmd)
    try:
        for sid in removed:
            do(RemoveSource(amap, sid, clear_claims=True))
        renames = []
        for sid, values in edited.items():
            for name in SOURCE_FIELDS:
                if name != "id" and name in values \
                        and values[name] != getattr(amap.sources[sid], name):
                    do(SetSourceField(amap, sid, name, values[name]))
            if values.get("id", sid) != sid:
                renames.append([sid, values["id"]])
        while renames:
            ready = [r for r in renames if r[1] not in amap.sources]
            if not ready:       # a cycle of renames goes by a free id
                free = renames[0][0] + "-"
                while free in amap.sources:
                    free += "-"
                do(SetSourceField(amap, renames[0][0], "id", free))
                renames[0][0] = free
                continue
            for old, new in ready:
                do(SetSourceField(amap, old, "id", new))
                renames.remove([old, new])
        for src in added:
            do(AddSource(amap, src))
    finally:
        for cmd in reversed(done):
            cmd.undo()
    return done


# -- relations the canvas cannot draw --------------------------------------------------
def broken_ends(amap: ArgumentMap, rel: Relation) -> list[tuple[str, int, str]]:
    """The ends of a relation that name nothing it can connect: ``("from", i, id)`` for
    the i-th premise, ``("to", 0, id)`` for the target."""
    keys = {r.key for r in amap.relations if r is not rel}
    out = [("from", i, p) for i, p in enumerate(rel.premises) if p not in amap.claims]
    ok = (rel.target in keys) if rel.type == "undercut" else (rel.target in amap.claims)
    if not ok:
        out.append(("to", 0, rel.target))
    return out


def broken_relation(amap: ArgumentMap, key: str) -> Relation | None:
    """The first relation known by ``key`` with an end that names nothing."""
    return next((r for r in amap.relations if r.key == key and broken_ends(amap, r)), None)


def end_candidates(amap: ArgumentMap, rel: Relation, end: str) -> list[str]:
    """What the end of ``rel`` may be connected to: claims, or relations for an
    undercut's target."""
    if end == "to" and rel.type == "undercut":
        keys = {r.key for r in amap.relations}
        return [r.key for r in amap.relations if r is not rel
                and all(p in amap.claims for p in r.premises)
                and (r.target in keys if r.type == "undercut" else r.target in amap.claims)]
    taken = set(rel.premises) | {rel.target}
    return [cid for cid in amap.claims if cid not in taken]


def reconnect(amap: ArgumentMap, rel: Relation, end: str, index: int, new: str) -> Command:
    """Point one end of a relation at ``new`` (a claim id, or a relation key for an
    undercut's target).  Undercuts of the relation keep their target: a relation
    without id gets its old key as id first."""
    cmds: list[Command] = []
    if not rel.id and any(r.type == "undercut" and r.target == rel.key and r is not rel
                          for r in amap.relations):
        cmds.append(SetRelationField(amap, rel, "id", rel.key))
    if end == "from":
        premises = list(rel.premises)
        premises[index] = new
        cmds.append(SetRelationField(amap, rel, "from", premises))
    else:
        cmds.append(SetRelationField(amap, rel, "to", new))
    return Macro(f"Connect relation to “{new}”", cmds)


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
        # in the order given, after the map's claims (each index counts the ones before)
        cmds.append(AddClaim(amap, new, len(amap.claims) + len(cmds)))
    for r in relations:
        if all(p in renames for p in r.premises) and r.target in renames:
            cmds.append(AddRelation(amap, Relation(r.type, [renames[p] for p in r.premises],
                                                   renames[r.target], "", r.note)))
    return Macro(f"Paste {len(claims)} claim(s)", cmds), renames


class ResolveConflict(Command):
    """Settle merge conflict ``index`` of ``amap.conflicts``: ``take`` "ours" keeps what
    the map holds, "theirs" puts the other side's version in; the entry goes."""

    def __init__(self, amap: ArgumentMap, index: int, take: str = "ours") -> None:
        from .merge_conflicts import resolution
        super().__init__()
        self.amap, self.before = amap, list(amap.conflicts)
        self.children, self.after = resolution(amap, index, take)
        self.text = f"Resolve merge conflict: take {take}"

    def redo(self) -> None:
        super().redo()
        self.amap.set_conflicts(self.after)

    def undo(self) -> None:
        self.amap.set_conflicts(self.before)
        super().undo()


def _short(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


_FIELD_LABEL = {"en": "English text", "pos": "position", "base": "base score"}
