"""Layout and export: SVG structure, manual positions, determinism, formats."""

import xml.etree.ElementTree as ET

import pytest

from argmap.export import export_bytes
from argmap.layout import layout_map
from argmap.mapio import load_file

from conftest import DATA

SVG = "{http://www.w3.org/2000/svg}"


def example():
    return load_file(str(DATA / "example.yaml")).map


def test_svg_is_well_formed_with_a_group_per_claim_and_relation():
    amap = example()
    root = ET.fromstring(export_bytes(amap, "svg"))
    groups = {g.get("id"): g for g in root.iter(SVG + "g") if g.get("id")}
    for cid in amap.claims:
        g = groups[f"claim-{cid}"]
        assert "claim" in g.get("class").split()
    for rel in amap.relations:
        g = groups["rel-" + rel.key.replace("+", "__")]
        assert rel.type in g.get("class").split()
    assert "linked" in groups["rel-aufruestung"].get("class")
    assert "kind-thesis" in groups["claim-sieg-putin"].get("class")
    tip = groups["claim-sieg-putin"].find(SVG + "title").text
    assert "würde im Wesentlichen den Sieg" in tip
    assert "legend" in groups and "map-title" in groups


def test_text_fits_in_boxes():
    from argmap.style import PAD_X, STRIPE, TEXT_SIZE, box_text
    from argmap.textmetrics import font_metrics
    amap = example()
    m = font_metrics()
    for claim in amap.claims.values():
        bt = box_text(amap, claim)
        for line in bt.lines:
            assert m.width(line, TEXT_SIZE) <= bt.width - 2 * PAD_X - STRIPE + 0.01


def test_manual_position_is_honoured_and_layout_is_deterministic():
    amap = example()
    lay = layout_map(amap, cache=False)
    again = layout_map(amap, cache=False)
    assert [(n.x, n.y) for n in lay.nodes.values()] == [(n.x, n.y) for n in again.nodes.values()]
    amap.set_claim_field("kriegsmuede", "pos", (-40.0, 900.0))
    moved = layout_map(amap, cache=False)
    node = moved.claim("kriegsmuede")
    assert (node.x, node.y) == (-40.0, 900.0)
    assert moved.claim("frage").x == lay.claim("frage").x   # the others stay
    assert moved.left < -40 - node.w / 2 and moved.top + moved.height > 900 + node.h / 2
    edge = next(e for e in moved.edges if e.source == "c:kriegsmuede")
    assert edge.points[0][0] >= -40 - node.w / 2 - 0.01


def test_direction_changes_the_picture():
    amap = example()
    tb = layout_map(amap, cache=False)
    assert tb.claim("frage").y < tb.claim("aufruesten").y   # conclusion above its reasons
    amap.set_header("direction", "LR")
    lr = layout_map(amap, cache=False)
    assert lr.claim("frage").x < lr.claim("aufruesten").x


def test_cache_gives_the_same_layout(tmp_path, monkeypatch):
    amap = example()
    cold = layout_map(amap, cache=True)
    warm = layout_map(amap, cache=True)
    assert [(n.x, n.y) for n in cold.nodes.values()] == [(n.x, n.y) for n in warm.nodes.values()]


def test_png_pdf_dot():
    amap = example()
    assert export_bytes(amap, "png")[:8] == b"\x89PNG\r\n\x1a\n"
    assert export_bytes(amap, "pdf")[:5] == b"%PDF-"
    dot = export_bytes(amap, "dot").decode()
    assert dot.startswith("digraph") and '"c:sieg-putin"' in dot
