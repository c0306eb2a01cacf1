"""Stable layout: after an edit the map stays where it is.

A full Graphviz run places every box afresh, so one added claim can move
half of a hand-read map.  :func:`stable_layout` starts from the previous
:class:`~argmap.layout.Layout` instead: boxes whose size did not change keep
their places exactly, new claims go into the nearest free slot beside their
neighbours (a premise on the premise side of its target, in the map's
reading direction), a box that grew stays put when it fits and otherwise
moves itself (never its neighbours) to the nearest slot where it does, and
only the edges at something that moved are routed again: straight, clipped
to the boxes, with one bend around boxes in the way, and where that still
crosses a box, by Graphviz around the boxes near it (:mod:`.layout_reroute`).

:func:`update_layout` decides between that and a full layout: the first
layout of a map, a change of direction, an explicit request (View → Auto
Layout) or an edit that changed too much of the map go to ``dot``.  A map
that returns to a content it had before (undo) gets the layout it had then.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from .layout import (
    EdgeRoute, Layout, NodePlace, _fit, _Graph, build_graph, clip_to_box, layout_map,
    straight_route,
)
from .layout_geometry import (  # noqa: F401  (edges_through_boxes, overlaps: the checks)
    Rect, bbox, crossings, edges_through_boxes, overlaps, polyline_hits, rect_of,
    rects_overlap, route_polyline,
)
from .layout_reroute import reroute_through_boxes
from .model import ArgumentMap

#: clearance kept around a placed box
GAP = 24.0
#: distance between a target and its premises when a new rank is opened
RANK_GAP = 44.0
#: more changed claims than this share of the map (and than MIN_CHANGED): a full layout
MAX_CHANGE = 0.3
MIN_CHANGED = 4
#: what an edge through a box costs a candidate place, in px of distance
CROSSING = 400.0
#: a size change below this is no change
EPS = 0.5

def premise_axis(direction: str) -> tuple[float, float]:
    """The way from a conclusion to its premises on the canvas."""
    return {"TB": (0.0, 1.0), "BT": (0.0, -1.0), "LR": (1.0, 0.0),
            "RL": (-1.0, 0.0)}.get(direction, (0.0, 1.0))


# -- what changed -------------------------------------------------------------------
@dataclass
class Change:
    new: set[str]          # node ids (claims and junctions) not in the previous layout
    grown: set[str]        # claims whose box changed size
    gone: set[str]         # node ids no longer there
    pinned: set[str]       # claims with a manual position (placed there exactly)

    def claims_changed(self) -> int:
        return sum(1 for s in (self.new, self.grown, self.gone) for n in s if n.startswith("c:"))


def _change(prev: Layout, g: _Graph, amap: ArgumentMap) -> Change:
    new, grown, pinned = set(), set(), set()
    for nid, (w, h, junction) in g.nodes.items():
        old = prev.nodes.get(nid)
        if old is None:
            new.add(nid)
        elif abs(old.w - w) > EPS or abs(old.h - h) > EPS:
            grown.add(nid)
    for cid, claim in amap.claims.items():
        if claim.pos is not None and "c:" + cid in g.nodes:
            pinned.add("c:" + cid)
    gone = {nid for nid in prev.nodes if nid not in g.nodes}
    return Change(new, grown, gone, pinned)


def layout_key(g: _Graph, amap: ArgumentMap) -> str:
    """What a layout depends on: box sizes, edges, manual positions, direction."""
    h = hashlib.sha1(amap.display.direction.encode())
    for nid in sorted(g.nodes):
        w, ht, _ = g.nodes[nid]
        claim = amap.claims.get(nid[2:]) if nid.startswith("c:") else None
        h.update(f"{nid}\0{w:.1f}\0{ht:.1f}\0{claim.pos if claim else ''}\n".encode())
    for e in sorted(g.edges):
        h.update(("\0".join(e) + "\n").encode())
    return h.hexdigest()


# -- placing ---------------------------------------------------------------------------
class _Placer:
    """Free slots on the canvas, scored by distance and by what an edge would cross."""

    def __init__(self, direction: str, nodes: dict[str, NodePlace],
                 routes: list[EdgeRoute]) -> None:
        self.ax = premise_axis(direction)
        self.vertical = self.ax[0] == 0        # ranks are rows
        self.sign = self.ax[0] + self.ax[1]
        self.nodes = nodes
        self.routes = [(bbox(r.points), r) for r in routes if r.points]

    # rank / cross coordinates of a point, and back
    def rc(self, x: float, y: float) -> tuple[float, float]:
        return (y, x) if self.vertical else (x, y)

    def xy(self, r: float, c: float) -> tuple[float, float]:
        return (c, r) if self.vertical else (r, c)

    def ext(self, w: float, h: float) -> tuple[float, float]:
        """A box's extent along the rank axis and across it."""
        return (h, w) if self.vertical else (w, h)

    def blocked(self, rect: Rect, skip: set[str]) -> bool:
        return any(k not in skip and not n.junction and rects_overlap(rect, rect_of(n))
                   for k, n in self.nodes.items())

    def candidates(self, w: float, h: float, ideal: tuple[float, float],
                   levels: list[float], skip: set[str]) -> list[tuple[float, float, float]]:
        """Free centres on each rank level: (x, y, distance from the ideal)."""
        er, ec = self.ext(w, h)
        ir, ic = self.rc(*ideal)
        boxes = [self.rc(n.x, n.y) + self.ext(n.w, n.h) for k, n in self.nodes.items()
                 if k not in skip and not n.junction]
        out = []
        for level in levels:
            r = ir + level
            spans = sorted((c - e2 / 2 - ec / 2 - GAP, c + e2 / 2 + ec / 2 + GAP)
                           for (rr, c, e1, e2) in boxes
                           if abs(rr - r) < (e1 + er) / 2 + GAP)
            merged: list[list[float]] = []
            for a, b in spans:
                if merged and a <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], b)
                else:
                    merged.append([a, b])
            inside = next((m for m in merged if m[0] < ic < m[1]), None)
            if inside is None:
                cs = [ic]
            else:
                i = merged.index(inside)
                cs = [m[0] for m in merged[max(0, i - 2):i + 1]] + \
                     [m[1] for m in merged[i:i + 3]]
            for c in cs:
                out.append(self.xy(r, c) + (abs(c - ic) + 1.5 * abs(level),))
        return out

    def crossings(self, box: Rect, ends: list[NodePlace], skip: set[str]) -> int:
        """Boxes that the edges from ``box`` to ``ends`` would cross (with the best
        route :func:`route_around` finds), and edges already drawn that ``box`` covers."""
        me = NodePlace("", (box[0] + box[2]) / 2, (box[1] + box[3]) / 2,
                       box[2] - box[0], box[3] - box[1])
        n = 0
        for end in ends:
            others = [rect_of(o, -2.0) for k, o in self.nodes.items()
                      if k not in skip and o is not end and not o.junction]
            n += _best_route(others, me, end, True)[0]
        for bb, route in self.routes:
            if rects_overlap(bb, box) and polyline_hits(route_polyline(route.points, 6), box):
                n += 1
        return n

    def rows(self, start: float, count: int, skip: set[str]) -> list[float]:
        """The rank coordinates of the first ``count`` rows beyond ``start`` on the
        premise side (boxes whose centres line up, as dot's ranks do)."""
        found: list[float] = []
        for k, n in self.nodes.items():
            if k in skip or n.junction:
                continue
            r = self.rc(n.x, n.y)[0]
            if self.sign * (r - start) > 1 and not any(abs(r - f) < 4 for f in found):
                found.append(r)
        found.sort(key=lambda r: self.sign * (r - start))
        return found[:count]

    def best(self, w: float, h: float, ideal: tuple[float, float], levels: list[float],
             ends: list[NodePlace], skip: set[str]) -> tuple[float, float]:
        best, best_score = None, math.inf
        for x, y, dist in self.candidates(w, h, ideal, levels, skip):
            if dist >= best_score:
                continue
            box = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
            score = dist + CROSSING * self.crossings(box, ends, skip)
            if score < best_score:
                best, best_score = (x, y), score
        return best if best is not None else ideal


