"""Argumentation semantics: abstract frameworks, maps as frameworks, the CLI.

The classic frameworks with known answers, then map features (linked
arguments, undercuts, evidential supports, assumptions), then a property test
against brute-force enumeration over all subsets.  The properties the map
translation guarantees are tested in test_semantics_properties.py.
"""

from __future__ import annotations

import argparse
import json
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli.common import parse_assumptions
from argmap.cli.evaluate import add_parser
from argmap.mapio import load_file
from argmap.model import ArgumentMap, Claim, Relation
from argmap.semantics import Framework, MapFramework, evaluate, labelling_from_extension

from conftest import DATA, ROOT

EXAMPLE = DATA / "example.yaml"


def af(attacks: str, args: str = "") -> Framework:
    """``af("a>b b>a", "c")``: arguments from the attacks plus ``args``."""
    pairs = [tuple(p.split(">")) for p in attacks.split()]
    names = list(dict.fromkeys([*args.split(), *(x for p in pairs for x in p)]))
    return Framework(names, pairs)


def exts(enum) -> set[frozenset]:
    return {frozenset(e) for e in enum.extensions}


def S(*groups: str) -> set[frozenset]:
    return {frozenset(g) for g in groups}


# ---------------------------------------------------------------------------
# classic frameworks
# ---------------------------------------------------------------------------

class TestClassic:
    def test_unattacked(self):
        f = Framework(["a", "b"])
        assert f.grounded().extension == ["a", "b"]
        assert exts(f.preferred()) == exts(f.stable()) == S("ab")

    def test_empty_framework(self):
        f = Framework()
        assert f.grounded().extension == []
        assert exts(f.preferred()) == exts(f.stable()) == {frozenset()}

    def test_reinstatement(self):
        f = af("a>b b>c")
        g = f.grounded()
        assert g.as_dict() == {"a": "IN", "b": "OUT", "c": "IN"}
        assert exts(f.preferred()) == exts(f.stable()) == exts(f.complete()) == S("ac")

    def test_even_cycle(self):
        f = af("a>b b>a")
        assert f.grounded().as_dict() == {"a": "UNDEC", "b": "UNDEC"}
        assert exts(f.preferred()) == exts(f.stable()) == S("a", "b")
        assert exts(f.complete()) == S("", "a", "b")

    def test_odd_cycle(self):
        f = af("a>b b>c c>a")
        assert f.grounded().undec == ["a", "b", "c"]
        assert exts(f.preferred()) == {frozenset()}
        assert len(f.stable()) == 0 and not f.stable().truncated

    def test_odd_cycle_of_five_with_tail(self):
        f = af("a>b b>c c>d d>e e>a e>x")
        assert exts(f.preferred()) == {frozenset()}
        assert f.grounded().undec == ["a", "b", "c", "d", "e", "x"]

    def test_self_attack(self):
        f = af("a>a a>b", "c")
        assert f.grounded().as_dict() == {"c": "IN", "a": "UNDEC", "b": "UNDEC"}
        assert exts(f.preferred()) == S("c")
        assert len(f.stable()) == 0

    def test_self_attacker_defeated(self):
        f = af("a>a b>a a>c")
        assert f.grounded().as_dict() == {"a": "OUT", "b": "IN", "c": "IN"}

    def test_floating_acceptance(self):
        # a<->b, both attack c, c attacks d: d is IN in every preferred
        # extension but not in the grounded one
        f = af("a>b b>a a>c b>c c>d")
        assert f.grounded().extension == []
        assert exts(f.preferred()) == S("ad", "bd")
        assert exts(f.stable()) == S("ad", "bd")

    def test_floating_assignment(self):
        # c is OUT in every preferred labelling, UNDEC in the grounded one
        f = af("a>b b>a a>c b>c")
        assert f.grounded()["c"] == "UNDEC"
        assert {lab["c"] for lab in f.preferred()} == {"OUT"}

    def test_stable_differs_from_preferred(self):
        f = af("a>b b>a b>c c>c")
        assert exts(f.preferred()) == S("a", "b")
        assert exts(f.stable()) == S("b")

    def test_odd_and_even_cycle_combined(self):
        # the even cycle a<->b; b breaks the odd cycle c>d>e>c
        f = af("a>b b>a b>c c>d d>e e>c")
        assert exts(f.preferred()) == S("a", "bd")
        assert exts(f.stable()) == S("bd")

    def test_every_labelling_is_complete(self):
        f = af("a>b b>a a>c b>c c>d d>e e>c e>f")
        for sem in ("complete", "preferred", "stable"):
            for lab in f.labellings(sem):
                assert f.is_complete(lab)
        assert f.is_complete(f.grounded())
        assert not f.is_complete(labelling_from_extension(f, ["c"]))

    def test_duplicate_attacks_and_unknown_arguments(self):
        f = Framework(["a"], [("a", "b"), ("a", "b")])
        assert f.arguments == ["a", "b"]
        assert f.attacks == [("a", "b")]
        assert f.attackers_of("b") == ["a"] and f.targets_of("a") == ["b"]
        with pytest.raises(KeyError):
            f.index("zz")

    def test_from_indices(self):
        f = Framework.from_indices(3, [(0, 1), (1, 2), (0, 1)])
        assert f.grounded().extension == [0, 2]
        with pytest.raises(ValueError):
            Framework.from_indices(2, [(0, 5)])

    def test_unknown_semantics(self):
        with pytest.raises(ValueError):
            Framework().labellings("ideal")


