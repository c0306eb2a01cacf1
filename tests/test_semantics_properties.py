"""What the translation of a map into a framework guarantees (docs/semantics.md,
"Properties"), each as a hypothesis test over random maps, and the cases that
showed the old translation wrong, each as a test of its own.

Labels are ordered OUT < UNDEC < IN ("worse off" means lower).
"""

from __future__ import annotations

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.mapio import load_file
from argmap.model import ArgumentMap, Claim, Relation
from argmap.semantics import MapFramework, evaluate

from conftest import ROOT
from test_semantics import labels, mk

RANK = {"OUT": 0, "UNDEC": 1, "IN": 2}
SEMANTICS = ("grounded", "preferred", "stable")


@st.composite
def maps(draw, types=("attack", "support", "undercut"), max_premises=2, max_claims=7):
    n = draw(st.integers(1, max_claims))
    ids = [f"c{i}" for i in range(n)]
    m = ArgumentMap("random")
    for c in ids:
        m.add_claim(Claim(c, text=c))
    rels = draw(st.lists(st.tuples(
        st.sampled_from(types),
        st.lists(st.sampled_from(ids), min_size=1, max_size=max_premises, unique=True),
        st.integers(0, 100)), max_size=10))
    for k, (typ, prem, t) in enumerate(rels):
        if typ == "undercut":
            if k == 0:
                continue
            target = f"r{t % k}"
        else:
            target = ids[t % n]
        m.add_relation(Relation(typ, prem, target, f"r{k}"))
    return m


def all_labels(amap: ArgumentMap, semantics: str, assume=None) -> list[dict[str, str]]:
    ev = evaluate(amap, semantics, assume, time_limit=None, max_extensions=10_000)
    assert not ev.truncated
    return [labels(ev, k) for k in range(len(ev.labellings))]


def without(amap: ArgumentMap, drop) -> ArgumentMap:
    """A copy of the map without the relations ``drop(rel)`` selects."""
    m = ArgumentMap(amap.title)
    for c in amap.claims.values():
        m.add_claim(Claim(c.id, text=c.text))
    for r in amap.relations:
        if not drop(r):
            m.add_relation(r.clone())
    return m


# -- support never hurts --------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(maps(), st.integers(0, 100), st.lists(st.integers(0, 100), min_size=1, max_size=2),
       st.sampled_from(SEMANTICS))
def test_support_never_hurts(amap, t, prem, semantics):
    """Adding a support (single or linked) to a claim never lowers its label: in
    grounded the one label, in preferred and stable the best and the worst label."""
    ids = list(amap.claims)
    target = ids[t % len(ids)]
    premises = list(dict.fromkeys(ids[p % len(ids)] for p in prem if ids[p % len(ids)] != target))
    if not premises:
        return
    before = all_labels(amap, semantics)
    amap.add_relation(Relation("support", premises, target, "new-support"))
    after = all_labels(amap, semantics)
    if not before:            # no stable labelling: nothing to compare
        return
    assert after, "a support made a stable labelling disappear"
    rank_before = [RANK[lab[target]] for lab in before]
    rank_after = [RANK[lab[target]] for lab in after]
    assert max(rank_after) >= max(rank_before) and min(rank_after) >= min(rank_before)


@settings(max_examples=200, deadline=None)
@given(maps(), st.sampled_from(SEMANTICS))
def test_labels_do_not_depend_on_supports(amap, semantics):
    """Stronger, and what makes the two properties above and below hold: the
    labellings of a map are those of the map without its supports (and without
    the undercuts of supports, which only say whether a reason counts)."""
    supports = {r.key for r in amap.relations if r.type == "support"}

    def is_support_or_its_undercut(r):
        return r.key in supports or (r.type == "undercut" and r.target in supports)

    key = sorted
    got = key(tuple(sorted(lab.items())) for lab in all_labels(amap, semantics))
    bare = key(tuple(sorted(lab.items())) for lab in
               all_labels(without(amap, is_support_or_its_undercut), semantics))
    assert got == bare


# -- no self-supporting cycle is accepted ---------------------------------------

@settings(max_examples=150, deadline=None)
@given(maps(), st.lists(st.integers(0, 100), min_size=2, max_size=4), st.sampled_from(SEMANTICS))
def test_no_self_supporting_cycle_is_accepted(amap, cycle, semantics):
    """A cycle of supports added to a map lifts none of its claims: every claim of
    the cycle has in each labelling the label it has without the cycle."""
    ids = list(amap.claims)
    ring = list(dict.fromkeys(ids[c % len(ids)] for c in cycle))
    if len(ring) < 2:
        return
    before = sorted(tuple(sorted(lab.items())) for lab in all_labels(amap, semantics))
    for k, c in enumerate(ring):
        amap.add_relation(Relation("support", [c], ring[(k + 1) % len(ring)], f"ring{k}"))
    after = sorted(tuple(sorted(lab.items())) for lab in all_labels(amap, semantics))
    assert after == before


# -- preferred is maximal over claims -------------------------------------------

