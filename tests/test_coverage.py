"""Coverage of the source articles by the maps' quotes, and ``argmap coverage``."""

import json
import shutil

import pytest

from argmap.cli import main
from argmap.coverage import coverage, first_words
from argmap.model import ArgumentMap, Claim, Source

from conftest import ARTICLES, DATA, ROOT

MAPS = ROOT / "maps"
EXAMPLE = DATA / "example.yaml"
needs_articles = pytest.mark.skipif(not ARTICLES.is_dir(),
                                    reason="the articles are in ../shared/articles")

ARTICLE = """Titel des Artikels

Erster Satz hier. Zweiter Satz dort. Dritter Satz steht am Ende.

Ein zweiter Absatz mit genau einem Satz.

Letzter Absatz. Noch ein Satz.
"""


def make_map(path: str, quotes: dict[str, str], file: str = "a.txt", **source) -> ArgumentMap:
    amap = ArgumentMap("Test")
    amap.path = path
    amap.sources["s"] = Source("s", file=file, **source)
    for cid, quote in quotes.items():
        amap.claims[cid] = Claim(cid, text=cid, source="s", quote=quote)
    return amap


@pytest.fixture
def sources(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return str(tmp_path)


def test_coverage_share_on_a_small_text(sources):
    one = make_map("one.yaml", {"z": "Zweiter Satz dort", "quer": "am Ende. Ein zweiter",
                                "noch": "Noch ein Satz."}, title="Ein Titel", date="2024-05")
    two = make_map("two.yaml", {"z2": "Zweiter  Satz\ndort"}, outlet="Zeitung")
    two.claims["r"] = Claim("r", ref="one.yaml#z")
    two.claims["ohne"] = Claim("ohne", text="ohne Zitat", source="s")
    [art] = coverage([one, two], sources)
    assert (art.file, art.title, art.outlet, art.date) == ("a.txt", "Ein Titel", "Zeitung",
                                                          "2024-05")
    assert art.maps == ["one.yaml", "two.yaml"]
    assert not art.missing and art.not_found == []
    assert art.quotes == 4
    # title, 3 + 1 + 2 sentences; "Zweiter", "Dritter", "Ein zweiter", "Noch ein" quoted
    assert (art.quoted_sentences, art.sentences) == (4, 7)
    assert art.share == pytest.approx(4 / 7)
    assert [(p.line, p.covered) for p in art.paragraphs] == [
        (1, False), (3, True), (5, True), (7, True)]
    assert [(p.line, p.first_words) for p in art.unquoted] == [(1, "Titel des Artikels")]


def test_quotes_not_found_get_the_nearest_passage(sources):
    amap = make_map("m.yaml", {"ok": "Erster Satz hier.",
                               "falsch": "Ein zweiter Absatz mit genau zwei Sätzen",
                               "erfunden": "Katzen schlafen gern auf Fensterbänken"})
    [art] = coverage([amap], sources)
    assert art.quotes == 1 and art.quoted_sentences == 1
    assert [(m.claim, m.map_file, m.source) for m in art.not_found] == [
        ("falsch", "m.yaml", "s"), ("erfunden", "m.yaml", "s")]
    near = art.not_found[0]
    assert near.suggestion.text == "Ein zweiter Absatz mit genau einem Satz"
    assert near.line == 5
    assert art.not_found[1].suggestion is None and art.not_found[1].line == 0
    js = art.to_json()
    assert js["not_found"][0]["suggestion"]["line"] == 5
    assert js["not_found"][1]["suggestion"] is None
    json.dumps(js)


def test_missing_article_and_sources_without_file(sources):
    amap = make_map("m.yaml", {"x": "Erster Satz"}, file="fehlt.txt")
    amap.sources["leer"] = Source("leer", title="ohne Datei")
    [art] = coverage([amap], sources)
    assert art.file == "fehlt.txt" and art.missing
    assert (art.sentences, art.share, art.paragraphs) == (0, 0.0, [])


def test_first_words():
    assert first_words("eins  zwei\ndrei") == "eins zwei drei"
    assert first_words(" ".join(map(str, range(20)))) == "0 1 2 3 4 5 6 7…"
    assert first_words("Er kam und sah und siegte, sagte Caesar, und ging.") == \
        "Er kam und sah und siegte, sagte Caesar…"
    assert first_words("Eins zwei drei vier. Fünf sechs sieben acht. Neun") == \
        "Eins zwei drei vier. Fünf sechs sieben acht. …"


# -- the command line ------------------------------------------------------------------

@needs_articles
def test_cli_text_on_the_bundled_maps(capsys):
    assert main(["coverage", str(MAPS), "--sources", str(ARTICLES)]) == 0
    out = capsys.readouterr().out
    for name in ("000_a665b2f72e902db6.txt", "004_d1681fc0ff286875.txt"):
        assert f"{name}: " in out
    assert "sentences quoted (" in out and " %)" in out
    assert "\n    line 9: Putins Angebot: Warum verhandelt der Westen nicht?\n" in out
    assert "5 article(s): " in out and "; 0 quote(s) not found" in out


@needs_articles
def test_cli_json_on_one_map(capsys):
    path = MAPS / "2025-08-alaska-gipfel-putin-trump.yaml"
    assert main(["coverage", str(path), "--sources", str(ARTICLES), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    [art] = doc["articles"]
    assert art["file"] == "004_d1681fc0ff286875.txt" and art["maps"] == [str(path)]
    assert 0 < art["quoted_sentences"] <= art["sentences"]
    assert art["share"] == round(art["quoted_sentences"] / art["sentences"], 4)
    assert art["not_found"] == [] and not art["missing"]
    assert {p["line"] for p in art["paragraphs"] if not p["covered"]} == \
        {u["line"] for u in art["unquoted"]}
    assert doc["summary"]["articles"] == 1


@needs_articles
def test_cli_combined_map_alone_names_no_article(capsys):
    assert main(["coverage", str(MAPS / "debatte-waffenstillstand-jetzt.yaml"),
                 "--sources", str(ARTICLES)]) == 0
    assert "no source articles" in capsys.readouterr().out


@needs_articles
def test_cli_altered_quote_exits_1_with_a_suggestion(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "quote: nachlassenden Willen des Westens", "quote: nachlassenden Willen des Ostens"),
        encoding="utf-8")
    assert main(["coverage", str(bad), "--sources", str(ARTICLES)]) == 1
    out = capsys.readouterr().out
    assert f"  {bad}:53:12: claim 'kriegsmuede': quote not found in 000_a665b2f72e902db6.txt" \
        in out
    assert "    nearest: nachlassenden Willen des Westens  (line 7, " in out
    assert main(["coverage", str(bad), "--sources", str(ARTICLES), "--json"]) == 1
    [miss] = json.loads(capsys.readouterr().out)["articles"][0]["not_found"]
    assert miss["claim"] == "kriegsmuede"
    assert miss["suggestion"]["text"] == "nachlassenden Willen des Westens"


def test_cli_missing_article_exits_1(tmp_path, capsys):
    shutil.copy(EXAMPLE, tmp_path / "m.yaml")
    (tmp_path / "articles").mkdir()
    assert main(["coverage", str(tmp_path / "m.yaml"), "--sources",
                 str(tmp_path / "articles")]) == 1
    out = capsys.readouterr().out
    assert "000_a665b2f72e902db6.txt: Ein Waffenstillstand" in out
    assert f"  article file not found in {tmp_path / 'articles'}" in out
    assert "1 article file(s) missing" in out


def test_cli_usage_errors_exit_2(tmp_path, capsys):
    (tmp_path / "articles").mkdir()
    arts = str(tmp_path / "articles")
    assert main(["coverage", str(EXAMPLE), "--sources", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == \
        f"argmap coverage: error: sources folder '{tmp_path / 'nope'}' not found\n"
    assert main(["coverage", str(tmp_path / "missing.yaml"), "--sources", arts]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 'missing.yaml'}: error: no such file or folder\n"
    (tmp_path / "empty").mkdir()
    assert main(["coverage", str(tmp_path / "empty"), "--sources", arts]) == 2
    assert "no map files (*.yaml) found" in capsys.readouterr().err
    assert main(["coverage", str(EXAMPLE)]) == 2          # no --sources, none in the header
    assert "give --sources DIR, or name an existing folder as source_folder" in \
        capsys.readouterr().err


def test_cli_broken_map_exits_2_with_the_loader_diagnostics(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap: 1\ntitle: [nicht zu\nclaims: {}\n", encoding="utf-8")
    assert main(["coverage", str(broken), "--sources", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith(f"{broken}:") and ": error: " in lines[0]
    assert lines[-1] == (f"argmap coverage: error: cannot read map '{broken}' "
                         f"(see above; 'argmap check {broken}' has the details)")
    assert "Traceback" not in captured.err


@needs_articles
def test_cli_map_with_errors_exits_1_and_a_map_named_twice_counts_once(tmp_path, capsys):
    path = str(MAPS / "2025-03-kreml-prueft-waffenruhe.yaml")
    assert main(["coverage", path, path, "--sources", str(ARTICLES), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["maps"] == [path] and doc["articles"][0]["quotes"] == 24
    odd = tmp_path / "odd.yaml"
    odd.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "    source: kommentar-2022\n    quote: nachlassenden",
        "    source: gibt-es-nicht\n    quote: nachlassenden"), encoding="utf-8")
    assert main(["coverage", str(odd), "--sources", str(ARTICLES)]) == 1
    captured = capsys.readouterr()
    assert f"{odd}:52:13: error: claim 'kriegsmuede' names unknown source 'gibt-es-nicht'" \
        in captured.err
    assert "3 of 60 sentences quoted" in captured.out


def test_source_folder_in_the_header_is_used_when_it_exists(tmp_path, capsys):
    """check and coverage take the header's folder, relative to the map file."""
    (tmp_path / "maps" / "texte").mkdir(parents=True)
    (tmp_path / "maps" / "texte" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    amap = make_map(str(tmp_path / "maps" / "m.yaml"),
                    {"z": "Zweiter Satz dort", "falsch": "Zweiter Satz hier"})
    amap.source_folder = "texte"
    from argmap.savefile import save_map
    path = tmp_path / "maps" / "m.yaml"
    save_map(amap, str(path))
    assert "source_folder: texte\n" in path.read_text(encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "claim 'falsch': quote not found in source 's'" in err
    assert main(["coverage", str(path)]) == 1
    out = capsys.readouterr().out
    assert "nearest: Zweiter Satz  (line 3, " in out
    # a folder that is not there is no error: the quotes are just not checked
    path.write_text(path.read_text(encoding="utf-8").replace("source_folder: texte", "source_folder: fehlt"),
                    encoding="utf-8")
    assert main(["check", "--allow-warnings", str(path)]) == 0
    assert "quote not found" not in capsys.readouterr().err
    assert main(["coverage", str(path)]) == 2


def test_missing_quotes_of_one_map_with_the_nearest_passage(sources, tmp_path):
    from argmap.coverage import missing_quotes

    amap = make_map("m.yaml", {"ok": "Zweiter Satz dort", "typo": "Ein zweiter Absazt mit",
                               "fremd": "Katzen schlafen gern auf warmen Fensterbänken"})
    amap.claims["ref"] = Claim("ref", ref="other.yaml#x", quote="steht nirgends", source="s")
    amap.sources["weg"] = Source("weg", file="fehlt.txt")
    amap.claims["ohne"] = Claim("ohne", text="ohne", source="weg", quote="irgendwas")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert missing_quotes(amap, []) == []
    found = {m.claim: m for m in missing_quotes(amap, [str(empty), sources])}
    assert set(found) == {"typo", "fremd"}          # refs and missing articles are skipped
    assert found["typo"].suggestion.text == "Ein zweiter Absatz mit"
    assert found["typo"].line == 5 and found["typo"].source == "s"
    assert found["fremd"].suggestion is None
