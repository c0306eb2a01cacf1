"""Checking a map costs bounded time and memory: limits, refused early, capped lists."""

from __future__ import annotations

import time

from argmap.mapio import MAX_CLAIMS, MAX_REPORTED, load_text
from argmap.yamlread import MAX_ITEMS


def chain(n: int, quoted: bool = True) -> str:
    extra = ", source: s, quote: q" if quoted else ""
    return ("argmap: 1\ntitle: t\nsources:\n  s: {title: S}\nclaims:\n"
            + "".join(f"  c{i}: {{text: T{i}{extra}}}\n" for i in range(n))
            + "relations:\n"
            + "".join(f"  - {{type: support, from: c{i}, to: c{i - 1}}}\n" for i in range(1, n)))


def test_more_claims_than_a_map_may_hold_are_refused_right_after_parsing():
    loaded = load_text(chain(MAX_CLAIMS + 1), "big.yaml")
    assert loaded.map is None
    assert [str(d) for d in loaded.diagnostics] == [(
        f"big.yaml:5:1: error: the map has {MAX_CLAIMS + 1:,} claims, more than the "
        f"{MAX_CLAIMS:,} a map file may hold; refusing to check it (split it into several "
        "maps that refer to each other)")]


def test_a_map_at_the_limit_is_checked():
    loaded = load_text(chain(MAX_CLAIMS), "big.yaml")
    assert loaded.ok and len(loaded.map.claims) == MAX_CLAIMS


def test_a_million_tiny_claims_are_refused_before_parsing():
    text = "argmap: 1\ntitle: t\nclaims:\n" + "".join(
        f"  c{i}: {{text: x}}\n" for i in range(1_000_000)) + "relations: []\n"
    start = time.perf_counter()
    loaded = load_text(text, "tiny.yaml")
    assert time.perf_counter() - start < 1.0
    [err] = loaded.diagnostics
    assert str(err).startswith("tiny.yaml:1:1: error: file has about 2,000,004 keys")
    assert f"more than the {MAX_ITEMS:,} a map file may have; refusing to read it" in err.message


def test_only_the_first_problems_are_listed_and_the_rest_counted():
    loaded = load_text(chain(2_000, quoted=False), "warn.yaml")
    assert len(loaded.diagnostics) == MAX_REPORTED + 1
    last = loaded.diagnostics[-1]
    hidden = 4_000 - MAX_REPORTED
    assert str(last) == (f"warn.yaml: warning: and {hidden:,} more problems not listed: "
                         f"{hidden:,} warning(s)")
    assert loaded.more_warnings == hidden and loaded.more_errors == 0
    assert loaded.warning_count == 4_000 and loaded.error_count == 0
    assert loaded.map is not None
