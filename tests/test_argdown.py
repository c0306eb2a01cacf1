"""Argdown import and export.

The corpus files in ../shared/corpora/argdown come with the JSON the Argdown
tool itself writes for them; our parser's model is compared with it title by
title, and the map made from it is checked against the documented mapping.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.interchange import export_argdown, import_argdown, parse_argdown
from argmap.interchange.argdown_parse import MAIN
from argmap.mapio import load_file, load_text
from argmap.model import ArgumentMap, Claim, Relation, Source
from argmap.savefile import render

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "argdown"
ARGDOWN_FILES = sorted(CORPUS.glob("*.argdown"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora/argdown")
WITH_JSON = [f for f in ARGDOWN_FILES if Path(str(f) + ".json").exists()]
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def generated(n: int) -> ArgumentMap:
    from generate import generate
    loaded = load_text(generate(n))
    assert loaded.map is not None
    return loaded.map


def assert_same_map(a: ArgumentMap, b: ArgumentMap) -> None:
    sa, sb = a.snapshot(), b.snapshot()
    for key in sa:
        assert sa[key] == sb[key], key


def assert_valid(amap: ArgumentMap) -> None:
    loaded = load_text(render(amap), "imported.yaml", resolve=False)
    assert loaded.map is not None
    assert [str(d) for d in loaded.errors] == []


# -- the corpus: every file imports, into a valid map --------------------------
@pytest.mark.parametrize("path", ARGDOWN_FILES, ids=ids(ARGDOWN_FILES))
def test_corpus_file_imports_into_a_valid_map(path: Path) -> None:
    result = import_argdown(path.read_text(encoding="utf-8"), str(path))
    assert result.map.claims and result.map.relations
    assert_valid(result.map)
    for w in result.warnings:
        assert w.file == str(path) and w.line > 0, str(w)


@needs_corpus
def test_every_corpus_file_is_tested() -> None:
    assert len(ARGDOWN_FILES) >= 7 and len(WITH_JSON) >= 6


# -- our parser's model against Argdown's own JSON ------------------------------
_TAG = r"#\(([^)]*)\)|#([\w-]+)"


def _norm(text: str) -> str:
    """Text as compared: links as their text, markup and spacing dropped.

    Documented differences to Argdown's JSON text, undone here: Argdown keeps
    a trailing ``#tag`` in the text (we move it to the tags) and a tag inside
    a sentence as ``#tag`` (we keep the word); Argdown keeps a link's text
    only (we keep ``[text](url)``); Argdown joins some lines without a space.
    """
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\s*(" + _TAG + r"))+\s*$", "", text)
    text = re.sub(_TAG, lambda m: m.group(1) or m.group(2), text)
    return re.sub(r"\W", "", text).lower()


@pytest.mark.parametrize("path", WITH_JSON, ids=ids(WITH_JSON))
def test_statements_match_argdown_json(path: Path) -> None:
    expected = json.loads(Path(str(path) + ".json").read_text(encoding="utf-8"))
    doc = parse_argdown(path.read_text(encoding="utf-8"))
    assert set(doc.statements) == set(expected["statements"])
    for title, ec in expected["statements"].items():
        mine = doc.statements[title]
        assert Counter((m.role, m.is_reference) for m in mine.members) == Counter(
            (m["role"], bool(m.get("isReference"))) for m in ec["members"]), title
        text = next((m["text"] for m in ec["members"]
                     if m.get("text", "").strip() and not m.get("isReference")), "")
        assert _norm(mine.text) == _norm(text), title
        assert set(mine.tags) == set(ec.get("tags") or []), title
    assert set(doc.tags) == set(expected["tags"])


@pytest.mark.parametrize("path", WITH_JSON, ids=ids(WITH_JSON))
def test_arguments_match_argdown_json(path: Path) -> None:
    expected = json.loads(Path(str(path) + ".json").read_text(encoding="utf-8"))
    doc = parse_argdown(path.read_text(encoding="utf-8"))
    assert set(doc.arguments) == set(expected["arguments"])
    for title, arg in expected["arguments"].items():
        mine = doc.arguments[title]
        assert [(p.title, p.role) for p in mine.pcs] == [
            (p["title"], p["role"]) for p in arg["pcs"]], title
        rules = [(p.get("inference") or {}).get("inferenceRules") or []
                 for p in arg["pcs"] if p["role"] != "premise"]
        assert [p.inference.rules for p in mine.pcs if p.inference] == rules, title
        assert set(mine.tags) == set(arg.get("tags") or []), title
        desc = next((m["text"] for m in arg["members"] if m.get("text")), "")
        assert _norm(mine.description) == _norm(desc), title


@pytest.mark.parametrize("path", WITH_JSON, ids=ids(WITH_JSON))
def test_relations_match_argdown_json(path: Path) -> None:
    expected = json.loads(Path(str(path) + ".json").read_text(encoding="utf-8"))
    doc = parse_argdown(path.read_text(encoding="utf-8"))
    want = Counter((r["relationType"], r["from"], r["fromType"], r["to"], r["toType"])
                   for r in expected["relations"])
    assert Counter(doc.json_relations()) == want


# -- the map made from it, against the documented mapping ----------------------
def _expected_relations(exp: dict) -> Counter:
    """The map's relations predicted from Argdown's JSON alone (docs/interchange.md).

    A relation is (type, premise texts, target) with the target a text, or for
    an undercut the predicted relation it attacks.
    """
    statements, arguments = exp["statements"], exp["arguments"]

    def text_of(title: str, kind: str) -> str:
        if kind == "argument":
            arg = arguments[title]
            if arg["pcs"]:
                return text_of(arg["pcs"][-1]["title"], "equivalence-class")
            return _norm(next((m["text"] for m in arg["members"] if m.get("text")), title))
        ec = statements[title]
        return _norm(next((m["text"] for m in ec["members"]
                           if m.get("text", "").strip() and not m.get("isReference")), title))

    steps: dict[tuple[str, int], tuple] = {}
    out: list[tuple] = []
    for title, arg in arguments.items():
        pcs, prev, start = arg["pcs"], None, 0
        for i, p in enumerate(pcs):
            if p["role"] == "premise":
                continue
            idx = ([prev] if prev is not None else []) + list(range(start, i))
            uses = ((p.get("inference") or {}).get("data") or {}).get("uses")
            if uses:
                idx = [int(u) - 1 for u in uses]
            rel = ("support", frozenset(text_of(pcs[j]["title"], "equivalence-class")
                                        for j in idx),
                   text_of(p["title"], "equivalence-class"))
            steps[(title, i)] = rel
            out.append(rel)
            prev, start = i, i + 1
    plain_rels = []
    for r in exp["relations"]:
        t = {"entails": "support", "contrary": "attack", "contradictory": "contradictory"}.get(
            r["relationType"], r["relationType"])
        src = text_of(r["from"], r["fromType"])
        to_arg = arguments.get(r["to"]) if r["toType"] == "argument" else None
        if t == "contradictory":
            dst = text_of(r["to"], r["toType"])
            out += [("attack", frozenset([src]), dst), ("attack", frozenset([dst]), src)]
        elif to_arg is not None and to_arg["pcs"] and t == "attack":
            out.append(("undercut", frozenset([src]), steps[(r["to"], len(to_arg["pcs"]) - 1)]))
        elif t == "undercut":
            plain_rels.append((src, r))
        else:
            out.append((t, frozenset([src]), text_of(r["to"], r["toType"])))
    for src, r in plain_rels:  # an undercut of a sketched argument: of each of its relations
        aim = text_of(r["to"], r["toType"])
        for rel in list(out):
            if rel[0] in ("support", "attack") and aim in rel[1]:
                out.append(("undercut", frozenset([src]), rel))
    return Counter(out)


def _map_relations(amap: ArgumentMap) -> Counter:
    text = {cid: _norm(c.text) for cid, c in amap.claims.items()}
    by_key = {r.key: r for r in amap.relations}

    def rel(r: Relation) -> tuple:
        target = rel(by_key[r.target]) if r.type == "undercut" else text[r.target]
        return (r.type, frozenset(text[p] for p in r.premises), target)

    return Counter(rel(r) for r in amap.relations)


@pytest.mark.parametrize("path", WITH_JSON, ids=ids(WITH_JSON))
def test_map_follows_the_documented_mapping(path: Path) -> None:
    expected = json.loads(Path(str(path) + ".json").read_text(encoding="utf-8"))
    amap = import_argdown(path.read_text(encoding="utf-8")).map
    assert _map_relations(amap) == _expected_relations(expected)
    # claims: statements (but not the prose between them) and sketched arguments
    used = {r[k] for r in expected["relations"] for k in ("from", "to")}
    used |= {p["title"] for a in expected["arguments"].values() for p in a["pcs"]}
    prose = [t for t, ec in expected["statements"].items()
             if t.startswith("Untitled ") and t not in used and not ec.get("tags")
             and all(m["role"] == "top-level-statement" for m in ec["members"])]
    sketched = [t for t, a in expected["arguments"].items() if not a["pcs"]]
    assert len(amap.claims) == len(expected["statements"]) - len(prose) + len(sketched)
    with_prose = import_argdown(path.read_text(encoding="utf-8"), keep_prose=True).map
    assert len(with_prose.claims) == len(expected["statements"]) + len(sketched)


# -- details of the syntax -------------------------------------------------------
SAMPLE = """===
title: Sample
subTitle: A test
color:
    tagColors:
        pro: 0
        long tag: "#abc"
