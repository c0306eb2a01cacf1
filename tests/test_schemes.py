"""The catalogue of argument schemes: complete in both languages, consistent,
found by the names and ids AIF data uses, and open to a map's own schemes."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, SHARED
from test_package import wheel  # noqa: F401  (the built wheel, a fixture)

from argmap.diagnostics import MapError
from argmap.resources import resource_path
from argmap.schemes import (INFERENCE, KINDS, SHORT_MAX, Catalogue, aif_key, catalogue, load,
                            merge)
from argmap.yamlread import read_yaml

AIF_CORPORA = SHARED / "corpora" / "aif"
#: AIF node types that carry an argument scheme (not the dialogue's TA and YA)
SCHEME_NODES = {"RA": "support", "CA": "conflict", "MA": "rephrase"}

#: the schemes issue 21 asks for, by catalogue id
REQUIRED = [
    "expert-opinion", "position-to-know", "witness-testimony", "popular-opinion",
    "positive-consequences", "negative-consequences", "practical-reasoning", "values",
    "cause-to-effect", "correlation-to-cause", "sign", "example", "analogy",
    "verbal-classification", "commitment", "inconsistent-commitment", "ad-hominem-direct",
    "ad-hominem-circumstantial", "slippery-slope", "established-rule", "precedent",
    "default-inference", "default-conflict", "default-rephrase",
]

SMALL = """\
version: 1
schemes:
  one:
    kind: support
    aif: One Thing
    aif_id: 900
    name: {de: Eins, en: One}
    short: {de: Eins, en: One}
    source: here
    roles:
      - {id: r, de: R gilt., en: R holds.}
    conclusion: {de: K., en: C.}
    questions:
      - {id: q, targets: r, de: Gilt R?, en: Does R hold?}
