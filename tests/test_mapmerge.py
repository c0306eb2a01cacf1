"""Three-way merge of maps (argmap/mapmerge.py): clean merges, each kind of conflict,
the conflict entries in the file, resolving them (undoable), properties on random
edits of the bundled maps, and the repository's own history."""

import itertools
import shutil
import subprocess

import pytest
from conftest import DATA, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.commands import ResolveConflict
from argmap.fileformat import from_data, to_data
from argmap.mapio import load_file, load_text
from argmap.mapmerge import merge_maps
from argmap.merge_conflicts import DELETED, describe, entry_problem, is_conflict
from argmap.model import Claim, Relation, Source
from argmap.savefile import render, render_fast

EXAMPLE = DATA / "example.yaml"
TEXT = EXAMPLE.read_text(encoding="utf-8")
MAPS = sorted((ROOT / "maps").glob("*.yaml"))


def example():
    return load_file(str(EXAMPLE), resolve=False).map


def sides():
    base = example()
    return base, base.copy(), base.copy()


def rel(amap, key):
    return amap.relation_by_key(key)


def delete_claim(amap, cid):
    del amap.claims[cid]
    amap.relations = [r for r in amap.relations if cid not in r.premises and r.target != cid]


def resolve_all(amap, take):
    amap = amap.copy()
    while amap.conflicts:
        ResolveConflict(amap, 0, take).redo()
    return amap


def unordered(amap):
    """The content of a map, the order of claims, relations and sources aside."""
    s = amap.snapshot()
    s["claims"] = sorted(s["claims"], key=lambda c: c["id"])
    s["relations"] = sorted(s["relations"], key=repr)
    s["sources"] = sorted(s["sources"].items())
    s["conflicts"] = sorted(s["conflicts"], key=repr)
    return s


# -- clean merges -----------------------------------------------------------------------
def test_edits_of_different_claims_and_of_different_fields_of_one_claim_merge():
    base, ours, theirs = sides()
    ours.claims["frage"].text = "Jetzt?"
    ours.claims["aufruesten"].note = "unsere Notiz"
    theirs.claims["aufruesten"].en = "Both sides rearm."
    theirs.claims["kriegsmuede"].pos = (10.0, 20.0)
    r = merge_maps(base, ours, theirs)
    assert r.clean and r.new_conflicts == []
    m = r.map
    assert m.claims["frage"].text == "Jetzt?"
    assert (m.claims["aufruesten"].note, m.claims["aufruesten"].en) == (
        "unsere Notiz", "Both sides rearm.")
    assert m.claims["kriegsmuede"].pos == (10.0, 20.0)
    assert list(m.claims) == list(base.claims)


def test_additions_on_both_sides_merge_each_after_its_neighbour():
    base, ours, theirs = sides()
    ours.insert_claim(1, Claim("unser", text="Unser neuer Punkt."))
    ours.add_relation(Relation("support", ["unser"], "frage"))
    theirs.add_claim(Claim("ihr", text="Ihr neuer Punkt."))
    theirs.add_relation(Relation("attack", ["ihr"], "sieg-putin", id="r-ihr"))
    theirs.sources["neu"] = Source("neu", title="Neue Quelle")
    r = merge_maps(base, ours, theirs)
    assert r.clean
    assert list(r.map.claims) == ["frage", "unser", "sieg-putin", "aufruesten",
                                  "russland-benachteiligt", "kriegsmuede", "ihr"]
    assert [x.key for x in r.map.relations[-2:]] == ["unser-support-frage", "r-ihr"]
    assert list(r.map.sources) == ["kommentar-2022", "neu"]


def test_the_same_change_on_both_sides_is_one_change():
    base, ours, theirs = sides()
    for side in (ours, theirs):
        side.claims["frage"].text = "Jetzt?"
        side.add_claim(Claim("neu", text="Beide."))
        side.add_relation(Relation("support", ["neu"], "frage"))
        delete_claim(side, "kriegsmuede")
    r = merge_maps(base, ours, theirs)
    assert r.clean
    assert r.map.snapshot() == ours.snapshot()


