"""``argmap install-desktop``: put argmap into the desktop's menu, with its icon
and its file type (``--uninstall`` takes them out again)."""

from __future__ import annotations

import argparse
from typing import Any

from .common import EXIT_OK, EXIT_USAGE, error

NAME = "install-desktop"
HELP = "add argmap to the desktop menu, with its icon and file type"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``install-desktop`` on an argparse subparsers object."""
    p = subparsers.add_parser(
        NAME, help=HELP,
        description="Install argmap's desktop entry, icon and MIME type "
                    "(application/x-argmap+yaml) into $XDG_DATA_HOME "
                    "(default ~/.local/share), then refresh the desktop's caches.")
    p.add_argument("--uninstall", action="store_true",
                   help="remove the files install-desktop installs")
    p.set_defaults(func=cmd_install_desktop)
    return p


def cmd_install_desktop(args: argparse.Namespace) -> int:
    from .. import desktop

    try:
        outcome = desktop.uninstall() if args.uninstall else desktop.install()
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        error(NAME, f"{where}{exc.strerror or exc}")
        return EXIT_USAGE
    verb = "removed" if args.uninstall else "installed"
    for path in outcome.changed:
        print(f"{verb} {path}")
    for path in outcome.absent:
        print(f"not installed: {path}")
    if outcome.refreshed:
        print("refreshed with " + ", ".join(outcome.refreshed))
    for warning in outcome.warnings:
        error(NAME, warning)
    return EXIT_OK
