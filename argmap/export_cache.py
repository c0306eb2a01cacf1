"""Finished exports kept by what they were made from, so that exporting an
unchanged map again costs reading it, not laying it out and drawing it.

The key is a digest of everything the picture depends on: the map file's
bytes; when the map refers to claims of other maps (``ref:``), the bytes of
every map file in its folder; the export's options; and argmap itself (its
version and the size and modification time of each of its code and resource
files, so that a changed argmap never serves an old picture).  Graphviz's
answers are cached apart (argmap.layout); a layout that fell back to the
layered placement, or a map with errors, is not kept, so a later run can do
better.  The cache holds at most :data:`MAX_ENTRIES` exports and
:data:`MAX_BYTES` in all; the oldest go first.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache

from . import __version__

MAX_ENTRIES = 64
MAX_BYTES = 256 * 1024 * 1024
#: a map file bigger than this is not worth keying (the map's own limit is 32 MiB)
MAX_INPUT = 32 * 1024 * 1024


def cache_dir() -> str:
    """$ARGMAP_EXPORT_CACHE_DIR, else ``exports`` beside the layout cache."""
    if os.environ.get("ARGMAP_EXPORT_CACHE_DIR"):
        return os.environ["ARGMAP_EXPORT_CACHE_DIR"]
    from .layout import cache_dir as layouts
    return os.path.join(os.path.dirname(layouts()), "exports")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """argmap's version and the size and time of each of its files."""
    root = os.path.dirname(os.path.abspath(__file__))
    h = hashlib.sha256(__version__.encode())
    for folder, dirs, files in sorted(os.walk(root)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".tmp")):
                continue
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            rel = os.path.relpath(os.path.join(folder, name), root)
            h.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def export_key(path: str, fmt: str, options: dict) -> str | None:
    """The key of exporting the map at ``path`` as ``fmt`` with ``options`` (plain
    JSON values), or None when the inputs cannot be read."""
    h = hashlib.sha256()
    h.update(json.dumps([code_fingerprint(), fmt, options], sort_keys=True,
                        default=str).encode())
    try:
        if os.path.getsize(path) > MAX_INPUT:
            return None
        with open(path, "rb") as fh:
            text = fh.read()
    except OSError:
        return None
    h.update(b"\0map\0" + text)
    if b"ref" in text:          # claims of other maps: any map file beside it may matter
        folder = os.path.dirname(os.path.abspath(path))
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith((".yaml", ".yml")))
        except OSError:
            return None
        for name in names:
            other = os.path.join(folder, name)
            try:
                if os.path.getsize(other) > MAX_INPUT:
                    return None
                with open(other, "rb") as fh:
                    h.update(f"\0{name}\0".encode() + fh.read())
            except OSError:
                h.update(f"\0{name}\0unreadable".encode())
    return h.hexdigest()


def _entry(key: str) -> str:
    return os.path.join(cache_dir(), key[:2], key)


def get(key: str) -> bytes | None:
    """The export kept under ``key``, or None."""
    path = _entry(key)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        os.utime(path)                     # recently used: evicted last
    except OSError:
        return None
    return data


def put(key: str, data: bytes) -> None:
    """Keep ``data`` under ``key`` (quietly nothing when the cache cannot be written)."""
    if len(data) > MAX_BYTES // 4:
        return
    path = _entry(key)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        return
    _evict()


def _evict() -> None:
    entries = []
    for folder, _dirs, files in os.walk(cache_dir()):
        for name in files:
            p = os.path.join(folder, name)
            try:
                st = os.stat(p)
            except OSError:
                continue
            entries.append((st.st_mtime, st.st_size, p))
    entries.sort(reverse=True)             # newest first
    total = 0
    for k, (_mtime, size, p) in enumerate(entries):
        total += size
        if k >= MAX_ENTRIES or total > MAX_BYTES:
            try:
                os.remove(p)
            except OSError:
                pass
