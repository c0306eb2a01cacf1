"""Argument schemes in AIF: the catalogue's AIF names and ids, import, export, round trips."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from argmap.critical_questions import scheme_diagnostics
from argmap.interchange import export_aif, import_aif, to_aif
from argmap.mapio import load_file, load_text
from argmap.model import ArgumentMap, Claim, Relation
from argmap.savefile import render
from argmap.schemes import GENERIC, catalogue, interchange_name, scheme_from_name

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
S_TYPES = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}


def strip_ext(data: Any) -> Any:
    """AIF as a tool that ignores argmap's own extension keeps it: without ``argmap``."""
    if isinstance(data, dict):
        return {k: strip_ext(v) for k, v in data.items() if k != "argmap"}
    if isinstance(data, list):
        return [strip_ext(v) for v in data]
    return data


def schemes_of(amap: ArgumentMap) -> Counter:
    """(relation type, scheme) of every relation, counted."""
    return Counter((r.type, r.scheme) for r in amap.relations)


def by_place(amap: ArgumentMap) -> Counter:
    """(type, premises, target, scheme) of every relation, the claims by their place in
    the map (an AIF import numbers them afresh, in the same order), counted."""
    place = {cid: i for i, cid in enumerate(amap.claims)}
    return Counter((r.type, tuple(place[p] for p in r.premises), place.get(r.target, -1),
                    r.scheme) for r in amap.relations)


def s_nodes(data: dict[str, Any]) -> Counter:
    """(node type, scheme, schemeID) of the RA, CA and MA nodes of an AIF document; a
    node named only by its type ("RA", as AraucariaDB writes it) counts as the type's
    generic scheme, a name by the catalogue scheme it names."""
    out: Counter = Counter()
    for n in data.get("AIF", data)["nodes"]:
        kind = n.get("type")
        if kind not in S_TYPES:
            continue
        name = n.get("scheme") or n.get("text") or ""
        found = catalogue().find(S_TYPES[kind] if name in ("", kind) else name)
        out[(kind, found.id if found else name, n.get("schemeID"))] += 1
    return out


# ---- the catalogue's AIF names and ids -------------------------------------------------

@pytest.mark.parametrize("scheme", list(catalogue()), ids=lambda s: s.id)
def test_every_scheme_is_found_by_the_names_aif_files_give_it(scheme):
    cat = catalogue()
    assert cat.find(scheme.id) is scheme
    assert cat.find(interchange_name(scheme)) is scheme   # what the export writes
    assert cat.find(scheme.name.en) is scheme and cat.find(scheme.name.de) is scheme
    if scheme.aif:
        assert interchange_name(scheme) == scheme.aif
        for form in (scheme.aif, scheme.aif.upper(), f"Argument From {scheme.aif}",
                     f"Argument from {scheme.aif.lower()}", scheme.aif.title().replace(" ", ""),
                     f"  {scheme.aif}  "):
            assert cat.by_aif(form) is scheme, form
    else:
        assert interchange_name(scheme) == scheme.name.en
    if scheme.aif_id is not None:
        assert cat.by_aif_id(scheme.aif_id) is scheme
        assert cat.by_aif_id(str(scheme.aif_id)) is scheme


@pytest.mark.parametrize("name, scheme", [
    ("Argument From Expert Opinion", "expert-opinion"),      # AIFdb's long form
    ("Expert Opinion", "expert-opinion"),                    # AIFdb's short form
    ("PracticalReasoning", "practical-reasoning"),           # Araucaria's CamelCase
    ("Example", "example"),
    ("Argument from Position to Know", "position-to-know"),
    ("ArgumentFromCauseToEffect", "cause-to-effect"),
    ("CircumstantialAdHominem", "ad-hominem-circumstantial"),
    ("Argument From Negative Consequences", "negative-consequences"),
    ("Slippery Slope Argument", "slippery-slope"),           # the catalogue's English name
    ("Argument from precedent", "precedent"),                # AIFdb has no name for it
    ("Argument aus einem Präzedenzfall", "precedent"),
    ("Vested Interest", "vested-interest"),                  # a conflict scheme
    ("expert-opinion", "expert-opinion"),                    # a catalogue id
    ("Default Inference", ""), ("default conflict", ""), ("Default Rephrase", ""),
    ("", ""), ("   ", ""),
    ("Argument From Consequences", "Argument From Consequences"),  # not in the catalogue
    ("Argument  From\n Bias", "Argument From Bias"),         # kept, on one line
])
def test_a_scheme_name_becomes_the_catalogue_id_none_or_stays_as_written(name, scheme):
    assert scheme_from_name(name) == scheme


