"""Argument map -> GraphML (for yEd, Gephi, Cytoscape, networkx...).

Claims are nodes (id = claim id) with their fields as data.  A relation
with one premise that no undercut aims at is a plain edge (data ``type``:
support, attack or rephrase; a rephrase runs from the restating claim to the
claim it restates).  A linked argument, or a relation an undercut aims at,
becomes a small junction node ``rel:KEY`` (data ``node_type`` = relation):
its premises point to it (edge type ``premise``) and it points to its
target (edge type = the relation's type).  An undercut ends at the junction
node of the relation it attacks.  yEd shapes, colours and labels are
included; other programs ignore them.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from ..model import ArgumentMap, Claim, Relation

NS = ('xmlns="http://graphml.graphdrawing.org/xmlns" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xmlns:y="http://www.yworks.com/xml/graphml" '
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
      'http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"')
GRAPH_KEYS = ("title", "description", "lang")
NODE_KEYS = ("node_type", "label", "text", "en", "kind", "speaker", "source", "quote", "tags",
             "note", "ref", "relation_type", "relation_id")
EDGE_KEYS = ("type", "relation", "note")
COLORS = {"support": "#2e7d32", "attack": "#c62828", "undercut": "#6a1b9a", "rephrase": "#6b7780",
          "premise": "#555555"}
FILLS = {"thesis": "#fff3cd", "question": "#e3f2fd", "evidence": "#e8f5e9", "claim": "#ffffff"}
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return escape(_BAD_XML.sub("", text))


def _data(key: str, value: str) -> str:
    return f'<data key="{key}">{_x(value)}</data>' if value else ""


def _label(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _claim_node(claim: Claim, index: int, amap: ArgumentMap) -> str:
    shown = claim.display()
    fill = next((amap.display.tag_colors[t] for t in claim.tags
                 if t in amap.display.tag_colors), FILLS.get(claim.kind, "#ffffff"))
    x, y = claim.pos if claim.pos is not None else ((index % 8) * 260.0, (index // 8) * 120.0)
    fields = {
        "node_type": "claim", "label": _label(shown.text or claim.ref), "text": shown.text,
        "en": shown.en, "kind": claim.kind, "speaker": shown.speaker, "source": shown.source,
        "quote": shown.quote, "tags": ", ".join(claim.tags), "note": claim.note,
        "ref": claim.ref,
    }
    data = "".join(_data(f"n_{k}", fields[k]) for k in NODE_KEYS if fields.get(k))
    shape = "hexagon" if claim.kind == "question" else "roundrectangle"
    gfx = (f'<data key="n_graphics"><y:ShapeNode><y:Geometry x="{x - 110:.1f}" '
           f'y="{y - 35:.1f}" width="220.0" height="70.0"/><y:Fill color="{fill}" '
           'transparent="false"/><y:BorderStyle color="#333333" type="line" width="1.0"/>'
           f'<y:NodeLabel autoSizePolicy="content">{_x(_label(shown.text or claim.ref, 80))}'
           f'</y:NodeLabel><y:Shape type="{shape}"/></y:ShapeNode></data>')
    return f"    <node id={quoteattr(claim.id)}>{data}{gfx}</node>"


def _relation_node(rel: Relation, nid: str) -> str:
    fields = {"node_type": "relation", "label": rel.type, "relation_type": rel.type,
              "relation_id": rel.id or rel.key, "note": rel.note}
    data = "".join(_data(f"n_{k}", fields[k]) for k in NODE_KEYS if fields.get(k))
    color = COLORS.get(rel.type, "#555555")
    gfx = ('<data key="n_graphics"><y:ShapeNode><y:Geometry width="16.0" height="16.0"/>'
           f'<y:Fill color="{color}" transparent="false"/><y:BorderStyle hasColor="false"/>'
           '<y:Shape type="ellipse"/></y:ShapeNode></data>')
    return f"    <node id={quoteattr(nid)}>{data}{gfx}</node>"


def _edge(n: int, src: str, dst: str, kind: str, rel: Relation) -> str:
    data = _data("e_type", kind) + _data("e_relation", rel.id or rel.key) + (
        _data("e_note", rel.note) if kind != "premise" else "")
    color = COLORS.get(kind, "#555555")
    line = {"undercut": "dashed", "rephrase": "dotted"}.get(rel.type, "line")
    arrow = "none" if kind == "premise" else "white_delta" if kind == "rephrase" else "standard"
    gfx = (f'<data key="e_graphics"><y:PolyLineEdge><y:LineStyle color="{color}" type="{line}" '
           f'width="1.5"/><y:Arrows source="none" target="{arrow}"/></y:PolyLineEdge></data>')
    return (f"    <edge id=\"e{n}\" source={quoteattr(src)} target={quoteattr(dst)}>"
            f"{data}{gfx}</edge>")


def export_graphml(amap: ArgumentMap) -> str:
    """The map as a GraphML document (UTF-8 text)."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="no"?>', f"<graphml {NS}>"]
    for k in GRAPH_KEYS:
        out.append(f'  <key id="g_{k}" for="graph" attr.name="{k}" attr.type="string"/>')
    for k in NODE_KEYS:
        out.append(f'  <key id="n_{k}" for="node" attr.name="{k}" attr.type="string"/>')
    for k in EDGE_KEYS:
        out.append(f'  <key id="e_{k}" for="edge" attr.name="{k}" attr.type="string"/>')
    out.append('  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>')
    out.append('  <key id="e_graphics" for="edge" yfiles.type="edgegraphics"/>')
    out.append('  <graph id="G" edgedefault="directed">')
    out.append("    " + "".join(_data(f"g_{k}", getattr(amap, k)) for k in GRAPH_KEYS))
    for i, claim in enumerate(amap.claims.values()):
        out.append(_claim_node(claim, i, amap))
    aimed = {r.target for r in amap.relations if r.type == "undercut"}
    junction: dict[str, str] = {}
    for rel in amap.relations:
        if rel.linked or rel.key in aimed or (rel.id and rel.id in aimed):
            nid = f"rel:{rel.key}"
            junction[rel.key] = nid
            if rel.id:
                junction[rel.id] = nid
            out.append(_relation_node(rel, nid))
    n = 0
    for rel in amap.relations:
        if rel.type == "undercut":
            target = junction.get(rel.target, f"rel:{rel.target}")
        else:
            target = rel.target
        nid = junction.get(rel.key)
        if nid is None:
            for p in rel.premises:
                n += 1
                out.append(_edge(n, p, target, rel.type, rel))
            continue
        for p in rel.premises:
            n += 1
            out.append(_edge(n, p, nid, "premise", rel))
        n += 1
        out.append(_edge(n, nid, target, rel.type, rel))
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"
