"""An article's text with positions: quotes, paragraphs, sentences, near misses.

:class:`SourceText` keeps the raw text of an article (what a viewer shows)
and its normalised form (exactly :func:`argmap.quotes.normalise`), with a map
from normalised positions back to raw ones.  A quote is looked up the way
:func:`argmap.quotes.quote_found` checks it, and its place is reported as a
span of the raw text: ``raw[start:end]``, Python ``str`` indices, end
exclusive, from the quote's first real character to its last.

Normalising is NFC, then dropping soft hyphens and zero-width characters,
then plain quote marks, then one space for every run of white space (none at
the ends).  The map is kept piecewise-linear, so building it costs a few
regular-expression passes, not a Python loop over every character, unless the
raw text is not in NFC (decomposed umlauts), which takes a slower path.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .paths import inside
from .quotes import _DROP, _QUOTES, normalise

_DROP_CHARS = "".join(map(chr, _DROP))
_BLANKS = "".join(c for c in map(chr, range(0x3001)) if c.isspace())   # str.split()'s
_SKIP_CHARS = _BLANKS + _DROP_CHARS
_SKIP = frozenset(_SKIP_CHARS)
#: Inside the text, the runs that change length when normalised: two or more
#: blank/invisible characters, or a lone invisible one.  (A single blank
#: becomes a single space: no change of position.)
_RUN = re.compile(rf"[\s{re.escape(_DROP_CHARS)}]{{2,}}|[{re.escape(_DROP_CHARS)}]")
_DROP_RE = re.compile(f"[{re.escape(_DROP_CHARS)}]")
_QUOTE_RE = re.compile("[" + re.escape("".join(map(chr, _QUOTES))) + "]")
_QUOTE_MAP = {chr(k): v for k, v in _QUOTES.items()}
_TOKEN = re.compile(r"\s+|\S+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"\S+")

#: A line longer than this is not hard-wrapped text but a paragraph of its own.
WRAP_WIDTH = 100
#: nearest() offers nothing less alike than this (difflib ratio).
MIN_RATIO = 0.6
#: nearest() shifts and stretches a window only if it is this close to MIN_RATIO.
REFINE = 0.25


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: raw span (edges without white space), first line (1-based), text."""

    start: int
    end: int
    line: int
    text: str


@dataclass(frozen=True)
class Suggestion:
    """The passage most like a quote that was not found: raw span, text, likeness.

    ``ratio`` is difflib's ratio of the normalised passage and quote (1.0: equal),
    at least MIN_RATIO (or the ``min_ratio`` asked for).

    ``text`` is the passage on one line (invisible characters dropped, white
    space runs made one space), ready to be used as the quote.
    """

    start: int
    end: int
    text: str
    ratio: float


