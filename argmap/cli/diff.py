"""``argmap diff OLD NEW``: what changed between two versions of a map, claim by claim.

OLD and NEW are map files or git revisions (``HEAD~1:maps/x.yaml``); ``/dev/null``
stands for an empty map (git passes it for a file added or deleted).
Exit status as diff's: 0 equal, 1 different, 2 on error.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, print_diagnostics

NAME = "diff"
HELP = "claim-level differences between two versions of a map"

#: seconds `git show` may take
GIT_TIMEOUT = 20

GREEN, RED, YELLOW, BOLD, RESET = "\033[32m", "\033[31m", "\033[33m", "\033[1m", "\033[0m"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``diff`` on an argparse subparsers object."""
    p = subparsers.add_parser(
        NAME, help=HELP,
        description="Show what changed between two versions of a map: header, sources, claims "
        "(added, removed, changed field by field, moved, renamed) and relations (added, "
        "removed, retyped, reversed, premises changed). OLD and NEW are files or git "
        "revisions written REV:PATH (e.g. HEAD~1:maps/x.yaml). Exit status: 0 equal, "
        "1 different, 2 on error.")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the text output (auto: when standard output is a terminal)")
    p.add_argument("-L", "--label", action="append", default=[], metavar="LABEL",
                   help="the name shown for OLD (given once) and NEW (given twice) instead of "
                   "the path, as git passes temporary files")
    p.set_defaults(func=cmd_diff)
    return p


class ReadError(Exception):
    """A map that cannot be compared; the message (or diagnostics) says why."""

    def __init__(self, message: str = "", diagnostics: list | None = None) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics or []


def git_show(spec: str) -> bytes:
    """The content of ``REV:PATH`` as git has it (ReadError when it cannot be read)."""
    import subprocess

    try:
        r = subprocess.run(["git", "show", spec], capture_output=True, timeout=GIT_TIMEOUT,
                           check=False)
    except FileNotFoundError:
        raise ReadError(f"{spec}: error: git is not installed (needed to read a revision)"
                        ) from None
    except subprocess.TimeoutExpired:
        raise ReadError(f"{spec}: error: git show took longer than {GIT_TIMEOUT} s"
                        ) from None
    except OSError as exc:
        raise ReadError(f"{spec}: error: cannot run git: {exc}") from None
    if r.returncode != 0:
        why = r.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(f"{spec}: error: git cannot read this revision"
                        + (f": {why[0]}" if why else ""))
    return r.stdout


def read_text(spec: str) -> str | None:
    """The text ``spec`` names: a file or ``REV:PATH`` (None for ``/dev/null``)."""
    from ..diagnostics import MapError
    from ..yamlread import decode

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
    try:
        return decode(raw, spec)
    except MapError as exc:
        raise ReadError(diagnostics=exc.diagnostics) from None


def clean_data(text: str, file: str) -> Any:
    """The plain data of a map text that reads without error and fits the schema
    (None otherwise): what a comparison needs, without the positions of values."""
    from ..diagnostics import MapError
    from ..mapio import _too_big
    from ..schema import fast_valid
    from ..yamlread import check_size, read_yaml_with_errors

    try:
        check_size(text, file)
        doc, errors = read_yaml_with_errors(text, file)
    except MapError:
        return None
    data = doc.data
    if errors or not isinstance(data, dict) or _too_big(data, text, file) is not None:
        return None
    return data if fast_valid(data) else None


def to_map(text: str | None, file: str, data: Any = None) -> Any:
    """The map of ``text`` (empty for None), ``data`` its clean data when known;
    ReadError with positioned messages for a text that cannot be read as a map."""
    from ..fileformat import from_data
    from ..mapio import load_text
    from ..model import ArgumentMap

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


def compare(old: str, new: str) -> Any:
    """The difference of the maps OLD and NEW name (ReadError when one cannot be read)."""
    import gc

    from ..mapdiff import diff_maps

    enabled = gc.isenabled()
    gc.disable()        # many small objects and no garbage: the collector only slows
    try:
        return diff_maps(*read_pair(old, new))
    finally:
        if enabled:
            gc.enable()


