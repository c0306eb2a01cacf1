"""The difference between two versions of a map as a picture (SVG).

The map now is drawn as ``argmap export`` draws it, with what the old map had
and the new one has not put back as *ghosts* (faded, dashed, red), and marks:
an added claim or relation outlined in green with a ``+`` badge, a changed one
in amber (``~``), a removed one in red (``−``), a claim that only moved with a
thin dotted outline.  Every marked ``<g>`` of a claim or relation also has the
class ``diff-added``, ``diff-removed``, ``diff-changed`` or ``diff-moved``, and a
line under the legend counts them.  The app's picture and this one share the
colours (:data:`DIFF_COLORS`) and the ghosts' places (:func:`union_map`,
:func:`diff_layout`).  No Qt.
"""

from __future__ import annotations

import re
from typing import Iterable

from .diff_changes import Change, counts, list_changes, place_ghosts
from .export_svg import escape, render_svg, svg_id
from .layout import (
    LAYOUT_BUDGET, EdgeRoute, Layout, NodePlace, _fit, build_graph, layout_map, quick_layout,
    straight_route,
)
from .mapdiff import MapDiff, diff_maps
from .model import ArgumentMap, Relation
from .style import CORNER, TEXT_COLOR, box_text, words_language

DIFF_COLORS = {"added": "#2e9d47", "removed": "#c0392b", "changed": "#d68910",
               "moved": "#7f8c9d"}
#: the sign of each kind of change in text (the list of changes, the banner)
DIFF_SIGNS = {"added": "+", "removed": "−", "changed": "~", "moved": "↔"}
#: the sign in each badge, drawn as lines (the canvas draws the same): moves to
#: (``M``), lines to (``L``) and curves to (``C``) around the badge's centre
DIFF_GLYPHS: dict[str, list[tuple[str, tuple[float, ...]]]] = {
    "added": [("M", (-4.0, 0.0)), ("L", (4.0, 0.0)), ("M", (0.0, -4.0)), ("L", (0.0, 4.0))],
    "removed": [("M", (-4.0, 0.0)), ("L", (4.0, 0.0))],
    "changed": [("M", (-4.5, 1.3)), ("C", (-3.0, -2.6, -1.3, -2.6, 0.0, 0.0)),
                ("C", (1.3, 2.6, 3.0, 2.6, 4.5, -1.3))],
    "moved": [("M", (-4.5, 0.0)), ("L", (4.5, 0.0)), ("M", (2.0, -2.5)), ("L", (4.5, 0.0)),
              ("L", (2.0, 2.5)), ("M", (-2.0, -2.5)), ("L", (-4.5, 0.0)), ("L", (-2.0, 2.5))],
}
#: the words of the picture, in the map's language
DIFF_WORDS = {
    "de": {"added": "hinzugefügt", "removed": "entfernt", "changed": "geändert",
           "moved": "verschoben", "compared": "Verglichen", "other": "weitere Änderungen"},
    "en": {"added": "added", "removed": "removed", "changed": "changed", "moved": "moved",
           "compared": "Compared", "other": "other changes"},
}
#: what a claim is marked as when several changes concern it: the first that applies
_PRIORITY = ("added", "removed", "changed", "renamed", "moved")
DIFF_LEGEND_H = 34.0


def marks(changes: Iterable[Change]) -> tuple[dict[str, str], dict[str, str]]:
    """The mark of each changed claim (by id) and relation (by key): added, removed,
    changed (a rename too) or moved."""
    claims: dict[str, str] = {}
    relations: dict[str, str] = {}
    for c in changes:
        if not c.on_map:
            continue
        kind = "changed" if c.kind == "renamed" else c.kind
        if c.what == "claim":
            now = claims.get(c.key)
            if now is None or _PRIORITY.index(kind) < _PRIORITY.index(now):
                claims[c.key] = kind
        elif c.key not in relations or kind == "removed":
            relations[c.key] = kind
    return claims, relations


