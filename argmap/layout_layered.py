"""A layered layout argmap computes itself, for when ``dot`` takes too long.

It reads like dot's: conclusions in the first rank, each premise a rank
beyond what it argues for, boxes at their real sizes never overlapping.
Ranks come from the longest path to a conclusion; the order within a rank
from a few barycentre sweeps (each box near the boxes it is connected to);
positions from averaging a left-packed and a right-packed placement around
those barycentres.  An edge that spans several ranks passes through a
reserved slot in each rank between, so it runs between boxes, not through
them.  Everything is linear in the size of the graph per sweep: a
5,000-claim component takes about a second.

:func:`layered_component` answers in the shape :func:`argmap.layout.run_dot`
does, so the caller packs and routes its result like dot's.
"""

from __future__ import annotations

import math

#: dot's nodesep and ranksep (0.3 and 0.45 inch) in points
NODESEP = 21.6
RANKSEP = 32.4
#: barycentre sweeps (each one down and one up)
SWEEPS = 4
#: at most this many reserved slots per real box; the longest edges beyond go straight
DUMMIES_PER_NODE = 12
#: room left before a box for an arrow head, as dot does
ARROW = 7.0

Edge = tuple[str, str, str, str, str]


def longest_path_ranks(nodes: list[str], edges: list[Edge]) -> dict[str, int]:
    """Longest distance to a conclusion along edges that constrain (not undercuts'
    arrows; a rephrase counts 0: a restatement may share its original's rank); a
    cycle is cut where the walk meets it again."""
    up: dict[str, list[tuple[str, int]]] = {n: [] for n in nodes}
    for src, dst, _key, kind, part in edges:
        if kind == "rephrase" and part != "premise":
            up[src].append((dst, 0))
        elif not (kind == "undercut" and part != "premise"):
            up[src].append((dst, 1))
    rank: dict[str, int] = {}
    for n in nodes:
        if n in rank:
            continue
        stack, path = [n], set()
        while stack:
            cur = stack[-1]
            pending = [p for p, _ in up[cur] if p not in rank and p not in path]
            if pending and cur not in path:
                path.add(cur)
                stack.extend(pending)
                continue
            stack.pop()
            path.discard(cur)
            if cur not in rank:
                rank[cur] = max((step + rank[p] for p, step in up[cur] if p in rank),
                                default=0)
    return rank


def layered_component(sizes: dict[str, tuple[float, float, bool]], members: list[str],
                      edges: list[Edge], direction: str) -> dict:
    """Positions and routes for one component: ``{'bb', 'nodes', 'edges'}`` as
    :func:`argmap.layout.run_dot` gives them (y down, origin top left)."""
    horizontal = direction in ("LR", "RL")
    reverse = direction in ("BT", "RL")

    def cross(n: str) -> float:        # a box's extent across the ranks
        w, h, _ = sizes[n] if n in sizes else (0.0, 0.0, True)
        return h if horizontal else w

    def along(n: str) -> float:        # and along them
        w, h, _ = sizes[n] if n in sizes else (0.0, 0.0, True)
        return w if horizontal else h

    rank = longest_path_ranks(members, edges)
    # a long edge passes through one reserved slot per rank it crosses
    chains: list[list[str]] = []
    budget = DUMMIES_PER_NODE * len(members)
    spans = sorted(range(len(edges)), key=lambda i: abs(rank[edges[i][0]] - rank[edges[i][1]]))
    for i in spans:
        src, dst = edges[i][0], edges[i][1]
        a, b = rank[src], rank[dst]
        step = -1 if a > b else 1
        inner = list(range(a + step, b, step))
        if len(inner) > budget:
            inner = []
        budget -= len(inner)
        chain = [src] + [f"\0{i}\0{r}" for r in inner] + [dst]
        for d, r in zip(chain[1:-1], inner):
            rank[d] = r
        chains.append(chain)
    chain_of = dict(zip(spans, chains))
    neighbours: dict[str, list[str]] = {n: [] for n in rank}
    for chain in chains:
        for p, q in zip(chain, chain[1:]):
            neighbours[p].append(q)
            neighbours[q].append(p)
    # the first order: depth first from the conclusions, so a tree keeps together
    rows: dict[int, list[str]] = {}
    seen: set[str] = set()
    first = {n: i for i, n in enumerate(members)}
    for root in sorted(rank, key=lambda n: (rank[n], first.get(n, len(first)))):
        if root in seen:
            continue
        stack = [root]
        while stack:
            cur = stack.pop()
            if cur in seen:
                continue
            seen.add(cur)
            rows.setdefault(rank[cur], []).append(cur)
            stack.extend(reversed([m for m in neighbours[cur] if m not in seen]))
    levels = sorted(rows)
    index = {n: i for r in levels for i, n in enumerate(rows[r])}

    def sweep(order: list[int], coord: dict[str, float]) -> None:
        for r in order:
            row = rows[r]
            bary = {}
            for n in row:
                near = [coord[m] for m in neighbours[n] if rank[m] != r and m in coord]
                bary[n] = sum(near) / len(near) if near else coord[n]
            row.sort(key=lambda n: bary[n])
            for i, n in enumerate(row):
                coord[n] = i
    pos: dict[str, float] = {n: float(i) for n, i in index.items()}
    for _ in range(SWEEPS):
        sweep(levels[1:], pos)
        sweep(levels[-2::-1], pos)
    # positions across the ranks: around the barycentres of the neighbours placed
    x: dict[str, float] = {}
    for r in levels:
        at = 0.0
        for n in rows[r]:
            x[n] = at + cross(n) / 2
            at += cross(n) + NODESEP
    for _ in range(SWEEPS):
        for order in (levels[1:], levels[-2::-1]):
            for r in order:
                _place_row(rows[r], x, cross, lambda n: [
                    x[m] for m in neighbours[n] if rank[m] != r])
    lo = min(x[n] - cross(n) / 2 for n in x)
    # positions along the ranks
    depth: dict[int, float] = {}
    band: dict[int, float] = {}        # half the extent of each rank
    at = 0.0
    for r in (levels[::-1] if reverse else levels):
        extent = max(along(n) for n in rows[r])
        depth[r], band[r] = at + extent / 2, extent / 2
        at += extent + RANKSEP
    size_along = at - RANKSEP
    size_across = max(x[n] + cross(n) / 2 for n in x) - lo

    def point(c: float, d: float) -> tuple[float, float]:
        return (d, c - lo) if horizontal else (c - lo, d)

    def centre(n: str) -> tuple[float, float]:
        return point(x[n], depth[rank[n]])

    def through(chain: list[str]) -> list[tuple[float, float]] | None:
        """Inside a rank only straight along it, in the box's or slot's own column;
        diagonals only in the gaps between ranks, where there are no boxes."""
        ranks = [rank[n] for n in chain]
        sides = [depth[b] - depth[a] for a, b in zip(ranks, ranks[1:])]
        if any(abs(b - a) != 1 for a, b in zip(ranks, ranks[1:])) or \
                any(t * sides[0] <= 0 for t in sides):
            return None
        way = 1.0 if sides[0] > 0 else -1.0
        pts = []
        for j, n in enumerate(chain):
            r = rank[n]
            if j > 0:                      # into the rank
                pts.append(point(x[n], depth[r] - way * band[r]))
            if j < len(chain) - 1:         # out of it
                pts.append(point(x[n], depth[r] + way * band[r]))
        src, dst = chain[0], chain[-1]
        first = point(x[src], depth[rank[src]] + way * along(src) / 2)
        last = point(x[dst], depth[rank[dst]] - way * along(dst) / 2)
        line = [first] + pts + [last]
        out = [line[0]]
        for q in line[1:]:
            if math.hypot(q[0] - out[-1][0], q[1] - out[-1][1]) > 0.01:
                out.append(q)
        return out if len(out) > 1 else None

    out_nodes = {n: list(centre(n)) for n in members}
    out_edges = []
    for i, (src, dst, key, kind, part) in enumerate(edges):
        line = through(chain_of[i])
        if line is None:       # within a rank or against the ranks: straight
            line = [centre(n) for n in chain_of[i]]
            line = ([_clip(line[0], sizes[src], line[1])] + line[1:-1]
                    + [_clip(line[-1], sizes[dst], line[-2])])
        out_edges.append({"id": key + "|" + part, "tail": src, "head": dst,
                          **_route(line, part != "premise")})
    bb = [size_along, size_across] if horizontal else [size_across, size_along]
    return {"bb": [round(bb[0], 2), round(bb[1], 2)], "nodes": out_nodes, "edges": out_edges}


