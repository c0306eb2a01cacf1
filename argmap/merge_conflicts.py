"""Merge conflicts as a map file keeps them: the entries of ``conflicts:``.

``argmap merge`` (:mod:`argmap.mapmerge`) writes one entry for each thing both
sides changed in different ways; the map itself holds OURS' version, so the
file stays a map the app opens.  Each entry names what it is about and the
value of each side (docs/merge.md)::

    - {header: title, ours: ..., theirs: ...}
    - {header: conclusion, key: c1, ours: IN, theirs: deleted}
    - {source: s2, field: date, ours: ..., theirs: ...}
    - {source: s2, ours: deleted, theirs: {title: ...}}
    - {claim: c1, field: text, ours: ..., theirs: ...}
    - {claim: c9, ours: deleted, theirs: {text: ...}, relations: {ours: [], theirs: [...]}}
    - {relation: r4, field: type, ours: support, theirs: attack}
    - {relation: r4, ours: {type: ...}, theirs: deleted}

An entry without ``field`` is about the whole thing: each side is ``deleted``
or the thing's data as the file writes it.  For a claim, ``relations`` lists
the relations that go with each side's choice (the map holds OURS' ones).

Here: reading the entries (:func:`entry_problem`, :func:`describe`), the
errors ``argmap check`` reports for them, and what resolving one means
(:func:`resolution`, used by :class:`argmap.commands.ResolveConflict`).
"""

from __future__ import annotations

import copy

from typing import Any, Callable

from .commands import (
    AddClaim, AddRelation, AddSource, Command, RemoveClaim, RemoveRelation, RemoveSource,
    SetClaimField, SetHeader, SetRelationField, SetSourceField, SetTagColor,
)
from .diagnostics import ERROR, Diagnostic
from .fileformat import claim_from_data, relation_from_data
from .model import CLAIM_FIELDS, ArgumentMap, Relation, Source

#: a side that has the thing no more
DELETED = "deleted"
SIDES = ("ours", "theirs")
KINDS = ("header", "source", "claim", "relation")
#: the start of every message about a conflict (see :func:`is_conflict`)
PREFIX = "merge conflict"
HEADER_PLAIN = ("title", "description", "lang", "source_folder", "direction")
#: header fields merged key by key: the conclusion's claims, the tags' colours, the
#: map's own schemes
HEADER_KEYED = ("conclusion", "tags", "schemes")
SOURCE_DATA = ("title", "outlet", "date", "file", "url", "note")
RELATION_DATA = ("id", "type", "from", "to", "scheme", "roles", "questions", "answers", "note")
_FIELDS = {"header": HEADER_PLAIN + HEADER_KEYED, "source": SOURCE_DATA,
           "claim": CLAIM_FIELDS, "relation": RELATION_DATA}


# -- the entries -----------------------------------------------------------------
def kind_of(entry: dict) -> str:
    """What an entry is about: header, source, claim or relation."""
    return next(k for k in KINDS if k in entry)


def entry_problem(entry: Any) -> str | None:
    """Why ``entry`` is not a conflict entry this module can resolve (None if it is)."""
    if not isinstance(entry, dict):
        return "an entry is a mapping (claim/relation/source/header, ours, theirs)"
    kinds = [k for k in KINDS if k in entry]
    if len(kinds) != 1:
        return "an entry names exactly one of claim, relation, source or header"
    kind = kinds[0]
    name = entry[kind]
    if not isinstance(name, str) or not name:
        return f"'{kind}' names it by its id"
    for side in SIDES:
        if side not in entry:
            return f"'{side}' is missing"
    if kind == "header":
        if name not in _FIELDS["header"]:
            return f"'{name}' is not a header field"
        if name in HEADER_KEYED and not isinstance(entry.get("key"), str):
            return f"a conflict in '{name}' names its 'key'"
        return None
    if "field" in entry:
        if entry["field"] not in _FIELDS[kind]:
            return f"'{entry['field']}' is not a field of a {kind}"
        return None
    for side in SIDES:
        value = entry[side]
        if value != DELETED and not isinstance(value, dict):
            return f"'{side}' is '{DELETED}' or the {kind}'s data"
    if entry["ours"] == DELETED and entry["theirs"] == DELETED:
        return "both sides are deleted: there is nothing to choose"
    rels = entry.get("relations", {})
    if kind == "claim" and not (isinstance(rels, dict) and all(
            isinstance(rels.get(s, []), list) and all(isinstance(r, dict)
                                                     for r in rels.get(s, []))
            for s in SIDES)):
        return "'relations' has a list of relations for ours and for theirs"
    return None


