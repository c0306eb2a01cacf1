"""How a map looks: sizes, colours and line styles shared by SVG and app.

One place, so the exported SVG and the canvas draw the same picture.
Sizes are in pixels (= points at 72 dpi, Graphviz's unit).
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .model import ArgumentMap, Claim
from .textmetrics import FontMetrics, font_metrics, wrap

FONT_FILE = "DejaVuSans.ttf"
FONT_FILE_BOLD = "DejaVuSans-Bold.ttf"
FONT_FAMILY = "DejaVu Sans"
FONT_STACK = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"

TEXT_SIZE = 12.0
SMALL_SIZE = 10.0
TITLE_SIZE = 18.0
TEXT_WIDTH = 210.0        # wrap claim text at this width
PAD_X = 10.0
PAD_Y = 7.0
GAP = 4.0                 # between text and the small lines
STRIPE = 5.0              # tag colour stripe on the left edge
CORNER = 6.0
JUNCTION = 9.0            # diameter of a linked-argument junction

KIND_STYLE = {
    #          fill       border     border width
    "thesis": ("#fff3d1", "#b8860b", 2.2),
    "claim": ("#ffffff", "#6b7780", 1.2),
    "evidence": ("#eef4fb", "#4e79a7", 1.2),
    "question": ("#f4eefa", "#7a4fa0", 2.2),
}

RELATION_STYLE = {
    #            colour     dash      width  head
    "support": ("#2e7d32", "", 1.6, "arrow"),
    "attack": ("#c62828", "7,4", 1.6, "tee"),
    "undercut": ("#7b3fa0", "2,3", 1.6, "tee"),
    # a restatement: "=", two thin grey lines (width each, the gap below) and no head:
    # the two claims say the same, neither is a reason for the other
    "rephrase": ("#6b7780", "", 1.2, "none"),
}
#: relation kinds drawn as a double line: the gap between its two lines
DOUBLE_GAP = {"rephrase": 1.8}
#: the fixed words drawn into a map (legend, box headers, badges, tooltips), by the
#: map's language; a language not listed here gets English (see map_words)
MAP_WORDS = {
    "de": {"support": "stützt", "attack": "greift an", "undercut": "unterläuft",
           "rephrase": "wiederholt",
           "linked": "verbundenes Argument", "thesis": "These", "claim": "Aussage",
           "evidence": "Beleg", "question": "Frage", "IN": "hält", "OUT": "fällt",
           "UNDEC": "offen", "assumed": "angenommen", "evaluation": "Bewertung",
           "weak": "schwach", "strong": "stark", "unsettled": "kein Grenzwert",
           "strength": "Stärke", "base": "Basis"},
    "en": {"support": "supports", "attack": "attacks", "undercut": "undercuts",
           "rephrase": "restates",
           "linked": "linked argument", "thesis": "Thesis", "claim": "Claim",
           "evidence": "Evidence", "question": "Question", "IN": "stands", "OUT": "falls",
           "UNDEC": "undecided", "assumed": "assumed", "evaluation": "evaluation",
           "weak": "weak", "strong": "strong", "unsettled": "did not settle",
           "strength": "strength", "base": "base"},
}
#: kinds whose box shows no kind word (most claims are plain claims)
UNLABELLED_KINDS = frozenset({"claim"})

#: an evaluation's label of a claim: box fill, border (and badge) colour
LABEL_STYLE = {
    "IN": ("#e7f5e4", "#2e7d32"),
    "OUT": ("#fbe8e6", "#c62828"),
    "UNDEC": ("#fff5d9", "#a66d00"),
}
#: a gradual strength's box fill: weak (0), middle (0.5), strong (1), mixed in between
#: (a diverging scale that colour-blind readers can tell apart, light enough for text)
STRENGTH_SCALE = ("#ef8a62", "#f7f7f7", "#67a9cf")
#: the box of a claim whose strength did not settle, and the strength badge
STRENGTH_UNSETTLED = "#ffffff"
STRENGTH_BADGE = "#56606a"
BADGE_SIZE = 8.5
TEXT_COLOR = "#1d2329"
SMALL_COLOR = "#56606a"
#: a critical question still open: the count beside a scheme's name at its relation
OPEN_COLOR = "#b35c00"
TAG_PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
               "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")


_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def words_language(lang: str | None) -> str:
    """The MAP_WORDS entry for a map language: ``de``, ``de-AT`` -> ``de``; ``en``, ``fr``,
    anything not listed -> ``en``."""
    base = (lang or "").strip().replace("_", "-").partition("-")[0].lower()
    return base if base in MAP_WORDS else "en"


def map_words(lang: str | None) -> dict[str, str]:
    """The fixed words for a map in ``lang``."""
    return MAP_WORDS[words_language(lang)]


def kind_label(kind: str, lang: str | None) -> str:
    """The word a claim box of ``kind`` is headed with ('' for a plain claim)."""
    return "" if kind in UNLABELLED_KINDS else map_words(lang).get(kind, "")


def tag_color(amap: ArgumentMap, tag: str) -> str:
    color = amap.display.tag_colors.get(tag)
    if isinstance(color, str) and _COLOR.fullmatch(color):   # nothing else reaches a picture
        return color
    h = int(hashlib.md5(tag.encode("utf-8")).hexdigest()[:6], 16)
    return TAG_PALETTE[h % len(TAG_PALETTE)]


@dataclass
class BoxText:
    """What a claim box shows and its size: lines in the text and small font."""

    width: float
    height: float
    header: str           # small: kind label and speaker
    lines: list[str]      # claim text, wrapped (at most MAX_LINES, the last one ending in …)
    footer: str           # small: where it comes from
    #: the text was longer than a box shows (its tooltip gives all of it)
    cut: bool = False


def source_label(amap: ArgumentMap, claim: Claim) -> str:
    shown = claim.display()
    src = amap.source_of(claim)
    if src is None:
        return shown.source
    bits = [b for b in (src.outlet if src.outlet and src.outlet != "nicht genannt" else "",
                        src.date) if b]
    return ", ".join(bits) or src.title or src.id


def box_text(amap: ArgumentMap, claim: Claim, english: bool = False,
             metrics: FontMetrics | None = None) -> BoxText:
    """The box of ``claim``: its English text (``en``) with ``english``; the kind word
    is in the map's language either way.  Boxes are remembered by what they show: a
    map's boxes are asked for by the canvas and by every layout of it."""
    shown = claim.display()
    text = (shown.en if english and shown.en else shown.text) or claim.id
    kind = kind_label(claim.kind, amap.lang)
    header = " · ".join(b for b in (kind, shown.speaker) if b)
    footer = source_label(amap, claim)
    if claim.ref:
        footer = ("↗ " + claim.ref.partition("#")[0].removesuffix(".yaml")
                  + (" · " + footer if footer else ""))
    if metrics is not None:
        return _box(text, header, footer, metrics, metrics)
    return _remembered_box(text, header, footer)