"""


def _corpus_schemes() -> list[tuple[str, str, str, str | None]]:
    """(file, node type, scheme name, schemeID) of every scheme the AIF corpora name."""
    found = []
    for path in sorted(AIF_CORPORA.glob("*.json")):
        for node in json.loads(path.read_text(encoding="utf-8")).get("nodes", []):
            kind = node.get("type")
            if kind not in SCHEME_NODES:
                continue
            # AraucariaDB's S-nodes carry only their type as text ("RA"): no scheme
            for name in {node.get("scheme"), node.get("text")} - {None, "", kind}:
                found.append((path.name, kind, name, node.get("schemeID")))
    return found


# ---- the shipped catalogue ---------------------------------------------------------------

def test_the_catalogue_has_every_scheme_the_issue_lists():
    ids = catalogue().ids()
    assert [i for i in REQUIRED if i not in ids] == []
    kinds = {s.kind for s in catalogue()}
    assert kinds == set(KINDS)
    assert sum(s.kind == "conflict" for s in catalogue()) >= 5


@pytest.mark.parametrize("scheme", catalogue(), ids=lambda s: s.id)
def test_every_scheme_is_complete_in_both_languages(scheme):
    for words in (scheme.name, scheme.short, scheme.conclusion):
        assert words.de.strip() and words.en.strip()
    assert len(scheme.short.de) <= SHORT_MAX and len(scheme.short.en) <= SHORT_MAX
    assert scheme.roles and scheme.questions and scheme.source.strip()
    for item in scheme.roles + scheme.questions:
        assert item.text.de.strip() and item.text.en.strip(), item.id
        assert item.text.de != item.text.en, item.id
    assert scheme.required_roles or scheme.id == "default-inference"


@pytest.mark.parametrize("scheme", catalogue(), ids=lambda s: s.id)
def test_every_question_targets_a_role_of_its_scheme_or_the_inference(scheme):
    roles = {r.id for r in scheme.roles}
    assert len(roles) == len(scheme.roles)
    assert len({q.id for q in scheme.questions}) == len(scheme.questions)
    for q in scheme.questions:
        assert q.targets == INFERENCE or q.targets in roles, q.id
        assert q.undercuts == (q.targets == INFERENCE)
        assert scheme.question(q.id) is q
    # every required premise can be questioned
    assert {r.id for r in scheme.required_roles} <= {q.targets for q in scheme.questions}


def test_ids_aif_names_and_aif_ids_are_unique():
    schemes = list(catalogue())
    assert len({s.id for s in schemes}) == len(schemes)
    named = [aif_key(s.aif) for s in schemes if s.aif]
    assert len(set(named)) == len(named)
    numbered = [s.aif_id for s in schemes if s.aif_id is not None]
    assert len(set(numbered)) == len(numbered)


def test_the_file_has_no_scheme_twice():
    # the catalogue is a mapping: a second entry with one id is an error, not a silent
    # replacement (the reader refuses duplicate keys)
    text = resource_path("schemes.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.startswith("  ") and
             not line.startswith("   ") and line.rstrip().endswith(":")]
    ids = [line.strip()[:-1] for line in lines]
    assert ids == catalogue().ids()
    with pytest.raises(MapError, match=r"x\.yaml:\d+:\d+: error: duplicate key 'one'"):
        load(SMALL + SMALL.split("schemes:\n", 1)[1], "x.yaml")


def test_conflict_schemes_answer_existing_critical_questions():
    c = catalogue()
    answering = [s for s in c if s.answers]
    assert len(answering) >= 8
    for s in answering:
        assert s.kind == "conflict"
        for scheme_id, question_id in s.answers:
            assert c[scheme_id].question(question_id) is not None


def test_aif_names_and_ids_known_from_aifdb():
    c = catalogue()
    assert (c["default-inference"].aif, c["default-inference"].aif_id) == ("Default Inference", 72)
    assert (c["default-conflict"].aif, c["default-conflict"].aif_id) == ("Default Conflict", 71)
    assert (c["default-rephrase"].aif, c["default-rephrase"].aif_id) == ("Default Rephrase", 144)
    assert (c["expert-opinion"].aif, c["expert-opinion"].aif_id) == ("Expert Opinion", 15)
    assert c["default-conflict"].aif_type == "CA" and c["default-rephrase"].aif_type == "MA"


# ---- look-up -----------------------------------------------------------------------------

def test_every_scheme_of_the_aif_corpora_is_found_by_its_name():
    found = _corpus_schemes()
    assert {name for _, _, name, _ in found} >= {"Default Inference", "Default Conflict",
                                                 "Default Rephrase"}
    c = catalogue()
    for file, kind, name, scheme_id in found:
        scheme = c.by_aif(name)
        assert scheme is not None, (file, name)
        assert scheme.kind == SCHEME_NODES[kind], (file, name)
        if scheme_id is not None:
            assert c.by_aif_id(scheme_id) is scheme, (file, name, scheme_id)


def test_every_aif_name_is_found_in_both_of_aifdbs_forms():
    c = catalogue()
    for s in c:
        if not s.aif:
            continue
        assert c.by_aif(s.aif) is s
        assert c.by_aif("Argument From " + s.aif) is s
        assert c.by_aif(s.aif.upper().replace(" ", "   ")) is s
        assert c.by_aif(s.aif.title().replace(" ", "")) is s      # Araucaria: "PracticalReasoning"
        if s.aif_id is not None:
            assert c.by_aif_id(s.aif_id) is s and c.by_aif_id(str(s.aif_id)) is s


def test_look_up_by_aif_names_other_tools_write():
    c = catalogue()
    assert c.by_aif("Argument from Expert Opinion").id == "expert-opinion"
    assert c.by_aif("argument from an established rule").id == "established-rule"
    assert c.by_aif("Causal Slippery Slope Argument").id == "slippery-slope"
    assert c.by_aif("PracticalReasoning").id == "practical-reasoning"
    assert c.by_aif("Cause-to-Effect").id == "cause-to-effect"


def test_look_up_misses_are_none():
    c = catalogue()
    for name in ("", None, "RA", "CA", "Argument From", "Argument", "No Such Scheme"):
        assert c.by_aif(name) is None, name
    for scheme_id in (None, 0, -1, 99999, "", "x15", "1.5", True):
        assert c.by_aif_id(scheme_id) is None, scheme_id
    assert c.get("no-such-scheme") is None and "no-such-scheme" not in c


def test_aif_key_keeps_words_that_only_look_like_prefixes():
    assert aif_key("Analogy") == "analogy"                 # not "an" + "alogy"
    assert aif_key("Argument From Analogy") == "analogy"
    assert aif_key("Argument") == "argument"
    assert aif_key("Argument From") != aif_key("")


def test_words_in_a_language():
    s = catalogue()["expert-opinion"]
    assert s.short.get("de") == "Expertenmeinung" and s.short.get("de-AT") == "Expertenmeinung"
    assert s.short.get("en") == "Expert opinion" and s.short.get("fr") == "Expert opinion"


def test_the_catalogue_is_read_once():
    assert catalogue() is catalogue()


# ---- a map's own schemes -------------------------------------------------------------------

def _override(text: str):
    doc = read_yaml(text, "m.yaml")
    return merge(catalogue(), doc.data["schemes"], doc=doc, path=("schemes",))


def test_merge_adds_a_scheme_and_overrides_one_language_of_a_name():
    merged = _override("""\
