"""``argmap gui``: open the desktop app."""

from __future__ import annotations

import argparse
import os
from typing import Any

from .common import EXIT_USAGE, error

NAME = "gui"
HELP = "open the desktop app"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``gui`` on an argparse subparsers object."""
    p = subparsers.add_parser(NAME, help=HELP, description="Open the desktop app.")
    p.add_argument("path", nargs="?", metavar="FILE|FOLDER")
    p.add_argument("--sources", metavar="DIR", help="folder with the article texts")
    p.set_defaults(func=cmd_gui)
    return p


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from ..gui.app import main as gui_main
    except ImportError as exc:  # e.g. Qt's system libraries are missing
        error(NAME, f"the desktop app cannot start: {exc}\n(./run app installs what it needs)")
        return EXIT_USAGE
    if args.path and not os.path.exists(args.path):
        error(NAME, f"{args.path}: no such file or folder")
        return EXIT_USAGE
    return gui_main(args)
