"""Time the interchange importers on large generated inputs.

* an AIF JSON file of about 1 MB in the AIFdb style (numeric ids, locutions
  asserting propositions, transitions, RA/CA nodes with schemes, linked
  premises and undercuts);
* an Argdown file of a 5,000-claim map (``generate.py``'s map, exported with
  ``export_argdown``: every claim with metadata, every relation with an id).

Both are made by this script.  Each import should take under a second.

    python benchmarks/bench_interchange.py [--repeat 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

from generate import generate, sentence  # noqa: E402

from argmap.interchange import export_aif, export_argdown, export_graphml  # noqa: E402
from argmap.interchange import import_aif, import_argdown  # noqa: E402
from argmap.mapio import load_text  # noqa: E402

BUDGET = 1.0  # seconds per import


def aifdb_like(propositions: int, seed: int = 7, indent: int | None = 2) -> str:
    """AIF JSON shaped like an AIFdb nodeset with ``propositions`` I-nodes."""
    rng = random.Random(seed)
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []
    counter = [100000]

    def add(ntype: str, text: str, **extra: object) -> str:
        counter[0] += 1
        nid = str(counter[0])
        nodes.append({"nodeID": nid, "text": text, "type": ntype,
                      "timestamp": "2016-10-30 18:47:50", **extra})
        return nid

    def link(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b,
                      "formEdgeID": None})

    inodes: list[str] = []
    lnodes: list[str] = []
    snodes: list[str] = []
    for i in range(propositions):
        text = sentence(rng)
        speaker = f"Speaker{rng.randint(1, 30)}"
        inode = add("I", text)
        lnode = add("L", f"{speaker} : {text.lower()}")
        ya = add("YA", "Asserting", scheme="Asserting", schemeID="74")
        link(lnode, ya)
        link(ya, inode)
        locutions.append({"nodeID": lnode, "personID": speaker[7:], "timestamp": None,
                          "start": None, "end": None, "source": None})
        if lnodes:
            ta = add("TA", "Default Transition", scheme="Default Transition", schemeID="82")
            link(lnodes[-1], ta)
            link(ta, lnode)
        if inodes:
            parent = inodes[max(0, len(inodes) - 1 - int(rng.expovariate(0.2)))]
            support = rng.random() < 0.6
            kind, scheme = ("RA", "Default Inference") if support else ("CA", "Default Conflict")
            if rng.random() < 0.1:
                scheme = "Argument From Expert Opinion" if support else scheme
            s = add(kind, scheme, scheme=scheme, schemeID="72" if support else "71")
            link(inode, s)
            if rng.random() < 0.15 and len(inodes) > 2:  # a linked premise
                other = rng.choice(inodes[:-1])
                if other != parent:
                    link(other, s)
            link(s, parent)
            if lnodes:
                ya2 = add("YA", "Arguing" if support else "Disagreeing", schemeID="80")
                link(nodes[-3]["nodeID"] if nodes[-3]["type"] == "TA" else lnode, ya2)
                link(ya2, s)
            snodes.append(s)
            if rng.random() < 0.05 and len(snodes) > 3:  # an undercut of an earlier relation
                ca = add("CA", "Default Conflict", scheme="Default Conflict", schemeID="71")
                link(rng.choice(inodes), ca)
                link(ca, rng.choice(snodes[:-1]))
        inodes.append(inode)
        lnodes.append(lnode)
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": locutions}, indent=indent)


def aif_of_size(target_bytes: int, indent: int | None = 2) -> str:
    n = 400
    text = aifdb_like(n, indent=indent)
    while len(text.encode()) < target_bytes:
        n = int(n * target_bytes / len(text.encode())) + 10
        text = aifdb_like(n, indent=indent)
    return text


def timed(fn, repeat: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", metavar="DIR", help="also write the generated inputs here")
    args = ap.parse_args(argv)

    aif_texts = {"indented as AIFdb writes it": aif_of_size(1_000_000),
                 "compact": aif_of_size(1_000_000, indent=None)}
    loaded = load_text(generate(5000))
    assert loaded.map is not None
    t0 = time.perf_counter()
    argdown_text = export_argdown(loaded.map)
    export_s = time.perf_counter() - t0
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        for i, text in enumerate(aif_texts.values()):
            with open(os.path.join(args.keep, f"bench-{i}.json"), "w", encoding="utf-8") as fh:
                fh.write(text)
        with open(os.path.join(args.keep, "bench-5000.argdown"), "w", encoding="utf-8") as fh:
            fh.write(argdown_text)

    ok = True
    for label, aif_text in aif_texts.items():
        best, median, result = timed(lambda t=aif_text: import_aif(t, "bench.json"), args.repeat)
        counts = result.map.counts()  # type: ignore[attr-defined]
        nodes = len(json.loads(aif_text)["nodes"])
        print(f"AIF import     {len(aif_text.encode()) / 1e6:5.2f} MB  {counts['claims']:5d} "
              f"claims {counts['relations']:5d} relations ({nodes} nodes, {label}): "
              f"best {best:.3f} s, median {median:.3f} s")
        ok &= median < BUDGET
    best, median, result = timed(lambda: import_argdown(argdown_text, "bench.argdown"),
                                 args.repeat)
    counts = result.map.counts()  # type: ignore[attr-defined]
    print(f"Argdown import {len(argdown_text.encode()) / 1e6:5.2f} MB  {counts['claims']:5d} "
          f"claims {counts['relations']:5d} relations: best {best:.3f} s, "
          f"median {median:.3f} s")
    ok &= median < BUDGET
    same = result.map.snapshot() == loaded.map.snapshot()  # type: ignore[attr-defined]
    print(f"Argdown round trip of the 5,000-claim map exact: {same}")
    ok &= same
    for name, fn in (("Argdown", export_argdown), ("AIF", export_aif),
                     ("GraphML", export_graphml)):
        best, median, _ = timed(lambda fn=fn: fn(loaded.map), args.repeat)
        print(f"{name} export of the 5,000-claim map: best {best:.3f} s, median {median:.3f} s")
    print(f"(first Argdown export: {export_s:.3f} s)")
    print("OK: each import under 1 s" if ok else "TOO SLOW or not exact")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
