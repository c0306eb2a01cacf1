"""The difference between two versions of a map, claim by claim.

:func:`diff_maps` compares two maps and gives a :class:`MapDiff`: header fields
and sources changed; claims added, removed, changed (each field named), moved
only and renamed (an id changed, the content not); relations added, removed
and changed (retyped, reversed, premises, target, scheme, roles, questions,
answers, note, id).  Relations are matched by id where they have one, else by
type, premises and target, then by their endpoints; a relation that only
follows a renamed claim is unchanged.

:meth:`MapDiff.apply` replays the difference on the old map, so that
``diff_maps(a, b).apply(a).snapshot() == b.snapshot()``.  Everything is linear
in the size of the maps.  Pure Python, no Qt.
"""

from __future__ import annotations

import copy
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from .model import CLAIM_FIELDS, ArgumentMap, Claim, Relation, Source

#: the claim fields compared as content ('pos' is reported apart, as a move)
CONTENT_FIELDS = tuple(f for f in CLAIM_FIELDS if f != "pos")
#: header fields, in the order the file writes them
HEADER_FIELDS = ("title", "description", "lang", "source_folder", "conclusion",
                 "direction", "tag_colors", "schemes")
SOURCE_FIELDS = ("title", "outlet", "date", "file", "url", "note")
#: relation fields a change may name, in the order they are reported
RELATION_CHANGES = ("type", "reversed", "premises", "target", "scheme", "roles", "questions",
                    "answers", "note", "id")
#: the relation fields compared as they are (after the renames are followed)
_PLAIN_RELATION_FIELDS = ("scheme", "roles", "questions", "answers", "note", "id")


@dataclass
class FieldChange:
    """One field with its old and new value."""

    field: str
    old: Any
    new: Any

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "old": _plain(self.old), "new": _plain(self.new)}


@dataclass
class ClaimChange:
    """A claim (by its id in the new map) whose content fields changed."""

    id: str
    changes: list[FieldChange]


@dataclass
class Move:
    id: str
    old: tuple[float, float] | None
    new: tuple[float, float] | None


@dataclass
class Rename:
    old_id: str
    new_id: str


@dataclass
class RelationChange:
    """A relation of the old map (``index``) matched to one of the new map.

    ``changes`` name what differs once the renames are followed: ``type``
    (retyped), ``reversed`` (premise and target swapped), ``premises``,
    ``target``, ``scheme``, ``roles``, ``questions``, ``answers``, ``note``, ``id``.
    """

    index: int
    old: Relation
    new: Relation
    changes: list[FieldChange]

    @property
    def kinds(self) -> list[str]:
        return [c.field for c in self.changes]


@dataclass
class SourceChange:
    id: str
    changes: list[FieldChange]


