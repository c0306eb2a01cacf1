"""argmap's own search, the clingo back end and the dispatcher side by side.

    python benchmarks/bench_solver.py [--time-limit 60] [--seeds 1] [--only dense]

CPU seconds (user + system of this process, clingo's threads included) per
run, on random frameworks (each ordered pair of arguments an attack with the
same probability, self-attacks included):

* ``deg5``: mean out-degree 5, 200 / 300 / 400 / 500 / 1,000 arguments;
* ``p0.1``: attack probability 0.1, 200 arguments;
* ``sparse``: mean out-degree 1.5 at 1,000 and 10,000 arguments, 2 and 2.5
  at 2,000 (chains and short cycles: where the own search is faster).

Tasks: every stable and every preferred labelling (at most
``--max-extensions``), and DC-PR / DS-PR for the first argument the grounded
labelling leaves UNDEC.  ``own``: argmap's search; ``clingo``: the ASP
encodings (argmap.semantics.asp); ``auto``: the dispatcher's choice (its
pick in brackets).  A run stopped by ``--time-limit`` prints ``t/o``.  The
last column is auto / clingo.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from argmap.semantics import Framework  # noqa: E402
from argmap.semantics import asp  # noqa: E402
from argmap.semantics.framework import choose_backend  # noqa: E402
from argmap.semantics.tasks import solve_task  # noqa: E402

FAMILIES = [
    ("deg5", 200, 5 / 200), ("deg5", 300, 5 / 300), ("deg5", 400, 5 / 400),
    ("deg5", 500, 5 / 500), ("deg5", 1000, 5 / 1000), ("p0.1", 200, 0.1),
    ("sparse", 1000, 1.5 / 1000), ("sparse", 2000, 2 / 2000), ("sparse", 2000, 2.5 / 2000),
    ("sparse", 10000, 1.5 / 10000),
]
TASKS = ("stable", "preferred", "DC-PR", "DS-PR")


def random_framework(n: int, p: float, seed: int) -> Framework:
    """Each ordered pair an attack with probability p (geometric skips: O(attacks))."""
    rng = random.Random(seed)
    pairs, k, total = [], -1, n * n
    if p > 0:
        from math import log
        lq = log(1.0 - p)
        while True:
            k += 1 + int(log(1.0 - rng.random()) / lq)
            if k >= total:
                break
            pairs.append(divmod(k, n))
    return Framework.from_indices(n, pairs)


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run(af: Framework, task: str, backend: str, argument: int, time_limit: float,
        max_ext: int) -> tuple[float, bool, str]:
    """(CPU seconds, timed out, a short result)"""
    t = cpu()
    if task in ("stable", "preferred"):
        enum = af.labellings(task, max_ext, time_limit, backend)
        late = enum.truncated and "time" in enum.reason
        result = f"{len(enum)}{'+' if enum.truncated else ''}"
    else:
        ans = solve_task(af, task, argument, time_limit, backend)
        late = ans.answer is None
        result = {True: "YES", False: "NO", None: "?"}[ans.answer]
    return cpu() - t, late, result


def cell(sec: float, late: bool) -> str:
    return "t/o" if late else f"{sec:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--max-extensions", type=int, default=1000)
    ap.add_argument("--seeds", type=int, default=1, help="frameworks per family")
    ap.add_argument("--only", choices=("dense", "sparse"), help="only these families")
    ap.add_argument("--skip-own-after", type=int, default=2, metavar="K",
                    help="within a family kind, stop running the own search on a task "
                    "after K time-outs (default 2)")
    args = ap.parse_args(argv)
    if not asp.available():
        print("clingo is not installed: pip install clingo", file=sys.stderr)
        return 2
    print(f"CPU seconds; time limit {args.time_limit:g} s per run; at most "
          f"{args.max_extensions} labellings")
    head = (f"{'family':<7} {'args':>6} {'attacks':>8} {'seed':>4} {'task':<9} "
            f"{'own':>8} {'clingo':>8} {'auto':>8} {'pick':<7} {'auto/cl':>7}  result")
    print(head)
    print("-" * len(head))
    timeouts: dict[tuple[str, str], int] = {}
    for fam, n, p in FAMILIES:
        if args.only == "dense" and fam == "sparse" or args.only == "sparse" and fam != "sparse":
            continue
        for seed in range(1, args.seeds + 1):
            af = random_framework(n, p, seed)
            codes = af.grounded().codes
            argument = next((i for i, c in enumerate(codes) if c == 4), 0)
            pick = choose_backend(af.attackers, af.targets)
            edges = sum(len(t) for t in af.targets)
            for task in TASKS:
                row = {}
                for backend in ("own", "clingo", "auto"):
                    if backend == "own" and timeouts.get((fam, task), 0) >= args.skip_own_after:
                        row[backend] = (float("nan"), True, "skipped")
                        continue
                    row[backend] = run(af, task, backend, argument, args.time_limit,
                                       args.max_extensions)
                if row["own"][1] and row["own"][2] != "skipped":
                    timeouts[(fam, task)] = timeouts.get((fam, task), 0) + 1
                own = "skip" if row["own"][2] == "skipped" else cell(*row["own"][:2])
                cl, au = row["clingo"], row["auto"]
                ratio = "" if cl[1] or au[1] else f"{au[0] / max(cl[0], 1e-4):.2f}"
                results = {r[2] for r in row.values() if r[2] != "skipped" and not r[1]}
                result = "/".join(sorted(results)) if results else "?"
                if len(results) > 1:
                    result += "  MISMATCH"
                print(f"{fam:<7} {n:>6} {edges:>8} {seed:>4} {task:<9} {own:>8} "
                      f"{cell(*cl[:2]):>8} {cell(*au[:2]):>8} {pick:<7} {ratio:>7}  {result}",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
