"""How far boxes move when a map is edited: the stable layout against a fresh dot run.

On every bundled map and on generated maps of 100 to 2,000 claims, each edit
kind is applied several times to the laid-out map:

    add      a new claim that supports or attacks a claim
    delete   a leaf claim (nothing argues for or against it) goes
    relate   a new relation between two claims already there
    reword   a claim's text grows by a sentence, so its box grows

For the boxes the edit did not touch (every claim but the new or reworded
one) the table gives the median and 95th-percentile displacement and the
share that moved more than 50 px, for the old behaviour (a fresh full
``layout_map`` after the edit) and for the new one (``update_layout`` from the
previous layout); and, for both, the boxes that overlap, the edges that run
through a box other than their own ends, and how far a new claim lands from
the claim it argues for.

    python benchmarks/bench_stability.py [--reps 3] [--sizes 100,500,1000,2000]
"""

from __future__ import annotations

import argparse
import glob
import math
import os
import random
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)

from generate import generate, sentence  # noqa: E402

from argmap.layout import Layout, layout_map  # noqa: E402
from argmap.layout_stable import (  # noqa: E402
    edges_through_boxes, overlaps, premise_axis, update_layout,
)
from argmap.mapio import load_file, load_text  # noqa: E402
from argmap.model import ArgumentMap, Claim, Relation  # noqa: E402

KINDS = ("add", "delete", "relate", "reword")


def edit(amap: ArgumentMap, kind: str, rng: random.Random) -> set[str] | None:
    """Apply one edit of ``kind``; returns the claims it touched (None: not possible)."""
    claims = [c for c in amap.claims]
    if kind == "add":
        target = rng.choice(claims)
        cid = amap.new_claim_id("neu")
        amap.add_claim(Claim(cid, text=sentence(rng), speaker="Leserin"))
        amap.add_relation(Relation(rng.choice(["support", "attack"]), [cid], target))
        return {cid}
    if kind == "delete":
        argued = {r.target for r in amap.relations}
        leaves = [c for c in claims if c not in argued]
        if not leaves:
            return None
        cid = rng.choice(leaves)
        for r in list(amap.relations_touching(cid)):
            amap.remove_relation(r)
        # undercuts of relations that went with it
        keys = {r.key for r in amap.relations}
        for r in [r for r in amap.relations if r.type == "undercut" and r.target not in keys]:
            amap.remove_relation(r)
        amap.remove_claim(cid)
        return {cid}
    if kind == "relate":
        linked = {(p, r.target) for r in amap.relations for p in r.premises}
        for _ in range(100):
            a, b = rng.sample(claims, 2)
            if (a, b) not in linked and (b, a) not in linked:
                amap.add_relation(Relation(rng.choice(["support", "attack"]), [a], b))
                return set()
        return None
    if kind == "reword":
        cid = rng.choice([c for c in claims if not amap.claims[c].ref] or claims)
        claim = amap.claims[cid]
        amap.set_claim_field(cid, "text", (claim.text or cid) + " " + sentence(rng, 12, 20))
        return {cid}
    raise ValueError(kind)


def displacements(before: Layout, after: Layout, skip: set[str]) -> list[float]:
    out = []
    for nid, a in before.nodes.items():
        b = after.nodes.get(nid)
        if a.junction or b is None or nid[2:] in skip:
            continue
        out.append(math.hypot(a.x - b.x, a.y - b.y))
    return out


def backwards(lay: Layout, amap: ArgumentMap) -> int:
    """Relations whose premise is not on the premise side of its target."""
    ax = premise_axis(amap.display.direction)
    n = 0
    for r in amap.relations:
        t = lay.claim(r.target)
        if t is None:
            continue
        for p in r.premises:
            pp = lay.claim(p)
            if pp is not None and (pp.x - t.x) * ax[0] + (pp.y - t.y) * ax[1] <= 0:
                n += 1
    return n


def reach(lay: Layout, amap: ArgumentMap, touched: set[str]) -> float:
    """How far a new claim landed from the claim it argues for: centre to centre, px."""
    cid = next(iter(touched))
    r = next(r for r in amap.relations if cid in r.premises)
    a, b = lay.claim(cid), lay.claim(r.target)
    return math.hypot(a.x - b.x, a.y - b.y) if a and b else 0.0


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


