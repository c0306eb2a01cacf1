"""Gradual semantics: a strength in [0, 1] for every claim of a map.

Each claim starts from its base score (``base:`` in the file, 0.5 by default)
and is pulled down by its objections and up by its reasons:

* ``dfquad``: DF-QuAD (Rago, Toni, Aurisicchio, Baroni 2016): the strengths of
  the attacks and of the supports are each aggregated by the probabilistic
  sum, and the base score moves towards 0 or 1 by their difference.
* ``quadratic``: the quadratic energy model (Potyka 2018): the energy is the
  sum of the supports' strengths minus the sum of the attacks'; the strength
  is the limit of the continuous dynamical system ds/dt = f(w, E(s)) - s,
  integrated with the classical Runge-Kutta method.

From a map: a support or attack with one premise acts with its premise's
strength, a linked one with its weakest premise's (min); every undercut of a
relation multiplies the relation's strength by (1 - the undercut's own
strength), undercuts of undercuts alike.  Claims joined by rephrases are one
argument with one strength: the relations on any of them act on the class,
from a base score that is the highest of theirs.  The map's cycles (a claim that
depends on itself through reasons and objections) are found first: claims
outside cycles are computed once, in topological order; each cycle is
iterated until no strength changes by more than the tolerance, or until the
iteration cap, and the result says which claims did not settle.

For each claim the result also holds what each of its reasons and
objections contributes: the claim's strength minus the strength it would
have without that relation, the other relations keeping their strengths.

See docs/gradual.md.  Pure Python, linear in the map's size per iteration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from math import prod
from typing import Any

from ..model import ArgumentMap
from .taking_part import taking_part

#: the gradual semantics, by the name the command line and the API use
GRADUAL_SEMANTICS = ("dfquad", "quadratic")
#: their names as written in the literature
SEMANTICS_NAMES = {"dfquad": "DF-QuAD", "quadratic": "quadratic energy"}
#: a cycle has settled when no strength changes by more than this in an iteration
DEFAULT_TOLERANCE = 1e-9
#: iterations (DF-QuAD sweeps, Runge-Kutta steps) a cycle may take before giving up
DEFAULT_MAX_ITERATIONS = 1000
#: the Runge-Kutta step of the quadratic energy model; the limit does not depend on it.
#: It is halved (down to MIN_RK4_STEP) when the slope turns back two steps in a row or
#: the residual has not shrunk by a tenth in STALL_STEPS steps.
RK4_STEP = 0.5
MIN_RK4_STEP = 1 / 64
STALL_STEPS = 50


@dataclass
class ClaimStrength:
    """One claim's result."""

    id: str
    base: float
    strength: float
    #: support key -> the claim's strength minus its strength without that support
    #: (what the reason adds), in file order
    reasons: dict[str, float] = field(default_factory=dict)
    #: attack key -> the same for an objection (what it takes away: 0 or less)
    objections: dict[str, float] = field(default_factory=dict)
    #: False when the claim is in, or depends on, a cycle that did not settle:
    #: ``strength`` is then the last iterate, not a limit
    converged: bool = True

    @property
    def contributions(self) -> dict[str, float]:
        """Relation key -> contribution, reasons and objections together."""
        return {**self.reasons, **self.objections}


@dataclass
class Strengths:
    """What :func:`strengths` found."""

    semantics: str
    #: by claim id, in the map's order
    claims: dict[str, ClaimStrength]
    #: relation key -> the strength the relation acts with (weakest premise, weakened by
    #: its undercuts), for every relation taking part
    relations: dict[str, float]
    #: the most iterations one cycle needed (0 for a map without cycles)
    iterations: int = 0
    #: relations left out, as for the labellings
    problems: list[str] = field(default_factory=list)

    @property
    def converged(self) -> bool:
        return all(c.converged for c in self.claims.values())

    def strength(self, cid: str) -> float:
        return self.claims[cid].strength

    def unsettled(self) -> list[str]:
        """Claims whose strength is not a limit (a cycle did not settle)."""
        return [c for c, cs in self.claims.items() if not cs.converged]

    def describe(self, english: bool = True) -> str:
        """A caption: "strength, DF-QuAD semantics" / "Stärke, Semantik DF-QuAD"."""
        name = SEMANTICS_NAMES.get(self.semantics, self.semantics)
        return f"strength, {name} semantics" if english else f"Stärke, Semantik {name}"

    def to_json(self) -> dict[str, Any]:
        return {"semantics": self.semantics, "converged": self.converged,
                "iterations": self.iterations, "problems": list(self.problems),
                "claims": {c: {"base": cs.base, "strength": cs.strength,
                               "converged": cs.converged, "reasons": dict(cs.reasons),
                               "objections": dict(cs.objections)}
                           for c, cs in self.claims.items()},
                "relations": dict(self.relations)}


