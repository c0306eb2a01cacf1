"""Start-up and whole-command times of the ``argmap`` command line, in subprocesses.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5]

Each row is a fresh process, best of ``--runs``: wall time and CPU time
(user + system of the process and the programs it waited for, ``dot``
included).  Side by side: a bare ``python -c pass``; ``argmap --version``
and ``--help``; ``argmap check`` of a bundled map; the export of a generated
100-claim map (``--no-cache``: argmap runs dot itself) against bare
``dot -Tsvg`` on the DOT argmap gives for it; the first and a repeated export
of a generated 5,000-claim map (layout cache in a temporary
``ARGMAP_CACHE_DIR``); and the load of a 5,000-claim file with and without
warnings (claims without source and quote warn), timed inside the process
around :func:`argmap.mapio.load_file`.  The ratios compare each row with the
row it is measured against.

Python's compiled modules are kept (in a temporary ``PYTHONPYCACHEPREFIX``,
after a warm-up run), as in an installed package;
``--no-bytecode-cache`` measures with ``PYTHONDONTWRITEBYTECODE`` as the
environment has it, every module compiled from source when it has no
``.pyc``.
"""

from __future__ import annotations

import argparse
import glob
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from generate import generate  # noqa: E402

PYTHON = sys.executable
ARGMAP = [PYTHON, "-m", "argmap"]

_LOAD = ("import sys, time\n"
         "t0 = time.process_time()\n"
         "from argmap.mapio import load_file\n"
         "t1 = time.process_time()\n"
         "loaded = load_file(sys.argv[1])\n"
         "t2 = time.process_time()\n"
         "assert loaded.map is not None\n"
         "print(t2 - t1, len(loaded.diagnostics))\n")


#: the environment of every measured process (set in main)
ENV: dict[str, str] = dict(os.environ)
# the bundled maps name ../../shared/articles, outside their folder: chosen, as ./run does
ENV.setdefault("ARGMAP_SOURCES", os.path.join(os.path.dirname(ROOT), "shared", "articles"))


def run(cmd: list[str], env: dict[str, str] | None = None,
        ok: tuple[int, ...] = (0,)) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, standard output) of one run of ``cmd``, which
    must exit with a status in ``ok``."""
    env = env or ENV
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, check=False, capture_output=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.decode("utf-8", "replace")


def best(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Best wall and best CPU time of ``runs`` runs."""
    times = [run(cmd, env)[:2] for _ in range(runs)]
    return min(t[0] for t in times), min(t[1] for t in times)


def best_load(path: str, runs: int) -> tuple[float, int]:
    """Best in-process CPU time of load_file(path), and how many diagnostics it gave."""
    out = [run([PYTHON, "-c", _LOAD, path])[2].split() for _ in range(runs)]
    return min(float(o[0]) for o in out), int(out[0][1])


def without_source_and_quote(text: str) -> str:
    """The map with every claim's source and quote taken out: two warnings a claim."""
    return "\n".join(line for line in text.splitlines()
                     if not line.startswith(("    source:", "    quote:"))) + "\n"


def main(argv: list[str] | None = None) -> int:
    tmp = tempfile.mkdtemp(prefix="argmap-bench-startup-")
    try:
        return measure(tmp, argv)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def measure(tmp: str, argv: list[str] | None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big", type=int, default=5000, help="claims of the big map")
    ap.add_argument("--no-bytecode-cache", action="store_true",
                    help="leave PYTHONDONTWRITEBYTECODE as it is (modules compiled each run)")
    args = ap.parse_args(argv)
    n = args.runs
    if not args.no_bytecode_cache:
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        ENV["PYTHONPYCACHEPREFIX"] = os.path.join(tmp, "pycache")
    ENV["ARGMAP_CACHE_DIR"] = os.path.join(tmp, "cache")
    env = ENV
    small = os.path.join(tmp, "map-100.yaml")
    big = os.path.join(tmp, f"map-{args.big}.yaml")
    warned = os.path.join(tmp, f"map-{args.big}-warnings.yaml")
    with open(small, "w", encoding="utf-8") as fh:
        fh.write(generate(100, seed=1))
    big_text = generate(args.big, seed=1)
    with open(big, "w", encoding="utf-8") as fh:
        fh.write(big_text)
    with open(warned, "w", encoding="utf-8") as fh:
        fh.write(without_source_and_quote(big_text))
    bundled = min(glob.glob(os.path.join(ROOT, "maps", "*.yaml")))
    small_dot = os.path.join(tmp, "map-100.dot")
    subprocess.run(ARGMAP + ["export", small, "--format", "dot", "-o", small_dot],
                   check=True, env=env)
    svg = os.path.join(tmp, "out.svg")
    # warm-up: every module the rows import, compiled once (unless not kept)
    run(ARGMAP + ["export", small, "-o", os.path.join(tmp, "warm.png"), "--no-cache"], env)
    run(ARGMAP + ["check", warned], ok=(1,))

    rows: list[tuple[str, float, float, str]] = []

    def row(name: str, wall: float, cpu: float, ratio: str = "") -> None:
        rows.append((name, wall, cpu, ratio))
        print(f"{name:<44} {wall:>8.3f}s {cpu:>8.3f}s  {ratio}", flush=True)

    print(f"best of {n}; compiled modules "
          f"{'not kept' if args.no_bytecode_cache else 'kept'}")
    print(f"{'':<44} {'wall':>9} {'cpu':>9}  ratio (cpu)")
    bare = best([PYTHON, "-c", "pass"], n)
    row("python -c pass", *bare)
    for what in (["--version"], ["--help"]):
        w, c = best(ARGMAP + what, n)
        row("argmap " + " ".join(what), w, c, f"{c / bare[1]:.1f}x bare python")
    w, c = best(ARGMAP + ["check", bundled], n)
    row(f"argmap check {os.path.basename(bundled)[:22]}", w, c)
    dot = best(["dot", "-Tsvg", small_dot, "-o", os.devnull], n)
    row("dot -Tsvg (100 claims, argmap's DOT)", *dot)
    w, c = best(ARGMAP + ["export", small, "-o", svg, "--no-cache"], n, env)
    row("argmap export 100 claims --no-cache", w, c, f"{c / dot[1]:.2f}x bare dot")
    first = run(ARGMAP + ["export", big, "-o", svg], env)[:2]
    row(f"argmap export {args.big} claims, first", *first)
    w, c = best(ARGMAP + ["export", big, "-o", svg], n, env)
    row(f"argmap export {args.big} claims, repeated", w, c, f"{c / first[1]:.2f}x first")
    clean, clean_diags = best_load(big, n)
    row(f"load {args.big} claims ({clean_diags} warnings)", clean, clean)
    noisy, noisy_diags = best_load(warned, n)
    row(f"load {args.big} claims ({noisy_diags} listed warnings)", noisy, noisy,
        f"{noisy / clean:.2f}x without")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
