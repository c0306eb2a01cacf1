"""Argument map -> AIF JSON (the AIFdb / OVA flavour).

* node and edge ids are strings of digits, as AIFdb writes them;
* each claim is an I-node;
* a claim with a speaker and a quote also gets a locution (L-node,
  ``"Speaker : quote"``, as AIFdb writes them) asserting it through a YA node
  (``Asserting``): L -> YA -> I; each speaker is a participant (``participantID``,
  ``firstname`` the first word of the name, ``surname`` the rest) and the
  ``locutions`` list links each L-node to its participant (``personID``);
* the date of a claim's source, where known, is the ``timestamp`` of its
  I-node, L-node and locution;
* each relation is an S-node: RA for a support, CA for an attack or undercut;
  edges run premise -> S-node -> target, and for an undercut to the S-node of
  the relation it attacks;
* a rephrase is an MA node (``Default Rephrase``), as AIFdb draws it from the
  original to its restatement: target -> MA -> premise;
* the S-node's ``scheme`` and text are the relation's scheme as AIFdb spells it
  (``Expert Opinion``; a conflict scheme on the CA node), with AIFdb's
  ``schemeID`` where the catalogue knows it; a scheme the catalogue does not
  have is written as the relation names it; a relation without a scheme gets
  the generic ``Default Inference``, ``Default Conflict`` or ``Default Rephrase``.

Fields AIF has no place for (claim and relation ids, kind, en, tags, note,
pos, sources, the map header, relation notes) travel in an ``"argmap"`` object on the
nodes and at the top level, which AIF tools ignore and our importer reads,
so that map -> AIF -> map gives the same map.
"""

from __future__ import annotations

import json
from typing import Any

from ..fileformat import header_to_data
from ..model import ArgumentMap, Claim, Relation
from ..schemes import Catalogue, catalogue, interchange_name, map_catalogue

EXT = "argmap"
_CLAIM_EXT = ("en", "kind", "speaker", "source", "quote", "tags", "note", "pos", "ref")
SCHEMES = {"support": ("RA", "Default Inference"), "attack": ("CA", "Default Conflict"),
           "undercut": ("CA", "Default Conflict"), "rephrase": ("MA", "Default Rephrase")}


def scheme_node(rtype: str, scheme: str, schemes: Catalogue | None = None
                ) -> tuple[str, str, str | None]:
    """The S-node of a relation of type ``rtype`` that names ``scheme`` ("" for none):
    its AIF type, its scheme name and its schemeID (None where not known), after the
    catalogue ``schemes`` (the shipped one if not given)."""
    kind, default = SCHEMES.get(rtype, ("CA", "Default Conflict"))
    found = (schemes if schemes is not None else catalogue()).find(scheme or default)
    if found is None:
        return kind, scheme, None
    return kind, interchange_name(found), None if found.aif_id is None else str(found.aif_id)


def _header(amap: ArgumentMap) -> dict[str, Any]:
    return {"format": 1, **header_to_data(amap)}


def split_name(name: str) -> tuple[str, str]:
    """``("Michael", "Kofman")`` for ``"Michael Kofman"``: the first word and the rest."""
    first, _, rest = " ".join(name.split()).partition(" ")
    return first, rest


def _timestamp(amap: ArgumentMap, claim: Claim) -> str | None:
    source = amap.sources.get(claim.source) if claim.source else None
    return source.date if source is not None and source.date else None


def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """The map as AIF data (a dict ready for ``json.dumps``)."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    participants: dict[str, dict[str, Any]] = {}  # speaker -> participant
    counter = iter(range(1, 1 << 62))

    def number() -> str:
        return str(next(counter))

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b,
                      "formEdgeID": None})

    node_of_claim: dict[str, str] = {}
    for claim in amap.claims.values():
        ext: dict[str, Any] = {"id": claim.id}
        for name in _CLAIM_EXT:
            value = getattr(claim, name)
            if name == "kind" and value == "claim":
                continue
            if name == "pos" and value is not None:
                value = [value[0], value[1]]
            if value:
                ext[name] = list(value) if name == "tags" else value
        if claim.base != 0.5:
            ext["base"] = claim.base
        nid = node_of_claim[claim.id] = number()
        when = _timestamp(amap, claim)
        inode: dict[str, Any] = {"nodeID": nid, "text": claim.text, "type": "I"}
        if when:
            inode["timestamp"] = when
        nodes.append({**inode, EXT: ext})
        if claim.speaker and claim.quote:
            speaker = " ".join(claim.speaker.split())
            person = participants.get(speaker)
            if person is None:
                first, rest = split_name(speaker)
                person = participants[speaker] = {
                    "participantID": str(len(participants) + 1), "firstname": first,
                    "surname": rest}
            lid, yid = number(), number()
            lnode: dict[str, Any] = {"nodeID": lid, "text": f"{speaker} : {claim.quote}",
                                     "type": "L"}
            if when:
                lnode["timestamp"] = when
            nodes.append(lnode)
            nodes.append({"nodeID": yid, "text": "Asserting", "type": "YA",
                          "scheme": "Asserting"})
            edge(lid, yid)
            edge(yid, nid)
            locutions.append({"nodeID": lid, "personID": person["participantID"],
                              "timestamp": when, "start": None, "end": None, "source": None})
    node_of: dict[str, str] = {}
    rels: list[tuple[Relation, str]] = []
    schemes = map_catalogue(amap)       # the map's own schemes, too
    for rel in amap.relations:
        sid = number()
        node_of.setdefault(rel.key, sid)
        rels.append((rel, sid))
    for rel, sid in rels:
        kind, scheme, scheme_id = scheme_node(rel.type, rel.scheme, schemes)
        ext = {}
        if rel.id:
            ext["id"] = rel.id
        if rel.note:
            ext["note"] = rel.note
        for name in ("scheme", "roles", "questions", "answers"):   # argmap's own, exact
            if getattr(rel, name):
                ext[name] = getattr(rel, name)
        snode: dict[str, Any] = {"nodeID": sid, "text": scheme, "type": kind, "scheme": scheme}
        if scheme_id is not None:
            snode["schemeID"] = scheme_id
        nodes.append({**snode, EXT: ext})
        if rel.type == "rephrase":      # the original -> MA -> its restatement
            edge(node_of_claim.get(rel.target, rel.target), sid)
            for p in rel.premises:
                edge(sid, node_of_claim.get(p, p))
            continue
        for p in rel.premises:
            edge(node_of_claim.get(p, p), sid)
        target = node_of.get(rel.target, rel.target) if rel.type == "undercut" else \
            node_of_claim.get(rel.target, rel.target)
        edge(sid, target)
    return {"nodes": nodes, "edges": edges, "participants": list(participants.values()),
            "locutions": locutions, EXT: _header(amap)}


def export_aif(amap: ArgumentMap) -> str:
    """The map as AIF JSON text."""
    return json.dumps(to_aif(amap), ensure_ascii=False, indent=1) + "\n"
