"""An argument map as an abstract framework, and its labellings explained.

Claims are arguments and attacks are attacks.  A few auxiliary arguments
carry what a plain attack cannot (see docs/semantics.md for the construction,
its sources in the literature and the properties it guarantees):

``("not", c)``
    attacked by claim ``c`` alone, so it is IN exactly when ``c`` is OUT.
``("rel", key)``
    a relation that is *linked* (several premises) or *undercut* (or an
    attack on a claim assumed accepted): it is attacked by ``("not", p)`` for
    each premise ``p`` and by every undercut of the relation, so it is IN
    exactly when all premises are IN and no undercut holds.  It attacks what
    the relation attacks.
``("accept", c)`` / ``("reject", c)``
    what-if assumptions, unattacked.  ``reject`` attacks ``c``; ``accept``
    attacks the ``rel`` node of every attack on ``c``: the attack is set
    aside, the attackers keep their own labels.

Claims joined by rephrases (``{type: rephrase}``: one claim restates another)
are one argument: every attack on a member attacks every member, and every
attack from a member comes from every member, so all members have the same
attackers and therefore the same label in every complete labelling.

Supports are *evidential* and every claim stands *prima facie*: a claim
stated in the map needs no reason to be considered, so a support never takes
a claim down (a refuted reason leaves its conclusion as it would be without
that reason) and a cycle of supports never lifts a claim up.  Supports do not
change IN/OUT/UNDEC; whether each one holds is read back (``rel`` nodes of
linked or undercut supports, the premise's label otherwise) for the reasons
shown, and the gradual semantics weigh them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..model import ArgumentMap, Relation
from .framework import (
    _I, _NAME, _O, _U, DEFAULT_MAX_EXTENSIONS, DEFAULT_TIME_LIMIT, SEMANTICS, Framework,
    Labelling,
)
from .taking_part import taking_part

ASSUMPTION_VALUES = ("accepted", "rejected")
NOT, REL, ACCEPT, REJECT = "not", "rel", "accept", "reject"


def _q(ids: list[str] | tuple[str, ...], joiner: str = " + ") -> str:
    return joiner.join(f"'{i}'" for i in ids)


class MapFramework:
    """The abstract framework of a map, with the bookkeeping to read it back."""

    def __init__(self, amap: ArgumentMap, assume: Mapping[str, str] | None = None,
                 open_questions: bool = False) -> None:
        self.amap = amap
        self.af = Framework(amap.claims)
        self.claim_ids: list[str] = list(amap.claims)
        self.problems: list[str] = []
        #: valid relations in file order, and their premises without repeats
        self.relations: list[Relation] = []
        self.premises: dict[str, list[str]] = {}
        self.attacks_on: dict[str, list[Relation]] = {c: [] for c in self.claim_ids}
        self.supports_of: dict[str, list[Relation]] = {c: [] for c in self.claim_ids}
        self.undercuts_of: dict[str, list[Relation]] = {}
        self.rel_node: dict[str, int] = {}
        self.not_node: dict[str, int] = {}
        self.assume: dict[str, str] = self._checked(assume or {})
        self._collect()
        #: relation key -> its open critical questions, counted against it (open_questions.py)
        self.open_questions: dict[str, list] = {}
        if open_questions:
            from .open_questions import counted
            self.open_questions = counted(amap, self.relations)
        self._build()
        if self.open_questions:
            from .open_questions import undercut
            undercut(self)
        self._assume()

    # -- which relations take part ---------------------------------------
    def _collect(self) -> None:
        tp = taking_part(self.amap)
        self.relations, self.premises = tp.relations, tp.premises
        self.problems += tp.problems
        #: the claims of a claim's rephrase class (``[c]`` outside one)
        self.members = tp.members
        #: the first claim of each rephrase class -> its claims
        self.classes: dict[str, list[str]] = tp.classes

    # -- the framework ---------------------------------------------------
    def _not(self, cid: str) -> int:
        k = self.not_node.get(cid)
        if k is None:
            k = self.not_node[cid] = self.af.add_argument((NOT, cid))
            self.af.add_index_attack(self.af.index(cid), k)
        return k

    def source(self, rel: Relation) -> int:
        """The node whose being IN means the relation holds."""
        k = self.rel_node.get(rel.key)
        return k if k is not None else self.af.index(self.premises[rel.key][0])

    def _sources(self, rel: Relation) -> list[int]:
        """The nodes a relation acts from: its ``rel`` node, or its premise and the
        premise's restatements."""
        k = self.rel_node.get(rel.key)
        if k is not None:
            return [k]
        return [self.af.index(m) for m in self.members(self.premises[rel.key][0])]

    def _build(self) -> None:
        af = self.af
        accepted = {m for c, v in self.assume.items() if v == "accepted"
                    for m in self.members(c)}
        for r in self.relations:
            if r.type == "undercut":
                self.undercuts_of.setdefault(r.target, []).append(r)
        for r in self.relations:
            if len(self.premises[r.key]) > 1 or r.key in self.undercuts_of \
                    or (r.type == "attack" and r.target in accepted) \
                    or r.key in self.open_questions:
                self.rel_node[r.key] = af.add_argument((REL, r.key))
        for r in self.relations:
            k = self.rel_node.get(r.key)
            if k is not None:
                for p in self.premises[r.key]:
                    af.add_index_attack(self._not(p), k)
                for u in self.undercuts_of.get(r.key, ()):
                    for s in self._sources(u):
                        af.add_index_attack(s, k)
            if r.type == "attack":
                for t in self.members(r.target):
                    for s in self._sources(r):
                        af.add_index_attack(s, af.index(t))
                    self.attacks_on[t].append(r)
            elif r.type == "support":
                for t in self.members(r.target):
                    self.supports_of[t].append(r)

    def _checked(self, assume: Mapping[str, str]) -> dict[str, str]:
        for cid, value in assume.items():
            if cid not in self.amap.claims:
                raise ValueError(f"cannot assume '{cid}': no such claim")
            if value not in ASSUMPTION_VALUES:
                raise ValueError(f"assumption for '{cid}' must be 'accepted' or 'rejected', "
                                 f"not '{value}'")
        return dict(assume)

    def _assume(self) -> None:
        """Rejected: an unattacked argument attacks the claim.  Accepted: one attacks
        every attack on the claim (its ``rel`` node), which is set aside; the
        attackers themselves keep the labels they have without the assumption."""
        af = self.af
        for cid, value in self.assume.items():
            other = next((m for m in self.members(cid) if m != cid and self.assume.get(m)
                          and self.assume[m] != value), None)
            if other is not None and value == "accepted":
                self.problems.append(f"assumptions conflict: '{cid}' is accepted and '{other}', "
                                     "one argument with it by rephrase, rejected; the "
                                     "rejection holds")
            if value == "rejected":
                k = af.add_argument((REJECT, cid))
                for m in self.members(cid):
                    af.add_index_attack(k, af.index(m))
                continue
            k = af.add_argument((ACCEPT, cid))
            for r in self.attacks_on[cid]:
                af.add_index_attack(k, self.rel_node[r.key])

    # -- reading labels back -----------------------------------------------
    def claim_code(self, codes: list[int], cid: str) -> int:
        return codes[self.af.index(cid)]

    def relation_code(self, codes: list[int], key: str) -> int:
        k = self.rel_node.get(key)
        if k is not None:
            return codes[k]
        return codes[self.af.index(self.premises[key][0])]


