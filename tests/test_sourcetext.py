"""SourceText: quotes found like argmap.quotes finds them, placed in the raw text."""

import time
import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap.mapio import load_file
from argmap.quotes import _DROP, normalise, quote_found
from argmap.sourcetext import (ABBREVIATIONS, Paragraph, SourceText, Suggestion,
                               sentence_ends, source_text)

from conftest import ARTICLES, ROOT

SKIP = set(map(chr, _DROP)) | {chr(c) for c in range(0x3001) if chr(c).isspace()}


def found(raw: str, quote: str) -> str | None:
    span = SourceText(raw).find(quote)
    return None if span is None else raw[span[0]:span[1]]


def sentences(raw: str) -> list[str]:
    t = SourceText(raw)
    return [raw[a:b] for a, b in t.sentences()]


# -- find ------------------------------------------------------------------------

def test_soft_hyphens_and_zero_width_inside_and_at_the_edges():
    raw = "Der Waffen\u00adstill\u200bstand\u00ad kommt."
    assert found(raw, "Waffenstillstand") == "Waffen\u00adstill\u200bstand"
    assert found(raw, "Waffenstillstand kommt") == "Waffen\u00adstill\u200bstand\u00ad kommt"
    assert found("ab\u00adcd", "cd") == "cd"
    assert found("\ufeffAnfang des Textes", "Anfang") == "Anfang"


def test_typographic_quote_marks_match_plain_ones():
    raw = "Er sagte: „Das ist ‚gut‘.“ Dann ging er."
    assert found(raw, '"Das ist \'gut\'."') == "„Das ist ‚gut‘.“"
    assert found(raw, "„Das ist ‚gut‘.“") == "„Das ist ‚gut‘.“"
    assert found('Er sagte: "Nein".', "»Nein«") == '"Nein"'


def test_line_breaks_and_odd_white_space_inside_a_quote():
    raw = "eine\nschnelle  \r\n Eroberung\tder\u00a0Stadt\u2000war"
    assert found(raw, "eine schnelle Eroberung der Stadt") == \
        "eine\nschnelle  \r\n Eroberung\tder\u00a0Stadt"


def test_span_has_no_white_space_at_its_edges():
    raw = "  Vorne.  Der   Satz   hier.  \n"
    assert found(raw, "   Der Satz\n") == "Der   Satz"
    assert found(raw, "Vorne.") == "Vorne."
    assert found(raw, "hier.") == "hier."


def test_first_of_a_repeated_passage():
    raw = "Frieden jetzt. Krieg. Frieden jetzt."
    assert SourceText(raw).find("Frieden jetzt") == (0, 13)


def test_what_quote_found_rejects_is_not_found():
    t = SourceText("Der Krieg geht weiter.")
    for q in ("der Krieg", "Krieg geht  nicht", "", "   \u00ad ", "Krieg geht weiter. Punkt"):
        assert t.find(q) is None
        assert not quote_found(q, t.normalised)


def test_decomposed_umlauts_map_to_whole_characters():
    raw = unicodedata.normalize("NFD", "Die Bündnisse, über Rüstung")
    span = SourceText(raw).find("über Rüstung")
    assert span is not None
    assert unicodedata.normalize("NFC", raw[span[0]:span[1]]) == "über Rüstung"
    assert SourceText(raw).find("Bu") is None


def test_every_blank_and_invisible_character():
    for c in sorted(SKIP):
        raw = f"{c}a{c}{c}b{c}c{c}"
        t = SourceText(raw)
        assert t.normalised == normalise(raw)
        for q in ("a", "b", "c", "a b", "bc", "b c", "a b c", "abc"):
            span = t.find(q)
            assert (span is not None) == quote_found(q, t.normalised), (hex(ord(c)), q)
            if span:
                assert normalise(raw[span[0]:span[1]]) == normalise(q)


def test_find_all_returns_only_the_found():
    t = SourceText("Alpha beta gamma. Delta.")
    assert t.find_all({"a": "beta gamma", "b": "nicht da", "c": "Delta."}) == {
        "a": (6, 16), "c": (18, 24)}


def test_from_file_errors_pass_through(tmp_path):
    with pytest.raises(OSError):
        SourceText.from_file(tmp_path / "missing.txt")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Gr\xfc\xdfe".encode("latin-1"))
    with pytest.raises(UnicodeDecodeError):
        SourceText.from_file(bad)
    assert source_text(str(tmp_path), "latin1.txt") is None
    good = tmp_path / "a.txt"
    good.write_text("Zeile eins\r\nZeile zwei\n", encoding="utf-8")
    t = SourceText.from_file(good)
    assert t.raw == "Zeile eins\nZeile zwei\n"      # universal newlines, like quotes.py
    assert source_text(str(tmp_path), "a.txt").raw == t.raw


