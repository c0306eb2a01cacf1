"""``argmap diff``: claim-level differences, replayed exactly, on the command line
and as git's diff driver."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import DATA, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.mapdiff import diff_maps
from argmap.mapio import load_file, load_text
from argmap.model import Claim, Relation

EXAMPLE = DATA / "example.yaml"
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
HAS_GIT = shutil.which("git") is not None


def example():
    return load_file(str(EXAMPLE), resolve=False).map


def replays(a, b):
    """diff(a, b) applied to a gives b, and the other way round; the diff of a with
    itself is empty."""
    d = diff_maps(a, b)
    assert d.apply(a).snapshot() == b.snapshot()
    assert diff_maps(b, a).apply(b).snapshot() == a.snapshot()
    assert diff_maps(a, a).empty and diff_maps(b, b).empty
    json.dumps(d.to_json())
    return d


def rel(amap, key):
    return amap.relation_by_key(key)


# -- claims ------------------------------------------------------------------------
def test_the_same_map_has_no_difference():
    a = example()
    d = diff_maps(a, a.copy())
    assert d.empty and d.count() == 0
    assert d.to_json()["equal"] is True


@pytest.mark.parametrize("name, value", [
    ("text", "Der Westen wird müde."), ("en", "The West tires."), ("quote", "nachlassenden"),
    ("speaker", "Michael Kofman"), ("source", ""), ("kind", "evidence"),
    ("tags", ["militär", "westen"]), ("note", "Neu."), ("base", 0.8),
    ("ref", "other.yaml#x"),
])
def test_each_changed_claim_field_is_named_with_old_and_new(name, value):
    a = example()
    b = a.copy()
    old = getattr(b.claims["kriegsmuede"], name)
    setattr(b.claims["kriegsmuede"], name, value)
    d = replays(a, b)
    assert [c.id for c in d.claims_changed] == ["kriegsmuede"]
    [change] = d.claims_changed[0].changes
    assert (change.field, change.old, change.new) == (name, old, value)
    assert not (d.claims_added or d.claims_removed or d.claims_moved or d.relations_changed)


def test_a_move_is_reported_apart_from_changes():
    a = example()
    b = a.copy()
    b.claims["kriegsmuede"].pos = (10.0, 20.0)
    b.claims["frage"].pos = (1.0, 2.0)
    d = replays(a, b)
    assert not d.claims_changed
    assert [(m.id, m.old, m.new) for m in d.claims_moved] == [
        ("frage", None, (1.0, 2.0)), ("kriegsmuede", (660.0, 150.0), (10.0, 20.0))]


def test_claims_added_and_removed():
    a = example()
    b = a.copy()
    b.insert_claim(1, Claim("neu", text="Eine neue Aussage über die Ukraine."))
    b.remove_claim("kriegsmuede")
    b.relations = [r for r in b.relations if "kriegsmuede" not in r.premises]
    d = replays(a, b)
    assert [c.id for c in d.claims_added] == ["neu"]
    assert [c.id for c in d.claims_removed] == ["kriegsmuede"]
    assert [r.premises for _, r in d.relations_removed] == [["kriegsmuede"]]
    assert d.claim_order is None        # an insertion is not a reordering


def test_a_new_id_with_the_same_content_is_a_rename_and_its_relations_follow():
    a = example()
    b = a.copy()
    claims = list(b.claims.values())
    for c in claims:
        if c.id == "kriegsmuede":
            c.id = "westen-muede"
    b.claims = {c.id: c for c in claims}
    for r in b.relations:
        r.premises = ["westen-muede" if p == "kriegsmuede" else p for p in r.premises]
    d = replays(a, b)
    assert [(r.old_id, r.new_id) for r in d.claims_renamed] == [("kriegsmuede", "westen-muede")]
    assert not (d.claims_added or d.claims_removed or d.claims_changed)
    assert not (d.relations_added or d.relations_removed or d.relations_changed)
    assert d.count() == 1


def test_a_renamed_premise_of_a_relation_an_undercut_targets_by_its_key():
    a = example()
    a.relations.append(Relation("support", ["kriegsmuede"], "frage"))
    a.relations.append(Relation("undercut", ["sieg-putin"], "kriegsmuede-support-frage"))
    # and an undercut of the undercut that names the renamed claim in its key
    a.relations.append(Relation("undercut", ["frage"], "kriegsmuede-undercut-aufruestung"))
    b = a.copy()
    b.claims = {("muede" if k == "kriegsmuede" else k): c for k, c in b.claims.items()}
    b.claims["muede"].id = "muede"
    b.relations[2].premises = ["muede"]
    b.relations[3].premises = ["muede"]
    b.relations[4].target = "muede-support-frage"
    b.relations[5].target = "muede-undercut-aufruestung"
    d = replays(a, b)
    assert len(d.claims_renamed) == 1 and not d.relations_changed
    assert d.count() == 1


def test_a_renamed_and_reworded_claim_is_removed_and_added():
    a = example()
    b = a.copy()
    b.claims = {("muede" if k == "kriegsmuede" else k): c for k, c in b.claims.items()}
    b.claims["muede"].id, b.claims["muede"].text = "muede", "Anders."
    d = replays(a, b)
    assert [c.id for c in d.claims_added] == ["muede"]
    assert [c.id for c in d.claims_removed] == ["kriegsmuede"]


def test_claims_reordered():
    a = example()
    b = a.copy()
    b.claims = dict(reversed(list(b.claims.items())))
    d = replays(a, b)
    assert d.claim_order == list(b.claims) and d.count() == 1


# -- relations ---------------------------------------------------------------------
def test_a_relation_retyped():
    a = example()
    b = a.copy()
    rel(b, "nein").type = "support"
    d = replays(a, b)
    [rc] = d.relations_changed
    assert rc.kinds == ["type"] and (rc.changes[0].old, rc.changes[0].new) == ("attack", "support")


def test_a_relation_without_id_retyped_is_matched_by_its_endpoints():
    a = example()
    a.relations.append(Relation("support", ["kriegsmuede"], "frage"))
    b = a.copy()
    b.relations[-1].type = "attack"
    d = replays(a, b)
    assert [rc.kinds for rc in d.relations_changed] == [["type"]]
    assert not (d.relations_added or d.relations_removed)


def test_a_relation_reversed():
    a = example()
    a.relations.append(Relation("support", ["kriegsmuede"], "frage"))
    b = a.copy()
    b.relations[-1].premises, b.relations[-1].target = ["frage"], "kriegsmuede"
    d = replays(a, b)
    [rc] = d.relations_changed
    assert rc.kinds == ["reversed"]
    assert rc.changes[0].old == "kriegsmuede -> frage"


def test_premises_changed_and_note_changed():
    a = example()
    b = a.copy()
    rel(b, "aufruestung").premises.append("kriegsmuede")
    rel(b, "nein").note = "Nein."
    d = replays(a, b)
    kinds = {rc.new.key: rc.kinds for rc in d.relations_changed}
    assert kinds == {"aufruestung": ["premises"], "nein": ["note"]}


def test_premises_changed_of_a_relation_without_id():
    a = example()
    a.relations.append(Relation("attack", ["kriegsmuede"], "sieg-putin"))
    b = a.copy()
    b.relations[-1].premises = ["kriegsmuede", "frage"]
    d = replays(a, b)
    assert [rc.kinds for rc in d.relations_changed] == [["premises"]]


def test_relations_added_removed_and_an_id_given():
    a = example()
    b = a.copy()
    b.insert_relation(0, Relation("attack", ["kriegsmuede"], "frage", "neu"))
    b.relations = [r for r in b.relations if r.id != "nein"]
    b.relations[-1].id = "unterschnitt"
    d = replays(a, b)
    assert [r.id for r in d.relations_added] == ["neu"]
    assert [r.id for _, r in d.relations_removed] == ["nein"]
    assert [rc.kinds for rc in d.relations_changed] == [["id"]]
    assert d.relation_order is None


def test_scheme_roles_questions_and_answers_changed():
    a = example()
    b = a.copy()
    r = rel(b, "aufruestung")
    r.scheme, r.roles = "expert-opinion", {"aufruesten": "assertion"}
    r.questions = {"reliability": "yes"}
    b.relations.append(Relation("attack", ["kriegsmuede"], "sieg-putin",
                                answers={"aufruestung": "reliability"}))
    d = replays(a, b)
    [rc] = d.relations_changed
    assert rc.kinds == ["scheme", "roles", "questions"]
    assert rc.changes[1].old == {} and rc.changes[1].new == {"aufruesten": "assertion"}
    assert [r.answers for r in d.relations_added] == [{"aufruestung": "reliability"}]
    assert d.to_json()["relations"]["changed"][0]["new"]["scheme"] == "expert-opinion"


def test_a_rename_is_followed_into_roles_and_answers():
    a = example()
    a.relations.append(Relation("support", ["kriegsmuede"], "frage", scheme="expert-opinion",
                                roles={"kriegsmuede": "assertion"}))
    a.relations.append(Relation("attack", ["sieg-putin"], "frage",
                                answers={"kriegsmuede-support-frage": "reliability"}))
    b = a.copy()
    b.claims = {("muede" if k == "kriegsmuede" else k): c for k, c in b.claims.items()}
    b.claims["muede"].id = "muede"
    b.relations[2].premises = ["muede"]
    b.relations[3].premises, b.relations[3].roles = ["muede"], {"muede": "assertion"}
    b.relations[4].answers = {"muede-support-frage": "reliability"}
    d = replays(a, b)
    assert len(d.claims_renamed) == 1 and not d.relations_changed


def test_relations_reordered():
    a = example()
    b = a.copy()
    b.relations.reverse()
    d = replays(a, b)
    assert d.relation_order is not None and d.count() == 1


# -- header and sources ----------------------------------------------------------------
def test_header_and_sources_changed():
    a = example()
    b = a.copy()
    b.title, b.display.direction = "Waffenruhe jetzt?", "LR"
    b.conclusion = {"frage": "OUT"}
    b.sources["kommentar-2022"].date = "2022-12"
    b.sources["neu"] = type(b.sources["kommentar-2022"])("neu", title="Neue Quelle")
    d = replays(a, b)
    assert [c.field for c in d.header] == ["title", "conclusion", "direction"]
    assert [(c.field, c.old, c.new) for c in d.sources_changed[0].changes] == [
        ("date", "2022-11", "2022-12")]
    assert [s.id for s in d.sources_added] == ["neu"]
    del b.sources["kommentar-2022"]
    assert [s.id for s in replays(a, b).sources_removed] == ["kommentar-2022"]


# -- properties ------------------------------------------------------------------------
BUNDLED = {p.name: load_file(str(p), resolve=False).map for p in MAPS}


def edit(amap, op, i, j, text):
    """One random edit of ``amap`` (in place)."""
    ids = list(amap.claims)
    if not ids:
        return
    cid, other = ids[i % len(ids)], ids[j % len(ids)]
    rels = amap.relations
    r = rels[i % len(rels)] if rels else None
    if op == 0:
        amap.claims[cid].text = text
    elif op == 1:
        amap.claims[cid].pos = (float(i), float(j))
    elif op == 2:
        amap.claims[cid].tags = [text[:5]]
    elif op == 3:                               # removed with its relations
        del amap.claims[cid]
        amap.relations = [x for x in rels if cid not in x.premises and x.target != cid]
    elif op == 4:
        items = list(amap.claims.items())
        new = Claim(f"neu-{i}-{j}", text=text)
        if new.id not in amap.claims:
            items.insert(j % (len(items) + 1), (new.id, new))
            amap.claims = dict(items)
    elif op == 5:                               # renamed, relations following
        new_id = f"{cid}-x"
        if new_id in amap.claims:
            return
        amap.claims = {(new_id if k == cid else k): c for k, c in amap.claims.items()}
        amap.claims[new_id].id = new_id
        for x in rels:
            x.premises = [new_id if p == cid else p for p in x.premises]
            if x.target == cid:
                x.target = new_id
    elif op == 6 and r is not None and r.type != "undercut":
        r.type = "attack" if r.type == "support" else "support"
    elif op == 7 and r is not None and len(r.premises) == 1 and r.type != "undercut":
        r.premises, r.target = [r.target], r.premises[0]
    elif op == 8 and r is not None:
        rels.remove(r)
    elif op == 9:
        rels.insert(j % (len(rels) + 1), Relation("support", [cid], other))
    elif op == 10 and r is not None:
        r.note = text
    elif op == 11:
        amap.title = text
    elif op == 12 and len(ids) > 1:             # two claims swap places
        items = list(amap.claims.items())
        a, b = i % len(items), j % len(items)
        items[a], items[b] = items[b], items[a]
        amap.claims = dict(items)
    elif op == 13 and r is not None and r.type != "undercut" and cid not in r.premises:
        r.premises = r.premises + [cid]
    elif op == 14 and r is not None and r.type != "undercut":
        r.scheme = "expert-opinion"
        r.roles = {r.premises[0]: "assertion"}
        r.questions = {"reliability": "yes" if i % 2 else "open"}
    elif op == 15 and r is not None and rels:
        r.answers = {rels[j % len(rels)].key: "reliability"}


edits = st.lists(st.tuples(st.integers(0, 15), st.integers(0, 500), st.integers(0, 500),
                           st.text(alphabet="abcäöüß „“ ", min_size=1, max_size=12)),
                 min_size=1, max_size=8)


@given(name=st.sampled_from(sorted(BUNDLED)))
def test_a_map_has_no_difference_with_itself(name):
    amap = BUNDLED[name]
    assert diff_maps(amap, amap).empty
    assert diff_maps(amap, amap.copy()).empty


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(BUNDLED)), changes=edits)
def test_applying_the_difference_of_random_edits_gives_the_edited_map(name, changes):
    a = BUNDLED[name]
    b = a.copy()
    for change in changes:
        edit(b, *change)
    d = replays(a, b)
    assert d.empty == (a.snapshot() == b.snapshot())


# -- the repository's own history ------------------------------------------------------
def _git(*args, cwd=ROOT, check=True):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          check=check, timeout=60)


def _in_git_checkout():
    return HAS_GIT and _git("rev-parse", "--is-inside-work-tree", check=False).returncode == 0


@pytest.mark.parametrize("name", [p.name for p in MAPS])
def test_every_consecutive_pair_of_versions_of_the_bundled_maps_replays(name):
    if not _in_git_checkout():
        pytest.skip("not in a git checkout: the maps' history is not at hand")
    revs = _git("log", "--format=%H", "--", f"maps/{name}").stdout.split()
    if len(revs) < 2:
        pytest.skip(f"maps/{name} has a single version")
    versions = []
    for rev in reversed(revs):
        text = _git("show", f"{rev}:maps/{name}").stdout
        loaded = load_text(text, f"{rev[:8]}:maps/{name}", resolve=False)
        assert loaded.read_completely, loaded.diagnostics
        versions.append(loaded.map)
    for a, b in zip(versions, versions[1:]):
        d = replays(a, b)
        assert not d.empty


# -- the command line ------------------------------------------------------------------
def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def _edited_example():
    return EXAMPLE.read_text(encoding="utf-8").replace(
        "text: Der Westen wird des Krieges müde.", "text: Der Westen wird müde.")


def test_cli_exit_status_and_text(tmp_path, capsys):
    new = _write(tmp_path / "new.yaml", _edited_example())
    assert main(["diff", str(EXAMPLE), str(EXAMPLE)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["diff", str(EXAMPLE), new]) == 1
    out = capsys.readouterr().out
    assert "claims\n  ~ kriegsmuede\n    text:\n" in out
    assert '      - "Der Westen wird des Krieges müde."\n' in out      # as it is written
    assert '      + "Der Westen wird müde."\n' in out
    assert "\033[" not in out                                           # not a terminal
    assert main(["diff", "--color", "always", str(EXAMPLE), new]) == 1
    out = capsys.readouterr().out
    assert '\033[31m      - "Der Westen wird des Krieges müde."\033[0m' in out
    assert '\033[32m      + "Der Westen wird müde."\033[0m' in out
    assert "\033[33m  ~ kriegsmuede\033[0m" in out


def test_cli_json(tmp_path, capsys):
    new = _write(tmp_path / "new.yaml", _edited_example())
    assert main(["diff", "--format", "json", str(EXAMPLE), new]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["equal"] is False
    assert data["claims"]["changed"] == [{"id": "kriegsmuede", "changes": [
        {"field": "text", "old": "Der Westen wird des Krieges müde.",
         "new": "Der Westen wird müde."}]}]
    assert main(["diff", "--format", "json", str(EXAMPLE), str(EXAMPLE)]) == 0
    assert json.loads(capsys.readouterr().out)["equal"] is True


def test_cli_a_bad_file_is_exit_2_with_its_line_and_column(tmp_path, capsys):
    bad = _write(tmp_path / "bad.yaml", "argmap: 1\ntitle: T\nclaims:\n  a: {text: A}\n"
                 "  a: {text: B}\n")
    assert main(["diff", str(EXAMPLE), bad]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:5:3: error: duplicate key 'a'" in err and "Traceback" not in err
    assert main(["diff", str(EXAMPLE), str(tmp_path / "missing.yaml")]) == 2
    assert "cannot read file" in capsys.readouterr().err
    schema = _write(tmp_path / "schema.yaml", "argmap: 1\ntitle: T\nclaims:\n  a:\n"
                    "    text: A\n    kind: banana\n")
    assert main(["diff", schema, str(EXAMPLE)]) == 2
    assert f"{schema}:6:" in capsys.readouterr().err


def test_cli_dev_null_is_an_empty_map(capsys):
    assert main(["diff", os.devnull, str(EXAMPLE)]) == 1
    out = capsys.readouterr().out
    assert "  + kriegsmuede: " in out and "  + nein: sieg-putin attack frage" in out


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository with two commits of a map, the current folder."""
    if not HAS_GIT:
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)
    _git("init", "-q", cwd=tmp_path)
    _git("config", "user.name", "Test", cwd=tmp_path)
    _git("config", "user.email", "test@example.org", cwd=tmp_path)
    (tmp_path / "maps").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "maps" / "x.yaml")
    _git("add", "maps/x.yaml", cwd=tmp_path)
    _git("commit", "-qm", "first", cwd=tmp_path)
    _write(tmp_path / "maps" / "x.yaml", _edited_example())
    _git("commit", "-qam", "second", cwd=tmp_path)
    return tmp_path


