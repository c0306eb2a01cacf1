"""Core undo commands: undo restores exactly, redo repeats exactly."""

from argmap.commands import (
    AddClaim, AddRelation, MoveClaims, RemoveRelation, SetClaimField, clear_positions,
    paste_claims, remove_claims, reverse_relation,
)
from argmap.mapio import load_file
from argmap.model import Claim, Relation

from conftest import DATA


def example():
    return load_file(str(DATA / "example.yaml")).map


def roundtrip(amap, cmd):
    before = amap.snapshot()
    cmd.redo()
    after = amap.snapshot()
    assert after != before
    cmd.undo()
    assert amap.snapshot() == before
    cmd.redo()
    assert amap.snapshot() == after


def test_remove_claim_takes_relations_and_undercuts_and_restores_order():
    amap = example()
    cmd = remove_claims(amap, ["aufruesten"])
    before = amap.snapshot()
    cmd.redo()
    assert "aufruesten" not in amap.claims
    # the linked support and the undercut attacking it are gone too
    assert [r.key for r in amap.relations] == ["nein"]
    cmd.undo()
    assert amap.snapshot() == before


def test_remove_two_claims_sharing_a_relation():
    amap = example()
    roundtrip(amap, remove_claims(amap, ["aufruesten", "russland-benachteiligt", "frage"]))


def test_add_set_move_reverse_paste():
    amap = example()
    roundtrip(amap, AddClaim(amap, Claim("neu", text="Neu"), index=1))
    roundtrip(amap, SetClaimField(amap, "frage", "tags", ["verhandlungen"]))
    roundtrip(amap, MoveClaims(amap, {"frage": (None, (10.0, 20.0))}))
    roundtrip(amap, clear_positions(amap))
    roundtrip(amap, reverse_relation(amap, amap.relation_by_key("nein")))
    roundtrip(amap, AddRelation(amap, Relation("attack", ["frage"], "kriegsmuede")))
    roundtrip(amap, RemoveRelation(amap, amap.relation_by_key("aufruestung")))
    cmd, renames = paste_claims(amap, [amap.claims["frage"], amap.claims["sieg-putin"]],
                                [amap.relation_by_key("nein")])
    roundtrip(amap, cmd)
    assert renames == {"frage": "frage-2", "sieg-putin": "sieg-putin-2"}


def test_typing_merges_into_one_step():
    amap = example()
    a = SetClaimField(amap, "frage", "text", "A")
    b = SetClaimField(amap, "frage", "text", "AB")
    assert a.merge_with(b) and a.new == "AB"
    assert not a.merge_with(SetClaimField(amap, "sieg-putin", "text", "x"))
