"""SVG of a laid-out map: title, claim boxes, relations, legend.

Every claim is ``<g id="claim-ID" class="claim kind-K tag-T">`` and every
relation ``<g id="rel-KEY" class="relation support|attack|undercut|rephrase">``
(a rephrase: a grey double line without head, ``path.line`` under ``path.inner``); the
quote and source of a claim are its tooltip (``<title>``).  With an
evaluation's labels, a claim also has class ``label-IN|OUT|UNDEC``, its box
takes the label's colours and a badge on its top edge names the label.  With
gradual strengths, a claim has class ``strength`` and ``data-strength``, its
box is filled from weak to strong and the badge shows the number.
"""

from __future__ import annotations

import base64
import re
from html import escape as _html_escape
from typing import TYPE_CHECKING, Mapping, Sequence

from .layout import EdgeRoute, Layout
from .model import ArgumentMap
from .resources import resource_path
from .textmetrics import font_metrics
from .style import (
    BADGE_SIZE, CORNER, FONT_FAMILY, FONT_FILE, FONT_STACK, KIND_STYLE, LABEL_STYLE, OPEN_COLOR,
    RELATION_STYLE, SMALL_COLOR, SMALL_SIZE, STRIPE,
    TEXT_COLOR, TITLE_SIZE, arrow_head, box_runs, box_text, double_line, label_badge,
    map_words, strength_badge, strength_fill, strength_text, tag_color,
)

if TYPE_CHECKING:    # the schemes' catalogue is read only for a map that names a scheme
    from .scheme_marks import SchemeMark

