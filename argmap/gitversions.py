"""Versions of a map to compare: map files, git revisions, the commits of a file.

``argmap diff`` and ``argmap merge`` name their maps as files or as git revisions
written ``REV:PATH`` (:func:`read_text`, :func:`to_map`); the app lists the commits
of the open map's file (:func:`file_commits`) and reads one of them
(:func:`read_version`).  git is run as a program (``git show``, ``git log``), with a
time limit; nothing here needs Qt.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

#: seconds a git command may take
GIT_TIMEOUT = 20
#: how many commits of a file are listed at most
MAX_COMMITS = 500


class ReadError(Exception):
    """A map that cannot be compared; the message (or diagnostics) says why."""

    def __init__(self, message: str = "", diagnostics: list | None = None) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics or []


def _git(args: list[str], what: str, cwd: str | None = None) -> bytes:
    """The output of ``git ARGS`` (ReadError, naming ``what``, when it fails)."""
    import subprocess

    try:
        r = subprocess.run(["git", *args], capture_output=True, timeout=GIT_TIMEOUT,
                           check=False, cwd=cwd)
    except FileNotFoundError:
        raise ReadError(f"{what}: error: git is not installed (needed to read a revision)"
                        ) from None
    except subprocess.TimeoutExpired:
        raise ReadError(f"{what}: error: git {args[0]} took longer than {GIT_TIMEOUT} s"
                        ) from None
    except OSError as exc:
        raise ReadError(f"{what}: error: cannot run git: {exc}") from None
    if r.returncode != 0:
        why = r.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(f"{what}: error: git cannot read this revision"
                        + (f": {why[0]}" if why else ""))
    return r.stdout


def git_show(spec: str, cwd: str | None = None) -> bytes:
    """The content of ``REV:PATH`` as git has it (ReadError when it cannot be read)."""
    return _git(["show", spec], spec, cwd)


def read_text(spec: str) -> str | None:
    """The text ``spec`` names: a file or ``REV:PATH`` (None for ``/dev/null``)."""
    if spec == os.devnull:
        return None
    if os.path.exists(spec) or ":" not in spec:
        try:
            with open(spec, "rb") as fh:
                raw = fh.read()
        except OSError as exc:
            raise ReadError(f"{spec}: error: cannot read file: {exc.strerror or exc}"
                            ) from None
    else:
        raw = git_show(spec)
    return _decode(raw, spec)


def _decode(raw: bytes, file: str) -> str:
    from .diagnostics import MapError
    from .yamlread import decode

    try:
        return decode(raw, file)
    except MapError as exc:
        raise ReadError(diagnostics=exc.diagnostics) from None


def clean_data(text: str, file: str) -> Any:
    """The plain data of a map text that reads without error and fits the schema
    (None otherwise): what a comparison needs, without the positions of values."""
    from .diagnostics import MapError
    from .mapio import FAST_READER_FROM, MAX_CLAIMS, _too_big
    from .schema import fast_valid
    from .yamlread import check_size, read_yaml_with_errors

    try:
        check_size(text, file)
    except MapError:
        return None
    fast = None
    if len(text) >= FAST_READER_FROM:       # a big map written plainly: the fast reader
        from .yamlfast import read
        fast = read(text, file)
    errors: list = []
    if fast is not None:
        data = fast.data
    else:
        try:
            doc, errors = read_yaml_with_errors(text, file)
        except MapError:
            return None
        data = doc.data
    if errors or not isinstance(data, dict) or _too_big(data, text, file, MAX_CLAIMS) is not None:
        return None
    return data if fast_valid(data) else None


def to_map(text: str | None, file: str, data: Any = None) -> Any:
    """The map of ``text`` (empty for None), ``data`` its clean data when known;
    ReadError with positioned messages for a text that cannot be read as a map."""
    from .fileformat import from_data
    from .mapio import load_text
    from .model import ArgumentMap

    if text is None:
        return ArgumentMap()
    if data is None:
        data = clean_data(text, file)
    if data is not None:
        return from_data(data)
    loaded = load_text(text, file, resolve=False)     # for the messages
    if not loaded.read_completely:
        raise ReadError(diagnostics=[d for d in loaded.diagnostics if d.is_error])
    return loaded.map


def read_pair(old: str, new: str) -> tuple[Any, Any]:
    """The maps OLD and NEW name (one text read once when both are the same)."""
    old_text, new_text = read_text(old), read_text(new)
    old_map = to_map(old_text, old)
    return old_map, (to_map(new_text, new) if new_text != old_text else old_map.copy())


# -- the commits of a file ----------------------------------------------------------
@dataclass
class Commit:
    """One commit that changed a file, as ``git log`` lists it."""

    rev: str           # the full hash
    short: str         # the abbreviated hash
    date: str          # the author date, ISO 8601 (2024-05-31T12:00:00+02:00)
    author: str
    subject: str       # the first line of the message
    #: the file's path in that commit, from the top of the repository (it may have
    #: been renamed since)
    path: str


def repository_of(path: str) -> str | None:
    """The top folder of the git repository ``path`` lies in (None: none, or no git)."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return None
    try:
        out = _git(["rev-parse", "--show-toplevel"], path, folder)
    except ReadError:
        return None
    top = out.decode("utf-8", "replace").strip()
    return top or None


def file_commits(path: str, limit: int = MAX_COMMITS) -> list[Commit]:
    """The commits that changed the file ``path``, newest first, renames followed
    (ReadError when git cannot tell, [] for a file git does not track)."""
    folder = os.path.dirname(os.path.abspath(path))
    sep, end = "\x1f", "\x1e"
    out = _git(["-c", "core.quotePath=false", "log", "--follow", "--name-only",
                f"-n{limit}", f"--format={end}%H{sep}%h{sep}%aI{sep}%an{sep}%s", "--",
                os.path.basename(path)], path, folder)
    commits = []
    for record in out.decode("utf-8", "replace").split(end):
        lines = [line for line in record.split("\n") if line.strip()]
        if not lines:
            continue
        fields = lines[0].split(sep)
        if len(fields) != 5:
            continue
        where = lines[-1] if len(lines) > 1 else ""
        rev, short, date, author, subject = fields
        commits.append(Commit(rev, short, date, author, subject, where))
    return commits


def version_spec(path: str, commit: Commit | str) -> tuple[str, str | None]:
    """The ``REV:PATH`` that names ``path`` as it was in ``commit`` (a Commit, or a
    revision: then the path is the file's own), and the folder to run git in."""
    if isinstance(commit, Commit) and commit.path:
        top = repository_of(path)
        return f"{commit.rev}:{commit.path}", top
    rev = commit.rev if isinstance(commit, Commit) else commit
    return f"{rev}:./{os.path.basename(path)}", os.path.dirname(os.path.abspath(path))


def read_version(path: str, commit: Commit | str) -> Any:
    """The map ``path`` held in ``commit`` (ReadError when git cannot give it, or
    it cannot be read as a map)."""
    spec, cwd = version_spec(path, commit)
    raw = git_show(spec, cwd)
    label = f"{spec.split(':', 1)[0][:12]}:{os.path.basename(path)}"
    return to_map(_decode(raw, label), label)