# -- the combination functions ---------------------------------------------------

def dfquad_combine(base: float, attack: float, support: float) -> float:
    """DF-QuAD's combination of a base score with the aggregated attack and support."""
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def quadratic_influence(base: float, energy: float) -> float:
    """The quadratic energy model's strength for a base score and an energy."""
    if energy > 0:
        e2 = energy * energy
        return base + (1.0 - base) * e2 / (1.0 + e2)
    e2 = energy * energy
    return base - base * e2 / (1.0 + e2)


# -- the map as a weighted bipolar graph -----------------------------------------

class _Graph:
    """Claims by index; the relations taking part, each with its premises, undercuts
    and the claim it finally acts on (an undercut's: that of the relation it undercuts)."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.ids = list(amap.claims)
        index = {c: i for i, c in enumerate(self.ids)}
        self.base = [_clamp(c.base) for c in amap.claims.values()]
        self.problems: list[str] = []
        keys: list[str] = []
        sign: list[int] = []           # +1 support, -1 attack, 0 undercut
        premises: list[list[int]] = []
        target: list[int] = []         # a claim for support/attack, a relation for undercut
        by_key: dict[str, int] = {}
        undercuts: list[tuple[str, str, list[int]]] = []
        tp = taking_part(amap)           # the same relations as the labellings use
        self.problems += tp.problems
        #: claim index -> the index its strength is computed at: the first claim of its
        #: rephrase class, whose base score is the highest of the class's
        self.rep = list(range(len(self.ids)))
        for first, members in tp.classes.items():
            at = index[first]
            self.base[at] = max(self.base[index[cid]] for cid in members)
            for cid in members:
                self.rep[index[cid]] = at
                index[cid] = at
        for rel in tp.relations:
            prem = [index[p] for p in tp.premises[rel.key]]
            if rel.type == "undercut":
                undercuts.append((rel.key, rel.target, prem))
                continue
            by_key[rel.key] = len(keys)
            keys.append(rel.key)
            sign.append(1 if rel.type == "support" else -1)
            premises.append(prem)
            target.append(index[rel.target])
        # an undercut takes part when what it undercuts does: chains of undercuts hang
        # from supports and attacks like trees (each undercut has one target)
        waiting: dict[str, list[tuple[str, str, list[int]]]] = {}
        for u in undercuts:
            waiting.setdefault(u[1], []).append(u)
        depth = [0] * len(keys)
        todo = list(keys)
        while todo:
            parent = todo.pop()
            for key, tkey, uprem in waiting.pop(parent, ()):
                by_key[key] = len(keys)
                keys.append(key)
                sign.append(0)
                premises.append(uprem)
                target.append(by_key[tkey])
                depth.append(depth[by_key[tkey]] + 1)
                todo.append(key)
        order: dict[str, int] = {}
        for i, rel in enumerate(amap.relations):
            order.setdefault(rel.key, i)
        self.keys, self.sign, self.premises, self.target = keys, sign, premises, target
        m = len(keys)
        self.undercuts: list[list[int]] = [[] for _ in range(m)]
        root = list(range(m))
        for r in range(m):
            if sign[r] == 0:
                self.undercuts[target[r]].append(r)
        for r in sorted(range(m), key=lambda r: depth[r]):   # parents first
            if sign[r] == 0:
                root[r] = root[target[r]]
        n = len(self.ids)
        #: the supports and attacks of each claim, in file order
        self.inputs: list[list[int]] = [[] for _ in range(n)]
        for r in sorted((r for r in range(m) if sign[r]), key=lambda r: order[keys[r]]):
            self.inputs[target[r]].append(r)
        #: the relations acting on each claim, deepest undercuts first (each is computed
        #: from the ones that undercut it)
        self.owned: list[list[int]] = [[] for _ in range(n)]
        for r in sorted(range(m), key=lambda r: -depth[r]):
            self.owned[target[root[r]]].append(r)
        #: the claims each claim's strength is computed from
        self.deps: list[list[int]] = [
            list(dict.fromkeys(p for r in self.owned[c] for p in premises[r]))
            for c in range(n)]
        #: relations in file order, for the result
        self.file_order = sorted(range(m), key=lambda r: order[keys[r]])


def _clamp(v: float) -> float:
    return 0.0 if not v >= 0.0 else 1.0 if v > 1.0 else float(v)   # nan -> 0


def _components(deps: list[list[int]]) -> list[list[int]]:
    """Strongly connected components (Tarjan, without recursion), each after the
    components it depends on."""
    n = len(deps)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for start in range(n):
        if index[start] >= 0:
            continue
        work = [(start, 0)]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack[start] = True
        while work:
            v, i = work[-1]
            ds = deps[v]
            if i < len(ds):
                work[-1] = (v, i + 1)
                w = ds[i]
                if index[w] < 0:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, 0))
                elif on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
                continue
            work.pop()
            if work:
                u = work[-1][0]
                if low[v] < low[u]:
                    low[u] = low[v]
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    comp.append(w)
                    if w == v:
                        break
                out.append(comp)
    return out


# -- evaluation --------------------------------------------------------------------

class _Evaluator:
    def __init__(self, g: _Graph, semantics: str) -> None:
        self.g = g
        self.dfquad = semantics == "dfquad"
        self.cv = list(g.base)                  # claim strengths
        self.rv = [0.0] * len(g.keys)           # relation strengths

    def relations_of(self, c: int) -> None:
        """The strengths of the relations acting on claim ``c``, from the claims' now."""
        g, cv, rv = self.g, self.cv, self.rv
        for r in g.owned[c]:
            prem = g.premises[r]
            v = cv[prem[0]] if len(prem) == 1 else min(cv[p] for p in prem)
            for u in g.undercuts[r]:
                v *= 1.0 - rv[u]
            rv[r] = v

    def combine(self, c: int) -> float:
        """Claim ``c``'s strength from its base score and its relations' strengths now."""
        g, rv = self.g, self.rv
        if self.dfquad:
            att = sup = 1.0
            for r in g.inputs[c]:
                if g.sign[r] > 0:
                    sup *= 1.0 - rv[r]
                else:
                    att *= 1.0 - rv[r]
            return dfquad_combine(g.base[c], 1.0 - att, 1.0 - sup)
        energy = 0.0
        for r in g.inputs[c]:
            energy += rv[r] if g.sign[r] > 0 else -rv[r]
        return quadratic_influence(g.base[c], energy)

    def plan(self, comp: list[int]) -> Callable[[], list[float]]:
        """The combination of every claim of the cycle ``comp`` from the strengths now,
        made once and called every iteration: a support or attack with one premise and
        no undercut is read straight from its premise."""
        g, cv, rv = self.g, self.cv, self.rv
        computed: list[int] = []
        rows = []
        for c in comp:
            simple = {r for r in g.inputs[c]
                      if len(g.premises[r]) == 1 and not g.undercuts[r]}
            computed += [r for r in g.owned[c] if r not in simple]
            rows.append((g.base[c],
                         [g.premises[r][0] for r in g.inputs[c] if r in simple and g.sign[r] > 0],
                         [g.premises[r][0] for r in g.inputs[c] if r in simple and g.sign[r] < 0],
                         [r for r in g.inputs[c] if r not in simple and g.sign[r] > 0],
                         [r for r in g.inputs[c] if r not in simple and g.sign[r] < 0]))
        claim, rel = cv.__getitem__, rv.__getitem__
        todo = [(r, g.premises[r], g.undercuts[r]) for r in computed]

        def relations() -> None:
            for r, prem, under in todo:
                v = min(map(claim, prem))
                for u in under:
                    v *= 1.0 - rv[u]
                rv[r] = v

        if self.dfquad:
            def update() -> list[float]:
                relations()
                out = []
                for base, sup, att, csup, catt in rows:
                    a = 1.0 - prod([1.0 - x for x in map(claim, att)]) \
                        * prod([1.0 - x for x in map(rel, catt)])
                    s = 1.0 - prod([1.0 - x for x in map(claim, sup)]) \
                        * prod([1.0 - x for x in map(rel, csup)])
                    out.append(base - base * (a - s) if a >= s else base + (1.0 - base) * (s - a))
                return out
        else:
            def update() -> list[float]:
                relations()
                return [quadratic_influence(base, sum(map(claim, sup)) - sum(map(claim, att))
                                            + sum(map(rel, csup)) - sum(map(rel, catt)))
                        for base, sup, att, csup, catt in rows]
        return update

    def iterate(self, comp: list[int], tolerance: float, cap: int) -> tuple[bool, int]:
        """Iterate a cycle to its fixpoint: (settled?, iterations)."""
        cv = self.cv
        step = self.plan(comp)
        if self.dfquad:                   # the published discrete iteration, all at once
            for k in range(1, cap + 1):
                new = step()
                change = max(abs(a - cv[c]) for a, c in zip(new, comp))
                for a, c in zip(new, comp):
                    cv[c] = a
                if change <= tolerance:
                    return True, k
            return False, cap
        h = RK4_STEP
        s0 = [cv[c] for c in comp]

        def slope(state: list[float]) -> list[float]:
            for a, c in zip(state, comp):
                cv[c] = a
            return [f - a for f, a in zip(step(), state)]

        previous: list[float] = []
        flips = 0
        history: list[float] = []
        for k in range(cap + 1):
            k1 = slope(s0)        # also leaves the strengths of s0 in place
            residual = max(abs(d) for d in k1)
            if residual <= tolerance:                   # s0 is an equilibrium
                return True, k
            if k == cap:
                break
            # the step is too long for this cycle when the slope turns back step after
            # step (the method swings across where the system settles) or when the
            # residual makes no progress at all (the method stands still off it)
            turned = bool(previous) and sum(a * b for a, b in zip(previous, k1)) < 0
            flips = flips + 1 if turned else 0
            previous = k1
            history.append(residual)
            stalled = len(history) > STALL_STEPS and residual > 0.9 * history[-1 - STALL_STEPS]
            if (flips >= 2 or stalled) and h > MIN_RK4_STEP:
                h, flips, history = h / 2, 0, []
            k2 = slope([a + h / 2 * d for a, d in zip(s0, k1)])
            k3 = slope([a + h / 2 * d for a, d in zip(s0, k2)])
            k4 = slope([a + h * d for a, d in zip(s0, k3)])
            s0 = [a + h / 6 * (d1 + 2 * d2 + 2 * d3 + d4)
                  for a, d1, d2, d3, d4 in zip(s0, k1, k2, k3, k4)]
        return False, cap

    def contributions(self, c: int) -> dict[str, float]:
        """Relation key -> claim ``c``'s strength minus its strength without the relation."""
        g, rv, own = self.g, self.rv, self.cv[c]
        ins = g.inputs[c]
        if not ins:
            return {}
        base = g.base[c]
        out: dict[str, float] = {}
        if self.dfquad:
            # leave one out of each product, by prefix and suffix products (linear)
            for polarity in (1, -1):
                rs = [r for r in ins if g.sign[r] == polarity]
                if not rs:
                    continue
                other = 1.0
                for r in ins:
                    if g.sign[r] == -polarity:
                        other *= 1.0 - rv[r]
                prefix = [1.0]
                for r in rs:
                    prefix.append(prefix[-1] * (1.0 - rv[r]))
                suffix = 1.0
                for i in range(len(rs) - 1, -1, -1):
                    rest = 1.0 - prefix[i] * suffix
                    att, sup = (1.0 - other, rest) if polarity > 0 else (rest, 1.0 - other)
                    out[g.keys[rs[i]]] = own - dfquad_combine(base, att, sup)
                    suffix *= 1.0 - rv[rs[i]]
        else:
            energy = sum(rv[r] if g.sign[r] > 0 else -rv[r] for r in ins)
            for r in ins:
                without = energy - (rv[r] if g.sign[r] > 0 else -rv[r])
                out[g.keys[r]] = own - quadratic_influence(base, without)
        return {g.keys[r]: out[g.keys[r]] for r in ins}

    def split(self, c: int) -> tuple[dict[str, float], dict[str, float]]:
        """Claim ``c``'s contributions: (of its supports, of its attacks)."""
        both = self.contributions(c)
        g = self.g
        return ({g.keys[r]: both[g.keys[r]] for r in g.inputs[c] if g.sign[r] > 0},
                {g.keys[r]: both[g.keys[r]] for r in g.inputs[c] if g.sign[r] < 0})


