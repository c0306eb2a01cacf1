"""``argmap import``: make a map from an Argdown, AIF JSON or arggraph XML file.

    argmap import FILE.argdown|FILE.json|FILE.xml -o OUT.yaml
                  [--format argdown|aif|arggraph] [--english FILE.en.xml]
                  [--keep-prose] [--lang LANG] [--force] [--quiet]

``--english`` makes one bilingual map of an arggraph text's German file and
its English translation (``text`` German, ``en`` English).

The importer's warnings (what the map cannot show exactly, with line
numbers) go to standard error; the map is written atomically.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, error, print_diagnostics

NAME = "import"
HELP = "make a map from an Argdown, AIF JSON or arggraph XML file"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``import`` on an argparse subparsers object."""
    p = subparsers.add_parser(
        NAME, help=HELP,
        description="Make an argmap map file from Argdown (.argdown), AIF JSON (.json) or "
        "arggraph XML (the microtext corpus, .xml). "
        "What the map cannot show exactly is reported as warnings with line numbers.")
    p.add_argument("file", metavar="FILE.argdown|FILE.json|FILE.xml")
    p.add_argument("-o", "--output", required=True, metavar="OUT.yaml",
                   help="the map file to write ('-' for standard output)")
    p.add_argument("--format", choices=("argdown", "aif", "arggraph"),
                   help="input format (default: from the extension and the content)")
    p.add_argument("--english", metavar="FILE.en.xml",
                   help="arggraph: the English file of the same text; FILE is the German "
                   "one and the map has both (text German, en English)")
    p.add_argument("--keep-prose", action="store_true",
                   help="Argdown: make claims of untitled text paragraphs in no relation too "
                   "(default: they go into the map description)")
    p.add_argument("--lang", help="language of the claims when the file does not say "
                   "(default: en)")
    p.add_argument("-f", "--force", action="store_true", help="overwrite OUT.yaml")
    p.add_argument("-q", "--quiet", action="store_true", help="no warnings, no summary")
    p.set_defaults(func=cmd_import)
    return p


def cmd_import(args: argparse.Namespace) -> int:
    from ..interchange import InterchangeError, import_file, import_file_format
    from ..interchange.safe_text import check_readable
    from ..savefile import atomic_write, render

    out = args.output
    if out != "-" and os.path.exists(out) and not args.force:
        error(NAME, f"{out} exists (use --force to overwrite it)")
        return EXIT_USAGE
    try:
        fmt = args.format or import_file_format(args.file)
        options: dict[str, object] = {"lang": args.lang}
        if fmt == "argdown":
            options["keep_prose"] = args.keep_prose
        if args.english and fmt != "arggraph":
            error(NAME, f"--english is for arggraph XML files; {args.file} is {fmt}")
            return EXIT_USAGE
        if args.english:
            from ..interchange import import_arggraph_files
            result = import_arggraph_files(args.file, args.english)
        else:
            result = import_file(args.file, fmt, **options)
    except InterchangeError as exc:
        error(NAME, str(exc))
        return EXIT_USAGE
    if not args.quiet:
        print_diagnostics(result.warnings)
    text = render(result.map, path=None if out == "-" else out)
    try:
        # an import never writes a map that argmap itself cannot read back
        check_readable(text, result.map, out if out != "-" else "")
    except InterchangeError as exc:
        error(NAME, str(exc))
        return EXIT_PROBLEMS
    if out == "-":
        sys.stdout.write(text)
    else:
        try:
            atomic_write(out, text.encode("utf-8"))
        except OSError as exc:
            error(NAME, f"cannot write {out}: {exc.strerror or exc}")
            return EXIT_PROBLEMS
    if not args.quiet:
        counts = result.map.counts()
        print(f"{out}: {counts['claims']} claim(s), {counts['relations']} relation(s) from "
              f"{args.file}; {len(result.warnings)} warning(s)", file=sys.stderr)
    return EXIT_OK