def stable_layout(prev: Layout, amap: ArgumentMap, *, english: bool = False,
                  sizes: dict[str, tuple[float, float]] | None = None,
                  hints: dict[str, tuple[float, float]] | None = None,
                  g: _Graph | None = None, max_change: float = MAX_CHANGE) -> Layout | None:
    """``prev`` updated for the edited ``amap``; None when a full layout is better.

    ``hints``: where the canvas drew a new claim (the point of a double click, the
    middle of the view); used for a new claim with no placed neighbour.
    """
    if g is None:
        g = build_graph(amap, sizes, english)
    if prev.direction != amap.display.direction or not any(
            not n.junction for n in prev.nodes.values()):
        return None
    ch = _change(prev, g, amap)
    n_prev = sum(1 for n in prev.nodes.values() if not n.junction)
    if ch.claims_changed() > max(MIN_CHANGED, max_change * n_prev):
        return None
    hints = hints or {}
    nodes: dict[str, NodePlace] = {}
    for nid, (w, h, junction) in g.nodes.items():
        old = prev.nodes.get(nid)
        if old is not None and nid not in ch.grown:
            nodes[nid] = NodePlace(old.id, old.x, old.y, w, h, junction)
    moved: set[str] = set()
    for nid in ch.pinned:
        pos = amap.claims[nid[2:]].pos
        old = nodes.get(nid)
        if old is None or (old.x, old.y) != pos:
            moved.add(nid)
        w, h, _ = g.nodes[nid]
        nodes[nid] = NodePlace(nid[2:], pos[0], pos[1], w, h, False)
    # who leads to whom, through junctions: claim -> the nodes it argues for
    up: dict[str, set[str]] = {n: set() for n in g.nodes}
    down: dict[str, set[str]] = {n: set() for n in g.nodes}
    for src, dst, *_ in g.edges:
        up[src].add(dst)
        down[dst].add(src)

    def targets(n: str) -> set[str]:
        out = set()
        for t in up[n]:
            out |= up[t] if t.startswith("j:") and t in ch.new else {t}
        return out

    def premises(n: str) -> set[str]:
        out = set()
        for p in down[n]:
            out |= down[p] if p.startswith("j:") and p in ch.new else {p}
        return out

    keep_routes = [r for r in prev.edges if r.source in nodes and r.target in nodes
                   and r.source not in moved and r.target not in moved]
    placer = _Placer(amap.display.direction, nodes, keep_routes)
    sign, ax = placer.sign, placer.ax

    def place_claim(nid: str) -> None:
        w, h, _ = g.nodes[nid]
        er = placer.ext(w, h)[0]
        t_ids = [t for t in targets(nid) if t in nodes]
        ts = [nodes[t] for t in t_ids]
        ps = [nodes[p] for p in premises(nid) if p in nodes and not nodes[p].junction]
        if nid in ch.grown:
            old = prev.nodes[nid]
            # where it was, or grown from one of its edges or corners instead of its
            # centre: the free spot whose (adjusted) edges cross fewest boxes
            dr = (placer.ext(w, h)[0] - placer.ext(old.w, old.h)[0]) / 2
            dc = (placer.ext(w, h)[1] - placer.ext(old.w, old.h)[1]) / 2
            cross = (1.0, 0.0) if placer.vertical else (0.0, 1.0)
            mine = [r for r in prev.edges if nid in (r.source, r.target)]
            best = None
            for i, (fr, fc) in enumerate(((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1),
                                          (-1, -1), (-1, 1), (1, -1), (1, 1))):
                x = old.x + ax[0] * dr * fr + cross[0] * dc * fc
                y = old.y + ax[1] * dr * fr + cross[1] * dc * fc
                spot = NodePlace(old.id, x, y, w, h)
                if placer.blocked(rect_of(spot, GAP / 3), {nid}):
                    continue
                nodes[nid] = spot
                hits = sum(crossings(_stretched(r, prev.nodes, nodes), nodes) for r in mine
                           if r.source in nodes and r.target in nodes)
                del nodes[nid]
                if best is None or (hits, i) < best[:2]:
                    best = (hits, i, spot)
                if hits == 0:
                    break
            if best is not None and best[0] == 0:
                nodes[nid] = best[2]
                return
            # where it was, its neighbours pushed aside a little
            nodes[nid] = NodePlace(old.id, old.x, old.y, w, h)
            shifted = _push_aside(placer, nid, ch.pinned)
            if shifted is not None:
                pushed.update(shifted)
                return
            if best is not None:
                nodes[nid] = best[2]
                return
            del nodes[nid]
            ideal, levels = (old.x, old.y), [0.0, sign * 30, -sign * 30, sign * (er + GAP)]
        elif ts:
            t = ts[0]
            tr = placer.rc(t.x, t.y)[0]
            edge = tr + sign * placer.ext(t.w, t.h)[0] / 2
            # the rows beyond the target, nearest first; a new row if none is near
            rows = placer.rows(edge, 4, {nid})
            fresh_row = edge + sign * (RANK_GAP + er / 2)
            if not rows or sign * (rows[0] - fresh_row) > er + RANK_GAP:
                rows.insert(0, fresh_row)
            c = sum(placer.rc(n.x, n.y)[1] for n in ts) / len(ts)
            ideal = placer.xy(rows[0], c)
            levels = [r - rows[0] for r in rows]
        elif ps:
            pr = min(placer.rc(p.x, p.y)[0] * sign for p in ps) * sign
            c = sum(placer.rc(p.x, p.y)[1] for p in ps) / len(ps)
            big = max(placer.ext(p.w, p.h)[0] for p in ps)
            ideal = placer.xy(pr - sign * (big / 2 + RANK_GAP + er / 2), c)
            step = -sign * (er + RANK_GAP)
            levels = [0.0, step, 2 * step]
        else:
            if nid[2:] in hints:
                ideal = hints[nid[2:]]
            else:
                lay_b = max((n.y + n.h / 2 for n in nodes.values()), default=0.0)
                lay_l = min((n.x - n.w / 2 for n in nodes.values()), default=0.0)
                ideal = (lay_l + w / 2, lay_b + GAP + RANK_GAP + h / 2)
            step = er + GAP
            levels = [0.0, step, -step, 2 * step, -2 * step]
        x, y = placer.best(w, h, ideal, levels, ts + ps, {nid})
        nodes[nid] = NodePlace(nid[2:], x, y, w, h)

    todo = [n for n in g.nodes if not n.startswith("j:")
            and n not in nodes and (n in ch.new or n in ch.grown)]
    # grown boxes first (they were there), then new claims next to placed ones
    grown_here: set[str] = set()      # grown where they were: their routes are adjusted
    pushed: set[str] = set()
    for nid in [n for n in todo if n in ch.grown]:
        place_claim(nid)
        moved.add(nid)
        if (nodes[nid].x, nodes[nid].y) == (prev.nodes[nid].x, prev.nodes[nid].y):
            grown_here.add(nid)
    moved |= pushed
    grown_here |= pushed
    todo = [n for n in todo if n not in ch.grown]
    while todo:
        def known(n: str) -> int:
            return sum(1 for m in targets(n) | premises(n) if m in nodes)
        todo.sort(key=lambda n: -known(n))
        nid = todo.pop(0)
        place_claim(nid)
        moved.add(nid)

    # junctions of relations that are new or whose ends moved
    for nid, (w, h, _) in g.nodes.items():
        if not nid.startswith("j:"):
            continue
        ends = up[nid] | down[nid]
        if nid in nodes and not (ends & moved) and not (ends - set(prev.nodes)):
            continue
        tgt = [nodes[t] for t in up[nid] if t in nodes]
        prem = [nodes[p] for p in down[nid] if p in nodes and not p.startswith("j:")]
        if not tgt or not prem:
            pts = tgt + prem
            x = sum(p.x for p in pts) / len(pts) if pts else 0.0
            y = sum(p.y for p in pts) / len(pts) if pts else 0.0
        else:
            t = tgt[0]
            px, py = sum(p.x for p in prem) / len(prem), sum(p.y for p in prem) / len(prem)
            near = min(prem, key=lambda p: math.hypot(p.x - t.x, p.y - t.y))
            # half way between the target's edge and the nearest premise's edge
            a = clip_to_box(t, px, py)
            b = clip_to_box(near, t.x, t.y)
            x, y = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
            if placer.vertical:
                x = (t.x + px) / 2
            else:
                y = (t.y + py) / 2
        nodes[nid] = NodePlace(nid[2:], x, y, w, h, True)
        moved.add(nid)

    lay = Layout(0.0, 0.0, amap.display.direction, nodes=nodes, boxes=g.boxes)
    old_routes = {(r.relation, r.part, r.source, r.target): r for r in prev.edges}
    fresh = [rect_of(nodes[n], -2.0) for n in moved if not n.startswith("j:")]
    claim_boxes = [(k, rect_of(n, -2.0)) for k, n in nodes.items() if not n.junction]
    replaced = moved - grown_here

    def clear(route: EdgeRoute, boxes) -> bool:
        poly = route_polyline(route.points, 6)
        if not poly:
            return False
        bb = bbox(poly)
        return not any(rects_overlap(bb, r) and polyline_hits(poly, r) for r in boxes)

    rerouted: list[int] = []     # edges routed anew here (the others kept their route)
    for src, dst, key, kind, part in g.edges:
        old = old_routes.get((key, part, src, dst))
        if old is not None and old.kind == kind and not ({src, dst} & replaced):
            if src in moved or dst in moved:
                # a box that grew or was pushed: the old route, its ends moved along
                route = _stretched(old, prev.nodes, nodes)
                boxes = [r for k, r in claim_boxes if k not in (src, dst)]
            else:
                route = EdgeRoute(key, kind, part, src, dst, list(old.points), old.tip)
                boxes = fresh
            if clear(route, boxes):
                lay.edges.append(route)
                continue
        pts, tip = route_around(nodes, nodes[src], nodes[dst], src, dst, part != "premise")
        rerouted.append(len(lay.edges))
        lay.edges.append(EdgeRoute(key, kind, part, src, dst, pts, tip))
    reroute_through_boxes(lay, rerouted)
    _fit(lay)
    return lay


