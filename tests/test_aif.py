"""AIF JSON import and export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.interchange import InterchangeError, export_aif, import_aif, import_argdown, to_aif
from argmap.mapio import load_file, load_text
from argmap.model import ArgumentMap, Claim, Relation, Source
from argmap.savefile import render

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
AIF_FILES = sorted((CORPORA / "aif").glob("*.json"))
ARGDOWN_FILES = sorted((CORPORA / "argdown").glob("*.argdown"))
needs_corpora = pytest.mark.skipif(not CORPORA.is_dir(), reason="needs ../shared/corpora")
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def assert_same_map(a: ArgumentMap, b: ArgumentMap) -> None:
    sa, sb = a.snapshot(), b.snapshot()
    for key in sa:
        assert sa[key] == sb[key], key


def assert_valid(amap: ArgumentMap) -> None:
    loaded = load_text(render(amap), "imported.yaml", resolve=False)
    assert loaded.map is not None
    assert [str(d) for d in loaded.errors] == []


def rels(amap: ArgumentMap) -> set[tuple]:
    return {(r.type, tuple(r.premises), r.target) for r in amap.relations}


def aif(nodes: list, edges: list, **extra: object) -> str:
    return json.dumps({"nodes": nodes, "edges": edges, **extra})


def node(nid: object, ntype: str, text: str = "", **extra: object) -> dict:
    return {"nodeID": nid, "type": ntype, "text": text or ntype, **extra}


def edge(a: object, b: object, eid: object = None) -> dict:
    return {"edgeID": eid if eid is not None else f"{a}-{b}", "fromID": a, "toID": b}


# -- the corpus ------------------------------------------------------------------
@pytest.mark.parametrize("path", AIF_FILES, ids=[p.name for p in AIF_FILES])
def test_corpus_file_imports_into_a_valid_map(path: Path) -> None:
    result = import_aif(path.read_text(encoding="utf-8"), str(path))
    assert result.map.claims and result.map.relations
    assert_valid(result.map)
    for w in result.warnings:
        assert w.file == str(path) and w.line > 0, str(w)


@needs_corpora
def test_araucaria_nodeset_with_bare_ra_ca_texts() -> None:
    amap = import_aif((CORPORA / "aif" / "nodeset513.json").read_text(encoding="utf-8")).map
    assert len(amap.claims) == 3
    assert [r.type for r in amap.relations] == ["attack", "support"]
    assert all(not r.note for r in amap.relations)  # "RA"/"CA" are no schemes


@needs_corpora
def test_microtext_linked_undercut_of_an_attack() -> None:
    result = import_aif((CORPORA / "aif" / "nodeset6361.json").read_text(encoding="utf-8"))
    amap = result.map
    attack = next(r for r in amap.relations if r.type == "attack")
    undercut = next(r for r in amap.relations if r.type == "undercut")
    assert undercut.linked and undercut.target == attack.key
    assert amap.claims[undercut.premises[0]].text.startswith("But still Germany")
    assert result.warnings == []


@needs_corpora
def test_debate_nodeset_locutions_rephrase_and_illocutions() -> None:
    result = import_aif((CORPORA / "aif" / "nodeset11311.json").read_text(encoding="utf-8"))
    amap = result.map
    assert len(amap.claims) == 4 and len(amap.relations) == 3
    notes = {r.type: r.note for r in amap.relations}
    assert notes == {"attack": "AIF illocution: Disagreeing",
                     "support": "AIF illocution: Arguing",
                     "rephrase": "AIF illocution: Restating"}
    # original (210035) -> MA -> restatement (220221): the restatement is 'from'
    rephrase = next(r for r in amap.relations if r.type == "rephrase")
    assert amap.claims[rephrase.premises[0]].text.startswith("many of the people")
    assert amap.claims[rephrase.target].text.startswith("TRUMP is blatantly")
    assert not any("rephrase" in c.note for c in amap.claims.values())
    assert "TRUMP : Many of them" in amap.description  # a locution asserting no claim
    messages = " ".join(w.message for w in result.warnings)
    assert "MA node" not in messages and "TA node" in messages and "locution" in messages


def _ma_nodes(data: dict) -> list[tuple[str, str]]:
    """(original's text, restatement's text) for every MA node of AIF data: the I-nodes
    that point at it and that it points at."""
    text = {n["nodeID"]: n["text"] for n in data["nodes"] if n["type"] == "I"}
    out = []
    for n in data["nodes"]:
        if n["type"] == "MA":
            ins = [e["fromID"] for e in data["edges"] if e["toID"] == n["nodeID"]]
            outs = [e["toID"] for e in data["edges"] if e["fromID"] == n["nodeID"]]
            out += [(text[a], text[b]) for a in ins if a in text for b in outs if b in text]
    return sorted(out)


@needs_corpora
@pytest.mark.parametrize("path", [p for p in AIF_FILES if '"MA"' in p.read_text("utf-8")],
                         ids=lambda p: p.name)
def test_ma_nodes_become_rephrases_and_come_back(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    ma = [n for n in data["nodes"] if n["type"] == "MA"]
    amap = import_aif(path.read_text(encoding="utf-8"), str(path)).map
    assert sum(r.type == "rephrase" for r in amap.relations) == len(ma) > 0
    assert_valid(amap)
    out = to_aif(amap)
    assert sum(n["type"] == "MA" for n in out["nodes"]) == len(ma)
    assert all(n["scheme"] == "Default Rephrase" for n in out["nodes"] if n["type"] == "MA")
    # the same direction as the corpus: original -> MA -> restatement
    assert _ma_nodes(out) == _ma_nodes(data)
    assert_same_map(amap, import_aif(export_aif(amap)).map)


def test_a_rephrase_is_an_ma_node_from_the_original_to_its_restatement() -> None:
    amap = ArgumentMap("r", lang="en")
    amap.add_claim(Claim("first", "Taxes must rise."))
    amap.add_claim(Claim("later", "We have to raise taxes."))
    amap.add_relation(Relation("rephrase", ["later"], "first", "same"))
    data = to_aif(amap)
    ma = next(n for n in data["nodes"] if n["type"] == "MA")
    assert (ma["text"], ma["scheme"]) == ("Default Rephrase", "Default Rephrase")
    by_text = {n["text"]: n["nodeID"] for n in data["nodes"]}
    pairs = {(e["fromID"], e["toID"]) for e in data["edges"]}
    assert (by_text["Taxes must rise."], ma["nodeID"]) in pairs
    assert (ma["nodeID"], by_text["We have to raise taxes."]) in pairs
    assert_same_map(amap, import_aif(export_aif(amap)).map)
    # without argmap's extension (another tool's file): the same relation, no id
    for n in data["nodes"]:
        n.pop("argmap", None)
    plain = import_aif(json.dumps(data)).map
    assert [(r.type, r.premises, r.target) for r in plain.relations] == \
        [("rephrase", ["we-have-to-raise-taxes"], "taxes-must-rise")]


def test_an_ma_node_that_joins_a_claim_to_itself_is_left_out() -> None:
    result = import_aif(aif([node(1, "I", "It rains."), node(2, "MA", "Default Rephrase")],
                            [edge(1, 2), edge(2, 1)]))
    assert result.map.relations == []
    assert "restates itself" in " ".join(w.message for w in result.warnings)


# -- tolerance -------------------------------------------------------------------
def test_integer_ids_no_locutions_and_speaker_from_locution() -> None:
    text = aif([node(1, "I", "Taxes should rise."), node(2, "I", "Schools need money."),
                node(3, "RA", "Argument From Consequences", scheme="Argument From Consequences"),
                node(4, "L", "Anna Meier : schools need money, so taxes must rise"),
                node(5, "YA", "Asserting")],
               [edge(2, 3, 10), edge(3, 1, 11), edge(4, 5, 12), edge(5, 2, 13)])
    result = import_aif(text)
    amap = result.map
    assert list(amap.claims) == ["taxes-should-rise", "schools-need-money"]
    claim = amap.claims["schools-need-money"]
    assert claim.speaker == "Anna Meier"
    assert claim.quote == "schools need money, so taxes must rise"
    rel = amap.relations[0]
    assert (rel.type, rel.premises, rel.target) == ("support", ["schools-need-money"],
                                                    "taxes-should-rise")
    # a scheme the catalogue does not have is kept as written (tests/test_aif_schemes.py)
    assert (rel.scheme, rel.note) == ("Argument From Consequences", "")
    assert result.warnings == []


def test_speaker_from_participants() -> None:
    text = aif([node("a", "I", "It rains."), node("l", "L", "it rains"),
                node("y", "YA", "Asserting")],
               [edge("l", "y"), edge("y", "a")],
               locutions=[{"nodeID": "l", "personID": 7}],
               participants=[{"participantID": 7, "firstname": "Bo", "surname": "Li"}])
    claim = import_aif(text).map.claims["it-rains"]
    assert (claim.speaker, claim.quote) == ("Bo Li", "it rains")


def test_empty_and_wrapped_documents() -> None:
    assert import_aif(aif([], [])).map.claims == {}
    wrapped = json.dumps({"AIF": {"nodes": [node("1", "I", "x")], "edges": []}, "OVA": {}})
    assert list(import_aif(wrapped).map.claims) == ["x"]
    assert import_aif({"nodes": None, "edges": None}).map.claims == {}


def test_dangling_edges_and_odd_nodes_are_reported() -> None:
    text = aif([node("1", "I", "A"), node("2", "I", "B"), node("3", "CA"), node("4", "RA"),
                node("5", "PA", "preference"), node("6", "RA"), {"type": "I"}],
               [edge("1", "3"), edge("3", "2"), edge("9", "2", "e9"), edge("4", "3"),
                edge("2", "6"), edge("1", "2")])
    result = import_aif(text, "odd.json")
    messages = [w.message for w in result.warnings]
    assert any("points to no node '9'" in m for m in messages)
    assert any("no nodeID" in m for m in messages)
    assert any("type 'PA'" in m for m in messages)
    assert any("RA node 6 points to nothing" in m for m in messages)
    assert any("RA node 4 has no premise" in m for m in messages)
    assert any("straight to I-node" in m for m in messages)
    assert ("attack", ("a",), "b") in rels(result.map)
    assert ("support", ("a",), "b") in rels(result.map)
    assert "preference" in result.map.description
    assert all(w.line > 0 for w in result.warnings if w.subject)
    assert_valid(result.map)


def test_support_of_an_inference_is_not_an_undercut() -> None:
    text = aif([node(i, "I", t) for i, t in ((1, "A"), (2, "B"), (3, "C"))]
               + [node(4, "RA"), node(5, "RA")],
               [edge(1, 4), edge(4, 2), edge(3, 5), edge(5, 4)])
    result = import_aif(text)
    assert rels(result.map) == {("support", ("a",), "b")}
    assert any("support of a relation" in w.message for w in result.warnings)


def test_not_aif_raises() -> None:
    with pytest.raises(InterchangeError):
        import_aif("this is not json")
    with pytest.raises(InterchangeError):
        import_aif("[1, 2]")
    with pytest.raises(InterchangeError):
        import_aif('{"foo": 1}')


# -- export ------------------------------------------------------------------------
def test_export_shape() -> None:
    amap = load_file(str(ROOT / "tests" / "data" / "example.yaml")).map
    assert amap is not None
    data = to_aif(amap)
    types = [n["type"] for n in data["nodes"]]
    assert types.count("I") == len(amap.claims)
    assert types.count("RA") == 1 and types.count("CA") == 2
    assert types.count("L") == types.count("YA") == 4  # claims with speaker or quote
    by_id = {n["nodeID"]: n for n in data["nodes"]}
    for e in data["edges"]:
        assert e["fromID"] in by_id and e["toID"] in by_id
    undercut = next(n for n in data["nodes"] if n["type"] == "CA"
                    and any(e["fromID"] == n["nodeID"] and by_id[e["toID"]]["type"] == "RA"
                            for e in data["edges"]))
    assert undercut  # the undercut points at the RA node of the linked argument
    # the locution asserting the claim: L -> YA -> I
    claim_node = next(n["nodeID"] for n in data["nodes"] if n.get("argmap", {}).get("id")
                      == "aufruesten")
    ya = next(e["fromID"] for e in data["edges"] if e["toID"] == claim_node
              and by_id[e["fromID"]]["type"] == "YA")
    kofman = next(by_id[e["fromID"]] for e in data["edges"] if e["toID"] == ya)
    assert kofman["text"] == "Michael Kofman : ermöglicht, wieder aufzurüsten"


# -- round trips ---------------------------------------------------------------------
def test_round_trip_example() -> None:
    amap = load_file(str(ROOT / "tests" / "data" / "example.yaml")).map
    assert amap is not None
    result = import_aif(export_aif(amap))
    assert result.warnings == []
    assert_same_map(amap, result.map)


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_round_trip_project_maps(path: Path) -> None:
    amap = load_file(str(path), resolve=False).map
    assert amap is not None
    result = import_aif(export_aif(amap))
    assert result.warnings == []
    assert_same_map(amap, result.map)


def test_round_trip_generated_1000() -> None:
    from generate import generate
    amap = load_text(generate(1000)).map
    assert amap is not None
    assert_same_map(amap, import_aif(export_aif(amap)).map)


@pytest.mark.parametrize("path", ARGDOWN_FILES, ids=[p.name for p in ARGDOWN_FILES])
def test_round_trip_of_imported_argdown(path: Path) -> None:
    amap = import_argdown(path.read_text(encoding="utf-8")).map
    assert_same_map(amap, import_aif(export_aif(amap)).map)


def test_round_trip_odd_values() -> None:
    m = ArgumentMap("T", "d\nx", "en")
    m.display.direction, m.display.tag_colors = "LR", {"t": "#000000"}
    m.sources["s"] = Source("s", title="S", url="https://x")
    m.claims["9"] = Claim("9", "numeric id", speaker="A : B", quote="q : r", source="s")
    m.claims["b"] = Claim("b", "  spaced\ntext ", kind="evidence", pos=(1.0, 2.5), tags=["t"])
    m.claims["c"] = Claim("c", "", ref="other.yaml#c", note="n")
    m.claims["b.L"] = Claim("b.L", "id like a locution", speaker="S")
    m.relations = [Relation("support", ["9", "b"], "c"), Relation("attack", ["c"], "9", "x"),
                   Relation("undercut", ["b.L"], "9+b-support-c", "u", "note")]
    assert_same_map(m, import_aif(export_aif(m)).map)


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    m = ArgumentMap(draw(_TEXT), draw(_TEXT), "en")
    n = draw(st.integers(2, 6))
    for i in range(n):
        m.claims[f"c{i}"] = Claim(f"c{i}", draw(_TEXT) or "x", speaker=draw(_TEXT),
                                  quote=draw(_TEXT), note=draw(_TEXT),
                                  tags=draw(st.lists(_TEXT, max_size=2, unique=True)))
    for k in range(draw(st.integers(0, 5))):
        prem = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3, unique=True))
        target = draw(st.integers(0, n - 1).filter(lambda t: t not in prem))
        rel = Relation(draw(st.sampled_from(["support", "attack"])), [f"c{p}" for p in prem],
                       f"c{target}", draw(st.sampled_from(["", f"r{k}"])), draw(_TEXT))
        if all(r.key != rel.key for r in m.relations):
            m.relations.append(rel)
    if m.relations:
        first = m.relations[0]
        free = [c for c in m.claims if c not in first.premises]
        m.relations.append(Relation("undercut", [free[0]], first.key, "", draw(_TEXT)))
    if draw(st.booleans()):     # a rephrase, anywhere in the list
        m.relations.insert(draw(st.integers(0, len(m.relations))), Relation(
            "rephrase", ["c1"], "c0", draw(st.sampled_from(["", "same"])), draw(_TEXT)))
    return m


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_round_trip_random_maps(amap: ArgumentMap) -> None:
    assert_same_map(amap, import_aif(export_aif(amap)).map)


@needs_corpora
def test_cli_import_aif(tmp_path: Path) -> None:
    from argmap.cli.importing import add_parser

    ap = argparse.ArgumentParser(prog="argmap")
    add_parser(ap.add_subparsers())
    out = tmp_path / "m.yaml"
    args = ap.parse_args(["import", str(CORPORA / "aif" / "nodeset6361.json"), "-o", str(out)])
    assert args.func(args) == 0
    assert load_file(str(out)).map is not None
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    args = ap.parse_args(["import", str(bad), "-o", str(tmp_path / "x.yaml")])
    assert args.func(args) == 2


# -- AIF as AIFdb and OVA write it ---------------------------------------------------
def _strip_ext(value: object) -> object:
    """The AIF data without our extension, as an AIF tool that ignores it would keep it."""
    if isinstance(value, dict):
        return {k: _strip_ext(v) for k, v in value.items() if k != "argmap"}
    if isinstance(value, list):
        return [_strip_ext(v) for v in value]
    return value


def test_export_is_aifdb_style_numeric_ids_participants_locutions() -> None:
    m = ArgumentMap("T", "", "en")
    m.sources["s"] = Source("s", title="S", date="2016-10-30")
    m.claims["a"] = Claim("a", "Taxes", speaker="Donald J. Trump", quote="tax it", source="s")
    m.claims["b"] = Claim("b", "Walls", speaker="Donald J. Trump", quote="build it")
    m.claims["c"] = Claim("c", "No", speaker="Hillary", quote="")  # no quote: no locution
    m.claims["d"] = Claim("d", "Yes", speaker="Hillary Rodham Clinton", quote="yes")
    m.relations = [Relation("attack", ["c"], "a", "r1"), Relation("support", ["d"], "b")]
    data = to_aif(m)
    assert all(n["nodeID"].isdigit() for n in data["nodes"])
    assert all(e["edgeID"].isdigit() for e in data["edges"])
    assert len({n["nodeID"] for n in data["nodes"]}) == len(data["nodes"])
    assert data["participants"] == [
        {"participantID": "1", "firstname": "Donald", "surname": "J. Trump"},
        {"participantID": "2", "firstname": "Hillary", "surname": "Rodham Clinton"}]
    by_id = {n["nodeID"]: n for n in data["nodes"]}
    lnodes = [n for n in data["nodes"] if n["type"] == "L"]
    assert [n["text"] for n in lnodes] == ["Donald J. Trump : tax it",
                                           "Donald J. Trump : build it",
                                           "Hillary Rodham Clinton : yes"]
    assert [(loc["nodeID"], loc["personID"]) for loc in data["locutions"]] == [
        (lnodes[0]["nodeID"], "1"), (lnodes[1]["nodeID"], "1"), (lnodes[2]["nodeID"], "2")]
    for ln in lnodes:  # L -> YA (Asserting) -> I
        ya = [by_id[e["toID"]] for e in data["edges"] if e["fromID"] == ln["nodeID"]]
        assert [(y["type"], y["text"]) for y in ya] == [("YA", "Asserting")]
        targets = [by_id[e["toID"]] for e in data["edges"] if e["fromID"] == ya[0]["nodeID"]]
        assert [t["type"] for t in targets] == ["I"]
    # the source's date is the timestamp where known
    assert lnodes[0]["timestamp"] == data["locutions"][0]["timestamp"] == "2016-10-30"
    assert "timestamp" not in lnodes[1] and data["locutions"][1]["timestamp"] is None
    assert_same_map(m, import_aif(export_aif(m)).map)
    # an AIF tool that drops our extension still has the speakers and quotes
    plain = import_aif(_strip_ext(data)).map
    said = {c.text: (c.speaker, c.quote) for c in plain.claims.values()}
    assert said["Taxes"] == ("Donald J. Trump", "tax it")
    assert said["Yes"] == ("Hillary Rodham Clinton", "yes")
    assert rels(plain) == {(r.type, tuple(plain_id(plain, m, p) for p in r.premises),
                            plain_id(plain, m, r.target)) for r in m.relations}


def plain_id(plain: ArgumentMap, original: ArgumentMap, cid: str) -> str:
    """The id in ``plain`` of the claim ``cid`` of ``original`` (matched by text)."""
    text = original.claims[cid].text
    return next(k for k, c in plain.claims.items() if c.text == text)


def test_speakers_come_from_the_locutions_without_a_name_in_the_text() -> None:
    text = aif([node("1", "I", "Claim"), node("2", "L", "just the words"),
                node("3", "YA", "Asserting")], [edge("2", "3"), edge("3", "1")],
               locutions=[{"nodeID": "2", "personID": "5"}],
               participants=[{"participantID": "5", "firstname": "Donald",
                              "surname": "J. Trump"}])
    claim = next(iter(import_aif(text).map.claims.values()))
    assert (claim.speaker, claim.quote) == ("Donald J. Trump", "just the words")


def _structure(amap: ArgumentMap) -> tuple:
    return ({k: (c.text, c.speaker, c.quote, c.kind) for k, c in amap.claims.items()},
            [(r.type, r.premises, r.target, r.key) for r in amap.relations], amap.title)


@needs_corpora
@pytest.mark.parametrize("path", AIF_FILES, ids=[p.name for p in AIF_FILES])
def test_round_trip_of_every_aif_corpus_file(path: Path) -> None:
    first = import_aif(path.read_text(encoding="utf-8"), str(path)).map
    second = import_aif(export_aif(first)).map
    assert _structure(second) == _structure(first)
    assert_same_map(first, second)
    assert first.claims and first.relations
