"""The answer-set programming back end: the standard encodings, solved by clingo.

The encodings are those of ASPARTIX (Egly, Gaggl & Woltran 2010; Dvořák et
al. 2020), over facts ``arg(X)`` and ``att(X,Y)``:

* **complete**: guess ``in``/``out``; conflict-free; every IN argument is
  defended; every defended argument is IN;
* **stable**: guess; conflict-free; every argument not IN is attacked by an
  IN one;
* **preferred**: the complete encoding with the domain heuristic
  ``#heuristic in(X). [1,true]`` and clingo's ``--enum-mode=domRec``, which
  enumerates exactly the models whose ``in`` atoms are subset-maximal
  (Di Rosa, Giunchiglia & Maratea 2010; Gebser et al. 2013);
* **grounded**: a positive program whose least model clingo's grounder
  computes.

Like the own search (:mod:`argmap.semantics.search`), only what the grounded
labelling leaves UNDEC is handed to the solver.  The functions take and give
the same adjacency lists and label codes; labellings are returned sorted by
their codes, so the order does not depend on the solver.

clingo is optional: :func:`available` says whether it can be imported, and
nothing else in argmap needs it.
"""

from __future__ import annotations

import importlib.util
import time
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Sequence

from . import search
from .search import _I, _O, _U, grounded_codes

if TYPE_CHECKING:                                 # pragma: no cover
    import clingo


@lru_cache(maxsize=None)
def available() -> bool:
    """Whether clingo can be imported (it is imported only when first used)."""
    return importlib.util.find_spec("clingo") is not None


def _clingo() -> Any:
    if not available():
        raise RuntimeError("clingo is not installed (pip install clingo)")
    import clingo
    return clingo


_GUESS = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""

_COMPLETE = _GUESS + """
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not undefended(X).
"""

ENCODINGS = {
    "complete": _COMPLETE,
    "preferred": _COMPLETE + "#heuristic in(X) : arg(X). [1,true]\n",
    "stable": _GUESS + ":- out(X), not defeated(X).\n",
    "grounded": """
in(X) :- arg(X), defeated(Y) : att(Y,X).
defeated(X) :- in(Y), att(Y,X).
""",
}

_OPTIONS = {"preferred": ["--heuristic=Domain", "--enum-mode=domRec"]}


class Residual:
    """What the grounded labelling leaves UNDEC, as a framework of its own.

    ``base``: the grounded codes; ``nodes``: the UNDEC arguments (global
    indices); ``local``: global index → position in ``nodes``; ``attacks``:
    the attacks among them, in local indices.
    """

    def __init__(self, attackers: list[list[int]], targets: list[list[int]],
                 base: list[int] | None = None) -> None:
        self.base = grounded_codes(attackers, targets) if base is None else base
        self.nodes = [i for i, c in enumerate(self.base) if c == _U]
        self.local = {g: k for k, g in enumerate(self.nodes)}
        local = self.local
        self.attacks = [(local[a], local[b]) for b in self.nodes
                        for a in attackers[b] if a in local]

    def codes(self, ins: Sequence[int]) -> list[int]:
        """Global codes from the IN arguments (local indices) of a complete labelling."""
        codes = self.base.copy()
        nodes = self.nodes
        inside = set(ins)
        for k in inside:
            codes[nodes[k]] = _I
        for a, b in self.attacks:
            if a in inside:
                codes[nodes[b]] = _O
        return codes


def program(semantics: str, n: int, attacks: Sequence[tuple[int, int]]) -> str:
    """The facts of a framework of arguments ``0..n-1`` and the semantics' encoding."""
    facts = [f"arg(0..{n - 1})." if n else ""]
    facts += [f"att({a},{b})." for a, b in attacks]
    return "\n".join(facts) + ENCODINGS[semantics] + "#show in/1.\n"


def _control(semantics: str, n: int, attacks: Sequence[tuple[int, int]],
             models: int = 0) -> "clingo.Control":
    clingo = _clingo()
    ctl = clingo.Control([f"--models={models}", *_OPTIONS.get(semantics, [])],
                         logger=lambda code, message: None)
    ctl.add("base", [], program(semantics, n, attacks))
    ctl.ground([("base", [])])
    return ctl


def _ins(model: "clingo.Model") -> list[int]:
    return [s.arguments[0].number for s in model.symbols(shown=True)]


def solve(semantics: str, n: int, attacks: Sequence[tuple[int, int]],
          on_model: Callable[[list[int]], bool], deadline: float | None,
          assume_in: Sequence[int] = (), assume_out: Sequence[int] = (),
          models: int = 0) -> bool:
    """Run clingo; ``on_model(ins)`` gets each model's IN arguments and returns
    False to stop.  ``assume_in``/``assume_out``: arguments that must be IN / not
    IN.  True when the search ended by itself or by ``on_model`` (not by the
    deadline)."""
    clingo = _clingo()
    ctl = _control(semantics, n, attacks, models)
    if deadline is not None and time.monotonic() >= deadline:
        return False
    assumptions = [(clingo.Function("in", [clingo.Number(k)]), True) for k in assume_in]
    assumptions += [(clingo.Function("in", [clingo.Number(k)]), False) for k in assume_out]
    with ctl.solve(assumptions=assumptions, on_model=lambda m: on_model(_ins(m)),
                   async_=True) as handle:
        if deadline is None:
            handle.wait()
            return True
        if handle.wait(max(0.0, deadline - time.monotonic())):
            return True
        handle.cancel()
        return False


def enumerate_codes(attackers: list[list[int]], targets: list[list[int]], semantics: str,
                    limit: int, time_limit: float | None,
                    ) -> tuple[list[list[int]], bool, str]:
    """Labellings (code lists) of ``complete``, ``preferred`` or ``stable`` by clingo.

    The same contract as :func:`argmap.semantics.search.enumerate_codes`:
    (labellings, truncated, reason), at most ``limit`` labellings within
    ``time_limit`` seconds, what was found kept when the time runs out.
    """
    if semantics not in ("complete", "preferred", "stable"):
        raise ValueError(f"unknown semantics {semantics!r}")
    limit = max(1, int(limit))
    deadline = None if time_limit is None else time.monotonic() + max(0.0, time_limit)
    late = f"time limit of {time_limit or 0:g} s reached"
    res = Residual(attackers, targets)
    if not res.nodes:
        return [res.base], False, ""
    most = max(1, min(limit, search.MAX_CODES // max(1, len(res.base))))
    found: list[list[int]] = []
    cut = [False]

    def keep(ins: list[int]) -> bool:
        if len(found) == most:
            cut[0] = True
            return False
        found.append(res.codes(ins))
        return True

    finished = solve(semantics, len(res.nodes), res.attacks, keep, deadline)
    found.sort()
    if not finished:
        if not found:
            return [], True, late + " before a labelling was found"
        return found, True, late
    if cut[0]:
        what = "limit" if most == limit else "memory"
        return found, True, f"stopped after {most} labellings ({what})"
    return found, False, ""


def grounded_codes_asp(attackers: list[list[int]], targets: list[list[int]]) -> list[int]:
    """The grounded labelling from the ASP encoding (a reference for tests)."""
    n = len(attackers)
    attacks = [(a, b) for b in range(n) for a in attackers[b]]
    ins: list[int] = []

    def keep(model: list[int]) -> bool:
        ins.extend(model)
        return False

    solve("grounded", n, attacks, keep, None)
    codes = [_U] * n
    for k in ins:
        codes[k] = _I
    for a, b in attacks:
        if codes[a] == _I:
            codes[b] = _O
    return codes
