"""Exporting a map: SVG (the main one), PNG, PDF and DOT.

PNG and PDF are rendered from our own SVG, so all three look the same.
"""

from __future__ import annotations

import copy
import os
from typing import Mapping

from .diagnostics import WARNING, Diagnostic
from .layout import (
    LAYOUT_BUDGET, Layout, LayoutError, build_graph, dot_source, fallback_message, layout_map,
)
from .model import ArgumentMap, unknown_relation_type
from .style import words_language

FORMATS = ("svg", "png", "pdf", "dot")


class ExportError(Exception):
    """The export could not be made; the message says why."""


def export_bytes(amap: ArgumentMap, fmt: str, *, cache: bool = True, english: bool = False,
                 embed_font: bool = False, labels: Mapping[str, tuple[str, bool]] | None = None,
                 evaluated: str = "", layout: Layout | None = None,
                 budget: float | None = LAYOUT_BUDGET, notes: list[str] | None = None,
                 lang: str | None = None, strengths: Mapping[str, float | None] | None = None,
                 weighed: str = "") -> bytes:
    """The map drawn as ``fmt``; ``labels`` (claim id -> (IN|OUT|UNDEC, assumed))
    colours the claims by an evaluation, named in the legend as ``evaluated``;
    ``strengths`` (claim id -> gradual strength, None where it did not settle) fills
    them from weak to strong instead, named in the legend as ``weighed``.

    ``english``: the claims' English texts where they have one.  The fixed words
    (legend, kind names, badges) are in the map's language, or in ``lang``.

    ``layout``: the layout to draw (the app's, as the user sees it); otherwise
    one is made, with dot given ``budget`` seconds (None: no limit).  What the
    user should know about the layout is appended to ``notes``."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    problem = unknown_relation_type(amap)
    if problem:
        raise ExportError(problem)
    amap = in_language(amap, lang)
    if fmt == "dot":
        return dot_source(build_graph(amap, english=english), None,
                          amap.display.direction).encode("utf-8")
    from .export_svg import render_svg
    lay = layout
    if lay is None:
        try:
            lay = layout_map(amap, cache=cache, english=english, budget=budget)
        except LayoutError as exc:
            raise ExportError(str(exc)) from None
        if lay.fallback and notes is not None:
            notes.append(fallback_message(lay, budget))
    svg = render_svg(amap, lay, english=english, embed_font=embed_font and fmt == "svg",
                     labels=labels, evaluated=evaluated, strengths=strengths, weighed=weighed)
    if fmt == "svg":
        return svg.encode("utf-8")
    try:
        import cairosvg
    except (ImportError, OSError) as exc:
        raise ExportError(f"{fmt.upper()} export needs cairosvg and the cairo library: {exc}")
    if fmt == "png":
        return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2.0)
    return cairosvg.svg2pdf(bytestring=svg.encode("utf-8"))


def in_language(amap: ArgumentMap, lang: str | None) -> ArgumentMap:
    """``amap`` with ``lang`` as its language, for drawing only: a shallow copy, so
    the map itself (and what is saved) keeps its own."""
    if not lang or lang == amap.lang:
        return amap
    drawn = copy.copy(amap)
    drawn.lang = lang
    return drawn


def export_file(path: str, output: str, fmt: str, *, cache: bool = True,
                english: bool = False, embed_font: bool = False, evaluate: str | None = None,
                assume: Mapping[str, str] | None = None, labelling: int = 1,
                budget: float | None = LAYOUT_BUDGET, lang: str | None = None,
                strengths: str | None = None) -> list[Diagnostic]:
    """Load, lay out and write ``output``.  Raises ExportError when it cannot.

    ``evaluate`` (a semantics) colours the claims by their labels in labelling
    number ``labelling`` (from 1), with the what-if assumptions ``assume``;
    ``strengths`` (a gradual semantics, ``dfquad`` or ``quadratic``) by their strengths.
    ``lang``: the language of the fixed words instead of the map's.
    """
    from .mapio import load_file
    from .atomicwrite import atomic_write

    loaded = load_file(path)
    if loaded.map is None:
        raise ExportError("cannot read the map:\n" + "\n".join(map(str, loaded.diagnostics)))
    weights, weighed = _strengths(loaded.map, strengths, evaluate, lang)
    labels, evaluated = None, ""
    if evaluate:
        from .semantics import evaluate as run_evaluation
        try:
            ev = run_evaluation(loaded.map, evaluate, assume)
        except ValueError as exc:
            raise ExportError(str(exc)) from None
        if not 1 <= labelling <= max(1, len(ev.labellings)):
            raise ExportError(f"there are {len(ev.labellings)} {evaluate} labellings, "
                              f"not {labelling}")
        in_english = words_language(lang or loaded.map.lang) != "de"
        labels, evaluated = ev.badges(labelling - 1), ev.describe(labelling - 1, in_english)
    notes: list[str] = []
    data = export_bytes(loaded.map, fmt, cache=cache, english=english, embed_font=embed_font,
                        labels=labels, evaluated=evaluated, budget=budget, notes=notes,
                        lang=lang, strengths=weights, weighed=weighed)
    try:
        folder = os.path.dirname(os.path.abspath(output))
        os.makedirs(folder, exist_ok=True)
        atomic_write(output, data)
    except OSError as exc:
        raise ExportError(f"cannot write {output}: {exc.strerror or exc}") from None
    return loaded.diagnostics + [Diagnostic(WARNING, n, path, subject="layout")
                                 for n in notes]


def _strengths(amap: ArgumentMap, semantics: str | None, evaluate: str | None,
               lang: str | None) -> tuple[dict[str, float | None] | None, str]:
    """Claim id -> strength under the gradual ``semantics`` and the legend's caption."""
    if not semantics:
        return None, ""
    if evaluate:
        raise ExportError("colour the claims either by labels (--evaluate) or by "
                          "strengths (--strengths), not both")
    from .semantics.gradual import strengths as weigh
    try:
        result = weigh(amap, semantics)
    except ValueError as exc:
        raise ExportError(str(exc)) from None
    values = {cid: (cs.strength if cs.converged else None) for cid, cs in result.claims.items()}
    return values, result.describe(words_language(lang or amap.lang) != "de")
