"""argmap on the desktop: its menu entry, icon and file type, installed into the
user's XDG data folder (``$XDG_DATA_HOME``, else ``~/.local/share``).

The file type ``application/x-argmap+yaml`` (resources/argmap-mime.xml) knows a
map by the name ``*.argmap.yaml`` and by its first key ``argmap:``; the menu
entry (resources/argmap.desktop) opens files of that type.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .resources import resource_path

#: argmap's own MIME type, defined by resources/argmap-mime.xml
MIME_TYPE = "application/x-argmap+yaml"
#: the program the menu entry starts (pyproject.toml's gui-script)
GUI_SCRIPT = "argmap-gui"
#: each shipped resource and where it goes, relative to the data folder
FILES = (
    ("argmap.desktop", "applications/argmap.desktop"),
    ("argmap.svg", "icons/hicolor/scalable/apps/argmap.svg"),
    ("argmap-mime.xml", "mime/packages/argmap.xml"),
)


@dataclass
class Outcome:
    """What :func:`install` or :func:`uninstall` did."""

    data_home: Path
    #: files written (install) or removed (uninstall)
    changed: list[Path] = field(default_factory=list)
    #: files uninstall did not find
    absent: list[Path] = field(default_factory=list)
    #: the cache tools that ran
    refreshed: list[str] = field(default_factory=list)
    #: a tool that failed, with what it said
    warnings: list[str] = field(default_factory=list)


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``$HOME/.local/share`` when it is unset or relative
    (the XDG spec says a relative path is to be ignored)."""
    env = os.environ if environ is None else environ
    xdg = env.get("XDG_DATA_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg)
    home = env.get("HOME") or str(Path.home())
    return Path(home) / ".local" / "share"


def targets(home: Path) -> list[Path]:
    """The files install writes below the data folder ``home``."""
    return [home / rel for _, rel in FILES]


def gui_command() -> list[str]:
    """How this installation starts the desktop app: its ``argmap-gui`` script by
    absolute path, so that the menu finds it also when it sits in a virtual
    environment that is not on the desktop's PATH; else ``python -m argmap gui``."""
    folders = [sysconfig.get_path("scripts"), os.path.dirname(sys.executable)]
    user_scheme = f"{os.name}_user"
    if user_scheme in sysconfig.get_scheme_names():
        folders.append(sysconfig.get_path("scripts", user_scheme))
    for folder in folders:
        script = os.path.join(folder, GUI_SCRIPT)
        if os.path.isfile(script) and os.access(script, os.X_OK):
            return [script]
    found = shutil.which(GUI_SCRIPT)
    if found:
        return [found]
    return [sys.executable, "-m", "argmap", "gui"]


def _exec_arg(arg: str) -> str:
    """One argument of a desktop entry's Exec key, quoted as the Desktop Entry
    spec asks: reserved characters inside double quotes, a literal ``%`` doubled,
    and every backslash escaped once more for the key's string value."""
    arg = arg.replace("%", "%%")
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    quoted = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return quoted.replace("\\", "\\\\")


def desktop_entry(command: list[str] | None = None) -> str:
    """The shipped desktop file with its Exec line starting ``command``
    (default :func:`gui_command`) on the file it is given."""
    command = gui_command() if command is None else command
    exec_line = "Exec=" + " ".join(_exec_arg(a) for a in command) + " %f"
    text = resource_path("argmap.desktop").read_text(encoding="utf-8")
    lines = [exec_line if line.startswith("Exec=") else line for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _contents(resource: str) -> bytes:
    if resource == "argmap.desktop":
        return desktop_entry().encode("utf-8")
    return resource_path(resource).read_bytes()


def _run(outcome: Outcome, argv: list[str]) -> None:
    """Run a cache tool if it is installed; a failure becomes a warning."""
    if shutil.which(argv[0]) is None:
        return
    try:
        done = subprocess.run(argv, check=False, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        outcome.warnings.append(f"{argv[0]}: {exc}")
        return
    if done.returncode == 0:
        outcome.refreshed.append(argv[0])
    else:
        said = (done.stderr or done.stdout).strip().splitlines()
        outcome.warnings.append(f"{argv[0]} failed (exit {done.returncode})"
                                + (f": {said[-1]}" if said else ""))


def refresh_caches(outcome: Outcome) -> None:
    """Let the desktop see the change: rebuild the MIME database, the desktop
    entries' MIME cache and the icon cache of the data folder."""
    home = outcome.data_home
    if (home / "mime").is_dir():
        _run(outcome, ["update-mime-database", str(home / "mime")])
    if (home / "applications").is_dir():
        _run(outcome, ["update-desktop-database", "-q", str(home / "applications")])
    hicolor = home / "icons" / "hicolor"
    # without the theme's index.theme the tool refuses; then no cache is kept there
    # and the desktop finds the icon without one
    if (hicolor / "index.theme").is_file():
        _run(outcome, ["gtk-update-icon-cache", "-q", "-f", str(hicolor)])


def install(home: Path | None = None) -> Outcome:
    """Write the desktop file, the icon and the MIME type below ``home`` (default
    :func:`data_home`) and refresh the caches. OSError if a file cannot be written."""
    outcome = Outcome(data_home() if home is None else home)
    for resource, rel in FILES:
        target = outcome.data_home / rel
        _write(target, _contents(resource))
        outcome.changed.append(target)
    refresh_caches(outcome)
    return outcome


def uninstall(home: Path | None = None) -> Outcome:
    """Remove exactly the files :func:`install` writes and refresh the caches.
    OSError if one cannot be removed."""
    outcome = Outcome(data_home() if home is None else home)
    for target in targets(outcome.data_home):
        if target.is_file() or target.is_symlink():
            target.unlink()
            outcome.changed.append(target)
        else:
            outcome.absent.append(target)
    refresh_caches(outcome)
    return outcome
