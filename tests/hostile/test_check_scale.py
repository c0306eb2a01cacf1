"""Checking a map costs bounded time and memory: limits, refused early, capped lists."""

from __future__ import annotations

import time

from argmap.mapio import CHECK_MAX_CLAIMS, MAX_CLAIMS, MAX_REPORTED, load_text
from argmap.yamlread import CAREFUL_MAX_ITEMS, MAX_ITEMS


def chain(n: int, quoted: bool = True) -> str:
    extra = ", source: s, quote: q" if quoted else ""
    return ("argmap: 1\ntitle: t\nsources:\n  s: {title: S}\nclaims:\n"
            + "".join(f"  c{i}: {{text: T{i}{extra}}}\n" for i in range(n))
            + "relations:\n"
            + "".join(f"  - {{type: support, from: c{i}, to: c{i - 1}}}\n" for i in range(1, n)))


def test_more_claims_than_are_drawn_are_refused_right_after_parsing():
    loaded = load_text(chain(MAX_CLAIMS + 1), "big.yaml")
    assert loaded.map is None
    assert [str(d) for d in loaded.diagnostics] == [(
        f"big.yaml:5:1: error: the map has {MAX_CLAIMS + 1:,} claims, more than the "
        f"{MAX_CLAIMS:,} that are drawn, evaluated and edited; refusing to read it (split it "
        f"into several maps that refer to each other; argmap check checks up to "
        f"{CHECK_MAX_CLAIMS:,})")]


def test_a_map_at_the_limit_is_checked():
    loaded = load_text(chain(MAX_CLAIMS), "big.yaml")
    assert loaded.ok and len(loaded.map.claims) == MAX_CLAIMS


def test_check_reads_a_hundred_thousand_claims_and_refuses_more():
    at_limit = load_text(chain(CHECK_MAX_CLAIMS), "big.yaml", max_claims=CHECK_MAX_CLAIMS)
    assert at_limit.ok and len(at_limit.map.claims) == CHECK_MAX_CLAIMS
    assert len(at_limit.map.relations) == CHECK_MAX_CLAIMS - 1
    text = "argmap: 1\ntitle: t\nclaims:\n" + "".join(
        f"  c{i}: {{text: x}}\n" for i in range(CHECK_MAX_CLAIMS + 1))
    over = load_text(text, "big.yaml", max_claims=CHECK_MAX_CLAIMS)
    assert over.map is None
    assert [str(d) for d in over.diagnostics] == [(
        f"big.yaml:3:1: error: the map has {CHECK_MAX_CLAIMS + 1:,} claims, more than the "
        f"{CHECK_MAX_CLAIMS:,} argmap check checks; refusing to read it (split it into several "
        "maps that refer to each other)")]


def test_a_big_file_in_yaml_only_the_careful_reader_reads_is_refused_before_parsing():
    text = chain(40_000).replace("  c7: {", "  c7: &seven {", 1)
    start = time.perf_counter()
    loaded = load_text(text, "anchor.yaml", max_claims=CHECK_MAX_CLAIMS)
    assert time.perf_counter() - start < 5.0
    [err] = loaded.diagnostics
    assert loaded.map is None
    assert str(err).startswith("anchor.yaml:1:1: error: file has about 440,00")
    assert (f"a file with more than {CAREFUL_MAX_ITEMS:,} is read only when it is written "
            "plainly, as argmap writes maps") in err.message


def test_the_schema_problems_of_a_big_plain_file_are_found_where_they_are():
    lines = chain(40_000).split("\n")
    claim = lines.index("  c123: {text: T123, source: s, quote: q}")
    lines[claim] = "  c123: {text: T123, source: s, quote: q, kind: bogus}"
    rel = lines.index("  - {type: support, from: c30001, to: c30000}")
    lines[rel] = "  - {type: supports, from: c30001, to: c30000}"
    loaded = load_text("\n".join(lines), "big.yaml", max_claims=CHECK_MAX_CLAIMS)
    assert [str(d) for d in loaded.errors] == [
        f"big.yaml:{claim + 1}:49: error: claim 'c123': kind: 'bogus' is not one of thesis, "
        "claim, evidence, question",
        f"big.yaml:{rel + 1}:12: error: relation #30001: type: 'supports' is not one of "
        "support, attack, undercut, rephrase",
    ]
    assert loaded.map is not None and len(loaded.map.claims) == 40_000


def test_a_million_tiny_claims_are_refused_before_parsing():
    text = "argmap: 1\ntitle: t\nclaims:\n" + "".join(
        f"  c{i}: {{text: x}}\n" for i in range(1_000_000)) + "relations: []\n"
    start = time.perf_counter()
    loaded = load_text(text, "tiny.yaml")
    assert time.perf_counter() - start < 1.0
    [err] = loaded.diagnostics
    assert str(err).startswith("tiny.yaml:1:1: error: file is larger than 8 MiB")
    start = time.perf_counter()
    [err] = load_text(text, "tiny.yaml", max_claims=CHECK_MAX_CLAIMS).diagnostics
    assert time.perf_counter() - start < 1.0
    assert str(err).startswith("tiny.yaml:1:1: error: file has about 2,000,004 keys")
    assert f"more than the {MAX_ITEMS:,} a map file may have; refusing to read it" in err.message
    # fewer bytes, as many keys: what the app may read is counted too
    text = "argmap: 1\ntitle: t\nclaims:\n" + "".join(
        f"  c{i}: {{text: x}}\n" for i in range(250_000))
    [err] = load_text(text, "tiny.yaml").diagnostics
    assert str(err).startswith("tiny.yaml:1:1: error: file has about 500,003 keys")
    assert ("more than the 400,000 a map file may have (argmap check reads up to "
            f"{MAX_ITEMS:,}); refusing to read it") in err.message


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


def test_more_text_than_is_drawn_is_refused_before_parsing_and_check_reads_it():
    filler = "Wortlaut " * 100
    text = "argmap: 1\ntitle: t\nclaims:\n" + "".join(
        f"  c{i}: {{text: '{i} {filler}'}}\n" for i in range(10_000))
    assert 8 * 1024 * 1024 < len(text) < 32 * 1024 * 1024
    start = time.perf_counter()
    [err] = load_text(text, "long.yaml").diagnostics
    assert time.perf_counter() - start < 1.0
    assert str(err) == ("long.yaml:1:1: error: file is larger than 8 MiB (argmap check reads "
                        "up to 32 MiB); refusing to read it")
    checked = load_text(text, "long.yaml", max_claims=CHECK_MAX_CLAIMS)
    assert checked.map is not None and len(checked.map.claims) == 10_000
