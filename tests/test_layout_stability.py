"""After an edit the map stays where it is: the stable layout (Qt-free core)."""

import math
import statistics

import pytest

from argmap.layout import layout_map
from argmap.layout_reroute import REROUTE_MAX_NODES
from argmap.layout_stable import (
    edges_through_boxes, overlaps, premise_axis, stable_layout, update_layout,
)
from argmap.mapio import load_file, load_text
from argmap.model import Claim, Relation

from conftest import ROOT

MAP = ROOT / "maps" / "2022-11-waffenstillstand-sieg-fuer-putin.yaml"
LONG = ("Ein neuer Einwand: die Lage an der Front hat sich seit dem Herbst so verändert, "
        "dass die alten Annahmen über Munition und Nachschub nicht mehr tragen.")


@pytest.fixture(scope="module")
def base():
    amap = load_file(str(MAP)).map
    return amap, layout_map(amap)


def moves(before, after, skip=()):
    return [math.hypot(a.x - after.nodes[k].x, a.y - after.nodes[k].y)
            for k, a in before.nodes.items()
            if not a.junction and k in after.nodes and k[2:] not in skip]


def _add(amap, target, kind="attack", cid="neu", text=LONG):
    amap.add_claim(Claim(cid, text=text))
    amap.add_relation(Relation(kind, [cid], target))
    return {cid}


def _delete_leaf(amap):
    argued = {r.target for r in amap.relations}
    leaf = next(c for c in amap.claims if c not in argued)
    for r in list(amap.relations_touching(leaf)):
        amap.remove_relation(r)
    amap.remove_claim(leaf)
    return {leaf}


def _relate(amap):
    linked = {(p, r.target) for r in amap.relations for p in r.premises}
    ids = list(amap.claims)
    a, b = next((a, b) for a in ids[::-1] for b in ids
                if a != b and (a, b) not in linked and (b, a) not in linked)
    amap.add_relation(Relation("support", [a], b))
    return set()


def _reword(amap):
    cid = list(amap.claims)[5]
    amap.set_claim_field(cid, "text", amap.claims[cid].text + " " + LONG)
    return {cid}


