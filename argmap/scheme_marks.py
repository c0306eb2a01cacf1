"""What a picture of a map shows of its arguments' schemes.

Each relation that names a known scheme gets a :class:`SchemeMark`: the
scheme's short name to draw at the relation (at its junction for a linked
argument, else at the middle of its edge), how many of its critical questions
are still open, and the wording of those questions for the tooltip.  The SVG
export and the app's canvas draw the same marks.  Pure Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .critical_questions import question_states, scheme_of
from .model import ArgumentMap
from .schemes import Catalogue, map_catalogue


@dataclass
class SchemeMark:
    #: the scheme's short name in the map's language ("Expertenmeinung")
    short: str
    #: its full name ("Argument aus einer Expertenmeinung")
    name: str
    #: the wording of each critical question still open
    open: list[str] = field(default_factory=list)
    #: how many questions are answered yes, and how many no
    yes: int = 0
    no: int = 0

    @property
    def label(self) -> str:
        """The short name, with the number of open questions: ``Expertenmeinung ?2``."""
        return f"{self.short} ?{len(self.open)}" if self.open else self.short

    def tooltip(self, lang: str) -> str:
        """The lines a tooltip adds for the scheme: its name and the open questions."""
        de = (lang or "").lower().startswith("de")
        lines = [self.name]
        if self.open:
            lines.append(("Offene kritische Fragen:" if de else "Open critical questions:"))
            lines += [f"– {q}" for q in self.open]
        elif self.yes or self.no:
            lines.append("Alle kritischen Fragen beantwortet." if de
                         else "Every critical question answered.")
        return "\n".join(lines)


def scheme_marks(amap: ArgumentMap, schemes: Catalogue | None = None) -> dict[str, SchemeMark]:
    """Relation key -> its mark, for every relation that names a known scheme (of
    ``schemes``, by default the map's own laid over the catalogue)."""
    if not any(r.scheme for r in amap.relations):
        return {}
    cat = schemes or map_catalogue(amap)
    lang = amap.lang
    out: dict[str, SchemeMark] = {}
    by_key = {r.key: r for r in amap.relations}
    for key, states in question_states(amap, cat).items():
        rel = by_key.get(key)
        scheme = scheme_of(rel, cat) if rel is not None else None
        if scheme is None:
            continue
        out[key] = SchemeMark(
            scheme.short.get(lang), scheme.name.get(lang),
            [s.question.text.get(lang) for s in states if s.state == "open"],
            sum(1 for s in states if s.state == "yes"), sum(1 for s in states if s.state == "no"))
    return out


def bezier_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The point halfway along a cubic Bézier path (p0, (c1, c2, p)*), by its segments:
    the middle of the middle segment."""
    if not points:
        return (0.0, 0.0)
    segments = (len(points) - 1) // 3
    if segments < 1:
        return points[len(points) // 2]
    k = segments // 2
    if segments % 2 == 0:          # an even number of segments: the joint between two
        return points[3 * k]
    p0, c1, c2, p1 = points[3 * k:3 * k + 4]
    return ((p0[0] + 3 * c1[0] + 3 * c2[0] + p1[0]) / 8, (p0[1] + 3 * c1[1] + 3 * c2[1] + p1[1]) / 8)