def _place_row(row: list[str], x: dict[str, float], cross, wanted) -> None:
    """Move the boxes of one rank towards where their neighbours are, in order and
    ``NODESEP`` apart: the mean of a left-packed and a right-packed placement."""
    desire = []
    for n in row:
        near = wanted(n)
        desire.append(sum(near) / len(near) if near else x[n])
    left, right = desire[:], desire[:]
    for i in range(1, len(row)):
        gap = (cross(row[i - 1]) + cross(row[i])) / 2 + NODESEP
        left[i] = max(left[i], left[i - 1] + gap)
    for i in range(len(row) - 2, -1, -1):
        gap = (cross(row[i + 1]) + cross(row[i])) / 2 + NODESEP
        right[i] = min(right[i], right[i + 1] - gap)
    for i, n in enumerate(row):
        x[n] = (left[i] + right[i]) / 2


def _clip(c: tuple[float, float], size: tuple[float, float, bool],
          towards: tuple[float, float]) -> tuple[float, float]:
    w, h, junction = size
    dx, dy = towards[0] - c[0], towards[1] - c[1]
    if dx == 0 and dy == 0:
        return c
    if junction:
        d = math.hypot(dx, dy)
        return (c[0] + dx / d * w / 2, c[1] + dy / d * h / 2)
    s = min((w / 2) / abs(dx) if dx else math.inf, (h / 2) / abs(dy) if dy else math.inf)
    return (c[0] + dx * s, c[1] + dy * s)


def _route(line: list[tuple[float, float]], arrow: bool) -> dict:
    """A chain of straight cubic pieces along ``line`` (from box edge to box edge)."""
    line = list(line)
    tip = None
    if arrow:
        tip = line[-1]
        p, q = line[-2], line[-1]
        d = math.hypot(q[0] - p[0], q[1] - p[1]) or 1.0
        line[-1] = (q[0] - (q[0] - p[0]) / d * ARROW, q[1] - (q[1] - p[1]) / d * ARROW)
    out = [line[0]]
    for p, q in zip(line, line[1:]):
        out += [(p[0] + (q[0] - p[0]) / 3, p[1] + (q[1] - p[1]) / 3),
                (p[0] + 2 * (q[0] - p[0]) / 3, p[1] + 2 * (q[1] - p[1]) / 3), q]
    return {"points": [(round(px, 2), round(py, 2)) for px, py in out],
            "tip": (round(tip[0], 2), round(tip[1], 2)) if tip else None}
