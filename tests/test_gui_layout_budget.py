"""The app never waits for dot: past its budget it shows the layered layout and
lets dot go on; an export draws what the window shows."""

import sys
import time
import xml.etree.ElementTree as ET

import argmap.export as export_module
import argmap.gui.scene as scene_module
import argmap.layout as layout_module

from conftest import ROOT
from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


def test_past_its_budget_the_app_shows_the_layered_layout_then_dots(qtbot, window, tmp_path,
                                                                   monkeypatch):
    path = tmp_path / "tief.yaml"
    path.write_text(generate(120, seed=11, components=1), encoding="utf-8")
    monkeypatch.setattr(scene_module, "LAYOUT_BUDGET", 0.0)
    real = scene_module.layout_map

    def slow_dot(*args, **kw):       # dot going on in the background, slowly
        time.sleep(4.0)
        return real(*args, **kw)

    monkeypatch.setattr(scene_module, "layout_map", slow_dot)
    window.open_file(str(path))
    scene = window.scene
    shown = []                       # the layouts the window drew, in order
    scene.layoutApplied.connect(lambda: shown.append(scene.layout.fallback))
    qtbot.waitUntil(lambda: 120 in shown, timeout=15000)
    assert scene.layout.fallback == 120
    assert "quick layout" in window.status.text()
    _assert_fitted(window)           # to the layered layout, not the provisional one
    # dot went on in the background; its layout replaces the layered one
    qtbot.waitUntil(lambda: scene.layout_fallback == 0, timeout=30000)
    assert scene.layout.fallback == 0
    qtbot.waitUntil(lambda: "quick layout" not in window.status.text(), timeout=5000)
    # and the view shows the map as it opens, fitted to dot's layout (not to the
    # quick one, whose place may now be empty)
    qtbot.waitUntil(lambda: _claims_in_view(window) > 0, timeout=5000)
    _assert_fitted(window)


def _assert_fitted(window) -> None:
    """The view opened readable on the layout shown: its thesis in view."""
    view, scene = window.view, window.scene
    thesis = next(c for c, cl in scene.amap.claims.items() if cl.kind == "thesis")
    node = scene.layout.claim(thesis)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(node.x, node.y)


def _claims_in_view(window) -> int:
    view = window.view
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    return sum(1 for n in window.scene.layout.nodes.values()
               if not n.junction and seen.contains(n.x, n.y))


def test_a_panned_view_keeps_its_middle_when_dots_layout_replaces_the_quick_one(
        qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QAbstractSlider

    path = tmp_path / "tief.yaml"
    path.write_text(generate(400, seed=12, components=1), encoding="utf-8")
    monkeypatch.setattr(scene_module, "LAYOUT_BUDGET", 0.0)
    real = scene_module.layout_map

    def slow_dot(*args, **kw):
        time.sleep(4.0)
        return real(*args, **kw)

    monkeypatch.setattr(scene_module, "layout_map", slow_dot)
    window.open_file(str(path))
    scene, view = window.scene, window.view
    qtbot.waitUntil(lambda: scene.layout_fallback == 400, timeout=15000)
    qtbot.wait(400)                      # the fitting is done
    for _ in range(6):                   # the user scrolls down
        view.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
    mid = view.mapToScene(view.viewport().rect().center())
    near = min((n for n in scene.layout.nodes.values() if not n.junction),
               key=lambda n: (n.x - mid.x()) ** 2 + (n.y - mid.y()) ** 2)
    with qtbot.waitSignal(scene.layoutApplied, timeout=30000):
        qtbot.waitUntil(lambda: scene.layout_fallback == 0, timeout=30000)
    now = scene.layout.nodes["c:" + near.id]
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    # the claim that was nearest the middle is on the screen, near its middle
    assert abs(now.x - seen.center().x()) < 0.45 * seen.width()
    assert abs(now.y - seen.center().y()) < 0.45 * seen.height()


def test_export_draws_the_layout_shown_without_running_dot(qtbot, window, mapfile, tmp_path,
                                                           monkeypatch):
    open_and_settle(qtbot, window, mapfile)
    shown = window.scene.layout

    def no_dot(*_args, **_kw):
        raise AssertionError("dot run on the GUI thread")

    monkeypatch.setattr(layout_module, "run_dot", no_dot)
    monkeypatch.setattr(export_module, "layout_map", no_dot)
    out = tmp_path / "karte.svg"
    assert window.export("svg", path=str(out))
    root = ET.parse(out).getroot()
    assert float(root.get("width").removesuffix("px")) >= shown.width - 1
    # a selection is cut from the same picture
    cid = next(iter(window.doc.amap.claims))
    window.select_claim(cid)
    assert window.export("svg", selection=True, path=str(tmp_path / "teil.svg"))