def test_relations_header_sources_and_tag_colours_merge_field_by_field():
    base, ours, theirs = sides()
    rel(ours, "nein").note = "unsere"
    rel(theirs, "nein").type = "support"
    rel(theirs, "aufruestung").scheme = "expert-opinion"
    ours.title = "Neuer Titel"
    theirs.description = "Neue Beschreibung"
    ours.sources["kommentar-2022"].outlet = "Zeitung"
    theirs.sources["kommentar-2022"].date = "2022-11-20"
    ours.display.tag_colors["militär"] = "#000000"
    theirs.display.tag_colors["neu"] = "#ffffff"
    theirs.conclusion = {"frage": "OUT"}
    r = merge_maps(base, ours, theirs)
    assert r.clean
    m = r.map
    assert (rel(m, "nein").type, rel(m, "nein").note) == ("support", "unsere")
    assert rel(m, "aufruestung").scheme == "expert-opinion"
    assert (m.title, m.description) == ("Neuer Titel", "Neue Beschreibung")
    src = m.sources["kommentar-2022"]
    assert (src.outlet, src.date) == ("Zeitung", "2022-11-20")
    assert m.display.tag_colors == {"militär": "#000000", "verhandlungen": "#f28e2b",
                                    "neu": "#ffffff"}
    assert m.conclusion == {"frage": "OUT"}


def test_a_claim_deleted_on_one_side_and_untouched_on_the_other_goes_with_its_relations():
    base, ours, theirs = sides()
    delete_claim(ours, "kriegsmuede")
    theirs.claims["frage"].note = "Notiz"
    r = merge_maps(base, ours, theirs)
    assert r.clean
    assert "kriegsmuede" not in r.map.claims
    assert [x.key for x in r.map.relations] == ["nein", "aufruestung"]


def test_a_rename_on_one_side_takes_the_other_sides_edits_along():
    base, ours, theirs = sides()
    ours.claims = {("westen-muede" if k == "kriegsmuede" else k): c
                   for k, c in ours.claims.items()}
    ours.claims["westen-muede"].id = "westen-muede"
    ours.relations[2].premises = ["westen-muede"]
    theirs.claims["kriegsmuede"].text = "Der Westen ist müde."
    rel(theirs, "kriegsmuede-undercut-aufruestung").note = "neu"
    r = merge_maps(base, ours, theirs)
    assert r.clean, r.map.conflicts
    assert "kriegsmuede" not in r.map.claims
    assert r.map.claims["westen-muede"].text == "Der Westen ist müde."
    assert rel(r.map, "westen-muede-undercut-aufruestung").note == "neu"


# -- conflicts ----------------------------------------------------------------------------
def test_the_same_field_changed_two_ways_is_a_conflict_and_the_map_holds_ours():
    base, ours, theirs = sides()
    ours.claims["frage"].text = "Unsere Frage?"
    theirs.claims["frage"].text = "Ihre Frage?"
    ours.claims["frage"].tags = ["a"]
    theirs.claims["frage"].tags = ["b"]
    r = merge_maps(base, ours, theirs)
    assert not r.clean
    assert r.map.conflicts == [
        {"claim": "frage", "field": "text", "ours": "Unsere Frage?", "theirs": "Ihre Frage?"},
        {"claim": "frage", "field": "tags", "ours": ["a"], "theirs": ["b"]}]
    assert r.map.claims["frage"].text == "Unsere Frage?"
    assert describe(r.map.conflicts[0]) == (
        "claim frage text: ours 'Unsere Frage?', theirs 'Ihre Frage?'")


def test_a_claim_deleted_on_one_side_and_edited_or_connected_on_the_other():
    base, ours, theirs = sides()
    delete_claim(ours, "kriegsmuede")
    theirs.claims["kriegsmuede"].text = "Der Westen ist müde."
    delete_claim(theirs, "russland-benachteiligt")
    ours.add_relation(Relation("attack", ["russland-benachteiligt"], "frage"))
    r = merge_maps(base, ours, theirs)
    by_claim = {e["claim"]: e for e in r.map.conflicts}
    gone = by_claim["kriegsmuede"]
    assert gone["ours"] == DELETED and gone["theirs"]["text"] == "Der Westen ist müde."
    assert gone["relations"] == {"ours": [], "theirs": [
        {"type": "undercut", "from": "kriegsmuede", "to": "aufruestung",
         "note": "Ohne westliche Hilfe hilft auch Aufrüstung nicht."}]}
    kept = by_claim["russland-benachteiligt"]
    assert kept["theirs"] == DELETED and kept["ours"]["text"].startswith("Russland")
    assert [x["type"] for x in kept["relations"]["ours"]] == ["support", "attack"]
    # the map: ours' side of both
    assert "kriegsmuede" not in r.map.claims and "russland-benachteiligt" in r.map.claims
    assert [x.key for x in r.map.relations] == ["nein", "aufruestung",
                                                "russland-benachteiligt-attack-frage"]


