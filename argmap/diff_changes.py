"""The changes of a :class:`~argmap.mapdiff.MapDiff` one by one, and taking one back.

:func:`list_changes` turns the difference between an old map and the map now
into a list of :class:`Change` entries in the order of the map (the header, the
sources, the claims with the removed ones where they stood, then the
relations), as the app walks them.  :func:`take_back` makes the undoable
command (built from :mod:`argmap.commands`) that puts one change back the way
the old map had it: a removed claim comes back (with its relations whose
claims are there), an added one goes, a changed field gets its old value, a
relation is restored.  :func:`place_ghosts` says where to draw the removed
claims among the claims of the map now.  No Qt.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Callable

from .commands import (
    AddClaim, AddRelation, AddSource, Command, Macro, MoveClaims, RemoveClaim, RemoveRelation,
    RemoveSource, SetClaimField, SetHeader, SetRelationField, SetSourceField, SetTagColor,
)
from .mapdiff import FieldChange, MapDiff, follow_renames
from .model import ArgumentMap, Claim, Relation, Source

KINDS = ("added", "removed", "changed", "moved", "renamed", "reordered")
#: header fields a change of which can be taken back with SetHeader
_PLAIN_HEADER = ("title", "description", "lang", "source_folder", "direction")


@dataclass
class Change:
    """One change from the old map to the map now."""

    kind: str                   # added, removed, changed, moved, renamed, reordered
    what: str                   # claim, relation, source, header
    #: the claim's id (a removed one's old id, a renamed one's new id), the relation's
    #: key (in the map now; a removed one's in the old map, renames followed), the
    #: source's id, the header field ('' for a reordering)
    key: str
    fields: list[FieldChange] = field(default_factory=list)
    #: an added claim as the map has it, a removed one as the old map had it
    claim: Claim | None = None
    #: an added or changed relation as the map has it; a removed one as the old map
    #: had it (renames followed)
    relation: Relation | None = None
    #: a changed relation as the old map had it (renames followed)
    before: Relation | None = None
    source: Source | None = None
    #: a renamed claim's old id
    old_id: str = ""
    #: for a removed claim: the old map's claim ids in order (renames followed), to
    #: put it back where it stood, and the removed relations that come back with it
    old_order: list[str] = field(default_factory=list, repr=False)
    comes_with: list["Change"] = field(default_factory=list, repr=False)
    #: for a removed relation: its index in the old map, and the old map's relations
    #: (renames followed), to put it back after the one that stood before it
    index: int = -1
    old_relations: list[Relation] = field(default_factory=list, repr=False)

    @property
    def on_map(self) -> bool:
        """Drawn on the canvas (a claim or a relation), not only listed."""
        return self.what in ("claim", "relation") and self.kind != "reordered"

    @property
    def claims(self) -> list[str]:
        """The ids of the claims the change concerns."""
        if self.what == "claim":
            return [self.key] if self.key else []
        rel = self.relation
        if rel is None:
            return []
        ids = list(rel.premises) + ([] if rel.type == "undercut" else [rel.target])
        return list(dict.fromkeys(ids))


def subject(change: Change, amap: ArgumentMap | None = None) -> str:
    """What the change is about, in a few words: a claim's text, a relation's ends."""
    if change.what == "claim":
        claim = change.claim
        if claim is None and amap is not None:
            claim = amap.claims.get(change.key)
        text = (claim.text or claim.ref) if claim is not None else ""
        return _short(text) or change.key
    if change.what == "relation" and change.relation is not None:
        rel = change.relation
        return f"{' + '.join(rel.premises)} {rel.type} {rel.target}"
    if change.what == "source":
        src = change.source
        return f"{change.key}" + (f" ({_short(src.title)})" if src is not None and src.title
                                  else "")
    return change.key


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


# -- the list ------------------------------------------------------------------------
def list_changes(old: ArgumentMap, new: ArgumentMap, d: MapDiff) -> list[Change]:
    """Every change of ``d`` (the difference from ``old`` to ``new``) in map order."""
    out: list[Change] = []
    for h in d.header:
        out.append(Change("changed", "header", h.field, [h]))
    for s in d.sources_added:
        out.append(Change("added", "source", s.id, source=copy.copy(s)))
    for s in d.sources_removed:
        out.append(Change("removed", "source", s.id, source=copy.copy(s)))
    for sc in d.sources_changed:
        out.append(Change("changed", "source", sc.id, list(sc.changes),
                          source=copy.copy(new.sources.get(sc.id))))
    if d.source_order is not None:
        out.append(Change("reordered", "source", ""))
    out += _claim_changes(old, new, d)
    if d.claim_order is not None:
        out.append(Change("reordered", "claim", ""))
    renames = {r.old_id: r.new_id for r in d.claims_renamed}
    rel_changes = _relation_changes(new, d)
    out += rel_changes
    if d.relation_order is not None:
        out.append(Change("reordered", "relation", ""))
    gone = [rc for rc in rel_changes if rc.kind == "removed"]
    if gone:
        followed = follow_renames(old.relations, renames)
        for rc in gone:
            rc.old_relations = followed
    order = [renames.get(cid, cid) for cid in old.claims]
    for ch in out:
        if ch.what == "claim" and ch.kind == "removed":
            ch.old_order = order
            ch.comes_with = [g for g in gone if g.relation is not None and (
                ch.key in g.relation.premises or g.relation.target == ch.key)]
    return out


def _claim_changes(old: ArgumentMap, new: ArgumentMap, d: MapDiff) -> list[Change]:
    per: dict[str, list[Change]] = {}
    renames = {r.old_id: r.new_id for r in d.claims_renamed}
    for c in d.claims_added:
        per.setdefault(c.id, []).append(Change("added", "claim", c.id, claim=c.clone()))
    for r in d.claims_renamed:
        per.setdefault(r.new_id, []).append(Change("renamed", "claim", r.new_id,
                                                   old_id=r.old_id))
    for cc in d.claims_changed:
        per.setdefault(cc.id, []).append(Change("changed", "claim", cc.id, list(cc.changes)))
    for m in d.claims_moved:
        per.setdefault(m.id, []).append(Change("moved", "claim", m.id,
                                               [FieldChange("pos", m.old, m.new)]))
    # the removed claims come after the claim that stood before them in the old map
    after: dict[str, list[Change]] = {}
    first: list[Change] = []
    removed = {c.id: c for c in d.claims_removed}
    previous = ""
    for cid in old.claims:
        if cid in removed:
            change = Change("removed", "claim", cid, claim=removed[cid].clone())
            (after.setdefault(previous, []) if previous else first).append(change)
        else:
            previous = renames.get(cid, cid)
    out = list(first)
    for cid in new.claims:
        out += per.get(cid, [])
        out += after.get(cid, [])
    return out


def _relation_changes(new: ArgumentMap, d: MapDiff) -> list[Change]:
    renames = {r.old_id: r.new_id for r in d.claims_renamed}
    placed: list[tuple[int, int, Change]] = []
    index_of: dict[int, int] = {id(r): i for i, r in enumerate(new.relations)}
    by_content: dict[tuple, list[int]] = {}
    for i, r in enumerate(new.relations):
        by_content.setdefault(_rel_content(r), []).append(i)
    for rel, at in zip(d.relations_added, d.relations_added_at):
        placed.append((at, 0, Change("added", "relation", rel.key, relation=rel.clone())))
    for rc in d.relations_changed:
        at = index_of.get(id(rc.new), -1)
        if at < 0:
            found = by_content.get(_rel_content(rc.new), [])
            at = found[0] if found else len(new.relations)
        before = follow_renames([rc.old], renames)[0]
        placed.append((at, 0, Change("changed", "relation", rc.new.key, list(rc.changes),
                                     relation=rc.new.clone(), before=before)))
    for i, rel in d.relations_removed:
        followed = follow_renames([rel], renames)[0]
        placed.append((min(i, len(new.relations)), 1,
                       Change("removed", "relation", followed.key, relation=followed,
                              index=i)))
    placed.sort(key=lambda t: (t[0], t[1]))
    return [c for _, _, c in placed]


def _rel_content(r: Relation) -> tuple:
    return (r.type, tuple(r.premises), r.target, r.id, r.note, r.scheme,
            tuple(r.roles.items()), tuple(r.questions.items()), tuple(r.answers.items()))


def counts(changes: list[Change]) -> dict[str, int]:
    """How many claims and relations were added, removed, changed (renamed ones
    counted as changed) and moved; and how many other changes (header, sources,
    orders) there are."""
    out = {"added": 0, "removed": 0, "changed": 0, "moved": 0, "other": 0}
    for c in changes:
        if not c.on_map:
            out["other"] += 1
        else:
            out["changed" if c.kind == "renamed" else c.kind] += 1
    return out


# -- taking one back -----------------------------------------------------------------
def why_not(amap: ArgumentMap, change: Change) -> str:
    """Why ``change`` cannot be taken back in ``amap`` as it is now ('' if it can)."""
    if change.kind == "reordered":
        return "a new order is taken back in the file"
    if change.kind == "renamed":
        return "a new id is taken back in the file"
    if change.what == "header" and change.key not in _PLAIN_HEADER + ("tag_colors",):
        return f"a change of the {change.key} is taken back in the file"
    if change.what == "claim":
        present = change.key in amap.claims
        if change.kind == "removed" and present:
            return f"a claim '{change.key}' is in the map again"
        if change.kind != "removed" and not present:
            return f"claim '{change.key}' is no longer in the map"
    if change.what == "relation":
        rel = change.relation
        if change.kind == "removed":
            if rel is not None and _missing_end(amap, rel):
                return f"'{_missing_end(amap, rel)}' is not in the map: take it back first"
        elif _live(amap, rel) is None:
            return "the relation is no longer in the map as it was"
    if change.what == "source":
        present = change.key in amap.sources
        if change.kind == "removed" and present:
            return f"a source '{change.key}' is in the map again"
        if change.kind != "removed" and not present:
            return f"source '{change.key}' is no longer in the map"
    return ""


def take_back(amap: ArgumentMap, change: Change, field_name: str | None = None) -> Command:
    """The command that takes ``change`` back in ``amap`` (only the field
    ``field_name`` of a changed claim or relation, when given).  ValueError (the
    message says why) for a change that cannot be taken back as the map is now."""
    problem = why_not(amap, change)
    if problem:
        raise ValueError(problem)
    done: list[Command] = []

    def do(cmd: Command) -> None:
        cmd.redo()
        done.append(cmd)
    try:
        _TAKE[change.what](amap, change, field_name, do)
    finally:
        for cmd in reversed(done):
            cmd.undo()
    if not done:
        raise ValueError("nothing to take back: the map has it as the old map had it")
    return Macro(f"Take back {change.kind} {change.what}", done)


_Do = Callable[[Command], None]


def _fields(change: Change, field_name: str | None) -> list[FieldChange]:
    chosen = [f for f in change.fields if field_name is None or f.field == field_name]
    if not chosen:
        raise ValueError(f"'{field_name}' did not change")
    return chosen


def _claim(amap: ArgumentMap, change: Change, field_name: str | None, do: _Do) -> None:
    cid = change.key
    if change.kind == "added":
        do(RemoveClaim(amap, cid))
    elif change.kind == "removed":
        assert change.claim is not None
        do(AddClaim(amap, change.claim.clone(), _claim_index(amap, change)))
    elif change.kind == "moved":
        old = change.fields[0].old
        do(MoveClaims(amap, {cid: (amap.claims[cid].pos, old)}, "Move back"))
    else:
        for f in _fields(change, field_name):
            do(SetClaimField(amap, cid, f.field, list(f.old) if f.field == "tags" else f.old))


def _claim_index(amap: ArgumentMap, change: Change) -> int:
    """Where a removed claim goes back: after the claim that stood before it in the
    old map and is in the map now (at the end when the order is not known)."""
    order = change.old_order
    if change.key in order:
        at = order.index(change.key)
        for cid in reversed(order[:at]):
            if cid in amap.claims:
                return amap.claim_index(cid) + 1
        return 0
    return len(amap.claims)


def _relation(amap: ArgumentMap, change: Change, field_name: str | None, do: _Do) -> None:
    if change.kind == "added":
        live = _live(amap, change.relation)
        assert live is not None
        do(RemoveRelation(amap, live))      # its undercuts go with it
        return
    if change.kind == "removed":
        assert change.relation is not None
        do(AddRelation(amap, change.relation.clone(), _relation_index(amap, change)))
        return
    live, before = _live(amap, change.relation), change.before
    assert live is not None and before is not None
    for f in _fields(change, field_name):
        if f.field == "reversed":
            do(SetRelationField(amap, live, "from", list(before.premises)))
            do(SetRelationField(amap, live, "to", before.target))
        elif f.field == "premises":
            do(SetRelationField(amap, live, "from", list(before.premises)))
        elif f.field == "target":
            do(SetRelationField(amap, live, "to", before.target))
        else:
            value = getattr(before, f.field)
            do(SetRelationField(amap, live, f.field,
                                dict(value) if isinstance(value, dict) else value))


#: how many relations before a removed one are looked for in the map now
_LOOK_BACK = 50


def _relation_index(amap: ArgumentMap, change: Change) -> int:
    """Where a removed relation goes back: after the relation that stood before it in
    the old map (the one with its id, or one with its content), if the map has it;
    else at its old index."""
    olds, at = change.old_relations, change.index
    for j in range(at - 1, max(-1, at - 1 - _LOOK_BACK), -1):
        if j < len(olds):
            before = olds[j]
            for i, r in enumerate(amap.relations):
                if (r.id == before.id) if before.id else r.same_as(before):
                    return i + 1
    return max(0, min(at, len(amap.relations)))


def _live(amap: ArgumentMap, rel: Relation | None) -> Relation | None:
    """The map's relation with exactly the content of ``rel``."""
    if rel is None:
        return None
    return next((r for r in amap.relations if r.same_as(rel)), None)


