"""Open critical questions counting against the argument: each one is an undercut
nothing answers, so a support with one does not stand and an attack with one does
not hit.  Small maps, each checked by hand."""

import json

from argmap.cli import main
from argmap.mapio import load_text
from argmap.semantics import evaluate
from argmap.semantics.open_questions import OPEN

GROUP = "Does the opinion of this particular group carry weight on the question?"
CONTRADICTS = "Does the objection really contradict what it attacks?"
RELEVANCE = "Does the flaw bear on this very statement of E?"

SUPPORT = """argmap: 1
title: support
claims:
  viele: {text: Viele glauben es., kind: question}
  these: {text: Es stimmt., kind: question}
relations:
  - id: r1
    type: support
    from: viele
    to: these
    scheme: popular-opinion
    roles: {viele: acceptance}
    questions: {acceptance: yes, doubt: yes}
"""

ATTACK = """argmap: 1
title: attack
claims:
  einwand: {text: Dagegen spricht etwas., kind: question}
  these: {text: Es stimmt., kind: question}
relations:
  - id: r1
    type: attack
    from: einwand
    to: these
    scheme: default-conflict
    roles: {einwand: objection}
    questions: {objection: yes}
"""

# an expert's word (every question granted but reliability, which the undercut
# answers "no"); the undercut itself leaves its own question "relevance" open
UNDERCUT = """argmap: 1
title: undercut
claims:
  kofman: {text: Kofman sagt es., kind: question}
  experte: {text: Kofman ist Experte., kind: question}
  these: {text: Es stimmt., kind: question}
  befangen: {text: Kofman ist befangen., kind: question}
relations:
  - id: r1
    type: support
    from: [kofman, experte]
    to: these
    scheme: expert-opinion
    roles: {kofman: assertion, experte: expertise}
    questions: {expertise: yes, field: yes, opinion: yes, consistency: yes, evidence: yes}
  - id: u1
    type: undercut
    from: befangen
    to: r1
    scheme: lack-of-expert-reliability
    roles: {befangen: unreliable}
    questions: {unreliable: yes}
    answers: {r1: reliability}
"""


def _map(text):
    loaded = load_text(text, "m.yaml")
    assert [str(d) for d in loaded.diagnostics] == []
    return loaded.map


def test_ignored_by_default_an_open_question_changes_nothing():
    lab = evaluate(_map(SUPPORT)).labelling
    assert lab.relations["r1"] == "IN"
    assert lab.why("these") == "IN: not attacked; supported by 'viele'"
    lab = evaluate(_map(ATTACK)).labelling
    assert (lab.label("these"), lab.label("einwand")) == ("OUT", "IN")


def test_a_support_with_an_open_question_does_not_stand_and_says_which():
    ev = evaluate(_map(SUPPORT), open_questions=True)
    lab = ev.labelling
    assert lab.relations["r1"] == "OUT"
    # supports are evidential: the conclusion keeps its label, only the reason goes
    assert lab.label("these") == "IN" and lab.label("viele") == "IN"
    assert lab.why("these") == ("IN: not attacked; no reason for it stands (the support "
                                f"from 'viele' does not stand: open question “{GROUP}”)")
    # the virtual undercut is an argument of the framework that nothing attacks
    af = ev.framework.af
    k = af.index((OPEN, "r1", "group"))
    assert af.attackers[k] == [] and af.targets[k] == [ev.framework.rel_node["r1"]]


def test_granting_every_question_lets_the_support_stand_again():
    amap = _map(SUPPORT.replace("doubt: yes}", "doubt: yes, group: yes}"))
    lab = evaluate(amap, open_questions=True).labelling
    assert lab.relations["r1"] == "IN"
    assert lab.why("these") == "IN: not attacked; supported by 'viele'"


