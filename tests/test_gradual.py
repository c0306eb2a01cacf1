"""Gradual strengths (docs/gradual.md): values computed by hand, the published
properties of DF-QuAD and the quadratic energy model over random maps, the base
score in the file format, its edits, the command line and the SVG export."""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.commands import SetClaimField
from argmap.fileformat import to_data
from argmap.mapio import load_file, load_text
from argmap.model import ArgumentMap, Claim, Relation
from argmap.savefile import format_text, save_map
from argmap.semantics.gradual import (
    GRADUAL_SEMANTICS, dfquad_combine, quadratic_influence, strengths,
)

from conftest import DATA
from test_save import changed_lines

EXAMPLE = DATA / "example.yaml"
BOTH = pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)


def mk(claims, relations) -> ArgumentMap:
    """claims: {id: base}; relations: (type, premises, target[, id])."""
    m = ArgumentMap("t")
    for cid, base in claims.items():
        m.add_claim(Claim(cid, text=cid, base=base))
    for r in relations:
        typ, prem, target = r[:3]
        m.add_relation(Relation(typ, [prem] if isinstance(prem, str) else list(prem), target,
                                r[3] if len(r) > 3 else ""))
    return m


def h(x: float) -> float:
    """The quadratic energy model's impact: max(x, 0)^2 / (1 + max(x, 0)^2)."""
    x = max(x, 0.0)
    return x * x / (1 + x * x)


# -- values by hand ------------------------------------------------------------

def test_example_by_hand_dfquad():
    # aufruestung: linked support, weakest premise min(0.5, 0.5) = 0.5, undercut by
    #   kriegsmuede (0.5): 0.5 * (1 - 0.5) = 0.25
    # sieg-putin: base 0.5, support 0.25 > attack 0: 0.5 + (1 - 0.5) * 0.25 = 0.625
    # frage: attacked by sieg-putin (0.625): 0.5 - 0.5 * 0.625 = 0.1875
    res = strengths(load_file(str(EXAMPLE)).map, "dfquad")
    assert res.relations["aufruestung"] == pytest.approx(0.25)
    assert res.strength("sieg-putin") == pytest.approx(0.625)
    assert res.strength("frage") == pytest.approx(0.1875)
    for leaf in ("aufruesten", "russland-benachteiligt", "kriegsmuede"):
        assert res.strength(leaf) == 0.5
    # without its reason sieg-putin would be 0.5: the reason adds 0.125;
    # without its objection frage would be 0.5: the objection takes 0.3125
    assert res.claims["sieg-putin"].reasons == pytest.approx({"aufruestung": 0.125})
    assert res.claims["frage"].objections == pytest.approx({"nein": -0.3125})
    assert res.converged and res.iterations == 0 and res.problems == []


def test_example_by_hand_quadratic():
    # aufruestung 0.25 as above; sieg-putin: energy 0.25, h = 0.0625 / 1.0625,
    #   0.5 + 0.5 * h = 0.52941...; frage: energy -0.52941..., 0.5 - 0.5 * h(0.52941...)
    res = strengths(load_file(str(EXAMPLE)).map, "quadratic")
    sieg = 0.5 + 0.5 * (0.0625 / 1.0625)
    assert res.strength("sieg-putin") == pytest.approx(sieg)
    assert res.strength("sieg-putin") == pytest.approx(0.5294118, abs=1e-7)
    assert res.strength("frage") == pytest.approx(0.5 - 0.5 * h(sieg))
    assert res.strength("frage") == pytest.approx(0.3905405, abs=1e-7)


def _published_example() -> ArgumentMap:
    # Example 4.1 of the notebook exampleQDT.ipynb (repository kcyras/QDT), computed
    # there with the quadratic energy model: a is supported by b and d and attacked by
    # c; e attacks b and supports c; f attacks c
    return mk({"a": 0.5, "b": 0.2, "c": 0.85, "d": 0.65, "e": 0.4, "f": 1.0},
              [("support", "b", "a"), ("attack", "c", "a"), ("support", "d", "a"),
               ("attack", "e", "b"), ("support", "e", "c"), ("attack", "f", "c")])