schemes:
  expert-opinion:
    short: {en: Expert}
  waste:
    kind: support
    aif: Waste
    name: {de: Argument aus der Verschwendung, en: Argument from waste}
    short: {de: Verschwendung, en: Waste}
    source: Walton, Reed & Macagno 2008
    roles:
      - {id: spent, de: Es wurde schon viel investiert., en: Much has been invested.}
    conclusion: {de: Weitermachen., en: Carry on.}
    questions:
      - {id: spent, targets: spent, de: Wurde wirklich viel investiert?, en: Was much really invested?}
      - {id: sunk, targets: inference, de: Ist das Verlorene verloren?, en: Is what is lost lost?}
""")
    assert isinstance(merged, Catalogue)
    assert len(merged) == len(catalogue()) + 1
    assert merged.ids()[:len(catalogue())] == catalogue().ids()      # order kept, new ones last
    expert = merged["expert-opinion"]
    assert (expert.short.en, expert.short.de) == ("Expert", "Expertenmeinung")
    assert expert.questions == catalogue()["expert-opinion"].questions
    assert merged.by_aif("Argument From Waste").id == "waste"
    assert merged["waste"].question("sunk").undercuts
    # the shipped catalogue is left as it was
    assert catalogue()["expert-opinion"].short.en == "Expert opinion"
    assert catalogue().get("waste") is None


def test_merge_replaces_lists_whole():
    merged = _override("""\
schemes:
  example:
    roles:
      - {id: seen, de: Z wurde gesehen., en: Z was seen.}
    questions:
      - {id: seen, targets: seen, de: Wirklich?, en: Really?}
