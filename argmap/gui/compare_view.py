"""Compare mode on the canvas: the map now, marked with what changed since an
older version.

A :class:`CompareOverlay` lies over one tab's scene from outside: a green, amber
or dotted outline with a badge on each added, changed or moved claim (an item
that is a child of the claim's box, so it moves with it), a glow under each
added or changed relation, and *ghosts* of the claims and relations the old
version had and the map has no more (faded, dashed, red, not editable), placed
where the old map had them or next to their old neighbours
(:func:`argmap.diff_changes.place_ghosts`).  The difference is computed again
after every edit (so a change taken back disappears, and comes back with
Undo); a banner over the canvas names the old version and counts the changes.
The scene itself is not changed; closing the overlay leaves the plain map.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem, QGraphicsPathItem, QLabel, QStyleOptionGraphicsItem, QWidget,
)

from ..diff_changes import Change, counts, list_changes, place_ghosts
from ..diff_svg import (
    DIFF_COLORS, DIFF_GLYPHS, DIFF_SIGNS, ghost_sizes, marks, render_diff_svg, union_map,
)
from ..layout import NodePlace, quick_layout, relation_edges, straight_route, sub_layout
from ..mapdiff import MapDiff, diff_maps
from ..model import ArgumentMap
from ..style import CORNER, RELATION_STYLE, BoxText, arrow_head, box_runs, box_text
from .claim_item import ClaimItem
from .edge_item import EdgeItem
from .fonts import map_font

#: milliseconds after an edit before the difference is computed again
RECOMPUTE_MS = 120
GHOST_FILL = QColor(251, 238, 238, 150)


def _color(kind: str, alpha: int = 255) -> QColor:
    c = QColor(DIFF_COLORS.get(kind, DIFF_COLORS["changed"]))
    c.setAlpha(alpha)
    return c


def _glyph(kind: str, x: float, y: float) -> QPainterPath:
    """The sign of a badge centred at (x, y), as the SVG draws it."""
    path = QPainterPath()
    for op, p in DIFF_GLYPHS[kind]:
        if op == "M":
            path.moveTo(x + p[0], y + p[1])
        elif op == "L":
            path.lineTo(x + p[0], y + p[1])
        else:
            path.cubicTo(x + p[0], y + p[1], x + p[2], y + p[3], x + p[4], y + p[5])
    return path


def _badge(painter: QPainter, kind: str, x: float, y: float) -> None:
    painter.setPen(QPen(QColor("#ffffff"), 1.5))
    painter.setBrush(_color(kind))
    painter.drawEllipse(QPointF(x, y), 9.0, 9.0)
    sign = QPen(QColor("#ffffff"), 1.9)
    sign.setCapStyle(Qt.PenCapStyle.RoundCap)
    sign.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(sign)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_glyph(kind, x, y))


class ClaimMark(QGraphicsItem):
    """The outline and badge of a changed claim: a child of its box."""

    def __init__(self, parent: ClaimItem, kind: str) -> None:
        super().__init__(parent)
        self.kind = kind
        self._size = (parent.w, parent.h)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def box(self) -> ClaimItem:
        parent = self.parentItem()
        assert isinstance(parent, ClaimItem)
        return parent

    def boundingRect(self) -> QRectF:
        w, h = self._size
        return QRectF(-w / 2 - 9, -h / 2 - 12, w + 22, h + 21)

    def follow(self) -> None:
        size = (self.box().w, self.box().h)
        if size != self._size:
            self.prepareGeometryChange()
            self._size = size

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        w, h = self._size
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(_color(self.kind), 1.6 if self.kind == "moved" else 2.6)
        if self.kind == "moved":
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        r = QRectF(-w / 2 - 6, -h / 2 - 6, w + 12, h + 12)
        painter.drawRoundedRect(r, CORNER + 4, CORNER + 4)
        if self.kind != "moved":
            _badge(painter, self.kind, w / 2 + 1, -h / 2 - 1)


class GhostClaim(QGraphicsItem):
    """A claim the old version had: faded and dashed where it stood; selectable, not
    editable."""

    def __init__(self, claim_id: str, box: BoxText) -> None:
        super().__init__()
        self.ghost_id = claim_id
        self.box = box
        self.w, self.h = box.width, box.height
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(9)

    def boundingRect(self) -> QRectF:
        return QRectF(-self.w / 2 - 9, -self.h / 2 - 12, self.w + 22, self.h + 21)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(-self.w / 2, -self.h / 2, self.w, self.h)
        pen = QPen(_color("removed", 200), 1.8)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(GHOST_FILL))
        painter.drawRoundedRect(r, CORNER, CORNER)
        painter.setOpacity(0.45)
        for run in box_runs(self.box):
            painter.setFont(map_font(run.size, run.bold))
            painter.setPen(QColor(run.color))
            painter.drawText(QPointF(r.left() + run.x, r.top() + run.baseline), run.text)
        painter.setOpacity(1.0)
        _badge(painter, "removed", self.w / 2 + 1, -self.h / 2 - 1)
        if self.isSelected():
            painter.setPen(QPen(QColor("#1e6fd9"), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r.adjusted(-3, -3, 3, 3), CORNER + 2, CORNER + 2)


class GhostEdge(QGraphicsPathItem):
    """A relation the old version had: a dashed red line (with its head) between
    where its ends are now."""

    def __init__(self, key: str, kind: str) -> None:
        super().__init__()
        self.ghost_key, self.kind = key, kind
        self.heads: list[QPolygonF] = []
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0.8)
        pen = QPen(QColor(0, 0, 0, 0), 10)      # the hit area; paint() draws the line
        self.setPen(pen)

    def set_segments(self, segments: list[tuple[list[tuple[float, float]], tuple | None]]
                     ) -> None:
        path = QPainterPath()
        heads = []
        head = RELATION_STYLE.get(self.kind, RELATION_STYLE["support"])[3]
        for pts, tip in segments:
            path.moveTo(*pts[0])
            path.lineTo(*(tip or pts[-1]))
            if tip is not None:
                poly, mode = arrow_head(head, pts[-1], tip)
                if mode != "none":
                    heads.append(QPolygonF([QPointF(*p) for p in poly]))
        if path != self.path():
            self.heads = heads
            self.setPath(path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isSelected():
            glow = QPen(QColor("#1e6fd9"), 7)
            glow.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(glow)
            painter.drawPath(self.path())
        pen = QPen(_color("removed", 170), 1.8)
        pen.setDashPattern([4.0, 3.0])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.setPen(QPen(_color("removed", 170), 1.8))
        painter.setBrush(_color("removed", 170))
        for poly in self.heads:
            painter.drawPolygon(poly) if poly.size() > 2 else painter.drawPolyline(poly)


class Glow(QGraphicsPathItem):
    """A wide coloured band under an added or changed relation's edge."""

    def __init__(self, edge: EdgeItem, kind: str) -> None:
        super().__init__(edge.path())
        self.edge, self.kind = edge, kind
        pen = QPen(_color(kind, 95), 9)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(pen)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(0.5)


