"""The fixed words drawn into a map (legend, kind headers, badges) follow its language."""
# ruff: noqa: F811  (pytest fixtures imported from test_gui are redefined as parameters)

import xml.etree.ElementTree as ET

import pytest
from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401

from argmap.cli import main
from argmap.export import export_bytes
from argmap.mapio import load_file

NS = {"s": "http://www.w3.org/2000/svg"}
GERMAN = ("stützt", "greift an", "unterläuft", "verbundenes Argument", "These", "Aussage",
          "Beleg", "Frage", "angenommen", "hält", "fällt")
ENGLISH = ("supports", "attacks", "undercuts", "linked argument", "Thesis", "Claim",
           "Evidence", "Question")


def write_map(path, lang: str):
    path.write_text(f"""argmap: 1
title: Ceasefire now?
lang: {lang}
claims:
  ceasefire:
    text: A ceasefire now would be a victory for Putin.
    en: A ceasefire now would be a victory for Putin.
    kind: thesis
  rearm:
    text: A premature ceasefire lets both sides rearm.
    kind: evidence
  weakened:
    text: Russia is at its weakest now.
  tired:
    text: The West grows tired of the war.
  question:
    text: Should there be a ceasefire now?
    kind: question
relations:
  - {{id: why, type: support, from: [rearm, weakened], to: ceasefire}}
  - {{type: undercut, from: tired, to: why}}
  - {{type: attack, from: ceasefire, to: question}}
""", encoding="utf-8")
    return path


def svg_parts(data: bytes) -> tuple[str, str, list[str]]:
    """The legend's text, the box headers' text and every tooltip of an SVG."""
    root = ET.fromstring(data)
    legend = " | ".join(root.find(".//s:g[@id='legend']", NS).itertext())
    boxes = " | ".join(t.text or "" for t in root.iterfind(".//s:g[@id='claims']//s:text", NS))
    tips = [t.text or "" for t in root.iterfind(".//s:title", NS)]
    return legend, boxes, tips


def test_an_english_map_exports_english_words_and_no_german_ones(tmp_path):
    path = write_map(tmp_path / "en.yaml", "en")
    out = tmp_path / "en.svg"
    assert main(["export", str(path), "-o", str(out), "--evaluate"]) == 0
    legend, boxes, tips = svg_parts(out.read_bytes())
    for word in ENGLISH:
        assert word in legend
    assert "OUT = falls" in legend and "IN = stands" in legend
    assert "grounded semantics" in legend
    assert "Thesis" in boxes and "Evidence" in boxes and "Question" in boxes
    assert any("supports ceasefire" in t for t in tips)
    text = out.read_text(encoding="utf-8")
    for word in GERMAN + ("Semantik",):
        assert word not in text


@pytest.mark.parametrize("lang", ["de", "de-AT"])
def test_a_german_map_exports_german_words_also_with_english_texts(tmp_path, lang):
    path = write_map(tmp_path / "de.yaml", lang)
    out = tmp_path / "de.svg"
    assert main(["export", str(path), "-o", str(out)]) == 0
    amap = load_file(str(path)).map
    with_english_texts = export_bytes(amap, "svg", cache=False, english=True,
                                      labels={"tired": ("UNDEC", True)})
    for data in (out.read_bytes(), with_english_texts):
        legend, boxes, tips = svg_parts(data)
        for word in ("stützt", "greift an", "unterläuft", "verbundenes Argument", "These",
                     "Aussage", "Beleg", "Frage"):
            assert word in legend
        assert "These" in boxes and "Beleg" in boxes
        assert any("stützt ceasefire" in t for t in tips)
        for word in ("supports", "attacks", "undercuts", "linked argument", "Thesis",
                     "Evidence"):
            assert word not in legend + boxes
    legend, boxes, _tips = svg_parts(with_english_texts)
    assert "UNDEC = offen" in legend and "UNDEC (angenommen)" in boxes