def test_two_different_claims_added_under_one_id():
    base, ours, theirs = sides()
    ours.add_claim(Claim("neu", text="Unser neuer Punkt."))
    ours.add_relation(Relation("support", ["neu"], "frage"))
    theirs.add_claim(Claim("neu", text="Ihr neuer Punkt."))
    theirs.add_relation(Relation("attack", ["neu"], "frage"))
    r = merge_maps(base, ours, theirs)
    [entry] = r.map.conflicts
    assert entry["claim"] == "neu"
    assert (entry["ours"], entry["theirs"]) == ({"text": "Unser neuer Punkt."},
                                                {"text": "Ihr neuer Punkt."})
    assert entry["relations"] == {"ours": [{"type": "support", "from": "neu", "to": "frage"}],
                                  "theirs": [{"type": "attack", "from": "neu", "to": "frage"}]}
    assert r.map.claims["neu"].text == "Unser neuer Punkt."
    assert rel(r.map, "neu-attack-frage") is None
    assert "two different claims under the id neu" in describe(entry)


def test_relation_source_and_header_conflicts():
    base, ours, theirs = sides()
    rel(ours, "nein").type = "support"
    rel(theirs, "nein").note = "ihre"
    rel(theirs, "nein").type = "undercut"
    ours.relations.remove(rel(ours, "aufruestung"))
    rel(theirs, "aufruestung").note = "geändert"
    ours.sources["kommentar-2022"].date = "2022"
    theirs.sources["kommentar-2022"].date = "2023"
    ours.title, theirs.title = "Unser Titel", "Ihr Titel"
    ours.display.tag_colors["militär"] = "#000000"
    del theirs.display.tag_colors["militär"]
    r = merge_maps(base, ours, theirs)
    assert r.map.conflicts == [
        {"header": "title", "ours": "Unser Titel", "theirs": "Ihr Titel"},
        {"header": "tags", "key": "militär", "ours": "#000000", "theirs": DELETED},
        {"source": "kommentar-2022", "field": "date", "ours": "2022", "theirs": "2023"},
        {"relation": "nein", "field": "type", "ours": "support", "theirs": "undercut"},
        {"relation": "aufruestung", "ours": DELETED,
         "theirs": {"id": "aufruestung", "type": "support",
                    "from": ["aufruesten", "russland-benachteiligt"], "to": "sieg-putin",
                    "note": "geändert"}}]
    m = r.map
    assert (rel(m, "nein").type, rel(m, "nein").note) == ("support", "ihre")
    assert rel(m, "aufruestung") is None and m.title == "Unser Titel"


def test_a_source_deleted_on_one_side_and_cited_on_the_other():
    base, ours, theirs = sides()
    ours.sources["zweite"] = Source("zweite", title="Zweite")
    base.sources["zweite"] = Source("zweite", title="Zweite")
    theirs.sources["zweite"] = Source("zweite", title="Zweite")
    del ours.sources["zweite"]
    theirs.claims["frage"].source = "zweite"
    r = merge_maps(base, ours, theirs)
    assert r.map.conflicts == [{"source": "zweite", "ours": DELETED,
                                "theirs": {"title": "Zweite"}}]
    ResolveConflict(r.map, 0, "theirs").redo()
    assert r.map.sources["zweite"].title == "Zweite" and not r.map.conflicts


# -- the conflicts in the file ---------------------------------------------------------------
def conflicting():
    base, ours, theirs = sides()
    ours.claims["frage"].text = "Unsere Frage?"
    theirs.claims["frage"].text = "Ihre Frage?"
    delete_claim(ours, "kriegsmuede")
    theirs.claims["kriegsmuede"].note = "Ihre Notiz."
    rel(ours, "nein").type = "support"
    rel(theirs, "nein").type = "undercut"
    return base, ours, theirs


