"""Reading and writing other argument-map formats: Argdown, AIF JSON, GraphML, arggraph.

Pure Python, no Qt.  Importers return an :class:`ImportResult` (the map and
a list of warnings, each a :class:`~argmap.diagnostics.Diagnostic` with a
line number, about what could not be represented exactly); exporters return
text.  ``docs/interchange.md`` describes the mappings.

    >>> from argmap.interchange import import_file, export_text
    >>> result = import_file("debate.argdown")
    >>> text = export_text(result.map, "aif")
"""

from __future__ import annotations

import os

from ..model import ArgumentMap
from ._common import ImportResult, InterchangeError
from .aif_export import export_aif, to_aif
from .aif_import import import_aif
from .arggraph_import import import_arggraph, import_arggraph_files
from .argdown_export import export_argdown
from .argdown_import import import_argdown
from .argdown_parse import ArgdownDocument, parse_argdown
from .detect import import_file_format, import_format
from .graphml_export import export_graphml

__all__ = [
    "EXPORT_FORMATS", "IMPORT_FORMATS", "ArgdownDocument", "ImportResult", "InterchangeError",
    "detect_format", "export_aif", "export_argdown", "export_graphml", "export_text",
    "import_aif", "import_argdown", "import_arggraph", "import_arggraph_files", "import_file",
    "import_file_format", "import_format",
    "import_text", "parse_argdown", "to_aif",
]

IMPORT_FORMATS = ("argdown", "aif", "arggraph")
EXPORT_FORMATS = ("argdown", "aif", "graphml")
#: file name extensions of the formats
EXTENSIONS = {"argdown": (".argdown", ".ad"), "aif": (".json", ".aif"),
              "graphml": (".graphml",), "arggraph": (".xml",)}


def detect_format(path: str, text: str | None = None) -> str | None:
    """``argdown`` or ``aif`` from the file name (or the text), None if unknown."""
    ext = os.path.splitext(path)[1].lower()
    for fmt in IMPORT_FORMATS:
        if ext in EXTENSIONS[fmt]:
            return fmt
    if text is not None:
        head = text.lstrip("\ufeff \t\r\n")[:1]
        if head in "{[":
            return "aif"
        return "argdown"
    return None


def import_text(text: str, fmt: str, file: str = "", **options: object) -> ImportResult:
    """Import ``text`` in ``fmt`` (``argdown``, ``aif`` or ``arggraph``).  A map with
    more claims or relations than a map may have to be opened is refused here,
    before anything is written (:data:`argmap.mapio.MAX_CLAIMS`)."""
    if fmt == "argdown":
        result = import_argdown(text, file, **options)  # type: ignore[arg-type]
    elif fmt == "aif":
        result = import_aif(text, file, **options)  # type: ignore[arg-type]
    elif fmt == "arggraph":
        result = import_arggraph(text, file, **options)  # type: ignore[arg-type]
    else:
        raise InterchangeError(
            f"unknown import format '{fmt}' (use {', '.join(IMPORT_FORMATS)})")
    _not_too_big(result, file)
    return result


def _not_too_big(result: ImportResult, file: str) -> None:
    from ..mapio import MAX_CLAIMS, MAX_RELATIONS

    for what, count, limit in (("claims", len(result.map.claims), MAX_CLAIMS),
                               ("relations", len(result.map.relations), MAX_RELATIONS)):
        if count > limit:
            raise InterchangeError(
                f"{file or '<input>'}: the import gives {count:,} {what}, more than the "
                f"{limit:,} a map may have to be drawn, evaluated and edited; nothing was "
                "written (split the file into several)")


def import_file(path: str, fmt: str | None = None, **options: object) -> ImportResult:
    """Import a file; the format comes from its name and content unless given.

    Raises :class:`InterchangeError` (also for I/O and encoding problems, and
    for files that are neither Argdown nor AIF: see :mod:`.detect`).
    """
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise InterchangeError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InterchangeError(f"{path} is not UTF-8 text: {exc}") from exc
    fmt = fmt or import_format(path, text)
    return import_text(text, fmt, path, **options)


def export_text(amap: ArgumentMap, fmt: str) -> str:
    """The map as ``argdown``, ``aif`` or ``graphml`` text."""
    from ..model import unknown_relation_type

    problem = unknown_relation_type(amap)
    if problem:
        raise InterchangeError(problem)
    if fmt == "argdown":
        return export_argdown(amap)
    if fmt == "aif":
        return export_aif(amap)
    if fmt == "graphml":
        return export_graphml(amap)
    raise InterchangeError(f"unknown export format '{fmt}' (use {', '.join(EXPORT_FORMATS)})")
