"""The picture of a difference (argmap.diff_svg, argmap diff --svg)."""

import xml.etree.ElementTree as ET

from test_diff_changes import TEXT, edited, pair

from argmap.cli import main
from argmap.diff_changes import list_changes
from argmap.diff_svg import diff_layout, marks, render_diff_svg, union_map
from argmap.layout import quick_layout
from argmap.mapdiff import diff_maps

SVG = "{http://www.w3.org/2000/svg}"


def classes(root):
    """id -> class list of every <g> with an id."""
    return {g.get("id"): g.get("class", "").split() for g in root.iter(SVG + "g")
            if g.get("id")}


def test_the_picture_marks_what_changed_and_shows_the_removed_as_ghosts():
    old, new = pair()
    svg = render_diff_svg(old, new, labels=("HEAD~1", "x.yaml"))
    root = ET.fromstring(svg)                       # well-formed
    got = classes(root)
    assert "diff-added" in got["claim-milley-friedenschance"]
    assert "diff-changed" in got["claim-selenskyj-kein-abwarten"]
    assert "diff-removed" in got["claim-poroschenko-moerder"]      # the ghost is drawn
    assert got["claim-poroschenko-moerder"][0] == "claim"
    assert "diff-changed" in got["rel-r16"] and "diff-added" in got["rel-r50"]
    assert "diff-removed" in got["rel-r17"]
    assert not any(c.startswith("diff-") for c in got["claim-sieg-fuer-putin"])
    marked = root.find(f".//{SVG}g[@id='diff-marks']")
    assert sorted(g.get("data-claim") for g in marked) == [
        "milley-friedenschance", "poroschenko-moerder", "selenskyj-kein-abwarten"]
    glows = root.find(f".//{SVG}g[@id='diff-glows']")
    assert sorted(p.get("class") for p in glows) == ["diff-glow diff-added",
                                                     "diff-glow diff-changed"]
    legend = "".join(root.find(f".//{SVG}g[@id='diff-legend']").itertext())
    assert "hinzugefügt (2)" in legend and "entfernt (2)" in legend   # the map's language
    assert "geändert (2)" in legend and "HEAD~1 → x.yaml" in legend
    height = float(root.get("height"))
    assert root.get("viewBox").split()[3] == root.get("height") and height > 100


def test_the_app_s_layout_is_kept_and_the_ghosts_go_where_they_are_asked():
    old, new = pair()
    base = quick_layout(new)
    svg = render_diff_svg(old, new, layout=base, ghosts={"poroschenko-moerder": (-500.0, 40.0)})
    root = ET.fromstring(svg)
    ghost = root.find(f".//{SVG}g[@id='claim-poroschenko-moerder']/{SVG}rect")
    assert float(ghost.get("x")) + float(ghost.get("width")) / 2 == -500.0
    changes = list_changes(old, new, diff_maps(old, new))
    union, ghosts, keys = union_map(new, changes)
    assert ghosts == ["poroschenko-moerder"] and keys == ["r17"]
    lay = diff_layout(base, union, {"poroschenko-moerder": (-500.0, 40.0)})
    for cid in new.claims:
        assert (lay.claim(cid).x, lay.claim(cid).y) == (base.claim(cid).x, base.claim(cid).y)
    assert lay.left < -500
    assert marks(changes) == ({"milley-friedenschance": "added",
                               "selenskyj-kein-abwarten": "changed",
                               "poroschenko-moerder": "removed"},
                              {"r16": "changed", "r50": "added", "r17": "removed"})


def test_equal_maps_draw_without_marks():
    old, _ = pair()
    root = ET.fromstring(render_diff_svg(old, old.copy()))
    assert not [i for i, c in classes(root).items() if any(x.startswith("diff-") for x in c)
                and i not in ("diff-glows", "diff-marks", "diff-legend")]


def test_the_command_line_draws_it_too(tmp_path, capsys):
    a, b, out = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "diff.svg"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text(edited(), encoding="utf-8")
    assert main(["diff", "--svg", str(out), str(a), str(b)]) == 1
    assert "+ milley-friedenschance" in capsys.readouterr().out      # the text as before
    got = classes(ET.fromstring(out.read_text(encoding="utf-8")))
    assert "diff-removed" in got["claim-poroschenko-moerder"]
    assert main(["diff", "--svg", str(tmp_path / "no" / "x.svg"), str(a), str(b)]) == 2
    assert "cannot write the picture" in capsys.readouterr().err