""")
    example = merged["example"]
    assert [r.id for r in example.roles] == ["seen"]
    assert [q.id for q in example.questions] == ["seen"]
    assert example.aif_id == catalogue()["example"].aif_id


def test_merge_of_nothing_is_the_catalogue():
    assert merge(catalogue(), None) is catalogue()
    assert merge(catalogue(), {}) is catalogue()


def test_data_round_trip():
    again = Catalogue({s.id: s for s in catalogue()})
    rebuilt = merge(Catalogue({}), again.to_data()["schemes"])
    assert [s for s in rebuilt] == [s for s in catalogue()]


@pytest.mark.parametrize("text, line, column, words", [
    # a question aimed at a role the scheme does not have
    ("schemes:\n  sign:\n    questions:\n      - {id: x, targets: nope, de: A?, en: B?}\n",
     4, 26, "targets 'nope', which is neither a role"),
    # an override that removes a role a question still targets: the override is named
    ("schemes:\n  sign:\n    roles:\n      - {id: seen, de: Z., en: Z.}\n",
     3, 5, "targets 'finding'"),
    # an override that removes a question a conflict scheme answers
    ("schemes:\n  sign:\n    questions:\n      - {id: finding, targets: finding, de: X, en: Y}\n",
     4, 7, "scheme 'sign' has no question 'other-causes', which scheme 'sign-from-other"),
    # a short name too long to draw
    ("schemes:\n  sign:\n    short: {en: Sign of something big}\n",
     3, 17, "at most 16"),
    # a new scheme without its English name and questions
    ("schemes:\n  new:\n    kind: support\n    name: {de: Neu}\n    short: {de: N, en: N}\n"
     "    source: s\n    roles: [{id: r, de: R, en: R}]\n    conclusion: {de: K, en: C}\n",
     3, 5, "has no 'questions'"),
    ("schemes:\n  new:\n    kind: support\n    name: {de: Neu}\n", 4, 11, "name has no 'en'"),
    # a scheme of an unknown kind, a misspelt key, an id that is no number
    ("schemes:\n  sign:\n    kind: inference\n", 3, 11, "kind must be one of"),
    ("schemes:\n  sign:\n    shrot: {en: S}\n", 3, 5, "unknown key 'shrot'"),
    ("schemes:\n  sign:\n    aif_id: '30'\n", 3, 13, "aif_id must be a whole number"),
    # two schemes with one AIF name or id: the map's scheme is named
    ("schemes:\n  sign:\n    aif: Argument From Analogy\n", 3, 10, "scheme 'sign': its aif"),
    ("schemes:\n  analogy:\n    aif_id: 30\n", 3, 13, "scheme 'analogy': aif_id 30"),
    # a conflict answering a question that is not there
    ("schemes:\n  weakest-link:\n    answers: [{scheme: sign, question: nope}]\n",
     3, 40, "which scheme 'sign' does not have"),
    ("schemes:\n  sign:\n    roles:\n      - {id: inference, de: X, en: Y}\n", 4, 14,
     "'inference' is not a role id"),
    ("schemes:\n  sign:\n    roles:\n      - {id: finding, required: 'no', de: X, en: Y}\n",
     4, 33, "required must be true or false"),
])
def test_a_broken_override_is_reported_with_line_and_column(text, line, column, words):
    with pytest.raises(MapError) as caught:
        _override(text)
    matching = [d for d in caught.value.diagnostics if words in d.message]
    assert matching, str(caught.value)
    d = matching[0]
    assert (d.file, d.line, d.column) == ("m.yaml", line, column), str(d)
    assert str(d).startswith(f"m.yaml:{line}:{column}: error: ")


def test_a_broken_catalogue_is_reported_with_line_and_column():
    broken = SMALL.replace("targets: r", "targets: s").replace("short: {de: Eins, en: One}",
                                                               "short: {de: Eins}")
    with pytest.raises(MapError) as caught:
        load(broken, "cat.yaml")
    shown = str(caught.value).splitlines()
    assert "cat.yaml:8:12: error: scheme 'one': short has no 'en' text" in shown
    assert any(s.startswith("cat.yaml:14:26: error: scheme 'one': question 'q' targets 's'")
               for s in shown), shown
    with pytest.raises(MapError, match=r"cat\.yaml:1:10: error: .*version must be 1"):
        load(SMALL.replace("version: 1", "version: 2"), "cat.yaml")
    with pytest.raises(MapError, match=r"cat\.yaml:1:1: error: a scheme catalogue must be"):
        load("- a\n", "cat.yaml")
    with pytest.raises(MapError, match=r"cat\.yaml:4:1: error: YAML syntax"):
        load("version: 1\nschemes:\n  a: {b\n", "cat.yaml")


def test_a_small_catalogue_loads():
    c = load(SMALL, "small.yaml")
    assert c.ids() == ["one"] and c.by_aif("Argument From One Thing").aif_id == 900


# ---- shipped in the package ----------------------------------------------------------------

def test_the_catalogue_is_a_resource():
    path = resource_path("schemes.yaml")
    assert path.is_file() and path.parent == (ROOT / "resources").resolve()


def test_the_catalogue_is_in_the_built_wheel(wheel):  # noqa: F811
    assert "argmap/_resources/schemes.yaml" in wheel.namelist()
    shipped = wheel.read("argmap/_resources/schemes.yaml").decode("utf-8")
    assert load(shipped, "schemes.yaml").ids() == catalogue().ids()
