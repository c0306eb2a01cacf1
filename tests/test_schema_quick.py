"""The quick check of claims and relations passes nothing the schema refuses."""

from __future__ import annotations

import glob
import os

import jsonschema
from fastjsonschema import JsonSchemaException
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.schema import _fast, fast_valid, schema
from argmap.schema_quick import _entry_checks, split_entries
from argmap.yamlread import read_yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

IDS = st.sampled_from(["c1", "a.b-c_d", "x" * 120, "x" * 121, "", " c", "c 1", "c\n", "-c",
                       "1", "ä", "c#d"])
TEXTS = st.sampled_from(["", "Text", "zwei Wörter", "\n", " "])
SCALARS = st.one_of(IDS, TEXTS, st.integers(-2, 2), st.floats(allow_nan=True),
                    st.booleans(), st.none())
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3),
                   st.dictionaries(IDS, SCALARS, max_size=2))
CLAIM_KEYS = st.sampled_from(["text", "en", "kind", "speaker", "source", "quote", "tags",
                              "note", "pos", "ref", "base", "unknown"])
RELATION_KEYS = st.sampled_from(["type", "from", "to", "id", "note", "scheme", "roles",
                                 "questions", "answers", "unknown"])
SPECIAL = st.sampled_from(["support", "attack", "undercut", "rephrase", "supports", "thesis",
                           "question", "yes", "open", "no", "a.yaml#c1", "../a.yaml#c1",
                           [0.5, 1], [1, 2, 3], 0.5, 1.5, True])


def entries(keys: st.SearchStrategy) -> st.SearchStrategy:
    return st.dictionaries(keys, st.one_of(VALUES, SPECIAL, st.lists(SPECIAL, max_size=2),
                                           st.dictionaries(IDS, SPECIAL, max_size=2)),
                           max_size=5)


def compiled_valid(data: dict) -> bool:
    try:
        _fast()(data)
    except JsonSchemaException:
        return False
    return True


def full_valid(data: dict) -> bool:
    return jsonschema.Draft202012Validator(schema()).is_valid(data)


def test_the_schema_is_one_the_quick_check_understands():
    assert _entry_checks() is not None


@settings(max_examples=600, deadline=None)
@given(st.dictionaries(IDS, entries(CLAIM_KEYS), max_size=3),
       st.lists(entries(RELATION_KEYS), max_size=3))
def test_what_the_quick_check_passes_the_schema_passes(claims, relations):
    data = {"argmap": 1, "title": "t", "claims": claims, "relations": relations}
    rest, kept = split_entries(data)
    passed = {"argmap": 1, "title": "t",
              "claims": {k: c for k, c in claims.items() if k not in rest["claims"]},
              "relations": [r for i, r in enumerate(relations) if i not in kept]}
    assert full_valid(passed)
    assert rest["relations"] == [relations[i] for i in kept]
    # and the answer for the whole map is the compiled validator's on all of it
    assert fast_valid(data) == compiled_valid(data)


def test_every_entry_of_the_bundled_maps_passes_the_quick_check():
    for path in glob.glob(os.path.join(ROOT, "maps", "*.yaml")):
        with open(path, encoding="utf-8") as fh:
            data = read_yaml(fh.read(), path).data
        rest, kept = split_entries(data)
        assert rest["claims"] == {} and kept == [], path