def test_published_example_quadratic():
    # published values: a 0.519, b 0.172, c 0.625 (d, e, f keep their base scores)
    # b: energy -0.4: 0.2 - 0.2 * h(0.4) = 0.2 - 0.2 * 0.16 / 1.16 = 0.17241
    # c: energy 0.4 - 1 = -0.6: 0.85 - 0.85 * 0.36 / 1.36 = 0.625
    res = strengths(_published_example(), "quadratic")
    assert res.strength("b") == pytest.approx(0.2 - 0.2 * 0.16 / 1.16)
    assert res.strength("c") == pytest.approx(0.625)
    got = {c: round(res.strength(c), 3) for c in "abcdef"}
    assert got == {"a": 0.519, "b": 0.172, "c": 0.625, "d": 0.65, "e": 0.4, "f": 1.0}


def test_published_example_dfquad():
    # b: attack 0.4: 0.2 - 0.2 * 0.4 = 0.12
    # c: attack 1 >= support 0.4: 0.85 - 0.85 * (1 - 0.4) = 0.34
    # a: attack 0.34, support 1 - (1 - 0.12)(1 - 0.65) = 0.692: 0.5 + 0.5 * (0.692 - 0.34)
    #    = 0.676; without b the support is 0.65: 0.5 + 0.5 * 0.31 = 0.655, so b adds 0.021;
    #    without d it is 0.12 < 0.34: 0.5 - 0.5 * 0.22 = 0.39, d adds 0.286;
    #    without c: 0.5 + 0.5 * 0.692 = 0.846, c takes away 0.17
    res = strengths(_published_example(), "dfquad")
    assert res.strength("b") == pytest.approx(0.12)
    assert res.strength("c") == pytest.approx(0.34)
    assert res.strength("a") == pytest.approx(0.676)
    a = res.claims["a"]
    assert a.reasons == pytest.approx({"b-support-a": 0.021, "d-support-a": 0.286})
    assert a.objections == pytest.approx({"c-attack-a": -0.17})
    assert list(a.contributions) == ["b-support-a", "d-support-a", "c-attack-a"]


def test_several_attackers_aggregate_by_probabilistic_sum():
    # two attackers of 0.5: 1 - (1 - 0.5)(1 - 0.5) = 0.75; t: 0.8 - 0.8 * 0.75 = 0.2;
    # without one of them: 0.8 - 0.8 * 0.5 = 0.4, so each takes away 0.2
    res = strengths(mk({"t": 0.8, "x": 0.5, "y": 0.5},
                       [("attack", "x", "t"), ("attack", "y", "t")]), "dfquad")
    assert res.strength("t") == pytest.approx(0.2)
    assert res.claims["t"].objections == pytest.approx(
        {"x-attack-t": -0.2, "y-attack-t": -0.2})


def test_linked_relation_acts_with_its_weakest_premise():
    # min(0.9, 0.3) = 0.3; t: 0.5 + 0.5 * 0.3 = 0.65
    res = strengths(mk({"t": 0.5, "p": 0.9, "q": 0.3}, [("support", ["p", "q"], "t", "r")]),
                    "dfquad")
    assert res.relations["r"] == pytest.approx(0.3)
    assert res.strength("t") == pytest.approx(0.65)


def test_undercut_of_an_undercut():
    # u2 weakens u1: 0.5 * (1 - 0.5) = 0.25; u1 weakens r: 0.5 * (1 - 0.25) = 0.375;
    # t: 0.5 + 0.5 * 0.375 = 0.6875
    m = mk({"t": 0.5, "p": 0.5, "a": 0.5, "b": 0.5},
           [("support", "p", "t", "r"), ("undercut", "a", "r", "u1"),
            ("undercut", "b", "u1", "u2")])
    res = strengths(m, "dfquad")
    assert res.relations == pytest.approx({"r": 0.375, "u1": 0.25, "u2": 0.5})
    assert res.strength("t") == pytest.approx(0.6875)


def test_base_score_without_relations_is_the_strength():
    res = strengths(mk({"a": 0.8, "b": 0.0, "c": 1.0}, []), "quadratic")
    assert [res.strength(c) for c in "abc"] == [0.8, 0.0, 1.0]