def test_the_generic_schemes_are_the_aif_defaults_with_the_ids_of_the_corpora():
    cat = catalogue()
    assert [(cat[g].aif, cat[g].aif_id) for g in GENERIC] == [
        ("Default Inference", 72), ("Default Conflict", 71), ("Default Rephrase", 144)]
    assert cat.by_aif_id("999") is None and cat.by_aif_id("x") is None


# ---- import: an S-node's scheme ------------------------------------------------------------

def one_relation(ntype: str, **fields: Any) -> Relation:
    """The relation read from an AIF file of two I-nodes joined by one S-node."""
    snode = {"nodeID": "3", "type": ntype, "text": ntype, **fields}
    data = {"nodes": [{"nodeID": "1", "type": "I", "text": "A"},
                      {"nodeID": "2", "type": "I", "text": "B"}, snode],
            "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"},
                      {"edgeID": "2", "fromID": "3", "toID": "2"}]}
    result = import_aif(json.dumps(data))
    assert result.warnings == []
    [rel] = result.map.relations
    return rel


@pytest.mark.parametrize("ntype, fields, scheme, note", [
    ("RA", {"text": "Argument From Expert Opinion", "scheme": "Argument From Expert Opinion",
            "schemeID": "15"}, "expert-opinion", ""),
    ("RA", {"text": "PracticalReasoning"}, "practical-reasoning", ""),  # Araucaria: the text
    ("RA", {"text": "Example"}, "example", ""),
    ("RA", {"text": "label", "scheme": "Sign"}, "sign", ""),            # the scheme counts
    ("RA", {"text": "RA", "schemeID": "14"}, "example", ""),            # only an id
    ("RA", {"text": "RA", "schemeID": 1}, "analogy", ""),
    ("RA", {"text": "RA"}, "", ""),                                     # AraucariaDB
    ("RA", {"text": "Default Inference", "scheme": "Default Inference", "schemeID": "72"},
     "", ""),
    ("CA", {"text": "Default Conflict", "scheme": "Default Conflict", "schemeID": "71"},
     "", ""),
    ("CA", {"text": "Vested Interest", "scheme": "Vested Interest"}, "vested-interest", ""),
    ("CA", {"text": "CA", "scheme": "Lack Of Expert Reliability"},
     "lack-of-expert-reliability", ""),
    ("MA", {"text": "Default Rephrase", "scheme": "Default Rephrase", "schemeID": "144"},
     "", ""),
    # not in the catalogue: kept as written; an id the export cannot write back: the note
    ("RA", {"text": "Argument From Bias", "scheme": "Argument From Bias"},
     "Argument From Bias", ""),
    ("RA", {"scheme": "Argument From Bias", "schemeID": "3"}, "Argument From Bias",
     "AIF schemeID: 3"),
    ("RA", {"text": "RA", "schemeID": "999"}, "", "AIF schemeID: 999"),
    ("RA", {"text": "Expert Opinion", "scheme": "Expert Opinion", "schemeID": "99"},
     "expert-opinion", "AIF schemeID: 99"),
])
def test_an_s_node_gives_its_relation_the_scheme(ntype, fields, scheme, note):
    rel = one_relation(ntype, **fields)
    assert (rel.scheme, rel.note) == (scheme, note)


# ---- export ----------------------------------------------------------------------------------

