"""The whole map in one paint call, for zoom levels where text is unreadable.

With thousands of items, calling each item's Python paint() costs more than
a frame; far out, the items keep their place in the scene (selection and hit
tests still work) but paint nothing, and this item draws every box and edge
with a few batched calls.
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
        self._rect = QRectF()
        self.setZValue(5)
        # panning at a far zoom then moves a cached picture instead of painting it all again
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(self.acceptedMouseButtons().__class__(0))

    def invalidate(self) -> None:
        self._edge_paths = None
        items = self._scene.claim_items.values()
        if items:
            xs = [i.x() - i.w / 2 for i in items] + [i.x() + i.w / 2 for i in items]
            ys = [i.y() - i.h / 2 for i in items] + [i.y() + i.h / 2 for i in items]
            rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
            rect = rect.adjusted(-300, -300, 300, 300)  # edges may bulge past the boxes
        else:
            rect = QRectF()
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        scene = self._scene
        if self._edge_paths is None:
            paths: dict[str, QPainterPath] = {}
            for e in scene.edge_items:
                paths.setdefault(e.kind, QPainterPath()).addPath(e.path())
            self._edge_paths = paths
        for kind, path in self._edge_paths.items():
            painter.setPen(QPen(QColor(RELATION_STYLE.get(kind, RELATION_STYLE["support"])[0]), 0))
            painter.drawPath(path)
        groups: dict[str, list[QRectF]] = {}
        selected, matched = [], []
        for item in scene.claim_items.values():
            r = QRectF(item.x() - item.w / 2, item.y() - item.h / 2, item.w, item.h)
            groups.setdefault(item.label or item.kind, []).append(r)
            if item.isSelected():
                selected.append(r)
            if item.matched:
                matched.append(r)
        painter.setPen(QPen(QColor("#8a949c"), 0))
        for kind, rects in groups.items():
            style = LABEL_STYLE.get(kind) or KIND_STYLE.get(kind, KIND_STYLE["claim"])
            painter.setBrush(QColor(style[0] if kind not in LABEL_STYLE else style[1]))
            painter.drawRects(rects)
        for rects, color in ((matched, MATCH_COLOR), (selected, SELECT_COLOR)):
            if rects:
                painter.setBrush(color)
                painter.setPen(QPen(color, 0))
                painter.drawRects(rects)
