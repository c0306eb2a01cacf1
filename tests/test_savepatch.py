"""The patching save gives exactly the full save's text, touching only what changed."""

import difflib
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import savepatch
from argmap.mapio import load_text
from argmap.model import Claim, Relation, Source
from argmap.savefile import render, render_fast, save_map

from conftest import DATA, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

TEXTS = {p.name: p.read_text(encoding="utf-8")
         for p in sorted((ROOT / "maps").glob("*.yaml")) + [DATA / "example.yaml"]}
TEXTS["generated-40"] = generate(40, seed=3)
TEXTS["generated-120"] = generate(120, seed=4, components=3)

TEXT_VALUES = ["Neu.", "Mit: Doppelpunkt", "erste Zeile\nzweite Zeile", "yes", "'zitiert'",
               "# kein Kommentar", "- kein Listeneintrag", "Ä ö ü ß – „Zitat“", "[1]", ""]


def changed_lines(a: str, b: str) -> list[str]:
    return [l for l in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
            if l[:1] in "+-" and not l.startswith(("+++", "---"))]


def apply_edit(amap, op: int, a: int, b: int, value: str) -> None:
    """One model edit of the kinds the app makes; picks by index, never fails."""
    ids = list(amap.claims)
    cid = ids[a % len(ids)] if ids else None
    if op == 0 and cid:
        amap.set_claim_field(cid, "text", value or "x")
    elif op == 1 and cid:
        amap.set_claim_field(cid, "note", value)
    elif op == 2:
        amap.insert_claim(b % (len(ids) + 1), Claim(amap.new_claim_id("neu"), text=value or "x",
                                                   speaker="Ich", tags=["t"] if a % 2 else []))
    elif op == 3 and len(ids) > 1:
        for rel in amap.relations_touching(cid):
            amap.remove_relation(rel)
        amap.remove_claim(cid)
    elif op == 4 and len(ids) > 1:
        rel = Relation("support" if b % 2 else "attack", [cid], ids[b % len(ids)],
                       id=f"p{a}-{b}" if a % 3 == 0 else "", note=value if b % 3 == 0 else "")
        amap.insert_relation(b % (len(amap.relations) + 1), rel)
    elif op == 5 and amap.relations:
        amap.remove_relation(amap.relations[a % len(amap.relations)])
    elif op == 6 and amap.relations:
        rel = amap.relations[a % len(amap.relations)]
        if rel.type != "undercut":
            amap.set_relation_field(rel, "type", "attack" if rel.type == "support" else "support")
    elif op == 7:
        amap.set_header("title", value or "Titel")
    elif op == 8:
        amap.sources[f"quelle-{a % 4}"] = Source(f"quelle-{a % 4}", title=value or "Q",
                                                 date="2025-01-02")
    elif op == 9 and amap.sources:
        del amap.sources[list(amap.sources)[a % len(amap.sources)]]
    elif op == 10 and cid:
        amap.set_claim_field(cid, "tags", [[], ["a"], ["a", "b"]][b % 3])
    elif op == 11 and cid:
        amap.set_claim_field(cid, "pos", [None, (10, 20), (3.5, -4)][b % 3])
    elif op == 12:
        amap.set_header("description", value)
    elif op == 13:
        amap.set_header("direction", ["TB", "LR"][b % 2])


edits = st.lists(st.tuples(st.integers(0, 13), st.integers(0, 10_000), st.integers(0, 10_000),
                           st.sampled_from(TEXT_VALUES)), min_size=1, max_size=4)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(TEXTS)), saves=st.lists(edits, min_size=1, max_size=3))
def test_patched_save_equals_full_render(name, saves):
    """Several saves in a row (each on the text the last one gave, as the app
    does): the patching save's text is the full render's, byte for byte."""
    text = TEXTS[name]
    amap = load_text(text, resolve=False).map
    for batch in saves:
        for edit in batch:
            apply_edit(amap, *edit)
        full = render(amap, text)
        fast = render_fast(amap, text)
        assert fast == full
        text = fast


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_index_reassembles_the_file(name):
    text = TEXTS[name]
    assert savepatch.assemble(savepatch.build_index(text)) == text


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_unchanged_save_is_byte_identical_and_patched(name):
    text = TEXTS[name]
    amap = load_text(text, resolve=False).map
    assert savepatch.patch(amap, text) == text  # the patching path, not the fallback


