"""The ``argmap`` command line: check, info, fmt, export, gui.

Exit codes: 0 clean, 1 problems found, 2 usage or unreadable input.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .diagnostics import Diagnostic

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
MAP_SUFFIXES = (".yaml", ".yml")


def map_files(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """Map files named or found in folders, and the paths that do not exist."""
    files: list[str] = []
    missing: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p)
                            if f.endswith(MAP_SUFFIXES) and not f.startswith("."))
        elif os.path.isfile(p):
            files.append(p)
        else:
            missing.append(p)
    return files, missing


def _print(diags: list[Diagnostic]) -> None:
    for d in diags:
        print(d, file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    from .mapio import load_file
    from .quotes import check_quotes, map_sources_dir
    from .mapio import _LazyWhere

    if args.sources and not os.path.isdir(args.sources):
        print(f"argmap check: error: sources folder '{args.sources}' not found", file=sys.stderr)
        return EXIT_USAGE
    files, missing = map_files(args.paths)
    for m in missing:
        print(f"{m}: error: no such file or folder", file=sys.stderr)
    if not files and not missing:
        print("argmap check: error: no map files (*.yaml) found", file=sys.stderr)
        return EXIT_USAGE
    errors = warnings = 0
    for f in files:
        loaded = load_file(f)
        diags = list(loaded.diagnostics)
        if loaded.map is not None and loaded.text is not None:
            sources = args.sources or map_sources_dir(loaded.map, f)
            if sources:
                diags += check_quotes(loaded.map, sources, f, _LazyWhere(loaded.text, f))
        _print(diags)
        errors += sum(1 for d in diags if d.is_error)
        warnings += sum(1 for d in diags if not d.is_error)
    if not args.quiet:
        print(f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)",
              file=sys.stderr)
    if missing:
        return EXIT_USAGE
    if errors or (warnings and not args.allow_warnings):
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    import json

    from .mapio import load_file

    loaded = load_file(args.file)
    if loaded.map is None:
        _print(loaded.diagnostics)
        return EXIT_USAGE
    counts = loaded.map.counts()
    if args.json:
        print(json.dumps({"file": args.file, "title": loaded.map.title, **counts,
                          "errors": len(loaded.errors)}, ensure_ascii=False))
    else:
        print(f"{args.file}: {loaded.map.title}")
        for k, v in counts.items():
            print(f"  {k:<11} {v}")
        if loaded.errors:
            print(f"  ({len(loaded.errors)} error(s): run 'argmap check {args.file}')")
    return EXIT_PROBLEMS if loaded.errors else EXIT_OK


def cmd_fmt(args: argparse.Namespace) -> int:
    from .mapio import load_file
    from .savefile import SaveError, atomic_write, format_text

    files, missing = map_files(args.files)
    status = EXIT_USAGE if missing else EXIT_OK
    for m in missing:
        print(f"{m}: error: no such file or folder", file=sys.stderr)
    for f in files:
        loaded = load_file(f, resolve=False)
        if loaded.map is None or loaded.text is None:
            _print(loaded.diagnostics)
            print(f"{f}: not formatted (fix the errors above first)", file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        try:
            text = format_text(loaded.text, f)
        except (SaveError, Exception) as exc:  # noqa: BLE001 - report, never trace
            print(f"{f}: error: cannot format: {exc}", file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        if text == loaded.text:
            continue
        if args.check:
            print(f"{f}: would be reformatted", file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        try:
            atomic_write(f, text.encode("utf-8"))
        except OSError as exc:
            print(f"{f}: error: could not write: {exc}", file=sys.stderr)
            status = EXIT_PROBLEMS
            continue
        print(f"{f}: formatted", file=sys.stderr)
    return status


def cmd_export(args: argparse.Namespace) -> int:
    from .export import FORMATS, ExportError, export_file

    from .interchange_cli import OTHER_FORMATS

    if os.path.exists(args.output) and os.path.exists(args.file) \
            and os.path.samefile(args.output, args.file):
        print(f"argmap export: error: {args.output} is the map itself; not overwriting it",
              file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format
    if fmt is None:
        ext = os.path.splitext(args.output)[1].lstrip(".").lower()
        by_ext = {v.lstrip("."): k for k, v in OTHER_FORMATS.items()}
        fmt = ext if ext in FORMATS else by_ext.get(ext, "svg")
    if fmt in OTHER_FORMATS:
        return _export_other(args, fmt)
    from .evaluate_cli import parse_assumptions
    try:
        assume = parse_assumptions(args.assume)
    except ValueError as exc:
        print(f"argmap export: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if assume and not args.evaluate:
        print("argmap export: error: --assume needs --evaluate", file=sys.stderr)
        return EXIT_USAGE
    try:
        diags = export_file(args.file, args.output, fmt, cache=not args.no_cache,
                            embed_font=args.embed_font, evaluate=args.evaluate,
                            assume=assume, labelling=args.labelling)
    except ExportError as exc:
        print(f"argmap export: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    _print([d for d in diags if d.is_error])
    return EXIT_OK


def _export_other(args: argparse.Namespace, fmt: str) -> int:
    from .interchange_cli import export_other
    from .mapio import load_file
    from .savefile import atomic_write

    loaded = load_file(args.file)
    if loaded.map is None:
        _print(loaded.diagnostics)
        return EXIT_PROBLEMS
    try:
        atomic_write(args.output, export_other(loaded.map, fmt).encode("utf-8"))
    except OSError as exc:
        print(f"argmap export: error: cannot write {args.output}: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from .gui.app import main as gui_main
    except ImportError as exc:  # e.g. Qt's system libraries are missing
        print(f"argmap gui: error: the desktop app cannot start: {exc}\n"
              "(./run app installs what it needs)", file=sys.stderr)
        return EXIT_USAGE
    if args.path and not os.path.exists(args.path):
        print(f"argmap gui: error: {args.path}: no such file or folder", file=sys.stderr)
        return EXIT_USAGE
    return gui_main(args)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="argmap", description="Argument maps kept as YAML: check, format, export, edit.")
    ap.add_argument("--version", action="version", version=f"argmap {__import__('argmap').__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("check", help="validate map files (and quotes against sources)",
                       description="Validate map files; with --sources (or a source_folder "
                       "named in a map's header that exists), also find every claim's "
                       "quote in its source article.")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    p.add_argument("--sources", metavar="DIR", help="folder with the article texts "
                   "(default: the map header's source_folder, when it exists)")
    p.add_argument("--allow-warnings", action="store_true", help="exit 0 when only warnings")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("info", help="counts of a map", description="Print a map's counts.")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("fmt", help="rewrite map files in canonical layout (comments kept)",
                       description="Rewrite map files in the canonical layout, keeping "
                       "comments. Idempotent.")
    p.add_argument("files", nargs="+", metavar="FILE|DIR")
    p.add_argument("--check", action="store_true", help="only report files that would change")
    p.set_defaults(func=cmd_fmt)

    p = sub.add_parser("export", help="export a map as SVG, PNG, PDF or DOT",
                       description="Lay out a map with Graphviz and export it.")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--format", choices=("svg", "png", "pdf", "dot", "argdown", "aif", "graphml"),
                   help="default: from the output's extension")
    p.add_argument("--no-cache", action="store_true", help="do not use the layout cache")
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
    p.set_defaults(func=cmd_export)

    from .coverage_cli import add_parser as add_coverage
    from .evaluate_cli import add_parser as add_evaluate
    from .interchange_cli import add_parsers as add_interchange
    add_evaluate(sub)
    add_coverage(sub)
    add_interchange(sub)

    p = sub.add_parser("gui", help="open the desktop app", description="Open the desktop app.")
    p.add_argument("path", nargs="?", metavar="FILE|FOLDER")
    p.add_argument("--sources", metavar="DIR", help="folder with the article texts")
    p.set_defaults(func=cmd_gui)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    if not getattr(args, "command", None):
        ap.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
