"""``argmap diff OLD NEW``: what changed between two versions of a map, claim by claim.

OLD and NEW are map files or git revisions (``HEAD~1:maps/x.yaml``); ``/dev/null``
stands for an empty map (git passes it for a file added or deleted).
Exit status as diff's: 0 equal, 1 different, 2 on error.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..gitversions import (  # noqa: F401  (read_text, to_map: for `argmap merge`)
    GIT_TIMEOUT, ReadError, clean_data, git_show, read_pair, read_text, to_map,
)
from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, print_diagnostics

NAME = "diff"
HELP = "claim-level differences between two versions of a map"

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
    p.add_argument("--svg", metavar="OUT",
                   help="also draw the difference as a picture: NEW with OLD's removed claims "
                   "as ghosts, added, removed and changed ones marked (an SVG file)")
    p.add_argument("-L", "--label", action="append", default=[], metavar="LABEL",
                   help="the name shown for OLD (given once) and NEW (given twice) instead of "
                   "the path, as git passes temporary files")
    p.set_defaults(func=cmd_diff)
    return p


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


def diff_of(old: Any, new: Any) -> Any:
    """The difference of two maps read already."""
    from ..mapdiff import diff_maps

    return diff_maps(old, new)


def write_svg(path: str, old: Any, new: Any, d: Any, labels: tuple[str, str]) -> bool:
    """The picture of the difference in ``path`` (False, after saying why, when it
    cannot be made or written)."""
    from ..diff_svg import render_diff_svg
    from ..layout import LayoutError
    from ..savefile import SaveError, atomic_write

    try:
        svg = render_diff_svg(old, new, d, labels=labels)
        atomic_write(path, svg.encode("utf-8"))
    except LayoutError as exc:
        print(f"argmap diff: error: the picture cannot be laid out: {exc}", file=sys.stderr)
        return False
    except (OSError, SaveError) as exc:
        print(f"{path}: error: cannot write the picture: {exc}", file=sys.stderr)
        return False
    return True


def cmd_diff(args: argparse.Namespace) -> int:
    import json

    try:
        maps = read_pair(args.old, args.new) if args.svg else None
        d = diff_of(*maps) if maps is not None else compare(args.old, args.new)
    except ReadError as exc:
        if exc.diagnostics:
            print_diagnostics(exc.diagnostics)
            print(f"argmap diff: error: {exc.diagnostics[0].file or 'a map'} cannot be "
                  "compared (fix the errors above first)", file=sys.stderr)
        else:
            print(exc, file=sys.stderr)
        return EXIT_USAGE
    labels = (args.label + [args.old, args.new][len(args.label):])[:2]
    if maps is not None and not write_svg(args.svg, maps[0], maps[1], d,
                                          (labels[0], labels[1])):
        return EXIT_USAGE
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
