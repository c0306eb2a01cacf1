"""Which relations of a map take part in its evaluation: one rule for the
labellings (mapaf) and the gradual strengths (gradual), so that the two never
disagree on what counts.

Left out, each with a problem that says why: a second relation with the same
key, a relation without premises or with an unknown premise, a support or
attack whose target is not a claim, a support of its own premise, an unknown
type, and an undercut whose target is not a relation taking part (undercuts of
undercuts count in any order).

A rephrase (one claim restating another) takes part when it joins two claims;
the claims it joins, in either direction and transitively, form a *rephrase
class*, which both evaluations treat as one argument (docs/semantics.md,
"Rephrase").  A support from a claim to a restatement of itself counts as a
support of its own premise.  An undercut cannot target a rephrase.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ArgumentMap, Relation


@dataclass
class TakingPart:
    #: the relations taking part, in file order
    relations: list[Relation] = field(default_factory=list)
    #: relation key -> its premises without repeats
    premises: dict[str, list[str]] = field(default_factory=dict)
    #: what was left out, and why
    problems: list[str] = field(default_factory=list)
    #: the rephrases taking part, in file order (not in ``relations``)
    rephrases: list[Relation] = field(default_factory=list)
    #: first claim of a rephrase class (in map order) -> every claim of the class, in
    #: map order; only classes of two or more claims
    classes: dict[str, list[str]] = field(default_factory=dict)
    #: claim -> the first claim of its rephrase class (claims in no class: not listed)
    rep: dict[str, str] = field(default_factory=dict)

    def members(self, cid: str) -> list[str]:
        """The claims of ``cid``'s rephrase class (just ``[cid]`` outside one)."""
        return self.classes.get(self.rep.get(cid, cid), [cid])


def taking_part(amap: ArgumentMap) -> TakingPart:
    claims = amap.claims
    out = TakingPart()
    seen: set[str] = set()
    valid: dict[str, Relation] = {}
    undercuts: list[Relation] = []
    rephrases: list[Relation] = []
    for rel in amap.relations:
        key = rel.key
        if key in seen:
            out.problems.append(f"relation '{key}' appears twice; the second is ignored")
            continue
        seen.add(key)
        premises = list(dict.fromkeys(rel.premises))
        unknown = [p for p in premises if p not in claims]
        if not premises or unknown:
            what = f"unknown claim '{unknown[0]}'" if unknown else "no premise"
            out.problems.append(f"relation '{key}' has {what}; ignored")
            continue
        if rel.type in ("support", "attack"):
            if rel.target not in claims:
                out.problems.append(f"{rel.type} '{key}' targets '{rel.target}', "
                                    "which is not a claim; ignored")
                continue
            if rel.type == "support" and rel.target in premises:
                out.problems.append(f"support '{key}' supports its own premise; ignored")
                continue
            valid[key] = rel
        elif rel.type == "undercut":
            undercuts.append(rel)
        elif rel.type == "rephrase":
            if rel.target not in claims or len(premises) > 1 or rel.target in premises:
                why = ("which is not a claim" if rel.target not in claims else
                       "and restates more than one claim" if len(premises) > 1 else
                       "its own premise")
                out.problems.append(f"rephrase '{key}' targets '{rel.target}', {why}; ignored")
                continue
            rephrases.append(rel)
        else:
            out.problems.append(f"relation '{key}' has unknown type '{rel.type}'; ignored")
            continue
        out.premises[key] = premises
    if rephrases:
        _classes(amap, rephrases, out)
        for key, rel in list(valid.items()):
            if rel.type == "support" and any(out.rep.get(p, p) == out.rep.get(rel.target)
                                             for p in out.premises[key]):
                out.problems.append(f"support '{key}' supports a restatement of its own "
                                    "premise; ignored")
                del valid[key], out.premises[key]
    pending = undercuts
    while True:                      # undercuts of undercuts, in any order
        ok = [u for u in pending if u.target in valid and u.target != u.key]
        if not ok:
            break
        for u in ok:
            valid[u.key] = u
        pending = [u for u in pending if u.key not in valid]
    for u in pending:
        out.problems.append(f"undercut '{u.key}' targets '{u.target}', which is not a "
                            "relation taking part; ignored")
        del out.premises[u.key]
    out.relations = [r for r in amap.relations if valid.get(r.key) is r]
    return out


def _classes(amap: ArgumentMap, rephrases: list[Relation], out: TakingPart) -> None:
    """The rephrase classes: claims joined by rephrases, in either direction."""
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for rel in rephrases:
        parent.setdefault(rel.premises[0], rel.premises[0])
        parent.setdefault(rel.target, rel.target)
        a, b = find(rel.premises[0]), find(rel.target)
        if a != b:
            parent[b] = a
    groups: dict[str, list[str]] = {}
    for cid in amap.claims:
        if cid in parent:
            groups.setdefault(find(cid), []).append(cid)
    for members in groups.values():
        if len(members) > 1:
            out.classes[members[0]] = members
            for m in members:
                out.rep[m] = members[0]
    out.rephrases = list(rephrases)
