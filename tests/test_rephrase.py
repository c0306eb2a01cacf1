"""``type: rephrase``: one claim restating another (AIF's MA node).

Claims joined by rephrases are one argument (docs/semantics.md, "Rephrase"): the
properties of that reading as hypothesis tests over random maps, then the file
format's checks, the pictures, the layout and the other formats.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.export_svg import render_svg
from argmap.interchange import export_graphml
from argmap.layout import layout_map, quick_layout
from argmap.layout_layered import longest_path_ranks
from argmap.mapdiff import diff_maps
from argmap.mapio import load_text
from argmap.model import ArgumentMap, Claim, Relation
from argmap.semantics import MapFramework, evaluate
from argmap.semantics.gradual import _Graph, strengths
from argmap.semantics.taking_part import taking_part

from test_semantics import mk
from test_semantics_properties import maps

SEMANTICS = ("grounded", "preferred", "stable")
GRADUAL = ("dfquad", "quadratic")


def all_labels(amap: ArgumentMap, semantics: str, assume=None) -> list[dict[str, str]]:
    ev = evaluate(amap, semantics, assume, time_limit=None, max_extensions=10_000)
    assert not ev.truncated
    return [{c: cl.label for c, cl in lab.claims.items()} for lab in ev.labellings]


@st.composite
def rephrased_maps(draw, max_rephrases: int = 4):
    """A random map of attacks, supports and undercuts, with rephrases between its
    claims anywhere in the list of relations."""
    m = draw(maps())
    ids = list(m.claims)
    for k in range(draw(st.integers(0 if len(ids) < 2 else 1, max_rephrases))):
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        if a != b:
            m.relations.insert(draw(st.integers(0, len(m.relations))),
                               Relation("rephrase", [a], b, f"m{k}"))
    return m


def classes(amap: ArgumentMap) -> list[list[str]]:
    """The rephrase classes, computed here on their own: claims joined either way."""
    group = {c: {c} for c in amap.claims}
    for r in amap.relations:
        if r.type == "rephrase" and r.target in group and r.premises[0] in group:
            merged = group[r.target] | group[r.premises[0]]
            for c in merged:
                group[c] = merged
    return [sorted(g) for g in {id(g): g for g in group.values()}.values() if len(g) > 1]


# -- the properties -----------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(rephrased_maps(), st.sampled_from(SEMANTICS))
def test_members_of_a_class_always_share_a_label(amap, semantics):
    found = classes(amap)
    assert sorted(sorted(c) for c in taking_part(amap).classes.values()) == sorted(found)
    for labelling in all_labels(amap, semantics):
        for members in found:
            assert len({labelling[m] for m in members}) == 1, (members, labelling)


@settings(max_examples=100, deadline=None)
@given(rephrased_maps(), st.sampled_from(GRADUAL))
def test_members_of_a_class_share_one_strength(amap, semantics):
    result = strengths(amap, semantics)
    for members in classes(amap):
        got = {(result.claims[m].strength, result.claims[m].base, result.claims[m].converged)
               for m in members}
        assert len(got) == 1, (members, got)
        assert result.claims[members[0]].base == max(amap.claims[m].base for m in members)


@settings(max_examples=150, deadline=None)
@given(rephrased_maps(), st.sampled_from(SEMANTICS))
def test_an_assumption_on_a_member_holds_for_its_class(amap, semantics):
    found = classes(amap)
    if not found:
        return
    members = found[0]
    for value, label in (("accepted", "IN"), ("rejected", "OUT")):
        for labelling in all_labels(amap, semantics, {members[-1]: value}):
            assert {labelling[m] for m in members} == {label}


def _fresh_pair(amap: ArgumentMap) -> ArgumentMap:
    m = amap.copy()
    m.add_claim(Claim("new-a", text="new a"))
    m.add_claim(Claim("new-b", text="new b"))
    m.add_relation(Relation("rephrase", ["new-b"], "new-a"))
    return m


@settings(max_examples=150, deadline=None)
@given(rephrased_maps(), st.sampled_from(SEMANTICS))
def test_a_rephrase_between_two_unrelated_claims_changes_nothing_else(amap, semantics):
    before = all_labels(amap, semantics)
    after = all_labels(_fresh_pair(amap), semantics)
    old = list(amap.claims)
    assert sorted(tuple(sorted(lab.items())) for lab in before) == \
        sorted(tuple(sorted((c, lab[c]) for c in old)) for lab in after)
    assert all(lab["new-a"] == lab["new-b"] == "IN" for lab in after)


@settings(max_examples=80, deadline=None)
@given(rephrased_maps(), st.sampled_from(GRADUAL))
def test_a_rephrase_between_two_unrelated_claims_changes_no_strength(amap, semantics):
    before, after = strengths(amap, semantics), strengths(_fresh_pair(amap), semantics)
    for cid, cs in before.claims.items():
        assert after.claims[cid].strength == cs.strength
        assert after.claims[cid].contributions == cs.contributions
    assert after.claims["new-a"].strength == after.claims["new-b"].strength == 0.5


def _old_framework(amap: ArgumentMap, assume: dict[str, str]) -> set[tuple]:
    """The attacks of a map's framework as argmap built it before rephrases (written
    out again here, from docs/semantics.md's summary table): by argument names."""
    tp = taking_part(amap)
    rels, prem = tp.relations, tp.premises
    accepted = {c for c, v in assume.items() if v == "accepted"}
    undercuts: dict[str, list[Relation]] = {}
    for r in rels:
        if r.type == "undercut":
            undercuts.setdefault(r.target, []).append(r)
    node = {r.key for r in rels if len(prem[r.key]) > 1 or r.key in undercuts
            or (r.type == "attack" and r.target in accepted)}

    def source(r: Relation):
        return ("rel", r.key) if r.key in node else prem[r.key][0]

    edges: set[tuple] = set()
    for r in rels:
        if r.key in node:
            for p in prem[r.key]:
                edges |= {(p, ("not", p)), (("not", p), ("rel", r.key))}
            edges |= {(source(u), ("rel", r.key)) for u in undercuts.get(r.key, ())}
        if r.type == "attack":
            edges.add((source(r), r.target))
    for c, v in assume.items():
        if v == "rejected":
            edges.add((("reject", c), c))
        else:
            edges |= {(("accept", c), ("rel", r.key)) for r in rels
                      if r.type == "attack" and r.target == c}
    return edges