# ---------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------

@dataclass
class ClaimLabel:
    label: str          # "IN" | "OUT" | "UNDEC"
    why: str            # one line, names claims by id


@dataclass
class MapLabelling:
    """One labelling of a map: every claim, and whether each relation holds."""

    claims: dict[str, ClaimLabel]
    #: relation key -> "IN" (holds: premises IN, not undercut), "OUT" or "UNDEC"
    relations: dict[str, str]

    def label(self, cid: str) -> str:
        return self.claims[cid].label

    def why(self, cid: str) -> str:
        return self.claims[cid].why

    @property
    def extension(self) -> list[str]:
        return [c for c, cl in self.claims.items() if cl.label == "IN"]

    def to_json(self) -> dict[str, Any]:
        return {"claims": {c: {"label": cl.label, "why": cl.why} for c, cl in self.claims.items()},
                "relations": dict(self.relations)}


@dataclass
class Evaluation:
    """What :func:`evaluate` found."""

    semantics: str
    assume: dict[str, str]
    labellings: list[MapLabelling]
    truncated: bool = False
    #: why the enumeration was cut short ("" when complete)
    reason: str = ""
    #: relations left out, conflicting assumptions
    problems: list[str] = field(default_factory=list)
    framework: MapFramework | None = field(default=None, repr=False)

    @property
    def labelling(self) -> MapLabelling | None:
        """The first labelling (the only one for grounded), if any."""
        return self.labellings[0] if self.labellings else None

    def labels_of(self, cid: str) -> list[str]:
        return [lab.label(cid) for lab in self.labellings]

    def skeptical(self) -> list[str]:
        """Claims IN in every labelling found."""
        if not self.labellings:
            return []
        return [c for c in self.labellings[0].claims
                if all(lab.label(c) == "IN" for lab in self.labellings)]

    def credulous(self) -> list[str]:
        """Claims IN in at least one labelling found."""
        if not self.labellings:
            return []
        return [c for c in self.labellings[0].claims
                if any(lab.label(c) == "IN" for lab in self.labellings)]

    def badges(self, index: int = 0) -> dict[str, tuple[str, bool]]:
        """Claim id -> (label, assumed?) of labelling ``index``, as drawn on a map."""
        if not 0 <= index < len(self.labellings):
            return {}
        return {cid: (cl.label, cid in self.assume)
                for cid, cl in self.labellings[index].claims.items()}

    def describe(self, index: int = 0, english: bool = True) -> str:
        """A caption: "grounded semantics", "preferred semantics, labelling 2 of 3"
        (or in German: "Semantik grounded", "Semantik preferred, Labelling 2 von 3")."""
        more = "+" if self.truncated else ""
        if english:
            text = f"{self.semantics} semantics"
            count = f", labelling {index + 1} of {len(self.labellings)}{more}"
            none, assuming = ", no labelling", ", assuming "
            values = {"accepted": "accepted", "rejected": "rejected"}
        else:
            text = f"Semantik {self.semantics}"
            count = f", Labelling {index + 1} von {len(self.labellings)}{more}"
            none, assuming = ", kein Labelling", ", angenommen: "
            values = {"accepted": "akzeptiert", "rejected": "verworfen"}
        if len(self.labellings) > 1:
            text += count
        elif not self.labellings:
            text += none
        if self.assume:
            text += assuming + ", ".join(f"{c} {values.get(v, v)}" for c, v in self.assume.items())
        return text

    def to_json(self) -> dict[str, Any]:
        return {"semantics": self.semantics, "assume": dict(self.assume),
                "count": len(self.labellings), "truncated": self.truncated,
                "reason": self.reason, "problems": list(self.problems),
                "skeptical": self.skeptical(), "credulous": self.credulous(),
                "labellings": [lab.to_json() for lab in self.labellings]}


