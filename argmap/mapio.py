"""Reading map files: text -> checked data -> model, with positioned problems.

The fast path (a Rust YAML parser and a compiled schema check) serves clean
files; positions are worked out with PyYAML only when there is something to
report.  Bad input never raises: it yields diagnostics and, where possible,
a partial map the app can still show.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from .diagnostics import ERROR, Diagnostic, MapError, sort_key
from .fileformat import from_data
from .model import ArgumentMap
from .paths import inside
from .schema import fast_valid, validate_schema
from .validate import check_data
from .yamlread import Document, decode, read_fast, read_yaml_with_errors


@dataclass
class Loaded:
    """What reading a map file gave: the map (None if unreadable) and problems."""

    map: ArgumentMap | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str | None = None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def ok(self) -> bool:
        return self.map is not None and not self.errors


class _LazyWhere:
    """Positions computed on first use, by the careful YAML reader."""

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
              resolve: bool = True) -> Loaded:
    """Read a map from text.  ``folder`` is where referenced maps are found."""
    diags: list[Diagnostic] = []
    data: Any = read_fast(text)
    where: Callable[[tuple, bool], tuple[int, int]]
    if data is not None:
        where = _LazyWhere(text, file)
        if isinstance(data, dict) and not fast_valid(data):
            doc = Document(data, file)
            doc.where = where  # type: ignore[method-assign]
            diags += validate_schema(doc)
    else:
        try:
            doc, errors = read_yaml_with_errors(text, file)
        except MapError as exc:
            return Loaded(None, exc.diagnostics, text)
        data, where = doc.data, doc.where
        diags += errors
        if isinstance(data, dict):
            diags += validate_schema(doc)
    if not isinstance(data, dict):
        diags.append(Diagnostic(ERROR, "a map file must be a YAML mapping that starts with "
                                "'argmap: 1'", file, 1, 1))
        return Loaded(None, sorted(set(diags), key=sort_key), text)
    diags += check_data(data, file, where)
    amap = from_data(data)
    amap.path = file or None
    if resolve:
        diags += resolve_refs(amap, folder if folder is not None
                              else os.path.dirname(file) or ".", file, where)
    return Loaded(amap, sorted(dict.fromkeys(diags), key=sort_key), text)


def load_file(path: str, *, resolve: bool = True) -> Loaded:
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
    return load_text(text, path, folder=os.path.dirname(path) or ".", resolve=resolve)


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

        def fail(msg: str) -> None:
            out.append(Diagnostic(ERROR, f"claim '{claim.id}': {msg}", file, line, col, claim.id))

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
