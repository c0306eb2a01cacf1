"""The reader's inline path for plain keys and texts gives exactly what the general
path gives: the same data, positions, texts as written, and problems."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.yamlread as yr
from argmap.diagnostics import MapError

SCALARS = st.one_of(
    st.text(max_size=8), st.integers(-5, 5), st.booleans(), st.none(),
    st.sampled_from(["yes", "no", "1:30", "012", "2022", "~", "null", ".inf", "1e3", "a: b",
                     "- x", "&a", "*a", "!t", "#c", "'q'", '"q"', "", " lead", "x\ny"]),
)
KEYS = st.one_of(st.text(min_size=1, max_size=6), st.sampled_from(["1", "true", "~", "2022"]))
DATA = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)), max_leaves=20)


def read_both(text: str):
    out = []
    for inline in (True, False):
        yr.INLINE = inline
        try:
            doc, errors = yr.read_yaml_with_errors(text, "m.yaml")
            out.append((doc.data, doc.value_marks, doc.key_marks, doc.written,
                        [str(e) for e in errors]))
        except MapError as exc:
            out.append(("error", [str(d) for d in exc.diagnostics]))
        finally:
            yr.INLINE = True
    return out


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, DATA, max_size=6), st.sampled_from([None, False, True]))
def test_inline_and_general_paths_agree(data, flow):
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    a, b = read_both(text)
    assert a == b


HANDMADE = [
    "a: 1\nb: x\na: 2\n",                       # duplicate key
    "a: &x hello\nb: *x\n",                     # anchor and alias
    "1: a\n~: b\ntrue: c\n",                    # keys read as numbers, null, true
    "a: !!str 3\nb: !custom x\n",               # tags
    "a: {b: {c: {d: e}}}\n",
    "<<: {a: 1}\n",                             # merge key
    "a: 'quoted: yes'\nb: \"x\\ty\"\nc: >\n  folded\n  text\n",
]


def test_handmade_cases_agree():
    for text in HANDMADE:
        a, b = read_both(text)
        assert a == b, text
