"""Reading map files: text -> checked data -> model, with positioned problems.

PyYAML's C parser gives the data with a position for every value in one
pass (:mod:`argmap.yamlread`); a compiled schema check passes clean files,
and the readable schema messages are made only when it fails.  Bad input
never raises: it yields diagnostics and, where possible, a partial map the
app can still show.  What one file may hold is bounded (see docs/format.md,
"Limits"), so checking any file takes about a second.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .diagnostics import ERROR, WARNING, Diagnostic, MapError, sort_key
from .fileformat import from_data, read_relations
from .model import ArgumentMap
from .paths import inside
from .quotes import header_folder
from .schema import fast_valid, validate_schema
from .validate import check_data
from .yamlread import (
    CAREFUL_MAX_ITEMS, MAX_BYTES, MAX_ITEMS, Document, check_size, count_items, decode,
    read_yaml_with_errors,
)

#: subject of an error about a file the map names but that is not read (a folder outside
#: its tree): the map itself was read completely, and saving it in place loses nothing
NOT_READ = "not-read"

def left_unread(diagnostics: list[Diagnostic]) -> bool:
    """True when one of these errors left part of the map's file unread (an unresolved
    merge conflict does not: the map holds one side, the entry the other)."""
    errors = [d for d in diagnostics if d.is_error and d.subject != NOT_READ]
    if not errors:
        return False
    from .merge_conflicts import is_conflict
    return not all(is_conflict(d) for d in errors)


#: Claims a map may have to be drawn, exported, evaluated or edited (and twice as
#: many relations); a bigger one is refused right after parsing.
MAX_CLAIMS = 10_000
MAX_RELATIONS = 2 * MAX_CLAIMS
#: Claims ``argmap check`` checks (and twice as many relations): about two seconds.
CHECK_MAX_CLAIMS = 100_000
#: The most text a map may have to be drawn, evaluated and edited: twice what 10,000
#: claims of the usual length take (``argmap check`` reads up to 32 MiB)
MAX_DRAWN_BYTES = 8 * 1024 * 1024
#: From this size on a file's claims and relations are read by the fast reader
#: (argmap.yamlfast) when they are written plainly; a smaller file is read by the
#: careful reader alone, sooner than the fast one is even loaded
FAST_READER_FROM = 128 * 1024
#: Keys and list items a file may have per claim it may have, counted before parsing
#: (a claim with its relations and fields has a dozen or two): a file of 40 times
#: as many is refused before it is read
ITEMS_PER_CLAIM = 40
#: Problems listed per file; the rest are counted in a last line.
MAX_REPORTED = 1_000


@dataclass
class Loaded:
    """What reading a map file gave: the map (None if unreadable) and problems.

    At most :data:`MAX_REPORTED` problems are listed, the last of them saying
    how many more there are (``more_errors``, ``more_warnings``).
    """

    map: ArgumentMap | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str | None = None
    more_errors: int = 0
    more_warnings: int = 0
    #: ``where(path, key)``: the line and column of a part of the text read
    where: Callable[[tuple, bool], tuple[int, int]] | None = None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def read_completely(self) -> bool:
        """True when no error left part of the file unread (saving over it is safe)."""
        return self.map is not None and not left_unread(self.diagnostics)

    @property
    def error_count(self) -> int:
        """Errors found, listed or not (the line that counts the rest not counted)."""
        listed = sum(1 for d in self.diagnostics if d.is_error)
        return listed + self.more_errors - (1 if self.more_errors else 0)

    @property
    def warning_count(self) -> int:
        """Warnings found, listed or not (the line that counts the rest not counted)."""
        listed = sum(1 for d in self.diagnostics if not d.is_error)
        return listed + self.more_warnings - (1 if self.more_warnings and not self.more_errors
                                              else 0)

    @property
    def ok(self) -> bool:
        return self.map is not None and not self.errors


class _LazyWhere:
    """Positions in a text read before, computed on first use."""

    def __init__(self, text: str, file: str) -> None:
        self.text, self.file = text, file
        self._doc: Document | None = None

    def __call__(self, path: tuple, key: bool = False) -> tuple[int, int]:
        if self._doc is None:
            try:
                self._doc, _ = read_yaml_with_errors(self.text, self.file)
            except MapError:  # cannot happen for text the fast reader took
                return (0, 0)
        return self._doc.where(path, key)


def load_text(text: str, file: str = "", *, folder: str | None = None,
              resolve: bool = True, sources: str | None = None,
              max_claims: int = MAX_CLAIMS) -> Loaded:
    """Read a map from text.  ``folder`` is where referenced maps are found;
    ``sources`` is the sources folder the user chose (a header may name it);
    a map of more than ``max_claims`` claims (or twice as many relations) is
    refused."""
    # a big map is a million small objects, none of them in a cycle: the cyclic
    # collector would walk them all again and again while they are made
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_text(text, file, folder, resolve, sources, max_claims)
    finally:
        if collecting:
            gc.enable()


def _load_text(text: str, file: str, folder: str | None, resolve: bool, sources: str | None,
               max_claims: int) -> Loaded:
    diags: list[Diagnostic] = []
    try:
        check_size(text, file, min(MAX_ITEMS, ITEMS_PER_CLAIM * max_claims),
                   MAX_DRAWN_BYTES if max_claims <= MAX_CLAIMS else MAX_BYTES)
    except MapError as exc:
        return Loaded(None, exc.diagnostics, text)
    # a clean file in the usual shape: its big sections read line by line, the
    # positions of their deeper values only when a problem needs one
    fast = None
    if len(text) >= FAST_READER_FROM:
        from .yamlfast import read as read_sections
        fast = read_sections(text, file)
    if fast is not None and (too_big := _too_big(fast.data, text, file, max_claims)) is not None:
        return Loaded(None, [too_big], text)
    if fast is not None and fast_valid(fast.data):
        data: Any = fast.data
        where: Callable[[tuple, bool], tuple[int, int]] = fast.where
    elif fast is not None and count_items(text) > CAREFUL_MAX_ITEMS:
        # too big for the careful reader: the problems of the entries that have them
        data, where = fast.data, fast.where
        diags += validate_schema(fast)
    else:
        try:
            doc, errors = read_yaml_with_errors(text, file)
        except MapError as exc:
            return Loaded(None, exc.diagnostics, text)
        data, where = doc.data, doc.where
        diags += errors
        if isinstance(data, dict) and _too_big(data, text, file, max_claims) is None \
                and not fast_valid(data):     # the compiled check; messages only when needed
            diags += validate_schema(doc)
    if not isinstance(data, dict):
        diags.append(Diagnostic(ERROR, "a map file must be a YAML mapping that starts with "
                                "'argmap: 1'", file, 1, 1))
        return Loaded(None, sorted(set(diags), key=sort_key), text)
    too_big = _too_big(data, text, file, max_claims)
    if too_big is not None:
        return Loaded(None, [too_big], text)
    relations = read_relations(data)
    diags += check_data(data, file, where, relations)
    amap = from_data(data, relations)
    amap.path = file or None
    refused = header_folder(amap, file or None, sources)[1]
    if refused:
        line, col = where(("source_folder",), False)
        diags.append(Diagnostic(ERROR, refused, file, line, col, subject=NOT_READ))
    if resolve:
        diags += resolve_refs(amap, folder if folder is not None
                              else os.path.dirname(file) or ".", file, where)
    return _capped(Loaded(amap, sorted(dict.fromkeys(diags), key=sort_key), text,
                          where=where))


def _too_big(data: dict, text: str, file: str,
             max_claims: int = MAX_CLAIMS) -> Diagnostic | None:
    """An error for a map with more claims or relations than may be read here."""
    for name, limit in (("claims", max_claims), ("relations", 2 * max_claims)):
        part = data.get(name)
        if isinstance(part, (dict, list)) and len(part) > limit:
            m = re.search(rf"^{name}\s*:", text, re.MULTILINE)
            line = text.count("\n", 0, m.start()) + 1 if m else 1
            what, more = "argmap check checks", ""
            if max_claims < CHECK_MAX_CLAIMS:
                most = CHECK_MAX_CLAIMS * limit // max_claims
                what, more = "that are drawn, evaluated and edited", \
                    f"; argmap check checks up to {most:,}"
            return Diagnostic(ERROR, f"the map has {len(part):,} {name}, more than the "
                              f"{limit:,} {what}; refusing to read it (split it into several "
                              f"maps that refer to each other{more})", file, line, 1)
    return None


def _capped(loaded: Loaded) -> Loaded:
    """At most MAX_REPORTED problems, and a last one that counts the rest."""
    if len(loaded.diagnostics) <= MAX_REPORTED:
        return loaded
    shown, rest = loaded.diagnostics[:MAX_REPORTED], loaded.diagnostics[MAX_REPORTED:]
    errors = sum(1 for d in rest if d.is_error)
    warnings = len(rest) - errors
    parts = [f"{n:,} {what}" for n, what in ((errors, "error(s)"), (warnings, "warning(s)")) if n]
    file = loaded.diagnostics[0].file
    shown.append(Diagnostic(ERROR if errors else WARNING,
                            f"and {len(rest):,} more problems not listed: {', '.join(parts)}",
                            file))
    loaded.diagnostics = shown
    loaded.more_errors, loaded.more_warnings = errors, warnings
    return loaded


def load_file(path: str, *, resolve: bool = True, sources: str | None = None,
              max_claims: int = MAX_CLAIMS) -> Loaded:
    """Read a map file; problems (including I/O errors) come back as diagnostics."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return Loaded(None, [Diagnostic(ERROR, f"cannot read file: {exc.strerror or exc}", path)])
    try:
        text = decode(raw, path)
    except MapError as exc:
        return Loaded(None, exc.diagnostics)
    return load_text(text, path, folder=os.path.dirname(path) or ".", resolve=resolve,
                     sources=sources, max_claims=max_claims)


