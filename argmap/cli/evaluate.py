"""``argmap evaluate``: label a map's claims IN/OUT/UNDEC, or solve an ICCMA file.

    argmap evaluate maps/x.yaml [--semantics grounded|preferred|stable]
                    [--json] [--assume ID=accepted|rejected ...]
                    [--open-questions count|ignore]
    argmap evaluate af.apx --semantics preferred      # prints [[a,b],[c]]

Exit codes: 0 done, 1 problems (map errors, relations left out, conflicting
assumptions, a listing cut short by the limit or time budget), 2 usage or
unreadable input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from ..mapfiles import MAP_SUFFIXES
from . import iccma_task
from .common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    error,
    no_such_path,
    parse_assumptions,
    print_diagnostics,
)
from .strengths import GRADUAL_CHOICES, evaluate_strengths

NAME = "evaluate"
HELP = "label claims IN/OUT/UNDEC (grounded, preferred, stable)"
CLI_SEMANTICS = ("grounded", "preferred", "stable") + GRADUAL_CHOICES   # strengths: docs/gradual.md


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``evaluate`` on an argparse subparsers object."""
    from ..semantics import DEFAULT_MAX_EXTENSIONS, DEFAULT_TIME_LIMIT

    p = subparsers.add_parser(
        NAME, help=HELP,
        description="Evaluate a map as an argumentation framework: every claim is "
        "labelled IN, OUT or UNDEC with a short reason. Also reads abstract "
        "frameworks in the ICCMA formats (.apx, .tgf, .af) and prints their "
        "extensions as [[a,b],[c]]. See docs/semantics.md. Exit status: 0 when the "
        "answer is complete, 1 when it is partial (the time limit or --max-extensions "
        "stopped the listing: what was found is printed, and a note says so) or the map "
        "has problems, 2 when the input cannot be read.")
    p.add_argument("file", metavar="FILE", help="a map (.yaml) or a framework (.apx, .tgf, .af)")
    p.add_argument("-s", "--semantics", choices=CLI_SEMANTICS, default="grounded",
                   help="default: grounded")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--assume", action="append", default=[], metavar="ID=accepted|rejected",
                   help="what if this claim is accepted (forced IN) or rejected (forced "
                   "OUT); repeatable")
    p.add_argument("--open-questions", choices=("count", "ignore"), default="ignore",
                   help="count: each open critical question of an argument counts against "
                   "it, as an undercut nothing answers (docs/schemes.md); default: ignore")
    p.add_argument("--max-extensions", type=int, default=DEFAULT_MAX_EXTENSIONS, metavar="N",
                   help=f"stop after N labellings (default {DEFAULT_MAX_EXTENSIONS})")
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help=f"stop enumerating after this long (default {DEFAULT_TIME_LIMIT:g})")
    p.add_argument("--format", choices=("map", "apx", "tgf", "i23"),
                   help="input format (default: from the file name)")
    iccma_task.add_arguments(p)                # --task DC-PR --argument a (ICCMA tasks)
    p.set_defaults(func=cmd_evaluate)
    return p


def cmd_evaluate(args: argparse.Namespace) -> int:
    try:
        assume = parse_assumptions(args.assume)
    except ValueError as exc:
        error(NAME, str(exc))
        return EXIT_USAGE
    if args.max_extensions < 1:
        error(NAME, "--max-extensions must be at least 1")
        return EXIT_USAGE
    if os.path.isdir(args.file):
        error(NAME, f"{args.file} is a folder; give a map or framework file")
        return EXIT_USAGE
    if not os.path.isfile(args.file):
        no_such_path(args.file, "file")
        return EXIT_USAGE
    fmt = args.format
    if fmt is None:
        fmt = "map" if args.file.lower().endswith(MAP_SUFFIXES) else None
    if args.task:
        return iccma_task.run_task(args, fmt, assume)
    if args.semantics in GRADUAL_CHOICES:
        return evaluate_strengths(args, fmt, assume)
    if fmt == "map":
        return _evaluate_map(args, assume)
    return _evaluate_framework(args, fmt, assume)