@pytest.mark.parametrize("lang", ["fr", "pt-BR"])
def test_a_map_in_another_language_gets_english_words(tmp_path, lang):
    amap = load_file(str(write_map(tmp_path / "x.yaml", lang))).map
    legend, boxes, _tips = svg_parts(export_bytes(amap, "svg", cache=False))
    assert "supports" in legend and "Thesis" in boxes and "stützt" not in legend


def test_export_lang_overrides_the_maps_language(tmp_path):
    path = write_map(tmp_path / "de.yaml", "de")
    out = tmp_path / "en.svg"
    assert main(["export", str(path), "-o", str(out), "--lang", "en", "--evaluate"]) == 0
    legend, boxes, _tips = svg_parts(out.read_bytes())
    assert "supports" in legend and "linked argument" in legend and "OUT = falls" in legend
    assert "grounded semantics" in legend
    assert "Thesis" in boxes and "Evidence" in boxes
    for word in GERMAN + ("Semantik",):
        assert word not in legend + boxes
    # and the other way round; the map file itself is not changed
    en_path = write_map(tmp_path / "en.yaml", "en")
    before = en_path.read_bytes()
    assert main(["export", str(en_path), "-o", str(out), "--lang", "de"]) == 0
    legend, boxes, _tips = svg_parts(out.read_bytes())
    assert "stützt" in legend and "These" in boxes and "supports" not in legend
    assert en_path.read_bytes() == before


def test_export_lang_refuses_an_unknown_language(tmp_path, capsys):
    path = write_map(tmp_path / "de.yaml", "de")
    assert main(["export", str(path), "-o", str(tmp_path / "x.svg"), "--lang", "xx"]) == 2
    assert "--lang" in capsys.readouterr().err
    assert not (tmp_path / "x.svg").exists()


def test_the_apps_legend_of_an_english_map_is_english_whatever_the_texts(qtbot, window,
                                                                        tmp_path):
    path = write_map(tmp_path / "en.yaml", "en")
    open_and_settle(qtbot, window, path)
    legend = window.view.legend
    item = window.scene.claim_items["ceasefire"]

    def shown() -> tuple:
        return legend.words["support"], legend.words["linked"], item.box.header

    assert shown() == ("supports", "linked argument", "Thesis")
    window.a_english.trigger()
    assert window.scene.english
    assert shown() == ("supports", "linked argument", "Thesis")
    window.evaluation_menu.a_toggle.trigger()
    qtbot.waitUntil(lambda: "computing" not in legend.evaluation, timeout=5000)
    assert legend.evaluation == "grounded semantics"
    assert legend.words["OUT"] == "falls"
    window.a_english.trigger()
    assert not window.scene.english
    assert shown() == ("supports", "linked argument", "Thesis")
    assert legend.evaluation == "grounded semantics"


def test_the_apps_words_follow_a_change_of_the_maps_language(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    legend = window.view.legend
    item = window.scene.claim_items["sieg-fuer-putin"]
    assert (legend.words["support"], item.box.header.split(" · ")[0]) == ("stützt", "These")
    window.a_english.trigger()
    assert (legend.words["support"], item.box.header.split(" · ")[0]) == ("stützt", "These")
    window.evaluation_menu.a_toggle.trigger()
    qtbot.waitUntil(lambda: legend.evaluation.startswith("Semantik grounded"), timeout=5000)
    window.select_claim("sieg-fuer-putin")
    window.evaluation_menu.a_reject.trigger()
    qtbot.waitUntil(lambda: item.badge is not None and "(" in item.badge.text, timeout=5000)
    assert item.badge.text == "OUT (angenommen)"
    doc.amap.set_header("lang", "en")
    assert (legend.words["support"], item.box.header.split(" · ")[0]) == ("supports", "Thesis")
    assert legend.evaluation.startswith("grounded semantics")
    assert item.badge.text == "OUT (assumed)"