def union_map(new: ArgumentMap, changes: list[Change]
              ) -> tuple[ArgumentMap, list[str], list[str]]:
    """``new`` with the removed claims and relations put back (for drawing only), and
    the ids of those claims and the keys of those relations.  A removed relation
    comes back when its ends are there (claims of the map or removed ones)."""
    union = new.copy()
    ghost_claims: list[str] = []
    for c in changes:
        if c.what == "claim" and c.kind == "removed" and c.claim is not None \
                and c.key not in union.claims:
            union.claims[c.key] = c.claim.clone()
            ghost_claims.append(c.key)
    keys = {r.key for r in union.relations}
    pending = [c.relation for c in changes if c.what == "relation" and c.kind == "removed"
               and c.relation is not None]
    ghost_relations: list[str] = []
    while pending:       # an undercut of a removed relation comes after it
        ready = [r for r in pending if _ends_there(union, r, keys)]
        if not ready:
            break
        for r in ready:
            pending.remove(r)
            if r.key in keys:
                continue
            union.relations.append(r.clone())
            keys.add(r.key)
            ghost_relations.append(r.key)
    return union, ghost_claims, ghost_relations


def _ends_there(amap: ArgumentMap, rel: Relation, keys: set[str]) -> bool:
    if not all(p in amap.claims for p in rel.premises):
        return False
    return rel.target in keys if rel.type == "undercut" else rel.target in amap.claims


def diff_layout(base: Layout, union: ArgumentMap, ghosts: dict[str, tuple[float, float]],
                english: bool = False) -> Layout:
    """The layout of ``union``: ``base`` (the layout of the map now) with the ghost
    claims at ``ghosts`` and straight lines for what ``base`` does not route.  A
    quick layout of the whole when ``base`` lacks a claim of the map."""
    sizes = {n.id: (n.w, n.h) for key, n in base.nodes.items() if key.startswith("c:")}
    g = build_graph(union, sizes, english)
    missing = [n for n in g.nodes if n.startswith("c:") and n not in base.nodes
               and n[2:] not in ghosts]
    if missing:
        return quick_layout(union, english)
    out = Layout(0.0, 0.0, base.direction, boxes={**base.boxes, **g.boxes})
    for n, (w, h, junction) in g.nodes.items():
        if n in base.nodes:
            out.nodes[n] = base.nodes[n]
        elif not junction:
            x, y = ghosts[n[2:]]
            out.nodes[n] = NodePlace(n[2:], x, y, w, h)
    for n, (w, h, junction) in g.nodes.items():      # junctions new to the picture
        if junction and n not in out.nodes:
            ends = [out.nodes[a] for a, b, *_ in g.edges if b == n and a in out.nodes] + \
                   [out.nodes[b] for a, b, *_ in g.edges if a == n and b in out.nodes]
            if ends:
                out.nodes[n] = NodePlace(n[2:], sum(p.x for p in ends) / len(ends),
                                         sum(p.y for p in ends) / len(ends), w, h, True)
    routed = {(e.relation, e.part, e.source, e.target, e.kind): e for e in base.edges}
    for src, dst, key, kind, part in g.edges:
        e = routed.get((key, part, src, dst, kind))
        if e is not None:
            out.edges.append(e)
        elif src in out.nodes and dst in out.nodes:
            pts, tip = straight_route(out.nodes[src], out.nodes[dst], part != "premise")
            out.edges.append(EdgeRoute(key, kind, part, src, dst, pts, tip))
    _fit(out)
    return out


def ghost_sizes(old: ArgumentMap, ids: list[str], english: bool = False
                ) -> dict[str, tuple[float, float]]:
    """The box sizes of the removed claims ``ids``, as the old map draws them."""
    out = {}
    for cid in ids:
        bt = box_text(old, old.claims[cid], english)
        out[cid] = (bt.width, bt.height)
    return out