#: a neighbour of a grown box is pushed at most this far, else the box moves itself
PUSH_MAX = 40.0


def _push_aside(placer: _Placer, nid: str, pinned: set[str]) -> set[str] | None:
    """Push the boxes that ``nid`` now overlaps out of its way (and those they then
    overlap), each along the axis that needs the shorter move; None (and nothing
    moved) when that would move one more than PUSH_MAX or move a pinned box."""
    nodes = placer.nodes
    start = {k: (n.x, n.y) for k, n in nodes.items()}
    total: dict[str, float] = {}
    queue = [nid]
    while queue:
        a = nodes[queue.pop(0)]
        ra = rect_of(a, GAP / 3)
        for k, b in nodes.items():
            if k == nid or b is a or b.junction or not rects_overlap(ra, rect_of(b)):
                continue
            if k in pinned or len(total) > 8:
                break
            # shortest way out: left, right, up or down
            moves = [(ra[2] - (b.x - b.w / 2), 0.0), ((b.x + b.w / 2) - ra[0], 0.0),
                     (0.0, ra[3] - (b.y - b.h / 2)), (0.0, (b.y + b.h / 2) - ra[1])]
            signs = [(1, 0), (-1, 0), (0, 1), (0, -1)]
            i = min(range(4), key=lambda i: abs(moves[i][0]) + abs(moves[i][1]))
            dx = signs[i][0] * moves[i][0]
            dy = signs[i][1] * moves[i][1]
            b.x += dx
            b.y += dy
            ox, oy = start[k]
            total[k] = math.hypot(b.x - ox, b.y - oy)
            if total[k] > PUSH_MAX:
                break
            queue.append(k)
        else:
            continue
        break
    else:
        return set(total)
    for k, (x, y) in start.items():
        nodes[k].x, nodes[k].y = x, y
    return None