@dataclass
class MapDiff:
    header: list[FieldChange] = field(default_factory=list)
    sources_added: list[Source] = field(default_factory=list)
    #: where each added source stands in the new map (its index)
    sources_added_at: list[int] = field(default_factory=list)
    sources_removed: list[Source] = field(default_factory=list)
    sources_changed: list[SourceChange] = field(default_factory=list)
    #: the new order of the source ids, when the sources both maps have are in another
    #: order (None otherwise; an added one is placed at its index in the new map)
    source_order: list[str] | None = None
    claims_added: list[Claim] = field(default_factory=list)
    #: where each added claim stands in the new map (its index)
    claims_added_at: list[int] = field(default_factory=list)
    claims_removed: list[Claim] = field(default_factory=list)
    claims_changed: list[ClaimChange] = field(default_factory=list)
    claims_moved: list[Move] = field(default_factory=list)
    claims_renamed: list[Rename] = field(default_factory=list)
    #: the new order of the claim ids, when not the natural one (see source_order)
    claim_order: list[str] | None = None
    relations_added: list[Relation] = field(default_factory=list)
    #: where each added relation stands in the new map (its index)
    relations_added_at: list[int] = field(default_factory=list)
    relations_removed: list[tuple[int, Relation]] = field(default_factory=list)
    relations_changed: list[RelationChange] = field(default_factory=list)
    #: the new order of the relations, when the relations both maps have are in
    #: another order: for each relation of the new map, ``i >= 0`` for the old map's
    #: relation ``i``, ``-1 - k`` for the ``k``-th added one
    relation_order: list[int] | None = None

    @property
    def empty(self) -> bool:
        return not any((self.header, self.sources_added, self.sources_removed,
                        self.sources_changed, self.source_order, self.claims_added,
                        self.claims_removed, self.claims_changed, self.claims_moved,
                        self.claims_renamed, self.claim_order, self.relations_added,
                        self.relations_removed, self.relations_changed,
                        self.relation_order))

    def count(self) -> int:
        """How many changes there are (a reorder counts as one)."""
        return (len(self.header) + len(self.sources_added) + len(self.sources_removed)
                + len(self.sources_changed) + (self.source_order is not None)
                + len(self.claims_added) + len(self.claims_removed)
                + len(self.claims_changed) + len(self.claims_moved)
                + len(self.claims_renamed) + (self.claim_order is not None)
                + len(self.relations_added) + len(self.relations_removed)
                + len(self.relations_changed) + (self.relation_order is not None))

    # -- output ------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """Plain data for ``json.dumps``; every part is present, empty or not."""
        return {
            "equal": self.empty,
            "header": [c.to_json() for c in self.header],
            "sources": {
                "added": [_source_json(s) for s in self.sources_added],
                "removed": [_source_json(s) for s in self.sources_removed],
                "changed": [{"id": s.id, "changes": [c.to_json() for c in s.changes]}
                            for s in self.sources_changed],
                "reordered": self.source_order is not None,
            },
            "claims": {
                "added": [claim_json(c) for c in self.claims_added],
                "removed": [claim_json(c) for c in self.claims_removed],
                "changed": [{"id": c.id, "changes": [f.to_json() for f in c.changes]}
                            for c in self.claims_changed],
                "moved": [{"id": m.id, "old": _plain(m.old), "new": _plain(m.new)}
                          for m in self.claims_moved],
                "renamed": [{"old": r.old_id, "new": r.new_id} for r in self.claims_renamed],
                "reordered": self.claim_order is not None,
            },
            "relations": {
                "added": [relation_json(r) for r in self.relations_added],
                "removed": [relation_json(r) for _, r in self.relations_removed],
                "changed": [{"key": c.new.key, "old": relation_json(c.old),
                             "new": relation_json(c.new),
                             "changes": [f.to_json() for f in c.changes]}
                            for c in self.relations_changed],
                "reordered": self.relation_order is not None,
            },
        }

    # -- replay ------------------------------------------------------------
    def apply(self, old: ArgumentMap) -> ArgumentMap:
        """A copy of ``old`` with this difference applied (``old`` is not changed).

        ``old`` must be the map the difference was computed from."""
        out = old.copy()
        for c in self.header:
            if c.field == "direction":
                out.display.direction = c.new
            elif c.field == "tag_colors":
                out.display.tag_colors = dict(c.new)
            elif c.field == "conclusion":
                out.conclusion = dict(c.new)
            elif c.field == "schemes":
                out.schemes = copy.deepcopy(c.new)
            else:
                setattr(out, c.field, c.new)
        # sources
        removed = {s.id for s in self.sources_removed}
        sources = {sid: s for sid, s in out.sources.items() if sid not in removed}
        for sc in self.sources_changed:
            for c in sc.changes:
                setattr(sources[sc.id], c.field, c.new)
        if self.source_order is not None:
            for s in self.sources_added:
                sources[s.id] = copy.copy(s)
            sources = {sid: sources[sid] for sid in self.source_order}
        else:
            sources = dict(_place(list(sources.items()),
                                  [(s.id, copy.copy(s)) for s in self.sources_added],
                                  self.sources_added_at))
        out.sources = sources
        # claims
        renames = {r.old_id: r.new_id for r in self.claims_renamed}
        removed = {c.id for c in self.claims_removed}
        claims: dict[str, Claim] = {}
        for cid, claim in out.claims.items():
            if cid in removed:
                continue
            claim.id = renames.get(cid, cid)
            claims[claim.id] = claim
        for cc in self.claims_changed:
            for c in cc.changes:
                setattr(claims[cc.id], c.field, list(c.new) if c.field == "tags" else c.new)
        for m in self.claims_moved:
            claims[m.id].pos = m.new
        added = [(c.id, c.clone()) for c in self.claims_added]
        if self.claim_order is not None:
            claims.update(added)
            claims = {cid: claims[cid] for cid in self.claim_order}
        else:
            claims = dict(_place(list(claims.items()), added, self.claims_added_at))
        out.claims = claims
        # relations
        followed = follow_renames(old.relations, renames)
        for rc in self.relations_changed:
            followed[rc.index] = rc.new.clone()
        new_rels = [r.clone() for r in self.relations_added]
        if self.relation_order is not None:
            out.relations = [followed[i] if i >= 0 else new_rels[-1 - i]
                             for i in self.relation_order]
        else:
            gone = {i for i, _ in self.relations_removed}
            out.relations = _place([r for i, r in enumerate(followed) if i not in gone],
                                   new_rels, self.relations_added_at)
        return out