def test_mutual_attack_settles_at_the_fixpoint():
    # dfquad: x = 0.5 - 0.5 x, so x = 1/3 for both
    m = mk({"a": 0.5, "b": 0.5}, [("attack", "a", "b"), ("attack", "b", "a")])
    res = strengths(m, "dfquad")
    assert res.converged and res.iterations > 1
    assert res.strength("a") == pytest.approx(1 / 3, abs=1e-8)
    # quadratic: x = 0.5 - 0.5 h(x); x = 0.42385...
    res = strengths(m, "quadratic")
    x = res.strength("a")
    assert res.converged and x == pytest.approx(0.5 - 0.5 * h(x), abs=1e-9)
    assert x == pytest.approx(0.42385, abs=1e-5)


def test_a_cycle_that_does_not_settle_is_reported():
    # dfquad from (1, 1): each is attacked by 1, so (0, 0), then (1, 1) again, for ever;
    # c depends on the cycle; d does not
    m = mk({"a": 1.0, "b": 1.0, "c": 0.5, "d": 0.5},
           [("attack", "a", "b"), ("attack", "b", "a"), ("attack", "a", "c"),
            ("support", "d", "c")])
    res = strengths(m, "dfquad", max_iterations=50)
    assert not res.converged and res.iterations == 50
    assert res.unsettled() == ["a", "b", "c"]
    assert res.claims["d"].converged
    assert not res.to_json()["converged"]
    # the continuous model settles this cycle: x = 1 - h(x)
    q = strengths(m, "quadratic")
    assert q.converged and q.strength("a") == pytest.approx(1 - h(q.strength("a")), abs=1e-9)


def test_an_iteration_cap_stops_the_continuous_model_too():
    m = mk({"a": 0.5, "b": 0.5}, [("attack", "a", "b"), ("attack", "b", "a")])
    res = strengths(m, "quadratic", max_iterations=2)
    assert not res.converged and res.unsettled() == ["a", "b"]


def test_relations_that_cannot_take_part_are_left_out_and_named():
    m = mk({"a": 0.5, "b": 0.5},
           [("attack", "a", "b", "r"), ("attack", "ghost", "b", "g"),
            ("undercut", "a", "b", "u"), ("support", "a", "a", "s")])
    res = strengths(m, "dfquad")
    assert res.strength("b") == pytest.approx(0.25)
    assert res.problems == [
        "relation 'g' has unknown claim 'ghost'; ignored",
        "support 's' supports its own premise; ignored",
        "undercut 'u' targets 'b', which is not a relation taking part; ignored"]
    assert set(res.relations) == {"r"}


def test_unknown_semantics_is_refused():
    with pytest.raises(ValueError, match="dfquad, quadratic"):
        strengths(mk({"a": 0.5}, []), "grounded")


def test_strengths_do_not_change_the_map():
    amap = load_file(str(EXAMPLE)).map
    before = amap.snapshot()
    strengths(amap, "quadratic")
    assert amap.snapshot() == before


def test_five_thousand_claims_in_well_under_a_second():
    import random
    import time

    rnd = random.Random(5)
    m = ArgumentMap("big")
    for i in range(5000):
        m.claims[f"c{i}"] = Claim(f"c{i}", text="x", base=rnd.random())
    for i in range(1, 5000):   # a tree of reasons and objections, some linked, undercuts
        prem = [f"c{i}"] + ([f"c{rnd.randrange(i + 1, 5000)}"] if i % 7 == 0 and i < 4999
                            else [])
        m.relations.append(Relation(rnd.choice(("support", "attack")), prem,
                                    f"c{rnd.randrange(i)}", f"r{i}"))
    for i in range(1, 5000, 10):
        m.relations.append(Relation("undercut", [f"c{rnd.randrange(5000)}"], f"r{i}", f"u{i}"))
    for semantics in GRADUAL_SEMANTICS:
        start = time.perf_counter()
        res = strengths(m, semantics)
        assert time.perf_counter() - start < 1.0
        assert res.converged and len(res.claims) == 5000


# -- random maps -----------------------------------------------------------------

