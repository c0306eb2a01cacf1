"""The fast reader of the claims and relations sections gives exactly what the
careful reader gives (data and positions), or leaves the file to it (None)."""

from __future__ import annotations

import glob
import os
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.yamlfast as yf
import argmap.yamlread as yr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from paths(v, prefix + (i,))


def same_as_careful(text: str) -> bool:
    """True when the fast reader read ``text``; asserts it agrees with the careful one."""
    fast = yf.read(text, "m.yaml")
    if fast is None:
        return False
    doc, errors = yr.read_yaml_with_errors(text, "m.yaml")
    assert not errors
    assert fast.data == doc.data
    assert repr(fast.data) == repr(doc.data)            # the same types and key order
    for p in list(paths(doc.data)) + [("claims", "nowhere"), ("relations", 10**6, "to")]:
        for key in (False, True):
            assert fast.where(p, key) == doc.where(p, key), (p, key)
    return True


def test_the_bundled_maps_and_a_generated_one_are_read_alike():
    read_fast = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "maps", "*.yaml"))):
        with open(path, encoding="utf-8") as fh:
            read_fast += same_as_careful(fh.read())     # folded notes (>) are left out
    assert read_fast >= 1
    sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
    from generate import generate
    assert same_as_careful(generate(300))


WORDS = st.sampled_from([
    "Aussage", "zwei Wörter", "x", "-5", "+3", "0.5", ".5", "1e3", ".inf", "true", "False",
    "null", "~", "yes", "012", "0x1f", "a:b", "a: b", "a #b", "a#b", "#c", "'q'", '"q"', "q'x",
    "-", "- x", "?", "&a", "*a", "!t", "|", ">", "%", "@", "[a]", "{a}", "a, b", "x]", "",
    " lead", "trail ", "2022-11", "1:30", "é ß „Zitat“", "\\n", "a\\\"b"])


def scalar(draw_word: str, style: str) -> str:
    if style == "single":
        return "'" + draw_word.replace("'", "''") + "'"
    if style == "double":
        return '"' + draw_word + '"'
    return draw_word


@st.composite
def map_texts(draw):
    out = ["argmap: 1", "title: " + scalar(draw(WORDS), draw(st.sampled_from(["single", "plain"])))]
    out.append("claims:" + draw(st.sampled_from(["", "  # c"])))
    ind = " " * draw(st.sampled_from([1, 2, 4]))
    for i in range(draw(st.integers(0, 4))):
        fields = [(k, scalar(draw(WORDS), draw(st.sampled_from(["plain", "single", "double"]))))
                  for k in draw(st.lists(st.sampled_from(["text", "en", "note", "kind", "base"]),
                                         unique=True, max_size=3))]
        if draw(st.booleans()):
            fields.append(("tags", "[" + ", ".join(draw(st.lists(WORDS, max_size=3))) + "]"))
        cid = draw(st.sampled_from([f"c{i}", f"c{i}", "1", "true", "a b", f"c{i}"]))
        if draw(st.booleans()):
            out.append(f"{ind}{cid}: {{" + ", ".join(f"{k}: {v}" for k, v in fields) + "}"
                       + draw(st.sampled_from(["", " # c", "#c", "  "])))
        else:
            out.append(f"{ind}{cid}:")
            for k, v in fields:
                out.append(f"{ind}{ind}{k}: {v}" + draw(st.sampled_from(["", " # c"])))
            if draw(st.booleans()):
                out.append(f"{ind}# a comment")
            if draw(st.integers(0, 9)) == 0:
                out.append(f"{ind}{ind}{ind}continued")
    out.append("relations:")
    dash = draw(st.sampled_from(["  - ", "- ", "    -   "]))
    for _ in range(draw(st.integers(0, 4))):
        premises = draw(st.sampled_from(["c0", "[c0, c1]", "[]", "'c0'", "c0 ", "[c0,]"]))
        if draw(st.booleans()):
            out.append(f"{dash}{{type: support, from: {premises}, to: c1}}")
        else:
            inner = " " * len(dash)
            out.append(f"{dash}type: attack")
            out.append(f"{inner}from: {premises}")
            out.append(f"{inner}to: c1")
    if draw(st.booleans()):
        out.append("display: {direction: LR}")
    return "\n".join(out) + draw(st.sampled_from(["\n", "", "\n\n# end\n"]))


@settings(max_examples=400, deadline=None)
@given(map_texts())
def test_fast_and_careful_readers_agree_or_the_fast_one_steps_aside(text):
    try:
        yr.read_yaml_with_errors(text, "m.yaml")
        careful_ok = not yr.read_yaml_with_errors(text, "m.yaml")[1]
    except Exception:
        careful_ok = False
    if not careful_ok:
        assert yf.read(text, "m.yaml") is None
        return
    same_as_careful(text)
