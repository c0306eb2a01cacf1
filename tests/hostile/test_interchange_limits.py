"""Hostile and broken Argdown and AIF files end in seconds with a clear message.

Every import either gives a map that argmap itself reads back unchanged, or
raises InterchangeError with a message naming the file (and line and column
where the format has lines); never another exception, never minutes or
gigabytes.
"""

from __future__ import annotations

import json
import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.interchange import InterchangeError, import_aif, import_argdown
from argmap.interchange.safe_text import check_readable
from argmap.savefile import render

SECONDS = 2.0
MEGABYTES = 200


def timed(fn, *args, memory: bool = False):
    """fn(*args), which must end within SECONDS (and, with ``memory``, MEGABYTES)."""
    start = time.perf_counter()
    result = fn(*args)
    elapsed = time.perf_counter() - start
    assert elapsed < SECONDS, f"took {elapsed:.1f} s"
    if memory:  # a second run: tracing allocations slows everything down
        tracemalloc.start()
        try:
            fn(*args)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < MEGABYTES * 1e6, f"used {peak / 1e6:.0f} MB"
    return result


def assert_readable(result) -> None:
    """The map reads back from its file text exactly (check_readable raises if not)."""
    check_readable(render(result.map), result.map, "imported.yaml")


# -- AIF ------------------------------------------------------------------------
def test_aif_participants_that_are_not_a_list_are_reported():
    result = timed(import_aif, '{"nodes": [], "participants": 5}', "p.json")
    assert any("'participants' is not a list" in w.message for w in result.warnings)
    assert_readable(result)


def test_aif_of_100000_nested_brackets_is_refused_with_its_position():
    with pytest.raises(InterchangeError, match=r"^deep\.json:1:65: JSON nested more than 64"):
        timed(import_aif, "[" * 100_000, "deep.json")


def test_aif_nested_objects_are_refused_where_they_get_too_deep():
    text = '{"nodes": [\n  ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "]}"
    with pytest.raises(InterchangeError, match=r"^d\.json:2:\d+: JSON nested"):
        timed(import_aif, text, "d.json")


def test_aif_thousands_of_nodes_with_the_same_text_get_ids_in_linear_time():
    nodes = [{"nodeID": str(i), "text": "the same text", "type": "I"} for i in range(8000)]
    result = timed(import_aif, json.dumps({"nodes": nodes, "edges": []}), "same.json",
                   memory=True)
    assert len(result.map.claims) == 8000
    assert "the-same-text-8000" in result.map.claims


def test_aif_many_direct_edges_between_i_nodes_stay_fast():
    n = 5000
    nodes = [{"nodeID": i, "text": f"claim {i}", "type": "I"} for i in range(n)]
    edges = [{"edgeID": i, "fromID": i, "toID": i + 1} for i in range(n - 1)]
    result = timed(import_aif, json.dumps({"nodes": nodes, "edges": edges}), "chain.json")
    assert len(result.map.relations) == n - 1


@pytest.mark.parametrize("doc, message", [
    ({"nodes": 5}, "'nodes' is not a list"),
    ({"nodes": [], "edges": {"a": 1}}, "'edges' is not a list"),
    ({"nodes": [], "locutions": "x"}, "'locutions' is not a list"),
    ({"nodes": [{"nodeID": [1], "type": "I", "text": "a"}]}, "has no nodeID"),
    ({"nodes": [{"nodeID": {"a": 1}, "type": "I", "text": "a"}]}, "has no nodeID"),
    ({"nodes": [{"nodeID": 1.5, "type": "I", "text": "a"}]}, "has no nodeID"),
    ({"nodes": [{"nodeID": True, "type": "I", "text": "a"}]}, "has no nodeID"),
    ({"nodes": [{"nodeID": "1", "type": ["I"], "text": "a"}]}, "has no counterpart"),
    ({"nodes": [{"nodeID": "1", "type": "I", "text": {"a": [1, 2]}}]}, "has no text"),
    ({"nodes": [{"nodeID": "1", "type": "I", "text": "a",
                 "argmap": {"pos": [1e400, 0], "tags": [[1], "t"]}}]}, "not two finite"),
    ({"nodes": [{"nodeID": "1", "type": "L", "text": ["x"]}], "participants": [3, {}]},
     "assert no claim"),
])
def test_aif_fields_of_the_wrong_type_are_reported_not_raised(doc, message):
    result = timed(import_aif, json.dumps(doc), "wrong.json")
    assert any(message in w.message for w in result.warnings), \
        [w.message for w in result.warnings]
    assert_readable(result)