@st.composite
def maps(draw, acyclic=False, max_claims=8):
    """Random maps with supports, attacks, linked relations and undercuts; with
    ``acyclic`` every premise comes after what it acts on, so no claim depends on
    itself."""
    n = draw(st.integers(1, max_claims))
    ids = [f"c{i}" for i in range(n)]
    m = ArgumentMap("random")
    for c in ids:
        m.add_claim(Claim(c, text=c, base=draw(st.sampled_from(
            (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0)))))
    root: dict[str, int] = {}
    for k in range(draw(st.integers(0, 12))):
        typ = draw(st.sampled_from(("support", "attack", "attack", "undercut")))
        if typ == "undercut" and root:
            target = draw(st.sampled_from(sorted(root)))
            t = root[target]
        else:
            typ = "attack" if typ == "undercut" else typ
            t = draw(st.integers(0, n - 1))
            target = ids[t]
        low = t + 1 if acyclic else 0
        if low >= n:
            continue
        prem = draw(st.lists(st.integers(low, n - 1), min_size=1, max_size=2, unique=True))
        prem = [ids[p] for p in prem if not (typ == "support" and p == t)]
        if not prem:
            continue
        key = f"r{k}"
        m.add_relation(Relation(typ, prem, target, key))
        root[key] = t
    return m


def step(amap: ArgumentMap, semantics: str, s: dict[str, float]) -> dict[str, float]:
    """Every claim's combination at once, with the relations' strengths from ``s``
    (written out plainly, from the definitions, for every relation of the map)."""
    rv: dict[str, float] = {}

    def value(key: str) -> float:
        if key not in rv:
            r = next(r for r in amap.relations if r.key == key)
            v = min(s[p] for p in r.premises)
            for u in amap.relations:
                if u.type == "undercut" and u.target == key:
                    v *= 1 - value(u.key)
            rv[key] = v
        return rv[key]

    out = {}
    for c, cl in amap.claims.items():
        att = [value(r.key) for r in amap.relations if r.target == c and r.type == "attack"]
        sup = [value(r.key) for r in amap.relations if r.target == c and r.type == "support"]
        if semantics == "dfquad":
            pa = ps = 1.0
            for v in att:
                pa *= 1 - v
            for v in sup:
                ps *= 1 - v
            out[c] = dfquad_combine(cl.base, 1 - pa, 1 - ps)
        else:
            out[c] = quadratic_influence(cl.base, sum(sup) - sum(att))
    return out


def reference(amap: ArgumentMap, semantics: str, sweeps: int) -> dict[str, float]:
    """The plain global iteration of the whole map from the base scores (without
    cycles it reaches the one fixpoint after as many sweeps as the longest chain)."""
    s = {c: cl.base for c, cl in amap.claims.items()}
    for _ in range(sweeps):
        s = step(amap, semantics, s)
    return s


@settings(max_examples=150, deadline=None)
@given(maps(), st.sampled_from(GRADUAL_SEMANTICS))
def test_strengths_stay_in_the_unit_interval(amap, semantics):
    res = strengths(amap, semantics)
    for cs in res.claims.values():
        assert 0.0 <= cs.strength <= 1.0
    assert all(0.0 <= v <= 1.0 for v in res.relations.values())


@settings(max_examples=150, deadline=None)
@given(maps(), st.sampled_from(GRADUAL_SEMANTICS))
def test_no_reason_and_no_objection_means_the_base_score(amap, semantics):
    res = strengths(amap, semantics)
    for c, cs in res.claims.items():
        if not any(r.target == c for r in amap.relations):
            assert cs.strength == amap.claims[c].base
            assert cs.contributions == {}


@settings(max_examples=150, deadline=None)
@given(maps(acyclic=True), st.sampled_from(GRADUAL_SEMANTICS))
def test_without_cycles_one_pass_gives_the_fixpoint(amap, semantics):
    res = strengths(amap, semantics)
    assert res.converged and res.iterations == 0
    ref = reference(amap, semantics, sweeps=len(amap.claims) + 2)
    for c in amap.claims:
        assert res.strength(c) == pytest.approx(ref[c], abs=1e-12)


@settings(max_examples=150, deadline=None)
@given(maps(), st.sampled_from(GRADUAL_SEMANTICS))
def test_a_settled_result_is_a_fixpoint(amap, semantics):
    """With cycles too: one more step of the plain iteration changes nothing."""
    res = strengths(amap, semantics)
    if not res.converged:
        return
    s = {c: res.strength(c) for c in amap.claims}
    again = step(amap, semantics, s)
    for c in amap.claims:
        assert again[c] == pytest.approx(s[c], abs=1e-7)


def _fresh(amap: ArgumentMap, cid: str, base: float) -> ArgumentMap:
    amap.add_claim(Claim(cid, text=cid, base=base))
    return amap


