"""Finding a claim's verbatim quote in the text of its source article.

Both sides are normalised the same way before comparing: Unicode NFC, soft
hyphens and zero-width characters dropped, typographic quote marks made
plain, every run of white space one space.  Case and wording must match.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from typing import Iterable

from .diagnostics import ERROR, Diagnostic
from .model import ArgumentMap
from .paths import inside

_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_QUOTES = str.maketrans({
    "\u201e": '"', "\u201c": '"', "\u201d": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u201a": "'", "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2039": "'",
    "\u203a": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_DROP).translate(_QUOTES)
    return " ".join(text.split())


@lru_cache(maxsize=64)
def _article(path: str, mtime: float) -> str:
    with open(path, encoding="utf-8") as fh:
        return normalise(fh.read())


def article_text(sources_dir: str, file_name: str) -> str | None:
    """The normalised text of an article, or None when it is not there."""
    path = inside(sources_dir, file_name)     # nothing outside the sources folder
    if path is None:
        return None
    try:
        return _article(path, os.path.getmtime(path))
    except (OSError, UnicodeDecodeError):
        return None


#: Folders the user names as article folders for every map (os.pathsep between them),
#: like ``--sources``: a map may name them in ``source_folder`` wherever they are.
SOURCES_ENV = "ARGMAP_SOURCES"


def chosen_folders(chosen: str | Iterable[str] | None = None) -> list[str]:
    """The real paths of the folders the user chose: ``chosen`` and $ARGMAP_SOURCES."""
    given = [chosen] if isinstance(chosen, str) else list(chosen or ())
    given += [f for f in os.environ.get(SOURCES_ENV, "").split(os.pathsep) if f]
    return [os.path.realpath(os.path.expanduser(f)) for f in given]


def _within(folder: str, root: str) -> bool:
    real, top = os.path.realpath(folder), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def header_folder(amap: ArgumentMap, path: str | None = None,
                  chosen: str | Iterable[str] | None = None) -> tuple[str | None, str]:
    """The folder the header's ``source_folder`` names, and why it is not used.

    Returns ``(folder, "")`` for a usable folder, ``(None, reason)`` for one that
    is refused and ``(None, "")`` when there is none or it does not exist.  A
    relative folder is taken from the map file's folder (``path`` or the map's
    own path).  A folder outside the map file's folder tree — absolute
    (``/dir``, ``~/dir``), or relative and climbing out with ``..`` or through a
    symbolic link — is refused unless it is one the user chose (``chosen``:
    ``--sources``, the app's setting; or $ARGMAP_SOURCES): a map from elsewhere
    must not make us read the reader's files.  The reason does not depend on
    whether the folder exists, and there is none when ``chosen`` is given (that
    folder is read instead).
    """
    named = amap.source_folder
    if not named:
        return None, ""
    base = path or amap.path
    absolute = os.path.isabs(named) or named.startswith("~")
    if absolute:
        folder = os.path.normpath(os.path.expanduser(named))
    elif not base:
        return None, ""
    else:
        home = os.path.dirname(os.path.abspath(base))
        folder = os.path.normpath(os.path.join(home, named))
        if _within(folder, home):
            return (folder, "") if os.path.isdir(folder) else (None, "")
    if os.path.realpath(folder) not in chosen_folders(chosen):
        if chosen:            # the user gave the folder to read: the header's is not needed
            return None, ""
        what = "is an absolute folder" if absolute else "lies outside the map's folder"
        return None, (f"source_folder '{named}' {what}; it is not read unless it is "
                      "chosen as the sources folder (--sources DIR or $ARGMAP_SOURCES; in "
                      "the app: File → Sources Folder…)")
    return (folder, "") if os.path.isdir(folder) else (None, "")


def map_sources_dir(amap: ArgumentMap, path: str | None = None,
                    chosen: str | Iterable[str] | None = None) -> str | None:
    """The folder the map's header names (``source_folder``), if it exists and may
    be read (see :func:`header_folder`)."""
    return header_folder(amap, path, chosen)[0]


def source_folders(amap: ArgumentMap, given: str | None = None) -> list[str]:
    """Where to look for the map's articles, in order: ``given``, the header's folder."""
    out = [os.path.normpath(given)] if given and os.path.isdir(given) else []
    header = map_sources_dir(amap, chosen=given)
    if header and header not in out:
        out.append(header)
    return out


def quote_found(quote: str, text: str) -> bool:
    q = normalise(quote)
    return bool(q) and q in text


def check_quotes(amap: ArgumentMap, sources_dir: str, file: str,
                 where=lambda path, key=False: (0, 0)) -> list[Diagnostic]:
    """Errors for quotes not found in their source and for missing articles."""
    out: list[Diagnostic] = []
    missing_reported: set[str] = set()
    for claim in amap.claims.values():
        if claim.ref or not claim.quote or not claim.source:
            continue
        src = amap.sources.get(claim.source)
        if src is None or not src.file:
            continue
        text = article_text(sources_dir, src.file)
        if text is None:
            if src.id not in missing_reported:
                missing_reported.add(src.id)
                line, col = where(("sources", src.id, "file"), False)
                if inside(sources_dir, src.file) is None:   # whether it exists or not
                    msg = (f"source '{src.id}': article file '{src.file}' lies outside the "
                           "sources folder; it is not read")
                else:
                    msg = f"source '{src.id}': article file '{src.file}' not found in {sources_dir}"
                out.append(Diagnostic(ERROR, msg, file, line, col))
            continue
        if not quote_found(claim.quote, text):
            line, col = where(("claims", claim.id, "quote"), False)
            out.append(Diagnostic(ERROR, f"claim '{claim.id}': quote not found in source "
                                  f"'{src.id}' ({src.file})", file, line, col, claim.id))
    return out
