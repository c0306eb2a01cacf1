"""Which files are maps: the suffixes, and the maps named or found in folders."""

from __future__ import annotations

import os
from collections.abc import Sequence

#: file name endings of map files
MAP_SUFFIXES = (".yaml", ".yml")


def map_files(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """Map files named or found in folders, and the paths that do not exist."""
    files: list[str] = []
    missing: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p)
                            if f.endswith(MAP_SUFFIXES) and not f.startswith("."))
        elif os.path.isfile(p):
            files.append(p)
        else:
            missing.append(p)
    return files, missing