@settings(max_examples=150, deadline=None)
@given(maps(acyclic=True), st.integers(0, 100), st.sampled_from((0.1, 0.5, 1.0)),
       st.sampled_from(("attack", "support")), st.sampled_from(GRADUAL_SEMANTICS))
def test_monotonicity(amap, t, base, typ, semantics):
    """Adding an attacker never raises a claim's strength, adding a supporter never
    lowers it (Rago et al. 2016; Potyka 2018; both for maps without cycles)."""
    target = list(amap.claims)[t % len(amap.claims)]
    before = strengths(amap, semantics).strength(target)
    _fresh(amap, "new", base).add_relation(Relation(typ, ["new"], target, "new-rel"))
    after = strengths(amap, semantics).strength(target)
    assert (after <= before + 1e-12) if typ == "attack" else (after >= before - 1e-12)


@settings(max_examples=150, deadline=None)
@given(maps(acyclic=True), st.integers(0, 100), st.integers(0, 100),
       st.sampled_from(GRADUAL_SEMANTICS))
def test_an_undercut_never_helps_what_it_undercuts(amap, pick, t, semantics):
    """Weakening a support never raises its target; weakening an attack never lowers it."""
    rels = [r for r in amap.relations if r.type in ("support", "attack")]
    if not rels:
        return
    rel = rels[pick % len(rels)]
    before = strengths(amap, semantics).strength(rel.target)
    _fresh(amap, "cut", 0.5 + (t % 6) / 10).add_relation(
        Relation("undercut", ["cut"], rel.key, "new-cut"))
    after = strengths(amap, semantics).strength(rel.target)
    assert (after <= before + 1e-12) if rel.type == "support" else (after >= before - 1e-12)


@settings(max_examples=150, deadline=None)
@given(maps(acyclic=True), st.lists(st.sampled_from((0.0, 0.2, 0.5, 0.7, 1.0)), min_size=1,
                                    max_size=3), st.sampled_from((0.0, 0.3, 0.5, 1.0)),
       st.sampled_from(GRADUAL_SEMANTICS))
def test_balance(amap, weights, base, semantics):
    """Attackers and supporters of the same strengths cancel out: the claim keeps its
    base score (Baroni, Rago, Toni 2018, balance)."""
    _fresh(amap, "t", base)
    for i, w in enumerate(weights):
        _fresh(amap, f"att{i}", w).add_relation(Relation("attack", [f"att{i}"], "t"))
        _fresh(amap, f"sup{i}", w).add_relation(Relation("support", [f"sup{i}"], "t"))
    assert strengths(amap, semantics).strength("t") == pytest.approx(base, abs=1e-12)


@settings(max_examples=150, deadline=None)
@given(maps(acyclic=True), st.sampled_from(GRADUAL_SEMANTICS))
def test_a_contribution_is_the_change_when_the_relation_is_left_out(amap, semantics):
    res = strengths(amap, semantics)
    for c, cs in res.claims.items():
        for key, value in cs.contributions.items():
            m = ArgumentMap("without")
            for cl in amap.claims.values():
                m.add_claim(Claim(cl.id, text=cl.id, base=cl.base))
            for r in amap.relations:
                if r.key != key:
                    m.add_relation(r.clone())
            assert value == pytest.approx(cs.strength - strengths(m, semantics).strength(c),
                                          abs=1e-12)
            assert value >= -1e-12 if key in cs.reasons else value <= 1e-12


# -- the base score in the file, in edits ---------------------------------------------

def test_base_score_is_read_written_and_round_trips(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "    pos: [660, 150]\n", "    pos: [660, 150]\n    base: 0.8\n").replace(
        "    tags: [militär]\n  russland", "    tags: [militär]\n    base: 0\n  russland", 1)
    loaded = load_text(text, "m.yaml")
    assert loaded.ok, loaded.diagnostics
    amap = loaded.map
    assert amap.claims["kriegsmuede"].base == 0.8
    assert amap.claims["aufruesten"].base == 0.0
    assert amap.claims["frage"].base == 0.5            # not given: the default
    data = to_data(amap)["claims"]
    assert data["kriegsmuede"]["base"] == 0.8 and data["aufruesten"]["base"] == 0
    assert "base" not in data["frage"]                 # the default is not written
    assert list(data["kriegsmuede"])[-2:] == ["pos", "base"]
    path = tmp_path / "m.yaml"
    save_map(amap, str(path))
    again = load_file(str(path)).map
    assert again.snapshot() == amap.snapshot()
    assert format_text(text) == format_text(format_text(text))


