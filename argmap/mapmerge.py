"""Three-way merge of a map, claim by claim: what ``argmap merge BASE OURS THEIRS`` does.

:func:`merge_maps` combines what OURS and THEIRS each changed from BASE
(:func:`argmap.mapdiff.diff_maps`): edits to different claims, to different
fields of one claim, to different relations, sources or header fields merge
cleanly, and so do additions on both sides.  What both changed in different
ways is a conflict: the merged map holds OURS' version and lists the conflict
in ``conflicts`` (:mod:`argmap.merge_conflicts` has the entries):

* the same field of a claim, relation or source, or the same header field
  (the conclusion and the tag colours key by key), changed to different values;
* a claim, relation or source deleted on one side and changed, or used, on the
  other: a claim is used when a relation that touches it was added or changed,
  a relation when an undercut of it was, a source when a claim of the merged
  map cites it;
* two different claims, relations or sources added under one id.

A claim renamed on one side (mapdiff's renames: a new id, the same content) is
renamed in the other side too before the merge, so that the other side's edits
follow it.  Relations are matched as mapdiff matches them.  The order is the
one side's that kept the order of BASE, the other side's additions placed
after the same neighbours.  ``merge_maps(b, x, b)`` and ``merge_maps(b, b, x)``
give ``x``.  Everything is linear in the size of the maps.  Pure Python, no Qt.
"""

from __future__ import annotations

import copy
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any, Hashable

from .fileformat import claim_to_data, relation_to_data, source_to_data
from .mapdiff import CONTENT_FIELDS, MapDiff, diff_maps, follow_renames
from .merge_conflicts import DELETED, HEADER_PLAIN, SIDES, SOURCE_DATA
from .model import CLAIM_FIELDS, ArgumentMap, Claim, Relation

#: relation fields as the file names them, and the model's attribute for each
RELATION_ATTRS = (("id", "id"), ("type", "type"), ("from", "premises"), ("to", "target"),
                  ("scheme", "scheme"), ("roles", "roles"), ("questions", "questions"),
                  ("answers", "answers"), ("note", "note"))


@dataclass
class MergeResult:
    """The merged map (its ``conflicts`` are all that are left, carried ones
    included) and the conflicts this merge found."""

    map: ArgumentMap
    new_conflicts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.map.conflicts


def merge_maps(base: ArgumentMap, ours: ArgumentMap, theirs: ArgumentMap) -> MergeResult:
    """OURS and THEIRS, each a change of BASE, in one map (the inputs are not changed)."""
    base, ours, theirs, d_ours, d_theirs = _follow_renames(base, ours, theirs)
    m = _Merge(base, ours, theirs)
    m.relation_slots(d_ours, d_theirs)
    m.claims()
    m.zones()
    m.relations()
    m.sources()
    m.header()
    new = m.header_entries + m.source_entries + m.claim_entries + m.relation_entries
    out = m.out
    out.conflicts = _carried(base.conflicts, ours.conflicts, theirs.conflicts) + new
    return MergeResult(out, copy.deepcopy(new))


