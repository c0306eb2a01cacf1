"""Graphviz layout: a map becomes box positions and edge routes.

The map is turned into a DOT graph whose nodes have fixed sizes (measured in
the shipped font, see :mod:`argmap.style`), each connected component is laid
out by ``dot`` on its own (in parallel, and cached on disk by content, so an
edit re-lays out only the component it touched), and the components are
packed side by side.  Claims with a manual ``pos`` stay where the user put
them.  Coordinates are pixels with the origin top left and y pointing down.

Linked arguments and relations that an undercut attacks get a small
*junction* node: premises run into the junction, one arrow leads on to the
target, and an undercut points at the junction.  A rephrase may join two
claims of the same rank (it constrains the ranks as little as an edge can).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import atexit
import subprocess
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field

from .layout_layered import layered_component, longest_path_ranks
from .model import ArgumentMap, Relation
from .style import JUNCTION, BoxText, box_text

LAYOUT_VERSION = "1"
#: dot's rankdir for each reading direction of a map (conclusions first).
RANKDIR = {"TB": "BT", "BT": "TB", "LR": "RL", "RL": "LR"}
COMPONENT_GAP = 36.0
#: components of at least this many nodes get a bounded network simplex
NSLIMIT_NODES = 400
#: seconds dot may take for a whole map before the layered fallback takes over
#: (the command line's default; the app runs dot on in the background)
LAYOUT_BUDGET = 20.0
MARGIN = 16.0


class LayoutError(Exception):
    """dot could not be run or gave output we cannot read."""


class LayoutTimeout(LayoutError):
    """dot did not finish within its time budget."""


@dataclass
class NodePlace:
    id: str                 # claim id, or the relation key for a junction
    x: float                # centre
    y: float
    w: float
    h: float
    junction: bool = False


@dataclass
class EdgeRoute:
    relation: str           # key of the relation drawn
    kind: str               # support / attack / undercut
    part: str               # "direct", "premise" (into a junction), "conclusion"
    source: str             # node ids as in Layout.nodes ("c:x" / "j:key")
    target: str
    points: list[tuple[float, float]]   # cubic Bézier: p0, (c1, c2, p)*
    tip: tuple[float, float] | None     # where the arrow head ends, if any


@dataclass
class Layout:
    width: float
    height: float
    direction: str
    nodes: dict[str, NodePlace] = field(default_factory=dict)
    edges: list[EdgeRoute] = field(default_factory=list)
    #: the measured and wrapped text of each claim box
    boxes: dict[str, BoxText] = field(default_factory=dict)
    #: top left corner of the drawing (negative when a claim was placed there)
    left: float = 0.0
    top: float = 0.0
    #: claims laid out by the layered fallback because dot ran out of time
    fallback: int = 0

    def claim(self, claim_id: str) -> NodePlace | None:
        return self.nodes.get("c:" + claim_id)


# -- the graph ---------------------------------------------------------------
@dataclass
class _Graph:
    nodes: dict[str, tuple[float, float, bool]]          # id -> (w, h, junction)
    edges: list[tuple[str, str, str, str, str]]          # src, dst, relation key, kind, part
    boxes: dict[str, BoxText] = field(default_factory=dict)  # claim id -> its text


Edge = tuple[str, str, str, str, str]   # source node, target node, relation key, type, part


def relation_edges(amap: ArgumentMap, relations: list[Relation],
                   keys: set[str] | None = None, targeted: set[str] | None = None
                   ) -> tuple[list[str], list[Edge]]:
    """The junction nodes and edges that draw ``relations`` (some or all of the map's).

    A relation with several premises, or one that an undercut targets, runs
    through a junction node ``j:KEY``; an undercut ends at its target's
    junction.  ``keys`` / ``targeted``: the map's relation keys and undercut
    targets, when the caller has them already.  Relations with a missing end
    are left out (validation reports them).
    """
    if keys is None:
        keys = {r.key for r in amap.relations}
    if targeted is None:
        targeted = {r.target for r in amap.relations if r.type == "undercut"}
    junctions: list[str] = []
    edges: list[Edge] = []
    claims = amap.claims
    for rel in relations:
        if rel.type == "undercut":
            target = "j:" + rel.target if rel.target in keys else None
        else:
            target = "c:" + rel.target if rel.target in claims else None
        premises = ["c:" + p for p in rel.premises if p in claims]
        if target is None or not premises:
            continue
        if rel.linked or rel.key in targeted:
            j = "j:" + rel.key
            junctions.append(j)
            for p in premises:
                edges.append((p, j, rel.key, rel.type, "premise"))
            edges.append((j, target, rel.key, rel.type, "conclusion"))
        else:
            edges.append((premises[0], target, rel.key, rel.type, "direct"))
    return junctions, edges


def build_graph(amap: ArgumentMap, sizes: dict[str, tuple[float, float]] | None = None,
                english: bool = False) -> _Graph:
    nodes: dict[str, tuple[float, float, bool]] = {}
    boxes: dict[str, BoxText] = {}
    for cid, claim in amap.claims.items():
        if sizes and cid in sizes:
            w, h = sizes[cid]
        else:
            bt = boxes[cid] = box_text(amap, claim, english)
            w, h = bt.width, bt.height
        nodes["c:" + cid] = (w, h, False)
    junctions, edges = relation_edges(amap, amap.relations)
    for j in junctions:
        nodes[j] = (JUNCTION, JUNCTION, True)
    # an undercut may target a relation whose junction only exists now
    edges = [e for e in edges if e[1] in nodes and e[0] in nodes]
    return _Graph(nodes, edges, boxes)


def components(g: _Graph) -> list[list[str]]:
    """Connected components, each in map order, ordered by first member."""
    parent = {n: n for n in g.nodes}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for src, dst, *_ in g.edges:
        ra, rb = find(src), find(dst)
        if ra != rb:
            parent[rb] = ra
    groups: dict[str, list[str]] = {}
    for n in g.nodes:
        groups.setdefault(find(n), []).append(n)
    return list(groups.values())


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_source(g: _Graph, members: list[str] | None, direction: str) -> str:
    """DOT text of (part of) the graph, with fixed node sizes and no labels."""
    member_set = set(members) if members is not None else None
    n = len(members) if members is not None else len(g.nodes)
    attrs = [f"rankdir={RANKDIR.get(direction, 'BT')}", "nodesep=0.3", "ranksep=0.45",
             "splines=spline", "outputorder=edgesfirst"]
    if n >= NSLIMIT_NODES:
        # network-simplex placement dominates on big components (98 % of dot's time
        # on a deep one); bounding its iterations: 2,171 nodes in 247 ranks 309 s ->
        # 9 s, a tree-like 553 nodes 0.65 -> 0.28 s (benchmarks/bench_layout_bound.py)
        attrs.append("nslimit=0.5")
    if n >= 600:
        # crossing minimisation dominates on big maps; this halves dot's time
        attrs.append("mclimit=0.1" if n >= 2000 else "mclimit=0.3")
    out = ["digraph argmap {", "  graph [" + ", ".join(attrs) + "];",
           '  node [shape=box, fixedsize=true, label=""];', "  edge [arrowsize=0.7];"]
    for nid in (members if members is not None else g.nodes):
        w, h, junction = g.nodes[nid]
        if junction:
            out.append(f"  {_q(nid)} [shape=circle, width={w / 72:.4f}, height={h / 72:.4f}];")
        else:
            out.append(f"  {_q(nid)} [width={w / 72:.4f}, height={h / 72:.4f}];")
    for src, dst, key, kind, part in g.edges:
        if member_set is not None and src not in member_set:
            continue
        extra = ", arrowhead=none" if part == "premise" else ""
        if kind == "undercut":
            extra += ", constraint=false" if part != "premise" else ""
        elif kind == "rephrase":
            # a restatement leads nowhere: beside what it restates (minlen 0 lets both
            # share a rank) unless its own reasons and objections place it elsewhere
            extra += ", minlen=0"
        out.append(f"  {_q(src)} -> {_q(dst)} [id={_q(key + '|' + part)}{extra}];")
    out.append("}")
    return "\n".join(out) + "\n"


# -- running dot and reading its answer ------------------------------------------
def cache_dir() -> str:
    base = os.environ.get("ARGMAP_CACHE_DIR")
    if not base:
        base = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
                            "argmap")
    return os.path.join(base, "layouts")


def _cache_path(source: str) -> str:
    digest = hashlib.sha256((LAYOUT_VERSION + "\0" + source).encode("utf-8")).hexdigest()
    return os.path.join(cache_dir(), digest[:2], digest + ".json")


def _cache_get(source: str) -> dict | None:
    try:
        with open(_cache_path(source), encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def _cache_put(source: str, value: dict) -> None:
    path = _cache_path(source)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(value, fh, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written is only slower


def run_dot(source: str, timeout: float | None = None) -> dict:
    """Lay out DOT text; returns {'bb': [w, h], 'nodes': {...}, 'edges': [...]}.

    A run that takes longer than ``timeout`` seconds is stopped
    (:class:`LayoutTimeout`)."""
    try:
        done = subprocess.run(["dot", "-Tjson0"], input=source.encode("utf-8"),
                              capture_output=True, timeout=timeout)
    except FileNotFoundError:
        raise LayoutError("the Graphviz 'dot' program is not installed "
                          "(Debian: apt-get install graphviz)") from None
    except subprocess.TimeoutExpired:
        raise LayoutTimeout(f"dot took longer than {timeout:.0f} s") from None
    except (subprocess.SubprocessError, OSError) as exc:
        raise LayoutError(f"dot failed: {exc}") from None
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LayoutError(f"dot failed: {err[-1] if err else 'exit ' + str(done.returncode)}")
    try:
        return _parse_json0(json.loads(done.stdout))
    except (ValueError, KeyError) as exc:
        raise LayoutError(f"dot gave output that cannot be read: {exc}") from None


def _pt(s: str) -> tuple[float, float]:
    x, y = s.split(",")[:2]
    return float(x), float(y)


def _parse_json0(js: dict) -> dict:
    llx, lly, urx, ury = (float(v) for v in js["bb"].split(","))
    height = ury - lly

    def flip(p: tuple[float, float]) -> tuple[float, float]:
        return (round(p[0] - llx, 2), round(height - (p[1] - lly), 2))

    names: dict[int, str] = {}
    nodes: dict[str, list[float]] = {}
    for obj in js.get("objects", []):
        names[obj["_gvid"]] = obj["name"]
        x, y = flip(_pt(obj["pos"]))
        nodes[obj["name"]] = [x, y]
    edges = []
    for e in js.get("edges", []):
        tip = None
        pts: list[tuple[float, float]] = []
        for tok in e.get("pos", "").split():
            if tok.startswith("e,"):
                tip = flip(_pt(tok[2:]))
            elif tok.startswith("s,"):
                continue
            else:
                pts.append(flip(_pt(tok)))
        edges.append({"id": e.get("id", ""), "tail": names.get(e["tail"]),
                      "head": names.get(e["head"]), "points": pts, "tip": tip})
    return {"bb": [round(urx - llx, 2), round(height, 2)], "nodes": nodes, "edges": edges}


# -- dot runs that go on past a budget -----------------------------------------------
#: DOT text -> the answer of the dot run laying it out now (a run that went past a
#: layout's budget goes on; the next layout of the same component waits for it)
_running: dict[str, Future] = {}
_running_lock = threading.Lock()
_processes: set[subprocess.Popen] = set()


def _dot_run(source: str, cache: bool) -> Future:
    """The answer of dot for ``source``, from a run that goes on in the background
    until it is done (one run per source at a time)."""
    with _running_lock:
        fut = _running.get(source)
        if fut is None:
            fut = _running[source] = Future()
            threading.Thread(target=_run_into, args=(source, cache, fut), daemon=True,
                             name="argmap-dot").start()
    return fut


def _run_into(source: str, cache: bool, fut: Future) -> None:
    result: dict | None = None
    failure: LayoutError | None = None
    try:
        try:
            proc = subprocess.Popen(["dot", "-Tjson0"], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except FileNotFoundError:
            raise LayoutError("the Graphviz 'dot' program is not installed "
                              "(Debian: apt-get install graphviz)") from None
        _processes.add(proc)
        try:
            out, err = proc.communicate(source.encode("utf-8"))
        finally:
            _processes.discard(proc)
        if proc.returncode != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines()
            raise LayoutError(f"dot failed: {lines[-1] if lines else proc.returncode}")
        try:
            result = _parse_json0(json.loads(out))
        except (ValueError, KeyError) as exc:
            raise LayoutError(f"dot gave output that cannot be read: {exc}") from None
        if cache:
            _cache_put(source, result)
    except BaseException as exc:      # the waiting layout reports it
        failure = exc if isinstance(exc, LayoutError) else LayoutError(str(exc))
    with _running_lock:               # gone from the list before anyone hears the answer
        if _running.get(source) is fut:
            del _running[source]
    if failure is not None:
        fut.set_exception(failure)
    else:
        fut.set_result(result)


@atexit.register
def _stop_dot_runs() -> None:
    """No dot left running for a program that has ended."""
    for proc in list(_processes):
        proc.kill()


def _layout_component(source: str, cache: bool, deadline: float | None = None,
                      keep_running: bool = False) -> dict | None:
    """dot's answer for one component; None when it did not come before ``deadline``
    (a time.monotonic() value).  With ``keep_running`` a dot run that passes the
    deadline is not stopped: it goes on, and the next call for the same component
    waits for it instead of starting again."""
    if cache:
        hit = _cache_get(source)
        if hit is not None:
            return hit
    timeout = None
    if deadline is not None:
        timeout = deadline - time.monotonic()
        if timeout <= 0 and not keep_running:
            return None
    if keep_running:
        try:
            return _dot_run(source, cache).result(None if timeout is None else max(0, timeout))
        except FutureTimeout:
            return None
    try:
        result = run_dot(source, timeout)
    except LayoutTimeout:
        return None
    if cache:
        _cache_put(source, result)
    return result


# -- packing and manual positions -------------------------------------------------
def _shelves(sizes: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Offsets that put boxes in rows of roughly a 4:3 page."""
    total = sum((w + COMPONENT_GAP) * (h + COMPONENT_GAP) for w, h in sizes)
    widest = max((w for w, _ in sizes), default=0.0)
    row_width = max(widest, math.sqrt(total * 4 / 3))
    offsets, x, y, row_h = [], 0.0, 0.0, 0.0
    for w, h in sizes:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + COMPONENT_GAP, 0.0
        offsets.append((x, y))
        x += w + COMPONENT_GAP
        row_h = max(row_h, h)
    return offsets


def layout_map(amap: ArgumentMap, *, cache: bool = True, english: bool = False,
               sizes: dict[str, tuple[float, float]] | None = None,
               workers: int | None = None, budget: float | None = None,
               keep_running: bool = False) -> Layout:
    """Positions and routes for every claim and relation of ``amap``.

    ``budget``: seconds dot may take for the whole map (None: as long as it
    needs); a component it has not finished by then is laid out by
    :func:`argmap.layout_layered.layered_component` instead, and
    ``Layout.fallback`` counts its claims.  Its dot run is stopped, or with
    ``keep_running`` goes on, so that a later layout of the map (the app's, once
    the fallback is shown) takes up where it is instead of starting again."""
    g = build_graph(amap, sizes, english)
    comps = components(g)
    # the big components first (they take longest); singletons need no dot
    sources = [dot_source(g, members, amap.display.direction) if len(members) > 1 else None
               for members in comps]
    order = sorted(range(len(comps)), key=lambda i: -len(comps[i]))
    results: list[dict | None] = [None] * len(comps)
    jobs = [i for i in order if sources[i] is not None]
    deadline = None if budget is None else time.monotonic() + budget
    if len(jobs) > 1:
        with ThreadPoolExecutor(max_workers=workers or min(4, os.cpu_count() or 2)) as pool:
            for i, res in zip(jobs, pool.map(
                    lambda i: _layout_component(sources[i], cache, deadline, keep_running),
                    jobs)):
                results[i] = res
    else:
        for i in jobs:
            results[i] = _layout_component(sources[i], cache, deadline, keep_running)
    fallback = 0
    for i, members in enumerate(comps):
        if results[i] is None and sources[i] is not None:
            member_set = set(members)
            results[i] = layered_component(g.nodes, members,
                                           [e for e in g.edges if e[0] in member_set],
                                           amap.display.direction)
            fallback += sum(1 for m in members if m.startswith("c:"))
        elif results[i] is None:
            w, h, _ = g.nodes[members[0]]
            results[i] = {"bb": [w, h], "nodes": {members[0]: [w / 2, h / 2]}, "edges": []}

    # pack: multi-node components first, in map order, then the loose claims
    packed = sorted(range(len(comps)), key=lambda i: (len(comps[i]) == 1, i))
    offsets = _shelves([tuple(results[i]["bb"]) for i in packed])
    lay = Layout(0.0, 0.0, amap.display.direction, boxes=g.boxes)
    edge_info = {(s, d, k + "|" + p): (k, kind, p) for s, d, k, kind, p in g.edges}
    for i, (ox, oy) in zip(packed, offsets):
        res = results[i]
        ox, oy = ox + MARGIN, oy + MARGIN
        for nid, (x, y) in res["nodes"].items():
            w, h, junction = g.nodes[nid]
            lay.nodes[nid] = NodePlace(nid[2:], x + ox, y + oy, w, h, junction)
        for e in res["edges"]:
            info = edge_info.get((e["tail"], e["head"], e["id"]))
            if info is None:
                continue
            key, kind, part = info
            pts = [(x + ox, y + oy) for x, y in e["points"]]
            tip = (e["tip"][0] + ox, e["tip"][1] + oy) if e["tip"] else None
            lay.edges.append(EdgeRoute(key, kind, part, e["tail"], e["head"], pts, tip))
    lay.fallback = fallback
    _apply_manual_positions(amap, lay)
    _fit(lay)
    return lay


def fallback_message(lay: Layout, budget: float | None) -> str:
    """What to tell the user when part of ``lay`` is the layered fallback ('' if none)."""
    if not lay.fallback:
        return ""
    return (f"Graphviz did not finish within {budget or 0:.0f} s; {lay.fallback} claim(s) "
            f"are laid out by argmap's quicker layered layout")


def straight_route(a: NodePlace, b: NodePlace, arrow: bool) -> tuple[list, tuple | None]:
    """A straight edge from box ``a`` to box ``b``, clipped to both outlines."""
    p0 = clip_to_box(a, b.x, b.y)
    p1 = clip_to_box(b, a.x, a.y)
    tip = p1 if arrow else None
    if arrow:  # leave room for the head, as dot does
        dx, dy = p1[0] - p0[0], p1[1] - p0[1]
        d = math.hypot(dx, dy) or 1.0
        p1 = (p1[0] - dx / d * 7, p1[1] - dy / d * 7)
    c1 = (p0[0] + (p1[0] - p0[0]) / 3, p0[1] + (p1[1] - p0[1]) / 3)
    c2 = (p0[0] + 2 * (p1[0] - p0[0]) / 3, p0[1] + 2 * (p1[1] - p0[1]) / 3)
    return [p0, c1, c2, p1], tip


def clip_to_box(n: NodePlace, tx: float, ty: float) -> tuple[float, float]:
    """Where the line from the centre of ``n`` towards (tx, ty) leaves its outline."""
    dx, dy = tx - n.x, ty - n.y
    if dx == 0 and dy == 0:
        return (n.x, n.y)
    if n.junction:
        d = math.hypot(dx, dy)
        return (n.x + dx / d * n.w / 2, n.y + dy / d * n.h / 2)
    sx = (n.w / 2) / abs(dx) if dx else math.inf
    sy = (n.h / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy)
    return (n.x + dx * s, n.y + dy * s)


def _apply_manual_positions(amap: ArgumentMap, lay: Layout) -> None:
    moved = set()
    for cid, claim in amap.claims.items():
        if claim.pos is not None and "c:" + cid in lay.nodes:
            node = lay.nodes["c:" + cid]
            node.x, node.y = claim.pos
            moved.add("c:" + cid)
    if not moved:
        return
    for e in lay.edges:
        if e.source in moved or e.target in moved:
            e.points, e.tip = straight_route(lay.nodes[e.source], lay.nodes[e.target],
                                             e.part != "premise")


def _fit(lay: Layout) -> None:
    """Set the drawing's extent.  Nothing moves: manual positions stay exact."""
    if not lay.nodes:
        lay.left = lay.top = 0.0
        lay.width = lay.height = 2 * MARGIN
        return
    xs = [n.x - n.w / 2 for n in lay.nodes.values()]
    ys = [n.y - n.h / 2 for n in lay.nodes.values()]
    xe = [n.x + n.w / 2 for n in lay.nodes.values()]
    ye = [n.y + n.h / 2 for n in lay.nodes.values()]
    for e in lay.edges:
        for x, y in e.points + ([e.tip] if e.tip else []):
            xs.append(x), ys.append(y), xe.append(x), ye.append(y)
    lay.left = min(0.0, min(xs) - MARGIN)
    lay.top = min(0.0, min(ys) - MARGIN)
    lay.width = max(xe) + MARGIN - lay.left
    lay.height = max(ye) + MARGIN - lay.top


def quick_layout(amap: ArgumentMap, english: bool = False) -> Layout:
    """A provisional layout in linear time, shown while dot works.

    Claims go into rows by their distance from the conclusions they lead to
    (conclusions on top), boxes side by side; edges are straight.
    """
    g = build_graph(amap, None, english)
    order = list(g.nodes)
    rank = longest_path_ranks(order, g.edges)
    rows: dict[int, list[str]] = {}
    for n in order:
        rows.setdefault(rank[n], []).append(n)
    lay = Layout(0.0, 0.0, amap.display.direction, boxes=g.boxes)
    y = MARGIN
    horizontal = amap.display.direction in ("LR", "RL")
    for r in sorted(rows, reverse=amap.display.direction in ("BT", "RL")):
        x = MARGIN
        row_h = max(g.nodes[n][1 if not horizontal else 0] for n in rows[r])
        for n in rows[r]:
            w, h, junction = g.nodes[n]
            if horizontal:
                lay.nodes[n] = NodePlace(n[2:], y + w / 2, x + h / 2, w, h, junction)
                x += h + 20
            else:
                lay.nodes[n] = NodePlace(n[2:], x + w / 2, y + h / 2, w, h, junction)
                x += w + 20
        y += row_h + 60
    for cid, claim in amap.claims.items():
        if claim.pos is not None and "c:" + cid in lay.nodes:
            lay.nodes["c:" + cid].x, lay.nodes["c:" + cid].y = claim.pos
    for src, dst, key, kind, part in g.edges:
        pts, tip = straight_route(lay.nodes[src], lay.nodes[dst], part != "premise")
        lay.edges.append(EdgeRoute(key, kind, part, src, dst, pts, tip))
    _fit(lay)
    return lay


def sub_layout(lay: Layout, part: ArgumentMap, english: bool = False) -> Layout:
    """``lay`` cut down to the claims and relations of ``part`` (a selection of the map
    it was made for), where they are in ``lay``; a quick layout if some are not."""
    g = build_graph(part, None, english)
    if any(n not in lay.nodes for n in g.nodes):
        return quick_layout(part, english)
    wanted = {(key, p, src, dst) for src, dst, key, _kind, p in g.edges}
    out = Layout(0.0, 0.0, lay.direction, boxes=g.boxes)
    out.nodes = {n: lay.nodes[n] for n in g.nodes}
    out.edges = [e for e in lay.edges if (e.relation, e.part, e.source, e.target) in wanted]
    if len(out.edges) < len(wanted):
        return quick_layout(part, english)
    _fit(out)
    return out


def cached_layout(amap: ArgumentMap, english: bool = False) -> Layout | None:
    """The full layout if every component is in the cache, else None (no dot run)."""
    g = build_graph(amap, None, english)
    for members in components(g):
        if len(members) > 1 and _cache_get(dot_source(g, members, amap.display.direction)) is None:
            return None
    return layout_map(amap, cache=True, english=english)
