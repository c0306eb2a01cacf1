"""Every text a map can hold survives `argmap fmt` and saving unchanged."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.mapio import load_file, load_text
from argmap.savefile import format_text, save_map

BASE = ("argmap: 1\ntitle: t\nclaims:\n  a: {text: hello}\n  b:\n    text: B\n"
        "relations:\n  - {from: a, to: b, type: support}\n")

#: C0 controls (as escapes), C1 controls, NEL, LS, PS, BOM and the characters
#: that are special in YAML, plus a few letters from outside the BMP
SPECIAL = ([chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7f, 0xa0)]
           + list("\u2028\u2029\ufeff\ufffe\u00a0\u3000'\"\\#:-?!&*|>%@`[]{},")
           + ["\U0001F600", "\U00010348", "\U0010FFFD"])
ALPHABET = st.one_of(st.sampled_from(SPECIAL), st.sampled_from(list("ab ")),
                     st.characters(blacklist_categories=("Cs",)))
TEXTS = st.one_of(
    st.text(ALPHABET, min_size=1, max_size=30),
    st.builds(lambda a, b: a + ": " + b, st.text(ALPHABET, max_size=8), st.text(ALPHABET, max_size=8)),
    st.builds(lambda a: " " + a + " ", st.text(ALPHABET, max_size=10)),
).filter(lambda t: t.strip(" ") != "")


def _with_text(text: str) -> str:
    """BASE with claim a's text written as a double-quoted scalar with escapes."""
    escaped = "".join(c if c.isalnum() and ord(c) < 0x80 or c == " " else
                      f"\\U{ord(c):08x}" for c in text)
    return BASE.replace("{text: hello}", '{text: "' + escaped + '"}')


@pytest.mark.parametrize("ch", ["\x85", "\u2028", "\u2029", "\ufeff", "\x01", "\x1b", "\x9f"])
def test_a_special_character_survives_fmt_and_save(tmp_path, ch):
    text = f"x{ch}y z"
    src = _with_text(text)
    assert load_text(src).map.claims["a"].text == text
    once = format_text(src)
    assert load_text(once).map.claims["a"].text == text
    assert format_text(once) == once
    path = tmp_path / "m.yaml"
    path.write_text(BASE, encoding="utf-8")
    loaded = load_file(str(path))
    loaded.map.claims["a"].text = text
    save_map(loaded.map, str(path), loaded.text)
    again = load_file(str(path))
    assert again.errors == [] and again.map.claims["a"].text == text
    assert main(["fmt", str(path)]) == 0
    assert load_file(str(path)).map.claims["a"].text == text
    assert main(["fmt", "--check", str(path)]) == 0


def test_nel_is_written_as_an_escape():
    once = format_text(_with_text("x\x85y"))
    assert '"x\\Ny"' in once


def test_c0_controls_are_accepted_as_escapes_and_refused_raw(tmp_path):
    ok = load_text(_with_text("x\x01y"))
    assert ok.errors == [] and ok.map.claims["a"].text == "x\x01y"
    raw = load_text(BASE.replace("hello", "x\x01y"), "m.yaml")
    assert raw.map is None
    [err] = raw.errors
    assert str(err).startswith("m.yaml:4:") and "x01" in err.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_any_text_survives_fmt_and_the_patching_save(tmp_path, text):
    src = _with_text(text)
    loaded = load_text(src)
    assert loaded.errors == [] and loaded.map.claims["a"].text == text
    once = format_text(src)
    assert load_text(once).map.claims["a"].text == text
    assert format_text(once) == once
    path = tmp_path / "m.yaml"
    path.write_text(BASE, encoding="utf-8")
    base = load_file(str(path))
    base.map.claims["a"].text = text
    written = save_map(base.map, str(path), base.text)
    again = load_file(str(path))
    assert again.errors == [] and again.map.claims["a"].text == text
    # the next edit starts from that text: the saved text is kept as it is
    again.map.claims["b"].text = "B2"
    save_map(again.map, str(path), written)
    last = load_file(str(path))
    assert last.map.claims["a"].text == text and last.map.claims["b"].text == "B2"
