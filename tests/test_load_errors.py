"""Every kind of bad input gives a positioned message, never a traceback."""

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.diagnostics import MapError
from argmap.mapio import load_file, load_text
from argmap.yamlread import read_fast, read_yaml_with_errors

HEAD = "argmap: 1\ntitle: T\nsources:\n  s:\n    title: S\nclaims:\n"


def problems(text, severity=None):
    loaded = load_text(textwrap.dedent(text), "m.yaml", resolve=False)
    return [str(d) for d in loaded.diagnostics if severity is None or d.severity == severity]


def test_unknown_claim_in_relation_names_line_and_column():
    text = HEAD + (
        "  a: {text: A, source: s, quote: q}\n"
        "  b: {text: B, source: s, quote: q}\n"
        "relations:\n"
        "  - {id: r1, type: support, from: a, to: b}\n"
        "  - {id: r3, type: attack, from: a, to: foo}\n")
    assert problems(text, "error") == [
        "m.yaml:11:41: error: relation 'r3' points to unknown claim 'foo'"]


def test_schema_violation_points_at_the_value():
    text = HEAD + "  a:\n    text: A\n    kind: opinion\n"
    errs = problems(text, "error")
    assert errs == ["m.yaml:9:11: error: claim 'a': kind: 'opinion' is not one of "
                    "thesis, claim, evidence, question"]


def test_unknown_field_points_at_the_key():
    text = HEAD + "  a:\n    text: A\n    speeker: X\n"
    errs = problems(text, "error")
    assert len(errs) == 1
    assert errs[0].startswith("m.yaml:9:5: error: claim 'a': unknown field 'speeker'")


def test_duplicate_key_is_detected():
    text = HEAD + "  a:\n    text: A\n  a:\n    text: B\n"
    errs = problems(text, "error")
    assert "m.yaml:9:3: error: duplicate key 'a' (first defined at line 7)" in errs


def test_duplicate_relation_id():
    text = HEAD + (
        "  a: {text: A, source: s, quote: q}\n"
        "  b: {text: B, source: s, quote: q}\n"
        "relations:\n"
        "  - {id: r1, type: support, from: a, to: b}\n"
        "  - {id: r1, type: attack, from: b, to: a}\n")
    assert problems(text, "error") == [
        "m.yaml:11:10: error: duplicate relation id 'r1' (first at line 10)"]


def test_undercut_that_targets_a_claim():
    text = HEAD + (
        "  a: {text: A, source: s, quote: q}\n"
        "  b: {text: B, source: s, quote: q}\n"
        "relations:\n"
        "  - {id: r1, type: support, from: a, to: b}\n"
        "  - {id: u1, type: undercut, from: b, to: a}\n")
    errs = problems(text, "error")
    assert len(errs) == 1
    assert errs[0].startswith("m.yaml:11:43: error: undercut relation 'u1' targets claim 'a'")


def test_self_relation():
    text = HEAD + (
        "  a: {text: A, source: s, quote: q}\n"
        "relations:\n"
        "  - {id: r1, type: support, from: a, to: a}\n")
    assert problems(text, "error") == [
        "m.yaml:9:42: error: relation 'r1' connects claim 'a' to itself"]


def test_unknown_source():
    text = HEAD + "  a:\n    text: A\n    source: nope\n    quote: q\n"
    assert problems(text, "error") == ["m.yaml:9:13: error: claim 'a' names unknown source 'nope'"]


def test_support_that_targets_a_relation():
    text = HEAD + (
        "  a: {text: A, source: s, quote: q}\n"
        "  b: {text: B, source: s, quote: q}\n"
        "relations:\n"
        "  - {id: r1, type: support, from: a, to: b}\n"
        "  - {id: r2, type: attack, from: b, to: r1}\n")
    errs = problems(text, "error")
    assert len(errs) == 1 and "type: undercut" in errs[0]
    assert errs[0].startswith("m.yaml:11:41: error: relation 'r2' targets relation 'r1'")


