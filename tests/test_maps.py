"""The bundled maps: one per article, clean, quotes found, speakers present."""

import pytest

from argmap.conclusions import conclusion_problems
from argmap.mapio import load_file, load_text
from argmap.quotes import check_quotes
from argmap.semantics import evaluate

from conftest import ARTICLES, ROOT

MAPS = ROOT / "maps"

#: article file -> (map file, the named people who speak or are cited in it)
ARTICLE_MAPS = {
    "000_a665b2f72e902db6.txt": ("2022-11-waffenstillstand-sieg-fuer-putin.yaml", [
        "Michael Kofman", "Mick Ryan", "Jeremy Fleming", "Chris Dougherty", "Mark Milley",
        "Wolodymyr Selenskyj", "Petro Poroschenko"]),
    "001_016c7d86bdfdc8fb.txt": ("2024-05-putins-angebot-verhandlungen.yaml", [
        "Ralph Thiele", "Gerhard Mangott"]),
    "002_7cb4081ec8f38751.txt": ("2025-03-kreml-prueft-waffenruhe.yaml", [
        "Dmitri Peskow", "Wladimir Putin", "Donald Trump", "Wolodymyr Selenskyj"]),
    "003_7d20457fd89d74f6.txt": ("2024-12-nato-kapitulation-durch-die-hintertuer.yaml", [
        "Mark Rutte", "Wolodymyr Selenskyj"]),
    "004_d1681fc0ff286875.txt": ("2025-08-alaska-gipfel-putin-trump.yaml", [
        "Donald Trump", "Michael Carpenter", "Benjamin Jensen", "Keir Starmer", "Bill Blair",
        "Jennie Carignan", "Steve Boivin"]),
}
COMBINED = "debatte-waffenstillstand-jetzt.yaml"
ALL = sorted(p.name for p in MAPS.glob("*.yaml"))


def test_each_article_has_its_map_and_nothing_else_is_there():
    expected = sorted([m for m, _ in ARTICLE_MAPS.values()] + [COMBINED])
    assert ALL == expected


@pytest.mark.parametrize("name", ALL)
def test_map_is_clean(name):
    loaded = load_file(str(MAPS / name))
    assert [str(d) for d in loaded.diagnostics] == []


#: the claims each article decides, and how (recorded in each map's header as
#: ``conclusion``, written from the article; a map edit that flips one fails here)
CONCLUSIONS = {
    "2022-11-waffenstillstand-sieg-fuer-putin.yaml": {"sieg-fuer-putin": "IN"},
    "2024-05-putins-angebot-verhandlungen.yaml": {"frage": "OUT"},
    "2024-12-nato-kapitulation-durch-die-hintertuer.yaml": {"nato-plant-ende": "IN"},
    "2025-03-kreml-prueft-waffenruhe.yaml": {"kreml-prueft": "IN", "spannungsfeld": "IN"},
    "2025-08-alaska-gipfel-putin-trump.yaml": {"kein-nachgeben": "IN", "frage": "OUT"},
    # the combined map: both of its questions, and each article thesis as its article has it
    COMBINED: {"waffenstillstand-wuenschenswert": "OUT", "waffenstillstand-erreichbar": "OUT",
               "sieg-fuer-putin-2022": "IN", "nato-plant-ende-2024": "IN",
               "kreml-prueft-2025": "IN", "spannungsfeld-2025": "IN",
               "kein-nachgeben-2025": "IN"},
}


@pytest.mark.parametrize("name", sorted(CONCLUSIONS))
def test_the_map_concludes_what_its_article_concludes(name):
    amap = load_file(str(MAPS / name)).map
    assert amap.conclusion == CONCLUSIONS[name]        # the header records it
    lab = evaluate(amap, "grounded").labelling
    for cid, label in amap.conclusion.items():
        assert lab.label(cid) == label, f"{cid}: {lab.why(cid)}"
    assert conclusion_problems(amap) == []


def test_a_map_that_contradicts_its_article_is_warned_with_line_and_column():
    text = ("argmap: 1\ntitle: t\nconclusion:\n  t: IN\nclaims:\n  t: {text: These}\n"
            "  o: {text: Einwand}\nrelations:\n  - {type: attack, from: o, to: t}\n")
    loaded = load_text(text, "m.yaml")
    assert loaded.errors == []
    [w] = conclusion_problems(loaded.map, "m.yaml", loaded.where)
    assert str(w) == ("m.yaml:4:3: warning: the article concludes 't' IN, the map evaluates "
                      "it OUT (grounded): OUT because attacked by 'o', which is IN")
    bad = load_text(text.replace("  t: IN", "  x: IN"), "m.yaml")
    assert [str(d) for d in bad.errors] == [
        "m.yaml:4:3: error: conclusion names 'x', which is not a claim of this map"]
    wrong = load_text(text.replace("  t: IN", "  t: JA"), "m.yaml")
    assert wrong.errors and "JA" in str(wrong.errors[0])


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="the articles are in ../shared/articles")
@pytest.mark.parametrize("name", ALL)
def test_every_quote_is_found_in_its_article(name):
    loaded = load_file(str(MAPS / name))
    assert [str(d) for d in check_quotes(loaded.map, str(ARTICLES), name)] == []
    quoted = [c for c in loaded.map.claims.values() if not c.ref and c.kind != "question"]
    assert all(c.quote and c.source for c in quoted)


@pytest.mark.parametrize("article", sorted(ARTICLE_MAPS))
def test_article_map_cites_its_article_and_its_speakers(article):
    name, speakers = ARTICLE_MAPS[article]
    amap = load_file(str(MAPS / name)).map
    assert [s.file for s in amap.sources.values()] == [article]
    present = {c.speaker for c in amap.claims.values()}
    assert [s for s in speakers if s not in present] == []
    counts = amap.counts()
    assert 15 <= counts["claims"] <= 45
    assert counts["supports"] and counts["attacks"]
    assert all(c.en for c in amap.claims.values()), "every claim has an English text"
    # quotes stay brief: a sentence or part of one
    assert max(len(c.quote) for c in amap.claims.values()) <= 320


def test_combined_map_references_all_five():
    amap = load_file(str(MAPS / COMBINED)).map
    referenced = {c.ref.partition("#")[0] for c in amap.claims.values() if c.ref}
    assert referenced == {m for m, _ in ARTICLE_MAPS.values()}
    assert all(c.resolved is not None for c in amap.claims.values() if c.ref)
    assert any(c.kind == "question" for c in amap.claims.values())
