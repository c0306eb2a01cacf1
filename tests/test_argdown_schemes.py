"""Argument schemes in Argdown: ``{scheme: "..."}`` metadata on arguments, both ways."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from test_aif_schemes import own_scheme_map

from argmap.interchange import export_argdown, import_argdown
from argmap.interchange.argdown_parse import parse_argdown
from argmap.mapio import load_file
from argmap.model import ArgumentMap, Claim, Relation

ROOT = Path(__file__).resolve().parent.parent
MAPS = sorted((ROOT / "maps").glob("*.yaml"))


def without_table(text: str) -> str:
    """Our export without the front matter's ``argmap:`` entry (ids, notes, order and
    the exact scheme fields): what the text itself says, as after editing by hand."""
    out = re.sub(r"^argmap: .*\n", "", text, flags=re.M)
    assert out != text
    return out


def schemes(amap: ArgumentMap) -> Counter:
    return Counter((r.type, tuple(r.premises), r.scheme) for r in amap.relations
                   if r.type != "rephrase")


def scheme_map() -> ArgumentMap:
    m = ArgumentMap("Schemes", "", "en")
    for c in ("kofman", "rearm", "paid", "cases", "other", "plain"):
        m.claims[c] = Claim(c, f"Claim {c}.")
    m.relations = [
        Relation("support", ["kofman"], "rearm", "r1", scheme="expert-opinion",
                 roles={"kofman": "assertion"}, questions={"field": "yes"}),
        Relation("undercut", ["paid"], "r1", scheme="lack-of-expert-reliability",
                 answers={"r1": "reliability"}),
        Relation("support", ["cases"], "rearm", scheme="precedent"),
        Relation("attack", ["other"], "rearm", scheme="Argument From Difference"),
        Relation("support", ["plain"], "rearm"),
    ]
    return m


def test_a_relation_with_a_scheme_is_an_argument_with_the_scheme_in_its_metadata():
    text = export_argdown(scheme_map())
    doc = parse_argdown(text)
    data = {title: arg.data for title, arg in doc.arguments.items()}
    assert data["r1"] == {"argmap": "support", "scheme": "Expert Opinion"}
    assert data["paid-undercut-r1"] == {"argmap": "undercut",
                                        "scheme": "Lack Of Expert Reliability"}
    assert data["cases-support-rearm"]["scheme"] == "Argument from precedent"
    assert data["other-attack-rearm"]["scheme"] == "Argument From Difference"  # as it is
    assert len(doc.arguments) == 4      # the support without a scheme stays a relation line
    assert "[rearm]\n  <+ [plain]" in text


@pytest.mark.parametrize("edited", [False, True], ids=["own-export", "text-only"])
def test_schemes_come_back_from_the_export(edited):
    m = scheme_map()
    text = export_argdown(m)
    back = import_argdown(without_table(text) if edited else text)
    assert back.warnings == []
    assert schemes(back.map) == schemes(m)
    if not edited:              # the table keeps everything else exactly
        assert all(a.same_as(b) for a, b in zip(back.map.relations, m.relations))


HAND_WRITTEN = """
[Claim]: The ceasefire helps Russia.

<Expert>: Kofman says so. {scheme: "Argument From Expert Opinion"}
  +> [Claim]

<Bias>: He is paid by the lobby. {scheme: "Vested Interest"}
  _> <Expert>

<Goal>: A pause to rearm. {scheme: "PracticalReasoning", author: "Anna"}

(1) [Aim]: Russia wants to rebuild its army.
(2) [Means]: A pause lets it rebuild.
----
(3) [Claim]

<Two steps>

(1) [Minsk]: Minsk II gave Russia time.
-- {scheme: "Argument from Example"} --
(2) [Pattern]: Ceasefires give Russia time.
----
(3) [Again]: This one will too.

<Lone>: Nothing follows from it. {scheme: "Sign"}

<Odd>: A scheme that is no text. {scheme: 5}
  +> [Claim]

<Unknown>: Not in the catalogue. {scheme: "Argument From Waste"}
  +> [Claim]
"""


def test_hand_written_scheme_metadata_names_the_relations_scheme():
    result = import_argdown(HAND_WRITTEN, "hand.argdown")
    amap = result.map
    got = {(r.type, tuple(r.premises), r.target): r for r in amap.relations}
    assert got[("support", ("expert",), "claim")].scheme == "expert-opinion"
    assert got[("undercut", ("bias",), "expert-support-claim")].scheme == "vested-interest"
    goal = got[("support", ("aim", "means"), "claim")]
    assert goal.scheme == "practical-reasoning"
    assert goal.note == "<Goal>: A pause to rearm. | author: Anna"  # the rest: the note
    assert got[("support", ("minsk",), "pattern")].scheme == "example"  # an inference's
    assert got[("support", ("pattern",), "again")].scheme == ""
    assert got[("support", ("unknown",), "claim")].scheme == "Argument From Waste"
    # the sketched arguments' claims do not keep the scheme in their notes
    assert "scheme" not in amap.claims["expert"].note
    # what is no scheme of a relation stays in the note
    assert got[("support", ("odd",), "claim")].scheme == ""
    assert amap.claims["odd"].note.startswith("scheme: 5")
    assert amap.claims["lone"].note.startswith("scheme: Sign")


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_the_bundled_maps_keep_their_schemes_in_the_text_alone(path: Path):
    amap = load_file(str(path), resolve=False).map
    assert amap is not None
    back = import_argdown(without_table(export_argdown(amap))).map
    assert Counter(r.scheme for r in back.relations if r.scheme) == \
        Counter(r.scheme for r in amap.relations if r.scheme and r.type != "rephrase")


@pytest.mark.parametrize("edited", [False, True], ids=["own-export", "text-only"])
def test_hand_written_schemes_survive_export_and_import(edited):
    first = import_argdown(HAND_WRITTEN, "hand.argdown").map
    text = export_argdown(first)
    assert '-- {"scheme": "Example"} --' in text      # an intermediate step's, on its inference
    assert '<Goal>: A pause to rearm. {"scheme": "Practical Reasoning"}' in text
    back = import_argdown(without_table(text) if edited else text)
    assert back.warnings == []
    assert schemes(back.map) == schemes(first)


def test_a_maps_own_schemes_travel_in_the_front_matter():
    m = own_scheme_map()
    text = export_argdown(m)
    assert parse_argdown(text).arguments["r1"].data["scheme"] == "Waste"
    back = import_argdown(text).map
    assert back.schemes == m.schemes
    assert back.relations[0].same_as(m.relations[0])
