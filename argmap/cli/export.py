"""``argmap export``: a map as SVG, PNG, PDF or DOT, or as Argdown, AIF or GraphML."""

from __future__ import annotations

import argparse
import os
from typing import Any

from .common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    error,
    parse_assumptions,
    print_diagnostics,
)

NAME = "export"
HELP = "export a map as SVG, PNG, PDF or DOT"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``export`` on an argparse subparsers object."""
    from ..style import MAP_WORDS

    p = subparsers.add_parser(NAME, help=HELP,
                              description="Lay out a map with Graphviz and export it.")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--format", choices=("svg", "png", "pdf", "dot", "argdown", "aif", "graphml"),
                   help="default: from the output's extension")
    p.add_argument("--no-cache", action="store_true",
                   help="do not use the layout cache nor a kept export of the unchanged map")
    p.add_argument("--embed-font", action="store_true",
                   help="embed the font in the SVG (larger file, same look everywhere)")
    p.add_argument("--evaluate", nargs="?", const="grounded", metavar="SEMANTICS",
                   choices=("grounded", "preferred", "stable"),
                   help="colour the claims IN/OUT/UNDEC by an evaluation (grounded when no "
                   "semantics is named; see docs/semantics.md)")
    p.add_argument("--assume", action="append", default=[], metavar="ID=accepted|rejected",
                   help="with --evaluate: what if this claim is accepted or rejected")
    p.add_argument("--labelling", type=int, default=1, metavar="N",
                   help="with --evaluate preferred|stable: which labelling to draw (from 1)")
    p.add_argument("--strengths", metavar="SEMANTICS", choices=("dfquad", "quadratic"),
                   help="fill the claims from weak to strong by a gradual semantics, dfquad "
                   "or quadratic, with each strength on its box (see docs/gradual.md)")
    p.add_argument("--lang", choices=sorted(MAP_WORDS),
                   help="language of the words drawn into the picture (legend, kind names, "
                   "badges); default: the map's own (lang:), English for one not listed")
    p.add_argument("--layout-budget", type=float, default=None, metavar="SECONDS",
                   help="how long Graphviz may lay out the map before argmap's quicker "
                   "layered layout takes over (default: 20; 0: no limit)")
    p.set_defaults(func=cmd_export)
    return p


def cmd_export(args: argparse.Namespace) -> int:
    from ..export import FORMATS, ExportError, export_file
    from ..layout import LAYOUT_BUDGET
    from ..interchange_formats import OTHER_FORMATS

    if os.path.exists(args.output) and os.path.exists(args.file) \
            and os.path.samefile(args.output, args.file):
        error(NAME, f"{args.output} is the map itself; not overwriting it")
        return EXIT_USAGE
    fmt = args.format
    if fmt is None:
        ext = os.path.splitext(args.output)[1].lstrip(".").lower()
        by_ext = {v.lstrip("."): k for k, v in OTHER_FORMATS.items()}
        fmt = ext if ext in FORMATS else by_ext.get(ext, "svg")
    if fmt in OTHER_FORMATS:
        return _export_other(args, fmt)
    try:
        assume = parse_assumptions(args.assume)
    except ValueError as exc:
        error(NAME, str(exc))
        return EXIT_USAGE
    if assume and not args.evaluate:
        error(NAME, "--assume needs --evaluate")
        return EXIT_USAGE
    if args.strengths and args.evaluate:
        error(NAME, "colour the claims either by labels (--evaluate) or by strengths "
              "(--strengths), not both")
        return EXIT_USAGE
    budget = LAYOUT_BUDGET if args.layout_budget is None else args.layout_budget
    if budget < 0:
        error(NAME, "--layout-budget must be 0 (no limit) or more seconds")
        return EXIT_USAGE
    options = dict(embed_font=args.embed_font, evaluate=args.evaluate, assume=assume,
                   labelling=args.labelling, budget=budget or None, lang=args.lang,
                   strengths=args.strengths)
    from .. import export_cache

    key = None if args.no_cache else export_cache.export_key(args.file, fmt, options)
    if key is not None and _from_cache(args, key):
        return EXIT_OK
    try:
        diags = export_file(args.file, args.output, fmt, cache=not args.no_cache, **options)
    except ExportError as exc:
        error(NAME, str(exc))
        return EXIT_PROBLEMS
    if key is not None and not any(d.is_error or d.subject == "layout" for d in diags):
        _keep(args, key)
    # the map's warnings are check's business; how it was laid out is export's
    print_diagnostics(d for d in diags if d.is_error or d.subject == "layout")
    return EXIT_OK


def _from_cache(args: argparse.Namespace, key: str) -> bool:
    """Write the kept export of an unchanged map with the same options, if there is one
    (``key``: argmap.export_cache.export_key of the map, the format and the options)."""
    from .. import export_cache
    from ..atomicwrite import atomic_write

    data = export_cache.get(key)
    if data is None:
        return False
    try:
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        atomic_write(args.output, data)
    except OSError:
        return False            # the full export says why
    return True


def _keep(args: argparse.Namespace, key: str) -> None:
    """Keep a clean export for the next run (not one laid out by the fallback), under
    the key of the map as it was read before the export."""
    from .. import export_cache

    try:
        with open(args.output, "rb") as fh:
            export_cache.put(key, fh.read())
    except OSError:
        pass


def _export_other(args: argparse.Namespace, fmt: str) -> int:
    from ..interchange import InterchangeError
    from ..interchange_formats import export_other
    from ..mapio import load_file
    from ..atomicwrite import atomic_write

    loaded = load_file(args.file)
    if loaded.map is None:
        print_diagnostics(loaded.diagnostics)
        return EXIT_PROBLEMS
    try:
        text = export_other(loaded.map, fmt)
    except InterchangeError as exc:
        error(NAME, str(exc))
        return EXIT_PROBLEMS
    try:
        atomic_write(args.output, text.encode("utf-8"))
    except OSError as exc:
        error(NAME, f"cannot write {args.output}: {exc.strerror or exc}")
        return EXIT_PROBLEMS
    return EXIT_OK
