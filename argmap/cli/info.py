"""``argmap info``: a map's title and counts."""

from __future__ import annotations

import argparse
from typing import Any

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, print_diagnostics

NAME = "info"
HELP = "counts of a map"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``info`` on an argparse subparsers object."""
    p = subparsers.add_parser(NAME, help=HELP, description="Print a map's counts.")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)
    return p


def cmd_info(args: argparse.Namespace) -> int:
    import json

    from ..mapio import load_file

    loaded = load_file(args.file)
    if loaded.map is None:
        print_diagnostics(loaded.diagnostics)
        return EXIT_USAGE
    counts = loaded.map.counts()
    if args.json:
        print(json.dumps({"file": args.file, "title": loaded.map.title, **counts,
                          "errors": len(loaded.errors)}, ensure_ascii=False))
    else:
        print(f"{args.file}: {loaded.map.title}")
        for k, v in counts.items():
            print(f"  {k:<11} {v}")
        if loaded.errors:
            print(f"  ({len(loaded.errors)} error(s): run 'argmap check {args.file}')")
    return EXIT_PROBLEMS if loaded.errors else EXIT_OK