def _stretched(old: EdgeRoute, before: dict[str, NodePlace], now: dict[str, NodePlace]
               ) -> EdgeRoute:
    """``old`` with its ends moved from the outlines its boxes had to the ones they have
    (same centres, other sizes): each end and its control point move together."""
    pts, tip = list(old.points), old.tip

    def shift(node_id: str, end: tuple[float, float]) -> tuple[float, float]:
        a, b = before[node_id], now[node_id]
        if (a.x, a.y, a.w, a.h) == (b.x, b.y, b.w, b.h):
            return (0.0, 0.0)
        dx, dy = end[0] - a.x, end[1] - a.y
        p = clip_to_box(b, b.x + dx * 100, b.y + dy * 100)
        return (p[0] - end[0], p[1] - end[1])

    sx, sy = shift(old.source, pts[0])
    pts[0] = (pts[0][0] + sx, pts[0][1] + sy)
    pts[1] = (pts[1][0] + sx, pts[1][1] + sy)
    tx, ty = shift(old.target, tip or pts[-1])
    pts[-1] = (pts[-1][0] + tx, pts[-1][1] + ty)
    pts[-2] = (pts[-2][0] + tx, pts[-2][1] + ty)
    if tip is not None:
        tip = (tip[0] + tx, tip[1] + ty)
    return EdgeRoute(old.relation, old.kind, old.part, old.source, old.target, pts, tip)


