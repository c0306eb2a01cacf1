"""arggraph XML (the Potsdam microtext corpus) import: every corpus file, the bilingual
map, the cross-check against its AIF twin, and hostile XML refused."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.interchange import (
    InterchangeError,
    import_aif,
    import_arggraph,
    import_arggraph_files,
    import_file,
)
from argmap.interchange.arggraph_import import MAX_BYTES
from argmap.mapio import load_text
from argmap.savefile import render

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
ARGGRAPH = sorted((CORPORA / "arggraph").glob("*.xml"))
needs_corpus = pytest.mark.skipif(not ARGGRAPH, reason="no arggraph corpus in ../shared/corpora")

SMALL = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t1" topic_id="topic" stance="con">
  <edu id="e1">Claim one</edu><edu id="e2">first half,</edu><edu id="e3">second half</edu>
  <edu id="e4">Four</edu>
  <joint id="j1"/>
  <adu id="a1" type="pro"/><adu id="a2" type="opp"/><adu id="a3" type="pro"/>
  <edge id="s1" src="e1" trg="a1" type="seg"/>
  <edge id="s2" src="e3" trg="j1" type="seg"/>
  <edge id="s3" src="e2" trg="j1" type="seg"/>
  <edge id="s4" src="j1" trg="a2" type="seg"/>
  <edge id="s5" src="e4" trg="a3" type="seg"/>
  <edge id="c1" src="a2" trg="a1" type="exa"/>
  <edge id="c2" src="a3" trg="c1" type="und"/>
</arggraph>
"""


def _xml_counts(path: Path) -> tuple[int, int, int]:
    root = ET.parse(path).getroot()
    adus = len(root.findall("adu"))
    edges = [e.get("type") for e in root.findall("edge")]
    relations = sum(t in ("sup", "exa", "reb", "und") for t in edges)
    adds = edges.count("add")
    return adus, relations, adds


@needs_corpus
@pytest.mark.parametrize("path", ARGGRAPH, ids=[p.name for p in ARGGRAPH])
def test_every_corpus_file_imports_with_the_xml_counts(path):
    result = import_file(str(path))
    adus, relations, adds = _xml_counts(path)
    amap = result.map
    assert not result.warnings
    assert len(amap.claims) == adus
    assert len(amap.relations) == relations
    # every added premise joins a relation: one more premise each
    assert sum(len(r.premises) for r in amap.relations) == relations + adds
    assert [c.kind for c in amap.claims.values()].count("thesis") == 1
    assert all(c.text and c.tags in (["pro"], ["opp"]) for c in amap.claims.values())
    assert amap.lang == path.name.split(".")[-2]
    assert "topic_id: " in amap.description and "stance: " in amap.description
    loaded = load_text(render(amap), "imported.yaml", resolve=False)
    assert [str(d) for d in loaded.errors] == []
    back = loaded.map
    assert set(back.claims) == set(amap.claims)
    assert [r.key for r in back.relations] == [r.key for r in amap.relations]


def test_the_mapping_of_edus_joints_and_edges():
    amap = import_arggraph(SMALL, "t1.en.xml").map
    assert amap.claims["a2"].text == "first half, second half"  # document order, via joint
    assert amap.claims["a1"].kind == "thesis" and amap.claims["a1"].tags == ["pro"]
    assert amap.claims["a2"].tags == ["opp"]
    rels = {r.id: r for r in amap.relations}
    assert (rels["c1"].type, rels["c1"].premises, rels["c1"].target) == ("support", ["a2"], "a1")
    assert (rels["c2"].type, rels["c2"].premises, rels["c2"].target) == ("undercut", ["a3"],
                                                                         "c1")
    assert amap.description.splitlines()[1:] == ["topic_id: topic", "stance: con"]