def test_find_all_is_fast_on_a_long_article():
    words = ("Der Kreml prüft die Waffenruhe, sagte Peskow am Dienstag in Moskau. "
             "„Wir werden sehen“, fügte er hinzu. ").split()
    raw = "\n\n".join(" ".join(words[(i * 7) % len(words):] + words[:(i * 7) % len(words)])
                      for i in range(10_000 // len(words)))
    assert len(raw.split()) >= 9_900
    ws = raw.split()
    quotes = {f"q{i}": " ".join(ws[i * 97:i * 97 + 6]) for i in range(100)}
    best = 1.0
    for _ in range(3):
        t0 = time.perf_counter()
        spans = SourceText(raw).find_all(quotes)
        best = min(best, time.perf_counter() - t0)
    assert len(spans) == 100
    assert best < 0.1


# -- bundled maps ---------------------------------------------------------------------

@pytest.mark.skipif(not ARTICLES.is_dir(), reason="the articles are in ../shared/articles")
def test_find_agrees_with_quote_found_on_every_bundled_claim():
    checked = 0
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        amap = load_file(str(path)).map
        for claim in amap.claims.values():
            src = amap.sources.get(claim.source)
            if claim.ref or not claim.quote or src is None:
                continue
            text = SourceText.from_file(ARTICLES / src.file)
            span = text.find(claim.quote)
            assert (span is not None) == quote_found(claim.quote, text.normalised), claim.id
            if span:
                assert normalise(text.raw[span[0]:span[1]]) == normalise(claim.quote)
                # altered by one letter, it must not be found either way
                bad = claim.quote[:-1] + ("x" if claim.quote[-1] != "x" else "y")
                assert (text.find(bad) is None) == (not quote_found(bad, text.normalised))
            checked += 1
    assert checked > 100


# -- paragraphs ------------------------------------------------------------------------

def test_paragraphs_separated_by_blank_lines_with_line_numbers():
    raw = "\nTitel\n\nErster Absatz,\nzweite Zeile.\n  \n\n  Zweiter Absatz.  \n"
    ps = SourceText(raw).paragraphs()
    assert [(p.line, p.text) for p in ps] == [
        (2, "Titel"), (4, "Erster Absatz,\nzweite Zeile."), (8, "Zweiter Absatz.")]
    assert all(raw[p.start:p.end] == p.text for p in ps)
    assert isinstance(ps[0], Paragraph)


def test_without_blank_lines_every_line_is_a_paragraph():
    raw = "Eins.\nZwei.\nDrei.\n"
    assert [(p.line, p.text) for p in SourceText(raw).paragraphs()] == [
        (1, "Eins."), (2, "Zwei."), (3, "Drei.")]
    # a line of invisible characters only is blank
    raw = "Eins,\nnoch eins.\n\u00ad \nZwei."
    assert [(p.line, p.text) for p in SourceText(raw).paragraphs()] == [
        (1, "Eins,\nnoch eins."), (4, "Zwei.")]


def test_long_lines_are_paragraphs_even_between_blank_lines():
    long1, long2 = "A" + "x" * 150 + ".", "B" + "y" * 150 + "."
    raw = f"Titel\n\n{long1}\n{long2}\nKurz.\n\nEnde."
    assert [p.line for p in SourceText(raw).paragraphs()] == [1, 3, 4, 5, 7]


def test_line_of():
    t = SourceText("a\nb\r\nc\rd")
    assert [t.line_of(i) for i in range(len(t.raw))] == [1, 1, 2, 2, 2, 3, 3, 4]


# -- sentences -------------------------------------------------------------------------

def test_sentences_simple_and_across_paragraphs():
    raw = "Das ist eins. Ist das zwei? Ja! 3 Soldaten kamen.\n\nNeuer Absatz ohne Punkt\n\nEnde."
    assert sentences(raw) == ["Das ist eins.", "Ist das zwei?", "Ja!", "3 Soldaten kamen.",
                              "Neuer Absatz ohne Punkt", "Ende."]


def test_sentences_keep_german_abbreviations_ordinals_and_dates():
    raw = ("Er kam z.B. mit Dr. Meier und Prof. Schulz, d. h. mit Nr. 5 bzw. Nr. 6 usw. "
           "Das war am 28. Mai. Der 1. Platz ging an ca. 30 Leute u.a. aus Kiew etc. "
           "Michael J. Fox lachte.")
    assert sentences(raw) == [
        "Er kam z.B. mit Dr. Meier und Prof. Schulz, d. h. mit Nr. 5 bzw. Nr. 6 usw. "
        "Das war am 28. Mai.",
        "Der 1. Platz ging an ca. 30 Leute u.a. aus Kiew etc. Michael J. Fox lachte."]
    assert {"z.b", "d.h", "u.a", "dr", "prof", "nr", "bzw", "ca", "etc"} <= ABBREVIATIONS


def test_sentences_with_quotation_marks():
    raw = ("„Wir müssen mehr tun.“ Das sagte Rutte. „Warum?“, fragte er. "
           "Er rief: \"Jetzt!\" Dann ging er. Sie sagte: »Nein.« «Doch.» Im Jahr 2014. Danach")
    assert sentences(raw) == [
        "„Wir müssen mehr tun.“", "Das sagte Rutte.", "„Warum?“, fragte er.",
        "Er rief: \"Jetzt!\"", "Dann ging er.", "Sie sagte: »Nein.«", "«Doch.»",
        "Im Jahr 2014.", "Danach"]


def test_sentence_needs_a_capital_after_it():
    assert sentence_ends("Das kostet 3.5 Mio. und mehr. aber klein") == []
    assert sentence_ends("Satz eins.  Satz zwei.") == [10]


def test_sentences_in_a_hard_wrapped_paragraph():
    raw = "Der erste Satz geht\nüber zwei Zeilen. Der zweite\nauch.\n\nNeu."
    assert sentences(raw) == ["Der erste Satz geht\nüber zwei Zeilen.", "Der zweite\nauch.",
                              "Neu."]


# -- nearest ---------------------------------------------------------------------------

ARTICLE = ("Neun Monate später wurden die russischen Hoffnungen auf eine schnelle Eroberung "
           "endgültig zunichte gemacht. „Das einzige, was ein vorzeitiger Waffenstillstand "
           "bewirkt, ist, dass er beiden Parteien ermöglicht, wieder aufzurüsten“, sagte "
           "Michael Kofman.\n\nRussland beginne bereits mit der Aufrüstung, sagen Experten.")


def test_nearest_with_one_word_changed():
    t = SourceText(ARTICLE)
    s = t.nearest("dass er beiden Seiten ermöglicht, wieder aufzurüsten")
    assert isinstance(s, Suggestion)
    assert s.text == "dass er beiden Parteien ermöglicht, wieder aufzurüsten"
    assert t.raw[s.start:s.end] == s.text
    assert 0.8 < s.ratio < 1
    assert quote_found(s.text, t.normalised)


def test_nearest_spans_line_breaks_and_keeps_typography():
    t = SourceText(ARTICLE)
    s = t.nearest("aufzurüsten, sagte Michael Kofman. Russland beginnt bereits mit der Aufrüstung")
    assert s is not None
    assert s.text == "aufzurüsten“, sagte Michael Kofman. Russland beginne bereits mit der Aufrüstung"
    assert "\n\n" in t.raw[s.start:s.end]


def test_nearest_of_a_found_quote_is_itself_and_of_nonsense_none():
    t = SourceText(ARTICLE)
    assert t.nearest("sagen Experten") == Suggestion(*t.find("sagen Experten"),
                                                     "sagen Experten", 1.0)
    assert t.nearest("Katzen schlafen gern auf warmen Fensterbänken im Sommer") is None
    assert t.nearest("  ") is None
    assert SourceText("").nearest("irgendwas") is None


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="the articles are in ../shared/articles")
def test_nearest_is_fast_on_a_real_article():
    t = SourceText.from_file(ARTICLES / "000_a665b2f72e902db6.txt")
    t0 = time.perf_counter()
    s = t.nearest("Alles, was Sie mit einer Waffenruhe kaufen können, ist eine Fortsetzung "
                  "des Krieges")
    assert time.perf_counter() - t0 < 0.2
    assert s is not None and s.text.startswith("Alles, was Sie mit einem Waffenstillstand")
    t0 = time.perf_counter()
    assert t.nearest("Katzen schlafen gern auf warmen Fensterbänken im Sommer") is None
    assert time.perf_counter() - t0 < 0.2


# -- properties --------------------------------------------------------------------------

PLAIN = "abcXYZäöüß .,\n\t\r\u00a0\u2000\u00ad\u200b\ufeff„“‚‘»«\"'`"
COMPOSING = PLAIN + "\u0308\u0301\u0323\u1100\u1161\u11a8"


@settings(max_examples=300, deadline=None)
@given(st.text(PLAIN, max_size=80), st.data())
def test_any_non_blank_substring_is_found_where_it_is(text, data):
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    sub = text[i:j]
    assume(normalise(sub))
    span = SourceText(text).find(sub)
    assert span is not None
    a, b = span
    assert normalise(text[a:b]) == normalise(sub)
    assert text[a] not in SKIP and text[b - 1] not in SKIP


@settings(max_examples=300, deadline=None)
@given(st.text(COMPOSING, max_size=60), st.text(COMPOSING, max_size=8))
def test_found_exactly_when_quote_found_says_so(text, quote):
    t = SourceText(text)
    assert t.normalised == normalise(text)
    span = t.find(quote)
    assert (span is not None) == quote_found(quote, t.normalised)
    if span:
        assert normalise(quote) in normalise(text[span[0]:span[1]])
