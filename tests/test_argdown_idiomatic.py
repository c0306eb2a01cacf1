"""Argdown as people write it: relation lines instead of one argument per relation,
titles, mentions, sections and sketched arguments kept through a round trip.

The corpus files in ../shared/corpora/argdown come with the JSON the Argdown tool
writes for them: the statements, arguments and relations of Argdown -> map ->
Argdown are counted against it.  The real Argdown parser (``@argdown/cli``) checks
the export of every bundled map where npm can install it.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from test_argdown import _argdown_cli

from argmap.interchange import export_argdown, import_argdown, parse_argdown
from argmap.mapio import load_file
from argmap.model import ArgumentMap, Claim, Relation

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "argdown"
WITH_JSON = sorted(f for f in CORPUS.glob("*.argdown") if Path(str(f) + ".json").exists())
MAPS = sorted((ROOT / "maps").glob("*.yaml"))


def same(a: ArgumentMap, b: ArgumentMap) -> None:
    sa, sb = a.snapshot(), b.snapshot()
    for key in sa:
        assert sa[key] == sb[key], key


def round_trip(amap: ArgumentMap) -> ArgumentMap:
    result = import_argdown(export_argdown(amap))
    assert [str(w) for w in result.warnings] == []
    return result.map


def small_map() -> ArgumentMap:
    m = ArgumentMap("Small", lang="en")
    for cid in "abcdefg":
        m.claims[cid] = Claim(cid, f"Claim {cid}.")
    m.relations = [
        Relation("support", ["b"], "a", "r1", "why b backs a"),
        Relation("support", ["d"], "c"),
        Relation("attack", ["c"], "a", "r3"),
        Relation("attack", ["e"], "c", note="only a note"),
        Relation("support", ["f", "g"], "a", "linked"),
        Relation("undercut", ["g"], "r3")]
    return m


# -- 1. plain support and attack are relation lines, grouped under the target ----------
def test_plain_relations_are_relation_lines_grouped_under_each_target() -> None:
    text = export_argdown(small_map())
    assert "[a]\n  <+ [b]\n\n" in text  # r3, which an undercut aims at, is an argument
    assert "[c]\n  <+ [d]\n  <- [e]\n" in text
    assert "supports" not in text and "attacks" not in text  # no mechanical texts
    doc = parse_argdown(text)
    # arguments only for the linked premises and the relation an undercut aims at
    assert set(doc.arguments) == {"linked", "r3"}
    assert '<r3> {"argmap": "attack"}\n  <+ [c]\n  -> [a]\n  <_ [g]' in text


def test_ids_notes_and_order_of_relations_come_back() -> None:
    amap = small_map()
    back = round_trip(amap)
    same(amap, back)
    assert [r.key for r in back.relations] == ["r1", "d-support-c", "r3", "e-attack-c",
                                                "linked", "g-undercut-r3"]


def test_a_map_without_ids_needs_no_table() -> None:
    m = ArgumentMap("Plain", lang="en")
    for cid in "abc":
        m.claims[cid] = Claim(cid, cid.upper())
    m.relations = [Relation("support", ["b"], "a"), Relation("attack", ["c"], "a")]
    text = export_argdown(m)
    assert '"relations"' not in text and "[a]\n  <+ [b]\n  <- [c]" in text
    same(m, round_trip(m))
    m.relations.reverse()  # an order the grouping does not give: the table keeps it
    same(m, round_trip(m))


def test_an_edited_export_still_reads_and_names_what_is_gone() -> None:
    text = export_argdown(small_map()).replace("  <+ [b]\n", "")
    result = import_argdown(text, "edited.argdown")
    assert not any(r.premises == ["b"] for r in result.map.relations)
    assert [r.id for r in result.map.relations][:2] == ["", "r3"]
    assert any("not in the text" in w.message for w in result.warnings)


def _argument_nodes(amap: ArgumentMap) -> int:
    return len(parse_argdown(export_argdown(amap)).arguments)


def test_bundled_maps_export_arguments_only_where_needed() -> None:
    total = needed = 0
    for path in MAPS:
        amap = load_file(str(path)).map
        assert amap is not None
        undercut = {r.target for r in amap.relations if r.type == "undercut"}
        # a relation that names a scheme is an argument: its metadata holds the scheme
        want = sum(1 for r in amap.relations if r.linked or r.key in undercut
                   or (r.scheme and r.type != "rephrase"))
        assert _argument_nodes(amap) == want, path.name
        total += len(amap.relations)
        needed += want
    assert needed < total / 2


# -- 2. Argdown -> map -> Argdown keeps titles, mentions, sections, arguments -----------
PRIMER_LIKE = """# Topic