def test_aif_relation_ids_that_clash_with_claims_are_dropped():
    doc = {"nodes": [{"nodeID": "a", "type": "I", "text": "A", "argmap": {}},
                     {"nodeID": "b", "type": "I", "text": "B", "argmap": {}},
                     {"nodeID": "r", "type": "RA", "argmap": {"id": "a"}}],
           "edges": [{"fromID": "a", "toID": "r"}, {"fromID": "r", "toID": "b"}]}
    result = import_aif(json.dumps(doc), "clash.json")
    assert [r.id for r in result.map.relations] == [""]
    assert any("not a valid, unused id" in w.message for w in result.warnings)
    assert_readable(result)


def test_aif_lone_surrogate_escapes_are_replaced_so_the_map_can_be_written():
    doc = '{"nodes": [{"nodeID": "1", "type": "I", "text": "a\\ud800b", ' \
        '"argmap": {"note": "\\udfff"}}]}'
    result = import_aif(doc, "sur.json")
    claim = result.map.claims["1"]
    assert claim.text == "a\ufffdb" and claim.note == "\ufffd"
    assert "2 lone UTF-16 surrogate" in result.warnings[0].message
    render(result.map).encode("utf-8")
    assert_readable(result)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**20),
                    st.floats(allow_nan=False, allow_infinity=False),
                    st.text(st.characters(codec="utf-8"), max_size=12),
                    st.sampled_from(["I", "L", "RA", "CA", "MA", "YA", "TA", "1", "2", "3"]))
JSON = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=12)
IDS = st.one_of(st.sampled_from(["1", "2", "3", 1, 2, 3]), JSON)
NODE = st.fixed_dictionaries(
    {"nodeID": IDS, "type": st.one_of(st.sampled_from(["I", "L", "RA", "CA", "MA", "YA", "TA"]),
                                      JSON),
     "text": st.one_of(st.text(max_size=20), JSON)},
    optional={"scheme": JSON, "argmap": st.one_of(JSON, st.fixed_dictionaries(
        {}, optional={"id": IDS, "pos": JSON, "tags": JSON, "kind": JSON, "note": JSON,
                      "source": JSON}))})
EDGE = st.fixed_dictionaries({"fromID": IDS, "toID": IDS}, optional={"edgeID": IDS})
AIF = st.fixed_dictionaries(
    {"nodes": st.one_of(st.lists(st.one_of(NODE, JSON), max_size=8), JSON)},
    optional={"edges": st.one_of(st.lists(st.one_of(EDGE, JSON), max_size=10), JSON),
              "locutions": st.one_of(st.lists(st.fixed_dictionaries(
                  {"nodeID": IDS, "personID": IDS}), max_size=3), JSON),
              "participants": st.one_of(st.lists(st.fixed_dictionaries(
                  {"participantID": IDS, "firstname": JSON, "surname": JSON}), max_size=3),
                  JSON),
              "argmap": JSON})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(AIF, JSON))
def test_any_json_shape_gives_a_readable_map_or_a_clean_error(doc):
    try:
        result = import_aif(json.dumps(doc), "random.json")
    except InterchangeError as exc:
        assert str(exc).startswith("random.json")
        return
    assert_readable(result)


# -- Argdown --------------------------------------------------------------------
def test_argdown_relations_2000_levels_deep_are_read_without_recursion():
    text = "A\n" + "".join(" " * (i + 1) + "+ b\n" for i in range(2000))
    result = timed(import_argdown, text, "deep.argdown")
    assert len(result.map.claims) == 2001 and len(result.map.relations) == 2000
    assert_readable(result)


