"""Gradual strengths in the app: a bar on every claim, the number and the
contributions in the inspector, the base score on a slider (undoable)."""

from __future__ import annotations

import shutil

import pytest

from argmap.semantics.gradual import strengths

from conftest import DATA
from test_gui import _no_unexpected_dialogs, open_and_settle, window  # noqa: F401


def test_strengths_follow_the_map_and_the_base_score_slider(qtbot, window, tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(DATA / "example.yaml", path)
    doc = open_and_settle(qtbot, window, path)
    items = window.scene.claim_items
    menu = window.strengths_menu
    assert all(not i.strength_shown for i in items.values())
    menu.a_toggle.trigger()
    expected = strengths(doc.amap, "dfquad")
    assert {c: i.strength for c, i in items.items()} == pytest.approx(
        {c: cs.strength for c, cs in expected.claims.items()})
    assert abs(items["frage"].strength - 0.1875) < 1e-9      # as computed by hand
    # the inspector: the number, the semantics and what each relation adds or takes
    window.select_claim("frage")
    insp = window.inspector
    shown = insp.strength_view.text()
    assert "0.188" in shown and "DF-QuAD" in shown and "sieg-putin" in shown
    assert "-0.312" in shown
    # the base score on the slider: one undoable step per drag, strengths at once
    assert insp.base.value() == 50
    before = doc.undo_stack.count()
    for v in (55, 62, 70):
        insp.base.setValue(v)
    assert doc.amap.claims["frage"].base == 0.70
    assert doc.undo_stack.count() == before + 1          # the drag merged into one step
    now = strengths(doc.amap, "dfquad").strength("frage")
    assert abs(items["frage"].strength - now) < 1e-9 and now > 0.1875
    window.a_undo.trigger()
    assert doc.amap.claims["frage"].base == 0.5 and abs(items["frage"].strength - 0.1875) < 1e-9
    assert insp.base.value() == 50
    # another semantics, and off again
    menu.semantics_actions["quadratic"].trigger()
    q = strengths(doc.amap, "quadratic").strength("frage")
    assert abs(items["frage"].strength - q) < 1e-9
    menu.a_toggle.trigger()
    assert all(not i.strength_shown for i in items.values())
    assert not insp.strength_view.isVisibleTo(insp)
    # saved in the file
    insp.base.setValue(80)
    window.a_save.trigger()
    assert "base: 0.8" in path.read_text(encoding="utf-8")

