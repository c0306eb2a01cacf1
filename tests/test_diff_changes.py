"""The changes of a difference one by one, taking one back, and where removed claims
are drawn (argmap.diff_changes)."""

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_mapdiff import BUNDLED, edit, edits

from argmap.diff_changes import counts, list_changes, place_ghosts, subject, take_back, why_not
from argmap.gitversions import to_map
from argmap.mapdiff import diff_maps
from argmap.model import Source

NAME = "2022-11-waffenstillstand-sieg-fuer-putin.yaml"
TEXT = (ROOT / "maps" / NAME).read_text(encoding="utf-8")
SELENSKYJ = ("text: Die Ukraine wird nicht zulassen, dass Russland abwartet und seine "
             "Streitkräfte wieder aufbaut.")
REWORDED = ("text: Die Ukraine lässt nicht zu, dass Russland eine Pause zum Wiederaufbau "
            "seiner Streitkräfte nutzt.")
ADDED = ("  milley-friedenschance:\n    text: Der Winter bietet eine Chance für Verhandlungen, "
         "solange beide Seiten erschöpft sind.\n    speaker: Mark Milley\n"
         "    tags: [verhandlungen]\n")


def edited(text: str = TEXT) -> str:
    """The bundled map with a reworded claim, an added claim (with a reason it gives),
    a removed claim (with its relation) and a retyped relation."""
    t = text.replace(SELENSKYJ, REWORDED)
    start = t.index("  poroschenko-moerder:\n")
    t = t[:start] + t[t.index("\n\n", start) + 1:]
    t = t.replace("  - {id: r17, type: support, from: poroschenko-moerder, "
                  "to: ukrainer-misstrauisch}\n", "")
    t = t.replace("{id: r16, type: support,", "{id: r16, type: attack,")
    t = t.replace("  beamte-draengen:\n", ADDED + "  beamte-draengen:\n", 1)
    t = t.replace("  # Die drängenden Beamten", "  - {id: r50, type: support, from: "
                  "milley-friedenschance, to: milley-gelegenheit-nutzen}\n"
                  "  # Die drängenden Beamten")
    assert t.count("r50") == 1 and REWORDED in t and "poroschenko-moerder" not in t
    return t


def pair():
    return to_map(TEXT, "old.yaml"), to_map(edited(), "new.yaml")


def test_the_changes_come_in_map_order_with_the_removed_ones_where_they_stood():
    old, new = pair()
    changes = list_changes(old, new, diff_maps(old, new))
    assert [(c.kind, c.what, c.key) for c in changes] == [
        ("added", "claim", "milley-friedenschance"),
        ("changed", "claim", "selenskyj-kein-abwarten"),
        ("removed", "claim", "poroschenko-moerder"),
        ("changed", "relation", "r16"),
        ("added", "relation", "r50"),
        ("removed", "relation", "r17"),
    ]
    assert counts(changes) == {"added": 2, "removed": 2, "changed": 2, "moved": 0, "other": 0}
    reworded = changes[1]
    assert [(f.field, f.old, f.new) for f in reworded.fields] == [
        ("text", SELENSKYJ[6:], REWORDED[6:])]
    assert changes[3].before.type == "support" and changes[3].relation.type == "attack"
    assert changes[2].claims == ["poroschenko-moerder"]
    assert changes[5].claims == ["poroschenko-moerder", "ukrainer-misstrauisch"]
    assert subject(changes[0]).startswith("Der Winter bietet")
    assert subject(changes[5]) == "poroschenko-moerder support ukrainer-misstrauisch"
    assert [c.key for c in changes[2].comes_with] == ["r17"]


@pytest.mark.parametrize("index", range(5))
def test_each_change_taken_back_is_gone_and_undo_brings_it_back(index):
    old, new = pair()
    change = list_changes(old, new, diff_maps(old, new))[index]
    before = new.snapshot()
    cmd = take_back(new, change)
    cmd.redo()
    left = [(c.kind, c.what, c.key) for c in list_changes(old, new, diff_maps(old, new))]
    assert (change.kind, change.what, change.key) not in left
    assert len(left) == (4 if change.kind in ("added", "removed") and change.what == "claim"
                         else 5)     # a claim takes its relation along, out or back in
    assert ("reordered", "relation", "") not in left
    cmd.undo()
    assert new.snapshot() == before
    cmd.redo()
    assert (change.kind, change.what, change.key) not in [
        (c.kind, c.what, c.key) for c in list_changes(old, new, diff_maps(old, new))]