def test_warnings_for_loose_claims():
    text = HEAD + (
        "  a: {text: A, source: s, quote: q}\n"
        "  b: {text: B}\n"
        "  c: {text: C, source: s, quote: q}\n"
        "relations:\n"
        "  - {type: support, from: a, to: c}\n")
    assert problems(text, "warning") == [
        "m.yaml:8:3: warning: claim 'b' has no quote",
        "m.yaml:8:3: warning: claim 'b' has no source",
        "m.yaml:8:3: warning: claim 'b' is in no relation",
    ]


def test_yaml_syntax_error():
    errs = problems("argmap: 1\ntitle: [unclosed\nclaims: {}\n")
    assert len(errs) == 1
    assert errs[0].startswith("m.yaml:3:")
    assert "YAML syntax" in errs[0]


def test_not_a_mapping():
    assert problems("- just\n- a list\n") == [
        "m.yaml:1:1: error: a map file must be a YAML mapping that starts with 'argmap: 1'"]


def test_wrong_version():
    errs = problems("argmap: 2\ntitle: T\n")
    assert errs == ["m.yaml:1:9: error: argmap: must be 1, not 2"]


def test_custom_tags_are_refused():
    errs = problems("argmap: 1\ntitle: !!python/object:os.system ls\n")
    assert any("unsupported YAML tag" in e and e.startswith("m.yaml:2:8") for e in errs)


def test_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    import time
    start = time.perf_counter()
    errs = problems("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 2.0
    # aliases are refused where they are, so nothing is expanded
    assert errs and all("YAML alias" in e for e in errs if "repeats" in e)
    assert any(e.startswith("m.yaml:1:4: error: 'b.0' repeats") for e in errs)


def test_a_claim_written_as_an_alias_is_refused():
    errs = problems("argmap: 1\ntitle: t\nclaims:\n  a: &c {text: hello}\n  b: *c\n"
                    "relations:\n  - {from: a, to: b, type: support}\n")
    assert any(e.startswith("m.yaml:4:6: error: 'claims.b' repeats the value anchored here")
               for e in errs)


def test_not_utf8(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_bytes(b"argmap: 1\ntitle: Gr\xfc\xdfe\n")
    loaded = load_file(str(p))
    assert loaded.map is None
    assert [str(d) for d in loaded.diagnostics] == [
        f"{p}:2:10: error: file is not valid UTF-8 text"]


def test_missing_file_is_a_message(tmp_path):
    loaded = load_file(str(tmp_path / "nope.yaml"))
    assert loaded.map is None and "cannot read file" in str(loaded.diagnostics[0])


def test_yes_and_no_stay_text():
    text = HEAD + "  a:\n    text: no\n    source: s\n    quote: yes\n"
    loaded = load_text(text, "m.yaml")
    assert loaded.map.claims["a"].text == "no"
    assert loaded.map.claims["a"].quote == "yes"


def test_file_with_errors_still_gives_a_map():
    text = HEAD + "  a:\n    text: A\n    kind: opinion\n  b: {text: B}\n"
    loaded = load_text(text, "m.yaml")
    assert loaded.errors and loaded.map is not None
    assert list(loaded.map.claims) == ["a", "b"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_text_makes_the_loader_raise(text):
    loaded = load_text(text, "fuzz.yaml", resolve=False)
    assert loaded.map is not None or loaded.errors


YAMLISH = st.recursive(
    st.one_of(st.sampled_from(["a", "b: c", "- x", "yes", "no", "012", "1.5", "~", "'q'",
                               '"d"', "&x y", "*x", "!t z", "{k: v}", "[1, 2]", "#c",
                               "1:30", "0o17", "0x1F", "+1", ".inf", "ä: ö", "true"]),
              st.text(alphabet="ab:- '\"[]{}#,\n", max_size=12)),
    lambda children: st.lists(children, max_size=4).map(lambda xs: "\n".join(xs)),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_fast_and_careful_readers_agree(text):
    fast = read_fast(text)
    if fast is None:
        return
    try:
        doc, errors = read_yaml_with_errors(text)
    except MapError:
        pytest.fail(f"fast reader accepted what the careful one rejects: {text!r}")
    assert not errors
    assert doc.data == fast
