"""Checks beyond the schema: ids, references, relation shapes, loose ends.

Works on the plain data of one file, so every problem can name the line and
column it concerns.  ``where(path, key)`` gives that position (``(0, 0)``
when positions are not known yet).
"""

from __future__ import annotations

import math

from typing import TYPE_CHECKING, Any, Callable

from .diagnostics import ERROR, WARNING, Diagnostic, MapError
from .fileformat import relation_from_data
from .model import Relation

if TYPE_CHECKING:
    from .schemes import Catalogue

Where = Callable[[tuple, bool], tuple[int, int]]

#: Fields a claim that refers to another map's claim may carry itself.
REF_LOCAL_FIELDS = {"ref", "tags", "note", "pos", "kind", "base"}


def check_data(data: Any, file: str, where: Where,
               read_relations: list[Relation | None] | None = None) -> list[Diagnostic]:
    """The problems of ``data``; ``read_relations`` are its relations as
    :func:`argmap.fileformat.read_relations` gives them, when already read."""
    out: list[Diagnostic] = []
    if not isinstance(data, dict):
        return out

    def add(severity: str, message: str, path: tuple, key: bool = False,
            subject: str = "") -> None:
        line, col = where(path, key)
        out.append(Diagnostic(severity, message, file, line, col, subject))

    claims: dict[Any, Any] = data["claims"] if isinstance(data.get("claims"), dict) else {}
    sources: dict[Any, Any] = data["sources"] if isinstance(data.get("sources"), dict) else {}
    raw_relations: list[Any] = (data["relations"] if isinstance(data.get("relations"), list)
                                else [])

    # -- the article's conclusion names claims of this map ----------------------
    conclusion = data.get("conclusion")
    for cid in conclusion if isinstance(conclusion, dict) else ():
        if cid not in claims:
            add(ERROR, f"conclusion names '{cid}', which is not a claim of this map",
                ("conclusion", cid), key=True, subject=str(cid))

    # -- numbers a picture can use ----------------------------------------
    for cid, c in claims.items():
        pos = c.get("pos") if isinstance(c, dict) else None
        if isinstance(pos, list):
            for j, v in enumerate(pos):
                if isinstance(v, float) and not math.isfinite(v):
                    add(ERROR, f"claim '{cid}': pos must be finite numbers, not {v}",
                        ("claims", cid, "pos", j), subject=str(cid))

    # -- relations: ids and keys ----------------------------------------
    if read_relations is None:
        read_relations = [relation_from_data(r) for r in raw_relations]
    relations = [(i, r) for i, r in enumerate(read_relations) if r is not None]
    by_key: dict[str, int] = {}
    keys = [rel.key for _, rel in relations]      # made once: a key is built from its parts
    for (i, rel), key in zip(relations, keys):
        if rel.id and rel.id in claims:
            add(ERROR, f"relation id '{rel.id}' is also a claim id; ids must be unique",
                ("relations", i, "id"), subject=key)
        if key in by_key:
            first = where(("relations", by_key[key]), False)[0]
            what = f"relation id '{rel.id}'" if rel.id else "relation"
            add(ERROR, f"duplicate {what} (first at line {first})" if first
                else f"duplicate {what}", ("relations", i, "id" if rel.id else "from"),
                subject=key)
            continue
        by_key[key] = i

    # -- relations: endpoints -------------------------------------------
    claim_in_relation: set[str] = set()
    for (i, rel), key in zip(relations, keys):
        name = f"relation '{key}'"
        multi = isinstance(raw_relations[i].get("from"), list)
        seen: set[str] = set()
        for j, premise in enumerate(rel.premises):
            path = ("relations", i, "from", j) if multi else ("relations", i, "from")
            if premise in seen:
                add(ERROR, f"{name} names premise '{premise}' twice", path, subject=key)
            seen.add(premise)
            if premise in claims:
                claim_in_relation.add(premise)
            elif premise in by_key:
                add(ERROR, f"{name} starts at relation '{premise}'; premises must be claims",
                    path, subject=key)
            elif premise:
                add(ERROR, f"{name} points to unknown claim '{premise}'", path, subject=key)
        target, tpath = rel.target, ("relations", i, "to")
        if rel.type == "undercut":
            if target in claims:
                add(ERROR, f"undercut {name} targets claim '{target}'; an undercut attacks "
                    "a relation (give that relation an id and name it in 'to')",
                    tpath, subject=key)
                claim_in_relation.add(target)
            elif target == key:
                add(ERROR, f"undercut {name} attacks itself", tpath, subject=key)
            elif target and target not in by_key:
                add(ERROR, f"undercut {name} points to unknown relation '{target}'",
                    tpath, subject=key)
            elif target and raw_relations[by_key[target]].get("type") == "rephrase":
                add(ERROR, f"undercut {name} targets the rephrase '{target}'; a rephrase is "
                    "no inference to undercut (attack the restating claim instead)",
                    tpath, subject=key)
        elif rel.type == "rephrase":
            if len(rel.premises) > 1:
                add(ERROR, f"rephrase {name} has {len(rel.premises)} claims in 'from'; a "
                    "rephrase is one claim restating another", ("relations", i, "from", 1),
                    subject=key)
            if target in claims:
                claim_in_relation.add(target)
                if target in rel.premises:
                    add(WARNING, f"rephrase {name} says claim '{target}' restates itself",
                        tpath, subject=key)
            elif target in by_key:
                add(ERROR, f"rephrase {name} targets relation '{target}'; a rephrase joins "
                    "two claims", tpath, subject=key)
            elif target:
                add(ERROR, f"{name} points to unknown claim '{target}'", tpath, subject=key)
        elif rel.type in ("support", "attack"):
            if target in claims:
                claim_in_relation.add(target)
                if target in rel.premises:
                    add(ERROR, f"{name} connects claim '{target}' to itself",
                        tpath, subject=key)
            elif target in by_key:
                add(ERROR, f"{name} targets relation '{target}'; "
                    "an attack on a relation is written as type: undercut",
                    tpath, subject=key)
            elif target:
                add(ERROR, f"{name} points to unknown claim '{target}'", tpath, subject=key)

    # -- claims ------------------------------------------------------------
    for cid, c in claims.items():
        if not isinstance(c, dict):
            continue
        cpath = ("claims", cid)
        if c.get("ref"):
            for fname in c:
                if fname not in REF_LOCAL_FIELDS:
                    add(ERROR, f"claim '{cid}' refers to another map's claim and takes its "
                        f"'{fname}' from there; remove '{fname}' here",
                        cpath + (fname,), key=True, subject=cid)
        else:
            if not c.get("text"):
                add(ERROR, f"claim '{cid}' has no text", cpath, key=True, subject=cid)
            source = c.get("source")
            if source and isinstance(source, str) and source not in sources:
                add(ERROR, f"claim '{cid}' names unknown source '{source}'",
                    cpath + ("source",), subject=cid)
            if c.get("kind") != "question":
                if not source:
                    add(WARNING, f"claim '{cid}' has no source", cpath, key=True, subject=cid)
                if not c.get("quote"):
                    add(WARNING, f"claim '{cid}' has no quote", cpath, key=True, subject=cid)
        if cid not in claim_in_relation and len(claims) > 1:
            add(WARNING, f"claim '{cid}' is in no relation", cpath, key=True, subject=cid)
    # -- argument schemes and their critical questions -------------------------
    schemes = _own_schemes(data.get("schemes"), file, where, out)
    if any(r.scheme or r.roles or r.questions or r.answers for _, r in relations):
        from .critical_questions import scheme_diagnostics   # the catalogue only when needed
        out += scheme_diagnostics(relations, file, where, schemes)
    if "conflicts" in data:     # left by argmap merge
        from .merge_conflicts import conflict_diagnostics
        out += conflict_diagnostics(data, file, where)
    return out


class _Places:
    """The file name and ``where`` of :func:`check_data`, as argmap.schemes.merge wants
    them."""

    def __init__(self, file: str, where: Where) -> None:
        self.file, self._where = file, where

    def where(self, path: tuple, key: bool = False) -> tuple[int, int]:
        return self._where(path, key)


def _own_schemes(own: Any, file: str, where: Where,
                 out: list[Diagnostic]) -> Catalogue | None:
    """The catalogue with the map's own schemes (its header's ``schemes:``) laid over
    it, their errors added to ``out``; None for the shipped catalogue (no schemes of
    its own, or ones with errors)."""
    if not isinstance(own, dict) or not own:
        return None
    from .schemes import catalogue, merge
    try:     # an entry that is no mapping is the schema's to report
        return merge(catalogue(), {k: v for k, v in own.items() if isinstance(v, dict)},
                     doc=_Places(file, where), path=("schemes",))
    except MapError as exc:
        out += exc.diagnostics
        return None