def _missing_end(amap: ArgumentMap, rel: Relation, also: set[str] | None = None) -> str:
    """The first end of ``rel`` that is not in ``amap`` ('' when all are)."""
    also = also or set()
    for p in rel.premises:
        if p not in amap.claims and p not in also:
            return p
    if rel.type == "undercut":
        if all(r.key != rel.target for r in amap.relations):
            return rel.target
    elif rel.target not in amap.claims and rel.target not in also:
        return rel.target
    return ""


def _claim_with_relations(amap: ArgumentMap, change: Change, field_name: str | None,
                          do: _Do) -> None:
    _claim(amap, change, field_name, do)
    if change.kind != "removed":
        return
    pending = list(change.comes_with)
    while pending:      # an undercut comes back after the relation it undercuts
        ready = [c for c in pending if c.relation is not None
                 and not _missing_end(amap, c.relation)]
        if not ready:
            break
        for c in ready:
            assert c.relation is not None
            if _live(amap, c.relation) is None:
                do(AddRelation(amap, c.relation.clone(), _relation_index(amap, c)))
            pending.remove(c)


def _source(amap: ArgumentMap, change: Change, field_name: str | None, do: _Do) -> None:
    sid = change.key
    if change.kind == "added":
        do(RemoveSource(amap, sid, clear_claims=True))
    elif change.kind == "removed":
        assert change.source is not None
        do(AddSource(amap, copy.copy(change.source)))
    else:
        for f in _fields(change, field_name):
            do(SetSourceField(amap, sid, f.field, f.old))


