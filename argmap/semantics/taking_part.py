"""Which relations of a map take part in its evaluation: one rule for the
labellings (mapaf) and the gradual strengths (gradual), so that the two never
disagree on what counts.

Left out, each with a problem that says why: a second relation with the same
key, a relation without premises or with an unknown premise, a support or
attack whose target is not a claim, a support of its own premise, an unknown
type, and an undercut whose target is not a relation taking part (undercuts of
undercuts count in any order).
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


def taking_part(amap: ArgumentMap) -> TakingPart:
    claims = amap.claims
    out = TakingPart()
    seen: set[str] = set()
    valid: dict[str, Relation] = {}
    undercuts: list[Relation] = []
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
        else:
            out.problems.append(f"relation '{key}' has unknown type '{rel.type}'; ignored")
            continue
        out.premises[key] = premises
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