def test_a_yaml_alias_bomb_in_the_front_matter_is_ignored_with_a_warning():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join(["*" + prev] * 9) + "]")
    front = "\n".join(lines)
    assert len(front) < 700
    result = timed(import_argdown, f"===\n{front}\n===\n\n[A]: a\n", "bomb.argdown",
                   memory=True)
    assert any(w.line == 1 and "front matter is too large" in w.message
               for w in result.warnings)
    assert [c.text for c in result.map.claims.values()] == ["a"]


def test_an_alias_bomb_in_statement_metadata_stays_text():
    bomb = '{a: &a [x,x,x,x,x,x,x,x,x], b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], ' \
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b], d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c], ' \
        'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d], f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]}'
    result = timed(import_argdown, f"[A]: a {bomb}\n", "meta.argdown", memory=True)
    assert any("too large" in w.message for w in result.warnings)
    assert_readable(result)


def test_a_comment_followed_by_10000_open_braces_is_read_in_linear_time():
    result = timed(import_argdown, "// c\n" + "{ " * 10_000, "braces.argdown")
    assert len(result.map.claims) + len(result.map.description) > 0


def test_thousands_of_nested_metadata_braces_stay_fast():
    timed(import_argdown, "[A]: a " + '{"a": ' * 3000 + "1" + "}" * 3000 + "\n", "n.argdown")
    timed(import_argdown, "[A]: a " + "{" * 5000 + "}" * 5000 + "\n", "m.argdown")


def test_many_unclosed_quotes_and_braces_stay_fast():
    timed(import_argdown, "[A]: " + "{ 'x, " * 5000 + "\n", "q.argdown")
    timed(import_argdown, "// c\n" + '{"{' * 5000 + "\n", "r.argdown")


def test_20000_tags_and_20000_unclosed_emphasis_marks_stay_fast():
    result = timed(import_argdown, "[A]: a " + " ".join(f"#t{i}" for i in range(20_000)),
                   "tags.argdown")
    assert len(result.map.claims["a"].tags) == 20_000
    result = timed(import_argdown, "[A]: " + "*a " * 20_000, "emph.argdown")
    assert result.map.claims["a"].text.count("*") == 20_000
    result = timed(import_argdown, "[A]: *short* " + "*a " * 300, "emph2.argdown")
    assert result.map.claims["a"].text.startswith("short *a")


def test_thousands_of_undercut_sketched_arguments_stay_fast():
    text = "\n\n".join(f"<a{i}>: arg {i}\n  +> [c{i}]: c\n  <_ [u{i}]: u" for i in range(5000))
    result = timed(import_argdown, text, "undercuts.argdown")
    assert sum(r.type == "undercut" for r in result.map.relations) == 5000


ARGDOWN_CHARS = list("[]<>+-{}:#@/*\n ") + list("  \n\n") + list("abAB") + \
    list("()_=.\\,'\"0123\t")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.sampled_from(ARGDOWN_CHARS), max_size=120))
def test_random_argdown_text_gives_a_readable_map(text):
    result = import_argdown(text, "random.argdown")
    assert_readable(result)


def test_an_import_with_more_claims_than_a_map_may_have_is_refused_before_anything_is_written(
        tmp_path):
    import json
    import subprocess
    import sys

    from argmap.mapio import MAX_CLAIMS

    src = tmp_path / "gleich.json"
    src.write_text(json.dumps({"nodes": [{"nodeID": str(i), "text": "Gleich", "type": "I"}
                                         for i in range(MAX_CLAIMS + 1)], "edges": []}),
                   encoding="utf-8")
    out = tmp_path / "out.yaml"
    run = subprocess.run([sys.executable, "-m", "argmap", "import", str(src), "-o", str(out)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2 and not out.exists()
    assert (f"{src}: the import gives {MAX_CLAIMS + 1:,} claims, more than the {MAX_CLAIMS:,} "
            "a map may have") in run.stderr