def _show(value: Any, n: int = 60) -> str:
    if isinstance(value, str):
        text = " ".join(value.split())
        return "'" + (text if len(text) <= n else text[:n - 1] + "…") + "'"
    if value is None:
        return "(none)"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return str(value)


def _side(kind: str, value: Any) -> str:
    if value == DELETED:
        return DELETED
    if kind == "claim":
        return _show(value.get("text") or value.get("ref") or "")
    if kind == "relation":
        rel = relation_from_data(value)
        return f"{' + '.join(rel.premises)} {rel.type} {rel.target}" if rel else "?"
    return _show(value.get("title", ""))


def describe(entry: dict) -> str:
    """The conflict in a line: ``claim c1 text: ours '...', theirs '...'``."""
    kind = kind_of(entry)
    name = entry[kind]
    ours, theirs = entry["ours"], entry["theirs"]
    if kind == "header":
        what = f"header {name}" + (f" {entry['key']}" if name in HEADER_KEYED else "")
        return f"{what}: ours {_show(ours)}, theirs {_show(theirs)}"
    if "field" in entry:
        return f"{kind} {name} {entry['field']}: ours {_show(ours)}, theirs {_show(theirs)}"
    if DELETED not in (ours, theirs):
        return (f"two different {kind}s under the id {name}: ours {_side(kind, ours)}, "
                f"theirs {_side(kind, theirs)}")
    if ours == DELETED:
        return f"{kind} {name} deleted in ours, changed or used in theirs ({_side(kind, theirs)})"
    return f"{kind} {name} changed or used in ours ({_side(kind, ours)}), deleted in theirs"


def is_conflict(diagnostic: Diagnostic) -> bool:
    """True for the error about an entry of ``conflicts:``."""
    return diagnostic.message.startswith(PREFIX)