# -- maps ----------------------------------------------------------------------

def _evaluate_map(args: argparse.Namespace, assume: dict[str, str]) -> int:
    from ..mapio import load_file
    from ..semantics import evaluate

    loaded = load_file(args.file, resolve=False)
    if loaded.map is None:
        print_diagnostics(loaded.diagnostics)
        return EXIT_USAGE
    print_diagnostics(loaded.errors)
    count = getattr(args, "open_questions", "ignore") == "count"
    try:
        ev = evaluate(loaded.map, args.semantics, assume, max_extensions=args.max_extensions,
                      time_limit=args.time_limit, open_questions=count)
    except ValueError as exc:
        error(NAME, str(exc))
        return EXIT_USAGE
    for p in ev.problems:
        print(f"{args.file}: warning: {p}", file=sys.stderr)
    if args.json:
        counted = {"open_questions": "count"} if count else {}
        print(json.dumps({"file": args.file, "title": loaded.map.title, **counted,
                          **ev.to_json()}, ensure_ascii=False))
    else:
        _print_map_table(args.file, loaded.map.title, ev, count)
    if ev.truncated:
        print(f"{args.file}: note: partial answer: {len(ev.labellings)} labelling(s) "
              f"listed, there may be more ({ev.reason})", file=sys.stderr)
    return EXIT_PROBLEMS if (loaded.errors or ev.problems or ev.truncated) else EXIT_OK


def _print_map_table(file: str, title: str, ev: Any, open_questions: bool = False) -> None:
    assumed = ", ".join(f"{c}={v}" for c, v in ev.assume.items())
    head = f"{file}: {title} ({ev.semantics}"
    head += "; open questions count against" if open_questions else ""
    head += f"; assuming {assumed})" if assumed else ")"
    print(head)
    n = len(ev.labellings)
    if n == 0:
        print(f"  no {ev.semantics} labelling exists" if not ev.truncated
              else "  no labelling found within the limits")
        return
    width = max((len(c) for c in ev.labellings[0].claims), default=5)
    for k, lab in enumerate(ev.labellings, 1):
        if n > 1:
            print(f"labelling {k} of {n}{'+' if ev.truncated else ''}:")
        for cid, cl in lab.claims.items():
            print(f"  {cid:<{width}}  {cl.label:<5}  {cl.why}")
    if n > 1:
        print(f"IN in every labelling: {', '.join(ev.skeptical()) or '(none)'}")
        print(f"IN in some labelling:  {', '.join(ev.credulous()) or '(none)'}")


# -- abstract frameworks ---------------------------------------------------------

def _evaluate_framework(args: argparse.Namespace, fmt: str | None,
                        assume: dict[str, str]) -> int:
    from ..iccma import (
        FrameworkFormatError,
        format_extension,
        format_extensions,
        read_framework,
    )

    try:
        af = read_framework(args.file, fmt)
    except FrameworkFormatError as exc:
        print_diagnostics(exc.diagnostics)
        return EXIT_USAGE
    if assume:
        unknown = [a for a in assume if a not in af]
        if unknown:
            error(NAME, f"cannot assume '{unknown[0]}': no such argument in {args.file}")
            return EXIT_USAGE
        af = af.with_assumptions(assume)
    enum = af.labellings(args.semantics, args.max_extensions, args.time_limit)
    exts = enum.extensions
    if args.json:
        print(json.dumps({"file": args.file, "semantics": args.semantics, "assume": assume,
                          "extensions": [[str(a) for a in e] for e in exts],
                          "truncated": enum.truncated, "reason": enum.reason},
                         ensure_ascii=False))
    elif args.semantics == "grounded":
        print(format_extension(exts[0]))
    else:
        print(format_extensions(exts))
    if enum.truncated:
        print(f"{args.file}: note: partial answer: {len(exts)} labelling(s) listed, there "
              f"may be more ({enum.reason})", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK
