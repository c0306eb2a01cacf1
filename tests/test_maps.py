"""The bundled maps: one per article, clean, quotes found, speakers present."""

import pytest

from argmap.mapio import load_file
from argmap.quotes import check_quotes

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
