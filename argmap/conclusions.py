"""Does the map say what its article concludes?  The header's ``conclusion``
records, for the claims the article decides (its thesis, its question), the
label the article itself gives them; a map whose grounded evaluation differs
gets a warning naming the claim and the reason the evaluation gives.  So an
edit that flips a verdict against the article does not go unnoticed."""

from __future__ import annotations

from collections.abc import Callable

from .diagnostics import WARNING, Diagnostic
from .model import ArgumentMap

LABELS = ("IN", "OUT", "UNDEC")


def conclusion_from(value: object) -> dict[str, str]:
    """A ``conclusion`` as a file or an interchange format gives it: claim id -> label,
    keeping only texts (the labels are checked by the schema and by the checks here)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def conclusion_problems(amap: ArgumentMap, file: str = "",
                        where: Callable[[tuple, bool], tuple[int, int]] | None = None
                        ) -> list[Diagnostic]:
    """A warning for each claim of ``conclusion`` whose grounded label differs."""
    wanted = {c: v for c, v in amap.conclusion.items() if c in amap.claims and v in LABELS}
    if not wanted:
        return []
    from .semantics import evaluate
    lab = evaluate(amap, "grounded").labelling
    if lab is None:
        return []
    out = []
    for cid, label in wanted.items():
        got = lab.label(cid)
        if got != label:
            line, col = where(("conclusion", cid), True) if where else (0, 0)
            out.append(Diagnostic(
                WARNING, f"the article concludes '{cid}' {label}, the map evaluates it {got} "
                f"(grounded): {lab.why(cid)}", file, line, col, subject=cid))
    return out