def evaluate(amap: ArgumentMap, semantics: str = "grounded",
             assume: Mapping[str, str] | None = None, *,
             max_extensions: int = DEFAULT_MAX_EXTENSIONS,
             time_limit: float | None = DEFAULT_TIME_LIMIT,
             open_questions: bool = False) -> Evaluation:
    """Label every claim of ``amap`` IN, OUT or UNDEC, with a reason.

    ``semantics``: ``grounded`` (one labelling), ``preferred``, ``stable`` or
    ``complete`` (all labellings, up to ``max_extensions`` or ``time_limit``
    seconds; the result says when it was cut short).  ``assume`` maps claim
    ids to ``"accepted"`` (forced IN) or ``"rejected"`` (forced OUT).
    ``open_questions``: each open critical question of a relation counts against it
    (semantics/open_questions.py).  Raises ValueError for an unknown semantics, claim
    id or assumption value.  The map is not changed.
    """
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics '{semantics}'; choose one of " + ", ".join(SEMANTICS))
    meta = MapFramework(amap, assume, open_questions)
    enum = meta.af.labellings(semantics, max_extensions, time_limit)
    grounded = None if semantics == "grounded" else meta.af.grounded().codes
    seen: set[tuple[int, ...]] = set()
    kept: list[Labelling] = []
    for lab in enum.labellings:
        sig = tuple(lab.codes[: len(meta.claim_ids)])
        if sig not in seen:
            seen.add(sig)
            kept.append(lab)
    if semantics == "preferred":
        kept = _maximal_over_claims(kept, len(meta.claim_ids))
    out = [explain(meta, lab, grounded) for lab in kept]
    return Evaluation(semantics, dict(meta.assume), out, enum.truncated, enum.reason,
                      list(meta.problems), meta)