===

// a comment line does not end the statement
# Topic

[A]: The first claim, \\[escaped\\] and \\#not-a-tag, #pro
spread over /* inline comment */ two lines. #(long tag) {speaker: Ann, quote: "x, y"}
  + [B]: Support for A. <!-- comment -->
    - An untitled attack on B.
  - <Sketch>: A sketched argument against A.
    <_ <Undercutter>: It does not follow.
  >< [C]: A contradicts C.

<Recon>: A reconstructed argument.

(1) [P1]: First premise.
(2) Second premise.
-- Modus ponens {uses: [1, 2]} --
(3) Intermediate.
(4) Fourth.
----
(5) [A]
"""


def test_sample_document() -> None:
    doc = parse_argdown(SAMPLE)
    a = doc.statements["A"]
    assert a.text == "The first claim, [escaped] and #not-a-tag, pro spread over two lines."
    assert a.tags == ["pro", "long tag"] and a.data == {"speaker": "Ann", "quote": "x, y"}
    assert doc.arguments["Recon"].pcs[2].inference.rules == ["Modus ponens"]
    assert [p.role for p in doc.arguments["Recon"].pcs][-1] == MAIN
    result = import_argdown(SAMPLE, "s.argdown")
    amap = result.map
    assert amap.title == "Sample" and amap.description == "A test"
    assert amap.display.tag_colors == {"pro": "#1b9e77", "long tag": "#aabbcc"}
    claim = amap.claims["a"]
    assert (claim.speaker, claim.quote) == ("Ann", "x, y")
    assert claim.tags == ["pro", "long tag", "Topic"]  # the heading is a tag too
    sketch = amap.claims["sketch"]
    assert sketch.text == "A sketched argument against A." and "<Sketch>" in sketch.note
    rels = {(r.type, tuple(r.premises), r.target) for r in amap.relations}
    assert ("support", ("b",), "a") in rels
    assert ("attack", ("an-untitled-attack-on-b",), "b") in rels
    assert ("attack", ("sketch",), "a") in rels
    assert ("attack", ("a",), "c") in rels and ("attack", ("c",), "a") in rels
    sketch_rel = next(r for r in amap.relations if r.premises == ["sketch"])
    undercut = next(r for r in amap.relations if r.type == "undercut")
    assert undercut.premises == ["undercutter"] and undercut.target == sketch_rel.key
    recon = next(r for r in amap.relations if r.id == "recon")
    assert recon.premises == ["recon-3", "recon-4"] and recon.target == "a"
    step1 = next(r for r in amap.relations if r.target == "recon-3")
    assert step1.premises == ["p1", "recon-2"] and "Modus ponens" in step1.note
    assert_valid(amap)


def test_tolerates_broken_argdown_and_reports_lines() -> None:
    text = ("[A]: a\n\n  + [B]: after an empty line\n\n<X>\n\n(1) p\n--\nnever closed\n"
            "(2) q\n\n(1) only premises\n(2) and more\n\n[C]: c\n  <_ [D]: d\n")
    result = import_argdown(text, "bad.argdown")
    lines = {w.line for w in result.warnings}
    assert {3, 8, 12, 16} <= lines, [str(w) for w in result.warnings]
    assert all(w.line for w in result.warnings)
    assert_valid(result.map)


def test_equivalence_class_texts_and_ids() -> None:
    text = ("[Größere Frage]: Erste Fassung.\n\n[Größere Frage]: Zweite Fassung.\n\n"
            "[Größere Frage]\n  + [Power]: p\n  + [power]: q\n")
    amap = import_argdown(text).map
    assert list(amap.claims) == ["groessere-frage", "power", "power-2"]
    claim = amap.claims["groessere-frage"]
    assert claim.text == "Erste Fassung." and "Zweite Fassung." in claim.note


def test_prose_goes_to_the_description_unless_kept() -> None:
    text = "Some prose.\n\n[A]: a\n  - [B]: b\n\nMore prose.\n"
    amap = import_argdown(text).map
    assert set(amap.claims) == {"a", "b"} and "More prose." in amap.description
    assert len(import_argdown(text, keep_prose=True).map.claims) == 4


def test_attack_and_support_of_a_reconstructed_argument() -> None:
    text = ("<R>\n\n(1) [P]: p\n----\n(2) [C]: c\n\n[X]: x\n  -> <R>\n  +> <R>\n")
    result = import_argdown(text)
    rels = {(r.type, tuple(r.premises), r.target) for r in result.map.relations}
    assert ("undercut", ("x",), "r") in rels and ("support", ("x",), "c") in rels
    assert len(result.warnings) == 2


# -- round trips argmap -> Argdown -> argmap ----------------------------------
def test_round_trip_example() -> None:
    amap = load_file(str(ROOT / "tests" / "data" / "example.yaml")).map
    assert amap is not None
    text = export_argdown(amap)
    result = import_argdown(text)
    assert result.warnings == []
    assert_same_map(amap, result.map)


@pytest.mark.parametrize("path", MAPS, ids=ids(MAPS))
def test_round_trip_project_maps(path: Path) -> None:
    amap = load_file(str(path), resolve=False).map
    assert amap is not None
    result = import_argdown(export_argdown(amap))
    assert result.warnings == []
    assert_same_map(amap, result.map)


def test_round_trip_generated_1000() -> None:
    amap = generated(1000)
    assert_same_map(amap, import_argdown(export_argdown(amap)).map)


def tricky_map() -> ArgumentMap:
    """Texts full of Argdown syntax, odd tags, ids and notes."""
    m = ArgumentMap("Tricky = {title} // no comment", "desc with = and\nnew line", "de")
    m.display.tag_colors = {"a tag": "#123456", "x=y": "#abcdef"}
    m.display.direction = "RL"
    m.sources["s1"] = Source("s1", title="T = {x}", url="https://x.org/?a=b//c", date="2024")
    texts = ["Brackets [x] and <y> and #tag and {a: b} and @[m] @<n>",
             "Comments // not /* really */ <!-- no --> here https://a.b/c",
             "Emphasis *bold* _it_ __b__ **c** snake_case_name 2*3*4",
             "Shortcodes .^. :heart: .->. and 1.A.2 and a:~:b",
             "Back\\slash \\[ and quotes \" ' and = signs ==== and ----",
             "  leading and trailing  ", "multi\nline\n\ntext", "(1) starts like pcs",
             "- starts like attack", "+> and <+ and >< and _> inside", "ends with hash #",
             "#notatag at start", "Ümlaut ß € 😀 \u2028 sep", "[id]: fake definition",
             "<arg>: fake", 'text {"json": 1} more', "}{ braces reversed", "tab\there"]
    for i, t in enumerate(texts):
        m.claims[f"c{i}"] = Claim(
            f"c{i}", t, speaker='He said "x"' if i % 2 else "",
            quote="q } { = //" if i % 3 == 0 else "", source="s1" if i % 3 == 0 else "",
            note="note\nwith {braces} and } and //" if i % 4 == 0 else "",
            tags=["a tag", "x=y", "(paren)", "plain"][: i % 5])
    m.claims["c1"].tags = ["we(ird)", "back\\slash"]
    m.claims["c2"].kind, m.claims["c2"].pos, m.claims["c2"].en = "question", (1.5, -2.0), "E"
    m.claims["c3"].ref, m.claims["c3"].text = "other.yaml#x", ""
    m.relations = [
        Relation("support", ["c0"], "c1"),
        Relation("attack", ["c2", "c3"], "c4", "r1", "n } {"),
        Relation("undercut", ["c5"], "r1"),
        Relation("undercut", ["c6", "c7"], "c0-support-c1", "u2"),
        Relation("undercut", ["c8"], "u2", note="u of u"),
        Relation("support", ["c9"], "c10", "x.y_z"),
        Relation("attack", ["c11"], "c12", note="multi\nline note"),
        Relation("rephrase", ["c12"], "c9"),
        Relation("support", ["c13", "c14", "c15"], "c16"),
        Relation("rephrase", ["c12"], "c1", "same-as", "restated } {")]
    return m


def test_rephrases_metadata_is_a_rephrase_and_comes_back() -> None:
    text = ("[Original]: Taxes must rise.\n\n"
            "[Later]: We have to raise taxes. {rephrases: Original}\n\n"
            "<Sketch>: An argument.\n\n"
            '[Third]: Same as the sketch. {rephrases: ["<Sketch>", Nowhere]}\n')
    result = import_argdown(text, "r.argdown")
    amap = result.map
    assert [(r.type, r.premises, r.target) for r in amap.relations] == [
        ("rephrase", ["later"], "original"), ("rephrase", ["third"], "sketch")]
    assert [(w.line, w.message) for w in result.warnings] == [
        (7, "[Third]: rephrases 'Nowhere', but no statement is titled so; kept in the note")]
    assert amap.claims["third"].note.startswith("rephrases: Nowhere")
    out = export_argdown(amap)
    assert '[Later]: We have to raise taxes. {"rephrases": "Original"}' in out
    again = import_argdown(out)
    assert again.warnings == []
    assert_same_map(amap, again.map)


def test_round_trip_tricky_texts() -> None:
    amap = tricky_map()
    result = import_argdown(export_argdown(amap))
    assert result.warnings == []
    assert_same_map(amap, result.map)


_PIECES = list("ab Z9äß.:,;-+#*_[]<>(){}@/\\\"'=!?\n\t") + ["//", "/*", "<!--", ".^.", ":heart:"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    m = ArgumentMap(draw(_TEXT) or "t", draw(_TEXT), "de")
    n = draw(st.integers(2, 7))
    for i in range(n):
        m.claims[f"c{i}"] = Claim(
            f"c{i}", draw(_TEXT) or "x", en=draw(_TEXT), speaker=draw(_TEXT),
            quote=draw(_TEXT), note=draw(_TEXT),
            kind=draw(st.sampled_from(["claim", "thesis", "evidence", "question"])),
            tags=draw(st.lists(_TEXT.filter(bool), max_size=3, unique=True)))
    for k in range(draw(st.integers(0, 6))):
        prem = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3, unique=True))
        target = draw(st.integers(0, n - 1).filter(lambda t: t not in prem))
        rel = Relation(draw(st.sampled_from(["support", "attack"])), [f"c{p}" for p in prem],
                       f"c{target}", draw(st.sampled_from(["", f"r{k}"])), draw(_TEXT))
        if all(r.key != rel.key for r in m.relations):
            m.relations.append(rel)
    if m.relations and draw(st.booleans()):
        target = m.relations[0]
        if not target.id:
            target.id = "r-target"
        free = [c for c in m.claims if c not in target.premises]
        m.relations.append(Relation("undercut", [free[0]], target.id, "", draw(_TEXT)))
    for _ in range(draw(st.integers(0, 2))):     # rephrases, anywhere in the list
        a, b = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
        rel = Relation("rephrase", [f"c{a}"], f"c{b}", draw(st.sampled_from(["", "same"])),
                       draw(_TEXT))
        if all(r.key != rel.key for r in m.relations):
            m.relations.insert(draw(st.integers(0, len(m.relations))), rel)
    return m


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_round_trip_random_maps(amap: ArgumentMap) -> None:
    result = import_argdown(export_argdown(amap))
    assert_same_map(amap, result.map)


# -- command line --------------------------------------------------------------
@needs_corpus
def test_cli_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.cli.importing import add_parser

    ap = argparse.ArgumentParser(prog="argmap")
    add_parser(ap.add_subparsers())
    out = tmp_path / "out.yaml"
    src = CORPUS / "greenspan-schefczyk_hardwrap.argdown"
    args = ap.parse_args(["import", str(src), "-o", str(out)])
    assert args.func(args) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "claim(s)" in err
    loaded = load_file(str(out))
    assert loaded.map is not None and not loaded.errors
    args = ap.parse_args(["import", str(src), "-o", str(out)])
    assert args.func(args) == 2  # exists: needs --force
    args = ap.parse_args(["import", str(src), "-o", str(out), "--force", "-q"])
    assert args.func(args) == 0


# -- optional: the real Argdown parser reads what we write ----------------------
def _argdown_cli() -> str:
    """Path of an ``argdown`` executable; installs @argdown/cli once (cached)."""
    if os.environ.get("ARGDOWN_CLI"):
        return os.environ["ARGDOWN_CLI"]
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: cannot check the output with Argdown itself")
    home = Path(tempfile.gettempdir()) / "argmap-test-argdown-cli"
    exe = home / "node_modules" / ".bin" / "argdown"
    if not exe.exists():
        try:
            subprocess.run([npm, "install", "--prefix", str(home), "--no-audit", "--no-fund",
                            "--loglevel=error", "@argdown/cli@1"], check=True, timeout=240,
                           capture_output=True)
        except (subprocess.SubprocessError, OSError) as exc:
            pytest.skip(f"could not install @argdown/cli (no network?): {exc}")
    return str(exe)


def test_argdown_itself_reads_our_export(tmp_path: Path) -> None:
    exe = _argdown_cli()
    amaps = {"example": load_file(str(ROOT / "tests" / "data" / "example.yaml")).map,
             "tricky": tricky_map()}
    amaps.update({p.stem: load_file(str(p), resolve=False).map for p in MAPS[:3]})
    for name, amap in amaps.items():
        (tmp_path / f"{name}.argdown").write_text(export_argdown(amap), encoding="utf-8")
    run = subprocess.run([exe, "json", str(tmp_path / "*.argdown"), str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "error" not in (run.stdout + run.stderr).lower(), run.stdout + run.stderr
    for name, amap in amaps.items():
        theirs = json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))
        doc = parse_argdown((tmp_path / f"{name}.argdown").read_text(encoding="utf-8"))
        assert set(theirs["statements"]) == set(doc.statements)
        assert set(theirs["arguments"]) == set(doc.arguments)
        assert Counter(doc.json_relations()) == Counter(
            (r["relationType"], r["from"], r["fromType"], r["to"], r["toType"])
            for r in theirs["relations"])
        for cid, claim in amap.claims.items():  # Argdown reads the very same text
            members = theirs["statements"][cid]["members"]
            text = next((m["text"] for m in members if m.get("text")), "")
            text = re.sub(r"(\s#\([^)]*\)|\s#[^\s#]+)+\s*$", "", " " + text).strip()
            assert " ".join(text.split()) == " ".join(claim.text.split()), cid