# -- the pieces --------------------------------------------------------------------
def _pick(base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """The merged value of one field, and whether the two sides conflict (then
    OURS' value is taken)."""
    if ours == theirs:
        return ours, False
    if ours == base:
        return theirs, False
    if theirs == base:
        return ours, False
    return ours, True


def _order(base: list, ours: list, theirs: list) -> list:
    """The keys of both sides in one order: the order of the side that kept BASE's
    order (THEIRS' when both did), the other side's new keys after the key before
    them there."""
    in_ours, in_base = set(ours), set(base)
    if [k for k in ours if k in in_base] == [k for k in base if k in in_ours]:
        skeleton, other = theirs, ours
    else:
        skeleton, other = ours, theirs
    have = set(skeleton)
    after: dict[Hashable, list] = defaultdict(list)
    anchor: Hashable = None
    for k in other:
        if k in have:
            anchor = k
        else:
            after[anchor].append(k)
    out = list(after.get(None, ()))
    for k in skeleton:
        out.append(k)
        out.extend(after.get(k, ()))
    return out


def _carried(base: list, ours: list, theirs: list) -> list:
    """Conflicts of earlier merges: gone where one side resolved them."""
    out = [copy.deepcopy(e) for e in ours if e in theirs or e not in base]
    return out + [copy.deepcopy(e) for e in theirs if e not in ours and e not in base]


def _renamed(amap: ArgumentMap, renames: dict[str, str]) -> ArgumentMap:
    if not renames:
        return amap
    out = amap.copy()
    out.claims = {}
    for cid, claim in amap.claims.items():
        c = claim.clone()
        c.id = renames.get(cid, cid)
        out.claims[c.id] = c
    out.relations = follow_renames(amap.relations, renames)
    out.conclusion = {renames.get(k, k): v for k, v in amap.conclusion.items()}
    return out


def _follow_renames(base: ArgumentMap, ours: ArgumentMap, theirs: ArgumentMap
                    ) -> tuple[ArgumentMap, ArgumentMap, ArgumentMap, MapDiff, MapDiff]:
    """The three maps with each side's renames made in BASE and the other side too
    (where the other side has the old id and not the new one), and the differences
    of the sides from BASE."""
    d_ours, d_theirs = diff_maps(base, ours), diff_maps(base, theirs)
    r_ours = {r.old_id: r.new_id for r in d_ours.claims_renamed}
    r_theirs = {r.old_id: r.new_id for r in d_theirs.claims_renamed}
    in_base: dict[str, str] = {}
    to_ours: dict[str, str] = {}
    to_theirs: dict[str, str] = {}
    for renames, mine, other, to_other in ((r_ours, ours, theirs, to_theirs),
                                           (r_theirs, theirs, ours, to_ours)):
        other_renames = r_theirs if renames is r_ours else r_ours
        for old, new in renames.items():
            if old in in_base or new in base.claims:
                continue
            if other_renames.get(old) == new:
                in_base[old] = new
            elif (old not in other_renames and old in other.claims
                  and new not in other.claims):
                in_base[old] = new
                to_other[old] = new
    if not in_base:
        return base, ours, theirs, d_ours, d_theirs
    base, ours, theirs = (_renamed(base, in_base), _renamed(ours, to_ours),
                          _renamed(theirs, to_theirs))
    return base, ours, theirs, diff_maps(base, ours), diff_maps(base, theirs)


def _pairs(d: MapDiff, n_old: int, n_new: int) -> dict[int, int]:
    """The relations a difference matched: old index -> new index."""
    if d.relation_order is not None:
        return {i: j for j, i in enumerate(d.relation_order) if i >= 0}
    removed = {i for i, _ in d.relations_removed}
    added = set(d.relations_added_at)
    return dict(zip((i for i in range(n_old) if i not in removed),
                    (j for j in range(n_new) if j not in added)))


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def _value(name: str, value: Any) -> Any:
    """A claim field's value as the file writes it."""
    if name == "pos":
        return None if value is None else [_num(value[0]), _num(value[1])]
    if name == "tags":
        return list(value)
    if name == "base":
        return _num(value)
    return value


def _same_claim(a: Claim, b: Claim, names: tuple[str, ...] = CLAIM_FIELDS) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in names)


def _rel_value(name: str, rel: Relation) -> Any:
    value = relation_to_data(rel).get(name)
    if value is None:
        return {} if name in ("roles", "questions", "answers") else ""
    return value


@dataclass
class _Slot:
    """One relation as BASE, OURS and THEIRS have it (None: not there)."""

    base: Relation | None
    ours: Relation | None
    theirs: Relation | None

    def side(self, name: str) -> Relation | None:
        return self.ours if name == "ours" else self.theirs

    def changed(self, name: str) -> Relation | None:
        """The side's relation when it differs from BASE's (added or changed)."""
        rel = self.side(name)
        return rel if rel is not None and (self.base is None
                                           or not rel.same_as(self.base)) else None