class _Pieces:
    """A piecewise map from positions in a derived text to spans of its origin.

    Piece k starts at derived position ``starts[k]``.  A linear piece maps
    position p to the single origin character ``origins[k] + p - starts[k]``;
    an atomic piece (``sizes[k] >= 0``) maps each of its positions to the whole
    origin span ``origins[k] .. origins[k] + sizes[k]`` (composed characters).
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.sizes: list[int] = []

    def linear(self, start: int, origin: int) -> None:
        if self.starts and self.sizes[-1] < 0 and \
                self.origins[-1] + start - self.starts[-1] == origin:
            return  # continues the previous piece
        self.starts.append(start)
        self.origins.append(origin)
        self.sizes.append(-1)

    def atomic(self, start: int, origin: int, size: int) -> None:
        self.starts.append(start)
        self.origins.append(origin)
        self.sizes.append(size)

    def span(self, p: int) -> tuple[int, int]:
        """The origin span that derived character ``p`` comes from."""
        k = bisect_right(self.starts, p) - 1
        origin, size = self.origins[k], self.sizes[k]
        if size < 0:
            o = origin + p - self.starts[k]
            return o, o + 1
        return origin, origin + size


def _nfc_pieces(raw: str) -> tuple[str, _Pieces | None]:
    """NFC of ``raw`` and the map back to it (None: NFC changes nothing)."""
    if unicodedata.is_normalized("NFC", raw):
        return raw, None
    pieces, parts, pos = _Pieces(), [], 0
    for m in _TOKEN.finditer(raw):
        token, at = m.group(), m.start()
        nfc = unicodedata.normalize("NFC", token)
        if nfc == token or token[0].isspace():   # white space NFCs char by char
            pieces.linear(pos, at)
        else:
            _cluster_pieces(token, at, nfc, pos, pieces)
        parts.append(nfc)
        pos += len(nfc)
    text = "".join(parts)
    if text != unicodedata.normalize("NFC", raw):  # a boundary was not safe after all
        pieces = _Pieces()
        pieces.atomic(0, 0, len(raw))
        text = unicodedata.normalize("NFC", raw)
    return text, pieces


def _cluster_pieces(word: str, at: int, nfc: str, pos: int, pieces: _Pieces) -> None:
    """Map a word NFC changes, cluster by cluster (a base and its marks)."""
    cuts = [i for i, c in enumerate(word) if i == 0 or not unicodedata.combining(c)] + [len(word)]
    clusters = [(cuts[i], word[cuts[i]:cuts[i + 1]]) for i in range(len(cuts) - 1)]
    done = [unicodedata.normalize("NFC", c) for _, c in clusters]
    if "".join(done) != nfc:   # e.g. Hangul jamo compose across clusters
        pieces.atomic(pos, at, len(word))
        return
    for (offset, cluster), out in zip(clusters, done):
        if out == cluster:
            pieces.linear(pos, at + offset)
        else:
            pieces.atomic(pos, at + offset, len(cluster))
        pos += len(out)


def _normalised(nfc: str) -> str:
    """``argmap.quotes.normalise`` of a text already in NFC, the same but faster.

    The same tables, applied with regular expressions instead of
    ``str.translate`` (which looks up every character): a few times faster
    on an article.  The tests check that both agree.
    """
    text = _QUOTE_RE.sub(lambda m: _QUOTE_MAP[m.group()], _DROP_RE.sub("", nfc))
    return " ".join(text.split())


def _collapse_pieces(nfc: str) -> tuple[_Pieces, int]:
    """Map the normalised text back to ``nfc`` (invisibles dropped, blanks collapsed).

    Returns the map and the length of the normalised text it maps.
    """
    first = len(nfc) - len(nfc.lstrip(_SKIP_CHARS))     # leading run: dropped
    last = len(nfc.rstrip(_SKIP_CHARS))                 # trailing run: dropped
    pieces, pos, prev = _Pieces(), 0, first
    pieces.linear(0, first)
    for m in _RUN.finditer(nfc, first, last):
        a, b = m.span()
        pos += a - prev
        ws = next((i for i, c in enumerate(m.group()) if c.isspace()), -1)
        if ws >= 0:                         # some white space: one space,
            pieces.linear(pos, a + ws)      # standing for the first blank
            pos += 1
        pieces.linear(pos, b)
        prev = b
    pos += max(0, last - prev)
    return pieces, pos


class SourceText:
    """The raw text of an article, its normalised form and the map between them."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        nfc, self._nfc = _nfc_pieces(raw)
        #: the text quotes are checked against (argmap.quotes.normalise(raw))
        self.normalised = _normalised(nfc)
        self._collapse, length = _collapse_pieces(nfc)
        if length != len(self.normalised):
            raise AssertionError("sourcetext: offset map out of step with normalise()")
        self._line_starts: list[int] | None = None
        self._paragraphs: list[Paragraph] | None = None
        self._sentences: list[tuple[int, int]] | None = None
        self._words: tuple[list[int], list[int], list[str]] | None = None

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> "SourceText":
        """Read an article (UTF-8); OSError and UnicodeDecodeError pass through."""
        with open(path, encoding="utf-8") as fh:
            return cls(fh.read())

    # -- positions -------------------------------------------------------------
    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span of the normalised span ``start..end`` (non-empty)."""
        a, b = self._collapse.span(start)[0], self._collapse.span(end - 1)[1]
        if self._nfc is not None:
            a, b = self._nfc.span(a)[0], self._nfc.span(b - 1)[1]
        return a, b

    def line_of(self, index: int) -> int:
        """The 1-based line number of raw position ``index``."""
        return bisect_right(self._lines(), index)

    def _lines(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.raw)]
        return self._line_starts

    # -- quotes ----------------------------------------------------------------
    def find(self, quote: str) -> tuple[int, int] | None:
        """Raw span of the first occurrence of ``quote``, matched like quote_found()."""
        q = normalise(quote)
        i = self.normalised.find(q) if q else -1
        return None if i < 0 else self.raw_span(i, i + len(q))

    def find_all(self, quotes: dict[str, str]) -> dict[str, tuple[int, int]]:
        """``find`` for many quotes by key; only the found ones are in the result."""
        out: dict[str, tuple[int, int]] = {}
        for key, quote in quotes.items():
            span = self.find(quote)
            if span is not None:
                out[key] = span
        return out

    # -- structure -------------------------------------------------------------
    def paragraphs(self) -> list[Paragraph]:
        """The paragraphs, in order.

        Blank lines separate paragraphs; a text without blank lines has one
        paragraph per non-empty line.  A block (between blank lines) with a
        line longer than WRAP_WIDTH, except its last, is not hard-wrapped
        prose but one paragraph per line too, as in articles that put each
        paragraph on a line and a blank line only here and there.
        """
        if self._paragraphs is None:
            self._paragraphs = self._split_paragraphs()
        return list(self._paragraphs)

    def _split_paragraphs(self) -> list[Paragraph]:
        starts = self._lines()
        lines = []   # (line number, start, end) of each line, edges trimmed; None: blank
        for n, s in enumerate(starts):
            e = starts[n + 1] if n + 1 < len(starts) else len(self.raw)
            a, b = _trim(self.raw, s, e)
            lines.append((n + 1, a, b) if a < b else None)
        blocks: list[list[tuple[int, int, int]]] = [[]]
        for ln in lines:
            if ln is None:
                if blocks[-1]:
                    blocks.append([])
            else:
                blocks[-1].append(ln)
        blocks = [b for b in blocks if b]
        has_blank = any(ln is None for ln in lines) and len(blocks) > 1
        out: list[Paragraph] = []
        for block in blocks:
            wrapped = has_blank and all(b - a <= WRAP_WIDTH for _, a, b in block[:-1])
            groups = [block] if wrapped else [[ln] for ln in block]
            for g in groups:
                start, end = g[0][1], g[-1][2]
                out.append(Paragraph(start, end, g[0][0], self.raw[start:end]))
        return out

    def sentences(self) -> list[tuple[int, int]]:
        """Raw spans of the sentences, in order (see :func:`sentence_ends`)."""
        if self._sentences is None:
            out: list[tuple[int, int]] = []
            for p in self.paragraphs():
                start = p.start
                for end in sentence_ends(p.text):
                    a, b = _trim(self.raw, start, p.start + end)
                    if a < b:
                        out.append((a, b))
                    start = p.start + end
                a, b = _trim(self.raw, start, p.end)
                if a < b:
                    out.append((a, b))
            self._sentences = out
        return list(self._sentences)

    # -- near misses -----------------------------------------------------------
    def nearest(self, quote: str, min_ratio: float = MIN_RATIO) -> Suggestion | None:
        """The passage most like ``quote``, or None if none is ``min_ratio`` alike.

        A found quote gives its own place (ratio 1.0).  Otherwise word windows
        of the quote's length are ranked by shared words (case-folded word
        beginnings); each of the best few that difflib finds near enough is
        then shifted and stretched by up to two words, and the window with
        the highest difflib ratio wins.  Punctuation at a window's ends that
        the quote does not have there is left out.
        """
        q = normalise(quote)
        if not q:
            return None
        i = self.normalised.find(q)
        if i >= 0:
            a, b = self.raw_span(i, i + len(q))
            return Suggestion(a, b, _tidy(self.raw[a:b]), 1.0)
        starts, ends, keys = self._word_index()
        n = len(q.split())
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(q)   # difflib caches the quote's side

        def score(first: int, size: int, floor: float) -> tuple[float, int, int]:
            """Ratio and normalised span of a word window (0.0 if not above floor)."""
            last = min(first + size, len(starts)) - 1
            a, b = _trim_punct(self.normalised, starts[first], ends[last], q)
            if a >= b:
                return 0.0, a, b
            matcher.set_seq1(self.normalised[a:b])
            if matcher.real_quick_ratio() <= floor or matcher.quick_ratio() <= floor:
                return 0.0, a, b
            return matcher.ratio(), a, b

        best = (min_ratio - 1e-9, -1, -1)   # a window must beat this
        for s in _candidates(keys, [_key(w) for w in q.split()]):
            if score(s, n, 0.0)[0] < min_ratio - REFINE:
                continue   # not even close: not worth shifting and stretching
            for first in range(max(0, s - 2), min(len(starts), s + 3)):
                for size in range(max(1, n - 2), n + 3):
                    r = score(first, size, best[0])
                    if r[0] > best[0]:
                        best = r
        ratio, a, b = best
        if a < 0:
            return None
        start, end = self.raw_span(a, b)
        return Suggestion(start, end, _tidy(self.raw[start:end]), round(ratio, 3))

    def _word_index(self) -> tuple[list[int], list[int], list[str]]:
        """Start, end and matching key of every word of the normalised text."""
        if self._words is None:
            starts, ends, keys = [], [], []
            for m in _WORD.finditer(self.normalised):
                starts.append(m.start())
                ends.append(m.end())
                keys.append(_key(m.group()))
            self._words = (starts, ends, keys)
        return self._words


# -- helpers ---------------------------------------------------------------------

def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Narrow ``a..b`` to leave out white space and invisibles at both ends."""
    while a < b and text[a] in _SKIP:
        a += 1
    while b > a and text[b - 1] in _SKIP:
        b -= 1
    return a, b