# -- comparing ---------------------------------------------------------------
def diff_maps(old: ArgumentMap, new: ArgumentMap) -> MapDiff:
    """What changed from ``old`` to ``new``."""
    d = MapDiff()
    d.header = _header_changes(old, new)
    _diff_sources(old, new, d)
    renames = _diff_claims(old, new, d)
    _diff_relations(old, new, renames, d)
    return d


def _header_values(amap: ArgumentMap) -> dict[str, Any]:
    return {"title": amap.title, "description": amap.description, "lang": amap.lang,
            "source_folder": amap.source_folder, "conclusion": dict(amap.conclusion),
            "direction": amap.display.direction,
            "tag_colors": dict(amap.display.tag_colors),
            "schemes": copy.deepcopy(amap.schemes)}


def _header_changes(old: ArgumentMap, new: ArgumentMap) -> list[FieldChange]:
    a, b = _header_values(old), _header_values(new)
    out = []
    for name in HEADER_FIELDS:
        same = a[name] == b[name]
        if isinstance(a[name], dict) and same:
            same = list(a[name].items()) == list(b[name].items())    # order too
        if not same:
            out.append(FieldChange(name, a[name], b[name]))
    return out


def _place(kept: list, added: list, at: list[int]) -> list:
    """``kept`` with ``added[k]`` put at index ``at[k]`` (``at`` ascending; an added
    item without an index goes to the end)."""
    out: list = []
    k = n = 0
    while k < len(kept) or n < len(added):
        if n < len(added) and (k >= len(kept) or (n < len(at) and at[n] <= len(out))):
            out.append(added[n])
            n += 1
        else:
            out.append(kept[k])
            k += 1
    return out


def _same_order(old_ids: list[str], removed: set[str], renames: dict[str, str],
                new_ids: list[str], added: set[str]) -> bool:
    """True when the ids both maps have come in the same order in both."""
    kept = [renames.get(i, i) for i in old_ids if i not in removed]
    return kept == [i for i in new_ids if i not in added]


def _diff_sources(old: ArgumentMap, new: ArgumentMap, d: MapDiff) -> None:
    for sid, s in old.sources.items():
        t = new.sources.get(sid)
        if t is None:
            d.sources_removed.append(copy.copy(s))
            continue
        changes = [FieldChange(f, getattr(s, f), getattr(t, f))
                   for f in SOURCE_FIELDS if getattr(s, f) != getattr(t, f)]
        if changes:
            d.sources_changed.append(SourceChange(sid, changes))
    for at, (sid, s) in enumerate(new.sources.items()):
        if sid not in old.sources:
            d.sources_added.append(copy.copy(s))
            d.sources_added_at.append(at)
    if not _same_order(list(old.sources), {s.id for s in d.sources_removed}, {},
                       list(new.sources), {s.id for s in d.sources_added}):
        d.source_order = list(new.sources)


def _content(claim: Claim) -> tuple:
    return tuple(tuple(claim.tags) if f == "tags" else getattr(claim, f)
                 for f in CONTENT_FIELDS)