class TestLimits:
    def test_limit_truncates(self):
        # 12 independent even cycles: 4096 preferred extensions
        pairs = [(f"a{i}", f"b{i}") for i in range(12)]
        f = Framework(attacks=pairs + [(b, a) for a, b in pairs])
        enum = f.preferred(max_extensions=100)
        assert len(enum) == 100 and enum.truncated and "100" in enum.reason
        assert len({frozenset(e) for e in enum.extensions}) == 100
        st_ = f.stable(max_extensions=5)
        assert len(st_) == 5 and st_.truncated

    def test_exactly_at_limit_is_not_truncated(self):
        f = af("a>b b>a")
        enum = f.preferred(max_extensions=2)
        assert len(enum) == 2 and not enum.truncated
        cut = f.preferred(max_extensions=1)
        assert len(cut) == 1 and cut.truncated

    def test_time_budget(self):
        f = af("a>b b>a")
        enum = f.preferred(time_limit=0)
        assert enum.truncated and "time limit" in enum.reason

    def test_grounded_100k_under_a_second(self):
        rng = random.Random(7)
        n = 100_000
        f = Framework.from_indices(n, ((rng.randrange(n), rng.randrange(n))
                                       for _ in range(250_000)))
        t = time.perf_counter()
        g = f.grounded()
        elapsed = time.perf_counter() - t
        assert len(g.codes) == n
        assert elapsed < 2.0            # typically ~0.1 s; generous for slow CI
        assert f.is_complete(g)


class TestAssumptionsAbstract:
    def test_accept_and_reject(self):
        f = af("a>b b>a b>c")
        acc = f.with_assumptions({"a": "accepted"})
        assert acc.grounded().extension == ["a", "c"]
        rej = f.with_assumptions({"a": "rejected"})
        assert rej.grounded().extension == ["b"]
        assert exts(rej.preferred()) == S("b")

    def test_bad_value(self):
        with pytest.raises(ValueError):
            af("a>b").with_assumptions({"a": "maybe"})


# ---------------------------------------------------------------------------
# brute force
# ---------------------------------------------------------------------------