@needs_corpus
def test_the_bilingual_import_of_german_and_english(tmp_path, capsys):
    de, en = CORPORA / "arggraph" / "micro_b001.de.xml", CORPORA / "arggraph" / "micro_b001.en.xml"
    amap = import_arggraph_files(str(de), str(en)).map
    assert amap.lang == "de"
    assert amap.claims["a5"].text.startswith("Wir Berliner")
    assert amap.claims["a5"].en.startswith("We Berliners")
    assert all(c.text and c.en and c.text != c.en for c in amap.claims.values())
    from argmap.cli import main

    out = tmp_path / "m.yaml"
    assert main(["import", str(de), "--english", str(en), "-o", str(out)]) == 0
    back = load_text(out.read_text(encoding="utf-8"), str(out), resolve=False).map
    assert back.claims["a1"].en == amap.claims["a1"].en
    assert main(["import", str(de), "--english", str(CORPORA / "arggraph" /
                                                     "micro_b002.en.xml"),
                 "-o", str(tmp_path / "x.yaml")]) != 0
    assert "not the same argument graph" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def _shape(amap):
    """Claims by text and relations as (type, premise texts, target) independent of ids."""
    text = {cid: c.text for cid, c in amap.claims.items()}

    def target(rel):
        if rel.type == "undercut":
            aim = amap.relation_by_key(rel.target)
            return (aim.type, frozenset(text[p] for p in aim.premises), text[aim.target])
        return text[rel.target]

    return (sorted(text.values()),
            sorted((r.type, tuple(sorted(text[p] for p in r.premises)), str(target(r)))
                   for r in amap.relations))


@needs_corpus
def test_the_aif_twin_of_micro_b001_gives_the_same_claims_and_relations():
    twin = CORPORA / "aif" / "nodeset6361.json"
    if not twin.exists():
        pytest.skip("no aif/nodeset6361.json in ../shared/corpora")
    xml = import_file(str(CORPORA / "arggraph" / "micro_b001.en.xml")).map
    aif = import_aif(twin.read_text(encoding="utf-8")).map
    assert _shape(xml) == _shape(aif)


@pytest.mark.parametrize("text", [
    # billion laughs
    """<?xml version="1.0"?>
<!DOCTYPE arggraph [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<arggraph id="x"><edu id="e1">&c;</edu><adu id="a1" type="pro"/></arggraph>""",
    # an external entity
    """<?xml version="1.0"?>
<!DOCTYPE arggraph [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<arggraph id="x"><edu id="e1">&x;</edu><adu id="a1" type="pro"/></arggraph>""",
    # a parameter entity
    """<!DOCTYPE arggraph [ <!ENTITY % p "x"> ]><arggraph id="x"/>""",
])
def test_entity_declarations_are_refused(text):
    with pytest.raises(InterchangeError, match="entities"):
        import_arggraph(text, "evil.xml")


def test_huge_and_broken_input_is_refused(tmp_path):
    huge = "<arggraph id='x'>" + "<edu id='e'>x</edu>" * (MAX_BYTES // 18 + 1) + "</arggraph>"
    with pytest.raises(InterchangeError, match="refused"):
        import_arggraph(huge, "huge.xml")
    with pytest.raises(InterchangeError, match="not well-formed"):
        import_arggraph("<arggraph id='x'><edu>", "broken.xml")
    with pytest.raises(InterchangeError, match="not <arggraph>"):
        import_arggraph("<graph/>", "other.xml")
    with pytest.raises(InterchangeError, match="without any ADU"):
        import_arggraph("<?xml version='1.0'?><arggraph id='x'></arggraph>", "empty.xml")
    path = tmp_path / "huge.xml"
    path.write_text(huge, encoding="utf-8")
    with pytest.raises(InterchangeError, match="refused"):
        import_file(str(path))


def test_edges_to_unknown_nodes_are_reported_not_fatal():
    text = SMALL.replace('<edge id="c2" src="a3" trg="c1" type="und"/>',
                         '<edge id="c2" src="a3" trg="c9" type="und"/>'
                         '<edge id="c3" src="a3" trg="a9" type="sup"/>')
    result = import_arggraph(text, "t.xml")
    assert [r.id for r in result.map.relations] == ["c1"]
    messages = " ".join(w.message for w in result.warnings)
    assert "c9" in messages and "a9" in messages


@needs_corpus
@pytest.mark.parametrize("path", ARGGRAPH, ids=[p.name for p in ARGGRAPH])
def test_round_trip_through_aif_keeps_claims_relations_and_texts(path):
    from argmap.interchange import export_aif

    first = import_file(str(path)).map
    second = import_aif(export_aif(first)).map
    assert first.snapshot() == second.snapshot()