def _best_route(boxes: list[Rect], a: NodePlace, b: NodePlace, arrow: bool
                ) -> tuple[int, list, tuple | None]:
    """The straight edge from ``a`` to ``b`` or, when it runs through some of
    ``boxes``, the route with one bend that runs through fewest: (hits, points, tip)."""
    pts, tip = straight_route(a, b, arrow)
    span = bbox([(a.x, a.y), (b.x, b.y)])
    span = (span[0] - 360, span[1] - 360, span[2] + 360, span[3] + 360)
    near = [r for r in boxes if rects_overlap(span, r)]

    def hits(points) -> int:
        poly = route_polyline(points, 8)
        bb = bbox(poly)
        return sum(1 for r in near if rects_overlap(bb, r) and polyline_hits(poly, r))

    first = hits(pts)
    if first == 0:
        return 0, pts, tip
    best = (first, pts, tip)
    dx, dy = b.x - a.x, b.y - a.y
    d = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / d, dx / d
    tries = [(f, off) for off in (50, -50, 100, -100, 160, -160, 240, -240, 340, -340)
             for f in (0.5, 0.3, 0.7)]
    for f, off in tries:
        bx, by = a.x + dx * f + nx * off, a.y + dy * f + ny * off
        p0 = clip_to_box(a, bx, by)
        end = clip_to_box(b, bx, by)
        p1 = end
        if arrow:
            ex, ey = end[0] - bx, end[1] - by
            e = math.hypot(ex, ey) or 1.0
            p1 = (end[0] - ex / e * 7, end[1] - ey / e * 7)
        c1 = (p0[0] + 2 / 3 * (bx - p0[0]), p0[1] + 2 / 3 * (by - p0[1]))
        c2 = (p1[0] + 2 / 3 * (bx - p1[0]), p1[1] + 2 / 3 * (by - p1[1]))
        cand = [p0, c1, c2, p1]
        n = hits(cand)
        if n < best[0]:
            best = (n, cand, end if arrow else None)
            if n == 0:
                break
    if best[0] and len(near) <= 80:
        best = _two_bends(a, b, arrow, hits, best)
    return best


