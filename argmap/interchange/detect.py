"""Which interchange format a file to import is in: from its name and its content.

Pure Python, no Qt.  :func:`import_format` answers ``"argdown"``, ``"aif"`` or
``"arggraph"`` (XML whose root element is ``<arggraph>``) or raises
:class:`InterchangeError` saying what the file looks like instead
("looks like GraphML, not Argdown or AIF"), so that other XML, GraphML,
HTML, binary or other JSON file is refused rather than read as one Argdown
statement holding the whole file.

* AIF: JSON whose top level is an object with ``"nodes"`` or ``"edges"`` (also
  inside the ``{"AIF": {...}}`` wrapper of OVA files); a ``.json``/``.aif`` file that is
  not valid JSON is AIF too, so that the importer names the line and column
  of the JSON error.
* Argdown: text in a ``.argdown``/``.ad``/``.md`` file, or text of any other
  name with Argdown's marks (front matter, ``[title]:``, ``<argument>:``,
  relation lines, ``(1)`` premises, headings).
"""

from __future__ import annotations

import json
import os
import re

from ._common import InterchangeError

ARGDOWN_EXTENSIONS = (".argdown", ".ad", ".md")
AIF_EXTENSIONS = (".json", ".aif")
#: files larger than this are read only in part to decide
_HEAD = 1 << 16

_XML_DECL = re.compile(r"<\?xml[\s?]", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!DOCTYPE\s+([A-Za-z_][\w.:-]*)", re.IGNORECASE)
_XML_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)(?:\s+[\w.:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*/?>")
_XML_KINDS = {"arggraph": "XML (arggraph?)", "graphml": "GraphML", "svg": "SVG",
              "html": "HTML", "rss": "RSS", "feed": "an Atom feed"}
_ARGDOWN_MARKS = re.compile(
    r"^(?:===|\[[^\]\n]+\]:|<[^>\n]+>:|[ \t]*(?:<?[+-]|[+-]>|<_|_>|><)[ \t]+\S|"
    r"[ \t]*\(\d+\)[ \t]|[ \t]*-{2,}[ \t]*$|#{1,6}[ \t]+\S|\[[^\]\n]+\][ \t]*$)", re.MULTILINE)
_MAP_FILE = re.compile(r"^(?:#[^\n]*\n|\s*\n)*argmap\s*:\s*1\b")


def _decode(data: bytes, path: str) -> str:
    if b"\x00" in data[:_HEAD]:
        raise InterchangeError(f"{path}: looks like a binary file, not Argdown or AIF")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InterchangeError(f"{path} is not UTF-8 text: {exc}") from exc


def _xml_kind(head: str) -> str | None:
    """What the text is if it is XML ("XML (arggraph?)", "GraphML"...), else None."""
    pos = 0
    if _XML_DECL.match(head):
        end = head.find("?>")
        pos = end + 2 if end >= 0 else len(head)
        declared = True
    else:
        declared = False
    while True:  # comments and the document type before the root element
        rest = head[pos:].lstrip()
        pos = len(head) - len(rest)
        if rest.startswith("<!--"):
            end = head.find("-->", pos)
            if end < 0:
                break
            pos = end + 3
            continue
        if re.match(r"<!(?:ELEMENT|ATTLIST|ENTITY)\s", rest):
            return "an XML DTD (arggraph.dtd?)" if "arggraph" in head else "an XML DTD"
        m = _DOCTYPE.match(rest)
        if m:
            root = m.group(1).lower()
            return _XML_KINDS.get(root, "XML")
        break
    m = _XML_ROOT.match(head, pos)
    if m is None:
        return "XML" if declared else None
    root = m.group(1).lower()
    tail = head.rstrip()
    # <Argument title>: text is Argdown; XML's root element comes back at the end
    if declared or tail.endswith(f"</{m.group(1)}>") or (m.group().endswith("/>")
                                                          and tail == m.group()):
        return _XML_KINDS.get(root.split(":")[-1], "XML")
    return None


def _json_kind(text: str) -> tuple[str, object] | None:
    """("json", data) if the text is JSON, None if it is not."""
    try:
        return "json", json.loads(text)
    except (ValueError, RecursionError):
        return None


def import_format(path: str, text: str) -> str:
    """``"argdown"``, ``"aif"`` or ``"arggraph"`` for the file ``path`` with this content.

    Raises :class:`InterchangeError` naming what the file looks like when it
    is neither.
    """
    name = path or "<input>"
    ext = os.path.splitext(path)[1].lower()
    head = text[:_HEAD].lstrip("\ufeff \t\r\n")
    if "\x00" in head:
        raise InterchangeError(f"{name}: looks like a binary file, not Argdown or AIF")
    kind = _xml_kind(head) if head.startswith("<") else None
    if kind is None and re.match(r"<arggraph[\s>]", head) and \
            text.rstrip().endswith("</arggraph>"):
        kind = _XML_KINDS["arggraph"]  # longer than the part looked at
    if kind == _XML_KINDS["arggraph"]:
        return "arggraph"  # the importer refuses entity declarations and huge input
    if kind is not None:
        raise InterchangeError(f"{name}: looks like {kind}, not Argdown or AIF")
    if head[:1] in ("{", "["):
        parsed = _json_kind(text)
        if parsed is not None:
            data = parsed[1]
            inner = data.get("AIF") if isinstance(data, dict) else None
            if isinstance(data, dict) and any(
                    k in d for d in (data, inner if isinstance(inner, dict) else {})
                    for k in ("nodes", "edges")):
                return "aif"
            if isinstance(data, dict) and {"statements", "arguments"} <= data.keys():
                raise InterchangeError(f"{name}: looks like the JSON Argdown exports, not "
                                       "Argdown or AIF: import the .argdown file it was "
                                       "made from")
            if ext not in ARGDOWN_EXTENSIONS:
                what = "a JSON object without \"nodes\"" if isinstance(data, dict) else \
                    f"JSON ({type(data).__name__ if data is not None else 'null'})"
                what = what.replace("(list)", "(an array)").replace("(str)", "(a string)")
                raise InterchangeError(f"{name}: looks like {what}, not an AIF document "
                                       "(AIF has a \"nodes\" list) or Argdown")
    if ext in AIF_EXTENSIONS:
        return "aif"  # the importer says where the JSON goes wrong
    if ext in ARGDOWN_EXTENSIONS:
        return "argdown"
    if _MAP_FILE.match(head):
        raise InterchangeError(f"{name}: looks like an argmap map file: open it instead of "
                               "importing it")
    if _ARGDOWN_MARKS.search(head):
        return "argdown"
    if not head:
        raise InterchangeError(f"{name}: the file is empty")
    raise InterchangeError(f"{name}: not recognised as Argdown or AIF JSON (no Argdown "
                           "statements, arguments, relations or front matter); name it "
                           ".argdown to import it as Argdown")


def import_file_format(path: str) -> str:
    """:func:`import_format` of a file on disk (I/O problems as InterchangeError)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InterchangeError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return import_format(path, _decode(data, path))
