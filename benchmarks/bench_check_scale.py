"""Time and peak memory of ``argmap check`` on big generated maps.

    .venv/bin/python benchmarks/bench_check_scale.py [--cases clean-1e5,warn-1e5,tiny-1e6]
        [--repeat 3] [--peer-timeout 0]

Each case is a map written to a temporary folder and checked by a fresh
``python -m argmap check FILE`` process; the time is wall-clock, the memory
the child's peak resident size (``resource.getrusage``).  Cases:

* ``clean-1e5``: 100,000 claims, each with source and quote, in a chain of
  relations: no problems at all;
* ``warn-1e5``: 100,000 claims without source and quote, in a chain of
  relations: 200,000 warnings;
* ``tiny-1e6``: 1,000,000 one-word claims and no relations, about 21 MB (under
  the 32 MiB size cap): 3,000,000 warnings, or refused for its size;
* ``clean-5e3``, ``warn-1e4``: 5,000 and 10,000 claims as ``clean-1e5`` and ``warn-1e5``;
* ``gen-1e4``, ``genwarn-1e4``: benchmarks/generate.py's map of 10,000 claims (the most
  a map may hold to be drawn), as it is and without sources and quotes (20,000 warnings).

Beside each, in the same run, PyYAML's C loader (``CSafeLoader``) parses the same
file in a fresh process: a parse alone, without positions or any check.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def chain_map(n: int, quoted: bool) -> str:
    """``n`` claims in a chain of support relations, with or without source and quote."""
    out = ["argmap: 1", f"title: {n} Aussagen", "sources:", "  s: {title: Quelle}", "claims:"]
    extra = ", source: s, quote: Wortlaut" if quoted else ""
    out += [f"  c{i}: {{text: Aussage Nummer {i}{extra}}}" for i in range(n)]
    out.append("relations:")
    out += [f"  - {{type: support, from: c{i}, to: c{i - 1}}}" for i in range(1, n)]
    return "\n".join(out) + "\n"


def tiny_map(n: int) -> str:
    """``n`` one-word claims and no relations: three warnings each."""
    return "argmap: 1\ntitle: t\nclaims:\n" + "".join(
        f"  c{i}: {{text: x}}\n" for i in range(n)) + "relations: []\n"


def generated(n: int, warn: bool) -> str:
    """benchmarks/generate.py's map; with ``warn``, no source or quote: two warnings a claim."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from generate import generate
    text = generate(n)
    if warn:
        text = "\n".join(line for line in text.splitlines()
                         if not line.startswith(("    source:", "    quote:"))) + "\n"
    return text


CASES = {
    "clean-5e3": lambda: chain_map(5_000, True),
    "gen-1e4": lambda: generated(10_000, False),
    "genwarn-1e4": lambda: generated(10_000, True),
    "warn-1e4": lambda: chain_map(10_000, False),
    "clean-1e5": lambda: chain_map(100_000, True),
    "warn-1e5": lambda: chain_map(100_000, False),
    "tiny-1e6": lambda: tiny_map(1_000_000),
}


def run_check(path: str, timeout: float) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit code, last line of stderr) of one check in a child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "argmap", "check", path],
                              capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                              check=False)
        code, err = proc.returncode, proc.stderr
    except subprocess.TimeoutExpired as exc:
        code, err = -9, f"killed after {timeout:.0f} s ({len(exc.stderr or '')} bytes of output)"
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss is the largest child so far (KiB on Linux): run the biggest case last
    # or alone to read its own peak
    lines = [line for line in err.splitlines() if line.strip()]
    return seconds, max(peak, before) / 1024, code, (lines[-1] if lines else "")[:110]


PEER = ("import sys, yaml\n"
        "with open(sys.argv[1], encoding='utf-8') as fh:\n"
        "    yaml.load(fh, Loader=yaml.CSafeLoader)\n")


def run_peer(path: str, timeout: float) -> str:
    """Seconds PyYAML's C loader takes to parse the same file (no checks at all)."""
    t0 = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-c", PEER, path], capture_output=True, timeout=timeout,
                       check=False)
    except subprocess.TimeoutExpired:
        return f">{timeout:.0f}s"
    return f"{time.perf_counter() - t0:.2f}s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each check this many times and show the fastest")
    ap.add_argument("--peer-timeout", type=float, default=120,
                    help="how long PyYAML's CSafeLoader may parse one case (0: not run)")
    args = ap.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="argmap-bench-check-")
    print("argmap check in a fresh process, beside PyYAML's CSafeLoader parsing the same file")
    print(f"{'case':<12} {'MB file':>8} {'CSafe':>7} {'time':>8} {'peak MB':>8} {'exit':>4}  "
          "last line")
    for name in args.cases.split(","):
        path = os.path.join(folder, name + ".yaml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(CASES[name]())
        # one child per case, so that each peak is its own; the fastest of --repeat runs
        runs = [subprocess.run(
            [sys.executable, __file__, "--one", path, "--timeout", str(args.timeout)],
            capture_output=True, text=True, check=False) for _ in range(args.repeat)]
        child = min(runs, key=lambda run: float(run.stdout.split("s")[0] or "inf"))
        size = os.path.getsize(path) / 1e6
        peer = run_peer(path, args.peer_timeout) if args.peer_timeout > 0 else "-"
        print(f"{name:<12} {size:>8.1f} {peer:>7} {child.stdout.strip()}", flush=True)
        os.unlink(path)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        secs, peak, code, last = run_check(sys.argv[2], float(sys.argv[4]))
        print(f"{secs:>7.2f}s {peak:>8.0f} {code:>4}  {last}")
        raise SystemExit(0)
    raise SystemExit(main())
