"""GraphML export."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.interchange import export_graphml, import_argdown
from argmap.interchange_formats import export_other
from argmap.mapio import load_file
from argmap.model import ArgumentMap, Claim, Relation

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
ARGDOWN = sorted((ROOT.parent / "shared" / "corpora" / "argdown").glob("*.argdown"))
G = "{http://graphml.graphdrawing.org/xmlns}"


def parse(text: str) -> tuple[dict[str, dict[str, str]], list[dict[str, str]]]:
    """Nodes (id -> data by attribute name) and edges (source, target, data)."""
    root = ET.fromstring(text.encode("utf-8"))
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(G + "key")}
    nodes: dict[str, dict[str, str]] = {}
    for n in root.iter(G + "node"):
        nodes[n.get("id")] = {keys[d.get("key")]: d.text or "" for d in n.findall(G + "data")
                              if keys.get(d.get("key"))}
    edges = []
    for e in root.iter(G + "edge"):
        data = {keys[d.get("key")]: d.text or "" for d in e.findall(G + "data")
                if keys.get(d.get("key"))}
        edges.append({"id": e.get("id"), "source": e.get("source"), "target": e.get("target"),
                      **data})
    return nodes, edges


def check_consistent(amap: ArgumentMap) -> None:
    nodes, edges = parse(export_graphml(amap))
    claims = [n for n, d in nodes.items() if d["node_type"] == "claim"]
    assert claims == list(amap.claims)
    for e in edges:
        assert e["source"] in nodes and e["target"] in nodes, e
    assert len({e["id"] for e in edges}) == len(edges)
    # every relation is there: as edges from each premise to its target or junction
    for rel in amap.relations:
        mine = [e for e in edges if e["relation"] == (rel.id or rel.key)]
        assert {e["source"] for e in mine} >= set(rel.premises), rel.key


def test_example_structure() -> None:
    amap = load_file(str(ROOT / "tests" / "data" / "example.yaml")).map
    assert amap is not None
    nodes, edges = parse(export_graphml(amap))
    assert nodes["sieg-putin"]["kind"] == "thesis"
    assert nodes["sieg-putin"]["speaker"] == "Autor"
    assert nodes["aufruesten"]["tags"] == "militär"
    junction = nodes["rel:aufruestung"]  # the linked argument, also undercut
    assert junction["node_type"] == "relation" and junction["relation_type"] == "support"
    into = [e for e in edges if e["target"] == "rel:aufruestung"]
    assert {(e["source"], e["type"]) for e in into} == {
        ("aufruesten", "premise"), ("russland-benachteiligt", "premise"),
        ("kriegsmuede", "undercut")}
    out = [e for e in edges if e["source"] == "rel:aufruestung"]
    assert [(e["target"], e["type"]) for e in out] == [("sieg-putin", "support")]
    plain = [e for e in edges if e["relation"] == "nein"]
    assert [(e["source"], e["target"], e["type"]) for e in plain] == [
        ("sieg-putin", "frage", "attack")]


def test_yed_graphics_and_escaping() -> None:
    m = ArgumentMap("T <&> \x01", "", "de")
    m.claims["a"] = Claim("a", 'Less < more & "quotes"\x02 ' + "x" * 200, pos=(10, 20))
    m.claims["b"] = Claim("b", "b", kind="question")
    m.relations = [Relation("attack", ["a"], "b", note="<note>")]
    text = export_graphml(m)
    nodes, edges = parse(text)
    assert nodes["a"]["text"].startswith('Less < more & "quotes" ')
    assert len(nodes["a"]["label"]) <= 120
    assert edges[0]["note"] == "<note>"
    assert "y:ShapeNode" in text and 'type="hexagon"' in text


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_project_maps(path: Path) -> None:
    amap = load_file(str(path)).map
    assert amap is not None
    check_consistent(amap)


@pytest.mark.parametrize("path", ARGDOWN, ids=[p.name for p in ARGDOWN])
def test_imported_argdown(path: Path) -> None:
    check_consistent(import_argdown(path.read_text(encoding="utf-8")).map)


def test_export_other_formats() -> None:
    amap = load_file(str(ROOT / "tests" / "data" / "example.yaml")).map
    assert amap is not None
    assert export_other(amap, "graphml").startswith("<?xml")
    assert export_other(amap, "argdown").startswith("===")
    assert '"nodes"' in export_other(amap, "aif")
    with pytest.raises(ValueError):
        export_other(amap, "pdf")