@lru_cache(maxsize=32_768)
def _remembered_box(text: str, header: str, footer: str) -> BoxText:
    return _box(text, header, footer, font_metrics(FONT_FILE), font_metrics(FONT_FILE_BOLD))


def _box(text: str, header: str, footer: str, m: FontMetrics, bold: FontMetrics) -> BoxText:
    # a box is not a page: at most MAX_LINES lines, so that a text of any length
    # costs a bounded time to wrap and a bounded place in the picture
    cut = len(text) > MAX_BOX_CHARS
    lines = wrap(text[:MAX_BOX_CHARS] if cut else text, TEXT_WIDTH, TEXT_SIZE, m)
    if cut or len(lines) > MAX_LINES:
        cut = True
        lines = lines[:MAX_LINES]
        lines[-1] = _ellipsize(lines[-1].rstrip("-") + " …", TEXT_WIDTH, m, TEXT_SIZE)
    header = _ellipsize(header, TEXT_WIDTH, bold)
    footer = _ellipsize(footer, TEXT_WIDTH, m)
    w = max([m.width(line, TEXT_SIZE) for line in lines]
            + [bold.width(header, SMALL_SIZE), m.width(footer, SMALL_SIZE), 40.0])
    lh, sh = line_height(TEXT_SIZE), line_height(SMALL_SIZE)
    h = PAD_Y * 2 + lh * len(lines)
    if header:
        h += sh + GAP / 2
    if footer:
        h += sh + GAP
    return BoxText(math.ceil((w + 2 * PAD_X + STRIPE) * 10) / 10, math.ceil(h * 10) / 10,
                   header, lines, footer, cut)


#: the most lines of text a claim box shows, and the most characters wrapped for them
#: (about as many as twelve lines hold)
MAX_LINES = 12
MAX_BOX_CHARS = 720


def line_height(size: float) -> float:
    return round(size * 1.28, 2)


def _ellipsize(text: str, width: float, m: FontMetrics, size: float = SMALL_SIZE) -> str:
    if m.width(text, size) <= width:
        return text
    while text and m.width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass
class TextRun:
    """One line of text in a box, placed relative to the box's top left."""

    text: str
    x: float
    baseline: float
    size: float
    bold: bool
    color: str


