"""Time load+validate, layout and SVG export on generated maps, against bare dot.

    .venv/bin/python benchmarks/bench_core.py [--sizes 100,1000,5000] [--connected]

For each size: load+validate (best of 3), layout without cache, SVG export
without cache (layout + drawing), the same graph through bare ``dot -Tsvg``
(one process, the whole graph, dot's defaults; once with our fixed box
sizes and no text, once with the claim texts as labels for dot to measure
and draw), the ratios, and a repeated
export of the unchanged map (layout cache warm).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from generate import generate  # noqa: E402

from argmap.export import export_bytes  # noqa: E402
from argmap.layout import build_graph, dot_source, layout_map  # noqa: E402
from argmap.mapio import load_text  # noqa: E402


def best(fn, n: int = 3) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bare_dot_source(amap) -> str:
    """The whole graph as one DOT file with dot's default settings."""
    src = dot_source(build_graph(amap), None, amap.display.direction)
    return "\n".join(l for l in src.splitlines() if "mclimit" not in l) + "\n"


def labelled_dot_source(amap) -> str:
    """The same graph as a person would give it to dot: the claim texts as labels."""
    from argmap.style import box_text
    src = bare_dot_source(amap)
    out = []
    for line in src.splitlines():
        if line.startswith('  "c:') and "fixedsize" not in line and "->" not in line:
            cid = line.split('"')[1][2:]
            bt = box_text(amap, amap.claims[cid])
            label = "\\n".join(l.replace('"', '\\"') for l in bt.lines)
            line = f'  "c:{cid}" [fixedsize=false, label="{label}", fontname="DejaVu Sans", fontsize=12];'
        out.append(line)
    return "\n".join(out) + "\n"


def time_dot(src: str) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".dot", delete=False) as fh:
        fh.write(src)
    t0 = time.perf_counter()
    subprocess.run(["dot", "-Tsvg", fh.name, "-o", os.devnull], check=True)
    t = time.perf_counter() - t0
    os.unlink(fh.name)
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,500,1000,2000,5000")
    ap.add_argument("--connected", action="store_true",
                    help="one connected component instead of one per 500 claims")
    args = ap.parse_args(argv)
    os.environ["ARGMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="argmap-bench-cache-")
    print(f"{'claims':>6} {'load+val':>9} {'layout':>8} {'svg cold':>9} {'bare dot':>9} "
          f"{'ratio':>6} {'dot+text':>9} {'ratio':>6} {'svg warm':>9}")
    for n in (int(s) for s in args.sizes.split(",")):
        text = generate(n, components=1 if args.connected else None)
        t_load = best(lambda: load_text(text, "bench.yaml"))
        amap = load_text(text, "bench.yaml").map
        t0 = time.perf_counter()
        layout_map(amap, cache=False)
        t_layout = time.perf_counter() - t0
        t_svg = best(lambda: export_bytes(amap, "svg", cache=False), 1 if n > 1000 else 3)
        t_dot = min(time_dot(bare_dot_source(amap)) for _ in range(1 if n > 1000 else 3))
        t_lab = min(time_dot(labelled_dot_source(amap)) for _ in range(1 if n > 1000 else 3))
        export_bytes(amap, "svg", cache=True)  # fill the cache
        t_warm = best(lambda: (load_text(text, "bench.yaml"),
                               export_bytes(amap, "svg", cache=True)))
        print(f"{n:>6} {t_load:>8.3f}s {t_layout:>7.3f}s {t_svg:>8.3f}s {t_dot:>8.3f}s "
              f"{t_svg / t_dot:>6.2f} {t_lab:>8.3f}s {t_svg / t_lab:>6.2f} {t_warm:>8.3f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
