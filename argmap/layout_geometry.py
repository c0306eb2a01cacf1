"""Geometry of a laid-out map: boxes, routes, and what runs through what."""

from __future__ import annotations

from .layout import EdgeRoute, Layout, NodePlace

Rect = tuple[float, float, float, float]


def rect_of(n: NodePlace, pad: float = 0.0) -> Rect:
    return (n.x - n.w / 2 - pad, n.y - n.h / 2 - pad, n.x + n.w / 2 + pad, n.y + n.h / 2 + pad)


def rects_overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def segment_hits_rect(p: tuple[float, float], q: tuple[float, float], r: Rect) -> bool:
    """Whether the segment p–q passes through the inside of ``r`` (Liang–Barsky)."""
    x0, y0 = p
    dx, dy = q[0] - x0, q[1] - y0
    t0, t1 = 0.0, 1.0
    for den, num in ((-dx, x0 - r[0]), (dx, r[2] - x0), (-dy, y0 - r[1]), (dy, r[3] - y0)):
        if den == 0:
            if num < 0:
                return False
            continue
        t = num / den
        if den < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return t1 - t0 > 1e-9


def route_polyline(points: list[tuple[float, float]], steps: int = 8
                   ) -> list[tuple[float, float]]:
    """The points of a cubic Bézier chain (p0, (c1, c2, p)*), sampled."""
    if not points:
        return []
    out = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, c1, c2, p1 = points[i:i + 4]
        for s in range(1, steps + 1):
            t = s / steps
            u = 1 - t
            out.append((u ** 3 * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0]
                        + t ** 3 * p1[0],
                        u ** 3 * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1]
                        + t ** 3 * p1[1]))
    return out


def bbox(pts) -> Rect:
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def polyline_hits(poly: list[tuple[float, float]], r: Rect) -> bool:
    return any(segment_hits_rect(poly[i], poly[i + 1], r) for i in range(len(poly) - 1))


def overlaps(lay: Layout, claims_only: bool = True) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap (sweep over x)."""
    items = sorted((rect_of(n, -0.5), k) for k, n in lay.nodes.items()
                   if not (claims_only and n.junction))
    found, active = [], []
    for r, k in items:
        active = [(a, ka) for a, ka in active if a[2] > r[0]]
        found += [(ka, k) for a, ka in active if rects_overlap(a, r)]
        active.append((r, k))
    return found


def edges_through_boxes(lay: Layout) -> list[tuple[EdgeRoute, str]]:
    """Edges that run through a claim box other than their own ends."""
    boxes = [(k, rect_of(n, -2.0)) for k, n in lay.nodes.items() if not n.junction]
    hits = []
    for e in lay.edges:
        poly = route_polyline(e.points)
        if len(poly) < 2:
            continue
        bb = bbox(poly)
        for k, r in boxes:
            if k in (e.source, e.target) or not rects_overlap(bb, r):
                continue
            if polyline_hits(poly, r):
                hits.append((e, k))
                break
    return hits


def crossings(route: EdgeRoute, nodes: dict[str, NodePlace]) -> int:
    """Claim boxes (other than its ends) that ``route`` runs through."""
    poly = route_polyline(route.points, 6)
    if not poly:
        return 0
    bb = bbox(poly)
    return sum(1 for k, n in nodes.items()
               if k not in (route.source, route.target) and not n.junction
               and rects_overlap(bb, r := rect_of(n, -2.0)) and polyline_hits(poly, r))
