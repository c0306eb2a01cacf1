"""The ICCMA reasoning tasks on an abstract framework, without enumerating everything.

``DC-σ`` (credulous): is the argument IN in some σ labelling?  ``DS-σ``
(sceptical): is it IN in every one?  ``SE-σ``: some σ extension, or none.
σ is ``CO`` (complete), ``PR`` (preferred), ``ST`` (stable) or ``GR``
(grounded).

The grounded labelling answers many questions at once (an argument IN in it
is IN in every complete labelling, an OUT one in none), so only what it
leaves UNDEC is searched, with targeted questions:

* DC-CO = DC-PR: an admissible set containing the argument (its part of the
  undecided arguments only);
* DS-PR: NO when the argument is not credulously accepted or one of its
  attackers is (as above), else the preferred extensions of its part are
  listed until one leaves it out;
* DC-ST, DS-ST: one stable labelling with the argument IN / not IN;
* DS-CO = DS-GR = DC-GR: the grounded labelling; SE-CO: the grounded
  extension, which is complete.

Both back ends answer (see :func:`argmap.semantics.framework.choose_backend`):
the own search, and clingo under assumptions (``in(a)`` true or false), the
brave and cautious questions of answer-set programming asked one model at a
time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Hashable

from . import asp
from .framework import DEFAULT_TIME_LIMIT, Framework, Labelling, choose_backend
from .search import (
    _I, _O, _U, _Admissible, _Search, _Timeout, _undecided_parts, grounded_codes,
)

PROBLEMS = ("DC", "DS", "SE")
SEMANTICS = {"CO": "complete", "PR": "preferred", "ST": "stable", "GR": "grounded"}
TASKS = tuple(f"{p}-{s}" for p in PROBLEMS for s in SEMANTICS)


@dataclass
class Answer:
    """``answer``: YES (True) / NO (False), None when the time ran out; for SE
    True when ``labelling`` holds an extension."""

    task: str
    answer: bool | None
    labelling: Labelling | None = None
    backend: str = "own"
    reason: str = ""


def parse_task(task: str) -> tuple[str, str]:
    """``"DC-PR"`` → ``("DC", "preferred")``; ValueError for anything else."""
    problem, _, sem = task.upper().partition("-")
    if problem not in PROBLEMS or sem not in SEMANTICS:
        raise ValueError(f"unknown task {task!r}; choose one of " + ", ".join(TASKS))
    return problem, SEMANTICS[sem]


def solve_task(af: Framework, task: str, argument: Hashable | None = None,
               time_limit: float | None = DEFAULT_TIME_LIMIT,
               backend: str | None = None) -> Answer:
    """Answer an ICCMA task; ``argument`` is needed for DC and DS."""
    problem, sem = parse_task(task)
    task = task.upper()
    if problem != "SE" and argument is None:
        raise ValueError(f"{task} asks about one argument: name it")
    x = af.index(argument) if problem != "SE" else -1
    base = grounded_codes(af.attackers, af.targets)
    chosen = choose_backend(af.attackers, af.targets, backend, base)
    if sem == "grounded" or (problem == "DS" and sem == "complete") \
            or (problem == "SE" and sem == "complete"):
        lab = Labelling(af, base)
        answer = True if problem == "SE" else lab.codes[x] == _I
        return Answer(task, answer, lab if problem == "SE" else None, "own")
    if problem == "SE":
        enum = af.labellings(sem, 1, time_limit, chosen)
        if enum.labellings:
            return Answer(task, True, enum.labellings[0], chosen)
        late = enum.truncated
        return Answer(task, None if late else False, None, chosen, enum.reason if late else "")
    deadline = None if time_limit is None else time.monotonic() + max(0.0, time_limit)
    asking = _ClingoQuestions if chosen == "clingo" else _OwnQuestions
    ask = asking(af, deadline, base)
    try:
        if problem == "DC":
            answer = ask.credulous(x) if sem != "stable" else ask.stable_with(x, True)
        elif sem == "stable":
            answer = not ask.stable_with(x, False)
        else:
            answer = ask.sceptical_preferred(x)
    except _Timeout:
        return Answer(task, None, None, chosen, f"time limit of {time_limit or 0:g} s reached")
    return Answer(task, answer, None, chosen)


class _OwnQuestions:
    """The questions, asked of argmap's own search on the undecided parts."""

    def __init__(self, af: Framework, deadline: float | None, base: list[int]) -> None:
        self.af, self.deadline = af, deadline
        self.base = base
        self.parts = _undecided_parts(af.targets, self.base)
        self._local: dict[int, tuple[list[int], dict[int, int], _Search]] = {}

    def _part(self, k: int) -> tuple[list[int], dict[int, int], _Search]:
        if k not in self._local:
            nodes = self.parts[k]
            local = {g: j for j, g in enumerate(nodes)}
            att = [[local[a] for a in self.af.attackers[g] if a in local] for g in nodes]
            tgt = [[local[b] for b in self.af.targets[g] if b in local] for g in nodes]
            self._local[k] = (nodes, local, _Search(att, tgt, self.deadline))
        return self._local[k]

    def _part_of(self, x: int) -> int:
        return next(k for k, nodes in enumerate(self.parts) if x in nodes)

    def credulous(self, x: int) -> bool:
        if self.base[x] != _U:
            return self.base[x] == _I
        _, local, search = self._part(self._part_of(x))
        return _Admissible(search.att, search.tgt, search).find([local[x]], []) is not None

    def stable_with(self, x: int, inside: bool) -> bool:
        """Whether a stable labelling has ``x`` IN (``inside``) or not IN."""
        if self.base[x] != _U and (self.base[x] == _I) != inside:
            return False
        for k in range(len(self.parts)):
            nodes, local, search = self._part(k)
            dom = [_I | _O] * len(nodes)
            if x in local:
                dom[local[x]] = _I if inside else _O
            if search.first(dom) is None:
                return False
        return True

    def sceptical_preferred(self, x: int) -> bool:
        if self.base[x] != _U:
            return self.base[x] == _I
        nodes, local, search = self._part(self._part_of(x))
        adm = _Admissible(search.att, search.tgt, search)
        lx = local[x]
        if adm.find([lx], []) is None or any(adm.find([a], []) is not None
                                             for a in search.att[lx]):
            return False
        everything = list(range(len(nodes)))
        found: list[list[int]] = []
        while True:                              # PrefSAT, stopping at a counterexample
            clauses = [[i for i in everything if ext[i] != _I] for ext in found] or [everything]
            if any(not c for c in clauses):
                return True
            ins = adm.find((), clauses)
            if ins is None:
                return True
            lab = adm.close(ins)
            while True:
                rest = [i for i in everything if lab[i] != _I]
                bigger = adm.find([i for i in everything if lab[i] == _I], [rest]) \
                    if rest else None
                if bigger is None:
                    break
                lab = adm.close(bigger)
            if lab[lx] != _I:
                return False
            found.append(lab)


