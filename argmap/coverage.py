"""How much of each source article the maps quote.

For every article the maps name in ``sources:`` (once, however many maps
name it): its sentences and paragraphs, which of them hold (overlap) at least
one claim's quote, and the quotes that are not found, each with the passage
most like it.  Claims that are references (``ref:``) are skipped: the map
they come from counts their quote.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .model import ArgumentMap
from .sourcetext import SourceText, Suggestion, find_source_text, source_text

#: How many words of an unquoted paragraph are shown.
FIRST_WORDS = 8


@dataclass
class ParagraphCoverage:
    """One paragraph of an article: where it is, whether a quote touches it."""

    line: int
    start: int
    end: int
    covered: bool
    first_words: str


@dataclass
class MissingQuote:
    """A claim whose quote is not in its article, and the closest passage."""

    claim: str
    map_file: str
    source: str
    quote: str
    suggestion: Suggestion | None = None
    #: line of the suggestion in the article (0 without one)
    line: int = 0


@dataclass
class ArticleCoverage:
    """The coverage of one source article by the quotes of all maps given."""

    file: str
    title: str = ""
    outlet: str = ""
    date: str = ""
    #: map files whose sources name this article
    maps: list[str] = field(default_factory=list)
    #: the article file is not in the sources folder (or cannot be read)
    missing: bool = False
    sentences: int = 0
    quoted_sentences: int = 0
    #: quotes found in the article
    quotes: int = 0
    paragraphs: list[ParagraphCoverage] = field(default_factory=list)
    not_found: list[MissingQuote] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Quoted sentences / sentences (0.0 for an empty or missing article)."""
        return self.quoted_sentences / self.sentences if self.sentences else 0.0

    @property
    def unquoted(self) -> list[ParagraphCoverage]:
        return [p for p in self.paragraphs if not p.covered]

    def to_json(self) -> dict[str, Any]:
        """A plain dict for ``json.dumps``."""
        return {
            "file": self.file, "title": self.title, "outlet": self.outlet, "date": self.date,
            "maps": self.maps, "missing": self.missing,
            "sentences": self.sentences, "quoted_sentences": self.quoted_sentences,
            "share": round(self.share, 4), "quotes": self.quotes,
            "paragraphs": [vars(p).copy() for p in self.paragraphs],
            "unquoted": [{"line": p.line, "first_words": p.first_words} for p in self.unquoted],
            "not_found": [{
                "claim": m.claim, "map": m.map_file, "source": m.source, "quote": m.quote,
                "suggestion": None if m.suggestion is None else {
                    "start": m.suggestion.start, "end": m.suggestion.end, "line": m.line,
                    "text": m.suggestion.text, "ratio": m.suggestion.ratio},
            } for m in self.not_found],
        }


@dataclass
class _Quote:
    claim: str
    map_file: str
    source: str
    text: str


def coverage(maps: list[ArgumentMap], sources_dir: str) -> list[ArticleCoverage]:
    """One ArticleCoverage per article file the maps' sources name, by file name."""
    articles: dict[str, ArticleCoverage] = {}
    quotes: dict[str, list[_Quote]] = {}
    seen: set[str] = set()
    for amap in maps:
        map_file = amap.path or ""
        if map_file and map_file in seen:
            continue   # the same map file given twice
        seen.add(map_file)
        for src in amap.sources.values():
            if not src.file:
                continue
            art = articles.setdefault(src.file, ArticleCoverage(src.file))
            art.title = art.title or src.title
            art.outlet = art.outlet or src.outlet
            art.date = art.date or src.date
            if map_file not in art.maps:
                art.maps.append(map_file)
            quotes.setdefault(src.file, [])
        for claim in amap.claims.values():
            src = amap.sources.get(claim.source)
            if claim.ref or not claim.quote or src is None or not src.file:
                continue
            quotes[src.file].append(_Quote(claim.id, map_file, src.id, claim.quote))
    for name, art in articles.items():
        text = source_text(sources_dir, name)
        if text is None:
            art.missing = True
        else:
            _measure(art, text, quotes[name])
    return [articles[k] for k in sorted(articles)]


def missing_quotes(amap: ArgumentMap, folders: list[str]) -> list[MissingQuote]:
    """The map's claims whose quote is not in their article, each with the nearest passage.

    Articles are looked up in ``folders`` in order; a claim whose article is in
    none of them is not reported (there is nothing to compare with).
    """
    out: list[MissingQuote] = []
    if not folders:
        return out
    texts: dict[str, SourceText | None] = {}
    for claim in amap.claims.values():
        src = amap.sources.get(claim.source)
        if claim.ref or not claim.quote or src is None or not src.file:
            continue
        if src.file not in texts:
            texts[src.file] = find_source_text(folders, src.file)
        text = texts[src.file]
        if text is None or text.find(claim.quote) is not None:
            continue
        sug = text.nearest(claim.quote)
        out.append(MissingQuote(claim.id, amap.path or "", src.id, claim.quote, sug,
                                text.line_of(sug.start) if sug else 0))
    return out


def _measure(art: ArticleCoverage, text: SourceText, quotes: list[_Quote]) -> None:
    """Fill in sentence and paragraph counts and the quotes not found."""
    spans = []
    for q in quotes:
        span = text.find(q.text)
        if span is not None:
            spans.append(span)
            continue
        sug = text.nearest(q.text)
        art.not_found.append(MissingQuote(q.claim, q.map_file, q.source, q.text, sug,
                                          text.line_of(sug.start) if sug else 0))
    art.quotes = len(spans)
    covered = _Intervals(spans)
    sentences = text.sentences()
    art.sentences = len(sentences)
    art.quoted_sentences = sum(1 for s, e in sentences if covered.overlaps(s, e))
    art.paragraphs = [
        ParagraphCoverage(p.line, p.start, p.end, covered.overlaps(p.start, p.end),
                          first_words(p.text))
        for p in text.paragraphs()]


class _Intervals:
    """A set of spans merged into disjoint sorted intervals, for overlap tests."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(spans):
            if self.ends and s <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], e)
            else:
                self.starts.append(s)
                self.ends.append(e)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start..end`` shares at least one character with a span."""
        k = bisect_right(self.starts, end - 1) - 1
        return k >= 0 and self.ends[k] > start


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The first ``count`` words of a text, with ``…`` when there are more."""
    words = text.split()
    if len(words) <= count:
        return " ".join(words)
    head = " ".join(words[:count]).rstrip(",;:–-")
    return head + (" …" if head.endswith((".", "!", "?")) else "…")