def scheme_map() -> ArgumentMap:
    m = ArgumentMap("Schemes", "", "en")
    for cid, text in [("kofman", "Kofman says Russia will rearm."),
                      ("expert", "Kofman studies the Russian army."),
                      ("rearm", "Russia will rearm."), ("paid", "Kofman is paid by a lobby."),
                      ("cases", "Earlier ceasefires were used to rearm."),
                      ("other", "This ceasefire is different."), ("again", "Russia rearms.")]:
        m.claims[cid] = Claim(cid, text)
    m.relations = [
        Relation("support", ["kofman", "expert"], "rearm", "r1", scheme="expert-opinion",
                 roles={"kofman": "assertion", "expert": "expertise"},
                 questions={"field": "yes"}),
        Relation("undercut", ["paid"], "r1", "r2", scheme="lack-of-expert-reliability",
                 answers={"r1": "reliability"}),
        Relation("support", ["cases"], "rearm", "r3", scheme="precedent"),
        Relation("attack", ["other"], "rearm", "r4", scheme="Argument From Difference"),
        Relation("attack", ["other"], "cases"),
        Relation("rephrase", ["again"], "rearm"),
    ]
    return m


def test_export_writes_the_schemes_as_aifdb_names_them():
    data = to_aif(scheme_map())
    snodes = [(n["type"], n["text"], n["scheme"], n.get("schemeID")) for n in data["nodes"]
              if n["type"] in S_TYPES]
    assert snodes == [
        ("RA", "Expert Opinion", "Expert Opinion", "15"),
        ("CA", "Lack Of Expert Reliability", "Lack Of Expert Reliability", None),
        ("RA", "Argument from precedent", "Argument from precedent", None),
        ("CA", "Argument From Difference", "Argument From Difference", None),  # as it is
        ("CA", "Default Conflict", "Default Conflict", "71"),
        ("MA", "Default Rephrase", "Default Rephrase", "144"),
    ]


def test_a_map_without_schemes_writes_the_aif_defaults_with_their_ids():
    m = ArgumentMap("T", "", "en")
    m.claims.update({c: Claim(c, c.upper()) for c in "abc"})
    m.relations = [Relation("support", ["a"], "b"), Relation("attack", ["c"], "b"),
                   Relation("undercut", ["c"], "a-support-b"), Relation("rephrase", ["c"], "a")]
    assert s_nodes(to_aif(m)) == Counter({("RA", "default-inference", "72"): 1,
                                          ("CA", "default-conflict", "71"): 2,
                                          ("MA", "default-rephrase", "144"): 1})


@pytest.mark.parametrize("plain", [False, True], ids=["with-extension", "aif-only"])
def test_schemes_survive_export_and_import(plain):
    m = scheme_map()
    data = to_aif(m)
    back = import_aif(json.dumps(strip_ext(data) if plain else data)).map
    if not plain:           # argmap's own extension: everything exactly
        assert len(back.relations) == len(m.relations)
        assert all(a.same_as(b) for a, b in zip(back.relations, m.relations))
        return
    # AIF alone: the schemes (roles, question states and answers are argmap's own)
    assert by_place(back) == by_place(m)
    assert schemes_of(back) == schemes_of(m)


# ---- a file of other people's, round-tripped ------------------------------------------------