EDITS = {
    "add": lambda m: _add(m, next(iter(m.claims))),
    "delete": _delete_leaf,
    "relate": _relate,
    "reword": _reword,
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_untouched_boxes_stay_and_nothing_overlaps(base, kind):
    amap, before = base
    edited = amap.copy()
    touched = EDITS[kind](edited)
    after = stable_layout(before, edited)
    assert after is not None
    d = moves(before, after, touched)
    assert len(d) >= len(amap.claims) - 1
    assert statistics.median(d) < 10
    assert max(d) <= 50
    assert overlaps(after) == []
    # every claim and relation of the edited map is drawn
    assert {k[2:] for k, n in after.nodes.items() if not n.junction} == set(edited.claims)
    assert {e.relation for e in after.edges} == {r.key for r in edited.relations}
    # and no edge runs through a box where dot's did not
    assert len(edges_through_boxes(after)) <= 2


def test_a_full_layout_moves_them(base):
    """What the app did before: dot over everything after the edit."""
    amap, before = base
    edited = amap.copy()
    touched = EDITS["add"](edited)
    d = moves(before, layout_map(edited), touched)
    assert sum(1 for x in d if x > 50) > 0.05 * len(d)


def test_a_new_premise_goes_on_the_premise_side_near_its_target(base):
    amap, before = base
    edited = amap.copy()
    target = next(iter(edited.claims))
    _add(edited, target)
    after = stable_layout(before, edited)
    new, t = after.claim("neu"), after.claim(target)
    ax = premise_axis(edited.display.direction)
    assert (new.x - t.x) * ax[0] + (new.y - t.y) * ax[1] > 0
    assert math.hypot(new.x - t.x, new.y - t.y) < 900
    # a reason for the new claim goes beyond it in turn
    _add(edited, "neu", "support", "neu2", "Ein Grund dafür.")
    again = stable_layout(after, edited)
    n2 = again.claim("neu2")
    assert (n2.x - new.x) * ax[0] + (n2.y - new.y) * ax[1] > 0
    assert moves(after, again, {"neu2"}) and max(moves(after, again, {"neu2"})) == 0
    assert overlaps(again) == []


def test_manual_positions_are_kept(base):
    amap, before = base
    edited = amap.copy()
    cid = list(edited.claims)[3]
    edited.claims[cid].pos = (-300.0, 40.0)
    _add(edited, cid)
    after = stable_layout(before, edited)
    assert (after.claim(cid).x, after.claim(cid).y) == (-300.0, 40.0)
    assert after.left < -300
    assert overlaps(after) == [] or all(cid in pair for pair in overlaps(after))


def test_a_new_loose_claim_goes_where_the_canvas_drew_it(base):
    amap, before = base
    edited = amap.copy()
    edited.add_claim(Claim("allein", text="Eine Aussage für sich."))
    far = (before.width + 400, 300.0)
    after = stable_layout(before, edited, hints={"allein": far})
    n = after.claim("allein")
    assert math.hypot(n.x - far[0], n.y - far[1]) < 60
    assert max(moves(before, after, {"allein"})) == 0


def test_when_a_full_layout_is_still_right(base):
    amap, before = base
    # the first layout of a map, and an explicit request (View → Auto Layout)
    assert update_layout(None, amap).mode == "full"
    assert update_layout(before, amap, full=True).mode == "full"
    # a change of direction
    turned = amap.copy()
    turned.display.direction = "LR"
    assert stable_layout(before, turned) is None
    # a change to much of the map
    big = amap.copy()
    for i in range(len(amap.claims) // 2):
        _add(big, next(iter(amap.claims)), cid=f"neu{i}", text=f"Neu {i}")
    assert stable_layout(before, big) is None
    assert update_layout(before, big).mode == "full"
    # a small edit is placed from the layout before
    small = amap.copy()
    _add(small, next(iter(amap.claims)))
    assert update_layout(before, small).mode == "stable"


def test_undo_brings_back_the_layout_the_content_had(base):
    amap, before = base
    first = update_layout(None, amap)
    edited = amap.copy()
    _add(edited, next(iter(amap.claims)))
    second = update_layout(first.layout, edited, history={first.key: first.layout})
    assert second.mode == "stable"
    back = update_layout(second.layout, amap.copy(),
                         history={first.key: first.layout, second.key: second.layout})
    assert back.mode == "again" and back.layout is first.layout


def test_junctions_and_undercuts_are_placed(base):
    amap, before = base
    edited = amap.copy()
    rel = next(r for r in edited.relations if not r.linked and r.type != "undercut")
    edited.add_claim(Claim("unter", text="Das folgt so nicht."))
    edited.add_relation(Relation("undercut", ["unter"], rel.key))
    after = stable_layout(before, edited)
    assert "j:" + rel.key in after.nodes
    assert {e.relation for e in after.edges} >= {rel.key, "unter-undercut-" + rel.key}
    assert overlaps(after) == []
    assert max(moves(before, after, {"unter"})) <= 50


def _chains(n: int, depth: int) -> str:
    lines = ["argmap: 1", "title: Ketten", "claims:"]
    lines += [f"  c{c}-{d}: {{text: 'Behauptung {c} {d} mit etwas Text dazu'}}"
              for c in range(n) for d in range(depth)]
    lines.append("relations:")
    lines += [f"  - {{type: support, from: c{c}-{d}, to: c{c}-{d - 1}}}"
              for c in range(n) for d in range(1, depth)]
    return "\n".join(lines) + "\n"


def test_a_new_edge_on_a_big_map_goes_around_the_boxes_in_its_way():
    # 240 claims: more than Graphviz's router is asked about for the whole map, so
    # only the boxes near the new edge are
    text = _chains(60, 4)
    lay = layout_map(load_text(text, "ketten.yaml").map)
    assert len(lay.nodes) > REROUTE_MAX_NODES
    for c in (27, 36, 45):
        amap = load_text(text, "ketten.yaml").map
        amap.add_relation(Relation("attack", [f"c{c}-3"], f"c{c + 2}-2"))
        after = update_layout(lay, amap)
        assert after.mode == "stable"
        assert edges_through_boxes(after.layout) == []
        assert max(moves(lay, after.layout)) == 0
