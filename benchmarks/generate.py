"""Generate synthetic argument maps for benchmarks and stress tests.

German-length claim texts, a few theses each with a tree of supporting and
attacking claims, some cross links, linked arguments and undercuts.

    python benchmarks/generate.py 1000 -o /tmp/map-1000.yaml [--components 1]
"""

from __future__ import annotations

import argparse
import random
import sys

WORDS = (
    "Waffenstillstand Verhandlungen Russland Ukraine Westen Unterstützung Munition "
    "Front Armee Offensive Sanktionen Sicherheitsgarantien Aufrüstung Diplomatie "
    "Gebiete Besatzung Frieden Abkommen Regierung Präsident Experten Analysten "
    "würde könnte müsste bedeutet zeigt beweist schwächt stärkt verlängert "
    "langfristig kurzfristig militärisch politisch wirtschaftlich entscheidend "
    "der die das und oder nicht mehr weniger jetzt später wieder ohne mit für gegen"
).split()


def sentence(rng: random.Random, lo: int = 8, hi: int = 28) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(n: int, seed: int = 1, components: int | None = None) -> str:
    """YAML text of a map with ``n`` claims."""
    rng = random.Random(seed)
    if components is None:
        components = max(1, n // 500)
    components = max(1, min(components, n))
    out = [
        "argmap: 1",
        f"title: Generierte Karte mit {n} Aussagen",
        "description: Synthetische Karte für Messungen.",
        "lang: de",
        "sources:",
        "  quelle:",
        "    title: Generierte Quelle",
        "    outlet: argmap",
        "    date: 2025-01-01",
        "claims:",
    ]
    ids = [f"c{i}" for i in range(n)]
    comp_of = [i % components for i in range(n)]
    members: list[list[int]] = [[] for _ in range(components)]
    rels: list[tuple[str, str, list[str], str]] = []  # id, type, from, to
    for i, cid in enumerate(ids):
        kind = "thesis" if i < components else rng.choice(
            ["claim", "claim", "claim", "evidence"])
        out.append(f"  {cid}:")
        out.append(f"    text: {_q(sentence(rng))}")
        out.append(f"    kind: {kind}")
        out.append(f"    speaker: Sprecher {rng.randint(1, 40)}")
        out.append("    source: quelle")
        out.append(f"    quote: {_q(sentence(rng, 4, 10))}")
        if rng.random() < 0.3:
            out.append(f"    tags: [{rng.choice(['militär', 'diplomatie', 'westen'])}]")
        comp = members[comp_of[i]]
        if comp:
            # parents close to recent claims give deep-ish trees
            parent = comp[max(0, len(comp) - 1 - int(rng.expovariate(0.15)))]
            typ = "support" if rng.random() < 0.62 else "attack"
            rels.append((f"r{len(rels)}", typ, [cid], ids[parent]))
        comp.append(i)
    # linked arguments: a second premise joins an existing relation
    for k in range(n // 20):
        rid, typ, prem, tgt = rels[rng.randrange(len(rels))]
        comp = members[int(tgt[1:]) % components]
        extra = ids[rng.choice(comp)]
        if extra not in prem and extra != tgt:
            rels.append((f"l{k}", typ, prem + [extra], tgt))
    # undercuts: attacks on relations
    for k in range(n // 25):
        rid, typ, prem, tgt = rels[rng.randrange(len(rels))]
        if typ == "undercut":
            continue
        comp = members[int(tgt[1:]) % components]
        who = ids[rng.choice(comp)]
        if who not in prem and who != tgt:
            rels.append((f"u{k}", "undercut", [who], rid))
    # a few cross links inside a component
    for k in range(n // 30):
        comp = members[rng.randrange(components)]
        if len(comp) < 3:
            continue
        a, b = rng.sample(comp, 2)
        rels.append((f"x{k}", rng.choice(["support", "attack"]), [ids[max(a, b)]], ids[min(a, b)]))
    out.append("relations:")
    for rid, typ, prem, tgt in rels:
        frm = prem[0] if len(prem) == 1 else "[" + ", ".join(prem) + "]"
        out.append(f"  - {{id: {rid}, type: {typ}, from: {frm}, to: {tgt}}}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("claims", type=int)
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--components", type=int, default=None,
                    help="independent sub-maps (default: one per 500 claims)")
    args = ap.parse_args(argv)
    text = generate(args.claims, args.seed, args.components)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