def _line_piece(p: tuple[float, float], q: tuple[float, float]) -> list[tuple[float, float]]:
    """A straight cubic piece from ``p`` to ``q`` (its control points on the line)."""
    return [(p[0] + (q[0] - p[0]) / 3, p[1] + (q[1] - p[1]) / 3),
            (p[0] + 2 * (q[0] - p[0]) / 3, p[1] + 2 * (q[1] - p[1]) / 3), q]


def _two_bends(a: NodePlace, b: NodePlace, arrow: bool, hits, best: tuple) -> tuple:
    """When one bend is not enough: a route through two corners beside the straight
    line, each up to 340 pt off it, the one through fewest boxes (ties: shortest)."""
    dx, dy = b.x - a.x, b.y - a.y
    d = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / d, dx / d
    offsets = (60, -60, 130, -130, 220, -220, 340, -340)
    firsts = [(a.x + dx * 0.25 + nx * o, a.y + dy * 0.25 + ny * o) for o in offsets]
    seconds = [(a.x + dx * 0.75 + nx * o, a.y + dy * 0.75 + ny * o) for o in offsets]
    found, length = best, math.inf
    for w1 in firsts:
        p0 = clip_to_box(a, *w1)
        for w2 in seconds:
            end = clip_to_box(b, *w2)
            p1 = end
            if arrow:
                ex, ey = end[0] - w2[0], end[1] - w2[1]
                e = math.hypot(ex, ey) or 1.0
                p1 = (end[0] - ex / e * 7, end[1] - ey / e * 7)
            cand = [p0] + _line_piece(p0, w1) + _line_piece(w1, w2) + _line_piece(w2, p1)
            n = hits(cand)
            if n > found[0]:
                continue
            size = (math.dist(p0, w1) + math.dist(w1, w2) + math.dist(w2, p1))
            if n < found[0] or size < length:
                found, length = (n, cand, end if arrow else None), size
    return found


