"""Where the shipped resources (schema, fonts, icon, desktop file) live.

They sit in the source tree's top-level ``resources/`` folder, which
pyproject.toml installs as the package ``argmap._resources``: read through
``importlib.resources``, the same call finds them in an installed wheel and in
an editable install of the source tree.
"""

from __future__ import annotations

import atexit
import contextlib
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "argmap._resources"


def _folder() -> Traversable:
    try:
        return files(PACKAGE)
    except ModuleNotFoundError:
        # argmap imported straight from a source tree that was never installed
        return Path(__file__).resolve().parent.parent / "resources"


_FOLDER = _folder()
#: the resources folder; pip unpacks wheels, so it is a folder on disk
RESOURCES = Path(str(_FOLDER))
# files extracted by as_file (only for an install that is not a folder) live until exit
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


@cache
def resource_path(name: str) -> Path:
    """A real file path of the resource ``name`` (e.g. ``fonts/DejaVuSans.ttf``).

    Qt and cairosvg open files by path, so this is a path on disk; it stays
    valid as long as the program runs.
    """
    item = _FOLDER
    for part in name.split("/"):
        item = item.joinpath(part)
    return _extracted.enter_context(as_file(item))
