"""Interchange defects: unreadable texts from AIF, files of unknown formats,
Argdown indentation, empty maps and URLs in the Argdown export.

The Argdown checks compare with the real Argdown parser (``@argdown/cli``)
when npm can install it, and skip with the reason otherwise.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from argmap.interchange import (
    InterchangeError,
    export_argdown,
    import_aif,
    import_argdown,
    parse_argdown,
)
from argmap.interchange.argdown_export import escape
from argmap.interchange.detect import import_file_format, import_format
from argmap.interchange.safe_text import check_readable, clean_text
from argmap.model import ArgumentMap, Claim, Relation
from argmap.savefile import render

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
UNSAFE = re.compile("[\r\x00-\x08\x0b-\x1f\x7f-\x9f]")


def all_texts(amap: ArgumentMap) -> list[str]:
    out = [amap.title, amap.description]
    for c in amap.claims.values():
        out += [c.text, c.en, c.speaker, c.quote, c.note, *c.tags]
    return out + [r.note for r in amap.relations]


# -- 1. texts from AIF are normalised; what is written is read back first ------------
def _aif_with(i_text: str, l_text: str, free_l: str, own_export: bool = False) -> str:
    inode = {"nodeID": "1", "type": "I", "text": i_text}
    if own_export:
        inode["argmap"] = {"note": i_text}
    doc = {"nodes": [inode, {"nodeID": "2", "type": "L", "text": l_text},
                     {"nodeID": "3", "type": "YA", "text": "Asserting"},
                     {"nodeID": "4", "type": "L", "text": free_l}],
           "edges": [{"edgeID": "5", "fromID": "2", "toID": "3"},
                     {"edgeID": "6", "fromID": "3", "toID": "1"}]}
    return json.dumps(doc, indent=1)


@pytest.mark.parametrize("bad", ["\r", "\x0b", "\x01", "\r\n", "\x1b", "\x7f"])
def test_aif_texts_with_a_carriage_return_or_a_control_character_are_normalised(bad):
    result = import_aif(_aif_with(f"first{bad}second", f"Bob : said{bad}it",
                                  f"free{bad}locution"), "cr.json")
    assert not any(UNSAFE.search(t) for t in all_texts(result.map)), all_texts(result.map)
    claim = next(iter(result.map.claims.values()))
    assert claim.speaker == "Bob" and claim.quote.startswith("said")
    lines = [w.line for w in result.warnings if "control characters removed" in w.message]
    assert lines and all(line > 1 for line in lines)  # the lines of the nodes
    check_readable(render(result.map), result.map, "cr.yaml")


def test_our_own_aif_export_keeps_its_texts_exactly_and_they_read_back():
    text = "one\r\ntwo\rthree\x0c"
    result = import_aif(_aif_with(text, "x", "y", own_export=True), "own.json")
    claim = result.map.claims["1"]
    assert claim.text == text and claim.note == text  # a map held them: they stay
    check_readable(render(result.map), result.map, "own.yaml")


def test_argdown_metadata_escapes_cannot_smuggle_control_characters_in():
    text = '===\ntitle: "a\\x01b\\rc"\n===\n\n[A]: text {"speaker": "x\\u000by", "note": "1\\r2"}\n'
    result = import_argdown(text, "esc.argdown")
    assert result.map.title == "ab c"  # a title is one line
    claim = result.map.claims["a"]
    # the note as given, then the line that keeps the title [A] (the id is 'a')
    assert claim.speaker == "xy" and claim.note == "1\n2\nArgdown: [A]"
    assert any("control characters removed" in w.message for w in result.warnings)
    check_readable(render(result.map), result.map, "esc.yaml")


def test_clean_text():
    assert clean_text("a\r\nb\rc\n\rd") == "a\nb\nc\n\nd"
    assert clean_text("t\tab\x00\x0b\x0c\x1f\x7f!") == "t\tab!"
    assert clean_text("\x85\u2028\ufeff\xa0") == "\x85\u2028\ufeff\xa0"  # not C0
    assert clean_text("one\n two\tthree", one_line=True) == "one two three"


def test_check_readable_refuses_text_that_is_not_the_map():
    amap = ArgumentMap("T")
    amap.claims["a"] = Claim("a", "A")
    check_readable(render(amap), amap, "ok.yaml")
    with pytest.raises(InterchangeError, match="would not read back"):
        check_readable("argmap: 1\nclaims: [\n", amap, "bad.yaml")
    with pytest.raises(InterchangeError, match="cannot be written as UTF-8"):
        check_readable(render(amap).replace("A", "\ud800"), amap, "surrogate.yaml")
    other = ArgumentMap("T")
    other.claims["a"] = Claim("a", "B")
    with pytest.raises(InterchangeError, match="claims differ"):
        check_readable(render(other), amap, "other.yaml")


# -- 2. the format of a file to import comes from its name and its content ------------
ARGGRAPH = sorted((CORPORA / "arggraph").glob("*.xml"))


@pytest.mark.skipif(not ARGGRAPH, reason="no arggraph corpus in ../shared/corpora")
@pytest.mark.parametrize("path", ARGGRAPH, ids=[p.name for p in ARGGRAPH])
def test_an_arggraph_xml_file_is_recognised_as_such(path):
    assert import_file_format(str(path)) == "arggraph"


@pytest.mark.skipif(not ARGGRAPH, reason="no arggraph corpus in ../shared/corpora")
def test_importing_an_arggraph_file_reads_its_graph_not_one_claim(tmp_path, capsys):
    from argmap.cli import main
    from argmap.interchange import import_file

    result = import_file(str(ARGGRAPH[0]))
    assert len(result.map.claims) > 1 and result.map.relations
    out = tmp_path / "out.yaml"
    assert main(["import", str(ARGGRAPH[0]), "-o", str(out)]) == 0
    assert out.exists()


def test_the_corpus_files_are_recognised():
    for path in sorted((CORPORA / "argdown").glob("*.argdown")):
        assert import_file_format(str(path)) == "argdown", path
    for path in sorted((CORPORA / "aif").glob("*.json")):
        assert import_file_format(str(path)) == "aif", path


@pytest.mark.parametrize("name, text, expected", [
    ("a.json", '{"nodes": [], "edges": []}', "aif"),
    ("a.aif", '\ufeff {"AIF": {"nodes": []}}', "aif"),
    ("noext", '{"nodes": [{"nodeID": 1}]}', "aif"),
    ("a.json", '{"nodes": [', "aif"),  # not JSON: the importer says where
    ("a.argdown", "anything at all", "argdown"),
    ("a.ad", "", "argdown"),
    ("notes.md", "# Heading\n\nprose", "argdown"),
    ("a.txt", "[A]: a claim\n  + [B]: a reason\n", "argdown"),
    ("noext", "===\ntitle: x\n===\n\nsomething", "argdown"),
    ("a.txt", "<Arg>: an argument\n  +> [C]\n", "argdown"),
    ("a.argdown", "[A]: [1, 2]", "argdown"),
    ("a.argdown", "<?xml version='1.0'?>\n<arggraph id='x'></arggraph>", "arggraph"),
])
def test_formats_that_are_recognised(name, text, expected):
    assert import_format(name, text) == expected


@pytest.mark.parametrize("name, text, message", [
    ("a.xml", "<?xml version='1.0'?>\n<root/>", "looks like XML, not Argdown or AIF"),
    ("g.graphml", '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n</graphml>\n',
     "looks like GraphML"),
    ("p.html", "<!DOCTYPE html>\n<html><body>x</body></html>", "looks like HTML"),
    ("a.json", '{"statements": {}, "arguments": {}, "relations": []}',
     "looks like the JSON Argdown exports"),
    ("a.txt", '{"name": "not aif"}', 'a JSON object without "nodes"'),
    ("a", "[1, 2, 3]", "JSON (an array)"),
    ("m.yaml", "# a map\nargmap: 1\ntitle: x\n", "an argmap map file"),
    ("a.txt", "Just a letter.\nDear all, ...\n", "not recognised as Argdown or AIF"),
    ("e.txt", "  \n", "empty"),
])
def test_formats_that_are_refused_with_what_they_look_like(name, text, message):
    with pytest.raises(InterchangeError) as info:
        import_format(name, text)
    assert str(info.value).startswith(name + ":") and message in str(info.value)


def test_binary_and_unreadable_files_are_refused(tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InterchangeError, match="binary"):
        import_file_format(str(path))
    with pytest.raises(InterchangeError, match="cannot read"):
        import_file_format(str(tmp_path / "missing.argdown"))


# -- 3. Argdown indentation: a dedent to no earlier level -----------------------------
INDENTS = {  # source -> the relations Argdown itself reads (checked with @argdown/cli)
    "[A]: a\n  - [C]: c\n      <+ [D]: d\n    -> [G]: g\n":
        {("attack", "C", "A"), ("support", "D", "C"), ("attack", "A", "G")},
    "[A]: a\n  - [C]: c\n      <+ [D]: d\n   -> [G]: g\n":
        {("attack", "C", "A"), ("support", "D", "C"), ("attack", "A", "G")},
    "[A]: a\n  - [C]: c\n      <+ [D]: d\n    -> [G]: g\n    + [H]: h\n":
        {("attack", "C", "A"), ("support", "D", "C"), ("attack", "A", "G"),
         ("support", "H", "G")},
    "[A]: a\n  - [C]: c\n      <+ [D]: d\n          + [E]: e\n    -> [G]: g\n":
        {("attack", "C", "A"), ("support", "D", "C"), ("support", "E", "D"),
         ("attack", "A", "G")},
    "[A]: a\n  - [C]: c\n      <+ [D]: d\n          + [E]: e\n        -> [G]: g\n":
        {("attack", "C", "A"), ("support", "D", "C"), ("support", "E", "D"),
         ("attack", "C", "G")},
    "[A]: a\n  - [C]: c\n      <+ [D]: d\n    -> [G]: g\n  + [H]: h\n":
        {("attack", "C", "A"), ("support", "D", "C"), ("attack", "A", "G"),
         ("support", "H", "A")},
    "[A]: a\n  - [C]: c\n      <+ [D]: d\n    -> [G]: g\n   + [H]: h\n":
        {("attack", "C", "A"), ("support", "D", "C"), ("attack", "A", "G"),
         ("support", "H", "G")},
}


def _relations(text: str) -> set[tuple[str, str, str]]:
    return {(t, a, b) for t, a, _, b, _ in parse_argdown(text).json_relations()}


def test_a_relation_dedented_to_no_earlier_level_belongs_to_the_shallower_line():
    doc = parse_argdown("A\n  - C\n      <+ D\n    -> G\n")
    a, c, d, g = (f"Untitled {i}" for i in range(1, 5))
    assert set(doc.json_relations()) == {
        ("attack", c, "equivalence-class", a, "equivalence-class"),
        ("support", d, "equivalence-class", c, "equivalence-class"),
        ("attack", a, "equivalence-class", g, "equivalence-class")}
    result = import_argdown("[A]: a\n  - [C]: c\n      <+ [D]: d\n    -> [G]: g\n")
    assert ("attack", ["a"], "g") in [(r.type, r.premises, r.target)
                                      for r in result.map.relations]


@pytest.mark.parametrize("text", list(INDENTS), ids=[f"v{i}" for i in range(len(INDENTS))])
def test_indentation_variants_read_as_argdown_reads_them(text):
    assert _relations(text) == INDENTS[text]


# -- 4. an empty map exports to Argdown that Argdown accepts ---------------------------
def test_an_empty_map_exports_a_heading_after_the_front_matter():
    text = export_argdown(ArgumentMap("Nothing yet"))
    assert text.rstrip().endswith("===\n\n# Nothing yet")
    result = import_argdown(text, "empty.argdown")
    assert result.map.title == "Nothing yet" and not result.map.claims
    assert not result.map.relations
    assert export_argdown(ArgumentMap("")).rstrip().endswith("# Empty map")


# -- 5. URLs in claim texts --------------------------------------------------------
URLS = ["See https://www.foo_bar.com/some_path.html?q=a_b#x now",
        "www.foo_bar.com/x_y_z is it", "http://example.org:8080/a_b:c",
        "http://a.b//c.d e", "see www.a-b.org/x_y.", "ftp://x.y/_z_ and http://a.b/*c*",
        "U.S.A. and e.g. a.^.b", "a .^. b and .^.x."]


def test_runs_argdown_keeps_literally_are_not_escaped():
    assert escape("www.foo_bar.com/x") == "www.foo_bar.com/x"
    assert escape("https://www.foo_bar.com/p_q") == "https:\\//www.foo_bar.com/p\\_q"
    assert escape("a .^. b") == "a \\.^. b"


@pytest.mark.parametrize("text", URLS)
def test_urls_read_back_exactly(text):
    amap = ArgumentMap("U")
    amap.claims["u"] = Claim("u", text)
    assert import_argdown(export_argdown(amap)).map.claims["u"].text == text


def test_an_escape_inside_a_literal_run_is_kept_as_argdown_keeps_it():
    result = import_argdown("[a]: www.foo\\_bar.com and a\\_b\n")
    assert result.map.claims["a"].text == "www.foo\\_bar.com and a_b"


# -- the real Argdown parser -------------------------------------------------------
from test_argdown import _argdown_cli  # noqa: E402  (installs @argdown/cli once)


def _argdown_json(tmp_path: Path, sources: dict[str, str]) -> dict[str, dict]:
    """What Argdown's ``json`` export makes of each source (by name)."""
    exe = _argdown_cli()
    for name, text in sources.items():
        (tmp_path / f"{name}.argdown").write_text(text, encoding="utf-8")
    run = subprocess.run([exe, "json", str(tmp_path / "*.argdown"), str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "error" not in (run.stdout + run.stderr).lower(), run.stdout + run.stderr
    return {name: json.loads((tmp_path / "out" / f"{name}.json").read_text(encoding="utf-8"))
            for name in sources}


def test_argdown_itself_reads_the_indentation_variants_the_same(tmp_path):
    sources = {f"v{i}": text for i, text in enumerate(INDENTS)}
    theirs = _argdown_json(tmp_path, sources)
    for name, text in sources.items():
        assert Counter(parse_argdown(text).json_relations()) == Counter(
            (r["relationType"], r["from"], r["fromType"], r["to"], r["toType"])
            for r in theirs[name]["relations"]), text


def test_argdown_itself_accepts_the_export_of_an_empty_map(tmp_path):
    theirs = _argdown_json(tmp_path, {"empty": export_argdown(ArgumentMap("Nothing yet"))})
    assert theirs["empty"]["statements"] == {} and theirs["empty"]["relations"] == []


def test_argdown_itself_gives_back_the_urls_exactly(tmp_path):
    amap = ArgumentMap("URLs")
    for i, text in enumerate(URLS):
        amap.claims[f"u{i}"] = Claim(f"u{i}", text)
    amap.relations.append(Relation("support", ["u1"], "u0"))
    theirs = _argdown_json(tmp_path, {"urls": export_argdown(amap)})["urls"]
    for cid, claim in amap.claims.items():
        members = theirs["statements"][cid]["members"]
        text = next(m["text"] for m in members if m.get("text"))
        assert text.strip() == claim.text, cid


# -- 6. RA and CA nodes wired to locutions: the asserted proposition stands in -------
def _aifdb_locution_wiring() -> str:
    """As in AIFdb's us-2016 nodesets: the inference and the conflict are drawn from
    and to the L-nodes, not the I-nodes the locutions assert."""
    nodes = [{"nodeID": "1", "type": "I", "text": "Taxes should go down"},
             {"nodeID": "2", "type": "I", "text": "People keep more of what they earn"},
             {"nodeID": "3", "type": "I", "text": "Schools need the money"},
             {"nodeID": "11", "type": "L", "text": "CLINTON : taxes should go down"},
             {"nodeID": "12", "type": "L", "text": "TRUMP : people keep more"},
             {"nodeID": "13", "type": "L", "text": "SANDERS : schools need the money"},
             {"nodeID": "21", "type": "YA", "text": "Asserting"},
             {"nodeID": "22", "type": "YA", "text": "Asserting"},
             {"nodeID": "23", "type": "YA", "text": "Asserting"},
             {"nodeID": "31", "type": "RA", "text": "Default Inference"},
             {"nodeID": "32", "type": "CA", "text": "Default Conflict"}]
    pairs = [("11", "21"), ("21", "1"), ("12", "22"), ("22", "2"), ("13", "23"), ("23", "3"),
             ("12", "31"), ("31", "11"),          # L -> RA -> L
             ("3", "32"), ("32", "11")]           # I -> CA -> L
    edges = [{"edgeID": str(100 + k), "fromID": a, "toID": b} for k, (a, b) in enumerate(pairs)]
    return json.dumps({"nodes": nodes, "edges": edges})


def test_inferences_wired_to_locutions_are_kept_through_the_asserted_claims():
    result = import_aif(_aifdb_locution_wiring())
    amap = result.map
    by_text = {c.text: cid for cid, c in amap.claims.items()}
    got = {(r.type, tuple(amap.claims[p].text for p in r.premises), amap.claims[r.target].text)
           for r in amap.relations}
    assert got == {("support", ("People keep more of what they earn",), "Taxes should go down"),
                   ("attack", ("Schools need the money",), "Taxes should go down")}
    assert amap.claims[by_text["Taxes should go down"]].speaker == "CLINTON"
    assert not [w for w in result.warnings if "left out" in w or "no premise" in w]