def _diff_claims(old: ArgumentMap, new: ArgumentMap, d: MapDiff) -> dict[str, str]:
    """Fill the claim part of ``d``; the renames, old id -> new id."""
    gone = [c for cid, c in old.claims.items() if cid not in new.claims]
    came = [c for cid, c in new.claims.items() if cid not in old.claims]
    by_content: dict[tuple, deque[Claim]] = defaultdict(deque)
    for c in gone:
        by_content[_content(c)].append(c)
    renames: dict[str, str] = {}
    added = []
    for c in came:
        twins = by_content.get(_content(c))
        if twins:
            renames[twins.popleft().id] = c.id
        else:
            added.append(c)
    d.claims_renamed = [Rename(o, n) for o, n in renames.items()]
    d.claims_removed = [c.clone() for c in gone if c.id not in renames]
    d.claims_added = [c.clone() for c in added]
    for cid, a in old.claims.items():
        nid = renames.get(cid, cid)
        b = new.claims.get(nid)
        if b is None:
            continue
        changes = [FieldChange(f, _copy(getattr(a, f)), _copy(getattr(b, f)))
                   for f in CONTENT_FIELDS if getattr(a, f) != getattr(b, f)]
        if changes:
            d.claims_changed.append(ClaimChange(nid, changes))
        if a.pos != b.pos:
            d.claims_moved.append(Move(nid, a.pos, b.pos))
    added_ids = {c.id for c in d.claims_added}
    d.claims_added_at = [at for at, cid in enumerate(new.claims) if cid in added_ids]
    if not _same_order(list(old.claims), {c.id for c in d.claims_removed}, renames,
                       list(new.claims), added_ids):
        d.claim_order = list(new.claims)
    return renames


def follow_renames(relations: list[Relation], renames: dict[str, str]) -> list[Relation]:
    """Copies of ``relations`` with renamed claims' new ids (and, for an undercut, the
    new key of a relation without id whose claims were renamed)."""
    out = [r.clone() for r in relations]
    if not renames:
        return out
    keys: dict[str, str] = {}
    for r in out:
        if r.type == "undercut":
            continue
        before = r.key
        r.premises = [renames.get(p, p) for p in r.premises]
        r.target = renames.get(r.target, r.target)
        if r.roles:
            r.roles = {renames.get(p, p): role for p, role in r.roles.items()}
        if not r.id and r.key != before:
            keys[before] = r.key
    undercuts = [r for r in out if r.type == "undercut"]
    keys_before = [r.key for r in undercuts]
    originals = [r.target for r in undercuts]
    for r in undercuts:
        r.premises = [renames.get(p, p) for p in r.premises]
        if r.roles:
            r.roles = {renames.get(p, p): role for p, role in r.roles.items()}
    changed = True
    for _ in range(len(undercuts) + 1):     # an undercut of an undercut follows too
        if not changed:
            break
        changed = False
        for r, key, target in zip(undercuts, keys_before, originals):
            r.target = keys.get(target, target)
            if not r.id and r.key != key and keys.get(key) != r.key:
                keys[key] = r.key
                changed = True
    if keys:
        for r in out:
            if r.answers:
                r.answers = {keys.get(k, k): q for k, q in r.answers.items()}
    return out


def _relation_changes(a: Relation, b: Relation) -> list[FieldChange]:
    """What differs between relation ``a`` (renames followed) and ``b``."""
    out = []
    if a.type != b.type:
        out.append(FieldChange("type", a.type, b.type))
    if (len(a.premises) == 1 and len(b.premises) == 1 and a.target != b.target
            and a.premises[0] == b.target and a.target == b.premises[0]):
        out.append(FieldChange("reversed", f"{a.premises[0]} -> {a.target}",
                               f"{b.premises[0]} -> {b.target}"))
    else:
        if a.premises != b.premises:
            out.append(FieldChange("premises", list(a.premises), list(b.premises)))
        if a.target != b.target:
            out.append(FieldChange("target", a.target, b.target))
    for name in _PLAIN_RELATION_FIELDS:
        old, new = getattr(a, name), getattr(b, name)
        if old != new or (isinstance(old, dict) and list(old.items()) != list(new.items())):
            out.append(FieldChange(name, _copy(old), _copy(new)))
    return out


