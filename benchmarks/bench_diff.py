"""``argmap diff`` of two versions of a generated map, loading included.

    .venv/bin/python benchmarks/bench_diff.py [--sizes 1000,5000] [--edits 50]

OLD is ``generate.py``'s map; NEW is OLD with ``--edits`` claims reworded, a tenth
as many claims renamed, moved, added and removed, and relations retyped.  For
each size (best of 5): ``read`` both maps (as the command reads them, the
garbage collector off), ``diff`` alone (:func:`argmap.mapdiff.diff_maps`), ``command``
the whole of ``argmap diff OLD NEW`` in this process (reading, comparing and
the text output), and ``process`` the command in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import random
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from generate import generate

from argmap.cli import main
from argmap.cli.diff import read_pair
from argmap.mapdiff import diff_maps


def edited(text: str, n: int, edits: int, seed: int = 7) -> str:
    """``text`` with claims reworded, renamed, moved, added and removed, and
    relations retyped."""
    rng = random.Random(seed)
    lines = text.split("\n")
    picked = rng.sample(range(n), min(n, edits))
    few = max(1, edits // 10)
    for i in picked:
        k = lines.index(f"  c{i}:")
        lines[k + 1] = lines[k + 1][:-2] + ' (überarbeitet)"'
    for i in picked[:few]:                      # renamed: the id and what points to it
        pattern = re.compile(rf"\bc{i}\b")
        lines = [pattern.sub(f"c{i}-neu", line) for line in lines]
    for i in picked[few:2 * few]:               # moved
        k = lines.index(f"  c{i}:")
        lines.insert(k + 1, f"    pos: [{rng.randint(0, 900)}, {rng.randint(0, 900)}]")
    start = lines.index("relations:")
    for k in rng.sample(range(start + 1, len(lines) - 1), few):   # retyped
        lines[k] = lines[k].replace("type: support", "type: attack")
    added = [f"  neu{j}:\n    text: \"Eine neue Aussage {j}.\"" for j in range(few)]
    return "\n".join(lines[:start] + added + lines[start:])


def _without_gc(fn, *args):
    """fn(*args) with the garbage collector off, as the command runs it."""
    gc.disable()
    try:
        return fn(*args)
    finally:
        gc.enable()


def best(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main_(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000")
    ap.add_argument("--edits", type=int, default=50)
    args = ap.parse_args(argv)
    print(f"{'claims':>6} {'changes':>7} {'read':>7} {'diff':>7} {'command':>8} {'process':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            text = generate(n)
            a, b = os.path.join(tmp, f"old-{n}.yaml"), os.path.join(tmp, f"new-{n}.yaml")
            with open(a, "w", encoding="utf-8") as fh:
                fh.write(text)
            with open(b, "w", encoding="utf-8") as fh:
                fh.write(edited(text, n, args.edits))
            old, new = read_pair(a, b)
            changes = diff_maps(old, new).count()
            t_read = best(lambda a=a, b=b: _without_gc(read_pair, a, b))
            t_diff = best(lambda old=old, new=new: diff_maps(old, new))

            def command(a: str = a, b: str = b) -> None:
                with contextlib.redirect_stdout(io.StringIO()):
                    assert main(["diff", a, b]) == 1

            t_cmd = best(command)
            t_proc = best(lambda a=a, b=b: subprocess.run(
                [sys.executable, "-m", "argmap", "diff", a, b], capture_output=True,
                check=False), 3)
            print(f"{n:>6} {changes:>7} {t_read:>6.3f}s {t_diff:>6.3f}s {t_cmd:>7.3f}s "
                  f"{t_proc:>7.3f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main_())
