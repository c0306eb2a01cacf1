"""Layout and export: SVG structure, manual positions, determinism, formats."""

import xml.etree.ElementTree as ET

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


def test_svg_with_evaluation_colours_claims_and_names_the_semantics(tmp_path):
    from argmap.cli import main

    out = tmp_path / "ev.svg"
    assert main(["export", str(DATA / "example.yaml"), "-o", str(out), "--evaluate",
                 "--assume", "kriegsmuede=rejected"]) == 0
    root = ET.fromstring(out.read_bytes())
    ns = {"s": "http://www.w3.org/2000/svg"}
    classes = {g.get("id"): g.get("class") for g in root.iter("{http://www.w3.org/2000/svg}g")}
    # rejecting the undercutter lets the linked reason hold: the thesis stands
    assert "label-IN" in classes["claim-sieg-putin"]
    assert "label-OUT" in classes["claim-kriegsmuede"]
    assert "label-OUT" in classes["claim-frage"]
    badges = [t.text for t in root.iterfind(".//s:text[@class='badge-text']", ns)]
    assert sorted(badges) == ["IN", "IN", "IN", "OUT", "OUT (angenommen)"]
    legend = "".join(root.find(".//s:g[@id='legend']", ns).itertext())
    assert "Semantik grounded, angenommen: kriegsmuede verworfen" in legend
    assert "OUT = fällt" in legend
    # English words with lang en
    svg = export_bytes(load_file(str(DATA / "example.yaml")).map, "svg", lang="en",
                       labels={"frage": ("UNDEC", True)}, evaluated="preferred semantics")
    text = svg.decode("utf-8")
    assert "UNDEC (assumed)" in text and "UNDEC = undecided" in text and "supports" in text


def test_export_evaluate_refuses_bad_arguments(tmp_path, capsys):
    from argmap.cli import main

    out = tmp_path / "x.svg"
    assert main(["export", str(DATA / "example.yaml"), "-o", str(out),
                 "--assume", "frage=accepted"]) == 2
    assert "--assume needs --evaluate" in capsys.readouterr().err
    assert main(["export", str(DATA / "example.yaml"), "-o", str(out), "--evaluate",
                 "--assume", "nobody=accepted"]) == 1
    assert "nobody" in capsys.readouterr().err
    assert main(["export", str(DATA / "example.yaml"), "-o", str(out), "--evaluate",
                 "preferred", "--labelling", "3"]) == 1
    assert "there are 1 preferred labellings, not 3" in capsys.readouterr().err
    assert not out.exists()