def _match(olds: list[int], news: list[int], key_old: Any, key_new: Any,
           pairs: dict[int, int]) -> None:
    """Pair unpaired old and new relations (indices) with equal keys, in order."""
    waiting: dict[Any, deque[int]] = defaultdict(deque)
    for i in olds:
        if i not in pairs:
            k = key_old(i)
            if k is not None:
                waiting[k].append(i)
    taken = set(pairs.values())
    for j in news:
        if j in taken:
            continue
        k = key_new(j)
        queue = waiting.get(k) if k is not None else None
        if queue:
            pairs[queue.popleft()] = j
            taken.add(j)


def _diff_relations(old: ArgumentMap, new: ArgumentMap, renames: dict[str, str],
                    d: MapDiff) -> None:
    followed = follow_renames(old.relations, renames)
    target = new.relations
    olds, news = list(range(len(followed))), list(range(len(target)))
    pairs: dict[int, int] = {}       # old index -> new index

    def by_id(rels: list[Relation]) -> Any:
        return lambda i: rels[i].id or None

    def exact(rels: list[Relation]) -> Any:
        return lambda i: (rels[i].type, tuple(rels[i].premises), rels[i].target)

    def ends(rels: list[Relation]) -> Any:
        return lambda i: frozenset(rels[i].premises) | {rels[i].target}

    def aim(rels: list[Relation]) -> Any:
        return lambda i: (rels[i].type, rels[i].target)

    _match(olds, news, by_id(followed), by_id(target), pairs)
    unpaired_old = [i for i in olds if i not in pairs]
    paired_new = set(pairs.values())
    unpaired_new = [j for j in news if j not in paired_new]
    for key in (exact, ends):
        _match(unpaired_old, unpaired_new, key(followed), key(target), pairs)
    # premises changed: the same type and target, a premise in common
    taken = set(pairs.values())
    waiting: dict[Any, list[int]] = defaultdict(list)
    for i in unpaired_old:
        if i not in pairs:
            waiting[aim(followed)(i)].append(i)
    for j in unpaired_new:
        if j in taken:
            continue
        candidates = waiting.get(aim(target)(j), [])
        for n, i in enumerate(candidates):
            if set(followed[i].premises) & set(target[j].premises):
                pairs[i] = j
                taken.add(j)
                del candidates[n]
                break
    for i in olds:
        paired = pairs.get(i)
        if paired is None:
            d.relations_removed.append((i, old.relations[i].clone()))
            continue
        changes = _relation_changes(followed[i], target[paired])
        if changes:
            d.relations_changed.append(RelationChange(i, old.relations[i].clone(),
                                                      target[paired].clone(), changes))
    added_at = {}
    taken = set(pairs.values())
    for j in news:
        if j not in taken:
            added_at[j] = len(d.relations_added)
            d.relations_added.append(target[j].clone())
            d.relations_added_at.append(j)
    of_new = {j: i for i, j in pairs.items()}
    if [of_new[j] for j in news if j in of_new] != sorted(pairs):
        d.relation_order = [of_new[j] if j in of_new else -1 - added_at[j] for j in news]


# -- plain data ----------------------------------------------------------------
def _copy(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return type(value)(value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def claim_json(claim: Claim) -> dict[str, Any]:
    """Every field of a claim (its id first) as plain data."""
    out: dict[str, Any] = {"id": claim.id}
    for f in CLAIM_FIELDS:
        out[f] = _plain(_copy(getattr(claim, f)))
    return out


def relation_json(rel: Relation) -> dict[str, Any]:
    return {"key": rel.key, "id": rel.id, "type": rel.type, "from": list(rel.premises),
            "to": rel.target, "scheme": rel.scheme, "roles": dict(rel.roles),
            "questions": dict(rel.questions), "answers": dict(rel.answers), "note": rel.note}


def _source_json(src: Source) -> dict[str, Any]:
    return {"id": src.id, **{f: getattr(src, f) for f in SOURCE_FIELDS}}