def test_cli_git_revisions(repo, capsys):
    assert main(["diff", "HEAD~1:maps/x.yaml", "HEAD:maps/x.yaml"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- HEAD~1:maps/x.yaml\n+++ HEAD:maps/x.yaml\n")
    assert '+ "Der Westen wird müde."' in out
    assert main(["diff", "HEAD:maps/x.yaml", "maps/x.yaml"]) == 0
    assert main(["diff", "HEAD~5:maps/x.yaml", "maps/x.yaml"]) == 2
    err = capsys.readouterr().err
    assert "HEAD~5:maps/x.yaml: error: git cannot read this revision" in err
    assert "Traceback" not in err


def test_cli_git_missing(repo, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(repo / "nowhere"))
    assert main(["diff", "HEAD~1:maps/x.yaml", "maps/x.yaml"]) == 2
    assert "git is not installed" in capsys.readouterr().err


def _documented_driver():
    """The ``git config`` line docs/diff.md gives for the diff driver."""
    text = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    m = re.search(r"^git config diff\.argmap\.command '(.+)'$", text, re.MULTILINE)
    assert m, "docs/diff.md gives the git config line"
    assert re.search(r"^\*\.yaml diff=argmap$", text, re.MULTILINE)
    return m.group(1)


def test_git_diff_shows_claim_level_changes_through_the_documented_driver(repo):
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep
           + os.environ.get("PATH", "")}
    assert shutil.which("argmap", path=env["PATH"]), "argmap is installed next to python"
    _write(repo / ".gitattributes", "*.yaml diff=argmap\n")
    _git("config", "diff.argmap.command", _documented_driver(), cwd=repo)
    _write(repo / "maps" / "x.yaml", _edited_example().replace("title: Waffenstillstand jetzt?",
                                                               "title: Waffenruhe jetzt?"))
    _write(repo / "notes.yaml", "a: [1\n")                 # not a map: a line diff
    _git("add", "notes.yaml", cwd=repo)
    r = subprocess.run(["git", "diff", "HEAD"], cwd=repo, env=env, capture_output=True,
                       text=True, timeout=60, check=False)
    assert r.returncode == 0, r.stderr
    assert "--- a/maps/x.yaml\n+++ b/maps/x.yaml\nheader\n" in r.stdout
    assert '  ~ title: "Waffenstillstand jetzt?" -> "Waffenruhe jetzt?"' in r.stdout
    assert "+a: [1" in r.stdout
    r = subprocess.run(["git", "log", "-p", "--ext-diff", "-1"], cwd=repo, env=env,
                       capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode == 0, r.stderr
    assert '      + "Der Westen wird müde."' in r.stdout
