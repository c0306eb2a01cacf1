"""Recovery files: unsaved edits kept safe until they are saved or dropped.

While a map has edits that are not saved, the app writes its whole content to a
recovery file in the user's data folder, a few seconds after the last edit.  A
clean save, a discard or a clean close removes it.  If the app is killed, the
next start finds the file and offers to restore the edits.

Each entry is two files named by a key made of the map's path (or a random key
for a map that has none yet): ``KEY.yaml`` (the content, canonical YAML) and
``KEY.json`` (what it belongs to: the map's path, the process that wrote it,
when, and a hash of the file on disk the edits were made against).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass

import yaml

from .fileformat import to_data
from .mapio import Loaded, load_text
from .model import ArgumentMap
from .atomicwrite import atomic_write

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def recovery_dir() -> str:
    """Where recovery files live: $ARGMAP_RECOVERY_DIR, else the XDG data folder."""
    if os.environ.get("ARGMAP_RECOVERY_DIR"):
        return os.environ["ARGMAP_RECOVERY_DIR"]
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                           "share")
    return os.path.join(base, "argmap", "recovery")


def text_hash(text: str | None) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest() if text is not None else ""


def key_for(path: str | None) -> str:
    """The entry name for a map file (stable), or a fresh one for an unnamed map."""
    if not path:
        return "unnamed-" + uuid.uuid4().hex[:12]
    real = os.path.realpath(path)
    stem = os.path.splitext(os.path.basename(real))[0][:40]
    return f"{stem}-{hashlib.sha256(real.encode('utf-8')).hexdigest()[:12]}"


@dataclass
class Entry:
    """One recovery entry as found on disk."""

    key: str
    folder: str
    path: str | None      # the map file the edits belong to (None: never saved)
    title: str
    pid: int
    written: float        # time.time() when written
    base_hash: str        # hash of the file's text the edits were made against

    @property
    def content_file(self) -> str:
        return os.path.join(self.folder, self.key + ".yaml")

    @property
    def alive(self) -> bool:
        """Is the process that wrote it still running (another window has it open)?"""
        if self.pid == os.getpid():
            return True
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def load(self) -> Loaded:
        """The recovered map, read as the map file it belongs to would be."""
        with open(self.content_file, encoding="utf-8") as fh:
            text = fh.read()
        folder = os.path.dirname(self.path) if self.path else None
        loaded = load_text(text, self.path or self.content_file, folder=folder or ".")
        if loaded.map is not None:
            loaded.map.path = self.path
        return loaded

    def remove(self) -> None:
        remove(self.key, self.folder)


def render(amap: ArgumentMap) -> str:
    """The map's content as canonical YAML (the C emitter: fast on big maps)."""
    return yaml.dump(to_data(amap), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=4096)


def write(key: str, amap: ArgumentMap, path: str | None, base_hash: str,
          folder: str | None = None) -> None:
    """Write (atomically) the entry for ``amap``; content first, then what it is."""
    folder = folder or recovery_dir()
    os.makedirs(folder, exist_ok=True)
    atomic_write(os.path.join(folder, key + ".yaml"), render(amap).encode("utf-8"))
    meta = {"path": os.path.abspath(path) if path else None, "title": amap.title,
            "pid": os.getpid(), "written": time.time(), "base_hash": base_hash}
    atomic_write(os.path.join(folder, key + ".json"),
                 json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))


def remove(key: str, folder: str | None = None) -> None:
    folder = folder or recovery_dir()
    for ext in (".json", ".yaml"):
        try:
            os.unlink(os.path.join(folder, key + ext))
        except FileNotFoundError:
            pass


def entries(folder: str | None = None) -> list[Entry]:
    """Every complete entry in the folder, newest first (broken ones are skipped)."""
    folder = folder or recovery_dir()
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        if not name.endswith(".json"):
            continue
        key = name[:-5]
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                meta = json.load(fh)
            if not os.path.exists(os.path.join(folder, key + ".yaml")):
                continue
            found.append(Entry(key, folder, meta.get("path"), str(meta.get("title") or ""),
                               int(meta.get("pid") or 0), float(meta.get("written") or 0),
                               str(meta.get("base_hash") or "")))
        except (OSError, ValueError, TypeError, AttributeError):
            continue
    return sorted(found, key=lambda e: -e.written)


def orphans(folder: str | None = None) -> list[Entry]:
    """Entries whose writer is gone: edits of a crashed or killed app."""
    return [e for e in entries(folder) if not e.alive]
