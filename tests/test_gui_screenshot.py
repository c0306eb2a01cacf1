"""``argmap gui --screenshot OUT.png``: the window with the map laid out, saved as
an image without a display, and the program ends by itself."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from argmap.gui.app import SCREENSHOT_SIZE, save_screenshot
from argmap.gui.fonts import load_fonts
from argmap.gui.main_window import MainWindow

MAP = """\
argmap: 1
title: Ceasefire now?
claims:
  thesis:
    text: A ceasefire now would freeze the front line.
    kind: thesis
  pro:
    text: Every month of fighting costs thousands of lives.
  con:
    text: A frozen front gives the attacker time to rearm.
  undercut:
    text: Both sides would rearm, not only one.
relations:
  - {id: r1, type: support, from: pro, to: thesis}
  - {id: r2, type: attack, from: con, to: thesis}
  - {id: r3, type: undercut, from: undercut, to: r2}
"""


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "argmap", "gui", *args], env=env,
                          capture_output=True, text=True, timeout=90)


def _png_header(path: Path) -> tuple[int, int, int, int]:
    """Width, height, bit depth and colour type of a PNG file."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">IIBB", data[16:26])


@pytest.fixture
def mapfile(tmp_path) -> Path:
    path = tmp_path / "ceasefire.yaml"
    path.write_text(MAP, encoding="utf-8")
    return path


def test_screenshot_writes_a_png_of_the_window_and_quits(tmp_path, mapfile):
    out = tmp_path / "window.png"
    r = _run(tmp_path, "--screenshot", str(out), str(mapfile))
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr and "propagateSizeHints" not in r.stderr
    width, height, depth, colour = _png_header(out)
    assert (width, height) == SCREENSHOT_SIZE and depth == 8 and colour in (2, 6)
    image = QImage(str(out))
    colours = {image.pixel(x, y) for x in range(0, width, 7) for y in range(0, height, 7)}
    assert len(colours) > 20, "the picture is (almost) one colour"
    # the user's own settings (recent files, window layout) are left alone
    assert not (tmp_path / "config" / "argmap").exists()


def test_screenshot_waits_for_dot_and_shows_every_claim(qapp, qtbot, tmp_path, mapfile):
    load_fonts()
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    out = tmp_path / "window.png"
    assert save_screenshot(qapp, window, str(mapfile), str(out)) == 0
    scene, view = window.scene, window.view
    assert scene.layout_settled and not scene.layout_fallback and not scene.layout_pending
    assert scene.last_layout_mode == "full"
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert all(shown.contains(item.sceneBoundingRect()) for item in scene.claim_items.values())
    assert QImage(str(out)).size().toTuple() == SCREENSHOT_SIZE


def test_unreadable_map_is_a_message_not_a_dialog_or_a_picture(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: [unclosed\n", encoding="utf-8")
    out = tmp_path / "window.png"
    r = _run(tmp_path, "--screenshot", str(out), str(bad))
    assert r.returncode == 2
    assert f"{bad}:3:1: error: YAML syntax" in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


@pytest.mark.parametrize("name, message", [
    ("window.nope", "not an image type Qt writes"),
    ("missing/window.png", "its folder does not exist"),
])
def test_unwritable_screenshot_is_a_message(tmp_path, mapfile, name, message):
    r = _run(tmp_path, "--screenshot", str(tmp_path / name), str(mapfile))
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / name).exists()
