"""Bounded layouts: argmap against bare dot on deep and tree-like maps.

For generated maps of one component (deep: hundreds of ranks) and of many
(tree-like), side by side in one run:

    dot         bare ``dot -Tjson0`` on argmap's DOT without the tuning
    dot tuned   the same with the network-simplex bound argmap now sets
    argmap      ``layout_map`` with the command line's budget (tuned dot, then
                the layered fallback for what is not done in time)
    layered     the layered fallback alone

Each bare dot run is stopped after ``--limit`` seconds (shown as "> N").

    python benchmarks/bench_layout_bound.py [--sizes 500,1000,2000] [--limit 60]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from generate import generate  # noqa: E402

from argmap.layout import (  # noqa: E402
    LAYOUT_BUDGET, build_graph, components, dot_source, layout_map,
)
from argmap.layout_layered import layered_component  # noqa: E402
from argmap.layout_stable import edges_through_boxes, overlaps  # noqa: E402
from argmap.mapio import load_text  # noqa: E402


def bare_dot(source: str, limit: float) -> float | None:
    t = time.perf_counter()
    try:
        subprocess.run(["dot", "-Tjson0"], input=source.encode(), capture_output=True,
                       timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - t


def fmt(s: float | None, limit: float) -> str:
    return f"> {limit:.0f} s" if s is None else f"{s:.2f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,1000,2000")
    ap.add_argument("--limit", type=float, default=60.0, help="seconds per bare dot run")
    args = ap.parse_args(argv)
    os.environ["ARGMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="argmap-bench-")
    print("| map | claims | biggest component (nodes) | dot | dot tuned | argmap "
          f"(budget {LAYOUT_BUDGET:.0f} s) | fallback claims | layered alone | "
          "layered overlaps / edges through boxes |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in [int(s) for s in args.sizes.split(",")]:
        for shape, comps in (("deep", 1), ("tree-like", None)):
            amap = load_text(generate(n, seed=1, components=comps), "g.yaml").map
            g = build_graph(amap)
            parts = components(g)
            big = max(parts, key=len)
            tuned = dot_source(g, big, amap.display.direction)
            plain = tuned.replace(", nslimit=0.5", "")
            t_plain = bare_dot(plain, args.limit)
            t_tuned = bare_dot(tuned, args.limit)
            t = time.perf_counter()
            lay = layout_map(amap, cache=False, budget=LAYOUT_BUDGET)
            t_argmap = time.perf_counter() - t
            members = set(big)
            t = time.perf_counter()
            layered_component(g.nodes, big, [e for e in g.edges if e[0] in members],
                              amap.display.direction)
            t_layered = time.perf_counter() - t
            fb = layout_map(amap, cache=False, budget=0.0)
            print(f"| {shape} | {n} | {len(big)} | {fmt(t_plain, args.limit)} | "
                  f"{fmt(t_tuned, args.limit)} | {t_argmap:.2f} s | {lay.fallback} | "
                  f"{t_layered:.2f} s | {len(overlaps(fb))} / {len(edges_through_boxes(fb))} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