def _header(amap: ArgumentMap, change: Change, field_name: str | None, do: _Do) -> None:
    f = change.fields[0]
    if change.key == "tag_colors":
        old, now = dict(f.old), dict(amap.display.tag_colors)
        for tag in list(now) + [t for t in old if t not in now]:
            if old.get(tag) != now.get(tag):
                do(SetTagColor(amap, tag, old.get(tag)))
    else:
        do(SetHeader(amap, change.key, f.old))


_TAKE: dict[str, Callable[[ArgumentMap, Change, str | None, _Do], None]] = {
    "claim": _claim_with_relations, "relation": _relation, "source": _source,
    "header": _header}


# -- where the removed claims are drawn ----------------------------------------------
#: a box on the canvas: centre x, centre y, width, height
Box = tuple[float, float, float, float]
GAP = 40.0


def place_ghosts(old: ArgumentMap, ghosts: dict[str, tuple[float, float]],
                 places: dict[str, Box], direction: str = "TB") -> dict[str, tuple[float, float]]:
    """Centres for the removed claims ``ghosts`` (id -> box width and height): at
    their old position when the old map has one, else next to the claims they were
    connected to in ``old`` (a reason below the claim it supports, for a map drawn
    top to bottom), else in a column right of the map; never on another box.
    ``places`` holds the boxes of the map now by claim id."""
    taken: list[Box] = list(places.values())
    where: dict[str, Box] = dict(places)
    out: dict[str, tuple[float, float]] = {}
    links: dict[str, list[tuple[str, int]]] = {cid: [] for cid in ghosts}
    for rel in old.relations:
        if rel.type == "undercut":
            continue
        for p in rel.premises:
            if p in links:
                links[p].append((rel.target, 1))        # a premise: after its target
            if rel.target in links:
                links[rel.target].append((p, -1))
    todo = [cid for cid in old.claims if cid in ghosts]
    right = max((x + w / 2 for x, _y, w, _h in taken), default=0.0) + GAP * 2
    column_y = min((y - h / 2 for _x, y, _w, h in taken), default=0.0)
    for _round in range(len(todo) + 1):
        left = []
        for cid in todo:
            w, h = ghosts[cid]
            pos = old.claims[cid].pos
            near = [(where[n], side) for n, side in links[cid] if n in where]
            if pos is not None:
                x, y = pos
            elif near:
                xs = [_beside(box, side, w, h, direction) for box, side in near]
                x = sum(p[0] for p in xs) / len(xs)
                y = sum(p[1] for p in xs) / len(xs)
            else:
                left.append(cid)
                continue
            out[cid] = _free((x, y, w, h), taken, direction)
            where[cid] = (*out[cid], w, h)
            taken.append(where[cid])
        if len(left) == len(todo):
            break
        todo = left
    for cid in todo:
        if cid in out:
            continue
        w, h = ghosts[cid]
        out[cid] = _free((right + w / 2, column_y + h / 2, w, h), taken, "LR")
        column_y = out[cid][1] + h / 2 + GAP / 2
        taken.append((*out[cid], w, h))
    return out