def test_a_removed_relation_waits_for_its_claim():
    old, new = pair()
    changes = list_changes(old, new, diff_maps(old, new))
    assert why_not(new, changes[5]) == "'poroschenko-moerder' is not in the map: take it back first"
    with pytest.raises(ValueError):
        take_back(new, changes[5])
    take_back(new, changes[2]).redo()          # the claim, and its relation with it
    assert new.claims["poroschenko-moerder"].text.startswith("Verhandeln hieße")
    assert list(new.claims).index("poroschenko-moerder") == list(old.claims).index(
        "poroschenko-moerder") + 1             # the added claim stands before it
    assert [r.key for r in new.relations].index("r17") == \
        [r.key for r in new.relations].index("r16") + 1


def test_taking_back_every_change_gives_the_old_map():
    old, new = pair()
    for _ in range(20):
        changes = [c for c in list_changes(old, new, diff_maps(old, new))
                   if not why_not(new, c)]
        if not changes:
            break
        take_back(new, changes[-1]).redo()
    assert new.snapshot() == old.snapshot()


def test_one_field_of_a_claim_header_and_sources_taken_back():
    old, new = pair()
    new = old.copy()
    new.claims["frage" if "frage" in new.claims else "sieg-fuer-putin"].speaker = "Jemand"
    cid = next(c for c in new.claims.values() if c.speaker == "Jemand").id
    new.claims[cid].tags = ["neu"]
    new.title = "Ein anderer Titel"
    new.sources["neu"] = Source("neu", title="Eine neue Quelle")
    changes = list_changes(old, new, diff_maps(old, new))
    assert [(c.kind, c.what) for c in changes] == [
        ("changed", "header"), ("added", "source"), ("changed", "claim")]
    take_back(new, changes[2], "tags").redo()
    assert new.claims[cid].tags == old.claims[cid].tags and new.claims[cid].speaker == "Jemand"
    with pytest.raises(ValueError):
        take_back(new, changes[2], "text")      # the text did not change
    take_back(new, changes[0]).redo()
    take_back(new, changes[1]).redo()
    assert new.title == old.title and "neu" not in new.sources


def test_what_cannot_be_taken_back_says_why():
    old = to_map(TEXT, "old.yaml")
    new = old.copy()
    claims = list(new.claims.items())
    new.claims = dict(reversed(claims))
    changes = list_changes(old, new, diff_maps(old, new))
    assert [(c.kind, c.what) for c in changes] == [("reordered", "claim")]
    assert "in the file" in why_not(new, changes[0])
    with pytest.raises(ValueError):
        take_back(new, changes[0])


def test_ghosts_go_to_their_old_position_or_next_to_their_neighbours_and_cover_nothing():
    old, _ = pair()
    boxes = {"ukrainer-misstrauisch": (100.0, 100.0, 200.0, 60.0),
             "beside": (100.0, 260.0, 200.0, 60.0)}
    places = place_ghosts(old, {"poroschenko-moerder": (180.0, 50.0)}, boxes, "TB")
    x, y = places["poroschenko-moerder"]
    assert y > 100 + 30                          # a reason goes below what it supports
    for bx, by, bw, bh in boxes.values():        # and on no box
        assert abs(x - bx) * 2 >= 180 + bw or abs(y - by) * 2 >= 50 + bh
    old.claims["poroschenko-moerder"].pos = (900.0, 40.0)
    assert place_ghosts(old, {"poroschenko-moerder": (180.0, 50.0)}, boxes)[
        "poroschenko-moerder"] == (900.0, 40.0)
    lonely = place_ghosts(old, {"sieg-fuer-putin": (180.0, 50.0)}, {}, "LR")
    assert set(lonely) == {"sieg-fuer-putin"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(BUNDLED)), changes=edits)
def test_random_edits_taken_back_one_by_one_leave_only_what_the_file_must_take_back(
        name, changes):
    old = BUNDLED[name]
    new = old.copy()
    for change in changes:
        edit(new, *change)
    for _ in range(4 * len(changes) + 10):
        todo = [c for c in list_changes(old, new, diff_maps(old, new)) if not why_not(new, c)]
        if not todo:
            break
        before = new.snapshot()
        cmd = take_back(new, todo[0])
        cmd.redo()
        assert new.snapshot() != before
    left = {c.kind for c in list_changes(old, new, diff_maps(old, new))}
    assert left <= {"renamed", "reordered"}
