"""Starting the desktop app: ``argmap gui [FILE|FOLDER]`` or ``argmap-gui``."""

from __future__ import annotations

import argparse
import os
import sys

from ..resources import RESOURCES


def default_maps_folder() -> str | None:
    """The bundled maps beside a checkout's resources/; None for an installed
    package, which has none (the app then starts empty)."""
    folder = os.path.join(os.path.dirname(RESOURCES), "maps")
    return folder if os.path.isdir(folder) else None


def main(args: argparse.Namespace | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .fonts import load_fonts
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("argmap")
    app.setOrganizationName("argmap")
    app.setDesktopFileName("argmap")
    app.setWindowIcon(QIcon(str(RESOURCES / "argmap.svg")))
    load_fonts()
    window = MainWindow(QSettings(), sources_dir=getattr(args, "sources", None))
    path = getattr(args, "path", None) or default_maps_folder()
    window.show()
    if path:
        window.open_path(path)
    QTimer.singleShot(0, window.offer_recovery)   # edits kept when argmap last crashed
    return app.exec()


def run() -> None:
    """The ``argmap-gui`` entry point."""
    ap = argparse.ArgumentParser(prog="argmap-gui", description="Open the argmap desktop app.")
    ap.add_argument("path", nargs="?", metavar="FILE|FOLDER")
    ap.add_argument("--sources", metavar="DIR", help="folder with the article texts")
    raise SystemExit(main(ap.parse_args()))