def brute_force(n: int, attacks: set[tuple[int, int]]):
    """(grounded, complete, preferred, stable) from the definitions, all subsets."""
    def attacked_by(s: frozenset, x: int) -> bool:
        return any((a, x) in attacks for a in s)

    def conflict_free(s: frozenset) -> bool:
        return not any((a, b) in attacks for a in s for b in s)

    def defends(s: frozenset, x: int) -> bool:
        return all(attacked_by(s, a) for a in range(n) if (a, x) in attacks)

    subsets = [frozenset(i for i in range(n) if m >> i & 1) for m in range(1 << n)]
    cf = [s for s in subsets if conflict_free(s)]
    admissible = [s for s in cf if all(defends(s, x) for x in s)]
    complete = [s for s in admissible if all(x in s for x in range(n) if defends(s, x))]
    grounded = min(complete, key=len)
    assert all(grounded <= c for c in complete)          # least complete extension
    preferred = [s for s in admissible if not any(s < t for t in admissible)]
    stable = [s for s in cf if all(attacked_by(s, x) for x in range(n) if x not in s)]
    return grounded, set(complete), set(preferred), set(stable)


@st.composite
def frameworks(draw, max_n: int = 12):
    n = draw(st.integers(0, max_n))
    if n == 0:
        return 0, set()
    density = draw(st.sampled_from([0.05, 0.1, 0.15, 0.25, 0.4]))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)
    attacks = {(a, b) for a in range(n) for b in range(n) if rng.random() < density}
    extra = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=4))
    return n, attacks | extra


@settings(max_examples=200, deadline=None)
@given(frameworks())
def test_semantics_match_brute_force(case):
    n, attacks = case
    f = Framework.from_indices(n, attacks)
    grounded, complete, preferred, stable = brute_force(n, attacks)
    assert frozenset(f.grounded().extension) == grounded
    for sem, expected in (("complete", complete), ("preferred", preferred), ("stable", stable)):
        enum = f.labellings(sem, max_extensions=10_000, time_limit=None)
        found = [frozenset(e) for e in enum.extensions]
        assert not enum.truncated
        assert len(found) == len(set(found)), f"{sem}: duplicates"
        assert set(found) == expected, sem
        for lab in enum:
            assert f.is_complete(lab)
            # the labelling is the one of its extension
            assert lab.codes == labelling_from_extension(f, lab.extension).codes


# ---------------------------------------------------------------------------
# maps
# ---------------------------------------------------------------------------

def mk(claims: str, *relations: tuple) -> ArgumentMap:
    """``mk("a b c", ("attack", "a", "b"), ("support", ["a", "b"], "c", "r1"))``"""
    m = ArgumentMap("test")
    for c in claims.split():
        m.add_claim(Claim(c, text=c))
    for typ, frm, to, *rid in relations:
        m.add_relation(Relation(typ, frm if isinstance(frm, list) else [frm], to,
                                rid[0] if rid else ""))
    return m


def labels(ev, k: int = 0) -> dict[str, str]:
    return {c: cl.label for c, cl in ev.labellings[k].claims.items()}


class TestMapBasics:
    def test_example_grounded(self):
        amap = load_file(str(EXAMPLE)).map
        ev = evaluate(amap)
        lab = ev.labelling
        # the undercut takes away the reason for 'sieg-putin', not the claim itself:
        # it stands unattacked and defeats 'frage'
        assert labels(ev) == {"frage": "OUT", "sieg-putin": "IN", "aufruesten": "IN",
                              "russland-benachteiligt": "IN", "kriegsmuede": "IN"}
        assert lab.why("sieg-putin") == (
            "IN: not attacked; no reason for it stands (the support from 'aufruesten' + "
            "'russland-benachteiligt' is undercut by 'kriegsmuede')")
        assert lab.why("frage") == "OUT because attacked by 'sieg-putin', which is IN"
        assert lab.why("kriegsmuede") == "IN: not attacked"
        assert lab.relations == {"nein": "IN", "aufruestung": "OUT",
                                 "kriegsmuede-undercut-aufruestung": "IN"}
        assert not ev.problems and not ev.truncated

    def test_example_what_if(self):
        amap = load_file(str(EXAMPLE)).map
        before = amap.snapshot()
        ev = evaluate(amap, assume={"kriegsmuede": "rejected"})
        assert labels(ev)["sieg-putin"] == "IN" and labels(ev)["frage"] == "OUT"
        assert ev.labelling.why("kriegsmuede") == "OUT by assumption (rejected)"
        assert ev.labelling.why("frage") == "OUT because attacked by 'sieg-putin', which is IN"
        assert ev.labelling.why("sieg-putin") == (
            "IN: not attacked; supported by 'aufruesten' + 'russland-benachteiligt'")
        assert amap.snapshot() == before                  # the map is not changed

    def test_grounded_equals_preferred_on_trees(self):
        amap = load_file(str(EXAMPLE)).map
        g = evaluate(amap)
        for sem in ("preferred", "stable"):
            ev = evaluate(amap, sem)
            assert len(ev.labellings) == 1
            assert labels(ev) == labels(g)

    def test_unknown_semantics_and_claims(self):
        m = mk("a b", ("attack", "a", "b"))
        with pytest.raises(ValueError, match="semantics"):
            evaluate(m, "ideal")
        with pytest.raises(ValueError, match="no such claim"):
            evaluate(m, assume={"zz": "accepted"})
        with pytest.raises(ValueError, match="accepted"):
            evaluate(m, assume={"a": "yes"})

    def test_empty_map(self):
        ev = evaluate(ArgumentMap("leer"))
        assert len(ev.labellings) == 1 and ev.labelling.claims == {}