def _maximal_over_claims(labellings: list[Labelling], n: int) -> list[Labelling]:
    """Those whose claims IN are not a proper subset of another's claims IN.

    The framework's preferred labellings are maximal over all its arguments,
    auxiliary ones included; a reader compares claims.  Every claim-maximal
    admissible set lies inside some preferred labelling of the framework, so
    keeping the claim-maximal ones among those gives exactly the labellings
    whose claims IN are maximal.
    """
    if len(labellings) < 2:
        return labellings
    sets = []
    for lab in labellings:
        bits = 0
        for i, code in enumerate(lab.codes[:n]):
            if code == _I:
                bits |= 1 << i
        sets.append(bits)
    return [lab for lab, a in zip(labellings, sets)
            if not any(b != a and a & b == a for b in sets)]


# ---------------------------------------------------------------------------
# justifications
# ---------------------------------------------------------------------------

def explain(meta: MapFramework, labelling: Labelling,
            grounded: list[int] | None = None) -> MapLabelling:
    """Labels and one-line reasons for every claim of a meta-framework labelling."""
    ex = _Explainer(meta, labelling.codes, grounded)
    claims = {cid: ex.claim(cid) for cid in meta.claim_ids}
    rels = {r.key: _NAME[meta.relation_code(labelling.codes, r.key)] for r in meta.relations}
    return MapLabelling(claims, rels)


