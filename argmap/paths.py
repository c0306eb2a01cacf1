"""Files a map names are read only from inside a folder: no '..' out of it, no
absolute paths, no symbolic link that leads elsewhere."""

from __future__ import annotations

import os


def inside(folder: str, name: str) -> str | None:
    """The real path of ``name`` within ``folder``, or None if it would lie outside."""
    if not name or os.path.isabs(name):
        return None
    root = os.path.realpath(folder)
    real = os.path.realpath(os.path.join(root, name))
    if real != root and not real.startswith(root + os.sep):
        return None
    return real