class TestAttacksAndCycles:
    def test_reinstatement_reasons(self):
        ev = evaluate(mk("a b c", ("attack", "a", "b"), ("attack", "b", "c")))
        lab = ev.labelling
        assert labels(ev) == {"a": "IN", "b": "OUT", "c": "IN"}
        assert lab.why("b") == "OUT because attacked by 'a', which is IN"
        assert lab.why("c") == "IN because every attacker is OUT ('b')"

    def test_even_cycle_reasons(self):
        m = mk("a b c", ("attack", "a", "b"), ("attack", "b", "a"), ("attack", "b", "c"))
        lab = evaluate(m).labelling
        assert lab.why("a") == "UNDEC: in an attack cycle with 'b'"
        assert lab.why("c") == "UNDEC because attacker 'b' is UNDEC"
        ev = evaluate(m, "preferred")
        assert sorted(tuple(lab.extension) for lab in ev.labellings) == [("a", "c"), ("b",)]
        assert "a choice" in ev.labellings[0].why("a")
        assert ev.skeptical() == [] and ev.credulous() == ["a", "b", "c"]

    def test_odd_cycle_reasons(self):
        m = mk("a b c", ("attack", "a", "b"), ("attack", "b", "c"), ("attack", "c", "a"))
        lab = evaluate(m).labelling
        assert lab.why("a") == "UNDEC: in an odd attack cycle with 'b', 'c'"
        assert len(evaluate(m, "stable").labellings) == 0
        pref = evaluate(m, "preferred")
        assert len(pref.labellings) == 1 and pref.labelling.extension == []

    def test_self_attack(self):
        m = mk("a b", ("attack", "a", "a"), ("attack", "a", "b"))
        lab = evaluate(m).labelling
        assert lab.why("a") == "UNDEC: it attacks itself"
        assert lab.why("b") == "UNDEC because attacker 'a' is UNDEC"


    def test_long_cycle_lists_a_few_claims(self):
        ids = [f"c{i}" for i in range(8)]
        m = mk(" ".join(ids), *(("attack", ids[i], ids[(i + 1) % 8]) for i in range(8)))
        assert evaluate(m).labelling.why("c0") == (
            "UNDEC: in an attack cycle with 'c1', 'c2', 'c3', 'c4', 'c5' and 2 more")

    def test_very_long_cycle(self):
        ids = [f"c{i}" for i in range(1000)]
        m = mk(" ".join(ids), *(("attack", ids[i], ids[(i + 1) % 1000]) for i in range(1000)))
        t = time.perf_counter()
        lab = evaluate(m).labelling
        assert time.perf_counter() - t < 5
        assert lab.why("c5") == "UNDEC: in a long cycle (1000 claims depend on each other)"


