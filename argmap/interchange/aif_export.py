"""Argument map -> AIF JSON (the AIFdb / OVA flavour).

* each claim is an I-node whose ``nodeID`` is the claim id;
* a claim with a speaker or quote also gets a locution (L-node,
  ``"Speaker : quote"``) asserting it through a YA node (``Asserting``);
* each relation is an S-node whose ``nodeID`` is its id (or key): RA for a
  support, CA for an attack or undercut; edges run premise -> S-node ->
  target, and for an undercut to the S-node of the relation it attacks.

Fields AIF has no place for (kind, en, tags, note, pos, sources, the map
header, relation ids and notes) travel in an ``"argmap"`` object on the
nodes and at the top level, which AIF tools ignore and our importer reads,
so that map -> AIF -> map gives the same map.
"""

from __future__ import annotations

import json
from typing import Any

from ..fileformat import header_to_data
from ..model import ArgumentMap, Relation
from ._common import IdAllocator

EXT = "argmap"
_CLAIM_EXT = ("en", "kind", "speaker", "source", "quote", "tags", "note", "pos", "ref")
SCHEMES = {"support": ("RA", "Default Inference"), "attack": ("CA", "Default Conflict"),
           "undercut": ("CA", "Default Conflict")}


def _header(amap: ArgumentMap) -> dict[str, Any]:
    return {"format": 1, **header_to_data(amap)}


def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """The map as AIF data (a dict ready for ``json.dumps``)."""
    ids = IdAllocator(amap.claims)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b,
                      "formEdgeID": None})

    for claim in amap.claims.values():
        ext: dict[str, Any] = {}
        for name in _CLAIM_EXT:
            value = getattr(claim, name)
            if name == "kind" and value == "claim":
                continue
            if name == "pos" and value is not None:
                value = [value[0], value[1]]
            if value:
                ext[name] = list(value) if name == "tags" else value
        nodes.append({"nodeID": claim.id, "text": claim.text, "type": "I", EXT: ext})
        if claim.speaker or claim.quote:
            lid, yid = ids.take(f"{claim.id}.L"), ids.take(f"{claim.id}.YA")
            said = claim.quote or claim.text
            nodes.append({"nodeID": lid, "type": "L",
                          "text": f"{claim.speaker} : {said}" if claim.speaker else said})
            nodes.append({"nodeID": yid, "text": "Asserting", "type": "YA",
                          "scheme": "Asserting"})
            edge(lid, yid)
            edge(yid, claim.id)
            locutions.append({"nodeID": lid, "personID": None, "start": None, "end": None,
                              "source": None})
    node_of: dict[str, str] = {}
    rels: list[tuple[Relation, str]] = []
    for rel in amap.relations:
        sid = ids.take(rel.id or rel.key)
        node_of.setdefault(rel.key, sid)
        rels.append((rel, sid))
    for rel, sid in rels:
        kind, scheme = SCHEMES.get(rel.type, ("CA", "Default Conflict"))
        ext = {}
        if rel.id:
            ext["id"] = rel.id
        if rel.note:
            ext["note"] = rel.note
        nodes.append({"nodeID": sid, "text": scheme, "type": kind, "scheme": scheme, EXT: ext})
        for p in rel.premises:
            edge(p, sid)
        edge(sid, node_of.get(rel.target, rel.target) if rel.type == "undercut" else rel.target)
    return {"nodes": nodes, "edges": edges, "locutions": locutions, EXT: _header(amap)}


def export_aif(amap: ArgumentMap) -> str:
    """The map as AIF JSON text."""
    return json.dumps(to_aif(amap), ensure_ascii=False, indent=1) + "\n"
