"""The command line starts without what it does not need, and the quicker
drawing and measuring give the pictures they gave before."""

import html
import json
import re
import subprocess
import sys
from xml.etree import ElementTree

import pytest
from conftest import ROOT

from argmap.cli import main

MAPS = sorted((ROOT / "maps").glob("*.yaml"))
HEAVY = ("jsonschema", "PySide6", "cairosvg", "argmap.semantics")
SVG = "{http://www.w3.org/2000/svg}"


def _loaded_by(argv):
    """(exit status, standard output, the modules imported) of main(argv) in a fresh process."""
    code = (
        "import contextlib, io, json, sys\n"
        "from argmap.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    status = main({argv!r})\n"
        "print(json.dumps([status, out.getvalue(), sorted(sys.modules)]))\n")
    r = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True,
                       text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    status, out, modules = json.loads(r.stdout)
    return status, out, set(modules)


def _within(modules, packages):
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in packages))


def test_version_imports_no_command_and_no_heavy_library():
    status, out, modules = _loaded_by(["--version"])
    assert status == 0
    assert out.strip() == f"argmap {__import__('argmap').__version__}"
    assert _within(modules, HEAVY) == []
    commands = [m for m in modules if m.startswith("argmap.cli.")]
    assert commands == []


def test_help_imports_no_heavy_library():
    status, out, modules = _loaded_by(["--help"])
    assert status == 0
    assert "check" in out and "export" in out
    assert _within(modules, HEAVY) == []


def test_checking_a_clean_map_does_not_import_the_readable_schema_messages(tmp_path):
    # a map without a recorded conclusion: nothing to evaluate either
    text = MAPS[0].read_text(encoding="utf-8")
    plain = tmp_path / MAPS[0].name
    plain.write_text("".join(line for line in text.splitlines(True)
                             if not line.startswith(("conclusion:", "  sieg-fuer-putin: IN",
                                                     "source_folder:"))), encoding="utf-8")
    status, _, modules = _loaded_by(["check", "-q", str(plain)])
    assert status == 0
    assert "argmap.mapio" in modules
    assert _within(modules, HEAVY) == []
    # one that records its article's conclusion is evaluated (grounded), no more
    status, _, modules = _loaded_by(["check", "-q", str(MAPS[0])])
    assert status == 0
    assert _within(modules, HEAVY) == [m for m in _within(modules, HEAVY)
                                       if m.startswith("argmap.semantics")]


def test_a_map_that_breaks_the_schema_still_gets_readable_messages(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A\n    kind: banana\n",
                   encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:6:" in err and "'banana' is not one of" in err


@pytest.mark.parametrize("argv, version", [
    (["--version"], True), (["-q", "--version"], True), (["--version", "check"], True),
    (["check", "--version"], False), (["-h", "--version"], False),
])
def test_version_is_printed_where_argparse_would_print_it(argv, version, capsys):
    status = main(argv)
    out = capsys.readouterr().out
    if version:
        assert status == 0 and out.startswith("argmap ")
    else:
        assert not out.startswith("argmap 0")


# -- the same pictures --------------------------------------------------------

def test_svg_numbers_are_written_as_before():
    from argmap.export_svg import _f

    values = [0.0, -0.0, 0.04, -0.04, 0.05, 0.25, 0.95, 9.95, 10.0, 12.34, -7.5, 1e6 + 0.06,
              123456.789, 2.5e-7, float("inf")] + [i / 7 for i in range(-300, 300)]
    for v in values:
        s = f"{v:.1f}"
        assert _f(v) == (s[:-2] if s.endswith(".0") else s), v


def test_svg_escaping_is_as_before():
    from argmap.export_svg import _NOT_XML, escape

    texts = ["plain", "", "a & b", "<b>", 'say "so"', "it's", "x\x01y", "tab\tnew\nline",
             "\ud800 lone", "\ufffe\uffff", "Zürich „Zitat“ — ok", "&amp;", "\x7f"]
    for t in texts:
        assert escape(t) == html.escape(_NOT_XML.sub("\ufffd", t)), repr(t)


def test_wrapping_with_remembered_word_widths_is_as_before():
    from argmap.mapio import load_file
    from argmap.resources import resource_path
    from argmap.style import TEXT_SIZE, TEXT_WIDTH
    from argmap.textmetrics import FontMetrics, font_metrics, wrap

    plain = FontMetrics(str(resource_path("fonts/DejaVuSans.ttf")))
    plain.word_units = lambda word: sum(map(plain.char_units, word))   # nothing remembered
    texts = ["Ein Wort", "x" * 300, "Donaudampfschifffahrtsgesellschaftskapitän " * 5,
             "a\n\nb  c\n", ""]
    for path in MAPS:
        texts += [c.text for c in load_file(str(path)).map.claims.values()]
    for size, width in ((TEXT_SIZE, TEXT_WIDTH), (10.0, 120.0)):
        for t in texts:
            assert wrap(t, width, size, font_metrics()) == wrap(t, width, size, plain), t


@pytest.mark.parametrize("path", MAPS, ids=[p.stem for p in MAPS])
def test_svg_of_a_bundled_map_shows_every_claim_box_and_relation_where_laid_out(path):
    from argmap.export_svg import render_svg
    from argmap.layout import layout_map
    from argmap.mapio import load_file
    from argmap.style import box_text

    amap = load_file(str(path)).map
    lay = layout_map(amap)
    svg = render_svg(amap, lay)
    root = ElementTree.fromstring(svg.encode("utf-8"))
    groups = {g.get("id"): g for g in root.iter(SVG + "g") if g.get("id")}
    claims = [g for i, g in groups.items() if i.startswith("claim-")]
    assert len(claims) == len(amap.claims)
    drawn = {e.relation for e in lay.edges}
    assert len([i for i in groups if i.startswith("rel-")]) == len(drawn)
    for cid, claim in amap.claims.items():
        g = groups["claim-" + cid]
        node = lay.claim(cid)
        rect = g.find(SVG + "rect")
        assert float(rect.get("x")) == pytest.approx(node.x - node.w / 2, abs=0.051)
        assert float(rect.get("width")) == pytest.approx(node.w, abs=0.051)
        bt = box_text(amap, claim)
        texts = [t.text or "" for t in g.findall(SVG + "text")]
        assert texts == [x for x in [bt.header, *bt.lines, bt.footer] if x], cid
    # coordinates: one decimal at most, whole numbers without ".0"
    assert not re.search(r' (?:x|y|width|height|cx|cy|r)="-?\d+\.(?:0|\d\d)', svg)


def test_a_remembered_wrapping_is_a_fresh_list_each_time():
    from argmap.textmetrics import font_metrics, wrap

    first = wrap("Ein Satz, der umbrochen wird, weil er lang genug ist.", 80.0, 12.0,
                 font_metrics())
    first.append("changed by the caller")
    again = wrap("Ein Satz, der umbrochen wird, weil er lang genug ist.", 80.0, 12.0,
                 font_metrics())
    assert "changed by the caller" not in again and len(again) == len(first) - 1