def test_a_base_score_edit_saves_as_one_line(tmp_path):
    target = tmp_path / "m.yaml"
    shutil.copy(EXAMPLE, target)
    loaded = load_file(str(target))
    loaded.map.set_claim_field("kriegsmuede", "base", 0.8)
    text = save_map(loaded.map, str(target), loaded.text)
    assert changed_lines(loaded.text, text) == ["+    base: 0.8"]
    assert "# Kofman's argument" in text
    again = load_file(str(target))
    again.map.set_claim_field("kriegsmuede", "base", 0.35)
    text2 = save_map(again.map, str(target), again.text)
    assert changed_lines(text, text2) == ["-    base: 0.8", "+    base: 0.35"]
    again = load_file(str(target))
    again.map.set_claim_field("aufruesten", "base", 1.0)
    text3 = save_map(again.map, str(target), again.text)
    assert changed_lines(text2, text3) == ["+    base: 1"]
    again = load_file(str(target))
    again.map.set_claim_field("aufruesten", "base", 0.5)     # back to the default
    assert changed_lines(text3, save_map(again.map, str(target), again.text)) == [
        "-    base: 1"]


def test_a_base_score_written_as_the_default_stays(tmp_path):
    target = tmp_path / "m.yaml"
    target.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "    pos: [660, 150]\n", "    pos: [660, 150]\n    base: 0.5\n"), encoding="utf-8")
    loaded = load_file(str(target))
    loaded.map.set_claim_field("frage", "text", "Jetzt Waffenstillstand?")
    text = save_map(loaded.map, str(target), loaded.text)
    assert changed_lines(loaded.text, text) == [
        "-    text: Sollte es jetzt einen Waffenstillstand geben?",
        "+    text: Jetzt Waffenstillstand?"]


@pytest.mark.parametrize("value, message, col", [
    ("1.5", "claim 'kriegsmuede': base: 1.5 is greater than the maximum of 1", 11),
    ("-0.1", "claim 'kriegsmuede': base: -0.1 is less than the minimum of 0", 11),
    (".inf", "claim 'kriegsmuede': base: inf is greater than the maximum of 1", 11),
    ("hoch", "claim 'kriegsmuede': base: expected number, got str", 11),
    ("'0.7'", "claim 'kriegsmuede': base: expected number, got str", 11),
    ("true", "claim 'kriegsmuede': base: expected number, got bool", 11),
])
def test_a_bad_base_score_is_an_error_at_its_line_and_column(value, message, col):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "    pos: [660, 150]\n", f"    pos: [660, 150]\n    base: {value}\n")
    loaded = load_text(text, "m.yaml")
    errors = [(d.line, d.column, d.message) for d in loaded.errors]
    assert errors == [(56, col, message)]
    assert loaded.map.claims["kriegsmuede"].base == 0.5    # read on with the default


def test_a_claim_that_refers_to_another_map_has_its_own_base_score(tmp_path):
    shutil.copy(EXAMPLE, tmp_path / "other.yaml")
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\ntitle: T\nclaims:\n  a: {text: A, source: s, quote: q}\n"
        "  b:\n    ref: other.yaml#kriegsmuede\n    base: 0.9\n"
        "sources:\n  s: {title: S}\nrelations:\n  - {type: attack, from: b, to: a}\n",
        encoding="utf-8")
    loaded = load_file(str(tmp_path / "m.yaml"))
    assert not loaded.errors, loaded.errors
    assert loaded.map.claims["b"].base == 0.9
    # a: 0.5 - 0.5 * 0.9
    assert strengths(loaded.map, "dfquad").strength("a") == pytest.approx(0.05)


def test_base_score_edit_is_undoable_and_a_slider_drag_is_one_step():
    amap = load_file(str(EXAMPLE)).map
    first = SetClaimField(amap, "frage", "base", 0.6)
    first.redo()
    for v in (0.7, 0.8):
        more = SetClaimField(amap, "frage", "base", v)
        more.redo()
        assert first.merge_with(more)
    assert amap.claims["frage"].base == 0.8 and first.text == "Change base score"
    assert strengths(amap, "dfquad").strength("frage") == pytest.approx(0.8 - 0.8 * 0.625)
    first.undo()
    assert amap.claims["frage"].base == 0.5
    first.redo()
    assert amap.claims["frage"].base == 0.8


