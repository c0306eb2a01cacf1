"""A relation's scheme in the picture: its short name, its open questions counted, and
the questions in the tooltip."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from argmap.export_svg import render_svg
from argmap.layout import quick_layout
from argmap.mapio import load_text
from argmap.scheme_marks import bezier_middle, scheme_marks

SVG = "{http://www.w3.org/2000/svg}"

MAP = """\
argmap: 1
title: Fachleute
lang: {lang}
claims:
  kofman: {{text: 'Kofman sagt: Die Armee ist erschöpft.'}}
  armee: {{text: Die Armee ist erschöpft.}}
  zweifel: {{text: Kofman hat ein eigenes Interesse.}}
  moment: {{text: Jetzt ist der Moment.}}
  lage: {{text: Die Lage hat sich gedreht.}}
relations:
  - id: r1
    type: support
    from: kofman
    to: armee
    scheme: expert-opinion
    questions: {{expertise: 'yes', field: 'yes'}}
  - {{id: r2, type: undercut, from: zweifel, to: r1, answers: {{r1: reliability}}}}
  - {{id: r3, type: attack, from: lage, to: moment}}
"""


def load(lang: str = "de"):
    loaded = load_text(MAP.format(lang=lang), "fachleute.yaml")
    assert loaded.ok, loaded.diagnostics
    return loaded.map


def test_a_relation_with_a_scheme_is_marked_with_its_short_name_and_open_questions():
    marks = scheme_marks(load())
    assert list(marks) == ["r1"]
    mark = marks["r1"]
    # six questions: two answered yes, one no (r2), three open
    assert (mark.short, mark.yes, mark.no, len(mark.open)) == ("Expertenmeinung", 2, 1, 3)
    assert mark.label == "Expertenmeinung ?3"
    assert "Sehen andere Fachleute in D das ebenso?" in mark.open
    tip = mark.tooltip("de").splitlines()
    assert tip[:2] == ["Argument aus einer Expertenmeinung", "Offene kritische Fragen:"]
    assert len(tip) == 5


def test_the_marks_follow_the_maps_language():
    mark = scheme_marks(load("en"))["r1"]
    assert mark.short == "Expert opinion" and mark.label == "Expert opinion ?3"
    assert mark.tooltip("en").splitlines()[1] == "Open critical questions:"


@pytest.mark.parametrize("lang, name", [("de", "Expertenmeinung"), ("en", "Expert opinion")])
def test_the_svg_draws_the_name_at_the_relation_and_lists_the_open_questions(lang, name):
    amap = load(lang)
    svg = render_svg(amap, quick_layout(amap))
    root = ET.fromstring(svg)
    group = root.find(f".//{SVG}g[@id='rel-r1']")
    mark = root.find(f".//{SVG}g[@id='schemes']/{SVG}g[@data-relation='r1']")
    texts = [(t.get("class"), t.text) for t in mark.iter(f"{SVG}text")]
    # a white halo under each part, then the parts
    assert texts == [("scheme halo", name), ("scheme open halo", "?3"),
                     ("scheme", name), ("scheme open", "?3")]
    title = group.find(f"{SVG}title").text
    assert "kofman" in title and ("Offene kritische Fragen:" in title
                                  or "Open critical questions:" in title)
    # the count follows the name on the same baseline
    assert mark.find(f"{SVG}title").text.startswith(("Argument aus", "Argument from"))
    # drawn over the claims, after them
    order = [g.get("id") for g in root.find(f".//{SVG}g[@id='map']")]
    assert order.index("schemes") > order.index("claims")
    (name_x, name_y), (count_x, count_y) = [
        (float(t.get("x")), float(t.get("y"))) for t in mark.iter(f"{SVG}text")
        if t.get("class") in ("scheme", "scheme open")]
    assert count_y == name_y and count_x > name_x + 40
    # a relation without a scheme has no mark
    assert root.find(f".//{SVG}g[@data-relation='r3']") is None


def test_a_map_without_schemes_has_no_marks_and_the_marks_can_be_left_out():
    amap = load()
    assert 'class="scheme' not in render_svg(amap, quick_layout(amap), schemes=False)
    amap.relations[0].scheme = ""
    assert scheme_marks(amap) == {}
    assert 'class="scheme' not in render_svg(amap, quick_layout(amap))


def test_the_middle_of_an_edge():
    line = [(0.0, 0.0), (0.0, 10.0), (0.0, 20.0), (0.0, 30.0)]
    assert bezier_middle(line) == (0.0, 15.0)
    two = line + [(0.0, 40.0), (0.0, 50.0), (0.0, 60.0)]
    assert bezier_middle(two) == (0.0, 30.0)
    assert bezier_middle([]) == (0.0, 0.0)
