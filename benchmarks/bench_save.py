"""Saving after one edit: the patching save against the full ruamel.yaml render.

    python benchmarks/bench_save.py [--sizes 500,2000,5000] [--repeat 5] [--full-repeat 1]

For each generated map: written to a temporary file, loaded, one claim's text
edited, then saved.  Columns (milliseconds, best of ``--repeat``):

* first save: ``save_map`` on the text as loaded (the file is indexed once)
* next save: ``save_map`` after one more edit (index kept from the last save)
* full render: the old path, ``render`` + ``atomic_write`` (best of ``--full-repeat``)
* floor: ``atomic_write`` of the text alone; a PyYAML ``CSafeLoader`` parse
* copy: ``ArgumentMap.copy()`` (a snapshot a worker thread could save)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import yaml  # noqa: E402

from argmap import savepatch  # noqa: E402
from argmap.mapio import load_file  # noqa: E402
from argmap.savefile import atomic_write, render, save_map  # noqa: E402
from generate import generate  # noqa: E402


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000


def bench(n: int, repeat: int, full_repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"map-{n}.yaml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(generate(n))
        loaded = load_file(path, resolve=False)
        amap, original = loaded.map, loaded.text
        cid = list(amap.claims)[n // 2]
        counter = [0]

        def edit() -> None:
            counter[0] += 1
            amap.set_claim_field(cid, "text", f"Geänderte Aussage Nummer {counter[0]}.")

        edit()
        first = []
        for _ in range(repeat):
            savepatch._CACHE.clear()
            t0 = time.perf_counter()
            save_map(amap, path, original)
            first.append(time.perf_counter() - t0)
        text = save_map(amap, path, original)

        def warm() -> None:
            nonlocal text
            edit()
            text = save_map(amap, path, text)

        warm()  # the index of the text now on disk is kept
        next_ms = best(warm, repeat)
        full_ms = best(lambda: atomic_write(path, render(amap, text).encode()), full_repeat)
        assert render(amap, text) == text  # both paths agree
        data = text.encode()
        write_ms = best(lambda: atomic_write(path, data), repeat)
        parse_ms = best(lambda: yaml.load(text, Loader=yaml.CSafeLoader), max(1, repeat // 2))
        copy_ms = best(amap.copy, repeat)
    return {"first": min(first) * 1000, "next": next_ms, "full": full_ms, "write": write_ms,
            "parse": parse_ms, "copy": copy_ms}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,2000,5000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--full-repeat", type=int, default=1)
    args = ap.parse_args(argv)
    print("| claims | first save | next save | full render (old) | atomic_write alone "
          "| CSafeLoader parse | amap.copy() |")
    print("|---|---|---|---|---|---|---|")
    for n in [int(s) for s in args.sizes.split(",")]:
        r = bench(n, args.repeat, args.full_repeat)
        print(f"| {n:,} | {r['first']:.1f} ms | {r['next']:.1f} ms | {r['full']:,.0f} ms "
              f"| {r['write']:.1f} ms | {r['parse']:.0f} ms | {r['copy']:.1f} ms |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