[Statement 1]: The first statement. #(a tag)

[Statement 2]: It mentions @[Statement 1] and @<Argument title>.
  + <Argument title>: Statements can be supported by arguments.
  - <Another argument>: This attacks @[Statement 2].
    - <Yet another argument>: Arguments can be attacked.
      <_ [Größere Frage]: An undercut.

## Sub {isGroup: false}

[Statement 3]: Under a heading that is no group.
  >< [Statement 1]
"""


def test_titles_mentions_sections_and_sketched_arguments_are_kept() -> None:
    first = import_argdown(PRIMER_LIKE)
    amap = first.map
    assert amap.claims["statement-1"].tags == ["a tag", "Topic"]
    text = export_argdown(amap)
    assert "[Statement 1]: The first statement. #(a tag)" in text
    assert "It mentions @[Statement 1] and @<Argument title>." in text
    assert "\n# Topic\n" in text and '\n## Sub {"isGroup": false}\n' in text
    assert "<Argument title>: Statements can be supported by arguments." in text
    assert "[Statement 1]\n  >< [Statement 3]" in text or \
        "[Statement 3]\n  >< [Statement 1]" in text
    a, b = parse_argdown(PRIMER_LIKE), parse_argdown(text)
    assert set(a.statements) == set(b.statements)
    assert set(a.arguments) == set(b.arguments)
    assert Counter(a.json_relations()) == Counter(b.json_relations())
    assert [(s.level, s.title) for s in a.sections] == [(s.level, s.title) for s in b.sections]
    assert [(s.level, s.title) for s in a.sections[0].children] == \
        [(s.level, s.title) for s in b.sections[0].children]
    assert b.sections[0].children[0].data == {"isGroup": False}
    for title in ("Statement 1", "Statement 2"):  # the same texts, mentions working
        assert a.statements[title].text == b.statements[title].text
    same(amap, import_argdown(text).map)


def test_a_title_is_kept_in_the_last_line_of_the_note() -> None:
    amap = import_argdown("[Statement 1]: A.\n  + <Reason>: B.\n").map
    assert amap.claims["statement-1"].note == "Argdown: [Statement 1]"
    assert amap.claims["reason"].note == "Argdown: <Reason>"
    # a user's own note stays first, and the line is not written as note
    amap.claims["statement-1"].note = "Mine.\nArgdown: [Statement 1]"
    text = export_argdown(amap)
    assert '[Statement 1]: A. {"note": "Mine."}' in text
    same(amap, round_trip(amap))


def test_a_reconstructed_argument_comes_back_as_one_argument_with_its_steps() -> None:
    src = ("<Chain>: Two steps.\n\n(1) [P]: p\n(2) [Q]: q\n-- Modus ponens --\n(3) [R]: r\n"
           "(4) [S]: s\n-- {uses: [1, 4]} --\n(5) [T]: t\n\n<Other>\n\n(1) [S]\n(2) [P]\n"
           "----\n(3) [U]: u\n\n[U]\n  <+ [Q]\n")
    amap = import_argdown(src).map
    text = export_argdown(amap)
    doc = parse_argdown(text)
    assert set(doc.arguments) == {"Chain", "Other"}
    assert [p.title.lower() for p in doc.arguments["Chain"].pcs] == list("pqrst")
    assert doc.arguments["Chain"].pcs[2].inference.rules == ["Modus ponens"]
    assert doc.arguments["Chain"].pcs[4].inference.data == {"uses": [1, 4]}
    assert [p.title.lower() for p in doc.arguments["Other"].pcs] == list("spu")
    same(amap, import_argdown(text).map)


def _prose(expected: dict) -> int:
    """Untitled statements in no relation: text between statements (map description)."""
    used = {r[k] for r in expected["relations"] for k in ("from", "to")}
    used |= {p["title"] for a in expected["arguments"].values() for p in a["pcs"]}
    return sum(1 for t, ec in expected["statements"].items()
               if t.startswith("Untitled ") and t not in used and not ec.get("tags")
               and all(m["role"] == "top-level-statement" for m in ec["members"]))


def corpus_counts(path: Path) -> dict[str, tuple[int, int, int]]:
    """Statements, arguments, relations: Argdown's JSON, after import, after
    import -> export -> import (the last two in Argdown's terms, from our export)."""
    expected = json.loads(Path(str(path) + ".json").read_text(encoding="utf-8"))
    first = import_argdown(path.read_text(encoding="utf-8")).map
    once = parse_argdown(export_argdown(first))
    again = parse_argdown(export_argdown(import_argdown(export_argdown(first)).map))
    return {"json": (len(expected["statements"]) - _prose(expected),
                     len(expected["arguments"]), len(expected["relations"])),
            "import": (len(once.statements), len(once.arguments), len(once.relations)),
            "again": (len(again.statements), len(again.arguments), len(again.relations))}


def _headings(sections: list) -> list:
    return [(s.level, s.title, s.is_group, _headings(s.children)) for s in sections]


@pytest.mark.parametrize("path", WITH_JSON, ids=[p.name for p in WITH_JSON])
def test_corpus_round_trip_keeps_statements_arguments_and_relations(path: Path) -> None:
    counts = corpus_counts(path)
    assert counts["json"] == counts["import"] == counts["again"], counts
    expected = json.loads(Path(str(path) + ".json").read_text(encoding="utf-8"))
    first = import_argdown(path.read_text(encoding="utf-8")).map
    text = export_argdown(first)
    doc = parse_argdown(text)
    # titles as written (a title that differs from its id only in case comes back as the id)
    for title in expected["statements"]:
        if not title.startswith("Untitled "):
            assert title in doc.statements or title.lower() in doc.statements, title
    assert set(doc.arguments) == set(expected["arguments"])
    assert _headings(parse_argdown(path.read_text(encoding="utf-8")).sections) == \
        _headings(doc.sections)
    same(first, import_argdown(text).map)


# -- 3. claims that refer into another map ---------------------------------------------
def test_a_claim_that_refers_into_another_map_is_exported_with_its_text() -> None:
    path = ROOT / "maps" / "debatte-waffenstillstand-jetzt.yaml"
    amap = load_file(str(path)).map
    assert amap is not None
    refs = [c for c in amap.claims.values() if c.ref]
    assert refs and all(c.display().text for c in refs)
    doc = parse_argdown(export_argdown(amap))
    for claim in refs:
        assert doc.statements[claim.id].text == " ".join(claim.display().text.split())
    back = round_trip(amap)
    assert all(back.claims[c.id].text == c.text and back.claims[c.id].ref == c.ref
               for c in refs)


# -- 4. the real Argdown parser ----------------------------------------------------------
def _map_relations(theirs: dict) -> int:
    """How many map relations Argdown's JSON of our export stands for: relation lines,
    inferences of reconstructions, for each marked argument its one relation, and the
    rephrases a statement's data names (Argdown has no relation for a rephrase)."""
    marked = {t for t, a in theirs["arguments"].items()
              if any("argmap" in (m.get("data") or {}) for m in a["members"])}
    n = sum(2 if r["relationType"] == "contradictory" else 1 for r in theirs["relations"]
            if not (r["toType"] == "argument" and r["to"] in marked
                    and r["relationType"] == "support"))
    n += sum(len(v) if isinstance(v, list) else 1 for s in theirs["statements"].values()
             for m in s["members"] if (v := (m.get("data") or {}).get("rephrases")))
    return n + sum(1 for t, a in theirs["arguments"].items() for p in a["pcs"]
                   if p["role"] != "premise")


def test_argdown_itself_reads_every_bundled_map(tmp_path: Path) -> None:
    exe = _argdown_cli()
    amaps = {p.stem: load_file(str(p)).map for p in MAPS}
    for name, amap in amaps.items():
        (tmp_path / f"{name}.argdown").write_text(export_argdown(amap), encoding="utf-8")
    run = subprocess.run([exe, "json", str(tmp_path / "*.argdown"), str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=180, cwd=tmp_path, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "error" not in (run.stdout + run.stderr).lower(), run.stdout + run.stderr
    for name, amap in amaps.items():
        theirs = json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))
        assert set(theirs["statements"]) == set(amap.claims), name
        assert _map_relations(theirs) == len(amap.relations), name
        for claim in amap.claims.values():  # a ref shows the text it refers to
            members = theirs["statements"][claim.id]["members"]
            text = next((m["text"] for m in members if m.get("text")), "")
            text = re.sub(r"(\s#\([^)]*\)|\s#[^\s#]+)+\s*$", "", " " + text).strip()
            assert " ".join(text.split()) == " ".join(claim.display().text.split()), claim.id


def test_argdown_itself_reads_the_idiomatic_forms(tmp_path: Path) -> None:
    exe = _argdown_cli()
    sources = {"small": export_argdown(small_map()),
               "primer": export_argdown(import_argdown(PRIMER_LIKE).map)}
    for path in WITH_JSON:  # the corpus, through argmap and back
        sources[path.stem] = export_argdown(import_argdown(path.read_text("utf-8")).map)
    for name, text in sources.items():
        (tmp_path / f"{name}.argdown").write_text(text, encoding="utf-8")
    run = subprocess.run([exe, "json", str(tmp_path / "*.argdown"), str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False)
    assert run.returncode == 0 and "error" not in (run.stdout + run.stderr).lower(), \
        run.stdout + run.stderr
    for name, text in sources.items():
        theirs = json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))
        doc = parse_argdown(text)
        assert set(theirs["statements"]) == set(doc.statements), name
        assert set(theirs["arguments"]) == set(doc.arguments), name
        assert Counter(doc.json_relations()) == Counter(
            (r["relationType"], r["from"], r["fromType"], r["to"], r["toType"])
            for r in theirs["relations"]), name
    primer = json.loads((tmp_path / "out" / "primer.json").read_text(encoding="utf-8"))
    assert [s["title"] for s in primer["sections"]] == ["Topic"]
    assert "@[Statement 1]" in primer["statements"]["Statement 2"]["members"][0]["text"]


