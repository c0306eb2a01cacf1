"""The whole map in one paint call, for zoom levels where text is unreadable.

With thousands of items, calling each item's Python paint() costs more than
a frame; far out, the items keep their place in the scene (selection and hit
tests still work) but paint nothing, and this item draws every box and edge
with a few batched calls: one path of straight segments per relation type
(through the ends of each edge's curve pieces, which at this size is the
same picture) and one drawRects() per box colour.

What it draws is gathered once per change of the map or the layout
(:meth:`invalidate`), and only while it is shown; a change of the selection
or of the search matches only repaints (:meth:`update`).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ..style import KIND_STYLE, LABEL_STYLE, RELATION_STYLE
from .claim_item import MATCH_COLOR, SELECT_COLOR


class OverviewItem(QGraphicsItem):
    def __init__(self, scene) -> None:
        super().__init__()
        self._scene = scene
        self._edge_paths: dict[str, QPainterPath] | None = None
        self._groups: dict[str, list[QRectF]] | None = None
        self._dirty = True
        self._rect = QRectF()
        self.setZValue(5)
        # panning at a far zoom then moves a cached picture instead of painting it all again
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(self.acceptedMouseButtons().__class__(0))

    def invalidate(self) -> None:
        """Boxes or edges changed: gather them again (now if shown, else when shown)."""
        self._dirty = True
        if self.isVisible():
            self._gather()

    def shown(self) -> None:
        """The scene shows the overview: gather what changed while it was hidden."""
        if self._dirty:
            self._gather()

    def _gather(self) -> None:
        self._dirty = False
        groups: dict[str, list[QRectF]] = {}
        x0 = y0 = float("inf")
        x1 = y1 = float("-inf")
        for item in self._scene.claim_items.values():
            w, h = item.w, item.h
            left, top = item.x() - w / 2, item.y() - h / 2
            groups.setdefault(item.label or item.kind, []).append(QRectF(left, top, w, h))
            x0, y0 = min(x0, left), min(y0, top)
            x1, y1 = max(x1, left + w), max(y1, top + h)
        paths: dict[str, QPainterPath] = {}
        for e in self._scene.edge_items:
            pts = e.points
            if not pts:
                continue
            path = paths.get(e.kind)
            if path is None:
                path = paths[e.kind] = QPainterPath()
            path.moveTo(*pts[0])
            for p in pts[3::3] if len(pts) % 3 == 1 else pts[1:]:
                path.lineTo(*p)
            if e.tip is not None:
                path.lineTo(*e.tip)
        self._groups, self._edge_paths = groups, paths
        rect = QRectF()
        if groups:
            rect = QRectF(x0, y0, x1 - x0, y1 - y0)
            for path in paths.values():
                rect = rect.united(path.controlPointRect())
            rect = rect.adjusted(-10, -10, 10, 10)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if self._dirty:
            self._gather()
        for kind, path in self._edge_paths.items():
            painter.setPen(QPen(QColor(RELATION_STYLE.get(kind, RELATION_STYLE["support"])[0]), 0))
            painter.drawPath(path)
        painter.setPen(QPen(QColor("#8a949c"), 0))
        for kind, rects in self._groups.items():
            style = LABEL_STYLE.get(kind) or KIND_STYLE.get(kind, KIND_STYLE["claim"])
            painter.setBrush(QColor(style[0] if kind not in LABEL_STYLE else style[1]))
            painter.drawRects(rects)
        scene = self._scene
        matched = [QRectF(i.x() - i.w / 2, i.y() - i.h / 2, i.w, i.h)
                   for i in scene.matched_items()]
        selected = [QRectF(i.x() - i.w / 2, i.y() - i.h / 2, i.w, i.h)
                    for i in scene.selected_claim_items()]
        for rects, color in ((matched, MATCH_COLOR), (selected, SELECT_COLOR)):
            if rects:
                painter.setBrush(color)
                painter.setPen(QPen(color, 0))
                painter.drawRects(rects)