#: Araucaria / AIFdb style: RA nodes named by text only (Araucaria), by scheme and
#: schemeID (AIFdb), by a bare "RA" with an id; conflict schemes on CA nodes, one an
#: undercut of an inference; an MA rephrase; and schemes the catalogue does not have
FOREIGN = {
    "nodes": [
        {"nodeID": "1", "type": "I", "text": "The ceasefire helps Russia."},
        {"nodeID": "2", "type": "I", "text": "Kofman says so."},
        {"nodeID": "3", "type": "I", "text": "In 2015 Minsk II gave Russia time to rearm."},
        {"nodeID": "4", "type": "I", "text": "Russia wants to rebuild its army."},
        {"nodeID": "5", "type": "I", "text": "Kofman is paid by the arms lobby."},
        {"nodeID": "6", "type": "I", "text": "Minsk II was a different situation."},
        {"nodeID": "7", "type": "I", "text": "A pause helps the side that rearms faster."},
        {"nodeID": "8", "type": "I", "text": "The truce is good for Moscow."},
        {"nodeID": "9", "type": "I", "text": "Most analysts agree."},
        {"nodeID": "20", "type": "RA", "text": "Argument From Expert Opinion",
         "scheme": "Argument From Expert Opinion", "schemeID": "15"},
        {"nodeID": "21", "type": "RA", "text": "Example"},
        {"nodeID": "22", "type": "RA", "text": "PracticalReasoning"},
        {"nodeID": "23", "type": "CA", "text": "Vested Interest", "scheme": "Vested Interest"},
        {"nodeID": "24", "type": "CA", "text": "Differences Undermine Similarity",
         "scheme": "Differences Undermine Similarity"},
        {"nodeID": "25", "type": "RA", "text": "RA", "schemeID": "1"},
        {"nodeID": "26", "type": "MA", "text": "Default Rephrase", "scheme": "Default Rephrase",
         "schemeID": "144"},
        {"nodeID": "27", "type": "RA", "text": "Argument From Popularity",
         "scheme": "Argument From Popularity"},
        {"nodeID": "28", "type": "CA", "text": "Default Conflict", "scheme": "Default Conflict",
         "schemeID": "71"},
        {"nodeID": "29", "type": "RA", "text": "Default Inference",
         "scheme": "Default Inference", "schemeID": "72"},
    ],
    "edges": [[2, 20], [20, 1], [3, 21], [21, 1], [4, 22], [22, 1], [5, 23], [23, 20],
              [6, 24], [24, 21], [7, 25], [25, 1], [1, 26], [26, 8], [9, 27], [27, 2],
              [6, 28], [28, 3], [7, 29], [29, 4]],
}
FOREIGN["edges"] = [{"edgeID": str(i), "fromID": str(a), "toID": str(b)}
                    for i, (a, b) in enumerate(FOREIGN["edges"], 1)]
FOREIGN_SCHEMES = Counter({
    ("support", "expert-opinion"): 1, ("support", "example"): 1,
    ("support", "practical-reasoning"): 1, ("undercut", "vested-interest"): 1,
    ("undercut", "differences-undermine-similarity"): 1, ("support", "analogy"): 1,
    ("rephrase", ""): 1, ("support", "Argument From Popularity"): 1, ("attack", ""): 1,
    ("support", ""): 1})


def test_a_foreign_file_keeps_its_schemes_through_export_and_import():
    first = import_aif(json.dumps(FOREIGN), "foreign.json")
    assert first.warnings == []
    assert schemes_of(first.map) == FOREIGN_SCHEMES
    assert not any(r.note for r in first.map.relations)   # no "AIF scheme: ..." notes
    # a conflict scheme on a CA node that undercuts an inference (RA node)
    diff = next(r for r in first.map.relations if r.scheme == "differences-undermine-similarity")
    assert diff.type == "undercut" and diff.target == first.map.relations[1].key
    out = json.loads(export_aif(first.map))
    # every S-node named as before (the defaults the same), with AIFdb's ids where known
    assert s_nodes(out) == Counter({
        ("RA", "expert-opinion", "15"): 1, ("RA", "example", "14"): 1,
        ("RA", "practical-reasoning", "28"): 1, ("CA", "vested-interest", None): 1,
        ("CA", "differences-undermine-similarity", None): 1, ("RA", "analogy", "1"): 1,
        ("MA", "default-rephrase", "144"): 1, ("RA", "Argument From Popularity", None): 1,
        ("CA", "default-conflict", "71"): 1, ("RA", "default-inference", "72"): 1})
    names = {n["scheme"] for n in out["nodes"] if n["type"] in S_TYPES}
    assert {"Expert Opinion", "Practical Reasoning", "Vested Interest", "Analogy",
            "Argument From Popularity"} <= names
    for again in (import_aif(json.dumps(out)).map, import_aif(json.dumps(strip_ext(out))).map):
        assert by_place(again) == by_place(first.map)
    # the map is valid; the check warns about the scheme it does not know and the
    # roles an AIF file does not give
    loaded = load_text(render(first.map), "foreign.yaml", resolve=False)
    assert loaded.map is not None and loaded.errors == []
    rels = list(enumerate(first.map.relations))
    warnings = [d.message for d in scheme_diagnostics(rels, "foreign.yaml",
                                                      lambda p, k: (0, 0))]
    assert sum("'Argument From Popularity', which is not in the catalogue" in w
               for w in warnings) == 1
    assert all("not in the catalogue" in w or "has the role" in w for w in warnings)


