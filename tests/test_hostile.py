"""Hostile and broken files: what reaches an export is escaped, an input is never
overwritten by its export."""

import xml.etree.ElementTree as ET

from argmap.cli import main

EVIL = '''argmap: 1
title: t
display:
  tags:
    x: "red\\"/><script>alert(1)</script>"
claims:
  a: {text: A, tags: [x]}
  b: {text: B}
relations:
  - {from: a, to: b, type: "support\\"/><script>alert(1)</script><g class=\\"support"}
'''


def test_script_in_a_tag_colour_never_reaches_the_svg(tmp_path, capsys):
    src = tmp_path / "evil.yaml"
    src.write_text(EVIL.replace(', type: "support\\"/><script>alert(1)</script><g class=\\"support"',
                                ", type: support"), encoding="utf-8")
    out = tmp_path / "evil.svg"
    assert main(["export", str(src), "-o", str(out), "--no-cache"]) == 0
    svg = out.read_text(encoding="utf-8")
    assert "<script" not in svg
    root = ET.fromstring(svg)                      # well-formed
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert 'fill="red' not in svg


def test_an_unknown_relation_type_is_an_error_before_any_export(tmp_path, capsys):
    src = tmp_path / "evil.yaml"
    src.write_text(EVIL, encoding="utf-8")
    for ext in ("svg", "png", "argdown", "json", "graphml"):
        out = tmp_path / f"evil.{ext}"
        assert main(["export", str(src), "-o", str(out), "--no-cache"]) == 1, ext
        assert not out.exists(), ext
        assert "unknown type" in capsys.readouterr().err


def test_export_refuses_to_overwrite_its_input(tmp_path, capsys):
    src = tmp_path / "m.yaml"
    src.write_text("argmap: 1\ntitle: t\nclaims:\n  a: {text: A}\nrelations: []\n",
                   encoding="utf-8")
    before = src.read_bytes()
    assert main(["export", str(src), "-o", str(src)]) == 2
    assert src.read_bytes() == before
    assert "is the map itself" in capsys.readouterr().err


def test_a_control_character_in_a_text_leaves_the_svg_well_formed(tmp_path):
    src = tmp_path / "ctl.yaml"
    src.write_text('argmap: 1\ntitle: t\nclaims:\n  a: {text: "x\\x01y"}\n  b: {text: B}\n'
                   "relations:\n  - {from: a, to: b, type: support}\n", encoding="utf-8")
    out = tmp_path / "ctl.svg"
    assert main(["export", str(src), "-o", str(out), "--no-cache"]) == 0
    ET.parse(out)
    assert main(["export", str(src), "-o", str(tmp_path / "ctl.png"), "--no-cache"]) == 0


def test_positions_must_be_finite(tmp_path, capsys):
    src = tmp_path / "inf.yaml"
    src.write_text("argmap: 1\ntitle: t\nclaims:\n  a: {text: A, pos: [.inf, .nan]}\n"
                   "  b: {text: B}\nrelations:\n  - {from: a, to: b, type: support}\n",
                   encoding="utf-8")
    assert main(["check", str(src)]) == 1
    captured = capsys.readouterr()
    err = captured.out + captured.err
    assert "inf.yaml:4:22: error: claim 'a': pos must be finite numbers, not inf" in err
    out = tmp_path / "inf.svg"
    main(["export", str(src), "-o", str(out), "--no-cache"])
    svg = out.read_text(encoding="utf-8")
    assert "inf" not in svg.replace("inf.yaml", "") and "nan" not in svg
    ET.fromstring(svg)


