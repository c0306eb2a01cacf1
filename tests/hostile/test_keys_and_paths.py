"""Ids YAML would read as numbers are named as written; nothing is read outside."""

from __future__ import annotations

import os

import pytest

from argmap.mapio import load_file, load_text

KEYED = ("argmap: 1\ntitle: t\nsources:\n  s: {{title: T}}\nclaims:\n  {k}: {{text: A, source: s}}\n"
         "  b: {{text: B, source: s, quote: q}}\nrelations:\n  - {{from: {k}, to: b, type: support}}\n")


@pytest.mark.parametrize("key, read", [
    ("1", "as a number"), ("2022", "as a number"), ("1.5", "as a number"),
    ("0x1F", "as a number"), ("true", "as true"), ("~", "as no value"), ("null", "as no value"),
])
def test_a_claim_id_yaml_reads_as_no_text_is_named_as_written(key, read):
    loaded = load_text(KEYED.format(k=key), "m.yaml")
    msgs = [str(d) for d in loaded.errors]
    assert f"m.yaml:6:3: error: claim id {key} is read {read}" in msgs[0]
    assert msgs[0].endswith(f"write it as '{key}' in quotes")
    assert f"m.yaml:9:12: error: relation #1: from: the id {key} is read {read}" in "\n".join(msgs)
    assert not any("expected string" in m or "None" in m for m in msgs)
    assert key in loaded.map.claims


def test_quoted_numeric_ids_are_fine():
    loaded = load_text(KEYED.format(k="'2022'").replace("from: '2022'", "from: '2022'"), "m.yaml")
    assert [str(d) for d in loaded.errors] == []
    assert "2022" in loaded.map.claims


def test_a_numeric_source_id_is_named_as_written():
    text = KEYED.format(k="a").replace("  s: {title: T}", "  2022: {title: T}").replace("source: s", "source: '2022'")
    msgs = [str(d) for d in load_text(text, "m.yaml").errors]
    assert msgs[0] == ("m.yaml:4:3: error: source id 2022 is read as a number; "
                       "write it as '2022' in quotes")