def render_diff_svg(old: ArgumentMap, new: ArgumentMap, d: MapDiff | None = None, *,
                    layout: Layout | None = None,
                    ghosts: dict[str, tuple[float, float]] | None = None,
                    english: bool = False, labels: tuple[str, str] = ("", ""),
                    embed_font: bool = False, budget: float | None = LAYOUT_BUDGET) -> str:
    """The picture of the difference from ``old`` to ``new`` (``d``, when known).

    ``layout`` is the layout of ``new`` as it is shown (the app's); the removed
    claims go to ``ghosts`` (id -> centre), or where :func:`place_ghosts` puts
    them.  Without ``layout`` the whole picture, ghosts included, is laid out
    afresh (dot, given ``budget`` seconds).  ``labels`` name the two versions in
    the line under the legend.  LayoutError when dot cannot be run."""
    d = d if d is not None else diff_maps(old, new)
    changes = list_changes(old, new, d)
    union, ghost_ids, _ghost_keys = union_map(new, changes)
    if layout is None:
        lay = layout_map(union, english=english, budget=budget)
    else:
        if ghosts is None or any(g not in ghosts for g in ghost_ids):
            places = {n.id: (n.x, n.y, n.w, n.h) for k, n in layout.nodes.items()
                      if k.startswith("c:")}
            ghosts = place_ghosts(old, ghost_sizes(old, ghost_ids, english), places,
                                  new.display.direction)
        lay = diff_layout(layout, union, ghosts, english)
    svg = render_svg(union, lay, english=english, embed_font=embed_font,
                     overlay=_claim_marks(lay, changes))
    return _marked(svg, union, lay, changes, labels)


# -- marking the picture -------------------------------------------------------------
def _f(v: float) -> str:
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def _path(e: EdgeRoute) -> str:
    pts = list(e.points) + ([e.tip] if e.tip else [])
    if not pts:
        return ""
    out = [f"M{_f(pts[0][0])},{_f(pts[0][1])}"]
    rest = list(e.points[1:])
    for i in range(0, len(rest) - len(rest) % 3, 3):
        (a, b), (c, dd), (x, y) = rest[i], rest[i + 1], rest[i + 2]
        out.append(f"C{_f(a)},{_f(b)} {_f(c)},{_f(dd)} {_f(x)},{_f(y)}")
    for x, y in rest[len(rest) - len(rest) % 3:] + ([e.tip] if e.tip else []):
        out.append(f"L{_f(x)},{_f(y)}")
    return " ".join(out)


def glyph_path(kind: str, cx: float, cy: float) -> str:
    """The SVG path of the sign of a badge centred at (cx, cy)."""
    out = []
    for op, pts in DIFF_GLYPHS[kind]:
        coords = " ".join(f"{_f(cx + pts[i])},{_f(cy + pts[i + 1])}"
                          for i in range(0, len(pts), 2))
        out.append(f"{op}{coords}")
    return " ".join(out)


def _badge(kind: str, cx: float, cy: float) -> str:
    return (f'<circle class="diff-badge diff-{kind}" cx="{_f(cx)}" cy="{_f(cy)}" r="9"/>'
            f'<path class="diff-sign" d="{glyph_path(kind, cx, cy)}"/>')


def _style() -> str:
    css = [".diff-glow { fill: none; stroke-width: 10; stroke-opacity: 0.35; "
           "stroke-linecap: round; stroke-linejoin: round; }",
           ".diff-mark { fill: none; stroke-width: 2.5; }",
           ".diff-mark.diff-removed { stroke-dasharray: 6,4; }",
           ".diff-mark.diff-moved { stroke-width: 1.5; stroke-dasharray: 2,3; }",
           ".diff-badge { stroke: #ffffff; stroke-width: 1.5; }",
           ".diff-sign { fill: none; stroke: #ffffff; stroke-width: 1.9; "
           "stroke-linecap: round; stroke-linejoin: round; }",
           ".claim.diff-removed, .relation.diff-removed { opacity: 0.5; }",
           f".claim.diff-removed .box {{ fill: #fbeeee; stroke: {DIFF_COLORS['removed']}; "
           "stroke-dasharray: 6,4; }",
           f".relation.diff-removed .line {{ stroke: {DIFF_COLORS['removed']}; "
           "stroke-dasharray: 6,4; }",
           f".relation.diff-removed polygon.head, .relation.diff-removed .junction "
           f"{{ fill: {DIFF_COLORS['removed']}; }}",
           f".relation.diff-removed path.head {{ stroke: {DIFF_COLORS['removed']}; }}"]
    for kind, color in DIFF_COLORS.items():
        css.append(f".diff-glow.diff-{kind}, .diff-mark.diff-{kind} {{ stroke: {color}; }}")
        css.append(f".diff-badge.diff-{kind} {{ fill: {color}; }}")
    return "<style>\n" + "\n".join(css) + "\n</style>"