class Tally:
    def __init__(self) -> None:
        self.d: list[float] = []
        self.overlaps = 0
        self.through = 0
        self.backwards = 0
        self.seconds: list[float] = []
        self.full = 0
        self.reach: list[float] = []

    def row(self) -> tuple[str, str, str, str, str, str]:
        share = 100 * sum(1 for x in self.d if x > 50) / max(1, len(self.d))
        return (f"{statistics.median(self.d) if self.d else 0:.1f}", f"{pct(self.d, .95):.1f}",
                f"{share:.1f} %", str(self.overlaps), str(self.through), str(self.backwards))


def measure(name: str, amap: ArgumentMap, reps: int, seed: int, rows: list, totals: dict
            ) -> None:
    base = layout_map(amap)
    base_through = len(edges_through_boxes(base))
    for kind in KINDS:
        old, new = Tally(), Tally()
        rng = random.Random(f"{seed}-{name}-{kind}")
        for _ in range(reps):
            edited = amap.copy()
            touched = edit(edited, kind, rng)
            if touched is None:
                continue
            t0 = time.perf_counter()
            fresh = layout_map(edited)
            t1 = time.perf_counter()
            got = update_layout(base, edited)
            t2 = time.perf_counter()
            for tally, lay, secs in ((old, fresh, t1 - t0), (new, got.layout, t2 - t1)):
                tally.d += displacements(base, lay, touched)
                tally.overlaps += len(overlaps(lay))
                tally.through += len(edges_through_boxes(lay))
                tally.backwards += backwards(lay, edited)
                tally.seconds.append(secs)
                if kind == "add":
                    tally.reach.append(reach(lay, edited, touched))
            new.full += got.mode == "full"
        for which, tally in (("old", old), ("new", new)):
            agg = totals.setdefault(which, Tally())
            agg.d += tally.d
            agg.overlaps += tally.overlaps
            agg.through += tally.through
            agg.backwards += tally.backwards
            agg.seconds += tally.seconds
            agg.reach += tally.reach
        ms = f"{1000 * statistics.median(old.seconds):.0f} / " \
             f"{1000 * statistics.median(new.seconds):.0f}" if new.seconds else "-"
        rows.append((name, str(len(amap.claims)), kind, *old.row(), *new.row(), ms,
                     f"{new.full}/{len(new.seconds)}", str(base_through)))


HEAD = ("map", "claims", "edit",
        "old median", "old p95", "old >50px", "old overlaps", "old through", "old backwards",
        "new median", "new p95", "new >50px", "new overlaps", "new through", "new backwards",
        "ms old / new", "new full", "through before")


def table(rows: list) -> str:
    out = ["| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=3, help="edits of each kind per map")
    ap.add_argument("--sizes", default="100,500,1000,2000", help="generated map sizes")
    ap.add_argument("--maps", default=os.path.join(ROOT, "maps", "*.yaml"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    os.environ.setdefault("ARGMAP_CACHE_DIR", tempfile.mkdtemp(prefix="argmap-bench-"))
    rows: list = []
    totals: dict[str, Tally] = {}
    for path in sorted(glob.glob(args.maps)):
        loaded = load_file(path)
        if loaded.map is None:
            continue
        measure(os.path.basename(path).removesuffix(".yaml")[:28], loaded.map, args.reps,
                args.seed, rows, totals)
    for n in [int(s) for s in args.sizes.split(",") if s]:
        amap = load_text(generate(n, seed=args.seed), f"generated-{n}.yaml").map
        measure(f"generated {n}", amap, args.reps, args.seed, rows, totals)
    print("Displacement of untouched boxes (px); overlaps, edges through boxes and")
    print("relations drawn backwards (premise not on the premise side) summed over the edits.\n")
    print(table(rows))
    print()
    for which in ("old", "new"):
        t = totals.get(which)
        if t:
            print(f"all edits, {which}: median {statistics.median(t.d):.1f} px, "
                  f"p95 {pct(t.d, .95):.1f} px, "
                  f"{100 * sum(1 for x in t.d if x > 50) / len(t.d):.1f} % moved > 50 px, "
                  f"{t.overlaps} overlaps, {t.through} edges through boxes, "
                  f"{t.backwards} backwards; a new claim lands a median "
                  f"{statistics.median(t.reach):.0f} px (p95 {pct(t.reach, .95):.0f} px) "
                  f"from its target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