class TestLinked:
    def test_linked_attack_needs_all_premises(self):
        m = mk("a b c", ("attack", ["a", "b"], "c"))
        lab = evaluate(m).labelling
        assert lab.label("c") == "OUT"
        assert lab.why("c") == "OUT because attacked by 'a' + 'b' together, all IN"

    def test_linked_attack_fails_when_a_premise_is_out(self):
        m = mk("a b c d", ("attack", ["a", "b"], "c"), ("attack", "d", "b"))
        ev = evaluate(m)
        assert labels(ev) == {"a": "IN", "b": "OUT", "c": "IN", "d": "IN"}
        assert ev.labelling.why("c") == (
            "IN because every attack on it fails: the attack by 'a' + 'b' fails because "
            "'b' is OUT")
        assert ev.labelling.relations["a+b-attack-c"] == "OUT"

    def test_linked_attack_undecided_premise(self):
        m = mk("a b c x", ("attack", ["a", "b"], "c"), ("attack", "x", "b"),
               ("attack", "b", "x"))
        lab = evaluate(m).labelling
        assert lab.label("c") == "UNDEC"
        assert lab.why("c") == "UNDEC: the attack by 'a' + 'b' is UNDEC because 'b' is UNDEC"

    def test_linked_support(self):
        m = mk("a b t x", ("support", ["a", "b"], "t"), ("attack", "x", "a"))
        lab = evaluate(m).labelling
        assert lab.label("t") == "IN"
        assert lab.why("t") == ("IN: not attacked; no reason for it stands (the support from "
                                "'a' + 'b' fails because 'a' is OUT)")
        assert lab.relations["a+b-support-t"] == "OUT"
        lab = evaluate(mk("a b t", ("support", ["a", "b"], "t"))).labelling
        assert lab.why("t") == "IN: not attacked; supported by 'a' + 'b'"


class TestUndercut:
    def test_undercut_attack(self):
        m = mk("p c u", ("attack", "p", "c", "r"), ("undercut", "u", "r"))
        ev = evaluate(m)
        assert labels(ev) == {"p": "IN", "c": "IN", "u": "IN"}
        assert ev.labelling.why("c") == (
            "IN because every attack on it fails: the attack by 'p' is undercut by 'u'")
        assert ev.labelling.relations == {"r": "OUT", "u-undercut-r": "IN"}

    def test_undercutter_defeated(self):
        m = mk("p c u x", ("attack", "p", "c", "r"), ("undercut", "u", "r"),
               ("attack", "x", "u"))
        assert labels(evaluate(m)) == {"p": "IN", "c": "OUT", "u": "OUT", "x": "IN"}

    def test_undercut_of_undercut(self):
        m = mk("p c u v", ("attack", "p", "c", "r"), ("undercut", "u", "r", "k"),
               ("undercut", "v", "k"))
        ev = evaluate(m)
        assert labels(ev)["c"] == "OUT"
        assert ev.labelling.relations == {"r": "IN", "k": "OUT", "v-undercut-k": "IN"}

    def test_undercut_of_linked_support(self):
        m = mk("a b t u", ("support", ["a", "b"], "t", "s"), ("undercut", "u", "s"))
        lab = evaluate(m).labelling
        assert lab.label("t") == "IN" and lab.relations["s"] == "OUT"

    def test_undercut_listed_before_its_target(self):
        m = mk("p c u", ("undercut", "u", "r"), ("attack", "p", "c", "r"))
        assert evaluate(m).labelling.label("c") == "IN"


