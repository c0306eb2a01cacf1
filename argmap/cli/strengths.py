"""``argmap evaluate MAP --semantics dfquad|quadratic``: every claim's strength.

    argmap evaluate maps/x.yaml --semantics dfquad
    argmap evaluate maps/x.yaml --semantics quadratic --json

A table like the labelling table, in the map's order of claims: the strength,
then the base score and what each reason and objection contributes.  Exit
codes as for the labellings: 0 done; 1 the map has errors, relations were
left out or a cycle did not settle; 2 usage errors and unreadable files.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, error, print_diagnostics

NAME = "evaluate"
#: the gradual semantics ``--semantics`` offers (argmap.semantics.gradual.GRADUAL_SEMANTICS)
GRADUAL_CHOICES = ("dfquad", "quadratic")


def evaluate_strengths(args: argparse.Namespace, fmt: str | None,
                       assume: dict[str, str]) -> int:
    """``evaluate`` with a gradual semantics."""
    if fmt != "map":
        error(NAME, f"{args.semantics} gives strengths for maps (.yaml) only; for the "
              f"framework {args.file} choose grounded, preferred or stable")
        return EXIT_USAGE
    if assume:
        error(NAME, "--assume works with grounded, preferred and stable; a gradual "
              "semantics weighs a claim by its base score (base: in the map) instead")
        return EXIT_USAGE
    from ..mapio import load_file
    from ..semantics.gradual import strengths

    loaded = load_file(args.file, resolve=False)
    if loaded.map is None:
        print_diagnostics(loaded.diagnostics)
        return EXIT_USAGE
    print_diagnostics(loaded.errors)
    result = strengths(loaded.map, args.semantics)
    for p in result.problems:
        print(f"{args.file}: warning: {p}", file=sys.stderr)
    if args.json:
        print(json.dumps({"file": args.file, "title": loaded.map.title, **result.to_json()},
                         ensure_ascii=False))
    else:
        print_table(args.file, loaded.map.title, result)
    unsettled = result.unsettled()
    if unsettled:
        print(f"{args.file}: note: {len(unsettled)} claim(s) did not settle within "
              f"{result.iterations} iterations (a cycle of reasons and objections); their "
              "strengths are the last iterate, not a limit", file=sys.stderr)
    return EXIT_PROBLEMS if (loaded.errors or result.problems or unsettled) else EXIT_OK


def print_table(file: str, title: str, result: Any) -> None:
    print(f"{file}: {title} ({result.describe()})")
    width = max((len(c) for c in result.claims), default=5)
    for cid, cs in result.claims.items():
        value = f"{cs.strength:.3f}" + (" " if cs.converged else "?")
        print(f"  {cid:<{width}}  {value:<6}  {explain(cs)}")


def explain(cs: Any) -> str:
    """'base 0.50; reasons: 'a' +0.120; objections: 'b' -0.250'."""
    text = f"base {cs.base:.2f}"
    if not cs.converged:
        text = "did not settle (in or after a cycle); " + text
    if not cs.reasons and not cs.objections:
        return text + "; no reasons or objections"
    for what, parts in (("reasons", cs.reasons), ("objections", cs.objections)):
        if parts:
            text += f"; {what}: " + ", ".join(f"'{k}' {_signed(v)}" for k, v in parts.items())
    return text


def _signed(v: float) -> str:
    text = f"{v:+.3f}"
    return text[1:] if text in ("+0.000", "-0.000") else text