def route_around(nodes: dict[str, NodePlace], a: NodePlace, b: NodePlace, ka: str, kb: str,
                 arrow: bool) -> tuple[list, tuple | None]:
    """A straight edge from ``a`` to ``b``, or one bend around the boxes in its way."""
    boxes = [rect_of(n, -2.0) for k, n in nodes.items()
             if k not in (ka, kb) and not n.junction]
    _, pts, tip = _best_route(boxes, a, b, arrow)
    return pts, tip


# -- choosing --------------------------------------------------------------------------
@dataclass
class Relaid:
    layout: Layout
    mode: str              # "full" (dot), "stable", or "again" (the layout this content had)
    key: str


def update_layout(prev: Layout | None, amap: ArgumentMap, *, english: bool = False,
                  full: bool = False, hints: dict[str, tuple[float, float]] | None = None,
                  history: dict[str, Layout] | None = None, cache: bool = True,
                  budget: float | None = None, keep_running: bool = False) -> Relaid:
    """The layout to show after an edit: see the module's description.  ``budget``:
    seconds a full layout may wait for dot (see :func:`argmap.layout.layout_map`)."""
    g = build_graph(amap, None, english)
    key = layout_key(g, amap)
    if not full and history and key in history:
        return Relaid(history[key], "again", key)
    if not full and prev is not None:
        lay = stable_layout(prev, amap, english=english, hints=hints, g=g)
        if lay is not None:
            return Relaid(lay, "stable", key)
    return Relaid(layout_map(amap, cache=cache, english=english, budget=budget,
                             keep_running=keep_running), "full", key)
