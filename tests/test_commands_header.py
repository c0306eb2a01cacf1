"""Header, tag colour and source commands: exact undo and redo, minimal diffs."""

import difflib
import json
import shutil

import pytest

from argmap.commands import (
    COLOR_RE, DATE_RE, FILE_RE, ID_RE, LANG_RE, URL_RE, AddSource, RemoveSource, SetHeader,
    Macro, SetSourceField, SetTagColor, broken_ends, broken_relation, end_candidates,
    reconnect, source_edits, source_field_problem,
)
from argmap.mapio import load_file, load_text
from argmap.model import Relation, Source
from argmap.savefile import save_map

from conftest import ARTICLES, DATA, ROOT
from test_commands import roundtrip

MAP = "2024-05-putins-angebot-verhandlungen.yaml"


@pytest.fixture
def bundled(tmp_path):
    """A bundled map copied to tmp_path: (model, path, original text)."""
    maps = tmp_path / "project" / "maps"     # ../../shared/articles leads to the articles
    maps.mkdir(parents=True)
    (tmp_path / "shared").symlink_to(ARTICLES.parent, target_is_directory=True)
    path = maps / MAP
    shutil.copy(ROOT / "maps" / MAP, path)
    loaded = load_file(str(path))
    return loaded.map, path, loaded.text


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """Lines taken out and put in by the change from ``old`` to ``new``.  Blank lines
    are left aside: the save drops the blank line that follows an entry whose last
    key goes (a removed field, a renamed source), which is the saver's business."""
    minus, plus = [], []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")) or not line[1:].strip():
            continue
        (minus if line.startswith("-") else plus).append(line[1:])
    return minus, plus


def saved(amap, path, original):
    return save_map(amap, str(path), original)


def test_header_fields_do_undo_redo_and_diff_one_line(bundled):
    amap, path, original = bundled
    for name, value, old_line, new_line in (
            ("title", "Putins Angebot", "title: 'Putins Angebot: Warum verhandelt der Westen "
             "nicht?'", "title: 'Putins Angebot'"),
            ("lang", "en", "lang: de", "lang: en"),
            ("source_folder", "../articles", "source_folder: ../../shared/articles",
             "source_folder: ../articles"),
            ("direction", "LR", "  direction: TB", "  direction: LR")):
        cmd = SetHeader(amap, name, value)
        roundtrip(amap, cmd)
        assert changed_lines(original, saved(amap, path, original)) == ([old_line], [new_line])
        cmd.undo()
        assert saved(amap, path, original) == original


def test_description_keeps_its_folded_style(bundled):
    amap, path, original = bundled
    cmd = SetHeader(amap, "description", "Ein kurzer Text.\n")
    roundtrip(amap, cmd)
    text = saved(amap, path, original)
    assert "description: >\n  Ein kurzer Text.\nlang: de" in text
    assert load_text(text, str(path)).map.description == "Ein kurzer Text.\n"
    minus, plus = changed_lines(original, text)
    assert plus == ["  Ein kurzer Text."] and len(minus) == 12
    assert all(line.startswith("  ") for line in minus)


def test_header_refuses_unknown_field_and_direction(bundled):
    amap, _, _ = bundled
    with pytest.raises(AttributeError):
        SetHeader(amap, "argmap", 2)
    with pytest.raises(ValueError):
        SetHeader(amap, "direction", "XY")


def test_header_signals(bundled):
    amap, _, _ = bundled
    seen = []
    amap.header_changed.connect(seen.append)
    cmd = SetHeader(amap, "title", "Neu")
    cmd.redo()
    cmd.undo()
    assert seen == ["title", "title"]


def test_tag_colour_set_change_remove(bundled):
    amap, path, original = bundled
    # a changed colour keeps its place
    cmd = SetTagColor(amap, "nato", "#123456")
    roundtrip(amap, cmd)
    assert changed_lines(original, saved(amap, path, original)) == (
        ["    nato: '#edc948'"], ["    nato: '#123456'"])
    cmd.undo()
    # removing one and undoing puts it back where it was
    order = list(amap.display.tag_colors)
    cmd = SetTagColor(amap, "aufrüstung", None)
    roundtrip(amap, cmd)
    assert changed_lines(original, saved(amap, path, original)) == (
        ["    aufrüstung: '#e15759'"], [])
    cmd.undo()
    assert list(amap.display.tag_colors) == order
    # a new one goes last
    cmd = SetTagColor(amap, "frieden", "#ABCDEF")
    roundtrip(amap, cmd)
    assert list(amap.display.tag_colors)[-1] == "frieden"
    assert amap.display.tag_colors["frieden"] == "#abcdef"
    minus, plus = changed_lines(original, saved(amap, path, original))
    assert minus == [] and plus == ["    frieden: '#abcdef'"]
    cmd.undo()
    assert saved(amap, path, original) == original
    with pytest.raises(ValueError):
        SetTagColor(amap, "nato", "red")