class TestSupport:
    def test_unsupported_claims_stand_alone(self):
        assert labels(evaluate(mk("a b"))) == {"a": "IN", "b": "IN"}

    def test_supported_claim_needs_one_reason(self):
        m = mk("t p1 p2 x", ("support", "p1", "t"), ("support", "p2", "t"),
               ("attack", "x", "p1"))
        lab = evaluate(m).labelling
        assert lab.label("t") == "IN"
        assert lab.why("t") == "IN: not attacked; supported by 'p2'"

    def test_refuted_reasons_leave_the_claim_as_it_is_without_them(self):
        m = mk("t p1 p2 x", ("support", "p1", "t"), ("support", "p2", "t"),
               ("attack", "x", "p1"), ("attack", "x", "p2"))
        lab = evaluate(m).labelling
        assert lab.label("t") == "IN"
        assert lab.why("t") == "IN: not attacked; no reason for it stands ('p1' is OUT; 'p2' is OUT)"

    def test_refuted_reason_of_an_objection_leaves_the_objection(self):
        # o attacks t; o's reason p is refuted by q, but o itself is not answered
        m = mk("t o p q", ("attack", "o", "t"), ("support", "p", "o"), ("attack", "q", "p"))
        assert labels(evaluate(m)) == {"t": "OUT", "o": "IN", "p": "OUT", "q": "IN"}

    def test_support_chain(self):
        m = mk("a b c x", ("support", "a", "b"), ("support", "b", "c"), ("attack", "x", "a"))
        assert labels(evaluate(m)) == {"a": "OUT", "b": "IN", "c": "IN", "x": "IN"}

    def test_support_cycle_neither_lifts_nor_sinks(self):
        m = mk("a b", ("support", "a", "b"), ("support", "b", "a"))
        for sem in ("grounded", "preferred", "stable"):
            ev = evaluate(m, sem)
            assert [labels(ev, k) for k in range(len(ev.labellings))] == [{"a": "IN", "b": "IN"}]
        assert ev.labelling.why("a") == "IN: not attacked; supported by 'b'"
        # attacked from outside, the cycle does not rescue itself
        m = mk("a b x", ("support", "a", "b"), ("support", "b", "a"), ("attack", "x", "a"),
               ("attack", "x", "b"))
        for sem in ("grounded", "preferred", "stable"):
            ev = evaluate(m, sem)
            assert [labels(ev, k) for k in range(len(ev.labellings))] == [
                {"a": "OUT", "b": "OUT", "x": "IN"}]

    def test_support_of_own_attacker(self):
        # a supports b, b attacks a: b stands unattacked and defeats a
        m = mk("a b", ("support", "a", "b"), ("attack", "b", "a"))
        assert labels(evaluate(m)) == {"a": "OUT", "b": "IN"}
        assert len(evaluate(m, "stable").labellings) == 1

    def test_support_does_not_break_a_symmetric_attack(self):
        # t and u attack each other; t's standing reason does not decide the
        # conflict (supports do not change labels; the gradual semantics weigh them)
        m = mk("t u p", ("attack", "t", "u"), ("attack", "u", "t"), ("support", "p", "t"))
        ev = evaluate(m, "preferred")
        assert sorted(sorted(lab.extension) for lab in ev.labellings) == [["p", "t"], ["p", "u"]]


class TestMapEnumeration:
    def test_truncated_and_json(self):
        claims = " ".join(f"a{i} b{i}" for i in range(6))
        rels = [r for i in range(6) for r in (("attack", f"a{i}", f"b{i}"),
                                               ("attack", f"b{i}", f"a{i}"))]
        ev = evaluate(mk(claims, *rels), "preferred", max_extensions=10)
        assert len(ev.labellings) == 10 and ev.truncated and "10" in ev.reason
        data = ev.to_json()
        assert data["count"] == 10 and data["truncated"] is True
        assert set(data["labellings"][0]["claims"]["a0"]) == {"label", "why"}
        assert json.loads(json.dumps(data)) == data
        full = evaluate(mk(claims, *rels), "stable")
        assert len(full.labellings) == 64 and not full.truncated


