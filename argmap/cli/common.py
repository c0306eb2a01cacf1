"""What the commands share: exit codes, diagnostics and error output, finding the
map files named, ``--assume``."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from ..diagnostics import Diagnostic

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def print_diagnostics(diags: Iterable[Diagnostic]) -> None:
    """Each diagnostic on its own line of standard error."""
    for d in diags:
        print(d, file=sys.stderr)


def error(command: str, message: str) -> None:
    """``argmap COMMAND: error: MESSAGE`` on standard error."""
    print(f"argmap {command}: error: {message}", file=sys.stderr)


def no_such_path(path: str, what: str = "file or folder") -> None:
    """``PATH: error: no such file or folder`` on standard error."""
    print(f"{path}: error: no such {what}", file=sys.stderr)


def find_maps(command: str, paths: list[str], sources: str | None
              ) -> tuple[list[str], list[str]] | None:
    """The map files ``paths`` name, and the paths that do not exist (each said on
    standard error); None, after saying why, when ``sources`` is not a folder or
    there is not a single map to read."""
    import os

    from ..mapfiles import map_files

    if sources and not os.path.isdir(sources):
        error(command, f"sources folder '{sources}' not found")
        return None
    files, missing = map_files(paths)
    for m in missing:
        no_such_path(m)
    if not files and not missing:
        error(command, "no map files (*.yaml) found")
        return None
    return files, missing


def parse_assumptions(items: list[str]) -> dict[str, str]:
    """``["a=accepted", "b=rejected"]`` -> dict; ValueError with a message."""
    out: dict[str, str] = {}
    for item in items:
        cid, sep, value = item.partition("=")
        cid, value = cid.strip(), value.strip().lower()
        if not sep or not cid or value not in ("accepted", "rejected"):
            raise ValueError(f"--assume expects ID=accepted or ID=rejected, not '{item}'")
        if out.get(cid, value) != value:
            raise ValueError(f"'{cid}' is assumed both accepted and rejected")
        out[cid] = value
    return out