def test_temporary_files_of_killed_saves_are_cleaned_up(tmp_path):
    import os
    import time

    from argmap.savefile import atomic_write
    target = tmp_path / "m.yaml"
    target.write_text("alt\n", encoding="utf-8")
    stale = tmp_path / ".~m.yaml.abc123.tmp"
    fresh = tmp_path / ".~m.yaml.def456.tmp"          # a save running right now
    other = tmp_path / ".~n.yaml.abc123.tmp"          # another map's
    for f in (stale, fresh, other):
        f.write_text("x", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    atomic_write(str(target), b"neu\n")
    assert target.read_text(encoding="utf-8") == "neu\n"
    assert not stale.exists() and fresh.exists() and other.exists()


def _small_map(tmp_path, name="real.yaml"):
    from argmap.mapio import load_file
    target = tmp_path / name
    target.write_text("argmap: 1\ntitle: t\nclaims:\n  a: {text: A}\nrelations: []\n",
                      encoding="utf-8")
    return target, load_file(str(target))


def test_saving_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    import os

    from argmap.savefile import save_map
    target, loaded = _small_map(tmp_path)
    link = tmp_path / "link.yaml"
    os.symlink(target.name, link)
    loaded.map.claims["a"].text = "neu"
    save_map(loaded.map, str(link), loaded.text)
    assert link.is_symlink() and os.readlink(link) == target.name
    assert "neu" in target.read_text(encoding="utf-8")


def test_a_read_only_map_is_not_written_over(tmp_path):
    import os

    import pytest

    from argmap.savefile import SaveError, save_map
    target, loaded = _small_map(tmp_path)
    os.chmod(target, 0o444)
    before = target.read_bytes()
    loaded.map.claims["a"].text = "neu"
    with pytest.raises(SaveError, match="read-only"):
        save_map(loaded.map, str(target), loaded.text)
    assert target.read_bytes() == before
    os.chmod(target, 0o644)


def test_nothing_is_read_outside_the_maps_folder(tmp_path):
    import os

    from argmap.mapio import load_file
    from argmap.sourcetext import find_source_text
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(
        "argmap: 1\ntitle: s\nclaims:\n  c: {text: GEHEIM}\nrelations: []\n", encoding="utf-8")
    (outside / "secret.txt").write_text("GEHEIM\n", encoding="utf-8")
    home = tmp_path / "maps"
    home.mkdir()
    os.symlink(outside / "secret.yaml", home / "link.yaml")
    m = home / "m.yaml"
    m.write_text("argmap: 1\ntitle: t\nclaims:\n"
                 "  a: {ref: ../outside/secret.yaml#c}\n"
                 f"  b: {{ref: {outside}/secret.yaml#c}}\n"
                 "  d: {ref: link.yaml#c}\n"
                 "relations:\n  - {from: a, to: b, type: support}\n"
                 "  - {from: d, to: b, type: support}\n", encoding="utf-8")
    loaded = load_file(str(m))
    assert all(c.resolved is None for c in loaded.map.claims.values())
    msgs = [str(d) for d in loaded.diagnostics if "outside the map's folder" in d.message]
    assert len(msgs) == 3 and msgs[0].startswith(f"{m}:4:")
    sources = home / "articles"
    sources.mkdir()
    os.symlink(outside / "secret.txt", sources / "link.txt")
    for name in ("../outside/secret.txt", str(outside / "secret.txt"), "link.txt"):
        assert find_source_text([str(sources)], name) is None


def test_deeply_nested_brackets_are_refused_at_once():
    import time

    from argmap.mapio import load_text
    start = time.perf_counter()
    loaded = load_text("x: " + "[" * 100_000 + "]" * 100_000 + "\n", "m.yaml")
    assert time.perf_counter() - start < 2.0
    assert loaded.map is None and "nesting depth" in str(loaded.diagnostics[0])
    assert str(loaded.diagnostics[0]).startswith("m.yaml:1:")


def test_a_claim_that_is_one_huge_word_exports_in_seconds(tmp_path):
    import time
    src = tmp_path / "word.yaml"
    src.write_text("argmap: 1\ntitle: t\nclaims:\n  a: {text: " + "x" * 10_000 + "}\n"
                   "  b: {text: B}\nrelations:\n  - {from: a, to: b, type: support}\n",
                   encoding="utf-8")
    start = time.perf_counter()
    assert main(["export", str(src), "-o", str(tmp_path / "w.svg"), "--no-cache"]) == 0
    assert time.perf_counter() - start < 10


def test_breaking_a_long_word_cuts_where_measuring_every_length_would():
    from argmap.textmetrics import _longest_fit, font_metrics
    m = font_metrics()
    for word in ("Waffenstillstandsverhandlungsbereitschaft", "WWWWWWWWWW", "iiiiiiiiiiiiii"):
        for width in (5.0, 40.0, 120.0):
            cut = len(word)
            while cut > 1 and m.width(word[:cut] + "-", 11.0) > width:
                cut -= 1
            assert _longest_fit(word, width, 11.0, m) == cut


def test_a_long_claim_shows_its_beginning_in_a_bounded_box_and_all_of_it_as_tooltip(tmp_path):
    import xml.etree.ElementTree as ET

    from argmap.export_svg import render_svg
    from argmap.layout import quick_layout
    from argmap.model import ArgumentMap, Claim
    from argmap.style import MAX_LINES, box_text

    amap = ArgumentMap("t")
    long = " ".join(f"Wort{i}" for i in range(400))
    amap.claims["a"] = Claim("a", long)
    amap.claims["b"] = Claim("b", "x" * 10_000)
    amap.claims["c"] = Claim("c", "Kurz und gut.")
    for cid in ("a", "b"):
        box = box_text(amap, amap.claims[cid])
        assert box.cut and len(box.lines) == MAX_LINES and box.lines[-1].endswith("…")
    short = box_text(amap, amap.claims["c"])
    assert not short.cut and short.lines == ["Kurz und gut."]
    assert box_text(amap, amap.claims["a"]).lines[0].startswith("Wort0 Wort1")
    svg = render_svg(amap, quick_layout(amap))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    tip = root.find(f".//{ns}g[@id='claim-a']/{ns}title").text
    assert tip.startswith("Wort0 Wort1") and tip.endswith("Wort399")