def test_several_open_questions_are_named_together():
    amap = _map(SUPPORT.replace("questions: {acceptance: yes, doubt: yes}",
                                "questions: {acceptance: yes}"))
    why = evaluate(amap, open_questions=True).labelling.why("these")
    assert why.endswith("does not stand: open questions “Are there good reasons to doubt A, "
                        f"even though many believe it?” and “{GROUP}”)")


def test_an_attack_with_an_open_question_is_set_aside():
    for semantics in ("grounded", "preferred", "stable"):
        ev = evaluate(_map(ATTACK), semantics, open_questions=True)
        assert len(ev.labellings) == 1
        lab = ev.labelling
        assert (lab.label("these"), lab.label("einwand")) == ("IN", "IN")
        assert lab.relations["r1"] == "OUT"
        assert lab.why("these") == ("IN because every attack on it fails: the attack by "
                                    f"'einwand' does not stand: open question “{CONTRADICTS}”")


def test_a_question_answered_no_is_not_open_and_the_answer_counts():
    # "does the objection contradict?" answered no by an undercut: not open any more,
    # and the undercut holds either way
    text = ATTACK + ("  - {id: u1, type: undercut, from: kein-widerspruch, to: r1, "
                     "answers: {r1: contradicts}}\n")
    text = text.replace("claims:\n", "claims:\n  kein-widerspruch: {text: Kein "
                        "Widerspruch., kind: question}\n")
    for counted in (False, True):
        lab = evaluate(_map(text), open_questions=counted).labelling
        assert lab.label("these") == "IN"
        assert lab.why("these") == ("IN because every attack on it fails: the attack by "
                                    "'einwand' is undercut by 'kein-widerspruch'")


def test_the_open_question_of_an_undercut_takes_the_undercut_down():
    amap = _map(UNDERCUT)
    lab = evaluate(amap).labelling
    assert lab.relations["r1"] == "OUT" and lab.relations["u1"] == "IN"
    # counted: the undercut's own question "relevance" is open, so the undercut does not
    # stand, and r1, whose one question not granted is answered no, stands again
    lab = evaluate(amap, open_questions=True).labelling
    assert lab.relations["u1"] == "OUT" and lab.relations["r1"] == "IN"
    assert lab.why("these") == "IN: not attacked; supported by 'kofman' + 'experte'"


def test_a_relation_without_a_known_scheme_has_no_questions_to_count():
    amap = _map(SUPPORT.replace("    scheme: popular-opinion\n    roles: {viele: acceptance}\n"
                                "    questions: {acceptance: yes, doubt: yes}\n", ""))
    assert evaluate(amap, open_questions=True).labelling.relations["r1"] == "IN"


def test_assumptions_and_open_questions_together():
    # the attack is set aside by its open question; rejecting the objection changes
    # nothing more for the thesis
    lab = evaluate(_map(ATTACK), assume={"einwand": "rejected"},
                   open_questions=True).labelling
    assert (lab.label("these"), lab.label("einwand")) == ("IN", "OUT")


def test_the_command_line_counts_open_questions_when_asked(tmp_path, capsys):
    path = tmp_path / "m.yaml"
    path.write_text(ATTACK, encoding="utf-8")
    assert main(["evaluate", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["labellings"][0]["claims"]["these"]["label"] == "OUT"
    assert "open_questions" not in data
    assert main(["evaluate", str(path), "--json", "--open-questions", "count"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["open_questions"] == "count"
    assert data["labellings"][0]["claims"]["these"]["label"] == "IN"
    assert data["labellings"][0]["relations"]["r1"] == "OUT"
    assert main(["evaluate", str(path), "--open-questions", "count"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{path}: attack (grounded; open questions count against)"
    assert f"open question “{CONTRADICTS}”" in out
    assert main(["evaluate", str(path), "--open-questions", "ignore"]) == 0
    assert "  these  " in capsys.readouterr().out
    assert main(["evaluate", str(path), "--open-questions", "maybe"]) == 2
    assert "invalid choice: 'maybe'" in capsys.readouterr().err