#: characters XML 1.0 does not allow (C0 controls but tab and line ends, lone surrogates,
#: U+FFFE/U+FFFF): one in a claim text would make the whole SVG unreadable
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: what escape() changes: most texts have none of it and are returned as they are
_TO_ESCAPE = re.compile("[&<>\"'\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for an SVG element or attribute: escaped, and only characters XML allows."""
    if _TO_ESCAPE.search(text) is None:
        return text
    return _html_escape(_NOT_XML.sub("\ufffd", text))


#: claim id -> (label IN|OUT|UNDEC, whether the user assumed it)
Labels = Mapping[str, "tuple[str, bool]"]
#: claim id -> gradual strength in [0, 1] (None: it did not settle)
StrengthMap = Mapping[str, "float | None"]
#: a claim not in a strength map
_NO_STRENGTH = object()

TITLE_BAND = 44.0
LEGEND_H = 58.0


def svg_id(key: str) -> str:
    return key.replace("+", "__")


def _f(v: float) -> str:
    s = f"{v:.1f}"
    return s[:-2] if s[-1] == "0" else s     # one decimal: a last "0" is ".0"


def _path(points: list[tuple[float, float]]) -> str:
    if not points:
        return ""
    out = [f"M{_f(points[0][0])},{_f(points[0][1])}"]
    rest = points[1:]
    for i in range(0, len(rest) - len(rest) % 3, 3):
        (a, b), (c, d), (e, f) = rest[i], rest[i + 1], rest[i + 2]
        out.append(f"C{_f(a)},{_f(b)} {_f(c)},{_f(d)} {_f(e)},{_f(f)}")
    return " ".join(out)


def _edge_svg(e: EdgeRoute, out: list[str]) -> None:
    color, dash, width, head = RELATION_STYLE.get(e.kind, RELATION_STYLE["support"])
    d = _path(e.points)
    if e.tip and e.points:
        base = e.points[-1]
        pts, mode = arrow_head(head, base, e.tip)
        if mode == "fill":
            d += f" L{_f(pts[1][0] * 0.5 + pts[2][0] * 0.5)},{_f(pts[1][1] * 0.5 + pts[2][1] * 0.5)}"
            out.append(f'<path class="line" d="{d}"/>')
            poly = " ".join(f"{_f(x)},{_f(y)}" for x, y in pts)
            out.append(f'<polygon class="head" points="{poly}"/>')
        elif mode == "none":
            _line(e.kind, d + f" L{_f(e.tip[0])},{_f(e.tip[1])}", out)
        else:
            d += f" L{_f(e.tip[0])},{_f(e.tip[1])}"
            _line(e.kind, d, out)
            out.append(f'<path class="head" d="M{_f(pts[0][0])},{_f(pts[0][1])} '
                       f'L{_f(pts[1][0])},{_f(pts[1][1])}"/>')
    else:
        _line(e.kind, d, out)


def _line(kind: str, d: str, out: list[str]) -> None:
    out.append(f'<path class="line" d="{d}"/>')
    if double_line(kind) is not None:
        out.append(f'<path class="inner" d="{d}"/>')


def _scheme_svg(key: str, mark: SchemeMark, lang: str, x: float, y: float,
                out: list[str]) -> None:
    """The scheme's short name centred at (x, y), the open questions counted after it
    (placed by measure: renderers differ in how they centre a text of several parts),
    in a group named after its relation, whose tooltip it repeats."""
    metrics = font_metrics(FONT_FILE)
    count = f"?{len(mark.open)}" if mark.open else ""
    gap = 3.0 if count else 0.0
    name_w = metrics.width(mark.short, SMALL_SIZE)
    start = x - (name_w + gap + metrics.width(count, SMALL_SIZE)) / 2
    base = _f(y + SMALL_SIZE / 3)
    parts = [(f'<text class="scheme{{}}" x="{_f(start)}" y="{base}">', escape(mark.short))]
    if count:
        parts.append((f'<text class="scheme open{{}}" x="{_f(start + name_w + gap)}" y="{base}">',
                      count))
    out.append(f'<g class="scheme-mark" data-relation="{escape(key)}">'
               f"<title>{escape(mark.tooltip(lang))}</title>")
    for halo in (" halo", ""):
        out += [head.format(halo) + text + "</text>" for head, text in parts]
    out.append("</g>")


def _style_block(embed_font: bool) -> str:
    css = [f"svg {{ font-family: {FONT_STACK}; }}",
           f".title {{ font-size: {TITLE_SIZE}px; font-weight: bold; fill: {TEXT_COLOR}; }}",
           f".subtitle {{ font-size: {SMALL_SIZE + 1}px; fill: {SMALL_COLOR}; }}",
           ".claim .box { stroke-linejoin: round; }",
           ".relation path, .legend path { fill: none; }",
           ".relation .junction { stroke: none; }"]
    for kind, (color, dash, width, head) in RELATION_STYLE.items():
        dash_css = f" stroke-dasharray: {dash};" if dash else ""
        double = double_line(kind)
        if double is not None:
            css.append(f".{kind} .line {{ stroke: {color}; stroke-width: {double[0]}; }}")
            css.append(f".{kind} .inner {{ stroke: #ffffff; stroke-width: {double[1]}; }}")
            continue
        css.append(f".{kind} .line {{ stroke: {color}; stroke-width: {width};{dash_css} }}")
        css.append(f".{kind} polygon.head, .{kind} .junction {{ fill: {color}; }}")
        css.append(f".{kind} path.head {{ stroke: {color}; stroke-width: {width + 0.8}; }}")
    for kind, (fill, border, width) in KIND_STYLE.items():
        css.append(f".kind-{kind} .box {{ fill: {fill}; stroke: {border}; "
                   f"stroke-width: {width}; }}")
    for label, (fill, border) in LABEL_STYLE.items():
        css.append(f".claim.label-{label} .box {{ fill: {fill}; stroke: {border}; "
                   "stroke-width: 2.2; }")
        css.append(f".label-{label} .badge {{ fill: {border}; }}")
    css.append(f".badge-text {{ font-size: {BADGE_SIZE}px; font-weight: bold; fill: #ffffff; }}")
    # a scheme's short name at its relation, on a white halo (a copy drawn first)
    css.append(f".scheme {{ font-size: {SMALL_SIZE}px; font-style: italic; fill: {SMALL_COLOR}; }}")
    css.append(".scheme.halo { fill: #ffffff; stroke: #ffffff; stroke-width: 3; "
               "stroke-linejoin: round; }")
    css.append(f".scheme.open {{ font-style: normal; font-weight: bold; fill: {OPEN_COLOR}; }}")
    css.append(".scheme.open.halo { fill: #ffffff; }")
    if embed_font:
        data = base64.b64encode(resource_path("fonts/" + FONT_FILE).read_bytes()).decode()
        css.insert(0, f"@font-face {{ font-family: '{FONT_FAMILY}'; "
                      f"src: url(data:font/ttf;base64,{data}) format('truetype'); }}")
    return "<style>\n" + "\n".join(css) + "\n</style>"


#: the most of a long claim text its tooltip repeats
MAX_TIP_CHARS = 4_000


def _claim_svg(amap: ArgumentMap, cid: str, lay: Layout, english: bool,
               out: list[str], label: "tuple[str, bool] | None" = None,
               strength: object = _NO_STRENGTH) -> None:
    claim = amap.claims[cid]
    node = lay.claim(cid)
    if node is None:
        return
    shown = claim.display()
    bt = lay.boxes.get(cid) or box_text(amap, claim, english)
    x0, y0 = node.x - node.w / 2, node.y - node.h / 2
    classes = ["claim", f"kind-{claim.kind if claim.kind in KIND_STYLE else 'claim'}"]
    classes += [f"tag-{t.replace(' ', '_')}" for t in (claim.tags or shown.tags)]
    if claim.ref:
        classes.append("ref")
    if label is not None:
        classes.append(f"label-{label[0]}")
    weighed = strength is not _NO_STRENGTH
    value = float(strength) if isinstance(strength, (int, float)) else None
    data = ""
    if weighed:
        classes.append("strength")
        data = f' data-strength="{value!r}"' if value is not None else ' data-strength=""'
    out.append(f'<g id="claim-{escape(cid)}" class="{escape(" ".join(classes))}"{data}>')
    tip = []
    if bt.cut:          # the box shows the beginning: the tooltip has all of it
        tip.append((shown.en if english and shown.en else shown.text)[:MAX_TIP_CHARS])
    if shown.quote:
        tip.append(f"„{shown.quote}“")
    src = amap.source_of(claim)
    if src is not None:
        bits = [b for b in (src.title, src.outlet, src.date) if b]
        tip.append("— " + ", ".join(bits))
    if shown.en and not english:
        tip.append("EN: " + shown.en)
    if label is not None:
        words = map_words(amap.lang)
        tip.append(f"{label[0]}: {words[label[0]]}" + (f" ({words['assumed']})" if label[1] else ""))
    if weighed:
        words = map_words(amap.lang)
        tip.append(f"{words['strength']} {strength_text(value)}"
                   + (f" ({words['unsettled']})" if value is None else "")
                   + f", {words['base']} {claim.base:.2f}")
    if tip:
        out.append(f"<title>{escape(chr(10).join(tip))}</title>")
    fill = f' style="fill: {strength_fill(value)}"' if weighed else ""
    out.append(f'<rect class="box" x="{_f(x0)}" y="{_f(y0)}" width="{_f(node.w)}" '
               f'height="{_f(node.h)}" rx="{CORNER}"{fill}/>')
    tags = claim.tags or shown.tags
    if tags:
        color = tag_color(amap, tags[0])
        out.append(f'<path class="stripe" fill="{color}" d="M{_f(x0 + CORNER)},{_f(y0)} '
                   f"H{_f(x0 + STRIPE)} V{_f(y0 + node.h)} H{_f(x0 + CORNER)} "
                   f"A{CORNER},{CORNER} 0 0 1 {_f(x0)},{_f(y0 + node.h - CORNER)} "
                   f"V{_f(y0 + CORNER)} A{CORNER},{CORNER} 0 0 1 {_f(x0 + CORNER)},{_f(y0)} Z\"/>")
    for run in box_runs(bt):
        weight = ' font-weight="bold"' if run.bold else ""
        out.append(f'<text x="{_f(x0 + run.x)}" y="{_f(y0 + run.baseline)}" '
                   f'font-size="{run.size}"{weight} fill="{run.color}">{escape(run.text)}</text>')
    if label is not None:
        b = label_badge(label[0], label[1], node.w, amap.lang)
        out.append(f'<rect class="badge" x="{_f(x0 + b.x)}" y="{_f(y0 + b.y)}" '
                   f'width="{_f(b.w)}" height="{_f(b.h)}" rx="{_f(b.h / 2)}"/>'
                   f'<text class="badge-text" x="{_f(x0 + b.text_x)}" '
                   f'y="{_f(y0 + b.baseline)}">{escape(b.text)}</text>')
    if weighed:
        b = strength_badge(value, node.w)
        out.append(f'<rect class="strength-badge" fill="{b.border}" x="{_f(x0 + b.x)}" '
                   f'y="{_f(y0 + b.y)}" width="{_f(b.w)}" height="{_f(b.h)}" '
                   f'rx="{_f(b.h / 2)}"/><text class="badge-text" x="{_f(x0 + b.text_x)}" '
                   f'y="{_f(y0 + b.baseline)}">{escape(b.text)}</text>')
    out.append("</g>")


def _legend(amap: ArgumentMap, x: float, y: float, out: list[str],
            evaluated: str = "", weighed: str = "", unsettled: bool = False) -> float:
    words = map_words(amap.lang)
    out.append(f'<g id="legend" class="legend" transform="translate({_f(x)},{_f(y)})">')
    cx = 0.0
    # a rephrase only where the map has one: the line of four would not fit the narrowest
    # picture, and most maps have none
    kinds = ("support", "attack", "undercut") + (
        ("rephrase",) if any(r.type == "rephrase" for r in amap.relations) else ())
    for kind in kinds:
        color, dash, width, head = RELATION_STYLE[kind]
        out.append(f'<g class="{kind}">')
        e = EdgeRoute("", kind, "direct", "", "", [(cx, 10), (cx + 14, 10), (cx + 28, 10),
                                                    (cx + 38, 10)], (cx + 48, 10))
        _edge_svg(e, out)
        out.append(f'<text x="{_f(cx + 56)}" y="14" font-size="11" fill="{TEXT_COLOR}">'
                   f"{words[kind]}</text></g>")
        cx += 140 if len(kinds) == 3 else 130
    out.append(f'<g class="support"><circle class="junction" cx="{_f(cx + 6)}" cy="10" r="4.5"/>'
               f'<text x="{_f(cx + 16)}" y="14" font-size="11" fill="{TEXT_COLOR}">'
               f"{words['linked']}</text></g>")
    first_row = cx + 16 + len(words["linked"]) * 6.5
    cx = 0.0
    for kind in ("thesis", "claim", "evidence", "question"):
        label = words[kind]
        out.append(f'<g class="kind-{kind}"><rect class="box" x="{_f(cx)}" y="28" width="22" '
                   f'height="14" rx="3"/><text x="{_f(cx + 28)}" y="39" font-size="11" '
                   f'fill="{TEXT_COLOR}">{label}</text></g>')
        cx += 100
    used = []
    for c in amap.claims.values():
        for t in c.tags or c.display().tags:
            if t not in used:
                used.append(t)
    for t in used[:12]:
        out.append(f'<rect x="{_f(cx)}" y="29" width="6" height="12" fill="{tag_color(amap, t)}"/>'
                   f'<text x="{_f(cx + 10)}" y="39" font-size="11" fill="{TEXT_COLOR}">'
                   f"{escape(t)}</text>")
        cx += 24 + len(t) * 6.5
    width = max(cx, 560.0, first_row)
    if evaluated:
        cx = 0.0
        out.append(f'<text x="0" y="67" font-size="11" fill="{SMALL_COLOR}">'
                   f"{escape(evaluated)}:</text>")
        cx = 12.0 + len(evaluated) * 6.5
        for label, (fill, border) in LABEL_STYLE.items():
            out.append(f'<g class="claim label-{label}"><rect class="box" x="{_f(cx)}" y="56" '
                       f'width="22" height="14" rx="3"/><text x="{_f(cx + 28)}" y="67" '
                       f'font-size="11" fill="{TEXT_COLOR}">{label} = {words[label]}'
                       "</text></g>")
            cx += 130
        width = max(width, cx)
    if weighed:
        width = max(width, _strength_legend(words, weighed, unsettled, out))
    out.append("</g>")
    return width


def _strength_legend(words: dict[str, str], weighed: str, unsettled: bool,
                     out: list[str]) -> float:
    """The legend line of gradual strengths: the caption, the scale, '?' if needed."""
    out.append(f'<text x="0" y="67" font-size="11" fill="{SMALL_COLOR}">'
               f"{escape(weighed)}:</text>")
    cx = 12.0 + len(weighed) * 6.5
    steps = [(0.0, f"0 {words['weak']}"), (0.25, "0.25"), (0.5, "0.5"), (0.75, "0.75"),
             (1.0, f"1 {words['strong']}")] + ([(None, f"? {words['unsettled']}")]
                                               if unsettled else [])
    for value, text in steps:
        out.append(f'<g class="strength-scale"><rect x="{_f(cx)}" y="56" width="22" '
                   f'height="14" rx="3" fill="{strength_fill(value)}" stroke="{SMALL_COLOR}" '
                   f'stroke-width="0.8"/><text x="{_f(cx + 28)}" y="67" font-size="11" '
                   f'fill="{TEXT_COLOR}">{escape(text)}</text></g>')
        cx += 40 + len(text) * 6.5
    return cx


def render_svg(amap: ArgumentMap, lay: Layout, *, english: bool = False,
               embed_font: bool = False, title: bool = True, legend: bool = True,
               labels: Labels | None = None, evaluated: str = "",
               strengths: StrengthMap | None = None, weighed: str = "",
               schemes: bool = True, overlay: Sequence[str] = ()) -> str:
    """The SVG text.  ``labels`` colours the claims by an evaluation, which the
    legend names as ``evaluated`` (e.g. "grounded semantics"); ``strengths`` fills
    them by gradual strengths, named in the legend as ``weighed``.  ``english``: the
    claims' English texts; the fixed words (legend, kinds, badges) follow ``amap.lang``.
    With ``schemes``, a relation that names a scheme shows its short name and the
    number of its open critical questions (argmap.scheme_marks).  ``overlay``: SVG
    elements drawn over everything of the map (in its coordinates), e.g. a comparison's
    marks (argmap.diff_svg)."""
    top = TITLE_BAND if title else 0.0
    extra = labels is not None or strengths is not None
    bottom = (LEGEND_H + (22.0 if extra else 0.0)) if legend else 0.0
    width = max(lay.width, 600.0 if legend else 0.0)
    key: list[str] = []      # the legend, drawn first to know how wide it is
    if legend:
        drawn = _legend(
            amap, 16, top + lay.height + 8, key,
            (evaluated or map_words(amap.lang)["evaluation"]) if labels is not None else "",
            (weighed or map_words(amap.lang)["strength"]) if strengths is not None else "",
            strengths is not None and any(v is None for v in strengths.values()))
        if strengths is not None or any(r.type == "rephrase" for r in amap.relations):
            width = max(width, drawn + 32)
    height = lay.height + top + bottom
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{_f(width)}" '
           f'height="{_f(height)}" viewBox="0 0 {_f(width)} {_f(height)}">',
           f"<title>{escape(amap.title)}</title>",
           _style_block(embed_font),
           '<rect width="100%" height="100%" fill="#ffffff"/>']
    if title:
        out.append(f'<g id="map-title"><text class="title" x="16" y="28">'
                   f"{escape(amap.title)}</text></g>")
    out.append(f'<g id="map" transform="translate({_f(-lay.left)},{_f(top - lay.top)})">')
    out.append('<g id="relations">')
    marks: dict[str, SchemeMark] = {}
    if schemes and any(r.scheme for r in amap.relations):
        from .scheme_marks import bezier_middle, scheme_marks
        marks = scheme_marks(amap)
    above: list[str] = []    # the schemes' names, drawn over the claims: a short edge
    #                          between near boxes would hide them
    by_rel: dict[str, list[EdgeRoute]] = {}
    for e in lay.edges:
        by_rel.setdefault(e.relation, []).append(e)
    for rel in amap.relations:
        edges = by_rel.get(rel.key)
        if not edges:
            continue
        classes = ["relation", rel.type] + (["linked"] if rel.linked else [])
        out.append(f'<g id="rel-{escape(svg_id(rel.key))}" class="{escape(" ".join(classes))}">')
        verb = map_words(amap.lang).get(rel.type, rel.type)
        what = f"{', '.join(rel.premises)} {verb} {rel.target}"
        mark = marks.get(rel.key)
        tip = [what] + ([rel.note] if rel.note else []) + \
            ([mark.tooltip(amap.lang)] if mark is not None else [])
        out.append(f"<title>{escape(chr(10).join(tip))}</title>")
        for e in edges:
            _edge_svg(e, out)
        j = lay.nodes.get("j:" + rel.key)
        if j is not None:
            out.append(f'<circle class="junction" cx="{_f(j.x)}" cy="{_f(j.y)}" '
                       f'r="{_f(j.w / 2)}"/>')
        if mark is not None:
            x, y = ((j.x, j.y + j.w / 2 + SMALL_SIZE + 2) if j is not None
                    else bezier_middle(edges[0].points))
            _scheme_svg(rel.key, mark, amap.lang, x, y, above)
        out.append("</g>")
    out.append("</g>")
    out.append('<g id="claims">')
    for cid in amap.claims:
        _claim_svg(amap, cid, lay, english, out,
                   labels.get(cid) if labels is not None else None,
                   strengths.get(cid, _NO_STRENGTH) if strengths is not None else _NO_STRENGTH)
    out.append("</g>")
    if above:
        out.append('<g id="schemes">')
        out += above
        out.append("</g>")
    out += overlay
    out.append("</g>")
    out += key
    out.append("</svg>")
    return "\n".join(out) + "\n"