def strengths(amap: ArgumentMap, semantics: str = "dfquad", *,
              tolerance: float = DEFAULT_TOLERANCE,
              max_iterations: int = DEFAULT_MAX_ITERATIONS) -> Strengths:
    """The strength of every claim of ``amap`` under a gradual semantics
    (``dfquad`` or ``quadratic``).  Raises ValueError for another name.
    The map is not changed."""
    if semantics not in GRADUAL_SEMANTICS:
        raise ValueError(f"unknown gradual semantics '{semantics}'; choose one of "
                         + ", ".join(GRADUAL_SEMANTICS))
    g = _Graph(amap)
    ev = _Evaluator(g, semantics)
    n = len(g.ids)
    settled = [True] * n
    iterations = 0
    for comp in _components(g.deps):
        # what it depends on outside has settled (its own claims are still True)
        ok = all(settled[d] for c in comp for d in g.deps[c])
        if len(comp) == 1 and comp[0] not in g.deps[comp[0]]:
            c = comp[0]
            ev.relations_of(c)
            ev.cv[c] = ev.combine(c)
        else:
            done, k = ev.iterate(comp, tolerance, max(1, max_iterations))
            for c in comp:            # every relation's strength from the final strengths
                ev.relations_of(c)
            iterations = max(iterations, k)
            ok = ok and done
        for c in comp:
            settled[c] = ok
    claims = {}
    for c, cid in enumerate(g.ids):
        at = g.rep[c]                 # a rephrase class has one strength
        reasons, objections = ev.split(at)
        claims[cid] = ClaimStrength(cid, g.base[at], ev.cv[at], reasons, objections,
                                    settled[at])
    relations = {g.keys[r]: ev.rv[r] for r in g.file_order}
    return Strengths(semantics, claims, relations, iterations, g.problems)