class CompareBanner(QLabel):
    """What is compared and how much changed, over the top of the canvas."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel { background: rgba(255, 255, 255, 235); border: 1px solid "
                           "#c9ced3; border-radius: 6px; padding: 4px 8px; color: #222; }")


class CompareOverlay(QObject):
    """Compare mode of one tab: the old version, the difference, and its marks."""

    #: the difference was computed again (after an edit, an undo, a reload)
    changed = Signal()

    def __init__(self, view, old: ArgumentMap, label: str) -> None:
        super().__init__(view)
        self.view, self.scene, self.doc = view, view.map_scene, view.map_scene.doc
        self.old, self.label = old, label
        self.diff = MapDiff()
        self.changes: list[Change] = []
        self.claim_marks: dict[str, str] = {}
        self.relation_marks: dict[str, str] = {}
        self.marks: dict[str, ClaimMark] = {}
        self.ghosts: dict[str, GhostClaim] = {}
        self.ghost_edges: dict[str, GhostEdge] = {}
        self.glows: list[Glow] = []
        self._ghost_places: dict[str, tuple[float, float]] = {}
        self._ghost_sizes: dict[str, BoxText] = {}
        self._union: ArgumentMap | None = None
        self._ghost_keys: list[str] = []
        self._following = False
        self._english = view.map_scene.english      # the texts the ghosts were measured in
        self.closed = False
        self.banner = CompareBanner(view)
        self._timer = QTimer(self, singleShot=True, interval=RECOMPUTE_MS)
        self._timer.timeout.connect(self.recompute)
        self.doc.undo_stack.indexChanged.connect(self._schedule)
        self.doc.reloaded.connect(self._on_reloaded)
        self.scene.layoutApplied.connect(self._on_layout)
        self.scene.changed.connect(self._follow)
        view.installEventFilter(self)
        self.recompute()
        self.banner.show()

    # -- the difference ------------------------------------------------------------
    @property
    def amap(self) -> ArgumentMap:
        return self.doc.amap

    def _schedule(self, *_args) -> None:
        if not self.closed:
            self._timer.start()

    def recompute(self) -> None:
        """The difference of the map now from the old version, and its marks again."""
        if self.closed:
            return
        self._timer.stop()
        self.diff = diff_maps(self.old, self.amap)
        self.changes = list_changes(self.old, self.amap, self.diff)
        self.claim_marks, self.relation_marks = marks(self.changes)
        self._union, ghost_ids, self._ghost_keys = union_map(self.amap, self.changes)
        if set(ghost_ids) != set(self._ghost_sizes) or self._english != self.scene.english:
            self._english = self.scene.english
            self._ghost_places = {}
            self._ghost_sizes = {cid: box_text(self.old, self.old.claims[cid],
                                               self.scene.english) for cid in ghost_ids}
        self.rebuild()
        self._update_banner()
        self.changed.emit()

    def _on_reloaded(self) -> None:
        # the scene dropped every item, ours too: forget them, then draw them again
        self.marks, self.ghosts, self.ghost_edges, self.glows = {}, {}, {}, []
        self.recompute()

    def _on_layout(self) -> None:
        if self._english != self.scene.english:     # the other texts: other ghost boxes
            self.recompute()
            return
        self._ghost_places = {}       # the boxes moved: the ghosts go next to them again
        self.rebuild()

    # -- the items -------------------------------------------------------------------
    def _drop_items(self) -> None:
        scene = self.scene
        for item in [*self.marks.values(), *self.ghosts.values(), *self.ghost_edges.values(),
                     *self.glows]:
            if shiboken6.isValid(item) and item.scene() is scene:
                scene.removeItem(item)
        self.marks, self.ghosts, self.ghost_edges, self.glows = {}, {}, {}, []

    def rebuild(self) -> None:
        """Draw the marks, glows and ghosts for the difference as it is."""
        if self.closed or not shiboken6.isValid(self.scene):
            return
        selected = self._selected_ghost()
        self._drop_items()
        scene = self.scene
        for cid, kind in self.claim_marks.items():
            item = scene.claim_items.get(cid)
            if item is not None and kind != "removed":
                self.marks[cid] = ClaimMark(item, kind)
        if self._ghost_sizes and not self._ghost_places:
            places = {cid: (i.x(), i.y(), i.w, i.h) for cid, i in scene.claim_items.items()}
            sizes = {cid: (b.width, b.height) for cid, b in self._ghost_sizes.items()}
            self._ghost_places = place_ghosts(self.old, sizes, places,
                                              self.amap.display.direction)
        for cid, box in self._ghost_sizes.items():
            ghost = GhostClaim(cid, box)
            ghost.setPos(*self._ghost_places.get(cid, (0.0, 0.0)))
            scene.addItem(ghost)
            self.ghosts[cid] = ghost
        for key in self._ghost_keys:
            rel = self._union.relation_by_key(key) if self._union is not None else None
            if rel is not None:
                edge = GhostEdge(key, rel.type)
                scene.addItem(edge)
                self.ghost_edges[key] = edge
        for e in scene.edge_items:
            mark = self.relation_marks.get(e.relation_key)
            if mark in ("added", "changed"):
                glow = Glow(e, mark)
                scene.addItem(glow)
                self.glows.append(glow)
        self._follow()
        if selected is not None:
            item = self.ghosts.get(selected) or self.ghost_edges.get(selected)
            if item is not None:
                item.setSelected(True)

    def _selected_ghost(self) -> str | None:
        for item in [*self.ghosts.values(), *self.ghost_edges.values()]:
            if shiboken6.isValid(item) and item.isSelected():
                return getattr(item, "ghost_id", None) or getattr(item, "ghost_key", None)
        return None

    def _place(self, node: str) -> NodePlace | None:
        """Where a node of the union map is drawn now: a box, a ghost, a junction."""
        scene, ident = self.scene, node[2:]
        if node.startswith("c:"):
            item = scene.claim_items.get(ident)
            if item is not None:
                return NodePlace(ident, item.x(), item.y(), item.w, item.h)
            ghost = self.ghosts.get(ident)
            if ghost is not None:
                return NodePlace(ident, ghost.x(), ghost.y(), ghost.w, ghost.h)
            return None
        j = scene.junction_items.get(ident)
        if j is not None:
            return NodePlace(ident, j.x(), j.y(), j.d, j.d, True)
        edge = next((e for e in scene.edge_items if e.relation_key == ident), None)
        if edge is not None:            # an undercut of a relation drawn without a dot
            mid = edge.path().pointAtPercent(0.5)
            return NodePlace(ident, mid.x(), mid.y(), 6.0, 6.0, True)
        return None

    def _follow(self, *_args) -> None:
        """Keep the marks on what moved or was drawn again (cheap when nothing did)."""
        if self._following or self.closed:
            return
        self._following = True
        try:
            stale = False
            for mark in self.marks.values():
                if shiboken6.isValid(mark):
                    mark.follow()
                else:
                    stale = True
            for glow in self.glows:
                if not shiboken6.isValid(glow) or not shiboken6.isValid(glow.edge) \
                        or glow.edge.scene() is not self.scene:
                    stale = True
                elif glow.path() != glow.edge.path():
                    glow.setPath(glow.edge.path())
            self._follow_ghost_edges()
            if stale:
                self._schedule()
        finally:
            self._following = False

    def _follow_ghost_edges(self) -> None:
        union = self._union
        if union is None or not self.ghost_edges:
            return
        rels = [r for r in union.relations if r.key in self.ghost_edges]
        junctions, edges = relation_edges(union, rels)
        places: dict[str, NodePlace] = {}
        for j in junctions:          # a linked argument's dot: amid its ends
            ends = [self._place(s) for s, d, *_ in edges if d == j and s != j] + \
                   [self._place(d) for s, d, *_ in edges if s == j and d != j]
            found = [p for p in ends if p is not None]
            if found:
                places[j] = NodePlace(j[2:], sum(p.x for p in found) / len(found),
                                      sum(p.y for p in found) / len(found), 7.0, 7.0, True)
        segments: dict[str, list] = {}
        for src, dst, key, _kind, part in edges:
            a = places.get(src) or self._place(src)
            b = places.get(dst) or self._place(dst)
            if a is not None and b is not None:
                segments.setdefault(key, []).append(straight_route(a, b, part != "premise"))
        for key, edge in self.ghost_edges.items():
            if shiboken6.isValid(edge):
                edge.set_segments(segments.get(key, []))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.view and event.type() == QEvent.Type.Resize:
            self._place_banner()
        return False

    # -- the banner ---------------------------------------------------------------------
    def banner_text(self) -> str:
        n = counts(self.changes)
        parts = []
        for kind, text in (("added", self.tr("%n added", "", n["added"])),
                           ("removed", self.tr("%n removed", "", n["removed"])),
                           ("changed", self.tr("%n changed", "", n["changed"])),
                           ("moved", self.tr("%n moved", "", n["moved"]))):
            if not n[kind]:
                continue
            parts.append(f'<span style="color:{DIFF_COLORS[kind]}; font-weight:bold">'
                         f"{DIFF_SIGNS[kind]}</span> {text}")
        if n["other"]:
            parts.append(self.tr("%n other changes", "", n["other"]))
        from html import escape
        head = self.tr("Compared with {version}").format(version=f"<b>{escape(self.label)}</b>")
        if not self.changes:
            return head + " · " + self.tr("no changes")
        return head + " · " + " · ".join(parts)

    def _update_banner(self) -> None:
        self.banner.setText(self.banner_text())
        self._place_banner()

    def _place_banner(self) -> None:
        if not shiboken6.isValid(self.banner):
            return
        vp = self.view.viewport().geometry()
        room = max(160, vp.width() - 20)
        self.banner.setWordWrap(False)
        width = min(self.banner.sizeHint().width(), room)
        self.banner.setWordWrap(True)
        self.banner.setFixedWidth(width)
        self.banner.setFixedHeight(self.banner.heightForWidth(width))
        self.banner.move(vp.left() + 10, vp.top() + 10)

    # -- what the window asks -----------------------------------------------------------
    def item_of(self, change: Change) -> QGraphicsItem | None:
        """The item that shows ``change`` on the canvas (None for one not drawn)."""
        if change.what == "claim":
            return self.ghosts.get(change.key) if change.kind == "removed" \
                else self.scene.claim_items.get(change.key)
        if change.what == "relation":
            if change.kind == "removed":
                return self.ghost_edges.get(change.key)
            return next((e for e in self.scene.edge_items if e.relation_key == change.key),
                        None)
        return None

    def show(self, change: Change) -> None:
        """Select the change on the canvas and bring it into the middle of the view."""
        scene = self.scene
        item = self.item_of(change)
        if change.what == "claim" and change.kind != "removed":
            scene.select_claims([change.key], center=True)
            return
        if change.what == "relation" and change.kind != "removed":
            scene.select_relation(change.key)
        elif item is not None:
            scene.clearSelection()
            item.setSelected(True)
        if item is not None:
            self.view.centerOn(item.sceneBoundingRect().center())

    def selected_change(self) -> int:
        """The index of the change shown by what is selected on the canvas (-1: none)."""
        scene = self.scene
        claims, rels = scene.selected_claims(), scene.selected_relations()
        ghost = self._selected_ghost()
        for i, c in enumerate(self.changes):
            if c.what == "claim" and (c.key == ghost if c.kind == "removed"
                                      else c.key in claims[-1:]):
                return i
            if c.what == "relation" and (c.key == ghost if c.kind == "removed"
                                         else c.key in rels[:1]):
                return i
        return -1

    def picture(self) -> str:
        """The difference as an SVG picture, drawn as the canvas shows it."""
        amap, english = self.amap, self.scene.english
        shown = self.scene.layout
        base = quick_layout(amap, english) if shown is None else sub_layout(shown, amap, english)
        ghosts = dict(self._ghost_places) if self._ghost_places else None
        if ghosts is not None and set(ghosts) != set(self._ghost_sizes):
            ghosts = None
        if ghosts is None and self._ghost_sizes:
            places = {n.id: (n.x, n.y, n.w, n.h) for k, n in base.nodes.items()
                      if k.startswith("c:")}
            ghosts = place_ghosts(self.old, ghost_sizes(self.old, list(self._ghost_sizes),
                                                        english),
                                  places, amap.display.direction)
        return render_diff_svg(self.old, amap, self.diff, layout=base, ghosts=ghosts,
                               english=english, labels=(self.label, self.doc.title))

    def close(self) -> None:
        """Leave compare mode: the plain map again."""
        if self.closed:
            return
        self.closed = True
        self._timer.stop()
        for sig, slot in ((self.doc.undo_stack.indexChanged, self._schedule),
                          (self.doc.reloaded, self._on_reloaded),
                          (self.scene.layoutApplied, self._on_layout),
                          (self.scene.changed, self._follow)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        if shiboken6.isValid(self.scene):
            self._drop_items()
        if shiboken6.isValid(self.view):
            self.view.removeEventFilter(self)
        if shiboken6.isValid(self.banner):
            self.banner.hide()
            self.banner.deleteLater()
