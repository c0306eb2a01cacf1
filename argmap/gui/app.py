"""Starting the desktop app: ``argmap gui [FILE|FOLDER]`` or ``argmap-gui``; with
``--screenshot OUT.png`` it opens the map, waits for its layout, saves a picture
of the window and quits (no display needed with QT_QPA_PLATFORM=offscreen).
``argmap gui --lang de|en`` picks the language of the interface (:mod:`argmap.gui.language`)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from typing import TYPE_CHECKING

from ..resources import RESOURCES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

#: the window's size in a screenshot
SCREENSHOT_SIZE = (1400, 900)
#: how long a screenshot waits for dot's layout before it shows the quick one
SCREENSHOT_WAIT = 60.0


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
    from .language import chosen_language, install
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("argmap")
    app.setOrganizationName("argmap")
    app.setDesktopFileName("argmap")
    app.setWindowIcon(QIcon(str(RESOURCES / "argmap.svg")))
    load_fonts()
    path = getattr(args, "path", None) or default_maps_folder()
    screenshot = getattr(args, "screenshot", None)
    lang = getattr(args, "lang", None)
    if screenshot:
        with tempfile.TemporaryDirectory(prefix="argmap-screenshot-") as scratch:
            # the user's settings (recent files, window layout) stay as they are
            settings = QSettings(os.path.join(scratch, "argmap.ini"), QSettings.Format.IniFormat)
            install(chosen_language(settings, lang), app)
            window = MainWindow(settings, sources_dir=getattr(args, "sources", None))
            return save_screenshot(app, window, path, screenshot)
    settings = QSettings()
    install(chosen_language(settings, lang), app)
    window = MainWindow(settings, sources_dir=getattr(args, "sources", None))
    window.show()
    if path:
        window.open_path(path)
    QTimer.singleShot(0, window.offer_recovery)   # edits kept when argmap last crashed
    return app.exec()


def save_screenshot(app: QApplication, window: MainWindow, path: str | None, out: str,
                    wait: float = SCREENSHOT_WAIT) -> int:
    """Open ``path`` in ``window``, wait until its layout is in place, save the
    window as the image ``out`` (PNG, or what its suffix names); the exit code."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QImageWriter

    kinds = sorted(bytes(f).decode() for f in QImageWriter.supportedImageFormats())
    suffix = os.path.splitext(out)[1].lstrip(".").lower()
    if suffix not in kinds:
        print(f"argmap gui: error: {out}: not an image type Qt writes; name it "
              f"*.png (or {', '.join('*.' + k for k in kinds if k != 'png')})", file=sys.stderr)
        return 2

    def quieter(_kind, _context, message: str) -> None:
        # the offscreen platform says so about every window; it changes nothing here
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(quieter)
    try:
        return _open_and_grab(app, window, path, out, wait)
    finally:
        qInstallMessageHandler(previous)


def _open_and_grab(app: QApplication, window: MainWindow, path: str | None, out: str,
                   wait: float) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    refused: list[str] = []

    def refuse_dialogs() -> None:
        # nobody is there to answer a dialog (a map that cannot be read)
        dialog = app.activeModalWidget()
        if dialog is not None:
            text = dialog.text() if isinstance(dialog, QMessageBox) else ""
            refused.append(" ".join(f"{dialog.windowTitle()}: {text}".split()))
            dialog.reject()

    watchdog = QTimer(interval=50)
    watchdog.timeout.connect(refuse_dialogs)
    watchdog.start()
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if path:
        window.open_path(path)
    deadline = time.monotonic() + wait
    while not refused and not _settled(window) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):       # the view's fit and the repaint that follow a layout
        app.processEvents()
    watchdog.stop()
    if refused:
        print(f"argmap gui: error: {refused[0]}", file=sys.stderr)
        return 2
    if not _settled(window):
        print(f"argmap gui: the layout took over {wait:.0f} s; the screenshot shows "
              "the one drawn so far", file=sys.stderr)
    if not window.grab().save(out):
        print(f"argmap gui: error: cannot write {out}", file=sys.stderr)
        return 2
    window.close()
    return 0


def _settled(window: MainWindow) -> bool:
    """No map open, or the open map's final layout is drawn, edges and all."""
    scene = window.scene
    return scene is None or (scene.layout is not None and not scene.layout_pending
                             and not scene.layout_fallback)


def run() -> None:
    """The ``argmap-gui`` entry point."""
    ap = argparse.ArgumentParser(prog="argmap-gui", description="Open the argmap desktop app.")
    ap.add_argument("path", nargs="?", metavar="FILE|FOLDER")
    ap.add_argument("--sources", metavar="DIR", help="folder with the article texts")
    raise SystemExit(main(ap.parse_args()))