def test_tag_colour_refreshes_the_claims_with_the_tag(bundled):
    amap, _, _ = bundled
    seen = []
    amap.claim_changed.connect(lambda c, f: seen.append((c.id, f)))
    SetTagColor(amap, "nato", "#000000").redo()
    assert seen and all(f == "tags" and "nato" in amap.claims[c].tags for c, f in seen)


def test_add_source_diff_is_the_new_entry(bundled):
    amap, path, original = bundled
    src = Source("zdf-2024", title="Ein Titel", outlet="ZDF", date="2024-06-01",
                 file="002.txt", url="https://zdf.de/x")
    cmd = AddSource(amap, src)
    roundtrip(amap, cmd)
    assert list(amap.sources) == ["br24-2024-05", "zdf-2024"]
    minus, plus = changed_lines(original, saved(amap, path, original))
    assert minus == []
    assert plus == ["  zdf-2024:", "    title: Ein Titel", "    outlet: ZDF",
                    "    date: '2024-06-01'", "    file: 002.txt", "    url: https://zdf.de/x"]
    assert load_file(str(path)).map.sources["zdf-2024"] == src
    cmd.undo()
    assert saved(amap, path, original) == original


def test_add_source_refuses_bad_and_duplicate_ids(bundled):
    amap, _, _ = bundled
    for bad in ("", "mit leerzeichen", "-vorn", "ä/b", "x" * 121):
        with pytest.raises(ValueError):
            AddSource(amap, Source(bad))
    with pytest.raises(ValueError, match="exists already"):
        AddSource(amap, Source("br24-2024-05"))
    with pytest.raises(ValueError, match="YYYY"):
        AddSource(amap, Source("neu", date="Mai 2024"))
    with pytest.raises(ValueError, match="http"):
        AddSource(amap, Source("neu", url="www.x.de"))


def test_source_field_change_diff_one_line_and_refreshes_claims(bundled):
    amap, path, original = bundled
    seen = []
    amap.source_changed.connect(seen.append)
    claims_seen = []
    amap.claim_changed.connect(lambda c, f: claims_seen.append(f))
    cmd = SetSourceField(amap, "br24-2024-05", "outlet", "BR24 (Bayerischer Rundfunk)")
    roundtrip(amap, cmd)
    assert seen == ["br24-2024-05"] * 3
    assert claims_seen and set(claims_seen) == {"source"}
    assert changed_lines(original, saved(amap, path, original)) == (
        ["    outlet: BR24"], ["    outlet: BR24 (Bayerischer Rundfunk)"])
    # a field the file did not have is one new line; clearing one drops its line
    cmd2 = SetSourceField(amap, "br24-2024-05", "url", "https://www.br.de/x")
    roundtrip(amap, cmd2)
    cmd3 = SetSourceField(amap, "br24-2024-05", "note", "")
    roundtrip(amap, cmd3)
    minus, plus = changed_lines(original, saved(amap, path, original))
    assert plus == ["    outlet: BR24 (Bayerischer Rundfunk)", "    url: https://www.br.de/x"]
    assert minus == ["    outlet: BR24", "    note: Reihe „Possoch klärt“ (Text zu einem Video); "
                     "zitiert Ralph Thiele und Gerhard Mangott."]
    for c in (cmd3, cmd2, cmd):
        c.undo()
    assert saved(amap, path, original) == original


def test_renaming_a_source_renames_it_in_every_claim_in_one_step(bundled):
    amap, path, original = bundled
    citing = [cid for cid, c in amap.claims.items() if c.source == "br24-2024-05"]
    assert len(citing) == 37
    cmd = SetSourceField(amap, "br24-2024-05", "id", "br24")
    roundtrip(amap, cmd)
    assert list(amap.sources) == ["br24"] and amap.sources["br24"].id == "br24"
    assert all(amap.claims[cid].source == "br24" for cid in citing)
    minus, plus = changed_lines(original, saved(amap, path, original))
    assert minus == ["  br24-2024-05:"] + ["    source: br24-2024-05"] * 37
    assert plus == ["  br24:"] + ["    source: br24"] * 37
    assert load_file(str(path)).ok
    cmd.undo()
    assert saved(amap, path, original) == original


def test_rename_keeps_the_place_and_refuses_taken_ids(bundled):
    amap, _, _ = bundled
    AddSource(amap, Source("b")).redo()
    AddSource(amap, Source("c")).redo()
    cmd = SetSourceField(amap, "b", "id", "b2")
    cmd.redo()
    assert list(amap.sources) == ["br24-2024-05", "b2", "c"]
    with pytest.raises(ValueError, match="exists already"):
        SetSourceField(amap, "b2", "id", "c")
    with pytest.raises(ValueError):
        SetSourceField(amap, "b2", "id", "mit leerzeichen")
    with pytest.raises(ValueError):
        SetSourceField(amap, "b2", "date", "2024/05")