def test_a_base_score_comes_back() -> None:
    amap = small_map()
    if not hasattr(amap.claims["a"], "base"):
        pytest.skip("claims have no base score in this version of the model")
    amap.claims["a"].base = 0.8
    text = export_argdown(amap)
    assert '"base": 0.8' in text and '"base": 0.5' not in text
    same(amap, round_trip(amap))


def test_a_broken_table_in_the_front_matter_is_read_as_far_as_it_goes() -> None:
    text = ('===\ntitle: T\nargmap: {"format": 1, "relations": [1, "x", [null], '
            '["support", ["a", 3], "b"], ["attack", "b", "a", "r9", "kept"], '
            '["undercut", "c", "nowhere"]], "ids": {"[A]": 5}, "claim_order": "no"}\n===\n\n'
            "[a]: A\n  <+ [b]: B\n  <- [b]\n  <- [c]: C\n")
    result = import_argdown(text, "broken.argdown")
    rels = [(r.type, r.premises, r.target, r.id, r.note) for r in result.map.relations]
    assert rels == [("attack", ["b"], "a", "r9", "kept"), ("support", ["b"], "a", "", ""),
                    ("attack", ["c"], "a", "", "")]
    assert list(result.map.claims) == ["a", "b", "c"]
    assert any("not in the text" in w.message for w in result.warnings)


def test_a_title_that_differs_from_its_id_only_in_case_is_kept():
    from argmap.interchange import export_argdown, import_argdown
    text = "[Secondly]: Der zweite Punkt.\n  <+ [Firstly]: Der erste Punkt.\n"
    amap = import_argdown(text, "t.argdown").map
    again = export_argdown(amap)
    assert "[Secondly]" in again and "[Firstly]" in again
    assert import_argdown(again, "t.argdown").map.snapshot() == amap.snapshot()