@settings(max_examples=200, deadline=None)
@given(maps())
def test_preferred_is_maximal_over_claims(amap):
    """No listed preferred labelling has fewer claims IN (as a set) than another,
    and every claim-maximal IN set of a complete labelling is listed."""
    pref = [frozenset(c for c, v in lab.items() if v == "IN")
            for lab in all_labels(amap, "preferred")]
    for a, b in product(pref, pref):
        assert not a < b
    complete = [frozenset(c for c, v in lab.items() if v == "IN")
                for lab in all_labels(amap, "complete")]
    maximal = {a for a in complete if not any(a < b for b in complete)}
    assert set(pref) == maximal


# -- an assumption changes only what depends on it ------------------------------

def depends_on(amap: ArgumentMap, cid: str) -> set[str]:
    """Claims reachable from ``cid``: through relations it is a premise of, to their
    target claim (for an undercut: the target claim of the relation it undercuts)."""
    by_key = {r.key: r for r in amap.relations}

    def claim_target(r, seen=()):
        while r.type == "undercut":
            if r.key in seen or r.target not in by_key:
                return None
            seen = (*seen, r.key)
            r = by_key[r.target]
        return r.target

    out, todo = {cid}, [cid]
    while todo:
        c = todo.pop()
        for r in amap.relations:
            if c in r.premises:
                t = claim_target(r)
                if t in amap.claims and t not in out:
                    out.add(t)
                    todo.append(t)
    return out


@settings(max_examples=200, deadline=None)
@given(maps(), st.integers(0, 100), st.sampled_from(["accepted", "rejected"]))
def test_an_assumption_changes_only_what_depends_on_it(amap, c, value):
    ids = list(amap.claims)
    cid = ids[c % len(ids)]
    before = all_labels(amap, "grounded")[0]
    after = all_labels(amap, "grounded", {cid: value})[0]
    changed = {x for x in ids if before[x] != after[x]}
    assert changed <= depends_on(amap, cid)
    assert after[cid] == ("IN" if value == "accepted" else "OUT")


# -- a plain map is its Dung framework ------------------------------------------

@settings(max_examples=150, deadline=None)
@given(maps(types=("attack",), max_premises=1))
def test_plain_map_is_exactly_its_dung_framework(amap):
    meta = MapFramework(amap)
    assert meta.af.names == list(amap.claims)
    expected = {(r.premises[0], r.target) for r in amap.relations}
    assert set(meta.af.attacks) == expected


# -- the cases that showed it ----------------------------------------------------

class TestCases:
    def test_circular_support_alone(self):
        m = mk("a b", ("support", "a", "b"), ("support", "b", "a"))
        for sem in SEMANTICS:
            assert all_labels(m, sem) == [{"a": "IN", "b": "IN"}]  # one labelling, not two

    def test_circular_support_does_not_defeat_a_claim(self):
        # a and b support each other and are each attacked by an unattacked claim;
        # a attacks f. The cycle cannot lift a, so f stands in every labelling.
        m = mk("a b x f", ("support", "a", "b"), ("support", "b", "a"), ("attack", "x", "a"),
               ("attack", "x", "b"), ("attack", "a", "f"))
        for sem in SEMANTICS:
            assert all_labels(m, sem) == [{"a": "OUT", "b": "OUT", "x": "IN", "f": "IN"}]

    def test_preferred_self_defence_by_undercut(self):
        # c0 attacks c3; c3 and c2 together undercut that attack: preferred lists
        # only the labelling with c3 IN (the one with c3 OUT has fewer claims IN)
        m = mk("c0 c2 c3", ("attack", "c0", "c3", "r"), ("undercut", ["c3", "c2"], "r"))
        assert all_labels(m, "preferred") == [{"c0": "IN", "c2": "IN", "c3": "IN"}]
        assert all_labels(m, "grounded") == [{"c0": "IN", "c2": "IN", "c3": "UNDEC"}]

    def test_refuted_reason_does_not_defeat_its_conclusion(self):
        plain = mk("t", )
        assert all_labels(plain, "grounded") == [{"t": "IN"}]
        m = mk("t s z", ("support", "s", "t"), ("attack", "z", "s"))
        assert all_labels(m, "grounded") == [{"t": "IN", "s": "OUT", "z": "IN"}]

    def test_bundled_example_claim_keeps_its_standing(self):
        path = ROOT / "maps" / "2025-08-alaska-gipfel-putin-trump.yaml"
        amap = load_file(str(path), resolve=False).map
        cid = "europa-waffenstillstand-truppen"
        assert amap is not None and cid in amap.claims
        ev = evaluate(amap)
        meta = ev.framework
        if not meta.attacks_on[cid]:
            assert ev.labelling.label(cid) == "IN", ev.labelling.why(cid)

    def test_accepting_a_claim_leaves_an_undercut_attacker_alone(self):
        # p attacks c, but the attack is undercut by u; p also attacks d.
        # Accepting c must not force p OUT and so must not lift d.
        m = mk("p c u d", ("attack", "p", "c", "r"), ("undercut", "u", "r"),
               ("attack", "p", "d"))
        before = all_labels(m, "grounded")[0]
        assert before == {"p": "IN", "c": "IN", "u": "IN", "d": "OUT"}
        assert all_labels(m, "grounded", {"c": "accepted"}) == [before]
