"""The ``argmap`` command line: check, info, fmt, export, evaluate, coverage,
import, gui, install-desktop; one module per command.

Exit codes: 0 clean, 1 problems found, 2 usage or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import check, coverage, desktop, evaluate, export, fmt, gui, importing, info
from .common import EXIT_OK, EXIT_USAGE

#: the commands in the order ``argmap --help`` lists them
COMMANDS = (check, info, fmt, export, evaluate, coverage, importing, gui, desktop)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``argmap`` parser.

    With ``only``, just that command gets its options and the others are
    listed by name and help line: a command's options may need modules
    (``evaluate``'s defaults come from the semantics) that other commands
    should not wait for.
    """
    ap = argparse.ArgumentParser(
        prog="argmap", description="Argument maps kept as YAML: check, format, export, edit.")
    ap.add_argument("--version", action="version", version=f"argmap {__import__('argmap').__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        if only is None or command.NAME == only:
            command.add_parser(sub)
        else:
            sub.add_parser(command.NAME, help=command.HELP)
    return ap


def _command_named(argv: Sequence[str]) -> str:
    """The command ``argv`` names: its first word that is not an option."""
    return next((a for a in argv if not a.startswith("-")), "")


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    ap = build_parser(only=_command_named(argv))
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    if not getattr(args, "command", None):
        ap.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
