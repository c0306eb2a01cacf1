"""Edges that still run through boxes after a stable update, routed by Graphviz
around the boxes, which stay exactly where they are (``neato -n2`` with splines)."""

from __future__ import annotations

import json
import subprocess
import time

from .layout import EdgeRoute, Layout, NodePlace, _q
from .layout_geometry import crossings, polyline_hits, rect_of, rects_overlap

#: Graphviz's router is asked about this many boxes at most (its obstacle graph
#: grows fast: 0.3 s at 80 boxes, 1.3 s at 130, 40 s at 500); a bigger map asks
#: about the boxes near each edge only, and all runs of one edit together take at
#: most REROUTE_SECONDS
REROUTE_MAX_NODES = 120
REROUTE_SECONDS = 2.0
#: the boxes near an edge: those within this distance of the rectangle its ends
#: span, or, for a long edge, of the straight line between them
REROUTE_MARGINS = (160.0, 60.0)


def reroute_through_boxes(lay: Layout, candidates: list[int]) -> None:
    """Edges routed anew that still run through boxes are routed by Graphviz around
    the boxes, which stay exactly where they are (neato -n2 with splines); a route
    is taken only where it crosses fewer boxes of the whole map."""
    nodes = lay.nodes
    bad = [i for i in candidates if crossings(lay.edges[i], nodes)]
    if not bad:
        return
    deadline = time.monotonic() + REROUTE_SECONDS
    for edges, keys in _windows(lay, bad):
        left = deadline - time.monotonic()
        if left < 0.05:
            return
        _route_by_neato(lay, edges, keys, left)


def _near(nodes: dict[str, NodePlace], a: NodePlace, b: NodePlace) -> set[str] | None:
    """The boxes around the way from ``a`` to ``b`` that Graphviz is told about;
    None when even the narrowest neighbourhood has too many."""
    ra, rb = rect_of(a), rect_of(b)
    line = [(a.x, a.y), (b.x, b.y)]
    for m in REROUTE_MARGINS:
        window = (min(ra[0], rb[0]) - m, min(ra[1], rb[1]) - m,
                  max(ra[2], rb[2]) + m, max(ra[3], rb[3]) + m)
        near = {k for k, n in nodes.items() if rects_overlap(rect_of(n), window)}
        if len(near) > REROUTE_MAX_NODES:
            near = {k for k in near if nodes[k] is a or nodes[k] is b
                    or polyline_hits(line, rect_of(nodes[k], m))}
        if len(near) <= REROUTE_MAX_NODES:
            return near
    return None


def _windows(lay: Layout, bad: list[int]) -> list[tuple[list[int], list[str]]]:
    """The edges to route, in groups, each with the boxes Graphviz is told about:
    the boxes near each edge (fewer boxes, a faster run), edges whose
    neighbourhoods together stay under REROUTE_MAX_NODES sharing one run."""
    nodes = lay.nodes
    groups: list[tuple[list[int], set[str]]] = []
    for i in bad:
        e = lay.edges[i]
        near = _near(nodes, nodes[e.source], nodes[e.target])
        if near is None:
            continue
        if groups and len(groups[-1][1] | near) <= REROUTE_MAX_NODES:
            groups[-1][0].append(i)
            groups[-1][1].update(near)
        else:
            groups.append(([i], near))
    return [(edges, sorted(keys)) for edges, keys in groups]


def _route_by_neato(lay: Layout, edges: list[int], keys: list[str], seconds: float) -> None:
    nodes = lay.nodes
    lines = ["digraph { graph [splines=true]; node [shape=box, fixedsize=true, label=\"\"];"]
    for k in keys:
        n = nodes[k]
        lines.append(f"{_q(k)} [pos=\"{n.x:.2f},{-n.y:.2f}!\", width={n.w / 72:.4f}, "
                     f"height={n.h / 72:.4f}];")
    for i in edges:
        e = lay.edges[i]
        head = "normal" if e.tip is not None else "none"
        lines.append(f"{_q(e.source)} -> {_q(e.target)} [id=\"e{i}\", arrowhead={head}];")
    lines.append("}")
    try:
        done = subprocess.run(["neato", "-n2", "-Tjson0"], input="\n".join(lines).encode(),
                              capture_output=True, timeout=seconds, check=True)
        routed = json.loads(done.stdout).get("edges", [])
    except (OSError, subprocess.SubprocessError, ValueError):
        return          # no neato, too slow or failed: the simple routes stay
    for r in routed:
        i = int(str(r.get("id", "e-1"))[1:])
        old = lay.edges[i]
        tip, pts = None, []
        for tok in r.get("pos", "").split():
            if tok.startswith("e,"):
                x, y = tok[2:].split(",")[:2]
                tip = (float(x), -float(y))
            elif not tok.startswith("s,"):
                x, y = tok.split(",")[:2]
                pts.append((float(x), -float(y)))
        if len(pts) < 4 or (len(pts) - 1) % 3:
            continue
        new = EdgeRoute(old.relation, old.kind, old.part, old.source, old.target, pts,
                        tip if old.tip is not None else None)
        if crossings(new, nodes) < crossings(old, nodes):
            lay.edges[i] = new
