"""Helpers shared by the importers and exporters: ids, notes, results.

Pure Python, no Qt.  Ids follow the map format: ``[A-Za-z0-9][A-Za-z0-9_.-]*``
(ASCII), unique across claims and relations of one map.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..diagnostics import WARNING, Diagnostic
from ..fileformat import source_to_data
from ..model import SOURCE_FIELDS, ArgumentMap, Source

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
MAX_ID = 120
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                           "ß": "ss", "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "œ": "oe",
                           "Œ": "Oe", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class ImportResult:
    """What an importer made: the map and what it could not represent."""

    map: ArgumentMap
    warnings: list[Diagnostic] = field(default_factory=list)


def valid_id(text: str) -> bool:
    return len(text) <= MAX_ID and bool(ID_RE.fullmatch(text))


def slugify(text: str, max_len: int = 48, fallback: str = "claim") -> str:
    """ASCII slug: ``"Größere Aufrüstung!"`` -> ``"groessere-aufruestung"``."""
    s = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = _NON_SLUG.sub("-", s).strip("-")
    if len(s) > max_len:
        cut = s[:max_len + 1]
        s = cut[:cut.rfind("-")] if "-" in cut[:max_len] else s[:max_len]
        s = s.strip("-")
    return s or fallback


def words_slug(text: str, words: int = 6, max_len: int = 40, fallback: str = "claim") -> str:
    """A slug from the first few words of a text."""
    return slugify(" ".join(text.split()[:words]), max_len, fallback)


class IdAllocator:
    """Hands out unique ids; one namespace for the claims and relations of a map."""

    def __init__(self, used: Iterable[str] = ()) -> None:
        self.used: set[str] = set(used)
        #: the next number to try after each base (thousands of equal texts stay linear)
        self._next: dict[str, int] = {}

    def take(self, base: str) -> str:
        if not valid_id(base):
            base = slugify(base)
        base = base[:MAX_ID - 6]
        if base not in self.used:
            self.used.add(base)
            return base
        n = self._next.get(base, 2)
        while f"{base}-{n}" in self.used:
            n += 1
        self._next[base] = n + 1
        out = f"{base}-{n}"
        self.used.add(out)
        return out

    def for_title(self, title: str, fallback: str = "claim") -> str:
        """A title that is a valid id stays as it is; other titles become slugs."""
        if valid_id(title):
            return self.take(title)
        return self.take(slugify(title, fallback=fallback))

    def reserve(self, ident: str) -> None:
        self.used.add(ident)


def finite_pos(value: object) -> tuple[float, float] | None:
    """``[x, y]`` of two finite numbers as a position; None for anything else."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None
    out: list[float] = []
    for v in value:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return None
        try:
            f = float(v)
        except OverflowError:
            return None
        if not math.isfinite(f):
            return None
        out.append(f)
    return out[0], out[1]


def join_note(*parts: str) -> str:
    """Non-empty parts, one per line, without repeating a part."""
    seen: list[str] = []
    for p in parts:
        p = (p or "").strip()
        if p and p not in seen:
            seen.append(p)
    return "\n".join(seen)


def warn(message: str, file: str = "", line: int = 0, column: int = 0,
         subject: str = "") -> Diagnostic:
    return Diagnostic(WARNING, message, file, line, column, subject)


#: metadata larger or deeper than this is refused (YAML aliases can make a few
#: hundred bytes stand for billions of values)
MAX_DATA_ITEMS = 100_000
MAX_DATA_DEPTH = 64


class DataTooLarge(ValueError):
    """Metadata with more than MAX_DATA_ITEMS values or MAX_DATA_DEPTH levels."""


def plain(value: object) -> object:
    """YAML/JSON data as plain str/int/float/bool/list/dict (dates become text).

    Raises :class:`DataTooLarge` for data with more than ``MAX_DATA_ITEMS``
    values (counting every use of a YAML alias) or deeper than ``MAX_DATA_DEPTH``.
    """
    count = [0]

    def walk(v: object, depth: int) -> object:
        count[0] += 1
        if count[0] > MAX_DATA_ITEMS:
            raise DataTooLarge(f"more than {MAX_DATA_ITEMS:,} values")
        if depth > MAX_DATA_DEPTH:
            raise DataTooLarge(f"nested more than {MAX_DATA_DEPTH} levels deep")
        if isinstance(v, dict):
            return {str(k if isinstance(k, (str, int, float, bool)) or k is None
                        else walk(k, depth + 1)): walk(x, depth + 1) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [walk(x, depth + 1) for x in v]
        if v is None or isinstance(v, (str, int, float, bool)):
            return v
        if hasattr(v, "isoformat"):
            return v.isoformat()
        return str(v)

    return walk(value, 0)


def short(value: object, limit: int = 200) -> str:
    """A one-line rendering of metadata for notes and messages."""
    import json
    if isinstance(value, str):
        text = value
    else:
        text = json.dumps(plain(value), ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class InterchangeError(ValueError):
    """The input cannot be read at all (not JSON, not an AIF document...)."""


def sources_to_ext(amap: ArgumentMap) -> dict[str, dict[str, str]]:
    """The map's sources for an exporter's argmap header (as in the YAML file)."""
    return {sid: source_to_data(s) for sid, s in amap.sources.items()}


def sources_from_ext(amap: ArgumentMap, ext: dict) -> None:
    """Read the sources an exporter wrote into its argmap header (see sources_to_ext)."""
    sources = ext.get("sources")
    if isinstance(sources, dict):
        for sid, s in sources.items():
            s = s if isinstance(s, dict) else {}
            amap.sources[str(sid)] = Source(str(sid), **{
                k: str(s[k]) for k in SOURCE_FIELDS if k != "id" and s.get(k) is not None})