def _beside(box: Box, side: int, w: float, h: float, direction: str) -> tuple[float, float]:
    """Where a box of size w x h goes after (side 1) or before (-1) ``box`` in the
    reading direction of the map."""
    x, y, bw, bh = box
    sign = side * (-1 if direction in ("BT", "RL") else 1)
    if direction in ("LR", "RL"):
        return x + sign * (bw / 2 + GAP * 2 + w / 2), y
    return x, y + sign * (bh / 2 + GAP * 2 + h / 2)


def _overlaps(a: Box, b: Box, margin: float = 10.0) -> bool:
    return (abs(a[0] - b[0]) * 2 < a[2] + b[2] + 2 * margin
            and abs(a[1] - b[1]) * 2 < a[3] + b[3] + 2 * margin)


def _free(box: Box, taken: list[Box], direction: str) -> tuple[float, float]:
    """The centre nearest ``box``'s own, across the reading direction, where it
    covers no box of ``taken``."""
    x, y, w, h = box
    reach = 4000.0
    near = [b for b in taken if abs(b[0] - x) < reach and abs(b[1] - y) < reach]
    across = direction not in ("LR", "RL")
    step = (w + 20.0) / 2 if across else (h + 20.0) / 2
    for k in range(0, 61):
        offset = ((k + 1) // 2) * step * (1 if k % 2 else -1)
        cand = (x + offset, y, w, h) if across else (x, y + offset, w, h)
        if not any(_overlaps(cand, b) for b in near):
            return cand[0], cand[1]
    return x, y