@settings(max_examples=200, deadline=None)
@given(maps(), st.dictionaries(st.integers(0, 6), st.sampled_from(["accepted", "rejected"]),
                               max_size=2))
def test_a_map_without_rephrase_evaluates_exactly_as_before(amap, picks):
    ids = list(amap.claims)
    assume = {ids[i % len(ids)]: v for i, v in picks.items()}
    meta = MapFramework(amap, assume)
    af = meta.af
    assert {(af.names[a], af.names[b]) for a, b in af._edges} == _old_framework(amap, assume)
    assert meta.classes == {} and all(meta.members(c) == [c] for c in ids)
    ev = evaluate(amap, "grounded", assume)
    assert not any("rephrase" in cl.why for cl in ev.labelling.claims.values())
    g = _Graph(amap)
    assert g.rep == list(range(len(ids))) and g.base == [c.base for c in amap.claims.values()]


# -- the reasons and the corner cases --------------------------------------------------

def test_an_attack_on_the_original_takes_down_its_restatement_and_says_why():
    amap = mk("a b x", ("attack", "x", "a"), ("rephrase", "b", "a"))
    ev = evaluate(amap)
    assert ev.labelling.label("b") == "OUT"
    assert ev.labelling.why("b") == ("OUT because attacked by 'x', which is IN; one argument "
                                     "with its rephrase 'a'")
    assert ev.labelling.why("a").endswith("one argument with its rephrase 'b'")


