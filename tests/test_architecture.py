"""The core stays free of Qt; the pinned PySide6 does not abort on void calls."""

import subprocess
import sys

from conftest import ROOT


def test_core_imports_without_qt():
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['shiboken6'] = None\n"
        "import pkgutil, importlib, argmap\n"
        "for m in pkgutil.walk_packages(argmap.__path__, 'argmap.'):\n"
        "    if not m.name.startswith(('argmap.gui', 'argmap.__main__')):\n"
        "        importlib.import_module(m.name)\n"
        "print('ok')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"


def test_pyside_survives_many_void_calls():
    # PySide6 6.12.0 on CPython 3.11 aborts with "none_dealloc" here; 6.11.3 does not
    code = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtGui import QPainterPath\n"
        "p = QPainterPath()\n"
        "for i in range(20000):\n"
        "    p.lineTo(i, i)\n"
        "print(p.elementCount())\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.strip() == "20000"