def _marked(svg: str, union: ArgumentMap, lay: Layout, changes: list[Change],
            labels: tuple[str, str]) -> str:
    claim_marks, rel_marks = marks(changes)
    by_id = {f"claim-{escape(cid)}": kind for cid, kind in claim_marks.items()}
    by_id.update({f"rel-{escape(svg_id(key))}": kind for key, kind in rel_marks.items()})

    def classed(m: re.Match) -> str:
        kind = by_id.get(m.group(1))
        return m.group(0) if kind is None else f'{m.group(0)[:-1]} diff-{kind}"'
    svg = re.sub(r'<g id="((?:claim|rel)-[^"]*)" class="[^"]*"', classed, svg)
    glows = ['<g id="diff-glows">']
    for e in lay.edges:
        kind = rel_marks.get(e.relation)
        if kind in ("added", "changed"):
            glows.append(f'<path class="diff-glow diff-{kind}" d="{_path(e)}"/>')
    glows.append("</g>")
    svg = svg.replace('<g id="relations">', "\n".join(glows) + '\n<g id="relations">', 1)
    svg = svg.replace("</style>", "</style>\n" + _style(), 1)
    return _with_legend(svg, union, changes, labels)


def _claim_marks(lay: Layout, changes: list[Change]) -> list[str]:
    """The outline and badge of each added, changed or moved claim, drawn over the claims."""
    claim_marks, _ = marks(changes)
    out = ['<g id="diff-marks">']
    for cid, kind in claim_marks.items():
        node = lay.claim(cid)
        if node is None:
            continue
        x0, y0 = node.x - node.w / 2 - 5, node.y - node.h / 2 - 5
        out.append(f'<g class="diff-{kind}" data-claim="{escape(cid)}">'
                   f'<rect class="diff-mark diff-{kind}" x="{_f(x0)}" y="{_f(y0)}" '
                   f'width="{_f(node.w + 10)}" height="{_f(node.h + 10)}" '
                   f'rx="{CORNER + 4}"/>')
        if kind != "moved":
            out.append(_badge(kind, node.x + node.w / 2 + 1, node.y - node.h / 2 - 1))
        out.append("</g>")
    out.append("</g>")
    return out


def _with_legend(svg: str, union: ArgumentMap, changes: list[Change],
                 labels: tuple[str, str]) -> str:
    words = DIFF_WORDS[words_language(union.lang)]
    head = re.search(r'width="([\d.]+)" height="([\d.]+)" viewBox="0 0 ([\d.]+) ([\d.]+)"',
                     svg)
    assert head is not None     # render_svg writes the size this way
    width, height = float(head.group(1)), float(head.group(2))
    n = counts(changes)
    out = [f'<g id="diff-legend" class="diff-legend" transform="translate(16,{_f(height)})">']
    x = 0.0
    for kind in ("added", "removed", "changed", "moved"):
        text = f"{words[kind]} ({n[kind]})"
        out.append(f'<g class="diff-{kind}">{_badge(kind, x + 9, 12)}'
                   f'<text x="{_f(x + 24)}" y="16" font-size="11" fill="{TEXT_COLOR}">'
                   f"{escape(text)}</text></g>")
        x += 40 + len(text) * 6.5
    if n["other"]:
        text = f"{n['other']} {words['other']}"
        out.append(f'<text x="{_f(x)}" y="16" font-size="11" fill="{TEXT_COLOR}">'
                   f"{escape(text)}</text>")
        x += 20 + len(text) * 6.5
    if any(labels):
        text = f"{words['compared']}: {labels[0]} → {labels[1]}"
        out.append(f'<text class="diff-labels" x="{_f(x)}" y="16" font-size="11" '
                   f'fill="{TEXT_COLOR}">{escape(text)}</text>')
        x += len(text) * 6.5
    out.append("</g>")
    width = max(width, x + 32)
    height += DIFF_LEGEND_H
    svg = (svg[:head.start()] + f'width="{_f(width)}" height="{_f(height)}" '
           f'viewBox="0 0 {_f(width)} {_f(height)}"' + svg[head.end():])
    end = svg.rindex("</svg>")
    return svg[:end] + "\n".join(out) + "\n" + svg[end:]
