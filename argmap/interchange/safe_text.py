"""Texts an import puts into a map, made safe to save and read back.

Pure Python, no Qt.  Other tools' files carry carriage returns and control
characters that nobody typed and that YAML holds badly (a literal block turns
a bare CR into a line end, a raw C0 control is not allowed at all).
:func:`clean_text` normalises one text (CR and CRLF to LF, the C0 controls
but tab and LF removed), :func:`clean_map` every text of an imported map.
Texts our own exports carry verbatim (the ``argmap`` extension of AIF) are
left exactly as they were, as they come from a map.

:func:`check_readable` reads the text about to be written back and raises
:class:`InterchangeError` when it would not give the same map, so that no
file is replaced by one argmap cannot open.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from ..model import ArgumentMap
from ._common import InterchangeError, warn

#: CR and CRLF become LF
_LINE_ENDS = re.compile("\r\n?")
#: the C0 controls but tab and LF, and DEL: removed
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def clean_text(text: str, one_line: bool = False) -> str:
    """``text`` with LF line ends and without control characters (tab and LF stay).

    ``one_line``: line ends and tabs become spaces too (speaker, ids, tags...).
    """
    if _LINE_ENDS.search(text):
        text = _LINE_ENDS.sub("\n", text)
    if _UNSAFE.search(text):
        text = _UNSAFE.sub("", text)
    if one_line and ("\n" in text or "\t" in text):
        text = " ".join(text.split())
    return text


def needs_cleaning(text: str) -> bool:
    """Whether :func:`clean_text` would change ``text``."""
    return bool(_LINE_ENDS.search(text) or _UNSAFE.search(text))


_MULTI_LINE_CLAIM = ("text", "en", "quote", "note")
_ONE_LINE_CLAIM = ("speaker", "source", "ref")


def clean_map(amap: ArgumentMap, file: str = "") -> list[Diagnostic]:
    """Normalise every text of ``amap`` in place; one warning per changed place."""
    out: list[Diagnostic] = []
    if not needs_cleaning("\n".join(_texts(amap))):
        return out

    def fix(value: str, what: str, subject: str = "", one_line: bool = False) -> str:
        new = clean_text(value, one_line)
        if new != value:
            out.append(warn(f"{what}: line ends made LF, control characters removed",
                            file, subject=subject))
        return new

    amap.title = fix(amap.title, "map title")
    amap.description = fix(amap.description, "map description")
    amap.lang = fix(amap.lang, "map language", one_line=True)
    amap.source_folder = fix(amap.source_folder, "source folder", one_line=True)
    amap.display.tag_colors = {
        fix(k, f"tag colour of '{k}'", one_line=True): fix(v, f"tag colour of '{k}'",
                                                           one_line=True)
        for k, v in amap.display.tag_colors.items()}
    for sid, source in amap.sources.items():
        for name, value in vars(source).items():
            if isinstance(value, str) and name != "id":
                setattr(source, name, fix(value, f"source '{sid}', {name}", sid,
                                          one_line=name != "note"))
    for cid, claim in amap.claims.items():
        for name in _MULTI_LINE_CLAIM:
            setattr(claim, name, fix(getattr(claim, name), f"claim '{cid}', {name}", cid))
        for name in _ONE_LINE_CLAIM:
            setattr(claim, name, fix(getattr(claim, name), f"claim '{cid}', {name}", cid,
                                     one_line=True))
        tags = [fix(t, f"claim '{cid}', tag", cid, one_line=True) for t in claim.tags]
        claim.tags = [t for t in dict.fromkeys(tags) if t]
    for rel in amap.relations:
        rel.note = fix(rel.note, f"relation '{rel.key}', note", rel.key)
    return out


def _texts(amap: ArgumentMap) -> list[str]:
    texts = [amap.title, amap.description, amap.lang, amap.source_folder]
    texts += [t for kv in amap.display.tag_colors.items() for t in kv]
    texts += [v for s in amap.sources.values() for v in vars(s).values() if isinstance(v, str)]
    for c in amap.claims.values():
        texts += [c.text, c.en, c.quote, c.note, c.speaker, c.source, c.ref, *c.tags]
    texts += [r.note for r in amap.relations]
    return texts


def check_readable(text: str, amap: ArgumentMap, file: str = "") -> None:
    """Raise :class:`InterchangeError` unless ``text`` reads back as ``amap``.

    ``text`` is what is about to be written for the imported map (for example
    ``savefile.render(amap)``); call this before any file is replaced.
    """
    from ..mapio import load_text

    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InterchangeError(f"the map made from the import cannot be written as UTF-8 "
                               f"({exc.reason} at character {exc.start}); nothing written") \
            from exc
    loaded = load_text(text, file, resolve=False)
    errors = loaded.errors
    if errors or loaded.map is None:
        first = "; ".join(str(d) for d in errors[:3]) or "it is not a map"
        raise InterchangeError(f"the map made from the import would not read back "
                               f"({first}); nothing written")
    mine, theirs = amap.snapshot(), loaded.map.snapshot()
    for key in mine:
        if mine[key] != theirs[key]:
            raise InterchangeError(f"the map made from the import would not read back the "
                                   f"same ({key} differ); nothing written")
