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


def test_script_in_a_relation_type_or_tag_colour_never_reaches_the_svg(tmp_path, capsys):
    src = tmp_path / "evil.yaml"
    src.write_text(EVIL, encoding="utf-8")
    out = tmp_path / "evil.svg"
    main(["export", str(src), "-o", str(out), "--no-cache"])
    svg = out.read_text(encoding="utf-8")
    assert "<script" not in svg
    root = ET.fromstring(svg)                      # well-formed
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert 'fill="red' not in svg


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