@pytest.mark.parametrize("bad", [1.5, -0.01, float("nan"), "x"])
def test_a_base_score_outside_0_to_1_is_refused_and_nothing_changes(bad):
    amap = load_file(str(EXAMPLE)).map
    changes = []
    amap.claim_changed.connect(lambda c, name: changes.append(name))
    with pytest.raises(ValueError):
        SetClaimField(amap, "frage", "base", bad).redo()
    assert amap.claims["frage"].base == 0.5 and changes == []


def test_a_copy_keeps_the_base_scores():
    amap = mk({"a": 0.9}, [])
    assert amap.copy().claims["a"].base == 0.9
    assert amap.claims["a"].clone().base == 0.9


# -- the command line and the picture -------------------------------------------------

def test_evaluate_prints_strengths_in_the_maps_order(capsys):
    assert main(["evaluate", str(EXAMPLE), "--semantics", "dfquad"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{EXAMPLE}: Waffenstillstand jetzt? (strength, DF-QuAD semantics)"
    assert [line.split()[0] for line in out[1:]] == [
        "frage", "sieg-putin", "aufruesten", "russland-benachteiligt", "kriegsmuede"]
    assert out[1].split() == ["frage", "0.188", "base", "0.50;", "objections:", "'nein'",
                              "-0.312"]
    assert "0.625   base 0.50; reasons: 'aufruestung' +0.125" in out[2]
    assert out[3].endswith("0.500   base 0.50; no reasons or objections")


def test_evaluate_json_gives_the_numbers(capsys):
    assert main(["evaluate", str(EXAMPLE), "-s", "quadratic", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["semantics"] == "quadratic" and data["converged"] is True
    assert list(data["claims"]) == list(load_file(str(EXAMPLE)).map.claims)
    assert data["claims"]["sieg-putin"]["strength"] == pytest.approx(0.5 + 0.5 / 17)
    assert data["claims"]["frage"]["objections"]["nein"] < 0
    assert data["relations"]["aufruestung"] == pytest.approx(0.25)


def test_evaluate_names_a_cycle_that_does_not_settle(tmp_path, capsys):
    p = tmp_path / "c.yaml"
    p.write_text("argmap: 1\ntitle: C\nclaims:\n  a: {text: A, base: 1}\n"
                 "  b: {text: B, base: 1}\nrelations:\n  - {type: attack, from: a, to: b}\n"
                 "  - {type: attack, from: b, to: a}\n", encoding="utf-8")
    assert main(["evaluate", str(p), "-s", "dfquad"]) == 1
    cap = capsys.readouterr()
    assert "  a  1.000?  did not settle (in or after a cycle); base 1.00" in cap.out
    assert "2 claim(s) did not settle within 1000 iterations" in cap.err
    assert main(["evaluate", str(p), "-s", "quadratic"]) == 0


def test_gradual_semantics_need_a_map_and_no_assumptions(capsys):
    apx = DATA / "iccma" / "floating.apx"
    assert main(["evaluate", str(apx), "-s", "dfquad"]) == 2
    assert "dfquad gives strengths for maps (.yaml) only" in capsys.readouterr().err
    assert main(["evaluate", str(EXAMPLE), "-s", "dfquad", "--assume", "frage=accepted"]) == 2
    assert "--assume works with grounded, preferred and stable" in capsys.readouterr().err


def test_svg_fills_the_claims_by_strength(tmp_path):
    import xml.etree.ElementTree as ET

    from argmap.style import strength_fill

    out = tmp_path / "s.svg"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--strengths", "dfquad"]) == 0
    root = ET.fromstring(out.read_bytes())
    ns = {"s": "http://www.w3.org/2000/svg"}
    groups = {g.get("id"): g for g in root.iter("{http://www.w3.org/2000/svg}g")}
    frage = groups["claim-frage"]
    assert "strength" in frage.get("class").split()
    assert float(frage.get("data-strength")) == pytest.approx(0.1875)
    box = frage.find("s:rect[@class='box']", ns)
    assert box.get("style") == f"fill: {strength_fill(0.1875)}"
    assert strength_fill(0.0) == "#ef8a62" and strength_fill(1.0) == "#67a9cf"
    assert strength_fill(0.5) == "#f7f7f7"
    badges = sorted(t.text for t in root.iterfind(".//s:text[@class='badge-text']", ns))
    assert badges == ["0.19", "0.50", "0.50", "0.50", "0.62"]
    legend = "".join(groups["legend"].itertext())
    assert "Stärke, Semantik DF-QuAD:" in legend and "0 schwach" in legend
    assert "1 stark" in legend
    tip = frage.find("s:title", ns).text
    assert "Stärke 0.19, Basis 0.50" in tip


def test_svg_strengths_in_english_and_unsettled_claims(tmp_path):
    from argmap.export import export_bytes

    amap = load_file(str(EXAMPLE)).map
    svg = export_bytes(amap, "svg", lang="en", strengths={"frage": None, "sieg-putin": 0.7},
                       weighed="strength, quadratic energy semantics").decode("utf-8")
    assert 'data-strength=""' in svg and "? did not settle" in svg and "1 strong" in svg
    assert "strength, quadratic energy semantics:" in svg
    # the picture is wide enough for the whole legend line (it was cut off at 600)
    import re
    svg = export_bytes(mk({"a": 0.5}, []), "svg", lang="en", strengths={"a": None},
                       weighed="strength, quadratic energy semantics").decode("utf-8")
    width = float(re.search(r'<svg [^>]*width="([0-9.]+)"', svg).group(1))
    last = max(float(x) for x in re.findall(
        r'<g class="strength-scale"><rect x="([0-9.]+)"', svg))
    assert width >= 16 + last + 28 + len("? did not settle") * 6.5


def test_export_colours_by_labels_or_by_strengths_not_both(tmp_path, capsys):
    out = tmp_path / "x.svg"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--evaluate",
                 "--strengths", "dfquad"]) == 2
    assert "not both" in capsys.readouterr().err
    assert not out.exists()


def test_a_step_too_long_for_a_cycle_is_shortened(monkeypatch):
    """Twenty attacks each way between a and b (base 0.9): with a Runge-Kutta step of
    1 the method stands still off the equilibrium; the step is halved until it settles
    at the fixpoint x = 0.9 - 0.9 h(20 x)."""
    import argmap.semantics.gradual as gradual

    m = mk({"a": 0.9, "b": 0.9}, [("attack", x, y, f"{x}{y}{i}")
                                  for i in range(20) for x, y in (("a", "b"), ("b", "a"))])
    monkeypatch.setattr(gradual, "RK4_STEP", 1.0)
    res = strengths(m, "quadratic", max_iterations=5000)
    x = res.strength("a")
    assert res.converged and x == pytest.approx(0.9 - 0.9 * h(20 * x), abs=1e-9)
    assert x == pytest.approx(0.124683, abs=1e-6)


@settings(max_examples=150, deadline=None)
@given(maps(), st.sampled_from(GRADUAL_SEMANTICS))
def test_relation_strengths_and_contributions_follow_the_final_strengths(amap, semantics):
    """In cycles too: a relation acts with its weakest premise, weakened by its
    undercuts, and a contribution compares with the combination without it."""
    res = strengths(amap, semantics)
    s = {c: res.strength(c) for c in amap.claims}
    rels = {r.key: r for r in amap.relations}
    for key, v in res.relations.items():
        expected = min(s[p] for p in rels[key].premises)
        for u in amap.relations:
            if u.type == "undercut" and u.target == key:
                expected *= 1 - res.relations[u.key]
        assert v == pytest.approx(expected, abs=1e-12)
    for c, cs in res.claims.items():
        for key, value in cs.contributions.items():
            others = [r for r in amap.relations if r.target == c and r.key != key]
            att = [res.relations[r.key] for r in others if r.type == "attack"]
            sup = [res.relations[r.key] for r in others if r.type == "support"]
            if semantics == "dfquad":
                pa = ps = 1.0
                for x in att:
                    pa *= 1 - x
                for x in sup:
                    ps *= 1 - x
                without = dfquad_combine(cs.base, 1 - pa, 1 - ps)
            else:
                without = quadratic_influence(cs.base, sum(sup) - sum(att))
            assert value == pytest.approx(cs.strength - without, abs=1e-12)
