"""The built wheel carries everything argmap needs once installed elsewhere."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.resources import RESOURCES, resource_path

#: what the program opens at run time, as named in resources/
SHIPPED = ["argmap.schema.json", "argmap.svg", "argmap.desktop",
           "fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf", "fonts/DejaVu-LICENSE.txt"]
#: what the build reads from the source tree
BUILD_INPUTS = ["pyproject.toml", "README.md", "LICENSE", "argmap", "resources"]


def _setuptools_is_new_enough() -> bool:
    try:
        major = int(version("setuptools").split(".")[0])
    except (PackageNotFoundError, ValueError):
        return False
    return major >= 77   # pyproject.toml's build-system.requires


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """The wheel built from a clean copy of the source tree (no old build/ folder)."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    for name in BUILD_INPUTS:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif path.exists():
            shutil.copy2(path, src / name)
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist"), str(src)]
    offline = _setuptools_is_new_enough()
    if offline:
        cmd.insert(4, "--no-build-isolation")
    done = subprocess.run(cmd, check=False, capture_output=True, text=True,
                          timeout=600)
    if done.returncode != 0:
        if not offline and "setuptools" in done.stdout + done.stderr:
            pytest.skip("cannot build the wheel: setuptools>=77 is neither installed nor downloadable")
        pytest.fail("the wheel did not build:\n" + done.stdout + done.stderr)
    (built,) = (base / "dist").glob("argmap-*.whl")
    with zipfile.ZipFile(built) as zf:
        yield zf


def _dist_info(wheel: zipfile.ZipFile) -> str:
    (meta,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return meta.rsplit("/", 1)[0]


def test_wheel_carries_the_resources(wheel):
    names = set(wheel.namelist())
    missing = [n for n in SHIPPED if "argmap/_resources/" + n not in names]
    assert not missing, f"not in the wheel: {missing}"


def test_wheel_carries_every_file_of_the_resources_folder(wheel):
    names = set(wheel.namelist())
    folder = ROOT / "resources"
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]
    assert [f for f in files if "argmap/_resources/" + f not in names] == []


def test_wheel_carries_every_module(wheel):
    names = set(wheel.namelist())
    modules = [p.relative_to(ROOT).as_posix() for p in (ROOT / "argmap").rglob("*.py")
               if "__pycache__" not in p.parts]
    assert [m for m in modules if m not in names] == []


def test_wheel_installs_nothing_beside_the_package(wheel):
    tops = {n.split("/", 1)[0] for n in wheel.namelist()}
    assert tops == {"argmap", _dist_info(wheel)}


def test_wheel_carries_the_licences(wheel):
    info = _dist_info(wheel)
    names = set(wheel.namelist())
    assert f"{info}/licenses/LICENSE" in names
    assert f"{info}/licenses/resources/fonts/DejaVu-LICENSE.txt" in names
    text = wheel.read(f"{info}/licenses/LICENSE").decode()
    assert text.startswith("MIT License") and "Copyright (c) 2026 the argmap authors" in text
    assert "License-Expression: MIT" in wheel.read(f"{info}/METADATA").decode()


def test_unpacked_wheel_checks_and_exports_a_map(wheel, tmp_path):
    # pip installs a wheel by unpacking it; run the program from such a copy
    site = tmp_path / "site"
    wheel.extractall(site)
    amap = tmp_path / "m.yaml"
    amap.write_text("argmap: 1\ntitle: T\nclaims:\n  a: {text: A}\n  b: {text: B}\n"
                    "relations:\n  - {from: a, to: b, type: support}\n", encoding="utf-8")
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from argmap.resources import resource_path\n"
        "assert resource_path('argmap.schema.json').is_relative_to(sys.argv[1])\n"
        "from argmap.cli import main\n"
        "assert main(['check', '--allow-warnings', sys.argv[2]]) == 0\n"
        "sys.exit(main(['export', sys.argv[2], '-o', sys.argv[3]]))\n"
    )
    png = tmp_path / "m.png"
    done = subprocess.run([sys.executable, "-c", script, str(site), str(amap), str(png)],
                          check=False, capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert png.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("name", SHIPPED)
def test_resource_path_gives_existing_files(name):
    path = resource_path(name)
    assert isinstance(path, Path) and path.is_file()
    assert path.parent.is_relative_to(RESOURCES)



def test_an_installed_package_starts_the_app_without_a_folder_that_is_not_there(
        tmp_path, monkeypatch):
    import argmap.gui.app as app

    monkeypatch.setattr(app, "RESOURCES", tmp_path / "site-packages" / "argmap" / "_resources")
    assert app.default_maps_folder() is None
    monkeypatch.setattr(app, "RESOURCES", ROOT / "resources")
    assert app.default_maps_folder() == str(ROOT / "maps")