def _tidy(text: str) -> str:
    """A passage on one line: NFC, invisibles dropped, white space runs one space."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_DROP).split())


_PUNCT = ".,;:!?\"'()[]–—-…"


def _key(word: str) -> str:
    """What two words must share to count as alike: their case-folded beginning."""
    return word.strip(_PUNCT).casefold()[:5]


def _trim_punct(text: str, a: int, b: int, quote: str) -> tuple[int, int]:
    """Drop punctuation at the window's ends that the quote does not have there."""
    while a < b and text[a] in _PUNCT and not quote.startswith(text[a]):
        a += 1
    while b > a and text[b - 1] in _PUNCT and not quote.endswith(text[b - 1]):
        b -= 1
    return a, b


def _candidates(keys: list[str], qkeys: list[str], count: int = 5) -> list[int]:
    """Starts of the ``count`` word windows sharing most words with the quote, apart."""
    n = len(qkeys)
    want = Counter(qkeys)
    have: Counter[str] = Counter()
    shared = 0
    scores: list[tuple[int, int]] = []
    for i, k in enumerate(keys):
        if k in want:
            if have[k] < want[k]:
                shared += 1
            have[k] += 1
        if i >= n:
            old = keys[i - n]
            if old in want:
                have[old] -= 1
                if have[old] < want[old]:
                    shared -= 1
        if shared:
            scores.append((shared, max(0, i - n + 1)))
    scores.sort(key=lambda t: (-t[0], t[1]))
    chosen: list[int] = []
    for _, s in scores:
        if all(abs(s - c) > n // 2 for c in chosen):
            chosen.append(s)
            if len(chosen) == count:
                break
    return chosen


# -- sentences -------------------------------------------------------------------

#: Words that end with a full stop without ending a sentence (lower case, no dot).
ABBREVIATIONS = frozenset("""
    z.b d.h u.a u.ä o.ä v.a z.t u.u s.o s.u i.d.r bzw ca etc usw vgl ggf evtl inkl
    bspw sog dr prof nr st mio mrd jh abs hr fr str tel ff gen
""".split())
_CLOSERS = "\"'“”»«’‘)]"
_OPENERS = "\"'„“»«‚‘(["
_TERMINATOR = re.compile(rf"[.!?]+[{re.escape(_CLOSERS)}]*(?=\s+(\S))")


def sentence_ends(text: str) -> list[int]:
    """Positions in ``text`` (one paragraph) just after each sentence but the last.

    A sentence ends at ``.``, ``!`` or ``?`` (and closing quote marks or
    brackets right after it) when white space and then an upper-case letter,
    a digit or an opening quote mark follow, but not after a known
    abbreviation (``z.B.``, ``Dr.``, ``bzw.``, see ABBREVIATIONS), a single
    letter (``d. h.``, initials) or a number of up to three digits (``1.``,
    ``28. Mai``).
    """
    out = []
    for m in _TERMINATOR.finditer(text):
        nxt = m.group(1)
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        if m.group().startswith(".") and not m.group().startswith(".."):
            tail = text[max(0, m.start() - 24):m.start()].split()
            word = tail[-1].lstrip(_OPENERS) if tail else ""
            if (word.casefold() in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
                    or (word.isdigit() and len(word) <= 3)):
                continue
        out.append(m.end())
    return out


# -- reading articles --------------------------------------------------------------

@lru_cache(maxsize=32)
def _cached(path: str, mtime: float, size: int) -> SourceText:
    return SourceText.from_file(path)


def source_text(sources_dir: str, file_name: str) -> SourceText | None:
    """The article ``file_name`` in ``sources_dir`` (cached), or None if unreadable."""
    path = inside(sources_dir, file_name)     # nothing outside the sources folder
    if path is None:
        return None
    try:
        st = os.stat(path)
        return _cached(path, st.st_mtime, st.st_size)
    except (OSError, UnicodeDecodeError):
        return None


def find_source_text(folders: list[str], file_name: str) -> SourceText | None:
    """The article ``file_name`` from the first of ``folders`` that has it."""
    for folder in folders:
        text = source_text(folder, file_name)
        if text is not None:
            return text
    return None
