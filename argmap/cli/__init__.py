"""The ``argmap`` command line: check, info, fmt, export, evaluate, coverage,
import, gui, install-desktop, schema; one module per command.

Exit codes: 0 clean, 1 problems found, 2 usage or unreadable input.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

#: the modules of the commands, in the order ``argmap --help`` lists them; imported
#: when a parser is built, so that ``argmap --version`` needs none of them
COMMAND_MODULES = ("check", "info", "fmt", "diff", "merge", "export", "evaluate", "coverage",
                   "importing", "gui", "desktop", "schema")


def commands() -> tuple[ModuleType, ...]:
    """The command modules, in the order ``argmap --help`` lists them."""
    return tuple(import_module(f"{__name__}.{name}") for name in COMMAND_MODULES)


def __getattr__(name: str) -> Any:
    if name == "COMMANDS":      # the command modules, imported on first use
        return commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``argmap`` parser.

    With ``only``, just that command gets its options and the others are
    listed by name and help line: a command's options may need modules
    (``evaluate``'s defaults come from the semantics) that other commands
    should not wait for.
    """
    import argparse

    ap = argparse.ArgumentParser(
        prog="argmap", description="Argument maps kept as YAML: check, format, export, edit.")
    ap.add_argument("--version", action="version", version=f"argmap {__import__('argmap').__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands():
        if only is None or command.NAME == only:
            command.add_parser(sub)
        else:
            sub.add_parser(command.NAME, help=command.HELP)
    return ap


def _command_named(argv: Sequence[str]) -> str:
    """The command ``argv`` names: its first word that is not an option."""
    return next((a for a in argv if not a.startswith("-")), "")


def _asks_for_version(argv: Sequence[str]) -> bool:
    """True when ``--version`` comes before any command: argparse would print the
    version and stop there."""
    for a in argv:
        if a == "--version":
            return True
        if not a.startswith("-") or a in ("--", "-h", "--help"):
            return False
    return False


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if _asks_for_version(argv):     # without building the parser and its commands
        from .. import __version__
        print(f"argmap {__version__}")
        return 0
    from .common import EXIT_OK, EXIT_USAGE

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
