"""Command line for the interchange formats: ``argmap import`` and text exports.

``add_parsers(subparsers)`` registers::

    argmap import FILE.argdown|FILE.json -o OUT.yaml [--format argdown|aif]
                  [--keep-prose] [--lang LANG] [--force] [--quiet]

The importer's warnings (what the map cannot show exactly, with line
numbers) go to standard error; the map is written atomically.
``export_other(amap, fmt)`` gives the text of ``argdown``, ``aif`` or
``graphml`` for ``argmap export --format``.
"""

from __future__ import annotations

import argparse
import os
import sys

from .model import ArgumentMap

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
#: formats export_other writes, and the file extension of each
OTHER_FORMATS = {"argdown": ".argdown", "aif": ".json", "graphml": ".graphml"}


def export_other(amap: ArgumentMap, fmt: str) -> str:
    """The map as Argdown, AIF JSON or GraphML text (``fmt``: argdown|aif|graphml)."""
    from .interchange import export_text

    return export_text(amap, fmt)


def cmd_import(args: argparse.Namespace) -> int:
    from .interchange import InterchangeError, detect_format, import_file
    from .mapio import load_text
    from .savefile import atomic_write, render

    out = args.output
    if out != "-" and os.path.exists(out) and not args.force:
        print(f"argmap import: error: {out} exists (use --force to overwrite it)",
              file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format or detect_format(args.file)
    options: dict[str, object] = {"lang": args.lang}
    if fmt != "aif":
        options["keep_prose"] = args.keep_prose
    try:
        result = import_file(args.file, fmt, **options)
    except InterchangeError as exc:
        print(f"argmap import: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        for w in result.warnings:
            print(w, file=sys.stderr)
    text = render(result.map, path=None if out == "-" else out)
    problems = [d for d in load_text(text, out if out != "-" else "", resolve=False).diagnostics
                if d.is_error]
    for d in problems:  # should not happen: the importers make valid maps
        print(d, file=sys.stderr)
    if out == "-":
        sys.stdout.write(text)
    else:
        try:
            atomic_write(out, text.encode("utf-8"))
        except OSError as exc:
            print(f"argmap import: error: cannot write {out}: {exc.strerror or exc}",
                  file=sys.stderr)
            return EXIT_PROBLEMS
    if not args.quiet:
        counts = result.map.counts()
        print(f"{out}: {counts['claims']} claim(s), {counts['relations']} relation(s) from "
              f"{args.file}; {len(result.warnings)} warning(s)", file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def add_parsers(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``import`` on the ``argmap`` command's subparsers."""
    p = subparsers.add_parser(
        "import", help="make a map from an Argdown or AIF JSON file",
        description="Make an argmap map file from Argdown (.argdown) or AIF JSON (.json). "
        "What the map cannot show exactly is reported as warnings with line numbers.")
    p.add_argument("file", metavar="FILE.argdown|FILE.json")
    p.add_argument("-o", "--output", required=True, metavar="OUT.yaml",
                   help="the map file to write ('-' for standard output)")
    p.add_argument("--format", choices=("argdown", "aif"),
                   help="input format (default: from the extension; .json is AIF)")
    p.add_argument("--keep-prose", action="store_true",
                   help="Argdown: make claims of untitled text paragraphs in no relation too "
                   "(default: they go into the map description)")
    p.add_argument("--lang", help="language of the claims when the file does not say "
                   "(default: en)")
    p.add_argument("-f", "--force", action="store_true", help="overwrite OUT.yaml")
    p.add_argument("-q", "--quiet", action="store_true", help="no warnings, no summary")
    p.set_defaults(func=cmd_import)
