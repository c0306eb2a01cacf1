"""The app keeps the map where it is after an edit, and opens with the map in view."""

import math
import statistics

from PySide6.QtCore import QRectF

from argmap.commands import AddClaim, AddRelation, Macro
from argmap.model import Claim, Relation

from test_gui import _no_unexpected_dialogs, mapfile, open_and_settle, window  # noqa: F401

THESIS = "sieg-fuer-putin"


def positions(scene):
    return {cid: (item.x(), item.y()) for cid, item in scene.claim_items.items()}


def settle(qtbot, scene):
    qtbot.waitUntil(lambda: not scene.layout_pending and scene._animation is None,
                    timeout=15000)


def test_adding_a_claim_and_an_attack_leaves_the_map_in_place(qtbot, window, mapfile):
    open_and_settle(qtbot, window, mapfile)
    scene = window.scene
    settle(qtbot, scene)
    before = positions(scene)
    # an objection to the thesis, one undo step
    doc = scene.doc
    new, second = "pause-hilft-ukraine", "russland-ruestet-auf"
    doc.push(Macro("Add objection", [
        AddClaim(doc.amap, Claim(new, text="Ein Waffenstillstand gäbe der Ukraine Zeit, ihre "
                                           "Truppen auszuruhen und neu auszubilden.")),
        AddRelation(doc.amap, Relation("attack", [new], THESIS))]))
    settle(qtbot, scene)
    # and a claim that attacks it, connected as the window connects (S / A keys)
    doc.push(AddClaim(doc.amap, Claim(second, text="Auch Russland nutzt jede Pause.")))
    assert window.connect_claims([second], new, "attack") is not None
    settle(qtbot, scene)
    assert scene.last_layout_mode == "stable"
    rels = [(r.type, r.premises, r.target) for r in scene.amap.relations]
    assert ("attack", [new], THESIS) in rels and ("attack", [second], new) in rels
    after = positions(scene)
    d = [math.hypot(x - after[c][0], y - after[c][1]) for c, (x, y) in before.items()]
    assert len(d) == len(before) == 44        # the bundled 2022-11 map
    assert statistics.median(d) < 10
    assert max(d) <= 50, sorted(d)[-5:]
    # the new boxes sit beyond their targets (the map reads top-down) and overlap nothing
    assert after[new][1] > after[THESIS][1] and after[second][1] > after[new][1]
    boxes = [item.sceneBoundingRect().adjusted(1, 1, -1, -1)
             for item in scene.claim_items.values()]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    # Auto Layout still lays the whole map out with dot
    window.auto_layout()
    settle(qtbot, scene)
    assert scene.last_layout_mode == "full"
    for cid, item in scene.claim_items.items():
        node = scene.layout.claim(cid)
        assert (item.x(), item.y()) == (node.x, node.y)


def test_undo_puts_the_boxes_back(qtbot, window, mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    scene = window.scene
    settle(qtbot, scene)
    before = positions(scene)
    cid = list(scene.claim_items)[4]
    from argmap.commands import SetClaimField
    doc.push(SetClaimField(doc.amap, cid, "text", doc.amap.claims[cid].text
                           + " Und dazu noch ein langer Nachsatz, der den Kasten wachsen lässt."))
    settle(qtbot, scene)
    grown = positions(scene)
    assert max(math.hypot(x - grown[c][0], y - grown[c][1])
               for c, (x, y) in before.items() if c != cid) <= 50
    window.a_undo.trigger()
    settle(qtbot, scene)
    assert scene.last_layout_mode == "again"
    assert positions(scene) == before


def test_first_open_without_a_cached_layout_ends_with_the_map_in_view(
        qtbot, window, mapfile, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "empty-cache"))
    window.open_file(str(mapfile))
    scene, view = window.scene, window.view
    assert not scene.layout_settled          # a provisional layout while dot works
    qtbot.waitUntil(lambda: scene.layout_settled and not scene.layout_pending
                    and scene._animation is None, timeout=15000)
    qtbot.wait(50)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    boxes = QRectF()
    for item in scene.claim_items.values():
        boxes = boxes.united(item.sceneBoundingRect())
    assert seen.intersects(boxes)
    # the map's thesis is on the canvas (the map is too big to be read whole: its top
    # is shown, the thesis with its reasons below it)
    assert seen.contains(scene.claim_items[THESIS].sceneBoundingRect())


def test_first_fit_is_not_repeated_once_the_user_zoomed(qtbot, window, mapfile, tmp_path,
                                                        monkeypatch):
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "empty-cache"))
    window.open_file(str(mapfile))
    scene, view = window.scene, window.view
    qtbot.waitUntil(lambda: view._fitted_once, timeout=15000)
    view.set_zoom(2.5)
    qtbot.waitUntil(lambda: scene.layout_settled and not scene.layout_pending
                    and scene._animation is None, timeout=15000)
    qtbot.wait(50)
    assert abs(view.zoom() - 2.5) < 1e-6


def test_auto_layout_is_one_undoable_step_even_without_manual_positions(qtbot, window,
                                                                        mapfile):
    doc = open_and_settle(qtbot, window, mapfile)
    scene = window.scene
    assert not any(c.pos for c in doc.amap.claims.values())
    # an edit placed locally, then Auto Layout makes a fresh dot picture of it all
    doc.push(Macro("add", [AddClaim(doc.amap, Claim("neu", text="Ein neuer Gedanke")),
                           AddRelation(doc.amap, Relation("support", ["neu"],
                                                          "sieg-fuer-putin"))]))
    settle(qtbot, scene)
    before = positions(scene)
    steps = doc.undo_stack.count()
    window.a_auto.trigger()
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "Auto layout"
    settle(qtbot, scene)
    assert scene.last_layout_mode == "full"
    doc.undo_stack.undo()
    settle(qtbot, scene)
    assert positions(scene) == before
