"""Plain data (as read from YAML) to model and back: format version 1.

``from_data`` is tolerant: it builds what it can from a file with errors, so
the app can open it and show its problems.  ``to_data`` writes the canonical
shape, in the order ``docs/format.md`` documents.
"""

from __future__ import annotations

import copy
import math

from typing import Any

from .model import (
    CLAIM_FIELDS, DEFAULT_BASE, FORMAT_VERSION, ArgumentMap, Claim, Display, Relation, Source,
)


def _str(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _ids(value: Any) -> list[str]:
    if isinstance(value, list):
        return [_str(v) for v in value if v is not None]
    if value is None:
        return []
    return [_str(value)]


def _pos(value: Any) -> tuple[float, float] | None:
    if (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                    and math.isfinite(v) for v in value)):   # no inf or nan in a picture
        return (float(value[0]), float(value[1]))
    return None


def base_score(value: Any) -> float | None:
    """A base score as the file gives it: a number from 0 to 1 (None for anything else)."""
    if (isinstance(value, (int, float)) and not isinstance(value, bool)
            and 0 <= value <= 1):                   # nan is not in [0, 1]
        return float(value)
    return None


def claim_from_data(cid: str, c: Any) -> Claim:
    if not isinstance(c, dict):
        c = {"text": _str(c)}
    get = c.get
    # most values are texts already: _str only for the others
    text, en, speaker, source, quote, note, ref = (
        v if v.__class__ is str else _str(v) for v in (
            get("text", ""), get("en", ""), get("speaker", ""), get("source", ""),
            get("quote", ""), get("note", ""), get("ref", "")))
    kind = get("kind", "claim")
    tags = get("tags")
    pos = get("pos")
    base = get("base")
    return Claim(
        cid, text, en, kind if isinstance(kind, str) else "claim", speaker, source, quote,
        ([_str(t) for t in tags] if isinstance(tags, list) else [_str(tags)]) if tags else [],
        note, None if pos is None else _pos(pos), ref,
        None, DEFAULT_BASE if base is None else _base(base),
    )


def _base(value: Any) -> float:
    score = base_score(value)
    return DEFAULT_BASE if score is None else score


def relation_from_data(r: Any) -> Relation | None:
    if not isinstance(r, dict):
        return None
    get = r.get
    kind, target, rid, note, scheme = (
        v if v.__class__ is str else _str(v) for v in (
            get("type", ""), get("to", ""), get("id", ""), get("note", ""), get("scheme", "")))
    premises = get("from")
    roles, questions, answers = get("roles"), get("questions"), get("answers")
    return Relation(
        kind, [premises] if premises.__class__ is str else _ids(premises), target, rid, note,
        scheme, {} if roles is None else _texts(roles),
        {} if questions is None else _texts(questions), {} if answers is None else _texts(answers),
    )


def _texts(value: Any) -> dict[str, str]:
    """A mapping of texts as the file gives it ({} for anything else)."""
    if not isinstance(value, dict):
        return {}
    return {_str(k): _str(v) for k, v in value.items()}


def read_relations(data: Any) -> list[Relation | None]:
    """The relations of plain map data, one per entry (None for an entry that is no
    mapping), so that checking and building the map read them once."""
    relations = data.get("relations") if isinstance(data, dict) else None
    return [relation_from_data(r) for r in relations] if isinstance(relations, list) else []


