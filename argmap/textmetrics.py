"""Text width measurement and word wrapping in the shipped font, without Qt.

Reads advance widths straight from the TrueType file in ``resources/fonts``
(the same file the app loads and the SVG names), so that the boxes Graphviz
is told to lay out fit the text Qt and browsers draw.  Kerning is ignored,
which errs on the wide side.
"""

from __future__ import annotations

import struct
from functools import lru_cache

from .resources import resource_path


class FontMetrics:
    """Advance widths of one TrueType font; ``width(text, size)`` in pixels."""

    def __init__(self, path: str) -> None:
        with open(path, "rb") as fh:
            data = fh.read()
        num_tables = struct.unpack_from(">H", data, 4)[0]
        tables = {}
        for i in range(num_tables):
            tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            tables[tag.decode("latin-1")] = (offset, length)
        head = tables["head"][0]
        self.units_per_em = struct.unpack_from(">H", data, head + 18)[0]
        hhea = tables["hhea"][0]
        self.ascent, self.descent, self.line_gap = struct.unpack_from(">hhh", data, hhea + 4)
        n_hmetrics = struct.unpack_from(">H", data, hhea + 34)[0]
        hmtx = tables["hmtx"][0]
        self._advances = [struct.unpack_from(">H", data, hmtx + 4 * i)[0]
                          for i in range(n_hmetrics)]
        self._cmap = self._read_cmap(data, tables["cmap"][0])
        space = self._glyph_advance(ord(" "))
        self._fallback = self._glyph_advance(ord("n")) or space or self.units_per_em // 2
        self._cache: dict[str, float] = {}
        #: word -> its width in font units: wrapping measures the same words again
        #: and again, and a lookup is cheaper than summing their characters
        self._words: dict[str, float] = {}

    @staticmethod
    def _read_cmap(data: bytes, cmap: int) -> dict[int, int]:
        n = struct.unpack_from(">H", data, cmap + 2)[0]
        best = None
        for i in range(n):
            platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
            fmt = struct.unpack_from(">H", data, cmap + offset)[0]
            if fmt == 4 and (platform, encoding) in ((3, 1), (0, 3), (0, 4), (0, 1)):
                best = cmap + offset
                break
        mapping: dict[int, int] = {}
        if best is None:
            return mapping
        seg_x2 = struct.unpack_from(">H", data, best + 6)[0]
        segs = seg_x2 // 2
        ends = struct.unpack_from(f">{segs}H", data, best + 14)
        starts = struct.unpack_from(f">{segs}H", data, best + 16 + seg_x2)
        deltas = struct.unpack_from(f">{segs}h", data, best + 16 + 2 * seg_x2)
        ro_base = best + 16 + 3 * seg_x2
        range_offsets = struct.unpack_from(f">{segs}H", data, ro_base)
        for s in range(segs):
            start, end, delta, ro = starts[s], ends[s], deltas[s], range_offsets[s]
            if start == 0xFFFF:
                continue
            for c in range(start, end + 1):
                if ro == 0:
                    g = (c + delta) & 0xFFFF
                else:
                    addr = ro_base + 2 * s + ro + 2 * (c - start)
                    g = struct.unpack_from(">H", data, addr)[0]
                    if g:
                        g = (g + delta) & 0xFFFF
                if g:
                    mapping[c] = g
        return mapping

    def _glyph_advance(self, codepoint: int) -> int:
        g = self._cmap.get(codepoint)
        if g is None:
            return 0
        return self._advances[min(g, len(self._advances) - 1)]

    def char_units(self, ch: str) -> float:
        w = self._cache.get(ch)
        if w is None:
            w = self._glyph_advance(ord(ch)) or self._fallback
            self._cache[ch] = w
        return w

    def width(self, text: str, size: float) -> float:
        try:
            total = sum(map(self._cache.__getitem__, text))
        except KeyError:
            total = sum(map(self.char_units, text))
        return total * size / self.units_per_em

    def word_units(self, word: str) -> float:
        """The width of ``word`` in font units (remembered)."""
        w = self._words.get(word)
        if w is None:
            try:
                w = sum(map(self._cache.__getitem__, word))
            except KeyError:
                w = sum(map(self.char_units, word))
            if len(self._words) < 100_000:
                self._words[word] = w
        return w

    def line_height(self, size: float) -> float:
        return (self.ascent - self.descent + self.line_gap) * size / self.units_per_em

    def ascent_px(self, size: float) -> float:
        return self.ascent * size / self.units_per_em


@lru_cache(maxsize=4)
def font_metrics(name: str = "DejaVuSans.ttf") -> FontMetrics:
    return FontMetrics(str(resource_path("fonts/" + name)))


def wrap(text: str, max_width: float, size: float, metrics: FontMetrics) -> list[str]:
    """Greedy word wrap; words longer than a line are broken."""
    if len(text) > _REMEMBERED_TEXT:
        return _wrap(text, max_width, size, metrics)
    return list(_remembered_wrap(text, max_width, size, metrics))


#: texts up to this long have their wrapping remembered: a map's boxes are measured
#: again for every layout of it (the quick one, dot's, a part of it)
_REMEMBERED_TEXT = 4096


@lru_cache(maxsize=16_384)
def _remembered_wrap(text: str, max_width: float, size: float,
                     metrics: FontMetrics) -> tuple[str, ...]:
    return tuple(_wrap(text, max_width, size, metrics))


def _wrap(text: str, max_width: float, size: float, metrics: FontMetrics) -> list[str]:
    lines: list[str] = []
    space = metrics.width(" ", size)
    upm = metrics.units_per_em
    word_units = metrics.word_units
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line, line_w = "", 0.0
        for word in words:
            w = word_units(word) * size / upm     # as metrics.width(word, size)
            while w > max_width:  # break an overlong word
                cut = _longest_fit(word, max_width, size, metrics)
                if line:
                    lines.append(line)
                lines.append(word[:cut] + "-")
                line, line_w = "", 0.0
                word = word[cut:]
                w = metrics.width(word, size)
            if line and line_w + space + w > max_width:
                lines.append(line)
                line, line_w = word, w
            elif line:
                line, line_w = line + " " + word, line_w + space + w
            else:
                line, line_w = word, w
        lines.append(line)
    return lines


def _longest_fit(word: str, max_width: float, size: float, metrics: FontMetrics) -> int:
    """How many of the word's characters fit on a line with a hyphen (at least one);
    one walk along the word, not a measurement per candidate length."""
    limit = max_width * metrics.units_per_em / size
    hyphen = metrics.char_units("-")
    units, cut = 0, 1
    for i, ch in enumerate(word):
        units += metrics.char_units(ch)
        if units + hyphen > limit:
            break
        cut = i + 1
    return max(1, cut)
