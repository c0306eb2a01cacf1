"""The canvas: items that follow one map, laid out by Graphviz off the GUI thread.

The scene listens to the model's signals and never changes the model; user
gestures (drag end, connect, double-click) become requests or commands that
the document pushes on its undo stack.
"""

from __future__ import annotations

import math

from collections import OrderedDict

import shiboken6
from PySide6.QtCore import (
    QEasingCurve, QObject, QPointF, QRectF, QRunnable, QThreadPool, QTimer, QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsItem, QGraphicsLineItem, QGraphicsScene, QGraphicsSceneMouseEvent,
)

from ..commands import MoveClaims, Relayout
from ..layout import (
    Layout, LayoutError, NodePlace, cached_layout, layout_map, quick_layout, relation_edges,
    straight_route,
)
from ..layout_stable import Relaid, update_layout
from ..model import ArgumentMap, Claim, Relation
from ..style import JUNCTION, MAX_BOX_CHARS, box_text, tag_color, words_language
from .claim_item import ClaimItem
from .document import MapDocument
from .edge_item import EdgeItem, JunctionItem
from .overview_item import OverviewItem
from .scheme_labels import SchemeLabels


#: seconds the app waits for dot before it shows argmap's own layered layout (and
#: lets dot go on in the background)
LAYOUT_BUDGET = 8.0


class _LayoutSignals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _LayoutJob(QRunnable):
    """Lays out a snapshot of the map: from the previous layout after an edit (see
    :func:`argmap.layout_stable.update_layout`), or afresh with dot when ``full``."""

    def __init__(self, generation: int, amap: ArgumentMap, english: bool,
                 signals: _LayoutSignals, previous: Layout | None = None, full: bool = True,
                 hints: dict[str, tuple[float, float]] | None = None,
                 history: dict[str, Layout] | None = None) -> None:
        super().__init__()
        self.generation, self.amap, self.english, self.signals = generation, amap, english, signals
        self.previous, self.full, self.hints, self.history = previous, full, hints, history

    def run(self) -> None:
        try:
            lay = update_layout(self.previous, self.amap, english=self.english,
                                full=self.full or self.previous is None, hints=self.hints,
                                history=self.history, budget=LAYOUT_BUDGET, keep_running=True)
            if not self._emit(True, lay) or not lay.layout.fallback:
                return
            # dot ran out of time: the layered layout is shown; the same dot runs go on,
            # and their layout replaces that one unless the map was edited meanwhile
            lay = Relaid(layout_map(self.amap, english=self.english, keep_running=True),
                         "full", lay.key)
        except LayoutError as exc:
            self._emit(False, str(exc))
        else:
            self._emit(True, lay)

    def _emit(self, ok: bool, result: object) -> bool:
        try:
            (self.signals.done if ok else self.signals.failed).emit(self.generation, result)
        except RuntimeError:
            return False  # the map was closed while it was being laid out
        return True


def tooltip_for(amap: ArgumentMap, claim: Claim) -> str:
    shown = claim.display()
    lines = []
    if len(shown.text) > MAX_BOX_CHARS:     # more than the box shows
        lines.append(shown.text[:4 * MAX_BOX_CHARS])
    if shown.quote:
        lines.append(f"„{shown.quote}“")
    src = amap.source_of(claim)
    if src is not None:
        lines.append("— " + ", ".join(b for b in (src.title, src.outlet, src.date) if b))
    if claim.ref:
        lines.append(f"{'aus' if words_language(amap.lang) == 'de' else 'from'} {claim.ref}")
    return "\n".join(lines)


