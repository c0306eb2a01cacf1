"""Writing a file all at once, or not at all, keeping what the old file had.

Saves, exports and ``argmap fmt`` write through :func:`atomic_write`: a new
text goes to a temporary file beside the old one and replaces it in one
rename; a killed save leaves the old file as it was (and a temporary file that
the next save removes).  Pure Python, no YAML library.
"""

from __future__ import annotations

import os
import tempfile
import time


#: a temporary file of a save older than this was left by a save that was killed
STALE_TMP_SECONDS = 120


def remove_stale_temps(path: str) -> list[str]:
    """Remove what killed saves of ``path`` left behind (``.~NAME.*.tmp``)."""
    folder = os.path.dirname(os.path.abspath(path))
    prefix = ".~" + os.path.basename(path) + "."
    gone: list[str] = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return gone
    now = time.time()
    for name in names:
        full = os.path.join(folder, name)
        try:
            if now - os.lstat(full).st_mtime > STALE_TMP_SECONDS:
                os.unlink(full)
                gone.append(full)
        except OSError:
            pass
    return gone


class ReadOnlyFile(PermissionError):
    """The file is marked read-only; it is not written over."""


class LinkedWriteError(OSError):
    """Writing into a file with several names failed midway; the new text is kept."""


def _copy_into(path: str, data: bytes) -> None:
    with open(path, "r+b") as fh:
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _into_linked(path: str, tmp: str, data: bytes) -> None:
    """Write ``data`` into the file itself, so that every hard link sees it.

    A rename would give ``path`` a new file and leave the other names with the
    old text.  The complete new text is already safe in ``tmp``; it is removed
    only once the copy is through, and named in the error when it is not."""
    try:
        _copy_into(path, data)
    except OSError as exc:
        raise LinkedWriteError(
            f"{path} has other hard links, so the new text is written into the file "
            f"itself, and that failed ({exc.strerror or exc}); the file may be cut short: "
            f"the complete new text is in {tmp}") from exc
    os.unlink(tmp)


def atomic_write(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, or not at all.

    A symbolic link is written through (its target gets the new text, the link
    stays); a file marked read-only is refused; mode, owner and group are kept
    where the system lets us.  A file with other hard links is written in place
    after the new text is safe in a temporary file (see :func:`_into_linked`)."""
    path = os.path.realpath(path)
    try:
        old = os.stat(path)
    except FileNotFoundError:
        old = None
    if old is not None and not old.st_mode & 0o222:
        raise ReadOnlyFile(f"{path} is read-only; not writing over it (make it writable, "
                           "or save under another name)")
    folder = os.path.dirname(path)
    remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=".~" + os.path.basename(path) + ".", suffix=".tmp",
                               dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if old is not None and old.st_nlink > 1:
            _into_linked(path, tmp, data)
            return
        os.chmod(tmp, old.st_mode & 0o7777 if old is not None else 0o644)
        if old is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, old.st_uid, old.st_gid)
            except OSError:
                pass        # not ours to give away: the new file is the saver's
        os.replace(tmp, path)
    except LinkedWriteError:
        raise
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass
