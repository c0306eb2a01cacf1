"""Argument schemes on a map's relations, and the state of their critical questions.

A support or attack may name its ``scheme`` (an id of the catalogue,
argmap.schemes, or of the map's own schemes, or its AIFdb name) and the
``roles`` of its premises.  Each critical question of the scheme is

* ``no`` when an attack or undercut of the map names it in its ``answers``
  (``answers: {r4: reliability}``: "this relation says no to r4's question
  'reliability'") — the answer is in the map and the evaluation uses it;
* ``yes`` when the relation's ``questions`` says so (the argument stands on
  that point);
* ``open`` otherwise.

:func:`scheme_diagnostics` warns, with line and column, about what does not
fit the catalogue; :func:`question_states` lists every question's state.
:func:`set_scheme`, :func:`set_role`, :func:`set_question` and
:func:`answer_no_steps` are the undoable edits of them (argmap.commands).
See docs/schemes.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .commands import Command, Macro, SetRelationField
from .diagnostics import WARNING, Diagnostic
from .model import ArgumentMap, Relation
from .schemes import Catalogue, Question, Scheme, catalogue, map_catalogue

Where = Callable[[tuple, bool], tuple[int, int]]
STATES = ("yes", "no", "open")


def scheme_of(rel: Relation, schemes: Catalogue | None = None) -> Scheme | None:
    """The scheme a relation names (by id or AIFdb name) in ``schemes`` (the map's
    catalogue, :func:`~argmap.schemes.map_catalogue`; the shipped one when not given),
    or None."""
    if not rel.scheme:
        return None
    cat = schemes or catalogue()
    return cat.get(rel.scheme) or cat.by_aif(rel.scheme)


@dataclass
class QuestionState:
    question: Question
    #: "yes", "no" or "open"
    state: str
    #: the keys of the relations that answer it "no"
    by: list[str] = field(default_factory=list)


def question_states(amap: ArgumentMap, schemes: Catalogue | None = None
                    ) -> dict[str, list[QuestionState]]:
    """Relation key -> the state of each critical question of its scheme, for every
    relation that names a known scheme (of ``schemes``, by default the map's)."""
    cat = schemes or map_catalogue(amap)
    noes: dict[tuple[str, str], list[str]] = {}
    for r in amap.relations:
        for key, qid in r.answers.items():
            noes.setdefault((key, qid), []).append(r.key)
    out: dict[str, list[QuestionState]] = {}
    for r in amap.relations:
        scheme = scheme_of(r, cat) if r.type != "rephrase" else None
        if scheme is None:
            continue
        states = []
        for q in scheme.questions:
            by = noes.get((r.key, q.id), [])
            state = "no" if by else "yes" if r.questions.get(q.id) == "yes" else "open"
            states.append(QuestionState(q, state, list(by)))
        out[r.key] = states
    return out


def open_questions(amap: ArgumentMap, schemes: Catalogue | None = None) -> dict[str, list[str]]:
    """Relation key -> the ids of its open critical questions (relations with none left out)."""
    return {k: [s.question.id for s in states if s.state == "open"]
            for k, states in question_states(amap, schemes).items()
            if any(s.state == "open" for s in states)}


def scheme_diagnostics(relations: Iterable[tuple[int, Relation]], file: str, where: Where,
                       schemes: Catalogue | None = None) -> list[Diagnostic]:
    """Warnings for schemes, roles, questions and answers that do not fit ``schemes``
    (the map's catalogue; the shipped one when not given): ``relations`` are (index in
    the file's list, relation).

    A required role no premise has is not warned about when the relation answers
    ``yes`` to every critical question about that role: the analyst granted it (the
    article takes the expert's standing for granted)."""
    rels = list(relations)
    if not any(r.scheme or r.roles or r.questions or r.answers for _, r in rels):
        return []          # the catalogue is not even read
    cat = schemes or catalogue()
    out: list[Diagnostic] = []

    def warn(message: str, path: tuple, key: bool, subject: str) -> None:
        line, col = where(path, key)
        out.append(Diagnostic(WARNING, message, file, line, col, subject))

    by_key = {r.key: r for _, r in rels}
    for i, r in rels:
        name = f"relation '{r.key}'"
        if r.type == "rephrase":     # the same content again: no inference to weigh
            for fname in ("scheme", "roles", "questions", "answers"):
                if getattr(r, fname):
                    warn(f"rephrase {name} gives '{fname}'; a rephrase restates a claim and "
                         "has no scheme, roles or critical questions; it is not used",
                         ("relations", i, fname), True, r.key)
            continue
        scheme = scheme_of(r, cat)
        if r.scheme and scheme is None:
            warn(f"{name} names the scheme '{r.scheme}', which is not in the catalogue "
                 "(docs/schemes.md lists them)", ("relations", i, "scheme"), False, r.key)
        if (r.roles or r.questions) and not r.scheme:
            warn(f"{name} gives roles or critical questions but names no scheme",
                 ("relations", i), False, r.key)
        if scheme is not None:
            for pid, role in r.roles.items():
                if pid not in r.premises:
                    warn(f"{name}: '{pid}' has a role but is not one of its premises",
                         ("relations", i, "roles", pid), True, r.key)
                elif scheme.role(role) is None:
                    warn(f"{name}: the scheme '{scheme.id}' has no role '{role}' (its roles: "
                         + ", ".join(x.id for x in scheme.roles) + ")",
                         ("relations", i, "roles", pid), False, r.key)
            given = set(r.roles.values())
            for needed in scheme.required_roles:
                if needed.id not in given and not granted(scheme, needed.id, r):
                    warn(f"{name}: no premise has the role '{needed.id}' the scheme "
                         f"'{scheme.id}' needs", ("relations", i, "scheme"), False, r.key)
            for qid in r.questions:
                if scheme.question(qid) is None:
                    warn(f"{name}: the scheme '{scheme.id}' has no critical question '{qid}'",
                         ("relations", i, "questions", qid), True, r.key)
        for key, qid in r.answers.items():
            path = ("relations", i, "answers", key)
            if r.type not in ("attack", "undercut"):
                warn(f"{name} is a {r.type}: only an attack or an undercut answers a critical "
                     "question with no", path, True, r.key)
                continue
            other = by_key.get(key)
            target = scheme_of(other, cat) if other is not None and \
                other.type != "rephrase" else None
            if other is None:
                warn(f"{name} answers a question of '{key}', which is not a relation",
                     path, True, r.key)
            elif target is None:
                warn(f"{name} answers a question of '{key}', which names no known scheme",
                     path, True, r.key)
            elif target.question(qid) is None:
                warn(f"{name}: the scheme '{target.id}' of '{key}' has no critical question "
                     f"'{qid}'", path, False, r.key)
    return out


def granted(scheme: Scheme, role: str, rel: Relation) -> bool:
    """Whether ``rel`` answers yes to every critical question of ``scheme`` about the
    premise in ``role`` (and the scheme asks at least one): the premise is granted, so
    the argument needs none in the map."""
    about = [q.id for q in scheme.questions if q.targets == role]
    return bool(about) and all(rel.questions.get(q) == "yes" for q in about)


# -- editing: undoable commands -----------------------------------------------------------

def set_scheme(amap: ArgumentMap, relation: Relation, scheme: str,
               roles: set[str] | None = None, questions: set[str] | None = None) -> Command:
    """Name ``scheme`` ("" for none) on ``relation``; the premises' roles and the
    question states the new scheme does not know (not in ``roles``, ``questions``) go."""
    keep_roles = {p: r for p, r in relation.roles.items() if roles and r in roles}
    keep_questions = {q: v for q, v in relation.questions.items()
                      if questions and q in questions}
    cmds: list[Command] = [SetRelationField(amap, relation, "scheme", scheme)]
    if keep_roles != relation.roles:
        cmds.append(SetRelationField(amap, relation, "roles", keep_roles))
    if keep_questions != relation.questions:
        cmds.append(SetRelationField(amap, relation, "questions", keep_questions))
    return cmds[0] if len(cmds) == 1 else Macro("Set argument scheme", cmds)


def set_role(amap: ArgumentMap, relation: Relation, premise: str, role: str) -> Command:
    """The role of ``premise`` in the relation's scheme ("" for none)."""
    roles = {p: r for p, r in relation.roles.items() if p != premise}
    if role:
        roles[premise] = role
    return SetRelationField(amap, relation, "roles", roles)


def set_question(amap: ArgumentMap, relation: Relation, question: str, state: str) -> Command:
    """Mark a critical question ``yes`` (granted) or ``open`` (the default, not written);
    a "no" is an attack or undercut that answers it (:func:`answer_no_steps`)."""
    if state not in ("yes", "open"):
        raise ValueError(f"a critical question is marked yes or open, not {state!r}")
    questions = {q: v for q, v in relation.questions.items() if q != question}
    if state == "yes":
        questions[question] = "yes"
    return SetRelationField(amap, relation, "questions", questions)


def answer_no_steps(amap: ArgumentMap, relation: Relation, question: str, kind: str,
                    target: str, scheme: str = "", role: str = ""
                    ) -> tuple[list[Command], Relation]:
    """What answering ``question`` of ``relation`` with "no" takes: the commands that
    come first (an id for the relation, which the answer names) and the answering
    relation: an attack on the claim ``target`` or (``kind`` "undercut") an undercut
    of the relation, naming the conflict ``scheme`` and its premise's ``role``, if
    given.  Its one premise is "", for the caller to fill in."""
    before: list[Command] = []
    key = relation.id
    if not key:
        n = len(amap.relations)
        key = f"r{n}"
        while key in amap.claims or amap.relation_by_key(key) is not None:
            n += 1
            key = f"r{n}"
        before.append(SetRelationField(amap, relation, "id", key))
    answer = Relation(kind, [""], key if kind == "undercut" else target, scheme=scheme,
                      roles={"": role} if role else {}, answers={key: question})
    return before, answer