class TestMapAssumptions:
    def test_accepted_claim_sets_its_attacks_aside(self):
        # the attacker keeps its label and its other attacks
        m = mk("a b c", ("attack", "a", "b", "r1"), ("attack", "a", "c", "r2"))
        ev = evaluate(m, assume={"b": "accepted"})
        assert labels(ev) == {"a": "IN", "b": "IN", "c": "OUT"}
        assert ev.labelling.why("b") == (
            "IN by assumption (accepted; the attack by 'a' is set aside)")
        assert ev.labelling.why("a") == "IN: not attacked"
        assert ev.labelling.relations == {"r1": "OUT", "r2": "IN"}

    def test_accepted_claim_needs_no_reason(self):
        m = mk("t p x", ("support", "p", "t"), ("attack", "x", "p"))
        assert labels(evaluate(m, assume={"t": "accepted"})) == {"t": "IN", "p": "OUT", "x": "IN"}

    def test_accepted_against_linked_attack_sets_the_attack_aside(self):
        m = mk("a b c", ("attack", ["a", "b"], "c", "r"))
        ev = evaluate(m, assume={"c": "accepted"})
        assert labels(ev) == {"a": "IN", "b": "IN", "c": "IN"}
        assert ev.labelling.relations["r"] == "OUT"

    def test_rejected(self):
        m = mk("a b", ("attack", "a", "b"))
        ev = evaluate(m, assume={"a": "rejected"})
        assert labels(ev) == {"a": "OUT", "b": "IN"}

    def test_two_accepted_claims_in_conflict_are_both_in(self):
        m = mk("a b", ("attack", "a", "b"), ("attack", "b", "a"))
        ev = evaluate(m, assume={"a": "accepted", "b": "accepted"})
        assert labels(ev) == {"a": "IN", "b": "IN"} and not ev.problems

    def test_assumptions_hold_in_every_semantics(self):
        m = mk("a b c", ("attack", "a", "b"), ("attack", "b", "a"), ("attack", "b", "c"))
        for sem in ("grounded", "preferred", "stable"):
            ev = evaluate(m, sem, {"a": "accepted"})
            assert [labels(ev, k) for k in range(len(ev.labellings))] == [
                {"a": "IN", "b": "OUT", "c": "IN"}]


class TestBrokenMaps:
    def test_bad_relations_are_left_out(self):
        m = mk("a b", ("attack", "a", "zz"), ("undercut", "a", "nope"), ("support", "a", "a"),
               ("attack", "a", "b", "r"), ("attack", "b", "a", "r"))
        ev = evaluate(m)
        assert len(ev.problems) == 4
        assert labels(ev) == {"a": "IN", "b": "OUT"}


# random small maps: the meta framework's labellings are complete, assumptions
# hold, no attack on an IN claim holds
@st.composite
def small_maps(draw):
    n = draw(st.integers(1, 7))
    ids = [f"c{i}" for i in range(n)]
    m = ArgumentMap("random")
    for c in ids:
        m.add_claim(Claim(c, text=c))
    rels = draw(st.lists(st.tuples(
        st.sampled_from(["attack", "support", "undercut"]),
        st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True),
        st.integers(0, 100)), max_size=9))
    for k, (typ, prem, t) in enumerate(rels):
        if typ == "undercut":
            if k == 0:
                continue
            target = f"r{t % k}"
        else:
            target = ids[t % n]
        m.add_relation(Relation(typ, prem, target, f"r{k}"))
    assume = draw(st.dictionaries(st.sampled_from(ids), st.sampled_from(["accepted", "rejected"]),
                                  max_size=2))
    return m, assume


@settings(max_examples=150, deadline=None)
@given(small_maps(), st.sampled_from(["grounded", "preferred", "stable"]))
def test_map_evaluation_properties(case, semantics):
    amap, assume = case
    ev = evaluate(amap, semantics, assume, time_limit=None)
    meta = ev.framework
    assert isinstance(meta, MapFramework)
    for lab in meta.af.labellings(semantics, time_limit=None):
        assert meta.af.is_complete(lab)
    for lab in ev.labellings:
        assert set(lab.claims) == set(amap.claims)
        for cid, cl in lab.claims.items():
            assert cl.label in ("IN", "OUT", "UNDEC") and cl.why
            if cl.label == "IN":
                for r in meta.attacks_on[cid]:
                    assert lab.relations[r.key] != "IN"
        if not ev.problems:
            for cid, value in assume.items():
                assert lab.label(cid) == ("IN" if value == "accepted" else "OUT")