# ---- the bundled maps and the corpora ---------------------------------------------------

@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_the_bundled_maps_keep_their_schemes_in_plain_aif(path: Path):
    amap = load_file(str(path), resolve=False).map
    assert amap is not None
    plain = import_aif(json.dumps(strip_ext(to_aif(amap)))).map
    assert by_place(plain) == by_place(amap)


def corpus_files() -> list[Path]:
    if not CORPORA.is_dir():
        pytest.skip("needs ../shared/corpora")
    files = sorted((CORPORA / "aif").glob("*.json"))
    assert files
    return files


def test_every_scheme_of_the_aif_corpora_survives_the_round_trip():
    for path in corpus_files():
        original = json.loads(path.read_text(encoding="utf-8"))
        first = import_aif(path.read_text(encoding="utf-8"), str(path)).map
        out = json.loads(export_aif(first))
        second = import_aif(json.dumps(out)).map
        plain = import_aif(json.dumps(strip_ext(out))).map
        assert schemes_of(second) == schemes_of(plain) == schemes_of(first), path.name
        before, after = s_nodes(original), s_nodes(out)
        # the same scheme on each S-node; an id the file gives is written back
        drop_id = Counter({(t, s): n for (t, s, _), n in before.items()})
        assert drop_id == Counter({(t, s): n for (t, s, _), n in after.items()}), path.name
        given = Counter({k: n for k, n in before.items() if k[2] is not None})
        assert given <= after, path.name
        assert sum(before.values()) == len(first.relations), path.name


# ---- a map's own schemes ---------------------------------------------------------------------

WASTE = {"kind": "support", "aif": "Waste",
         "name": {"de": "Argument aus der Verschwendung", "en": "Argument from waste"},
         "short": {"de": "Verschwendung", "en": "Waste"}, "source": "Walton 2008",
         "roles": [{"id": "spent", "de": "Viel wurde investiert.", "en": "Much was invested."}],
         "conclusion": {"de": "Weitermachen.", "en": "Carry on."},
         "questions": [{"id": "spent", "targets": "spent", "de": "Wirklich?", "en": "Really?"}]}


def own_scheme_map() -> ArgumentMap:
    m = ArgumentMap("Own", "", "en")
    m.schemes = {"waste": WASTE, "expert-opinion": {"short": {"en": "Expert"}}}
    m.claims.update({"a": Claim("a", "Billions went into it."), "b": Claim("b", "Go on.")})
    m.relations = [Relation("support", ["a"], "b", "r1", scheme="waste", roles={"a": "spent"})]
    return m


def test_a_maps_own_scheme_is_written_with_its_aif_name_and_comes_back():
    m = own_scheme_map()
    data = to_aif(m)
    [ra] = [n for n in data["nodes"] if n["type"] == "RA"]
    assert (ra["scheme"], ra["text"], "schemeID" in ra) == ("Waste", "Waste", False)
    back = import_aif(json.dumps(data)).map
    assert back.schemes == m.schemes            # the header's schemes, exactly
    assert back.relations[0].same_as(m.relations[0])
    # without argmap's extension the map's schemes are not there: the name as written
    assert import_aif(json.dumps(strip_ext(data))).map.relations[0].scheme == "Waste"
