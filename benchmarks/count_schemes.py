"""How many arguments of the bundled maps name a scheme, and the state of their critical questions.

    python benchmarks/count_schemes.py [MAP.yaml ...]     (default: every map in maps/)
    python benchmarks/count_schemes.py --json

An argument is a support, an attack or an undercut, linked or not. For each map:
the arguments, those that name a scheme (argmap.critical_questions.scheme_of), the
schemes named, and the critical questions of those arguments that are open,
answered yes (the relation's ``questions``) or answered no (an attack or undercut
of the map names the question in its ``answers``), as question_states gives them.
``count_schemes`` returns the same figures for tests.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from argmap.critical_questions import question_states, scheme_of  # noqa: E402
from argmap.mapio import load_file  # noqa: E402

MAPS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "maps")
#: the relation types that are arguments
ARGUMENTS = ("support", "attack", "undercut")


@dataclass
class Count:
    name: str
    arguments: int = 0
    with_scheme: int = 0
    #: scheme id -> how many arguments name it
    schemes: dict[str, int] = field(default_factory=dict)
    yes: int = 0
    no: int = 0
    open: int = 0

    @property
    def questions(self) -> int:
        return self.yes + self.no + self.open

    def add(self, other: Count) -> None:
        self.arguments += other.arguments
        self.with_scheme += other.with_scheme
        self.schemes = dict(Counter(self.schemes) + Counter(other.schemes))
        self.yes += other.yes
        self.no += other.no
        self.open += other.open


def count_map(path: str) -> Count:
    """The figures of one map file."""
    loaded = load_file(path)
    amap = loaded.map
    if amap is None:            # the file could not be read: its first error says where
        raise ValueError(str(loaded.errors[0]) if loaded.errors else f"{path}: not a map")
    out = Count(os.path.basename(path))
    named: Counter[str] = Counter()
    for rel in amap.relations:
        if rel.type not in ARGUMENTS:
            continue
        out.arguments += 1
        scheme = scheme_of(rel)
        if scheme is not None:
            out.with_scheme += 1
            named[scheme.id] += 1
    out.schemes = dict(sorted(named.items()))
    for states in question_states(amap).values():
        for s in states:
            setattr(out, s.state, getattr(out, s.state) + 1)
    return out


def default_maps() -> list[str]:
    return sorted(os.path.join(MAPS, n) for n in os.listdir(MAPS) if n.endswith(".yaml"))


def count_schemes(paths: list[str] | None = None) -> tuple[list[Count], Count]:
    """Each map's figures and their total."""
    rows = [count_map(p) for p in (paths or default_maps())]
    total = Count("total")
    for row in rows:
        total.add(row)
    return rows, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("maps", nargs="*", help="map files (default: every map in maps/)")
    ap.add_argument("--json", action="store_true", help="the figures as JSON")
    args = ap.parse_args(argv)
    try:
        rows, total = count_schemes(args.maps)
    except (OSError, ValueError) as exc:
        print(f"count_schemes: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps([asdict(r) for r in rows + [total]], ensure_ascii=False, indent=1))
        return 0
    width = max(len(r.name) for r in rows + [total])
    print(f"{'map':<{width}}  arguments  with scheme  questions  yes  no  open")
    for r in rows + [total]:
        print(f"{r.name:<{width}}  {r.arguments:>9}  {r.with_scheme:>11}  {r.questions:>9}"
              f"  {r.yes:>3}  {r.no:>2}  {r.open:>4}")
    print()
    print("schemes named: " + ", ".join(f"{k} {v}" for k, v in
                                        sorted(total.schemes.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