class _Explainer:
    def __init__(self, meta: MapFramework, codes: list[int], grounded: list[int] | None) -> None:
        self.meta, self.codes, self.grounded = meta, codes, grounded
        self.af = meta.af
        self._scc: list[int] | None = None
        self._scc_claims: dict[int, int] | None = None

    def code(self, cid: str) -> int:
        return self.codes[self.af.index(cid)]

    def rcode(self, key: str) -> int:
        return self.meta.relation_code(self.codes, key)

    def prem(self, rel: Relation) -> str:
        return _q(self.meta.premises[rel.key])

    def rel_state(self, rel: Relation, noun: str) -> str:
        """Why a relation does not hold (it is OUT) or is undecided, as a clause."""
        meta = self.meta
        prem = meta.premises[rel.key]
        code = self.rcode(rel.key)
        if len(prem) == 1 and rel.key not in meta.rel_node:
            return f"'{prem[0]}' is {_NAME[code]}"
        subject = f"the {noun} {'from' if noun == 'support' else 'by'} {_q(prem)}"
        bits = []
        bad = [p for p in prem if self.code(p) == code]
        if bad:
            bits.append(("fails because " if code == _O else "is UNDEC because ")
                        + f"{_q(bad, ' and ')} {'is' if len(bad) == 1 else 'are'} {_NAME[code]}")
        cuts = [u for u in meta.undercuts_of.get(rel.key, ())
                if self.rcode(u.key) == (_I if code == _O else _U)]
        if cuts:
            by = " and ".join(self.prem(u) for u in cuts)
            bits.append(f"is undercut by {by}" if code == _O
                        else f"is UNDEC because the undercut by {by} is UNDEC")
        k = meta.rel_node.get(rel.key)
        if k is not None and code == _O:
            for a in self.af.attackers[k]:
                name = self.af.names[a]
                if isinstance(name, tuple) and name[0] == ACCEPT and self.codes[a] == _I:
                    bits.append(f"is set aside because '{name[1]}' is assumed accepted")
            if rel.key in meta.open_questions:
                from .open_questions import clause
                bits.append(clause(meta.open_questions[rel.key]))
        return f"{subject} {' and '.join(bits) or 'is ' + _NAME[code]}"

    def attackers_text(self, attacks: list[Relation]) -> str:
        return ", ".join(dict.fromkeys(f"'{self.meta.premises[r.key][0]}'" for r in attacks))

    def claim(self, cid: str) -> ClaimLabel:
        code = self.code(cid)
        if code == _I:
            why = self._in(cid)
        elif code == _O:
            why = self._out(cid)
        else:
            why = self._undec(cid)
        others = [m for m in self.meta.members(cid) if m != cid]
        if others:
            why += (f"; one argument with its rephrase{'s' if len(others) > 1 else ''} "
                    + _q(others, ", "))
        if self.grounded is not None and code != _U \
                and self.grounded[self.af.index(cid)] == _U and cid not in self.meta.assume:
            why += " (a choice: the grounded labelling leaves it UNDEC)"
        return ClaimLabel(_NAME[code], why)

    def _in(self, cid: str) -> str:
        meta = self.meta
        attacks = meta.attacks_on[cid]
        accepted = next((m for m in meta.members(cid) if meta.assume.get(m) == "accepted"),
                        None)
        if accepted is not None:
            aside = ""
            if attacks:
                by = " and ".join(self.prem(r) for r in attacks)
                aside = (f"; the attack by {by} is set aside" if len(attacks) == 1
                         else f"; the attacks by {by} are set aside")
            what = "accepted" if accepted == cid else f"'{accepted}' accepted"
            return f"IN by assumption ({what}{aside})" + self._reasons(cid)
        if not attacks:
            why = "IN: not attacked"
        elif all(len(meta.premises[r.key]) == 1 and r.key not in meta.rel_node
                 for r in attacks):
            why = f"IN because every attacker is OUT ({self.attackers_text(attacks)})"
        else:
            why = "IN because every attack on it fails: " + "; ".join(
                self.rel_state(r, "attack") for r in attacks)
        return why + self._reasons(cid)

    def _reasons(self, cid: str) -> str:
        """The reasons that stand, or a note that none does (they do not change the label)."""
        sups = self.meta.supports_of[cid]
        standing = [self.prem(r) for r in sups if self.rcode(r.key) == _I]
        if standing:
            return "; supported by " + " and by ".join(standing)
        if sups:
            return "; no reason for it stands (" + "; ".join(
                self.rel_state(r, "support") for r in sups) + ")"
        return ""

    def _out(self, cid: str) -> str:
        meta = self.meta
        if meta.assume.get(cid) == "rejected":
            return "OUT by assumption (rejected)"
        rejected = next((m for m in meta.members(cid) if meta.assume.get(m) == "rejected"), None)
        if rejected is not None:
            return f"OUT by assumption ('{rejected}' rejected)"
        for r in meta.attacks_on[cid]:
            if self.rcode(r.key) == _I:
                prem = meta.premises[r.key]
                if len(prem) == 1:
                    return f"OUT because attacked by '{prem[0]}', which is IN"
                return f"OUT because attacked by {self.prem(r)} together, all IN"
        return "OUT"                                        # not reached

    def _undec(self, cid: str) -> str:
        cyc = self.cycle(cid)
        if cyc:
            return cyc
        meta = self.meta
        for r in meta.attacks_on[cid]:
            if self.rcode(r.key) == _U:
                prem = meta.premises[r.key]
                if len(prem) == 1 and self.code(prem[0]) == _U:
                    return f"UNDEC because attacker '{prem[0]}' is UNDEC"
                return f"UNDEC: {self.rel_state(r, 'attack')}"
        return "UNDEC"

    # -- cycles ----------------------------------------------------------
    def _undec_scc(self) -> list[int]:
        """Strongly connected component ids of the UNDEC part (-1 elsewhere)."""
        if self._scc is not None:
            return self._scc
        codes, tgt = self.codes, self.af.targets
        n = len(codes)
        comp, low, num = [-1] * n, [0] * n, [-1] * n
        on, stack, counter, ncomp = [False] * n, [], 0, 0
        for root in range(n):
            if codes[root] != _U or num[root] >= 0:
                continue
            work = [(root, 0)]
            num[root] = low[root] = counter
            counter += 1
            stack.append(root)
            on[root] = True
            while work:
                v, k = work[-1]
                succ = tgt[v]
                while k < len(succ) and codes[succ[k]] != _U:
                    k += 1
                if k < len(succ):
                    w = succ[k]
                    work[-1] = (v, k + 1)
                    if num[w] < 0:
                        num[w] = low[w] = counter
                        counter += 1
                        stack.append(w)
                        on[w] = True
                        work.append((w, 0))
                    elif on[w]:
                        low[v] = min(low[v], num[w])
                    continue
                work.pop()
                if work:
                    u = work[-1][0]
                    low[u] = min(low[u], low[v])
                if low[v] == num[v]:
                    while True:
                        w = stack.pop()
                        on[w] = False
                        comp[w] = ncomp
                        if w == v:
                            break
                    ncomp += 1
        self._scc = comp
        return comp

    def cycle(self, cid: str, budget: int = 300) -> str:
        """A short cycle of UNDEC nodes through the claim, described; "" if none."""
        comp = self._undec_scc()
        af = self.af
        start = af.index(cid)
        c = comp[start]
        if c < 0:
            return ""
        parent: dict[int, int] = {}
        frontier, end = [start], -1
        while frontier and end < 0 and len(parent) < budget:
            nxt = []
            for v in frontier:
                for w in af.targets[v]:
                    if comp[w] != c:
                        continue
                    if w == start:
                        end = v
                        break
                    if w not in parent:
                        parent[w] = v
                        nxt.append(w)
                if end >= 0:
                    break
            frontier = nxt
        if end < 0:
            if not parent:
                return ""
            if self._scc_claims is None:
                self._scc_claims = {}
                for k, cc in enumerate(comp):
                    if cc >= 0 and isinstance(af.names[k], str):
                        self._scc_claims[cc] = self._scc_claims.get(cc, 0) + 1
            size = self._scc_claims.get(c, 0)
            return f"UNDEC: in a long cycle ({size} claims depend on each other)"
        path = [end]
        while path[-1] != start:
            path.append(parent[path[-1]])
        path.reverse()                       # start ... end, then back to start
        names = [af.names[k] for k in path]
        others = list(dict.fromkeys(n for n in names[1:] if isinstance(n, str) and n != cid))
        if not others:
            return "UNDEC: it attacks itself"
        kind = "an odd attack cycle" if len(path) % 2 else "an attack cycle"
        shown = _q(others[:5], ", ")
        if len(others) > 6:
            shown += f" and {len(others) - 5} more"
        elif len(others) == 6:
            shown = _q(others, ", ")
        return f"UNDEC: in {kind} with {shown}"

