"""``argmap check``: validate map files, and their quotes against the sources."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, find_maps, print_diagnostics

NAME = "check"
HELP = "validate map files (and quotes against sources)"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``check`` on an argparse subparsers object."""
    p = subparsers.add_parser(NAME, help=HELP,
                              description="Validate map files; with --sources (or a source_folder "
                              "named in a map's header that exists), also find every claim's "
                              "quote in its source article.")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    p.add_argument("--sources", metavar="DIR", help="folder with the article texts "
                   "(default: the map header's source_folder, when it exists)")
    p.add_argument("--allow-warnings", action="store_true", help="exit 0 when only warnings")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(func=cmd_check)
    return p


def cmd_check(args: argparse.Namespace) -> int:
    from ..conclusions import conclusion_problems
    from ..mapio import CHECK_MAX_CLAIMS, _LazyWhere, load_file
    from ..quotes import check_quotes, map_sources_dir

    found = find_maps(NAME, args.paths, args.sources)
    if found is None:
        return EXIT_USAGE
    files, missing = found
    errors = warnings = 0
    for f in files:
        loaded = load_file(f, sources=args.sources, max_claims=CHECK_MAX_CLAIMS)
        quotes = []
        if loaded.map is not None and loaded.text is not None:
            sources = args.sources or map_sources_dir(loaded.map, f)
            if sources:
                quotes = check_quotes(loaded.map, sources, f,
                                      loaded.where or _LazyWhere(loaded.text, f))
        if loaded.map is not None and loaded.text is not None and not loaded.errors:
            quotes += conclusion_problems(loaded.map, f,
                                          loaded.where or _LazyWhere(loaded.text, f))
        print_diagnostics(loaded.diagnostics + quotes)
        # counted in full, though a file with very many problems lists only the first
        errors += loaded.error_count + sum(1 for d in quotes if d.is_error)
        warnings += loaded.warning_count + sum(1 for d in quotes if not d.is_error)
    if not args.quiet:
        print(f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)",
              file=sys.stderr)
    if missing:
        return EXIT_USAGE
    if errors or (warnings and not args.allow_warnings):
        return EXIT_PROBLEMS
    return EXIT_OK