def _map_with_folder(home, folder: str, file: str = "a.txt") -> str:
    path = home / "m.yaml"
    path.write_text(
        f"argmap: 1\ntitle: t\nsource_folder: {folder}\nsources:\n  s: {{title: T, file: {file}}}\n"
        "claims:\n  a: {text: A, source: s, quote: GEHEIM}\n"
        "  b: {text: B, source: s, quote: GEHEIM}\n"
        "relations:\n  - {from: a, to: b, type: support}\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("exists", [True, False])
def test_an_absolute_source_folder_is_an_error_and_not_read(tmp_path, exists):
    from argmap.quotes import map_sources_dir, source_folders
    outside = tmp_path / "outside"
    if exists:
        outside.mkdir()
        (outside / "a.txt").write_text("GEHEIM\n", encoding="utf-8")
    home = tmp_path / "maps"
    home.mkdir()
    path = _map_with_folder(home, str(outside))
    loaded = load_file(path)
    [err] = loaded.errors
    assert str(err) == (f"{path}:3:16: error: source_folder '{outside}' is an absolute folder; "
                        "it is not read unless it is chosen as the sources folder (--sources DIR "
                        "or $ARGMAP_SOURCES; in the app: File → Sources Folder…)")
    assert map_sources_dir(loaded.map, path) is None
    assert source_folders(loaded.map) == []
    if exists:   # the folder the user chose is read, and then it is no error
        assert load_file(path, sources=str(outside)).errors == []
        assert map_sources_dir(loaded.map, path, chosen=str(outside)) == str(outside)
        assert source_folders(loaded.map, str(outside)) == [str(outside)]


def test_a_home_folder_is_absolute_too(tmp_path):
    path = _map_with_folder(tmp_path, "~/articles")
    [err] = load_file(path).errors
    assert "source_folder '~/articles' is an absolute folder; it is not read" in err.message


@pytest.mark.parametrize("exists", [True, False])
@pytest.mark.parametrize("how", ["dots", "link"])
def test_a_relative_source_folder_leading_outside_is_an_error_and_not_read(
        tmp_path, monkeypatch, exists, how):
    from argmap.quotes import map_sources_dir, source_folders
    monkeypatch.delenv("ARGMAP_SOURCES", raising=False)
    outside = tmp_path / "outside"
    if exists:
        outside.mkdir()
        (outside / "a.txt").write_text("GEHEIM\n", encoding="utf-8")
    home = tmp_path / "project" / "maps"
    home.mkdir(parents=True)
    named = "../../outside"
    if how == "link":
        (home / "texte").symlink_to(outside, target_is_directory=True)
        named = "texte"
    path = _map_with_folder(home, named)
    loaded = load_file(path)
    [err] = loaded.errors
    assert str(err) == (f"{path}:3:16: error: source_folder '{named}' lies outside the map's "
                        "folder; it is not read unless it is chosen as the sources folder "
                        "(--sources DIR or $ARGMAP_SOURCES; in the app: File → Sources Folder…)")
    assert map_sources_dir(loaded.map, path) is None and source_folders(loaded.map) == []
    if exists:   # chosen by the user, on the command line or in the environment
        assert load_file(path, sources=str(outside)).errors == []
        monkeypatch.setenv("ARGMAP_SOURCES", f"/nowhere{os.pathsep}{outside}")
        assert load_file(path).errors == []
        assert map_sources_dir(loaded.map, path) == os.path.normpath(str(home / named))


def test_a_relative_source_folder_is_read(tmp_path):
    from argmap.quotes import check_quotes, map_sources_dir
    (tmp_path / "maps" / "texte").mkdir(parents=True)
    (tmp_path / "maps" / "texte" / "a.txt").write_text("GEHEIM\n", encoding="utf-8")
    path = _map_with_folder(tmp_path / "maps", "./texte/../texte")   # inside the map's folder
    loaded = load_file(path)
    assert loaded.errors == []
    folder = map_sources_dir(loaded.map, path)
    assert folder == str(tmp_path / "maps" / "texte")
    assert check_quotes(loaded.map, folder, path) == []


@pytest.mark.parametrize("exists", [True, False])
def test_an_article_outside_the_sources_folder_gets_one_message_either_way(tmp_path, exists):
    from argmap.quotes import check_quotes
    sources = tmp_path / "texte"
    sources.mkdir()
    if exists:
        (tmp_path / "secret.txt").write_text("GEHEIM\n", encoding="utf-8")
    for name in ("../secret.txt", str(tmp_path / "secret.txt")):
        path = _map_with_folder(tmp_path, "texte", name)
        loaded = load_file(path)
        [err] = check_quotes(loaded.map, str(sources), path)
        assert err.message == (f"source 's': article file '{name}' lies outside the sources "
                               "folder; it is not read")


@pytest.mark.parametrize("exists", [True, False])
def test_a_reference_outside_gets_one_message_either_way(tmp_path, exists):
    outside = tmp_path / "outside"
    outside.mkdir()
    if exists:
        (outside / "o.yaml").write_text(
            "argmap: 1\ntitle: o\nclaims:\n  c: {text: GEHEIM}\nrelations: []\n", encoding="utf-8")
    home = tmp_path / "maps"
    home.mkdir()
    os.symlink(outside / "o.yaml", home / "link.yaml")
    path = home / "m.yaml"
    path.write_text("argmap: 1\ntitle: t\nclaims:\n  a: {ref: ../outside/o.yaml#c}\n"
                    f"  b: {{ref: {outside}/o.yaml#c}}\n  d: {{ref: link.yaml#c}}\n"
                    "relations:\n  - {from: a, to: b, type: support}\n"
                    "  - {from: d, to: b, type: support}\n", encoding="utf-8")
    errors = [d.message for d in load_file(str(path)).errors if "leads outside" in d.message]
    assert errors == [
        "claim 'a': reference '../outside/o.yaml#c' leads outside the map's folder; it is not read",
        (f"claim 'b': reference '{outside}/o.yaml#c' leads outside the map's folder; "
         "it is not read"),
        "claim 'd': reference 'link.yaml#c' leads outside the map's folder; it is not read"]