@lru_cache(maxsize=32)
def _referenced(path: str, mtime: float) -> ArgumentMap | None:
    loaded = load_file(path, resolve=False)
    return loaded.map


def resolve_refs(amap: ArgumentMap, folder: str, file: str,
                 where: Callable[[tuple, bool], tuple[int, int]]) -> list[Diagnostic]:
    """Fill ``claim.resolved`` for claims that stand for another map's claim."""
    out: list[Diagnostic] = []
    for claim in amap.claims.values():
        if not claim.ref:
            continue
        claim.resolved = None
        fname, _, cid = claim.ref.partition("#")
        path = os.path.join(folder, fname)
        line, col = where(("claims", claim.id, "ref"), False)

        def fail(msg: str, who: str = claim.id, line: int = line, col: int = col) -> None:
            out.append(Diagnostic(ERROR, f"claim '{who}': {msg}", file, line, col, who))

        if file and os.path.abspath(path) == os.path.abspath(file):
            fail(f"refers to its own map ('{claim.ref}'); use the claim id directly")
            continue
        if inside(folder, fname) is None:
            fail(f"reference '{claim.ref}' leads outside the map's folder; it is not read")
            continue
        try:
            other = _referenced(os.path.abspath(path), os.path.getmtime(path))
        except OSError:
            fail(f"referenced map '{fname}' not found in {folder}")
            continue
        if other is None:
            fail(f"referenced map '{fname}' cannot be read (run 'argmap check {path}')")
            continue
        target = other.claims.get(cid)
        if target is None:
            fail(f"referenced map '{fname}' has no claim '{cid}'")
        elif target.ref:
            fail(f"'{claim.ref}' is itself a reference; refer to the original claim")
        else:
            claim.resolved = target.clone()
            if target.source in other.sources:
                # carry the source along so tooltips and quote checks can show it
                claim.resolved.source = f"{fname}#{target.source}"
                amap.external_sources[claim.resolved.source] = other.sources[target.source]
    return out
