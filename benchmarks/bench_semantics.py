"""Time the grounded labelling on random frameworks, and map evaluation.

    python benchmarks/bench_semantics.py [--sizes 1000 10000 100000] [--repeat 3]

Random frameworks: n arguments, each attacking 1-4 random arguments (about
2.5 attacks per argument on average).  Printed times are the best of
``--repeat`` runs.  The second table times ``evaluate()`` (build the
framework of a map, grounded labelling, a reason for every claim) on maps
made by benchmarks/generate.py.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from argmap.semantics import Framework, evaluate  # noqa: E402


def random_framework(n: int, seed: int = 1) -> tuple[int, list[tuple[int, int]]]:
    rng = random.Random(seed)
    attacks = [(a, rng.randrange(n)) for a in range(n) for _ in range(rng.randint(1, 4))]
    return n, attacks


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def bench_frameworks(sizes: list[int], repeat: int) -> None:
    print("grounded labelling of random frameworks (best of %d)" % repeat)
    print(f"{'arguments':>10} {'attacks':>9} {'build ms':>9} {'grounded ms':>12} "
          f"{'IN':>7} {'OUT':>7} {'UNDEC':>7}")
    for n in sizes:
        n, attacks = random_framework(n)
        t_build, af = best(lambda: Framework.from_indices(n, attacks), repeat)
        t_ground, lab = best(af.grounded, repeat)  # type: ignore[attr-defined]
        codes = lab.codes  # type: ignore[attr-defined]
        print(f"{n:>10,} {len(af._edges):>9,} {t_build * 1e3:>9.1f} {t_ground * 1e3:>12.1f} "  # type: ignore[attr-defined]
              f"{codes.count(1):>7,} {codes.count(2):>7,} {codes.count(4):>7,}")


def bench_maps(sizes: list[int], repeat: int) -> None:
    try:
        from benchmarks.generate import generate
    except ImportError:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from generate import generate  # type: ignore[no-redef]
    from argmap.mapio import load_text

    print()
    print("evaluate(map, 'grounded') on generated maps (best of %d; parsing not timed)" % repeat)
    print(f"{'claims':>10} {'relations':>10} {'evaluate ms':>12} {'IN':>7} {'OUT':>7} {'UNDEC':>7}")
    for n in sizes:
        amap = load_text(generate(n), f"gen-{n}.yaml", resolve=False).map
        assert amap is not None
        t, ev = best(lambda: evaluate(amap), repeat)
        labels = [cl.label for cl in ev.labelling.claims.values()]  # type: ignore[attr-defined]
        print(f"{n:>10,} {len(amap.relations):>10,} {t * 1e3:>12.1f} {labels.count('IN'):>7,} "
              f"{labels.count('OUT'):>7,} {labels.count('UNDEC'):>7,}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--map-sizes", type=int, nargs="*", default=[1_000, 10_000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    bench_frameworks(args.sizes, args.repeat)
    if args.map_sizes:
        bench_maps(args.map_sizes, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