def box_runs(bt: BoxText, metrics: FontMetrics | None = None) -> list[TextRun]:
    """Where each line of a claim box goes; SVG and canvas both draw these."""
    m = metrics or font_metrics(FONT_FILE)
    x = STRIPE + PAD_X
    y = PAD_Y
    runs: list[TextRun] = []
    sh, lh = line_height(SMALL_SIZE), line_height(TEXT_SIZE)
    if bt.header:
        runs.append(TextRun(bt.header, x, round(y + m.ascent_px(SMALL_SIZE), 2), SMALL_SIZE,
                            True, SMALL_COLOR))
        y += sh + GAP / 2
    for line in bt.lines:
        runs.append(TextRun(line, x, round(y + m.ascent_px(TEXT_SIZE), 2), TEXT_SIZE, False,
                            TEXT_COLOR))
        y += lh
    if bt.footer:
        y += GAP
        runs.append(TextRun(bt.footer, x, round(y + m.ascent_px(SMALL_SIZE), 2), SMALL_SIZE,
                            False, SMALL_COLOR))
    return runs


def double_line(kind: str) -> tuple[float, float] | None:
    """For a kind drawn as a double line: the width of the whole band and of the gap
    in it (drawn over it in the background colour); None for a single line."""
    gap = DOUBLE_GAP.get(kind)
    if gap is None:
        return None
    width = RELATION_STYLE.get(kind, RELATION_STYLE["support"])[2]
    return 2 * width + gap, gap


def arrow_head(head: str, base: tuple[float, float], tip: tuple[float, float],
               size: float = 9.0) -> tuple[list[tuple[float, float]], str]:
    """The head of an edge as a polygon ('fill') or a polyline ('stroke'), or no
    head at all ('none': the line runs on to the tip).

    ``arrow``: a filled triangle from ``base`` to ``tip``; ``tee``: a line up
    to the tip with a bar across it; ``none``: nothing.
    """
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    d = math.hypot(dx, dy) or 1.0
    ux, uy = dx / d, dy / d
    px, py = -uy, ux
    if head == "arrow":
        bx, by = tip[0] - ux * size, tip[1] - uy * size
        half = size * 0.42
        return [tip, (bx + px * half, by + py * half), (bx - px * half, by - py * half)], "fill"
    if head == "none":
        return [], "none"
    half = size * 0.7
    return [(tip[0] + px * half, tip[1] + py * half), (tip[0] - px * half, tip[1] - py * half)], \
        "stroke"


@dataclass
class Badge:
    """The label tag that sits on a claim box's top edge, relative to the box's top left."""

    text: str
    x: float
    y: float
    w: float
    h: float
    text_x: float
    baseline: float
    fill: str
    border: str


def label_badge(label: str, assumed: bool, box_w: float, lang: str | None = "de",
                metrics: FontMetrics | None = None) -> Badge:
    """Where the evaluation badge of a box goes; SVG and canvas both draw it.
    ``lang``: the map's language, for the word of an assumption."""
    m = metrics or font_metrics(FONT_FILE_BOLD)
    text = label + (f" ({map_words(lang)['assumed']})" if assumed else "")
    tw = m.width(text, BADGE_SIZE)
    w = math.ceil(tw + 10)
    h = 14.0
    fill, border = LABEL_STYLE[label]
    x = box_w - w - 8
    return Badge(text, x, -h / 2, w, h, round(x + (w - tw) / 2, 2),
                 round((0.729 * BADGE_SIZE) / 2, 2),  # capitals centred on the edge
                 fill, border)


def strength_fill(value: float | None) -> str:
    """The box fill for a claim of strength ``value`` (None: it did not settle)."""
    if value is None or not value == value:
        return STRENGTH_UNSETTLED
    v = min(1.0, max(0.0, value))
    lo, hi, t = ((STRENGTH_SCALE[0], STRENGTH_SCALE[1], v * 2) if v < 0.5
                 else (STRENGTH_SCALE[1], STRENGTH_SCALE[2], v * 2 - 1))
    mixed = (round(int(lo[i:i + 2], 16) * (1 - t) + int(hi[i:i + 2], 16) * t)
             for i in (1, 3, 5))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def strength_text(value: float | None) -> str:
    """A strength as a box shows it: two decimals, '?' when it did not settle."""
    return "?" if value is None else f"{value:.2f}"


def strength_badge(value: float | None, box_w: float,
                   metrics: FontMetrics | None = None) -> Badge:
    """The badge with a claim's strength, where the label badge goes (top edge, right)."""
    m = metrics or font_metrics(FONT_FILE_BOLD)
    text = strength_text(value)
    tw = m.width(text, BADGE_SIZE)
    w = math.ceil(tw + 10)
    h = 14.0
    x = box_w - w - 8
    return Badge(text, x, -h / 2, w, h, round(x + (w - tw) / 2, 2),
                 round((0.729 * BADGE_SIZE) / 2, 2), strength_fill(value), STRENGTH_BADGE)