class _Merge:
    def __init__(self, base: ArgumentMap, ours: ArgumentMap, theirs: ArgumentMap) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.out = ArgumentMap(ours.title, ours.description, ours.lang)
        self.header_entries: list[dict[str, Any]] = []
        self.source_entries: list[dict[str, Any]] = []
        self.claim_entries: list[dict[str, Any]] = []
        self.relation_entries: list[dict[str, Any]] = []
        self.slots: list[_Slot] = []
        self.slot_order: tuple[list[int], list[int], list[int]] = ([], [], [])
        #: claims deleted on one side and kept on the other, or added twice: both sides
        self.whole: dict[str, tuple[Claim | None, Claim | None]] = {}
        #: slot -> the claims of ``whole`` whose choice decides it
        self.zone: dict[int, set[str]] = {}

    def _map(self, name: str) -> ArgumentMap:
        return self.ours if name == "ours" else self.theirs

    # -- relations, matched -----------------------------------------------------
    def relation_slots(self, d_ours: MapDiff, d_theirs: MapDiff) -> None:
        base, ours, theirs = self.base.relations, self.ours.relations, self.theirs.relations
        p_ours = _pairs(d_ours, len(base), len(ours))
        p_theirs = _pairs(d_theirs, len(base), len(theirs))
        slots, of_ours, of_theirs = self.slots, {}, {}
        for i, rel in enumerate(base):
            j, k = p_ours.get(i), p_theirs.get(i)
            slots.append(_Slot(rel, None if j is None else ours[j],
                               None if k is None else theirs[k]))
            if j is not None:
                of_ours[j] = i
            if k is not None:
                of_theirs[k] = i
        waiting: dict[str, deque[int]] = defaultdict(deque)
        for k, rel in enumerate(theirs):
            if k not in of_theirs:
                waiting[rel.key].append(k)
        for j, rel in enumerate(ours):
            if j in of_ours:
                continue
            queue = waiting.get(rel.key)
            k = queue.popleft() if queue else None
            of_ours[j] = len(slots)
            if k is not None:
                of_theirs[k] = len(slots)
            slots.append(_Slot(None, rel, None if k is None else theirs[k]))
        for k, rel in enumerate(theirs):
            if k not in of_theirs:
                of_theirs[k] = len(slots)
                slots.append(_Slot(None, None, rel))
        self.slot_order = (list(range(len(base))), [of_ours[j] for j in range(len(ours))],
                           [of_theirs[k] for k in range(len(theirs))])

    def _touched(self, name: str) -> set[str]:
        """The claims a relation added or changed on that side touches."""
        out: set[str] = set()
        for s in self.slots:
            rel = s.changed(name)
            if rel is not None:
                out.update(rel.premises)
                out.add(rel.target)
        return out

    # -- claims -------------------------------------------------------------------
    def claims(self) -> None:
        base, ours, theirs = self.base.claims, self.ours.claims, self.theirs.claims
        touched = {name: self._touched(name) for name in SIDES}
        out = self.out.claims
        for cid in _order(list(base), list(ours), list(theirs)):
            b, o, t = base.get(cid), ours.get(cid), theirs.get(cid)
            if o is not None and t is not None:
                if b is None and not _same_claim(o, t, CONTENT_FIELDS):
                    self.whole[cid] = (o, t)
                    out[cid] = o.clone()
                else:
                    out[cid] = self._claim_fields(cid, b, o, t)
            elif o is not None or t is not None:
                name, kept = ("ours", o) if o is not None else ("theirs", t)
                assert kept is not None
                if b is None:
                    out[cid] = kept.clone()
                elif not _same_claim(kept, b) or cid in touched[name]:
                    self.whole[cid] = (o, t)
                    if o is not None:
                        out[cid] = o.clone()

    def _claim_fields(self, cid: str, b: Claim | None, o: Claim, t: Claim) -> Claim:
        merged = o.clone()
        for name in CLAIM_FIELDS:
            ov, tv = getattr(o, name), getattr(t, name)
            value, conflict = _pick(None if b is None else getattr(b, name), ov, tv)
            setattr(merged, name, list(value) if name == "tags" else value)
            if conflict:
                self.claim_entries.append({"claim": cid, "field": name,
                                           "ours": _value(name, ov),
                                           "theirs": _value(name, tv)})
        return merged

    # -- what a claim conflict decides ---------------------------------------------
    def zones(self) -> None:
        """Each relation that touches a claim of ``whole`` on either side, and each
        undercut of such a relation, goes with the choice for that claim."""
        whole, zone = self.whole, self.zone
        if not whole:
            return
        for n, s in enumerate(self.slots):
            for rel in (s.ours, s.theirs):
                if rel is not None:
                    hit = {c for c in (*rel.premises, rel.target) if c in whole}
                    if hit:
                        zone.setdefault(n, set()).update(hit)
        for _ in range(len(self.slots)):         # undercuts of undercuts too
            grew = False
            for name in SIDES:
                keys: dict[str, set[str]] = {}
                for n, claims in zone.items():
                    rel = self.slots[n].side(name)
                    if rel is not None:
                        keys.setdefault(rel.key, set()).update(claims)
                for n, s in enumerate(self.slots):
                    rel = s.side(name)
                    if rel is not None and rel.type == "undercut" and rel.target in keys:
                        have = zone.setdefault(n, set())
                        if not keys[rel.target] <= have:
                            have |= keys[rel.target]
                            grew = True
            if not grew:
                break
        for cid, (o, t) in whole.items():
            entry: dict[str, Any] = {
                "claim": cid, "ours": DELETED if o is None else claim_to_data(o),
                "theirs": DELETED if t is None else claim_to_data(t)}
            rels: dict[str, list] = {"ours": [], "theirs": []}
            for n in sorted(n for n, claims in zone.items() if cid in claims):
                s = self.slots[n]
                if s.ours is not None and s.theirs is not None and s.ours.same_as(s.theirs):
                    continue
                for name in SIDES:
                    rel = s.side(name)
                    if rel is not None:
                        rels[name].append(relation_to_data(rel))
            if rels["ours"] or rels["theirs"]:
                entry["relations"] = rels
            self.claim_entries.append(entry)

    # -- relations ------------------------------------------------------------------
    def relations(self) -> None:
        targeted = {name: {rel.target for s in self.slots
                           if (rel := s.changed(name)) is not None and rel.type == "undercut"}
                    for name in SIDES}
        merged: dict[int, Relation] = {}
        entries = self.relation_entries
        for n, s in enumerate(self.slots):
            b, o, t = s.base, s.ours, s.theirs
            if n in self.zone:
                if o is not None:
                    merged[n] = o.clone()
            elif o is not None and t is not None:
                if b is None and not o.same_as(t):
                    entries.append({"relation": o.key, "ours": relation_to_data(o),
                                    "theirs": relation_to_data(t)})
                    merged[n] = o.clone()
                else:
                    merged[n] = self._relation_fields(b, o, t, entries)
            elif o is not None or t is not None:
                name, kept = ("ours", o) if o is not None else ("theirs", t)
                assert kept is not None
                if b is None:
                    merged[n] = kept.clone()
                elif not kept.same_as(b) or kept.key in targeted[name]:
                    entries.append({"relation": kept.key,
                                    "ours": DELETED if o is None else relation_to_data(o),
                                    "theirs": DELETED if t is None else relation_to_data(t)})
                    if o is not None:
                        merged[n] = o.clone()
        self.out.relations = [merged[n] for n in _order(*self.slot_order) if n in merged]

    def _relation_fields(self, b: Relation | None, o: Relation, t: Relation,
                         entries: list[dict[str, Any]]) -> Relation:
        merged = o.clone()
        if b is None:
            return merged
        conflicts = []
        for name, attr in RELATION_ATTRS:
            value, conflict = _pick(getattr(b, attr), getattr(o, attr), getattr(t, attr))
            setattr(merged, attr, copy.copy(value))
            if conflict:
                conflicts.append(name)
        for name in conflicts:
            entries.append({"relation": merged.key, "field": name,
                            "ours": _rel_value(name, o), "theirs": _rel_value(name, t)})
        return merged

    # -- sources ------------------------------------------------------------------
    def sources(self) -> None:
        base, ours, theirs = self.base.sources, self.ours.sources, self.theirs.sources
        cited = {c.source for c in self.out.claims.values() if c.source}
        out = self.out.sources
        entries = self.source_entries
        for sid in _order(list(base), list(ours), list(theirs)):
            b, o, t = base.get(sid), ours.get(sid), theirs.get(sid)
            if o is not None and t is not None:
                if b is None and o != t:
                    entries.append({"source": sid, "ours": source_to_data(o),
                                    "theirs": source_to_data(t)})
                    out[sid] = copy.copy(o)
                    continue
                merged = copy.copy(o)
                for name in SOURCE_DATA:
                    ov, tv = getattr(o, name), getattr(t, name)
                    value, conflict = _pick(getattr(b, name) if b else ov, ov, tv)
                    setattr(merged, name, value)
                    if conflict:
                        entries.append({"source": sid, "field": name, "ours": ov, "theirs": tv})
                out[sid] = merged
            elif o is not None or t is not None:
                kept = o if o is not None else t
                assert kept is not None
                if b is None:
                    out[sid] = copy.copy(kept)
                elif kept != b or sid in cited:
                    entries.append({"source": sid,
                                    "ours": DELETED if o is None else source_to_data(o),
                                    "theirs": DELETED if t is None else source_to_data(t)})
                    if o is not None:
                        out[sid] = copy.copy(o)

    # -- header ---------------------------------------------------------------------
    def header(self) -> None:
        maps = (self.base, self.ours, self.theirs)
        entries = self.header_entries
        for name in HEADER_PLAIN:
            values = [m.display.direction if name == "direction" else getattr(m, name)
                      for m in maps]
            value, conflict = _pick(*values)
            if name == "direction":
                self.out.display.direction = value
            else:
                setattr(self.out, name, value)
            if conflict:
                entries.append({"header": name, "ours": values[1], "theirs": values[2]})
        for name, dicts in (("conclusion", [m.conclusion for m in maps]),
                            ("tags", [m.display.tag_colors for m in maps])):
            merged: dict[str, str] = {}
            for key in _order(*(list(d) for d in dicts)):
                b, o, t = (d.get(key, DELETED) for d in dicts)
                value, conflict = _pick(b, o, t)
                if value != DELETED:
                    merged[key] = value
                if conflict:
                    entries.append({"header": name, "key": key, "ours": o, "theirs": t})
            if name == "conclusion":
                self.out.conclusion = merged
            else:
                self.out.display.tag_colors = merged
        # the map's own schemes, scheme by scheme (a conflict keeps OURS' scheme)
        own = [m.schemes for m in maps]
        schemes: dict[str, Any] = {}
        for key in _order(*(list(d) for d in own)):
            b, o, t = (d.get(key, DELETED) for d in own)
            value, conflict = _pick(b, o, t)
            if value != DELETED:
                schemes[key] = copy.deepcopy(value)
            if conflict:
                entries.append({"header": "schemes", "key": key, "ours": copy.deepcopy(o),
                                "theirs": copy.deepcopy(t)})
        self.out.schemes = schemes
