"""``argmap install-desktop``: the menu entry, icon and MIME type in the XDG data folder."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap import desktop
from argmap.cli import main
from argmap.resources import resource_path

NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
RELATIVE = ["applications/argmap.desktop", "icons/hicolor/scalable/apps/argmap.svg",
            "mime/packages/argmap.xml"]


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    """A private XDG data folder, and a HOME nothing may be written to."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str          # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _exec_argv(entry: configparser.SectionProxy) -> list[str]:
    """The Exec command without its field code (the quoting is the shell's subset)."""
    argv = shlex.split(entry["Exec"].replace("\\\\", "\\"))
    assert argv[-1] == "%f"
    return argv[:-1]


def _files_below(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_install_writes_the_entry_the_icon_and_the_type(data_home, capsys):
    assert main(["install-desktop"]) == 0
    out = capsys.readouterr().out
    for rel in RELATIVE:
        assert f"installed {data_home / rel}\n" in out
    assert (data_home / RELATIVE[1]).read_bytes() == resource_path("argmap.svg").read_bytes()
    assert (data_home / RELATIVE[2]).read_bytes() == resource_path("argmap-mime.xml").read_bytes()
    entry = _entry(data_home / RELATIVE[0])
    assert entry["Type"] == "Application" and entry["Icon"] == "argmap"
    assert entry["MimeType"].split(";") == [desktop.MIME_TYPE, ""]
    program = _exec_argv(entry)[0]
    assert os.path.isabs(program) and os.access(program, os.X_OK)
    assert _files_below(Path(os.environ["HOME"])) == []


def test_the_shipped_entry_opens_the_own_type_with_the_gui_script():
    entry = _entry(resource_path("argmap.desktop"))
    assert entry["MimeType"] == desktop.MIME_TYPE + ";"
    assert entry["Exec"] == "argmap-gui %f"          # pyproject.toml's gui-script


def test_the_installed_exec_line_starts_the_app(data_home):
    desktop.install()
    argv = _exec_argv(_entry(data_home / RELATIVE[0]))
    done = subprocess.run([*argv, "--help"], capture_output=True, text=True, timeout=120,
                          check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "usage: argmap-gui [-h] [--sources DIR] [FILE|FOLDER]" in done.stdout


def test_without_the_gui_script_the_entry_runs_the_module(data_home, monkeypatch):
    monkeypatch.setattr(desktop, "GUI_SCRIPT", "argmap-gui-not-installed")
    desktop.install()
    argv = _exec_argv(_entry(data_home / RELATIVE[0]))
    assert argv == [sys.executable, "-m", "argmap", "gui"]
    done = subprocess.run([*argv, "--help"], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "Open the desktop app." in done.stdout


def test_exec_arguments_are_quoted_as_the_desktop_entry_spec_asks():
    def exec_line(command: list[str]) -> str:
        return next(line for line in desktop.desktop_entry(command).splitlines()
                    if line.startswith("Exec="))

    assert exec_line(["/usr/bin/argmap-gui"]) == "Exec=/usr/bin/argmap-gui %f"
    assert exec_line(["/opt/my apps/argmap-gui"]) == 'Exec="/opt/my apps/argmap-gui" %f'
    assert exec_line(["/opt/100%/a$b"]) == 'Exec="/opt/100%%/a\\\\$b" %f'


def test_data_home_is_xdg_data_home_else_home_local_share(tmp_path):
    home = str(tmp_path)
    assert desktop.data_home({"XDG_DATA_HOME": "/x/share", "HOME": home}) == Path("/x/share")
    assert desktop.data_home({"HOME": home}) == tmp_path / ".local" / "share"
    # a relative XDG_DATA_HOME is invalid and ignored
    assert desktop.data_home({"XDG_DATA_HOME": "share", "HOME": home}) == tmp_path / ".local" / "share"
    assert desktop.data_home({"XDG_DATA_HOME": "", "HOME": home}) == tmp_path / ".local" / "share"


def test_home_is_used_without_xdg_data_home(data_home, monkeypatch, capsys):
    monkeypatch.delenv("XDG_DATA_HOME")
    assert main(["install-desktop"]) == 0
    share = Path(os.environ["HOME"]) / ".local" / "share"
    assert f"installed {share / RELATIVE[0]}" in capsys.readouterr().out
    assert all((share / rel).is_file() for rel in RELATIVE)
    assert not data_home.exists()


def test_uninstall_removes_exactly_the_installed_files(data_home, capsys):
    other = data_home / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=other\nExec=other\n")
    assert main(["install-desktop"]) == 0
    assert main(["install-desktop", "--uninstall"]) == 0
    out = capsys.readouterr().out
    for rel in RELATIVE:
        assert f"removed {data_home / rel}\n" in out
        assert not (data_home / rel).exists()
    assert other.is_file()
    # what the MIME database tool generated is not ours to remove; the type is gone from it
    assert not (data_home / "mime" / "application" / "x-argmap+yaml.xml").exists()
    # a second time there is nothing to remove, and that is no error
    assert main(["install-desktop", "--uninstall"]) == 0
    out = capsys.readouterr().out
    assert f"not installed: {data_home / RELATIVE[0]}" in out and "removed" not in out


def test_the_mime_type_is_well_formed_shared_mime_info():
    root = ET.parse(resource_path("argmap-mime.xml")).getroot()
    assert root.tag == NS + "mime-info"
    (mime,) = root.findall(NS + "mime-type")
    assert mime.get("type") == desktop.MIME_TYPE
    assert {e.get("type") for e in mime.findall(NS + "sub-class-of")} >= {"application/yaml"}
    assert [e.get("pattern") for e in mime.findall(NS + "glob")] == ["*.argmap.yaml", "*.argmap.yml"]
    matches = [(m.get("type"), m.get("value"), m.get("offset"))
               for m in mime.find(NS + "magic").findall(NS + "match")]
    assert ("string", "argmap:", "0") in matches


def _fake_tool(folder: Path, name: str, code: int, said: str = "") -> Path:
    """A stand-in for a cache tool: notes its arguments, says ``said``, exits ``code``."""
    log = folder / f"{name}.args"
    script = folder / name
    script.write_text(f"#!/bin/sh\necho \"$@\" >> '{log}'\necho '{said}' >&2\nexit {code}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return log


def test_the_cache_tools_run_on_the_data_folder(data_home, tmp_path, monkeypatch, capsys):
    tools = tmp_path / "bin"
    tools.mkdir()
    logs = {name: _fake_tool(tools, name, 0) for name in
            ("update-mime-database", "update-desktop-database", "gtk-update-icon-cache")}
    (data_home / "icons" / "hicolor").mkdir(parents=True)
    (data_home / "icons" / "hicolor" / "index.theme").write_text("[Icon Theme]\nName=Hicolor\n")
    monkeypatch.setenv("PATH", str(tools))
    assert main(["install-desktop"]) == 0
    assert logs["update-mime-database"].read_text() == f"{data_home / 'mime'}\n"
    assert logs["update-desktop-database"].read_text() == f"-q {data_home / 'applications'}\n"
    assert logs["gtk-update-icon-cache"].read_text() == f"-q -f {data_home / 'icons/hicolor'}\n"
    assert "refreshed with update-mime-database, update-desktop-database, " \
           "gtk-update-icon-cache" in capsys.readouterr().out


def test_missing_cache_tools_are_skipped_silently(data_home, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert main(["install-desktop"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "refreshed" not in out
    assert all((data_home / rel).is_file() for rel in RELATIVE)


def test_a_failing_cache_tool_is_reported_and_the_files_stay(data_home, tmp_path, monkeypatch,
                                                             capsys):
    tools = tmp_path / "bin"
    tools.mkdir()
    _fake_tool(tools, "update-mime-database", 3, "cannot write the cache")
    monkeypatch.setenv("PATH", str(tools))
    assert main(["install-desktop"]) == 0
    err = capsys.readouterr().err
    assert err == ("argmap install-desktop: error: update-mime-database failed (exit 3): "
                   "cannot write the cache\n")
    assert all((data_home / rel).is_file() for rel in RELATIVE)


def test_an_unwritable_data_folder_is_a_clear_error(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "share"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["install-desktop"]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(f"argmap install-desktop: error: {blocker}")
    assert "Traceback" not in err and out == ""
    assert blocker.read_text() == "a file where the folder should be"


def _content_type(path: Path, env: dict[str, str]) -> str:
    if shutil.which("gio"):
        cmd = ["gio", "info", "-a", "standard::content-type", str(path)]
    else:
        cmd = ["xdg-mime", "query", "filetype", str(path)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, check=True)
    return done.stdout.strip().rsplit(" ", 1)[-1]


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database (shared-mime-info) is not installed")
@pytest.mark.skipif(shutil.which("gio") is None and shutil.which("xdg-mime") is None,
                    reason="neither gio nor xdg-mime is installed to ask for a file's type")
def test_the_desktop_recognises_a_map_by_content_and_by_name(data_home, tmp_path):
    desktop.install()
    assert (data_home / "mime" / "mime.cache").is_file()
    env = {**os.environ, "XDG_DATA_DIRS": os.environ.get("XDG_DATA_DIRS")
           or "/usr/local/share:/usr/share"}
    files = tmp_path / "files"
    files.mkdir()
    samples = {
        "debate": "argmap: 1\ntitle: A debate\n",
        "with-hint": "# yaml-language-server: $schema=argmap.schema.json\nargmap: 1\n",
        "debate.argmap.yaml": "title: named as a map\n",
        "notes": "title: no map\nargmap: 1\n",
    }
    for name, text in samples.items():
        (files / name).write_text(text, encoding="utf-8")
    found = {name: _content_type(files / name, env) for name in samples}
    assert found["debate"] == found["with-hint"] == found["debate.argmap.yaml"] == desktop.MIME_TYPE
    assert found["notes"] != desktop.MIME_TYPE