def from_data(data: Any, relations: list[Relation | None] | None = None) -> ArgumentMap:
    """Build a map from plain data, keeping all that can be kept; ``relations`` are
    its relations as :func:`read_relations` gives them, when already read."""
    if not isinstance(data, dict):
        data = {}
    amap = ArgumentMap(_str(data.get("title")), _str(data.get("description")),
                       _str(data.get("lang")) or "de")
    amap.source_folder = _str(data.get("source_folder"))
    conclusion = data.get("conclusion")
    if isinstance(conclusion, dict):
        amap.conclusion = {k: v for k, v in conclusion.items()
                           if isinstance(k, str) and isinstance(v, str)}
    display = data.get("display")
    if isinstance(display, dict):
        direction = display.get("direction", "TB")
        tags = display.get("tags")
        amap.display = Display(
            direction=direction if isinstance(direction, str) else "TB",
            tag_colors={_str(k): _str(v) for k, v in tags.items()} if isinstance(tags, dict) else {},
        )
    schemes = data.get("schemes")
    if isinstance(schemes, dict):       # kept as written; argmap.schemes checks them
        amap.schemes = copy.deepcopy(schemes)
    sources = data.get("sources")
    if isinstance(sources, dict):
        for sid, s in sources.items():
            s = s if isinstance(s, dict) else {}
            amap.sources[_str(sid)] = Source(
                id=_str(sid), title=_str(s.get("title")), outlet=_str(s.get("outlet")),
                date=_str(s.get("date")), file=_str(s.get("file")), url=_str(s.get("url")),
                note=_str(s.get("note")))
    claims = data.get("claims")
    if isinstance(claims, dict):
        for cid, c in claims.items():
            amap.claims[_str(cid)] = claim_from_data(_str(cid), c)
    if relations is None:
        relations = read_relations(data)
    amap.relations = [rel for rel in relations if rel is not None]
    conflicts = data.get("conflicts")
    if isinstance(conflicts, list):     # kept as written; `argmap check` judges them
        amap.conflicts = copy.deepcopy(conflicts)
    return amap


def claim_to_data(claim: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in CLAIM_FIELDS:
        value = getattr(claim, name)
        if name == "kind":
            if value and value != "claim":
                out[name] = value
        elif name == "pos":
            if value is not None:
                out[name] = [_num(value[0]), _num(value[1])]
        elif name == "base":
            if value != DEFAULT_BASE:
                out[name] = int(value) if value in (0, 1) else value
        elif value:
            out[name] = list(value) if name == "tags" else value
    return out


def _num(v: float) -> int | float:
    r = round(float(v), 1)
    return int(r) if r == int(r) else r


def relation_to_data(rel: Relation) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if rel.id:
        out["id"] = rel.id
    out["type"] = rel.type
    out["from"] = rel.premises[0] if len(rel.premises) == 1 else list(rel.premises)
    out["to"] = rel.target
    if rel.scheme:
        out["scheme"] = rel.scheme
    for name in ("roles", "questions", "answers"):
        if getattr(rel, name):
            out[name] = dict(getattr(rel, name))
    if rel.note:
        out["note"] = rel.note
    return out


def source_to_data(src: Source) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("title", "outlet", "date", "file", "url", "note"):
        value = getattr(src, name)
        if value:
            out[name] = value
    return out


def header_to_data(amap: ArgumentMap) -> dict[str, Any]:
    """The map's header and sources as plain data (no version marker, claims, relations)."""
    out: dict[str, Any] = {"title": amap.title}
    if amap.description:
        out["description"] = amap.description
    out["lang"] = amap.lang
    if amap.source_folder:
        out["source_folder"] = amap.source_folder
    if amap.conclusion:
        out["conclusion"] = dict(amap.conclusion)
    display: dict[str, Any] = {}
    if amap.display.direction != "TB":
        display["direction"] = amap.display.direction
    if amap.display.tag_colors:
        display["tags"] = dict(amap.display.tag_colors)
    if display:
        out["display"] = display
    if amap.schemes:
        out["schemes"] = copy.deepcopy(amap.schemes)
    if amap.sources:
        out["sources"] = {sid: source_to_data(s) for sid, s in amap.sources.items()}
    return out


def to_data(amap: ArgumentMap) -> dict[str, Any]:
    """The canonical plain data of a map, keys in documented order."""
    out: dict[str, Any] = {"argmap": FORMAT_VERSION, **header_to_data(amap)}
    out["claims"] = {cid: claim_to_data(c) for cid, c in amap.claims.items()}
    out["relations"] = [relation_to_data(r) for r in amap.relations]
    if amap.conflicts:
        out["conflicts"] = copy.deepcopy(amap.conflicts)
    return out
