"""``argmap coverage``: how much of each source article the maps quote.

    argmap coverage maps/ --sources ../shared/articles [--json]

Per article: how many sentences hold a quote, the paragraphs no quote
touches, and the quotes not found with the passage most like each.

Exit codes: 0 every quote found; 1 a quote not found, an article file
missing or a map with errors; 2 usage or unreadable input (missing
``--sources`` folder or map, a map that cannot be read).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, error, find_maps, print_diagnostics

if TYPE_CHECKING:
    from ..coverage import ArticleCoverage, MissingQuote
    from ..model import ArgumentMap

NAME = "coverage"
HELP = "how much of each source article the maps quote"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``coverage`` on an argparse subparsers object."""
    p = subparsers.add_parser(
        NAME, help=HELP,
        description="For every source article the maps name: how many of its sentences "
        "hold a claim's quote, which paragraphs no quote touches, and the quotes not "
        "found with the passage most like each. See docs/coverage.md.")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR",
                   help="a map, or a folder whose *.yaml maps are read")
    p.add_argument("--sources", metavar="DIR",
                   help="folder with the article texts (default: the folder the "
                   "maps' headers name as source_folder)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=cmd_coverage)
    return p


def cmd_coverage(args: argparse.Namespace) -> int:
    """Load the maps (stop at the first unreadable one), measure, print."""
    from ..coverage import coverage
    from ..mapio import _LazyWhere, load_file
    from ..quotes import map_sources_dir

    found = find_maps(NAME, args.paths, args.sources)
    if found is None or found[1]:        # a path that is not there: nothing measured
        return EXIT_USAGE
    files = found[0]
    maps: list[ArgumentMap] = []
    where: dict[str, Callable[[tuple, bool], tuple[int, int]]] = {}
    errors = 0
    for f in dict.fromkeys(files):   # a file named twice is read once
        loaded = load_file(f, resolve=False, sources=args.sources)  # refs: skipped anyway
        if loaded.map is None or loaded.text is None:
            print_diagnostics(loaded.diagnostics)
            error(NAME, f"cannot read map '{f}' (see above; 'argmap check {f}' has the details)")
            return EXIT_USAGE
        print_diagnostics(loaded.errors)
        errors += len(loaded.errors)
        maps.append(loaded.map)
        where[f] = loaded.where or _LazyWhere(loaded.text, f)
    if not args.sources:
        named = [d for d in (map_sources_dir(m, m.path) for m in maps) if d]
        if not named:
            error(NAME, "no sources folder: give --sources DIR, or name an existing folder "
                  "as source_folder in the map's header")
            return EXIT_USAGE
        args.sources = named[0]
    articles = coverage(maps, args.sources)
    if args.json:
        print(json.dumps({"sources": args.sources, "maps": list(where),
                          "articles": [a.to_json() for a in articles],
                          "summary": _summary(articles)}, ensure_ascii=False, indent=1))
    else:
        _print_text(articles, args.sources, where)
    bad = any(a.missing or a.not_found for a in articles)
    return EXIT_PROBLEMS if (bad or errors) else EXIT_OK


def _percent(share: float) -> str:
    return f"{round(share * 100)} %"


def _summary(articles: list[ArticleCoverage]) -> dict[str, Any]:
    total = sum(a.sentences for a in articles)
    quoted = sum(a.quoted_sentences for a in articles)
    return {"articles": len(articles), "sentences": total, "quoted_sentences": quoted,
            "share": round(quoted / total, 4) if total else 0.0,
            "quotes": sum(a.quotes for a in articles),
            "not_found": sum(len(a.not_found) for a in articles),
            "missing_articles": sum(1 for a in articles if a.missing)}


def _print_text(articles: list[ArticleCoverage], sources: str, where: dict[str, Any]) -> None:
    if not articles:
        print("no source articles: the maps' sources name no article file "
              "(a claim that is a reference counts in the map it refers to)")
        return
    for a in articles:
        print(f"{a.file}: {a.title or '(no title)'}")
        if a.missing:
            print(f"  article file not found in {sources}")
            print()
            continue
        print(f"  {a.quoted_sentences} of {a.sentences} sentences quoted ({_percent(a.share)}), "
              f"{a.quotes} quote(s)")
        unquoted = a.unquoted
        if unquoted:
            print(f"  {len(unquoted)} of {len(a.paragraphs)} paragraphs without a quote:")
            for p in unquoted:
                print(f"    line {p.line}: {p.first_words}")
        for m in a.not_found:
            print(_not_found(m, a.file, where.get(m.map_file)))
        print()
    s = _summary(articles)
    print(f"{s['articles']} article(s): {s['quoted_sentences']} of {s['sentences']} sentences "
          f"quoted ({_percent(s['share'])}); {s['not_found']} quote(s) not found"
          + (f"; {s['missing_articles']} article file(s) missing" if s["missing_articles"] else ""))


def _not_found(m: MissingQuote, article: str, where: Any) -> str:
    line, col = where(("claims", m.claim, "quote"), False) if where else (0, 0)
    pos = f"{m.map_file}:{line}:{col}" if line else m.map_file
    out = [f"  {pos}: claim '{m.claim}': quote not found in {article}",
           f"    quote:   {m.quote}"]
    if m.suggestion is None:
        out.append("    nearest: nothing alike")
    else:
        out.append(f"    nearest: {m.suggestion.text}  "
                   f"(line {m.line}, {round(m.suggestion.ratio * 100)} % alike)")
    return "\n".join(out)
