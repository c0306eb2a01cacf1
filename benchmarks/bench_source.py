"""Time the source-text core on a long article: find quotes, sentences, coverage, nearest.

    .venv/bin/python benchmarks/bench_source.py [--words 10000] [--quotes 100] [--runs 7]

Builds a German article of about ``--words`` words by shuffling the sentences
of the real articles in ../shared/articles (generated words when they are not
there), takes ``--quotes`` quotes from it, and prints the median of
``--runs`` runs of: SourceText construction + find_all, paragraphs() +
sentences(), coverage() of one map with those quotes (article read from
disk), and nearest() for a quote with one word changed and for one that is
nowhere.  Then the same for each real article with its bundled map.

Then the app's source pane (offscreen unless QT_QPA_PLATFORM says otherwise):
from selecting a claim of an article not shown yet to the pane painted with
the article, its quote highlighted and scrolled to and all other quotes
marked (article read from disk, cache emptied); and selecting another claim
of the article already shown.  ``--no-gui`` skips it.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from argmap import sourcetext  # noqa: E402
from argmap.coverage import coverage  # noqa: E402
from argmap.mapio import load_file  # noqa: E402
from argmap.model import ArgumentMap, Claim, Source  # noqa: E402
from argmap.sourcetext import SourceText  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTICLES = os.path.join(os.path.dirname(ROOT), "shared", "articles")
ARTICLE_FILE = "bench-article.txt"


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def real_sentences() -> list[str]:
    out: list[str] = []
    if os.path.isdir(ARTICLES):
        for name in sorted(os.listdir(ARTICLES)):
            if name.endswith(".txt"):
                text = SourceText.from_file(os.path.join(ARTICLES, name))
                out += [" ".join(text.raw[a:b].split()) for a, b in text.sentences()]
    return [s for s in out if len(s.split()) >= 4]


def generated_sentences(rng: random.Random, n: int = 400) -> list[str]:
    syllables = ["waf", "fen", "still", "stand", "ver", "hand", "lung", "kreml", "front",
                 "ruhe", "frie", "den", "trup", "pen", "ab", "kom", "men", "mos", "kau"]
    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
    out = []
    for _ in range(n):
        words = [word() for _ in range(rng.randint(6, 25))]
        out.append(words[0].capitalize() + " " + " ".join(words[1:]) + ".")
    return out


def build_article(words: int, rng: random.Random) -> str:
    pool = real_sentences() or generated_sentences(rng)
    paragraphs, count = [], 0
    while count < words:
        para = [rng.choice(pool) for _ in range(rng.randint(2, 6))]
        paragraphs.append(" ".join(para))
        count += sum(len(s.split()) for s in para)
    return "\n\n".join(paragraphs) + "\n"


def pick_quotes(raw: str, n: int, rng: random.Random) -> dict[str, str]:
    ws = raw.split()
    quotes = {}
    for i in range(n):
        size = rng.randint(4, 12)
        start = rng.randrange(0, len(ws) - size)
        quotes[f"q{i}"] = " ".join(ws[start:start + size])
    return quotes


def mangle(quote: str, rng: random.Random) -> str:
    ws = quote.split()
    ws[rng.randrange(len(ws))] = "Blumenkohl"
    return " ".join(ws)


def bench_article(label: str, raw: str, quotes: dict[str, str], amap: ArgumentMap,
                  folder: str, runs: int, rng: random.Random) -> None:
    def build_find() -> None:
        SourceText(raw).find_all(quotes)

    def structure() -> None:
        t = SourceText(raw)
        t.paragraphs()
        t.sentences()

    def cover() -> None:
        sourcetext._cached.cache_clear()
        coverage([amap], folder)

    text = SourceText(raw)
    longest = max(quotes.values(), key=len)
    bad = mangle(longest, rng)
    nonsense = "Katzen schlafen gern auf warmen Fensterbänken im Sommer und träumen"

    def near_bad() -> None:
        SourceText.nearest(text, bad)

    def near_none() -> None:
        SourceText.nearest(text, nonsense)

    found = len(text.find_all(quotes))
    row = [median_ms(f, runs) for f in (build_find, structure, cover, near_bad, near_none)]
    print(f"{label:<28} {len(raw.split()):>6} {found:>3}/{len(quotes):<3} "
          + " ".join(f"{t:>9.2f}" for t in row))


def bench_pane(amap: ArgumentMap, folder: str, runs: int) -> None:
    """Time the source pane: open the article for a claim, switch claims within it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")  # offscreen chatter
    from PySide6.QtWidgets import QApplication

    from argmap.gui.fonts import load_fonts
    from argmap.gui.source_pane import SourcePane

    app = QApplication.instance() or QApplication([])
    load_fonts()
    pane = SourcePane()
    pane.resize(520, 900)
    pane.show()
    pane.set_sources_dir(folder)
    app.processEvents()
    ids = list(amap.claims)

    def show(cid: str) -> None:
        pane.show_claim(amap, cid)
        pane.repaint()           # paint now, as the window would
        app.processEvents()

    def cold() -> None:
        sourcetext._cached.cache_clear()
        pane.show_claim(None, None)    # another map: the article is not shown
        show(ids[len(ids) // 2])

    i = iter(range(10**9))

    def switch() -> None:
        show(ids[next(i) % len(ids)])

    row = [median_ms(cold, runs), median_ms(switch, max(runs, 21))]
    marked = len(pane.spans)
    print(f"source pane, {len(ids)} quotes ({marked} marked): open article "
          f"{row[0]:.1f} ms, other claim of it {row[1]:.1f} ms  (median)")
    pane.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--quotes", type=int, default=100)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-gui", action="store_true", help="skip the source pane")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    print(f"{'article':<28} {'words':>6} {'found':>7} {'new+find':>9} {'new+sents':>9} "
          f"{'coverage':>9} {'nearest':>9} {'nothing':>9}   (ms, median of {args.runs})")
    with tempfile.TemporaryDirectory(prefix="argmap-bench-source-") as folder:
        raw = build_article(args.words, rng)
        with open(os.path.join(folder, ARTICLE_FILE), "w", encoding="utf-8") as fh:
            fh.write(raw)
        raw = SourceText.from_file(os.path.join(folder, ARTICLE_FILE)).raw
        quotes = pick_quotes(raw, args.quotes, rng)
        amap = ArgumentMap("Benchmark")
        amap.path = "bench.yaml"
        amap.sources["a"] = Source("a", file=ARTICLE_FILE)
        for key, quote in quotes.items():
            amap.claims[key] = Claim(key, text=key, source="a", quote=quote)
        bench_article("generated" if not os.path.isdir(ARTICLES) else "shuffled real sentences",
                      raw, quotes, amap, folder, args.runs, rng)
        if not args.no_gui:
            bench_pane(amap, folder, args.runs)
    maps_dir = os.path.join(ROOT, "maps")
    if os.path.isdir(ARTICLES):
        for name in sorted(os.listdir(maps_dir)):
            amap_real = load_file(os.path.join(maps_dir, name), resolve=False).map
            if amap_real is None or not amap_real.sources:
                continue
            src = next(iter(amap_real.sources.values()))
            raw = SourceText.from_file(os.path.join(ARTICLES, src.file)).raw
            quotes = {c.id: c.quote for c in amap_real.claims.values() if c.quote}
            bench_article(src.file, raw, quotes, amap_real, ARTICLES, args.runs, rng)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