def test_kept_index_is_the_index_of_the_new_text():
    text = TEXTS["example.yaml"]
    amap = load_text(text, resolve=False).map
    amap.set_claim_field("frage", "text", "Jetzt?")
    amap.add_claim(Claim("neu", text="x"))
    amap.add_relation(Relation("attack", ["neu"], "frage"))
    new = savepatch.patch(amap, text)
    assert savepatch._cached(new) == savepatch.build_index(new)


def test_one_claim_edit_in_a_big_map_is_a_one_line_diff(tmp_path):
    text = generate(800)
    amap = load_text(text, resolve=False).map
    amap.set_claim_field("c400", "text", "Eine neue Aussage: kurz.")
    new = savepatch.patch(amap, text)
    assert new is not None
    lines = text.splitlines()
    old_line = lines[lines.index("  c400:") + 1]
    assert changed_lines(text, new) == [  # the author's double quotes stay
        "-" + old_line, '+    text: "Eine neue Aussage: kurz."']
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    assert save_map(amap, str(path), text) == new == path.read_text(encoding="utf-8")


def test_comments_are_kept():
    text = TEXTS["2022-11-waffenstillstand-sieg-fuer-putin.yaml"]
    amap = load_text(text, resolve=False).map
    first = list(amap.claims)[0]
    amap.set_claim_field(first, "text", "Geändert.")
    amap.remove_relation(amap.relations[1])
    new = savepatch.patch(amap, text)
    comments = [l for l in text.splitlines() if l.lstrip().startswith("#")]
    assert comments and comments == [l for l in new.splitlines() if l.lstrip().startswith("#")]
    assert new == render(amap, text)


@pytest.mark.parametrize("text", [
    "{argmap: 1, title: T, claims: {a: {text: x}}, relations: []}\n",        # flow top level
    "argmap: 1\ntitle: &t T\nclaims:\n  a:\n    text: *t\nrelations: []\n",  # anchors
    "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: !!str x\nrelations: []\n",  # tags
    "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: x\n  a:\n    text: y\nrelations: []\n",
    "argmap: 1\ntitle: T\nclaims:\n\ta:\n\t\ttext: x\nrelations: []\n",      # tabs
    "---\nargmap: 1\ntitle: T\nclaims: {}\nrelations: []\n---\nargmap: 1\n",  # two documents
    "argmap: 1\r\ntitle: T\r\nclaims: {}\r\nrelations: []\r\n",             # CRLF
    "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: x\nrelations: []",        # no final newline
    "argmap: 1\ntitle: T\nsources:\n  q:\n    date: 2025-1-2\nclaims: {}\nrelations: []\n",
])
def test_unusual_files_go_to_the_full_render(text):
    with pytest.raises(savepatch.Unsupported):
        savepatch.build_index(text)


def test_full_render_is_used_when_patching_is_not_safe():
    # a comment at the end of an entry's last line: whose it is, is not certain
    text = "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: x  # note\nrelations: []\n"
    amap = load_text(text, resolve=False).map
    amap.set_claim_field("a", "text", "y")
    assert savepatch.patch(amap, text) is None
    assert render_fast(amap, text) == render(amap, text)


def test_sections_indented_otherwise_are_rewritten_whole():
    # claims indented by 4 while the file's sequences give ruamel an indent of 2
    text = ("argmap: 1\ntitle: T\nclaims:\n    a:\n        text: x\n    b:\n        text: y\n"
            "relations:\n  - {type: support, from: a, to: b}\n")
    amap = load_text(text, resolve=False).map
    amap.set_claim_field("a", "text", "z")
    assert savepatch.patch(amap, text) == render(amap, text)