def test_remove_source_is_refused_while_claims_cite_it_unless_cleared(bundled):
    amap, path, original = bundled
    with pytest.raises(ValueError, match="37 claim"):
        RemoveSource(amap, "br24-2024-05")
    cmd = RemoveSource(amap, "br24-2024-05", clear_claims=True)
    roundtrip(amap, cmd)
    assert amap.sources == {} and not any(c.source for c in amap.claims.values())
    minus, plus = changed_lines(original, saved(amap, path, original))
    assert plus == [] and minus.count("    source: br24-2024-05") == 37
    assert "  br24-2024-05:" in minus and "sources:" in minus
    cmd.undo()
    assert saved(amap, path, original) == original


def test_remove_uncited_source_restores_its_place(bundled):
    amap, _, _ = bundled
    AddSource(amap, Source("neu", title="T")).redo()
    AddSource(amap, Source("dahinter")).redo()
    cmd = RemoveSource(amap, "neu")
    roundtrip(amap, cmd)
    cmd.undo()
    assert list(amap.sources) == ["br24-2024-05", "neu", "dahinter"]


def test_source_edits_swap_ids_remove_and_add_in_one_step(bundled):
    amap, _, _ = bundled
    AddSource(amap, Source("b", title="B")).redo()
    amap.claims["frage"].source = "b"
    before = amap.snapshot()
    cmds = source_edits(amap, [], {"br24-2024-05": {"id": "b", "outlet": "BR"},
                                   "b": {"id": "br24-2024-05"}}, [Source("neu")])
    assert amap.snapshot() == before             # made, not applied
    step = Macro("Sources", cmds)
    roundtrip(amap, step)
    assert list(amap.sources) == ["b", "br24-2024-05", "neu"]
    assert amap.sources["b"].outlet == "BR" and amap.sources["br24-2024-05"].title == "B"
    assert amap.claims["frage"].source == "br24-2024-05"
    assert amap.claims["putin-angebot"].source == "b"
    step.undo()
    cmds = source_edits(amap, ["b"], {"br24-2024-05": {"id": "b"}}, [])
    roundtrip(amap, Macro("Sources", cmds))
    assert list(amap.sources) == ["b"] and amap.claims["frage"].source == ""
    assert amap.claims["putin-angebot"].source == "b"


def test_rules_are_the_schema_rules():
    schema = json.loads((ROOT / "resources" / "argmap.schema.json").read_text())
    defs = schema["$defs"]
    assert ID_RE.pattern == defs["id"]["pattern"]
    src = defs["source"]["properties"]
    assert DATE_RE.pattern == src["date"]["pattern"]
    assert URL_RE.pattern == src["url"]["pattern"]
    assert FILE_RE.pattern == src["file"]["pattern"]
    assert LANG_RE.pattern == schema["properties"]["lang"]["pattern"]
    assert COLOR_RE.pattern == defs["color"]["pattern"]
    assert source_field_problem("date", "2024-05-31") is None
    assert source_field_problem("date", "") is None


# -- relations the canvas cannot draw --------------------------------------------------
def broken_example():
    amap = load_file(str(DATA / "example.yaml")).map
    amap.relations.append(Relation("attack", ["kriegsmuede"], "unbekannt"))
    amap.relations.append(Relation("undercut", ["frage"], "fehlt"))
    return amap


def test_broken_relations_are_found_with_their_ends():
    amap = broken_example()
    bad = broken_relation(amap, "kriegsmuede-attack-unbekannt")
    assert bad is amap.relations[-2]
    assert broken_ends(amap, bad) == [("to", 0, "unbekannt")]
    ucut = broken_relation(amap, "frage-undercut-fehlt")
    assert broken_ends(amap, ucut) == [("to", 0, "fehlt")]
    assert broken_relation(amap, "nein") is None
    assert "nein" in end_candidates(amap, ucut, "to")
    assert "kriegsmuede" not in end_candidates(amap, bad, "to")


def test_reconnect_fixes_an_end_undoably():
    amap = broken_example()
    bad = amap.relations[-2]
    cmd = reconnect(amap, bad, "to", 0, "frage")
    roundtrip(amap, cmd)
    assert bad.target == "frage" and broken_relation(amap, "kriegsmuede-attack-frage") is None
    ucut = amap.relations[-1]
    roundtrip(amap, reconnect(amap, ucut, "to", 0, "nein"))
    assert not broken_ends(amap, ucut)


def test_reconnect_keeps_undercuts_of_a_relation_without_id():
    amap = broken_example()
    bad = amap.relations[-2]
    amap.relations.append(Relation("undercut", ["frage"], bad.key))
    cmd = reconnect(amap, bad, "to", 0, "frage")
    roundtrip(amap, cmd)
    assert bad.id == "kriegsmuede-attack-unbekannt" and amap.relations[-1].target == bad.key
