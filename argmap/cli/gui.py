"""``argmap gui``: open the desktop app, or save a screenshot of it."""

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
    p.add_argument("--lang", choices=("de", "en"),
                   help="the language of the interface: German or English (default: the "
                        "setting in View → Language, else the system's)")
    p.add_argument("--screenshot", metavar="OUT.png",
                   help="open the map, wait for its layout, save a picture of the window "
                        "and quit (no display needed)")
    p.set_defaults(func=cmd_gui)
    return p


def cmd_gui(args: argparse.Namespace) -> int:
    if args.screenshot:
        # the picture is drawn without a window on the screen; a display is not needed
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from ..gui.app import main as gui_main
    except ImportError as exc:  # e.g. Qt's system libraries are missing
        error(NAME, f"the desktop app cannot start: {exc}\n(./run app installs what it needs)")
        return EXIT_USAGE
    if args.path and not os.path.exists(args.path):
        error(NAME, f"{args.path}: no such file or folder")
        return EXIT_USAGE
    if args.screenshot and not os.path.isdir(os.path.dirname(os.path.abspath(args.screenshot))):
        error(NAME, f"{args.screenshot}: its folder does not exist")
        return EXIT_USAGE
    return gui_main(args)
