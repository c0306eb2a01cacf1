"""``argmap merge`` of two sides of a generated map, next to ``git merge-file``.

    .venv/bin/python benchmarks/bench_merge.py [--sizes 1000,5000] [--edits 100]

BASE is ``generate.py``'s map; OURS and THEIRS each reword ``--edits`` claims
(different ones), and a tenth as many of each side's claims are moved, added
and deleted, and relations retyped, so the merge is clean.  For each size
(best of 5): ``read`` the three maps (as the command reads them), ``merge``
alone (:func:`argmap.mapmerge.merge_maps`), ``write`` the merged map into OURS'
text (the app's round-trip save), ``command`` the whole of ``argmap merge``
in this process, and ``git`` ``git merge-file`` on the same three texts: the
line-level floor, which knows nothing of claims (its conflict count is shown:
edits on neighbouring lines collide there).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from generate import generate

from argmap.cli import main
from argmap.cli.merge import render
from argmap.cli.diff import read_text, to_map
from argmap.mapmerge import merge_maps


def side(text: str, picked: list[int], rng: random.Random, mark: str) -> str:
    """``text`` with the claims ``picked`` reworded, a tenth as many moved, deleted
    (with their relations) and added, and relations retyped."""
    lines = text.split("\n")
    few = max(1, len(picked) // 10)
    for i in picked:
        k = lines.index(f"  c{i}:")
        lines[k + 1] = lines[k + 1][:-2] + f' ({mark})"'
    for i in picked[:few]:                              # moved
        k = lines.index(f"  c{i}:")
        lines.insert(k + 1, f"    pos: [{rng.randint(0, 900)}, {rng.randint(0, 900)}]")
    gone = {f"c{i}" for i in picked[few:2 * few]}       # deleted, relations and all
    out, skip = [], False
    for line in lines:
        if line.startswith("  c") and line.endswith(":"):
            skip = line[2:-1] in gone
        elif not line.startswith("    "):
            skip = False
        if skip:
            continue
        if line.startswith("  - {") and any(f" {c}," in line or f" {c}}}" in line
                                            or f"[{c}," in line or f" {c}]" in line
                                            for c in gone):
            continue
        out.append(line)
    lines = out
    start = lines.index("relations:")
    mine = {f"c{i}" for i in picked[2 * few:]}
    retyped = [k for k in range(start + 1, len(lines) - 1)
               if "type: support" in lines[k] and lines[k].split("from: ")[1].split(",")[0]
               in mine][:few]
    for k in retyped:
        lines[k] = lines[k].replace("type: support", "type: attack")
    added = [f"  {mark}{j}:\n    text: \"Eine neue Aussage {j}.\"" for j in range(few)]
    return "\n".join(lines[:start] + added + lines[start:])


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
    ap.add_argument("--edits", type=int, default=100)
    args = ap.parse_args(argv)
    git = shutil.which("git")
    print(f"{'claims':>6} {'read':>7} {'merge':>7} {'write':>7} {'command':>8} "
          f"{'git':>7} {'git conflicts':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            rng = random.Random(7)
            text = generate(n)
            picked = rng.sample(range(n), min(n, 2 * args.edits))
            paths = [os.path.join(tmp, f"{name}-{n}.yaml") for name in ("base", "ours", "theirs")]
            texts = [text, side(text, picked[::2], rng, "unsere"),
                     side(text, picked[1::2], rng, "ihre")]
            for path, t in zip(paths, texts):
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(t)
            maps = [to_map(read_text(p), p) for p in paths]
            result = merge_maps(*maps)
            assert result.clean, result.map.conflicts[:3]
            t_read = best(lambda: [to_map(read_text(p), p) for p in paths])
            t_merge = best(lambda: merge_maps(*maps))
            t_write = best(lambda: render(result.map, texts[1]))
            out = os.path.join(tmp, f"out-{n}.yaml")

            def command() -> None:
                with contextlib.redirect_stdout(io.StringIO()):
                    assert main(["merge", *paths, "-o", out]) == 0

            t_cmd = best(command)
            t_git, conflicts = float("nan"), "-"
            if git:
                def line_merge() -> subprocess.CompletedProcess:
                    return subprocess.run([git, "merge-file", "-p", paths[1], paths[0],
                                           paths[2]], capture_output=True, check=False)
                t_git = best(line_merge)
                conflicts = str(max(line_merge().returncode, 0))
            print(f"{n:>6} {t_read:>6.3f}s {t_merge:>6.3f}s {t_write:>6.3f}s {t_cmd:>7.3f}s "
                  f"{t_git:>6.3f}s {conflicts:>13}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main_())
