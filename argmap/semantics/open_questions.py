"""Open critical questions counting against the argument.

A relation that names an argument scheme (argmap.critical_questions) has
critical questions, each answered ``yes`` in the map, answered ``no`` by an
attack or undercut, or still ``open``.  By default an open question changes
nothing.  With the option on, as Carneades' proof standards have it (Gordon,
Prakken & Walton 2007: an argument is applicable only when the questions
asked of it are answered), each open question of a relation is an
*unattacked virtual undercut* of it: the relation gets its ``rel`` node, and
an argument ``("open", relation key, question id)`` that nothing attacks
attacks that node.  So

* a support with an open question does not stand (its conclusion keeps the
  label it has without it: supports are evidential, docs/semantics.md), and
  the claim's reason says which question is open;
* an attack with an open question is set aside: it does not hit its target.

:func:`counted` says which questions count, :func:`undercut` adds the
arguments to a :class:`~argmap.semantics.mapaf.MapFramework` and
:func:`clause` words them for the explanations.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import ArgumentMap, Relation

if TYPE_CHECKING:
    from ..schemes import Question
    from .mapaf import MapFramework

#: the first part of the name of a virtual undercut in the framework
OPEN = "open"
#: the relations an open question counts against (a rephrase is no inference)
COUNTED = ("support", "attack", "undercut")


def counted(amap: ArgumentMap, relations: Iterable[Relation]) -> dict[str, list["Question"]]:
    """Relation key -> the open critical questions of each of ``relations`` (those
    that take part in the evaluation) that supports, attacks or undercuts; relations
    with none are left out."""
    from ..critical_questions import question_states
    from ..schemes import map_catalogue

    keys = {r.key for r in relations if r.type in COUNTED}
    if not any(r.scheme for r in amap.relations):
        return {}             # no scheme, no question: the catalogue is not even read
    out: dict[str, list[Question]] = {}
    for key, states in question_states(amap, map_catalogue(amap)).items():
        questions = [s.question for s in states if s.state == "open"]
        if key in keys and questions:
            out[key] = questions
    return out


def undercut(meta: "MapFramework") -> None:
    """One unattacked argument per open question, attacking its relation's ``rel`` node
    (the framework gave every relation in ``meta.open_questions`` one)."""
    af = meta.af
    for key, questions in meta.open_questions.items():
        node = meta.rel_node[key]
        for q in questions:
            af.add_index_attack(af.add_argument((OPEN, key, q.id)), node)


def clause(questions: list["Question"]) -> str:
    """What the open questions do to their relation, as a clause of a reason."""
    texts = " and ".join(f"“{q.text.en}”" for q in questions)
    noun = "question" if len(questions) == 1 else "questions"
    return f"does not stand: open {noun} {texts}"
