"""``argmap fmt``: rewrite map files in the canonical layout, keeping comments."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..mapfiles import map_files
from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, no_such_path, print_diagnostics

NAME = "fmt"
HELP = "rewrite map files in canonical layout (comments kept)"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``fmt`` on an argparse subparsers object."""
    p = subparsers.add_parser(NAME, help=HELP,
                              description="Rewrite map files in the canonical layout, keeping "
                              "comments. Idempotent.")
    p.add_argument("files", nargs="+", metavar="FILE|DIR")
    p.add_argument("--check", action="store_true", help="only report files that would change")
    p.set_defaults(func=cmd_fmt)
    return p


def cmd_fmt(args: argparse.Namespace) -> int:
    from ..mapio import load_file
    from ..savefile import SaveError, atomic_write, format_text

    files, missing = map_files(args.files)
    status = EXIT_USAGE if missing else EXIT_OK
    for m in missing:
        no_such_path(m)
    for f in files:
        loaded = load_file(f, resolve=False)
        if loaded.map is None or loaded.text is None:
            print_diagnostics(loaded.diagnostics)
            print(f"{f}: not formatted (fix the errors above first)", file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        try:
            text = format_text(loaded.text, f)
        except (SaveError, Exception) as exc:  # noqa: BLE001 - report, never trace
            print(f"{f}: error: cannot format: {exc}", file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        if text == loaded.text:
            continue
        if args.check:
            print(f"{f}: would be reformatted", file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        try:
            atomic_write(f, text.encode("utf-8"))
        except OSError as exc:
            print(f"{f}: error: could not write: {exc}", file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        print(f"{f}: formatted", file=sys.stderr)
    return status