class _ClingoQuestions:
    """The questions, asked of clingo on what the grounded labelling leaves UNDEC."""

    def __init__(self, af: Framework, deadline: float | None, base: list[int]) -> None:
        self.res = asp.Residual(af.attackers, af.targets, base)
        self.deadline = deadline

    def _some(self, semantics: str, assume_in=(), assume_out=()) -> list[int] | None:
        """One model's IN arguments (local), or None; _Timeout past the deadline."""
        got: list[list[int]] = []

        def keep(ins: list[int]) -> bool:
            got.append(ins)
            return False

        if not self.res.nodes:
            return []
        if not asp.solve(semantics, len(self.res.nodes), self.res.attacks, keep, self.deadline,
                         assume_in, assume_out, models=1):
            raise _Timeout
        return got[0] if got else None

    def credulous(self, x: int) -> bool:
        res = self.res
        if res.base[x] != _U:
            return res.base[x] == _I
        return self._some("complete", [res.local[x]]) is not None

    def stable_with(self, x: int, inside: bool) -> bool:
        res = self.res
        if res.base[x] != _U:
            return (res.base[x] == _I) == inside and self._some("stable") is not None
        lx = [res.local[x]]
        return self._some("stable", *((lx, ()) if inside else ((), lx))) is not None

    def sceptical_preferred(self, x: int) -> bool:
        res = self.res
        if res.base[x] != _U:
            return res.base[x] == _I
        lx = res.local[x]
        if self._some("complete", [lx]) is None:
            return False
        if any(self._some("complete", [a]) is not None
               for a, b in res.attacks if b == lx):
            return False
        left_out = [False]

        def check(ins: list[int]) -> bool:
            if lx not in ins:
                left_out[0] = True
                return False
            return True

        if not asp.solve("preferred", len(res.nodes), res.attacks, check, self.deadline):
            raise _Timeout
        return not left_out[0]


__all__ = ["Answer", "PROBLEMS", "SEMANTICS", "TASKS", "parse_task", "solve_task"]
