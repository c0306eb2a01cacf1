"""The core stays free of Qt and of the command line; the command line starts
quickly; the pinned PySide6 does not abort on void calls."""

import ast
import subprocess
import sys

import pytest
from conftest import ROOT

PACKAGE = ROOT / "argmap"


def test_core_imports_without_qt():
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['shiboken6'] = None\n"
        "import pkgutil, importlib, argmap\n"
        "for m in pkgutil.walk_packages(argmap.__path__, 'argmap.'):\n"
        "    if not m.name.startswith(('argmap.gui', 'argmap.__main__')):\n"
        "        importlib.import_module(m.name)\n"
        "print('ok')\n")
    r = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"


def _imported_modules(source, module, is_package=False):
    """Absolute names of the modules ``source`` (the text of ``module``) imports."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            yield name
            # ``from argmap import cli`` and ``from .. import cli`` import the module too
            yield from (f"{name}.{alias.name}" for alias in node.names)


def test_import_scan_resolves_relative_and_absolute_forms():
    source = ("import argmap.cli\nfrom argmap.cli import main\nfrom ..cli import a\n"
              "from .. import cli\nfrom .cli.check import b\n"
              "def f():\n    from ...cli import c\n")
    names = set(_imported_modules(source, "argmap.gui.panels"))
    assert {"argmap.cli", "argmap.cli.main", "argmap.cli.a", "argmap.gui.cli.check"} <= names
    names = set(_imported_modules("from .cli import x\n", "argmap", is_package=True))
    assert "argmap.cli" in names


def test_only_the_command_line_imports_the_command_line():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[1] == "cli" or rel.as_posix() == "argmap/__main__.py":
            continue
        parts = rel.with_suffix("").parts
        is_package = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_package else parts)
        for name in _imported_modules(path.read_text(encoding="utf-8"), module, is_package):
            if name == "argmap.cli" or name.startswith("argmap.cli."):
                offenders.append(f"{rel.as_posix()}: {name}")
    assert not offenders, "the command line is imported by " + ", ".join(offenders)


def _modules_loaded_by(argv):
    code = (
        "import contextlib, io, sys\n"
        "from argmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main({argv!r})\n"
        "print('\\n'.join(sorted(sys.modules)))\n")
    r = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return set(r.stdout.split())


def _within(loaded, packages):
    return {m for m in loaded if any(m == p or m.startswith(p + ".") for p in packages)}


HEAVY = ("PySide6", "cairosvg", "argmap.semantics", "argmap.coverage", "argmap.interchange",
         "argmap.export", "argmap.gui")


def test_help_and_check_load_only_what_they_need():
    loaded = _modules_loaded_by(["--help"])
    assert not _within(loaded, HEAVY + ("jsonschema", "argmap.mapio"))
    loaded = _modules_loaded_by(["check", "-q", str(ROOT / "tests" / "data" / "example.yaml")])
    assert "argmap.mapio" in loaded
    assert not _within(loaded, HEAVY)


def test_a_command_gets_the_same_options_and_help_when_parsed_alone(capsys):
    from argmap.cli import COMMANDS, build_parser, main

    for argv in (["--help"], *([c.NAME, "--help"] for c in COMMANDS)):
        with pytest.raises(SystemExit):
            build_parser().parse_args(argv)
        full = capsys.readouterr().out
        assert main(argv) == 0
        assert capsys.readouterr().out == full, argv
    assert main(["evaluate", str(ROOT / "tests" / "data" / "example.yaml"), "--json"]) == 0
    assert '"semantics": "grounded"' in capsys.readouterr().out


def test_pyside_survives_many_void_calls():
    # PySide6 6.12.0 on CPython 3.11 aborts with "none_dealloc" here; 6.11.3 does not
    code = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtGui import QPainterPath\n"
        "p = QPainterPath()\n"
        "for i in range(20000):\n"
        "    p.lineTo(i, i)\n"
        "print(p.elementCount())\n")
    r = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.strip() == "20000"
