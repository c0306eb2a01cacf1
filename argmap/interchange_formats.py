"""The other formats a map exports to as text (Argdown, AIF JSON, GraphML) and imports from.

Kept apart from :mod:`argmap.interchange` so that knowing the formats does not
load the importers and exporters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import ArgumentMap

#: formats export_other writes, and the file extension of each
OTHER_FORMATS = {"argdown": ".argdown", "aif": ".json", "graphml": ".graphml"}
#: formats a map is imported from, and the file extensions of each (an arggraph file is
#: recognised by its ``<arggraph>`` root element whatever its name)
IMPORT_FORMATS = {"argdown": (".argdown", ".ad", ".md"), "aif": (".json", ".aif"),
                  "arggraph": (".xml",)}


def export_other(amap: ArgumentMap, fmt: str) -> str:
    """The map as Argdown, AIF JSON or GraphML text (``fmt``: argdown|aif|graphml)."""
    from .interchange import export_text

    return export_text(amap, fmt)