def test_an_attack_from_a_restatement_comes_from_the_whole_class():
    # c restates b; b attacks y; y attacks c: b and y attack each other through the class
    amap = mk("b c y", ("attack", "b", "y"), ("attack", "y", "c"), ("rephrase", "c", "b"))
    ev = evaluate(amap)
    assert {c: ev.labelling.label(c) for c in "bcy"} == {"b": "UNDEC", "c": "UNDEC",
                                                         "y": "UNDEC"}
    assert "attack cycle with 'y'" in ev.labelling.why("b")
    assert "attack cycle with 'y'" in ev.labelling.why("c")
    pref = all_labels(amap, "preferred")
    assert sorted(lab["b"] + lab["c"] + lab["y"] for lab in pref) == ["ININOUT", "OUTOUTIN"]


def test_chains_and_cycles_of_rephrases_are_one_class():
    amap = mk("a b c x", ("rephrase", "b", "a"), ("rephrase", "c", "b"),
              ("rephrase", "a", "c"), ("attack", "x", "c"))
    ev = evaluate(amap)
    assert [ev.labelling.label(c) for c in "abc"] == ["OUT"] * 3
    assert ev.labelling.why("a").endswith("one argument with its rephrases 'b', 'c'")
    assert ev.problems == []


def test_a_member_attacking_its_own_class_attacks_itself():
    amap = mk("a b", ("rephrase", "b", "a"), ("attack", "b", "a"))
    ev = evaluate(amap)
    assert ev.labelling.label("a") == ev.labelling.label("b") == "UNDEC"
    assert ev.labelling.why("a").startswith("UNDEC: it attacks itself")


def test_what_does_not_take_part_is_reported():
    amap = mk("a b c", ("rephrase", "a", "a"), ("rephrase", ["a", "b"], "c"),
              ("rephrase", "a", "nowhere"), ("rephrase", "b", "a", "r"),
              ("support", "b", "a", "s"), ("undercut", "c", "r"))
    problems = " | ".join(evaluate(amap).problems)
    assert "rephrase 'a-rephrase-a' targets 'a', its own premise; ignored" in problems
    assert "restates more than one claim" in problems
    assert "which is not a claim" in problems
    assert "support 's' supports a restatement of its own premise; ignored" in problems
    assert "undercut 'c-undercut-r' targets 'r', which is not a relation taking part" \
        in problems
    assert strengths(amap).claims["a"].reasons == {}


def test_assumptions_on_a_class_and_their_conflict():
    amap = mk("a b x", ("attack", "x", "a"), ("rephrase", "b", "a"))
    ev = evaluate(amap, assume={"b": "accepted"})
    assert ev.labelling.label("a") == "IN"
    assert ev.labelling.why("a").startswith("IN by assumption ('b' accepted; the attack by "
                                            "'x' is set aside)")
    ev = evaluate(amap, assume={"a": "rejected"})
    assert ev.labelling.why("b").startswith("OUT by assumption ('a' rejected)")
    ev = evaluate(amap, assume={"a": "rejected", "b": "accepted"})
    assert ev.labelling.label("a") == ev.labelling.label("b") == "OUT"
    assert any("assumptions conflict" in p for p in ev.problems)


def test_a_class_weighs_from_its_highest_base_score():
    amap = mk("a b x y", ("attack", "x", "a"), ("support", "y", "b"), ("rephrase", "b", "a"))
    amap.claims["b"].base = 0.8
    result = strengths(amap, "dfquad")
    a, b = result.claims["a"], result.claims["b"]
    assert a.base == b.base == 0.8 and a.strength == b.strength
    assert set(a.contributions) == {"x-attack-a", "y-support-b"}
    assert "b-rephrase-a" not in result.relations


# -- the file ---------------------------------------------------------------------------

HEADER = """argmap: 1
title: R
lang: en
claims:
  a: {text: A., source: s, quote: A}
  b: {text: B., source: s, quote: B}
  c: {text: C., source: s, quote: C}
sources:
  s: {title: S}
relations:
"""


def _check(relations: str) -> list[str]:
    loaded = load_text(HEADER + relations, "r.yaml", resolve=False)
    return [str(d) for d in loaded.diagnostics]


def test_a_rephrase_in_the_file_is_valid():
    assert _check("  - {type: rephrase, from: b, to: a}\n"
                  "  - {type: rephrase, from: a, to: b}\n"
                  "  - {type: attack, from: c, to: a}\n") == []


