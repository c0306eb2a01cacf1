"""``argmap merge BASE OURS THEIRS -o OUT``: a three-way merge claim by claim, also as
git's merge driver.

BASE, OURS and THEIRS are map files or git revisions (``main:maps/x.yaml``), as
``argmap diff`` reads them; ``/dev/null`` stands for an empty map.  OUT keeps the
comments and layout of OURS wherever the merge did not change it.  Exit status as
git expects of a merge driver: 0 merged cleanly, 1 conflicts written to OUT (listed
in its ``conflicts:``, reported by ``argmap check``), 2 usage or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, print_diagnostics

NAME = "merge"
HELP = "three-way merge of a map, claim by claim (also as git's merge driver)"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``merge`` on an argparse subparsers object."""
    p = subparsers.add_parser(
        NAME, help=HELP,
        description="Merge what OURS and THEIRS each changed from BASE, claim by claim: "
        "edits to different claims or fields, and additions on both sides, merge cleanly; "
        "what both changed differently is a conflict, listed at the end of OUT under "
        "'conflicts:' (OUT holds OURS' version meanwhile). The files may be git revisions "
        "written REV:PATH. Exit status: 0 clean, 1 conflicts written, 2 on error. As git's "
        "merge driver: argmap merge %%O %%A %%B -o %%A --name %%P (docs/merge.md).")
    p.add_argument("base", metavar="BASE")
    p.add_argument("ours", metavar="OURS")
    p.add_argument("theirs", metavar="THEIRS")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="the file to write (standard output when not given)")
    p.add_argument("--name", metavar="PATH",
                   help="the map's path, for messages (git passes temporary files; give %%P)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="do not list the conflicts on standard error")
    p.set_defaults(func=cmd_merge)
    return p


def _relabel(diagnostics: list, label: str) -> list:
    from dataclasses import replace

    return [replace(d, file=label) for d in diagnostics]


def read_three(args: argparse.Namespace) -> tuple[list, list]:
    """The texts and maps BASE, OURS and THEIRS name (ReadError when one cannot be read)."""
    from .diff import ReadError, read_text, to_map

    texts, maps = [], []
    for which in ("base", "ours", "theirs"):
        spec = getattr(args, which)
        label = f"{args.name} ({which})" if args.name else spec
        try:
            text = read_text(spec)
            maps.append(to_map(text, label))
        except ReadError as exc:
            if args.name:
                raise ReadError(str(exc).replace(spec, label, 1),
                                _relabel(exc.diagnostics, label)) from None
            raise
        texts.append(text)
    return texts, maps


def render(amap: Any, ours_text: str | None) -> str:
    """The merged map as text: OURS' text patched, as the app saves (fresh text when
    OURS is empty or cannot be patched)."""
    from ..savefile import render as render_full
    from ..savefile import render_fast

    if ours_text is not None:
        try:
            return render_fast(amap, ours_text)
        except Exception:       # noqa: BLE001 -- OURS read as a map; fresh text is still right
            pass
    return render_full(amap, None)


def cmd_merge(args: argparse.Namespace) -> int:
    from .diff import ReadError

    try:
        texts, maps = read_three(args)
    except ReadError as exc:
        if exc.diagnostics:
            print_diagnostics(exc.diagnostics)
            print(f"argmap merge: error: {exc.diagnostics[0].file or 'a map'} cannot be "
                  "merged (fix the errors above first); nothing was written", file=sys.stderr)
        else:
            print(f"{exc}; nothing was written", file=sys.stderr)
        return EXIT_USAGE
    from ..mapmerge import merge_maps

    result = merge_maps(*maps)
    base, ours, theirs = (m.snapshot() for m in maps)
    if base == ours and texts[2] is not None and result.clean:
        text = texts[2]        # only theirs changed: their text, comments and all
    elif base == theirs and texts[1] is not None and result.clean:
        text = texts[1]
    else:
        text = render(result.map, texts[1])
    out = args.output
    if out:
        from ..savefile import atomic_write

        try:
            atomic_write(out, text.encode("utf-8"))
        except OSError as exc:
            print(f"{out}: error: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
    else:
        sys.stdout.write(text)
    if result.clean:
        return EXIT_OK
    if not args.quiet:
        _report(text, args.name or out or "<stdout>", len(result.map.conflicts))
    return EXIT_PROBLEMS


def _report(text: str, label: str, count: int) -> None:
    """Each conflict as ``argmap check`` reports it, at its line and column in OUT."""
    from ..merge_conflicts import conflict_diagnostics
    from ..yamlread import read_yaml_with_errors

    doc, _ = read_yaml_with_errors(text, label)
    print_diagnostics(conflict_diagnostics(doc.data, label, doc.where))
    print(f"argmap merge: {count} conflict(s) left in {label}: the map holds ours; resolve "
          "them in the app, or edit the file and delete each entry of 'conflicts:'",
          file=sys.stderr)
