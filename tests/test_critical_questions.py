"""Schemes on relations: roles of premises, the state of critical questions, and the
warnings for what does not fit the catalogue."""

from __future__ import annotations

from argmap.critical_questions import open_questions, question_states
from argmap.mapio import load_text
from argmap.savefile import render

MAP = """argmap: 1
title: t
claims:
  kofman: {text: 'Kofman sagt: Russland erholt sich.', kind: question}
  experte: {text: Kofman ist Militärexperte., kind: question}
  these: {text: Russland erholt sich., kind: question}
  zweifel: {text: Kofman lag oft daneben., kind: question}
relations:
  - id: r1
    type: support
    from: [kofman, experte]
    to: these
    scheme: expert-opinion
    roles: {kofman: assertion, experte: expertise}
    questions: {field: yes}
  - id: r2
    type: undercut
    from: zweifel
    to: r1
    answers: {r1: reliability}
"""


def test_question_states_from_the_map():
    loaded = load_text(MAP, "m.yaml")
    assert [str(d) for d in loaded.diagnostics] == []
    rel = loaded.map.relation_by_key("r1")
    assert (rel.scheme, rel.roles, rel.questions) == (
        "expert-opinion", {"kofman": "assertion", "experte": "expertise"}, {"field": "yes"})
    states = {s.question.id: (s.state, s.by) for s in question_states(loaded.map)["r1"]}
    assert states["field"] == ("yes", [])
    assert states["reliability"] == ("no", ["r2"])
    assert states["consistency"] == ("open", [])
    assert "reliability" not in open_questions(loaded.map)["r1"]
    assert "r2" not in open_questions(loaded.map)


def test_the_fields_save_and_read_back():
    loaded = load_text(MAP, "m.yaml")
    again = load_text(render(loaded.map), "m.yaml")
    assert again.map.snapshot() == loaded.map.snapshot()
    assert [str(d) for d in again.diagnostics] == []


def test_what_does_not_fit_is_warned_with_line_and_column():
    text = (MAP.replace("scheme: expert-opinion", "scheme: expert-opinon")
            .replace("answers: {r1: reliability}", "answers: {r1: reliabilty}"))
    msgs = [str(d) for d in load_text(text, "m.yaml").diagnostics]
    assert msgs[0] == ("m.yaml:13:13: warning: relation 'r1' names the scheme "
                       "'expert-opinon', which is not in the catalogue (docs/schemes.md lists "
                       "them)")
    assert any("answers a question of 'r1', which names no known scheme" in m for m in msgs)
    text = MAP.replace("roles: {kofman: assertion, experte: expertise}",
                       "roles: {kofman: assertion, these: expertise}")
    msgs = [str(d) for d in load_text(text, "m.yaml").diagnostics]
    assert msgs == ["m.yaml:14:32: warning: relation 'r1': 'these' has a role but is not one "
                    "of its premises"]
    text = MAP.replace("roles: {kofman: assertion, experte: expertise}",
                       "roles: {kofman: assertion}")
    msgs = [str(d) for d in load_text(text, "m.yaml").diagnostics]
    assert msgs == ["m.yaml:13:13: warning: relation 'r1': no premise has the role "
                    "'expertise' the scheme 'expert-opinion' needs"]
    text = MAP.replace("questions: {field: yes}", "questions: {feld: yes}")
    assert any("has no critical question 'feld'" in str(d)
               for d in load_text(text, "m.yaml").diagnostics)
    text = MAP.replace("type: undercut", "type: support").replace("to: r1\n    answers",
                                                                  "to: these\n    answers")
    assert any("only an attack or an undercut answers a critical question" in str(d)
               for d in load_text(text, "m.yaml").diagnostics)


def test_an_aifdb_name_names_the_scheme_too():
    loaded = load_text(MAP.replace("scheme: expert-opinion", "scheme: Expert Opinion"), "m.yaml")
    assert [str(d) for d in loaded.diagnostics] == []
    assert "r1" in question_states(loaded.map)


def test_a_question_state_other_than_yes_or_open_is_an_error():
    loaded = load_text(MAP.replace("questions: {field: yes}", "questions: {field: maybe}"),
                       "m.yaml")
    assert loaded.errors and "maybe" in str(loaded.errors[0])


def test_schemes_and_base_scores_travel_through_aif():
    import json

    from argmap.interchange import export_aif, import_aif
    loaded = load_text(MAP.replace("  these: {text: Russland erholt sich., kind: question}",
                                   "  these: {text: Russland erholt sich., kind: question, "
                                   "base: 0.8}"), "m.yaml")
    data = export_aif(loaded.map)
    back = import_aif(data if isinstance(data, (str, bytes, dict)) else json.dumps(data)).map
    assert back.snapshot()["relations"] == loaded.map.snapshot()["relations"]
    assert back.claims["these"].base == 0.8