def test_the_conflicts_are_saved_read_back_and_checked_as_errors_at_their_line(tmp_path):
    r = merge_maps(*conflicting())
    text = render_fast(r.map, TEXT)
    assert "# Kofman's argument\n" in text            # OURS' comments stay
    assert text.index("conflicts:\n  - claim: frage\n") > text.index("relations:")
    assert render(r.map, TEXT) == text
    path = tmp_path / "merged.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_file(str(path), resolve=False)
    assert loaded.map.conflicts == r.map.conflicts
    assert loaded.map.snapshot() == r.map.snapshot()
    errors = [d for d in loaded.diagnostics if is_conflict(d)]
    lines = text.splitlines()
    assert len(errors) == 3 and all(d.is_error for d in errors)
    for d in errors:
        assert lines[d.line - 1][d.column - 1:].split(":")[0] in ("claim", "relation")
    assert errors[0].message == (
        "merge conflict: claim frage text: ours 'Unsere Frage?', theirs 'Ihre Frage?'; "
        "the map holds ours: keep it or take theirs, and delete this entry")
    assert errors[0].subject == "frage"
    assert "claim kriegsmuede deleted in ours, changed or used in theirs" in errors[1].message
    # the map was read completely: the app saves it in place while conflicts are resolved
    assert loaded.read_completely