def test_bundled_maps_evaluate():
    maps = sorted((ROOT / "maps").glob("*.yaml"))
    if not maps:
        pytest.skip("no maps yet")
    for path in maps:
        loaded = load_file(str(path), resolve=False)
        if loaded.map is None:
            continue
        for sem in ("grounded", "preferred"):
            ev = evaluate(loaded.map, sem, time_limit=10)
            assert ev.labellings, path
            assert set(ev.labellings[0].claims) == set(loaded.map.claims)


# ---------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------

def run_cli(*argv: str) -> int:
    ap = argparse.ArgumentParser(prog="argmap")
    sub = ap.add_subparsers(dest="command")
    add_parser(sub)
    args = ap.parse_args(["evaluate", *argv])
    return args.func(args)


class TestCli:
    def test_table(self, capsys):
        assert run_cli(str(EXAMPLE)) == 0
        out = capsys.readouterr().out
        assert "(grounded)" in out
        assert "sieg-putin" in out and "no reason for it stands" in out

    def test_json(self, capsys):
        assert run_cli(str(EXAMPLE), "--json", "--assume", "kriegsmuede=rejected") == 0
        data = json.loads(capsys.readouterr().out)
        assert data["semantics"] == "grounded"
        assert data["assume"] == {"kriegsmuede": "rejected"}
        claims = data["labellings"][0]["claims"]
        assert claims["sieg-putin"]["label"] == "IN"
        assert claims["kriegsmuede"]["why"] == "OUT by assumption (rejected)"

    def test_preferred_several_labellings(self, tmp_path, capsys):
        p = tmp_path / "zyklus.yaml"
        p.write_text("argmap: 1\ntitle: Zyklus\nclaims:\n"
                     "  a: {text: A, source: s, quote: q}\n  b: {text: B, source: s, quote: q}\n"
                     "sources:\n  s: {title: S}\n"
                     "relations:\n  - {type: attack, from: a, to: b}\n"
                     "  - {type: attack, from: b, to: a}\n", encoding="utf-8")
        assert run_cli(str(p), "-s", "preferred") == 0
        out = capsys.readouterr().out
        assert "labelling 1 of 2" in out and "labelling 2 of 2" in out
        assert "IN in every labelling: (none)" in out

    def test_bad_assumption_is_usage_error(self, capsys):
        assert run_cli(str(EXAMPLE), "--assume", "kriegsmuede") == 2
        assert run_cli(str(EXAMPLE), "--assume", "nix=accepted") == 2
        assert "no such claim" in capsys.readouterr().err

    def test_missing_and_broken_files(self, tmp_path, capsys):
        assert run_cli(str(tmp_path / "none.yaml")) == 2
        bad = tmp_path / "bad.yaml"
        bad.write_text("argmap: 1\ntitle: [\n", encoding="utf-8")
        assert run_cli(str(bad)) == 2
        err = capsys.readouterr().err
        assert "bad.yaml:" in err and "Traceback" not in err

    def test_map_with_errors_still_evaluated(self, tmp_path, capsys):
        p = tmp_path / "err.yaml"
        p.write_text("argmap: 1\ntitle: T\nclaims:\n  a: {text: A}\n  b: {text: B}\n"
                     "relations:\n  - {type: attack, from: a, to: b}\n"
                     "  - {type: attack, from: a, to: zz}\n", encoding="utf-8")
        assert run_cli(str(p)) == 1
        captured = capsys.readouterr()
        assert "unknown claim 'zz'" in captured.err
        assert "OUT because attacked by 'a'" in captured.out

    def test_parse_assumptions(self):
        assert parse_assumptions(["a=accepted", "b = Rejected"]) == {"a": "accepted",
                                                                     "b": "rejected"}
        with pytest.raises(ValueError):
            parse_assumptions(["a=accepted", "a=rejected"])


def test_brute_force_helper():
    # the reference itself, on the even cycle
    g, c, p, s = brute_force(2, {(0, 1), (1, 0)})
    assert g == frozenset() and p == s == {frozenset({0}), frozenset({1})}
    assert c == {frozenset(), frozenset({0}), frozenset({1})}