class MapScene(QGraphicsScene):
    connectRequested = Signal(list, str)     # premise ids, target claim id or "rel:KEY"
    addRequested = Signal(QPointF)           # double-click on empty canvas
    editRequested = Signal(str)              # double-click on a claim
    layoutApplied = Signal()
    layoutResizing = Signal()                # the scene's extent is about to follow a layout
    layoutFailed = Signal(str)
    #: the map's language changed, and with it the words drawn into it (kinds, badges,
    #: legend)
    languageChanged = Signal()

    #: how the latest layout was made: "full" (dot), "stable" (from the one before)
    #: or "again" (the one this content had before, after an undo)
    last_layout_mode = ""

    ANIMATION_MS = 260

    def __init__(self, doc: MapDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.english = False
        self.claim_items: dict[str, ClaimItem] = {}
        self.edge_items: list[EdgeItem] = []
        #: relations selected when a layout began to be applied (hiding edges deselects them)
        self._selected_relations: set[str] = set()
        #: the evaluation's labels drawn on the claims (see set_labels)
        self.labels: dict[str, tuple[str, bool]] | None = None
        #: gradual strengths drawn as a bar on each claim (see set_strengths)
        self.strengths: dict[str, float | None] | None = None
        self._edges_at: dict[str, list[EdgeItem]] = {}     # node id -> its edges
        self.junction_items: dict[str, JunctionItem] = {}
        self.layout: Layout | None = None
        #: whether ``layout`` is a real one (dot's, or one made from dot's after edits),
        #: not the quick provisional one shown while dot works
        self.layout_settled = False
        self.layout_fallback = 0
        #: the next layout is a full dot layout (first open, Auto Layout, direction)
        self._full_next = True
        #: real layouts by what they depend on: undo brings back the picture it had
        self._history: OrderedDict[str, Layout] = OrderedDict()
        #: where new claims were first drawn (a double click, the middle of the view)
        self._hints: dict[str, tuple[float, float]] = {}
        self._stack_index = doc.undo_stack.index()
        #: the picture shown before each Auto Layout step, for its undo
        self._before_relayout: dict[int, Layout] = {}
        doc.undo_stack.indexChanged.connect(self._on_stack_index)
        self._generation = 0
        self._signals = _LayoutSignals()
        self._signals.done.connect(self._on_layout_done)
        self._signals.failed.connect(self._on_layout_failed)
        self._relayout_timer = QTimer(self, singleShot=True, interval=0)
        self._relayout_timer.timeout.connect(self._start_layout)
        self._animation: QVariantAnimation | None = None
        self._edges_hidden = False
        self._edge_token: object | None = None
        self._bulk_move = False
        self._move_token: object | None = None
        self._hand_moved: set[str] = set()
        self._press_positions: dict[str, tuple[float, float]] = {}
        self._drag_seen: dict[str, tuple[float, float]] = {}
        self._matches: set[str] = set()
        self._connect_from: str | None = None
        self._connect_line: QGraphicsLineItem | None = None
        self._selection_order: list[str] = []
        self.drop_hint: QPointF | None = None
        self.layout_pending = False
        self._job_running = False    # a layout job is working on the latest request
        self.selectionChanged.connect(self._track_selection_order)
        self.setBackgroundBrush(QColor("#fbfbfa"))
        doc.reloaded.connect(self.rebind)
        self.rebind()

    # -- binding to the model ------------------------------------------------
    @property
    def amap(self) -> ArgumentMap:
        return self.doc.amap

    def rebind(self) -> None:
        amap = self.amap
        for sig, slot in ((amap.claim_inserted, self._on_claim_inserted),
                          (amap.claim_removed, self._on_claim_removed),
                          (amap.claim_changed, self._on_claim_changed),
                          (amap.relation_inserted, self._on_relation_changed),
                          (amap.relation_removed, self._on_relation_changed),
                          (amap.relation_changed, self._on_relation_changed),
                          (amap.header_changed, self._on_header_changed)):
            sig.connect(slot)
        self._edge_token = self._move_token = None  # nothing of the old items is touched again
        self.clear()
        self.claim_items.clear()
        self.edge_items.clear()
        self.junction_items.clear()
        self.overview = OverviewItem(self)
        self.scheme_labels = SchemeLabels(self)
        self.overview.setVisible(False)
        self.addItem(self.overview)
        for claim in amap.claims.values():
            self._make_item(claim)
        cached = cached_layout(amap, self.english)
        self.layout_settled = cached is not None
        self._apply(cached or quick_layout(amap, self.english), animate=False)
        self.relayout()

    def shutdown(self) -> None:
        """Stop all pending work; the scene is about to go."""
        self._edge_token = self._move_token = None
        self._generation += 1
        self._relayout_timer.stop()
        if self._animation is not None:
            self._animation.stop()
            self._animation = None

    # -- far out: one item paints everything -------------------------------------
    far = False

    def set_far(self, far: bool) -> None:
        if far == self.far:
            return
        self.far = far
        for item in self._all_drawn():
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, far)
        self.overview.setVisible(far)
        if far:
            self.overview.shown()

    def _all_drawn(self):
        yield from self.claim_items.values()
        yield from self.edge_items
        yield from self.junction_items.values()

    def _adopt(self, item) -> None:
        """A new item follows the current level of detail."""
        if self.far:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.addItem(item)

    def _make_item(self, claim: Claim) -> ClaimItem:
        item = ClaimItem(claim.id)
        self._refresh_item(item, claim)
        self._adopt(item)
        self.claim_items[claim.id] = item
        return item

    def _refresh_item(self, item: ClaimItem, claim: Claim) -> None:
        tags = claim.tags or claim.display().tags
        item.set_content(box_text(self.amap, claim, self.english), claim.kind,
                         tag_color(self.amap, tags[0]) if tags else None,
                         tooltip_for(self.amap, claim))

    def _on_claim_inserted(self, claim: Claim, index: int) -> None:
        item = self._make_item(claim)
        if claim.pos is not None:
            item.setPos(*claim.pos)
        elif self.drop_hint is not None:
            item.setPos(self.drop_hint)
        else:
            r = self.itemsBoundingRect()
            item.setPos(r.center() if not r.isNull() else QPointF(100, 100))
        self._on_item_moved(item)
        self.drop_hint = None
        self._hints[claim.id] = (item.x(), item.y())
        self._update_edges(self._relations_of(claim.id))
        self._schedule()

    def _on_claim_removed(self, claim: Claim, index: int) -> None:
        item = self.claim_items.pop(claim.id, None)
        if item is not None:
            self.removeItem(item)
        self._update_edges(self._relations_of(claim.id))
        self._schedule()

    def _on_claim_changed(self, claim: Claim, field: str) -> None:
        item = self.claim_items.get(claim.id)
        if item is None:
            return
        if field == "pos":
            if claim.pos is not None:
                if (item.x(), item.y()) != claim.pos:
                    item.setPos(*claim.pos)
                    self._on_item_moved(item)
            else:
                self._schedule()
            return
        if field in ("note",):
            return
        self._refresh_item(item, claim)
        self._schedule()

    def _on_relation_changed(self, rel: Relation, *_args) -> None:
        affected = {rel.key}
        if rel.type == "undercut":
            affected.add(rel.target)  # its target's junction comes or goes with it
        self._update_edges(affected)
        self._schedule()

    def _relations_of(self, claim_id: str) -> set[str]:
        return {r.key for r in self.amap.relations
                if r.target == claim_id or claim_id in r.premises}

    def _on_header_changed(self, name: str) -> None:
        if name == "direction":
            self._full_next = True
            self._schedule()
        elif name == "lang":
            self._refresh_boxes()
            labels, self.labels = self.labels, None
            self.set_labels(labels)  # badges in the other language
            self.languageChanged.emit()

    def set_english(self, on: bool) -> None:
        """Show the claims' English texts (``en``), or their own.  The words drawn
        with them (kinds, badges, legend) stay in the map's language."""
        if on != self.english:
            self.english = on
            self._refresh_boxes()

    def _refresh_boxes(self) -> None:
        """Every box again (other text or words, so other sizes), and a fresh layout."""
        for cid, item in self.claim_items.items():
            self._refresh_item(item, self.amap.claims[cid])
        self._full_next = True
        self._schedule()

    def set_labels(self, labels: dict[str, tuple[str, bool]] | None) -> None:
        """Colour the claims by an evaluation: id -> (IN|OUT|UNDEC, assumed?); None: by kind."""
        old, self.labels = self.labels or {}, labels
        for cid, item in self.claim_items.items():
            lab = labels.get(cid) if labels else None
            if lab == old.get(cid) and (lab is None) == (item.label is None):
                continue  # unchanged: most claims after a small edit
            if lab is None:
                item.set_label(None)
            else:
                item.set_label(lab[0], lab[1], self.amap.lang)
        self.overview.invalidate()

    def set_strengths(self, values: dict[str, float | None] | None) -> None:
        """A strength bar on every claim: id -> strength (None: did not settle); None: no bars."""
        self.strengths = values
        for cid, item in self.claim_items.items():
            item.set_strength(values.get(cid, None) if values else None, values is not None)

    # -- layout ----------------------------------------------------------------
    HISTORY = 64

    def relayout(self) -> None:
        """Lay the whole map out again with dot (View → Auto Layout)."""
        self._full_next = True
        self._schedule()

    def _schedule(self) -> None:
        """After an edit: a layout made from the one shown, untouched boxes stay put."""
        self.layout_pending = True
        self.doc.hold_checks = True
        self._relayout_timer.start()

    def _on_stack_index(self, index: int) -> None:
        """Auto Layout (or its redo) forgets every manual position in one step: the
        map is then laid out afresh; its undo brings back the picture before."""
        stack, before, self._stack_index = self.doc.undo_stack, self._stack_index, index
        if not shiboken6.isValid(stack) or self.doc.closed:
            return      # the map is being taken down
        if index == before - 1 and isinstance(getattr(stack.command(index), "command", None),
                                              Relayout):
            shown = self._before_relayout.get(id(stack.command(index).command))
            if shown is not None:       # undo of Auto Layout: the picture before
                self._generation += 1
                self._job_running = False
                self._relayout_timer.stop()
                self.layout_pending = False
                self.doc.release_checks()
                self._apply(shown, animate=True)
            return
        if index != before + 1 or index < 1:
            return
        cmd = getattr(stack.command(index - 1), "command", None)
        if isinstance(cmd, Relayout):
            if self.layout is not None:
                self._before_relayout[id(cmd)] = self.layout
            self.relayout()
            return
        if isinstance(cmd, MoveClaims) and cmd.moves and all(
                new is None for _old, new in cmd.moves.values()):
            self._full_next = True

    def _start_layout(self) -> None:
        self._generation += 1
        self._hand_moved = set()
        self._job_running = True
        full = self._full_next or not self.layout_settled
        self._full_next = False
        amap = self.doc.snapshot()
        hints = {cid: p for cid, p in self._hints.items() if cid in amap.claims}
        self._hints = {}
        job = _LayoutJob(self._generation, amap, self.english, self._signals,
                         previous=self.layout if self.layout_settled else None, full=full,
                         hints=hints, history=dict(self._history))
        QThreadPool.globalInstance().start(job)

    def _on_layout_done(self, generation: int, result: Relaid) -> None:
        if generation != self._generation:
            return  # a newer edit is being laid out
        self._job_running = False
        self.layout_settled = True
        self.last_layout_mode = result.mode
        #: claims shown in the layered layout while dot is still working on them
        self.layout_fallback = result.layout.fallback
        self._history[result.key] = result.layout
        self._history.move_to_end(result.key)
        while len(self._history) > self.HISTORY:
            self._history.popitem(last=False)
        self._apply(result.layout, animate=True)

    def _on_layout_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._job_running = False
            self.layout_pending = False
            self.doc.release_checks()
            self.layoutFailed.emit(message)

    def _apply(self, lay: Layout, animate: bool) -> None:
        self.layout = lay
        self._selected_relations |= {e.relation_key for e in self.edge_items if e.isSelected()}
        targets: dict[ClaimItem, tuple[float, float]] = {}
        for cid, item in self.claim_items.items():
            node = lay.claim(cid)
            if node is not None:
                targets[item] = (node.x, node.y)
        if self._animation is not None:
            self._animation.stop()
            self._animation = None
        starts = {item: (item.x(), item.y()) for item in targets}
        moving = [i for i in targets if starts[i] != targets[i]]
        if animate and moving and len(moving) <= 3000:
            # many boxes on the move: edges would be redrawn for every frame
            self._edges_hidden = len(moving) > 150
            if self._edges_hidden:
                for e in self.edge_items:
                    e.setVisible(False)
            anim = QVariantAnimation(self)
            anim.setStartValue(0.0)
            anim.setEndValue(1.0)
            anim.setDuration(self.ANIMATION_MS)
            anim.setEasingCurve(QEasingCurve.Type.InOutCubic)

            def step(t: float) -> None:
                for item in moving:
                    (x0, y0), (x1, y1) = starts[item], targets[item]
                    item.setPos(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
                if not self._edges_hidden:
                    for item in moving:
                        self._on_item_moved(item)

            anim.valueChanged.connect(step)
            anim.finished.connect(lambda: self._finish(lay))
            self._animation = anim
            anim.start()
        else:
            # too many to animate: move them in slices so the window stays responsive
            self._edges_hidden = True  # edges are rebuilt in _finish anyway
            for e in self.edge_items:
                e.setVisible(False)
            todo = [(item, targets[item]) for item in moving]
            token = self._move_token = object()

            def move(start: int = 0) -> None:
                if self._move_token is not token:
                    return
                for item, (x, y) in todo[start:start + self.MOVE_BATCH]:
                    item.setPos(x, y)
                if start + self.MOVE_BATCH < len(todo):
                    QTimer.singleShot(0, lambda: move(start + self.MOVE_BATCH))
                else:
                    self._finish(lay)

            move()

    EDGE_BATCH = 250
    MOVE_BATCH = 500

    def _finish(self, lay: Layout) -> None:
        """Put the layout's edges in place, a batch per event-loop turn."""
        self._animation = None
        self._edges_hidden = False
        self._edge_token = token = object()
        selected = self._selected_relations | {e.relation_key for e in self.edge_items
                                                if e.isSelected()}
        self._selected_relations = set()
        kinds = {r.key: r.type for r in self.amap.relations}
        for j in self.junction_items.values():
            self.removeItem(j)
        self.junction_items = {}
        for node in lay.nodes.values():
            if node.junction and node.id in kinds:
                j = JunctionItem(node.id, kinds[node.id], node.w)
                j.setPos(node.x, node.y)
                self._adopt(j)
                self.junction_items[node.id] = j
        reuse = {(e.relation_key, e.part, e.source, e.target): e for e in self.edge_items}
        routes = [r for r in lay.edges if r.relation in kinds]
        placed: list[EdgeItem] = []

        def step(start: int = 0) -> None:
            if self._edge_token is not token:
                return  # a newer layout took over
            for route in routes[start:start + self.EDGE_BATCH]:
                key = (route.relation, route.part, route.source, route.target)
                e = reuse.pop(key, None)
                if e is None or e.kind != route.kind:
                    e = EdgeItem(route.relation, route.kind, route.part, route.source,
                                 route.target)
                    self._adopt(e)
                    self.edge_items.append(e)  # tracked at once, in case a newer layout comes
                e.set_route(route.points, route.tip)
                e.setVisible(True)
                e.setSelected(route.relation in selected)
                placed.append(e)
            if start + self.EDGE_BATCH < len(routes):
                QTimer.singleShot(0, lambda: step(start + self.EDGE_BATCH))
            else:
                QTimer.singleShot(0, done)

        def done() -> None:
            if self._edge_token is not token:
                return
            keep = set(placed)
            for e in self.edge_items:
                if e not in keep:
                    self.removeItem(e)
            self.edge_items = placed
            self._index_edges()
            for cid in list(self._hand_moved):  # claims dragged since the layout was made
                if self._moved_off_layout("c:" + cid):
                    for e in self._edges_at.get("c:" + cid, ()):
                        self._straighten(e)
            self.layoutResizing.emit()
            margin = 400
            self.setSceneRect(QRectF(lay.left - margin, lay.top - margin,
                                     lay.width + 2 * margin, lay.height + 2 * margin))
            self.overview.invalidate()
            # one full repaint once everything moved: the partial updates of the
            # animation can leave antialiased slivers of box corners behind
            for view in self.views():
                view.viewport().update()
            if not self._job_running and not self._relayout_timer.isActive():
                # the latest layout asked for (not a provisional one before it)
                self.layout_pending = False
                self.doc.release_checks()
            self.layoutApplied.emit()

        step()

    def _moved_off_layout(self, node_id: str) -> bool:
        if not node_id.startswith("c:") or self.layout is None:
            return False
        item = self.claim_items.get(node_id[2:])
        place = self.layout.nodes.get(node_id)
        return item is not None and place is not None and (item.x(), item.y()) != (place.x, place.y)

    def _place(self, node_id: str) -> NodePlace | None:
        if node_id.startswith("c:"):
            item = self.claim_items.get(node_id[2:])
            if item is None:
                return None
            return NodePlace(node_id[2:], item.x(), item.y(), item.w, item.h)
        j = self.junction_items.get(node_id[2:])
        if j is None:
            return None
        return NodePlace(node_id[2:], j.x(), j.y(), j.d, j.d, True)

    def _straighten(self, e: EdgeItem) -> None:
        a, b = self._place(e.source), self._place(e.target)
        if a is not None and b is not None:
            pts, tip = straight_route(a, b, e.part != "premise")
            e.set_route(pts, tip)

    def _index_edges(self) -> None:
        self._edges_at = {}
        for e in self.edge_items:
            self._edges_at.setdefault(e.source, []).append(e)
            self._edges_at.setdefault(e.target, []).append(e)
        self.scheme_labels.refresh()       # the edges are new: their schemes' labels follow

    def _on_item_moved(self, item: ClaimItem) -> None:
        if self._bulk_move or (self._animation is not None and self._edges_hidden):
            return
        if self._animation is None:
            self._hand_moved.add(item.claim_id)
        for e in self._edges_at.get("c:" + item.claim_id, ()):
            self._straighten(e)
        self.scheme_labels.place()
        if self.far:
            self.overview.invalidate()

    def _update_edges(self, affected: set[str]) -> None:
        """Straight edges for the relations in ``affected`` until dot answers.

        Only those relations' edges and junctions are made again (and those of
        undercuts ending at them, and of relations that gain or lose a
        junction); everything else stays as drawn: an edit on a 5,000-claim map
        costs what the edited relation costs.
        """
        self._edge_token = None  # stop placing the edges of an older layout
        rels = self.amap.relations
        keys = {r.key for r in rels}
        targeted = {r.target for r in rels if r.type == "undercut"}
        needed = {r.key for r in rels if r.linked or r.key in targeted}
        affected = set(affected) | (needed ^ set(self.junction_items))
        affected |= {r.key for r in rels if r.type == "undercut" and r.target in affected}
        selected = {e.relation_key for e in self.edge_items if e.isSelected()}
        kept: list[EdgeItem] = []
        for e in self.edge_items:
            if e.relation_key in affected or e.relation_key not in keys:
                self.removeItem(e)
            else:
                kept.append(e)
        self.edge_items = kept
        for key in list(self.junction_items):
            if key in affected or key not in keys:
                self.removeItem(self.junction_items.pop(key))
        todo = [r for r in rels if r.key in affected]
        junctions, edges = relation_edges(self.amap, todo, keys, targeted)
        kinds = {r.key: r.type for r in todo}
        for nid in junctions:
            key = nid[2:]
            ends = [self._place(s) for s, d, *_ in edges if d == nid] + \
                   [self._place(d) for s, d, *_ in edges if s == nid]
            ends = [p for p in ends if p is not None and not p.junction]
            j = JunctionItem(key, kinds.get(key, "support"), JUNCTION)
            if ends:
                j.setPos(sum(p.x for p in ends) / len(ends), sum(p.y for p in ends) / len(ends))
            self._adopt(j)
            self.junction_items[key] = j
        for src, dst, key, kind, part in edges:
            e = EdgeItem(key, kind, part, src, dst)
            self._adopt(e)
            self.edge_items.append(e)
            self._straighten(e)
            e.setSelected(key in selected)  # an edited relation stays selected
        self._index_edges()
        self.overview.invalidate()

    # -- selection ------------------------------------------------------------------
    def _track_selection_order(self) -> None:
        if self.far:
            self.overview.update()   # the selection is drawn by the overview
        now = {i.claim_id for i in self.selectedItems() if isinstance(i, ClaimItem)}
        self._selection_order = [c for c in self._selection_order if c in now]
        self._selection_order += [c for c in self.claim_items if c in now
                                  and c not in self._selection_order]

    def selected_claims(self) -> list[str]:
        """Selected claim ids in the order they were selected."""
        return list(self._selection_order)

    def selected_relations(self) -> list[str]:
        keys: list[str] = []
        for i in self.selectedItems():
            key = getattr(i, "relation_key", None)
            if key and key not in keys:
                keys.append(key)
        return keys

    def select_claims(self, ids: list[str], center: bool = False) -> None:
        self.clearSelection()
        for cid in ids:
            if cid in self.claim_items:
                self.claim_items[cid].setSelected(True)
        if center and ids and ids[0] in self.claim_items:
            for view in self.views():
                view.centerOn(self.claim_items[ids[0]])

    def select_relation(self, key: str) -> None:
        self.clearSelection()
        for e in self.edge_items:
            if e.relation_key == key:
                e.setSelected(True)

    def set_matches(self, ids: set[str]) -> None:
        for cid, item in self.claim_items.items():
            item.set_matched(cid in ids)
        self._matches = {cid for cid in ids if cid in self.claim_items}
        if self.far:
            self.overview.update()

    def matched_items(self) -> list[ClaimItem]:
        return [self.claim_items[c] for c in self._matches if c in self.claim_items]

    def selected_claim_items(self) -> list[ClaimItem]:
        return [i for i in self.selectedItems() if isinstance(i, ClaimItem)]

    # -- gestures ------------------------------------------------------------------------
    def _claim_at(self, pos: QPointF) -> ClaimItem | None:
        for item in self.items(pos):
            if isinstance(item, ClaimItem):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        from PySide6.QtCore import Qt
        item = self._claim_at(event.scenePos())
        if (item is not None and event.button() == Qt.MouseButton.LeftButton
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self._connect_from = item.claim_id
            line = QGraphicsLineItem(item.x(), item.y(), event.scenePos().x(),
                                     event.scenePos().y())
            pen = QPen(QColor("#1e6fd9"), 2)
            pen.setDashPattern([4, 3])
            line.setPen(pen)
            line.setZValue(100)
            self.addItem(line)
            self._connect_line = line
            event.accept()
            return
        super().mousePressEvent(event)
        self._press_positions = {i.claim_id: (i.x(), i.y()) for i in self.selectedItems()
                                 if isinstance(i, ClaimItem)}
        self._drag_seen = dict(self._press_positions)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connect_line is not None:
            line = self._connect_line.line()
            line.setP2(event.scenePos())
            self._connect_line.setLine(line)
            event.accept()
            return
        super().mouseMoveEvent(event)
        # boxes dragged by Qt: their edges follow
        for cid in self._press_positions:
            item = self.claim_items.get(cid)
            if item is not None and self._drag_seen.get(cid) != (item.x(), item.y()):
                self._drag_seen[cid] = (item.x(), item.y())
                self._on_item_moved(item)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connect_line is not None:
            self.removeItem(self._connect_line)
            self._connect_line = None
            src, self._connect_from = self._connect_from, None
            premises = [src]
            selected = self.selected_claims()
            if src in selected and len(selected) > 1:
                premises = selected
            target = None
            for item in self.items(event.scenePos()):
                if isinstance(item, ClaimItem) and item.claim_id not in premises:
                    target = item.claim_id
                    break
                if isinstance(item, (EdgeItem, JunctionItem)):
                    target = "rel:" + item.relation_key
                    break
            if target:
                self.connectRequested.emit(premises, target)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        moves = {}
        for cid, old in self._press_positions.items():
            item = self.claim_items.get(cid)
            if item is not None and (item.x(), item.y()) != old:
                claim = self.amap.claims[cid]
                moves[cid] = (claim.pos, (round(item.x(), 1), round(item.y(), 1)))
        self._press_positions = {}
        if moves:
            self.doc.push(MoveClaims(self.amap, moves, self.tr("Move") if len(moves) == 1
                                     else self.tr("Move %n claims", "", len(moves))))

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self._claim_at(event.scenePos())
        if item is not None:
            self.editRequested.emit(item.claim_id)
        elif not self.items(event.scenePos()):
            self.addRequested.emit(event.scenePos())
        event.accept()

    def neighbour(self, claim_id: str, dx: int, dy: int) -> str | None:
        """The connected claim lying most nearly in direction (dx, dy)."""
        here = self.claim_items.get(claim_id)
        if here is None:
            return None
        linked: set[str] = set()
        for r in self.amap.relations_of(claim_id):
            linked.update(r.premises)
            linked.add(r.target)
        linked.discard(claim_id)
        best, best_score = None, math.inf
        for cid in linked:
            item = self.claim_items.get(cid)
            if item is None:
                continue
            vx, vy = item.x() - here.x(), item.y() - here.y()
            dist = math.hypot(vx, vy) or 1.0
            cos = (vx * dx + vy * dy) / dist
            if cos <= 0.3:
                continue
            score = dist / cos
            if score < best_score:
                best, best_score = cid, score
        return best