def test_an_entry_written_by_hand_that_is_not_a_conflict_is_an_error_too(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(TEXT + "conflicts:\n  - {claim: frage, ours: x}\n  - 3\n", encoding="utf-8")
    loaded = load_file(str(path), resolve=False)
    errors = [d for d in loaded.diagnostics if is_conflict(d)]
    n = TEXT.count("\n")
    assert [(d.line, d.column) for d in errors] == [(n + 2, 5), (n + 3, 5)]
    assert "'theirs' is missing" in errors[0].message
    assert loaded.map.conflicts == [{"claim": "frage", "ours": "x"}, 3]   # kept as written
    assert entry_problem(3) and entry_problem({"claim": "a", "ours": DELETED,
                                               "theirs": DELETED})
    with pytest.raises(ValueError, match="cannot be resolved"):
        ResolveConflict(loaded.map, 0, "theirs")


# -- resolving ---------------------------------------------------------------------------
def test_resolving_each_conflict_is_one_undoable_step():
    r = merge_maps(*conflicting())
    m = r.map
    before = m.snapshot()
    seen = []
    m.header_changed.connect(seen.append)
    cmd = ResolveConflict(m, 0, "theirs")
    assert m.snapshot() == before                      # made, not done
    cmd.redo()
    assert m.claims["frage"].text == "Ihre Frage?" and len(m.conflicts) == 2
    assert "conflicts" in seen
    cmd.undo()
    assert m.snapshot() == before
    cmd.redo()
    ResolveConflict(m, 0, "theirs").redo()              # the deleted claim comes back
    assert m.claims["kriegsmuede"].note == "Ihre Notiz."
    assert rel(m, "kriegsmuede-undercut-aufruestung") is not None
    keep = ResolveConflict(m, 0, "ours")
    keep.redo()
    assert rel(m, "nein").type == "support" and m.conflicts == []
    keep.undo()
    assert len(m.conflicts) == 1
    with pytest.raises(IndexError):
        ResolveConflict(m, 5, "ours")
    with pytest.raises(ValueError):
        ResolveConflict(m, 0, "mine")


def test_once_resolved_the_saved_file_has_no_conflicts_left():
    r = merge_maps(*conflicting())
    text = render_fast(r.map, TEXT)
    m = load_text(text, "m.yaml", resolve=False).map
    assert m.snapshot() == from_data(to_data(r.map)).snapshot()
    while m.conflicts:
        ResolveConflict(m, 0, "ours").redo()
    saved = render_fast(m, text)
    assert "conflicts" not in saved
    loaded = load_text(saved, "m.yaml", resolve=False)
    assert not any(is_conflict(d) for d in loaded.diagnostics)


def test_taking_theirs_for_a_relation_without_id_follows_its_new_key():
    base, ours, theirs = sides()
    key = "kriegsmuede-undercut-aufruestung"
    mine, yours = rel(ours, key), rel(theirs, key)
    mine.premises, mine.note = ["kriegsmuede", "frage"], "unsere"
    yours.premises, yours.note = ["kriegsmuede", "sieg-putin"], "ihre"
    m = merge_maps(base, ours, theirs).map
    assert [(e["relation"], e["field"]) for e in m.conflicts] == [
        ("kriegsmuede+frage-undercut-aufruestung", "from"),
        ("kriegsmuede+frage-undercut-aufruestung", "note")]
    ResolveConflict(m, 0, "theirs").redo()
    assert m.conflicts[0]["relation"] == "kriegsmuede+sieg-putin-undercut-aufruestung"
    ResolveConflict(m, 0, "theirs").redo()
    assert rel(m, "kriegsmuede+sieg-putin-undercut-aufruestung").note == "ihre"


# -- properties ------------------------------------------------------------------------------
BUNDLED = {p.name: load_file(str(p), resolve=False).map for p in MAPS}
BUNDLED["example.yaml"] = example()
NAMES = sorted(BUNDLED)


def apply_edit(amap, base, op, i, j, text):
    """One edit of ``amap`` named by the ids of ``base`` (so that it can be made on
    any version that still has them)."""
    ids = list(base.claims)
    cid, other = ids[i % len(ids)], ids[j % len(ids)]
    rels = base.relations
    r = next((x for x in amap.relations if rels and x.same_as(rels[i % len(rels)])), None)
    if op == 0 and cid in amap.claims:
        amap.claims[cid].text = text
    elif op == 1 and cid in amap.claims:
        amap.claims[cid].pos = (float(i), float(j))
    elif op == 2 and cid in amap.claims:
        amap.claims[cid].tags = [text[:5]]
    elif op == 3 and cid in amap.claims:
        delete_claim(amap, cid)
    elif op == 4:
        new = Claim(f"neu-{cid}-{text[:3].strip() or 'x'}", text=text)
        if new.id not in amap.claims:
            amap.claims[new.id] = new
            if cid in amap.claims:
                amap.relations.append(Relation("support", [new.id], cid))
    elif op == 5 and r is not None and r.type != "undercut":
        r.type = "attack" if r.type == "support" else "support"
    elif op == 6 and r is not None:
        r.note = text
    elif op == 7 and r is not None:
        amap.relations.remove(r)
    elif op == 8 and cid in amap.claims and other in amap.claims and cid != other:
        amap.relations.append(Relation("attack", [cid], other))
    elif op == 9:
        amap.title = text
    elif op == 10 and cid in amap.claims:
        amap.claims[cid].note = text
    elif op == 11:
        amap.sources[f"q-{text[:2].strip() or 'x'}"] = Source(f"q-{text[:2].strip() or 'x'}",
                                                              title=text)


def edited(base, changes):
    out = base.copy()
    for change in changes:
        apply_edit(out, base, *change)
    return out


edit = st.tuples(st.integers(0, 11), st.integers(0, 500), st.integers(0, 500),
                 st.text(alphabet="abcäöüß „“ ", min_size=1, max_size=12))
edits = st.lists(edit, min_size=1, max_size=6)
#: edits of the first few claims and relations: both sides often touch the same ones
near = st.lists(st.tuples(st.integers(0, 11), st.integers(0, 5), st.integers(0, 5),
                          st.text(alphabet="abc ", min_size=1, max_size=4)),
                min_size=1, max_size=6)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(name=st.sampled_from(NAMES), changes=edits)
def test_merging_one_sides_edits_with_the_base_gives_that_side(name, changes):
    base = BUNDLED[name]
    x = edited(base, changes)
    for r in (merge_maps(base, x, base), merge_maps(base, base, x)):
        assert r.clean
        assert r.map.snapshot() == x.snapshot()


RELATION_OPS = (5, 6, 7)


def _own(base, changes, parity):
    """The edits of one side: of the claims whose index has this parity, of the
    relations between those claims (none that an undercut targets), and, for the
    first side only, of the header and the sources; two sides' edits never overlap."""
    ids = list(base.claims)
    mine = set(ids[parity::2])
    targeted = {r.target for r in base.relations if r.type == "undercut"}
    own = [n for n, r in enumerate(base.relations)
           if set(r.premises) | {r.target} <= mine and r.key not in targeted]
    out = []
    for op, i, j, text in changes:
        if op in (9, 11) and parity:
            continue
        if op in RELATION_OPS:
            if not own:
                continue
            i = own[i % len(own)]
        else:
            i = 2 * (i // 2) + parity
        out.append((op, i, 2 * (j // 2) + parity, text))
    return out


@SETTINGS
@given(name=st.sampled_from(NAMES), a=edits, b=edits)
def test_edits_that_do_not_overlap_are_both_applied(name, a, b):
    base = BUNDLED[name]
    if len(base.claims) % 2:                 # i % n keeps the parity of i
        base = base.copy()
        base.claims["extra"] = Claim("extra", text="Extra")
    a, b = _own(base, a, 0), _own(base, b, 1)
    ours, theirs = edited(base, a), edited(base, b)
    both = ours.copy()
    for change in b:
        apply_edit(both, base, *change)
    r = merge_maps(base, ours, theirs)
    assert r.clean, r.map.conflicts
    assert unordered(r.map) == unordered(both)


@SETTINGS
@given(name=st.sampled_from(NAMES), a=st.one_of(edits, near), b=st.one_of(edits, near))
def test_merge_is_symmetric_up_to_the_sides_of_its_conflicts(name, a, b):
    base = BUNDLED[name]
    ours, theirs = edited(base, a), edited(base, b)
    r1, r2 = merge_maps(base, ours, theirs), merge_maps(base, theirs, ours)
    swap = [{**e, "ours": e["theirs"], "theirs": e["ours"]} for e in r1.new_conflicts]
    for e in swap:
        if "relations" in e:
            e["relations"] = {"ours": e["relations"]["theirs"], "theirs": e["relations"]["ours"]}
    assert sorted(map(repr, swap)) == sorted(map(repr, r2.new_conflicts))
    assert unordered(resolve_all(r1.map, "ours")) == unordered(resolve_all(r2.map, "theirs"))
    assert unordered(resolve_all(r1.map, "theirs")) == unordered(resolve_all(r2.map, "ours"))
    # what is written reads back as it was merged
    back = load_text(render(r1.map, None), "m.yaml", resolve=False)
    assert back.map.snapshot() == r1.map.snapshot()


# -- the repository's own history ----------------------------------------------------------
def _git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=60).stdout


def _history(name):
    if shutil.which("git") is None or subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"], cwd=ROOT, capture_output=True,
            check=False).returncode != 0:
        pytest.skip("not in a git checkout: the maps' history is not at hand")
    revs = _git("log", "--format=%H", "--", f"maps/{name}").split()[::-1]
    if len(revs) < 2:
        pytest.skip(f"maps/{name} has a single version")
    texts = [_git("show", f"{rev}:maps/{name}") for rev in revs]
    return texts, [load_text(t, name, resolve=False).map for t in texts]


@pytest.mark.parametrize("name", [p.name for p in MAPS])
def test_the_versions_of_the_bundled_maps_merge_as_their_history_says(name):
    texts, maps = _history(name)
    for i, j in itertools.combinations(range(len(maps)), 2):
        a, b = maps[i], maps[j]
        kept = merge_maps(a, b, a)
        assert kept.clean and kept.map.snapshot() == b.snapshot()
        assert render_fast(kept.map, texts[j]) == texts[j]     # not a byte changed
        taken = merge_maps(a, a, b)
        assert taken.clean and taken.map.snapshot() == b.snapshot()
        # written over the older text: a new order of the claims is carried too
        again = load_text(render_fast(taken.map, texts[i]), name, resolve=False)
        assert again.map.snapshot() == b.snapshot()
    # a later version holds the earlier one's edits: merged with them, it stays itself,
    # unless it changed again what the earlier one changed (then that is a conflict,
    # and the map holds ours)
    for i, j, k in itertools.combinations(range(len(maps)), 3):
        for ours, theirs in ((j, k), (k, j)):
            r = merge_maps(maps[i], maps[ours], maps[theirs])
            if r.clean:
                assert r.map.snapshot() == maps[k].snapshot()
            else:
                assert r.map.conflicts


def test_a_new_order_on_one_side_is_carried_and_an_untouched_side_gives_the_others_text(
        tmp_path):
    import subprocess
    import sys

    base = load_text(TEXT, "m.yaml").map
    order = list(base.claims)[::-1]
    theirs = base.copy()
    theirs.claims = {cid: theirs.claims[cid] for cid in order}
    ours = base.copy()
    first = order[-1]
    ours.claims[first].text = "Neu von uns"
    merged = merge_maps(base, ours, theirs)
    assert merged.clean and list(merged.map.claims) == order
    for write in (render, render_fast):
        back = load_text(write(merged.map, TEXT), "m.yaml").map
        assert list(back.claims) == order and back.claims[first].text == "Neu von uns"
    # OURS untouched: OUT is THEIRS' text to the byte (its comments with it)
    files = {}
    for name, text in (("base", TEXT), ("ours", TEXT), ("theirs", "# ihre Fassung\n"
                                                      + render(theirs, None))):
        files[name] = tmp_path / f"{name}.yaml"
        files[name].write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    run = subprocess.run([sys.executable, "-m", "argmap", "merge", str(files["base"]),
                          str(files["ours"]), str(files["theirs"]), "-o", str(out)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8") == files["theirs"].read_text(encoding="utf-8")