def conflict_diagnostics(data: Any, file: str,
                         where: Callable[[tuple, bool], tuple[int, int]]) -> list[Diagnostic]:
    """An error for each entry of the map's ``conflicts:``, at its line and column."""
    entries = data.get("conflicts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    out = []
    for i, entry in enumerate(entries):
        line, col = where(("conflicts", i), False)
        problem = entry_problem(entry)
        if problem:
            message = (f"{PREFIX} #{i + 1} cannot be read: {problem}; correct it, or settle "
                       "the conflict by hand and delete the entry")
            subject = ""
        else:
            kind = kind_of(entry)
            subject = entry[kind] if kind in ("claim", "relation") else ""
            message = (f"{PREFIX}: {describe(entry)}; the map holds ours: keep it or take "
                       "theirs, and delete this entry")
        out.append(Diagnostic(ERROR, message, file, line, col, subject))
    return out


# -- resolving ---------------------------------------------------------------------
def resolution(amap: ArgumentMap, index: int, take: str) -> tuple[list[Command], list[dict]]:
    """What resolving ``amap.conflicts[index]`` with ``take`` ("ours" or "theirs")
    does: the commands that put that side in (none for ours: the map holds it), and
    the conflicts left.  The map is left as it was.  ValueError for an entry that
    cannot be resolved (the message says why), IndexError for no such entry."""
    if take not in SIDES:
        raise ValueError(f"take 'ours' or 'theirs', not {take!r}")
    entries = amap.conflicts
    if not 0 <= index < len(entries):
        raise IndexError(f"there is no conflict #{index + 1}")
    entry = entries[index]
    problem = entry_problem(entry)
    if problem:
        raise ValueError(f"conflict #{index + 1} cannot be resolved: {problem}")
    rest = entries[:index] + entries[index + 1:]
    if take == "ours":
        return [], rest
    done: list[Command] = []

    def do(cmd: Command) -> None:
        cmd.redo()
        done.append(cmd)
    rels = list(amap.relations)
    keys = [r.key for r in rels]
    try:
        _TAKE_THEIRS[kind_of(entry)](amap, entry, do)
        # a relation without id that changed is known by its new key from now on
        rekey = {old: r.key for r, old in zip(rels, keys) if r.key != old}
    finally:
        for cmd in reversed(done):
            cmd.undo()
    if rekey:
        rest = [{**e, "relation": rekey.get(e["relation"], e["relation"])}
                if isinstance(e, dict) and isinstance(e.get("relation"), str) else e
                for e in rest]
    return done, rest


class _SetConclusion(Command):
    """What the article concludes for one claim (None: nothing)."""

    def __init__(self, amap: ArgumentMap, claim_id: str, label: str | None) -> None:
        super().__init__()
        self.amap, self.claim_id = amap, claim_id
        self.old, self.new = dict(amap.conclusion), dict(amap.conclusion)
        if label is None:
            self.new.pop(claim_id, None)
        else:
            self.new[claim_id] = label
        self.text = "Change conclusion"

    def _put(self, value: dict[str, str]) -> None:
        if value != self.amap.conclusion or list(value) != list(self.amap.conclusion):
            self.amap.conclusion = dict(value)
            self.amap.header_changed.emit("conclusion")

    def redo(self) -> None:
        self._put(self.new)

    def undo(self) -> None:
        self._put(self.old)


class _SetScheme(Command):
    """One of the map's own schemes (None: the map leaves it to the catalogue)."""

    def __init__(self, amap: ArgumentMap, scheme_id: str, data: Any) -> None:
        super().__init__()
        self.amap, self.scheme_id = amap, scheme_id
        self.old = copy.deepcopy(amap.schemes)
        self.new = copy.deepcopy(amap.schemes)
        if data is None:
            self.new.pop(scheme_id, None)
        else:
            self.new[scheme_id] = copy.deepcopy(data)
        self.text = "Change scheme"

    def _put(self, value: dict[str, Any]) -> None:
        if value != self.amap.schemes:
            self.amap.schemes = copy.deepcopy(value)
            self.amap.header_changed.emit("schemes")

    def redo(self) -> None:
        self._put(self.new)

    def undo(self) -> None:
        self._put(self.old)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _header(amap: ArgumentMap, entry: dict, do: Callable[[Command], None]) -> None:
    name, value = entry["header"], entry["theirs"]
    if name == "conclusion":
        do(_SetConclusion(amap, entry["key"], None if value == DELETED else _text(value)))
    elif name == "tags":
        do(SetTagColor(amap, entry["key"], None if value == DELETED else _text(value)))
    elif name == "schemes":
        do(_SetScheme(amap, entry["key"], None if value == DELETED else value))
    else:
        do(SetHeader(amap, name, _text(value)))


def _source_from(sid: str, data: dict) -> Source:
    return Source(sid, **{f: _text(data.get(f)) for f in SOURCE_DATA})


def _source(amap: ArgumentMap, entry: dict, do: Callable[[Command], None]) -> None:
    sid, ours, theirs = entry["source"], entry["ours"], entry["theirs"]
    if sid not in amap.sources and (ours != DELETED or "field" in entry):
        raise ValueError(f"source '{sid}' is no longer in the map")
    if "field" in entry:
        do(SetSourceField(amap, sid, entry["field"], _text(theirs)))
    elif theirs == DELETED:
        do(RemoveSource(amap, sid, clear_claims=True))
    elif ours == DELETED:
        if sid in amap.sources:
            raise ValueError(f"a source '{sid}' is in the map again")
        do(AddSource(amap, _source_from(sid, theirs)))
    else:
        new = _source_from(sid, theirs)
        for f in SOURCE_DATA:
            if getattr(new, f) != getattr(amap.sources[sid], f):
                do(SetSourceField(amap, sid, f, getattr(new, f)))


def _find(amap: ArgumentMap, data: Any) -> Relation | None:
    """The map's relation with exactly this data."""
    rel = relation_from_data(data)
    return None if rel is None else next(
        (r for r in amap.relations if r.same_as(rel)), None)


def _drop(amap: ArgumentMap, rel: Relation, do: Callable[[Command], None]) -> int:
    """Remove one relation (not its undercuts: the entry names each that goes)."""
    index = next(i for i, r in enumerate(amap.relations) if r is rel)
    cmd = RemoveRelation(amap, rel)
    cmd.children = []
    do(cmd)
    return index


def _add(amap: ArgumentMap, data: Any, do: Callable[[Command], None],
         index: int | None = None, times: int = 1) -> None:
    """Add the relation unless the map has it ``times`` times already (a relation
    that goes with two claims' choices is added by the first)."""
    rel = relation_from_data(data)
    if rel is not None and sum(r.same_as(rel) for r in amap.relations) < times:
        do(AddRelation(amap, rel, index))


def _claim(amap: ArgumentMap, entry: dict, do: Callable[[Command], None]) -> None:
    cid, ours, theirs = entry["claim"], entry["ours"], entry["theirs"]
    if "field" in entry:
        if cid not in amap.claims:
            raise ValueError(f"claim '{cid}' is no longer in the map")
        name = entry["field"]
        data = {} if theirs is None else {name: theirs}
        do(SetClaimField(amap, cid, name, getattr(claim_from_data(cid, data), name)))
        return
    rels = entry.get("relations", {})
    for data in rels.get("ours", []):
        rel = _find(amap, data)
        if rel is not None:
            _drop(amap, rel, do)
    if theirs == DELETED:
        if cid in amap.claims:
            do(RemoveClaim(amap, cid))
    elif ours == DELETED:
        if cid in amap.claims:
            raise ValueError(f"a claim '{cid}' is in the map again")
        do(AddClaim(amap, claim_from_data(cid, theirs)))
    else:
        if cid not in amap.claims:
            raise ValueError(f"claim '{cid}' is no longer in the map")
        new = claim_from_data(cid, theirs)
        for name in CLAIM_FIELDS:
            if getattr(new, name) != getattr(amap.claims[cid], name):
                do(SetClaimField(amap, cid, name, getattr(new, name)))
    theirs_rels = rels.get("theirs", [])
    for n, data in enumerate(theirs_rels):
        _add(amap, data, do, times=theirs_rels[:n + 1].count(data))


def _relation(amap: ArgumentMap, entry: dict, do: Callable[[Command], None]) -> None:
    key, ours, theirs = entry["relation"], entry["ours"], entry["theirs"]
    if "field" in entry:
        name = entry["field"]
        candidates = [r for r in amap.relations if r.key == key]
        if not candidates:
            raise ValueError(f"relation '{key}' is no longer in the map")
        value = relation_from_data({name: theirs})
        attr = {"from": "premises", "to": "target"}.get(name, name)
        mine = getattr(relation_from_data({name: ours}), attr)
        rel = next((r for r in candidates if getattr(r, attr) == mine), candidates[0])
        do(SetRelationField(amap, rel, name, getattr(value, attr)))
        return
    index = None
    if ours != DELETED:
        found = _find(amap, ours)
        if found is None:
            raise ValueError(f"relation '{key}' is no longer in the map as ours had it")
        index = _drop(amap, found, do)
    if theirs != DELETED:
        _add(amap, theirs, do, index)


_TAKE_THEIRS: dict[str, Callable[[ArgumentMap, dict, Callable[[Command], None]], None]] = {
    "header": _header, "source": _source, "claim": _claim, "relation": _relation}