def test_misused_rephrases_are_reported_with_line_and_column():
    lines = _check("  - {type: rephrase, from: [b, c], to: a}\n"
                   "  - {id: r, type: rephrase, from: b, to: b}\n"
                   "  - {type: rephrase, from: c, to: r}\n"
                   "  - {type: undercut, from: c, to: r}\n"
                   "  - {type: rephrase, from: c, to: a, scheme: expert-opinion}\n")
    text = "\n".join(lines)
    assert "r.yaml:11:32: error: rephrase relation 'b+c-rephrase-a' has 2 claims in 'from'" \
        in text
    assert "r.yaml:12:42: warning: rephrase relation 'r' says claim 'b' restates itself" in text
    assert "r.yaml:13:35: error: rephrase relation 'c-rephrase-r' targets relation 'r'" in text
    assert "r.yaml:14:35: error: undercut relation 'c-undercut-r' targets the rephrase 'r'" \
        in text
    assert "r.yaml:15:38: warning" in text and "gives 'scheme'; a rephrase restates a claim" in text


# -- pictures, layout, other formats ---------------------------------------------------------

def _restating_map() -> ArgumentMap:
    amap = mk("thesis a b x", ("support", "a", "thesis"), ("attack", "x", "a"),
              ("rephrase", "b", "a", "same"))
    amap.lang = "en"
    return amap


def test_the_svg_draws_a_rephrase_and_names_it_in_the_legend():
    amap = _restating_map()
    svg = render_svg(amap, quick_layout(amap))
    root = ET.fromstring(svg.encode("utf-8"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    group = root.find(".//s:g[@id='rel-same']", ns)
    assert group is not None and group.get("class") == "relation rephrase"
    assert [p.get("class") for p in group.iterfind("s:path", ns)] == ["line", "inner"]
    assert group.find("s:title", ns).text == "b restates a"
    legend = " ".join(root.find(".//s:g[@id='legend']", ns).itertext())
    assert "restates" in legend and "linked argument" in legend
    assert float(root.get("width")) >= 660         # the longer legend line fits
    plain = render_svg(mk("a b", ("support", "a", "b")), quick_layout(mk("a b")))
    assert "restates" not in " ".join(ET.fromstring(plain.encode()).itertext())


def test_a_restatement_sits_beside_what_it_restates():
    amap = _restating_map()
    for lay in (layout_map(amap, cache=False), quick_layout(amap)):
        a, b = lay.claim("a"), lay.claim("b")
        assert abs(a.y - b.y) < 1 and abs(a.x - b.x) > 1
    ranks = longest_path_ranks(["a", "b", "t"], [("b", "a", "k", "rephrase", "direct"),
                                                 ("a", "t", "s", "support", "direct")])
    assert ranks == {"a": 1, "b": 1, "t": 0}


def test_graphml_and_the_diff_know_a_rephrase():
    amap = _restating_map()
    text = export_graphml(amap)
    assert '<data key="e_type">rephrase</data>' in text and 'type="dotted"' in text
    before = mk("thesis a b x", ("support", "a", "thesis"), ("attack", "x", "a"))
    diff = diff_maps(before, amap)
    assert [r.type for r in diff.relations_added] == ["rephrase"]


def test_a_map_counts_its_rephrases_and_an_unknown_type_names_all_known_ones():
    from argmap.model import unknown_relation_type

    amap = ArgumentMap("t")
    for cid in ("a", "b", "c"):
        amap.claims[cid] = Claim(cid, cid)
    amap.relations = [Relation("rephrase", ["b"], "a"), Relation("support", ["c"], "a")]
    counts = amap.counts()
    assert counts["rephrases"] == 1 and counts["supports"] == 1 and counts["relations"] == 2
    amap.relations.append(Relation("restates", ["c"], "b"))
    assert unknown_relation_type(amap) == (
        "relation c-restates-b has the unknown type 'restates' (support, attack, undercut or "
        "rephrase); fix the map first, nothing was exported")