def cmd_diff(args: argparse.Namespace) -> int:
    import json

    try:
        d = compare(args.old, args.new)
    except ReadError as exc:
        if exc.diagnostics:
            print_diagnostics(exc.diagnostics)
            print(f"argmap diff: error: {exc.diagnostics[0].file or 'a map'} cannot be "
                  "compared (fix the errors above first)", file=sys.stderr)
        else:
            print(exc, file=sys.stderr)
        return EXIT_USAGE
    labels = (args.label + [args.old, args.new][len(args.label):])[:2]
    if args.format == "json":
        print(json.dumps({"old": labels[0], "new": labels[1], **d.to_json()},
                         ensure_ascii=False, indent=1))
    elif not d.empty:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        sys.stdout.write(render(d, labels[0], labels[1], color))
    return EXIT_OK if d.empty else EXIT_PROBLEMS


# -- text for people ---------------------------------------------------------------
def _show(value: Any) -> str:
    """A value as a person reads it: text in quotes, as it is (umlauts and all)."""
    if isinstance(value, str):
        return '"' + value.replace("\n", "\\n") + '"'
    if value is None:
        return "(none)"
    if isinstance(value, tuple):
        return "(" + ", ".join(_num(v) for v in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return str(value)


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _relation(rel: Any, note: bool = True) -> str:
    premises = " + ".join(rel.premises)
    shown = f"  ({_show(rel.note)})" if rel.note and note else ""
    return f"{rel.key}: {premises} {rel.type} {rel.target}{shown}"


def render(d: Any, old: str, new: str, color: bool = False) -> str:
    """The difference as grouped text: header, sources, claims, relations."""
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    out = [paint(BOLD, f"--- {old}"), paint(BOLD, f"+++ {new}")]

    def changes(items: list, indent: str = "    ") -> None:
        for c in items:
            out.append(paint(YELLOW, f"{indent}{c.field}: {_show(c.old)} -> {_show(c.new)}"))

    if d.header:
        out.append(paint(BOLD, "header"))
        changes(d.header, "  ~ ")
    if d.sources_added or d.sources_removed or d.sources_changed or d.source_order:
        out.append(paint(BOLD, "sources"))
        for s in d.sources_added:
            out.append(paint(GREEN, f"  + {s.id}: {_show(s.title)}"))
        for s in d.sources_removed:
            out.append(paint(RED, f"  - {s.id}: {_show(s.title)}"))
        for sc in d.sources_changed:
            out.append(paint(YELLOW, f"  ~ {sc.id}"))
            changes(sc.changes)
        if d.source_order is not None:
            out.append(paint(YELLOW, "  ~ reordered"))
    if (d.claims_added or d.claims_removed or d.claims_changed or d.claims_renamed
            or d.claims_moved or d.claim_order):
        out.append(paint(BOLD, "claims"))
        for c in d.claims_added:
            out.append(paint(GREEN, f"  + {c.id}: {_show(c.text or c.ref)}"))
        for c in d.claims_removed:
            out.append(paint(RED, f"  - {c.id}: {_show(c.text or c.ref)}"))
        for r in d.claims_renamed:
            out.append(paint(YELLOW, f"  ~ {r.old_id} renamed to {r.new_id}"))
        for cc in d.claims_changed:
            out.append(paint(YELLOW, f"  ~ {cc.id}"))
            for c in cc.changes:
                out.append(paint(YELLOW, f"    {c.field}:"))
                out.append(paint(RED, f"      - {_show(c.old)}"))
                out.append(paint(GREEN, f"      + {_show(c.new)}"))
        for m in d.claims_moved:
            out.append(paint(YELLOW, f"  ~ {m.id} moved {_show(m.old)} -> {_show(m.new)}"))
        if d.claim_order is not None:
            out.append(paint(YELLOW, "  ~ reordered"))
    if d.relations_added or d.relations_removed or d.relations_changed or d.relation_order:
        out.append(paint(BOLD, "relations"))
        for r in d.relations_added:
            out.append(paint(GREEN, f"  + {_relation(r)}"))
        for _, r in d.relations_removed:
            out.append(paint(RED, f"  - {_relation(r)}"))
        for rc in d.relations_changed:
            out.append(paint(YELLOW, f"  ~ {_relation(rc.new, note=False)}"))
            for c in rc.changes:
                what = {"type": "retyped", "reversed": "reversed"}.get(c.field, c.field)
                out.append(paint(YELLOW, f"    {what}: {_show(c.old)} -> {_show(c.new)}"))
        if d.relation_order is not None:
            out.append(paint(YELLOW, "  ~ reordered"))
    return "\n".join(out) + "\n"
