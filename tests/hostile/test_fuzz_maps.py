"""Mutated map files end in a map or in clean diagnostics, never in a traceback.

Valid maps are mutated (bytes flipped, spans deleted, lines duplicated, random
characters put in) and then loaded, checked (quotes against a sources folder
too) and exported to SVG.  Only the project's own errors may come out.
"""

from __future__ import annotations

from conftest import DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.diagnostics import Diagnostic, MapError
from argmap.export import ExportError, export_bytes
from argmap.mapio import load_file
from argmap.quotes import check_quotes
from argmap.savefile import SaveError, format_text

SEEDS = [(DATA / "example.yaml").read_bytes(),
         (b"argmap: 1\ntitle: t\nsources:\n  s: {title: S, file: a.txt}\nclaims:\n"
          b"  a: {text: \"A \\x01 \\N\", source: s, quote: Wort}\n  b:\n    text: |-\n"
          b"      zwei\n      Zeilen\n    pos: [1, 2]\nrelations:\n"
          b"  - {id: r, type: support, from: [a], to: b}\n"
          b"  - {type: undercut, from: b, to: r}\n")]

UNICODE = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=4)


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "delete", "duplicate", "insert"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif kind == "duplicate":
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines[i:i] = [lines[i]] * draw(st.integers(1, 3))
            data = bytearray(b"\n".join(lines))
        else:
            data[at:at] = draw(UNICODE).encode("utf-8")
    return bytes(data)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutated())
def test_a_mutated_map_gives_a_map_or_clean_diagnostics(tmp_path, raw):
    path = tmp_path / "m.yaml"
    path.write_bytes(raw)
    (tmp_path / "a.txt").write_text("Ein Wort.\n", encoding="utf-8")
    loaded = load_file(str(path))
    assert loaded.map is not None or loaded.errors
    assert all(isinstance(d, Diagnostic) and d.message for d in loaded.diagnostics)
    if loaded.map is None:
        return
    check_quotes(loaded.map, str(tmp_path), str(path))
    if loaded.text is not None:
        try:
            format_text(loaded.text, str(path))
        except (SaveError, MapError):
            pass
    if not loaded.errors:
        try:
            assert export_bytes(loaded.map, "svg", cache=False).startswith(b"<")
        except ExportError:
            pass
