"""The argument schemes named in the five article maps: how many, all in the catalogue,
of the right kind, and `argmap check` clean."""

import sys

import pytest

from argmap.cli import main
from argmap.critical_questions import question_states, scheme_of
from argmap.mapio import load_file
from argmap.schemes import catalogue

from conftest import ARTICLES, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from count_schemes import count_schemes  # noqa: E402

MAPS = ROOT / "maps"

#: article map -> how many of its arguments name a scheme, at least
NAMED = {
    "2022-11-waffenstillstand-sieg-fuer-putin.yaml": 9,
    "2024-05-putins-angebot-verhandlungen.yaml": 14,
    "2024-12-nato-kapitulation-durch-die-hintertuer.yaml": 5,
    "2025-03-kreml-prueft-waffenruhe.yaml": 5,
    "2025-08-alaska-gipfel-putin-trump.yaml": 9,
}
#: a support names an inference scheme, an attack or undercut a conflict scheme
KIND = {"support": "support", "attack": "conflict", "undercut": "conflict"}


@pytest.mark.parametrize("name", sorted(NAMED))
def test_the_article_map_names_its_schemes(name):
    loaded = load_file(str(MAPS / name))
    assert [str(d) for d in loaded.diagnostics] == []
    schemes = catalogue()
    named = [r for r in loaded.map.relations if r.scheme]
    assert len(named) >= NAMED[name]
    for rel in named:
        scheme = scheme_of(rel)
        assert scheme is not None and scheme.id == rel.scheme and rel.scheme in schemes, rel.key
        assert scheme.kind == KIND[rel.type], f"{rel.key}: a {rel.type} names {scheme.id}"
        assert set(rel.roles) <= set(rel.premises), rel.key
        assert {x.id for x in scheme.required_roles} <= set(rel.roles.values()), rel.key
        assert all(scheme.question(q) for q in rel.questions), rel.key
    # only schemes support, attack and undercut relations
    assert all(r.type in KIND for r in named)


def test_an_undercut_says_no_to_the_question_it_answers():
    amap = load_file(str(MAPS / "2024-05-putins-angebot-verhandlungen.yaml")).map
    states = {s.question.id: (s.state, s.by) for s in question_states(amap)["r1"]}
    # Thiele: the offer may only show that Putin wants calm at the front
    assert states["other-causes"] == ("no", ["r11"])
    assert states["finding"] == ("open", [])
    assert scheme_of(amap.relation_by_key("r11")).id == "sign-from-other-events"


def test_check_is_clean(capsys):
    paths = [str(MAPS / n) for n in sorted(NAMED)]
    assert main(["check", *paths, "--sources", str(ARTICLES)]) == 0
    out = capsys.readouterr()
    assert "5 file(s) checked: 0 error(s), 0 warning(s)" in out.out + out.err


def test_the_count():
    paths = [str(MAPS / n) for n in sorted(NAMED)]
    rows, total = count_schemes(paths)
    assert all(r.with_scheme >= NAMED[r.name] for r in rows)
    assert total.with_scheme == sum(r.with_scheme for r in rows) >= sum(NAMED.values())
    assert total.arguments >= total.with_scheme
    assert sum(total.schemes.values()) == total.with_scheme
    # every critical question of every argument with a scheme, in one of three states
    asked = sum(len(scheme_of(r).questions) for p in paths for r in load_file(p).map.relations
                if r.scheme)
    assert total.questions == total.yes + total.no + total.open == asked
    assert total.yes >= 1 and total.no >= 1
