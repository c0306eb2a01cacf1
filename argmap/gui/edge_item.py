"""Relation edges and linked-argument junctions, drawn like the SVG."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem

from ..style import RELATION_STYLE, arrow_head, double_line

SELECT_COLOR = QColor("#1e6fd9")


def _pen(kind: str, extra: float = 0.0) -> QPen:
    color, dash, width, _ = RELATION_STYLE.get(kind, RELATION_STYLE["support"])
    pen = QPen(QColor(color), width + extra)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if dash:
        pen.setDashPattern([float(d) / (width + extra) for d in dash.split(",")])
    return pen


def draw_line(painter: QPainter, path: QPainterPath, kind: str) -> None:
    """The line of an edge of ``kind``: one pen, or for a double line (a rephrase)
    the band and the gap in it."""
    double = double_line(kind)
    if double is None:
        painter.setPen(_pen(kind))
        painter.drawPath(path)
        return
    band = QPen(QColor(RELATION_STYLE.get(kind, RELATION_STYLE["support"])[0]), double[0])
    band.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(band)
    painter.drawPath(path)
    gap = QPen(QColor("#ffffff"), double[1])
    gap.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(gap)
    painter.drawPath(path)


class EdgeItem(QGraphicsPathItem):
    """One drawn part of a relation: premise→junction, junction→target or direct.

    The item's path (line plus head) and a wide invisible pen give Qt the
    bounds and the hit area in C++; paint() draws the real styles.
    """

    _HIT_PEN = QPen(QColor(0, 0, 0, 0), 10)

    Type = QGraphicsItem.UserType + 2

    def __init__(self, relation_key: str, kind: str, part: str, source: str, target: str) -> None:
        super().__init__()
        self.setPen(self._HIT_PEN)
        self.relation_key, self.kind, self.part = relation_key, kind, part
        self.source, self.target = source, target
        self.points: list[tuple[float, float]] = []
        self.tip: tuple[float, float] | None = None
        self._path = QPainterPath()
        self._head = QPolygonF()
        self._head_mode = ""
        self.highlight = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)

    def type(self) -> int:
        return self.Type

    def set_route(self, points: list[tuple[float, float]], tip: tuple[float, float] | None) -> None:
        """Geometry is computed here, never in paint()."""
        self.points, self.tip = list(points), tip
        path = QPainterPath()
        if points:
            path.moveTo(*points[0])
            rest = points[1:]
            for i in range(0, len(rest) - len(rest) % 3, 3):
                path.cubicTo(QPointF(*rest[i]), QPointF(*rest[i + 1]), QPointF(*rest[i + 2]))
            if len(rest) % 3:
                for p in rest[len(rest) - len(rest) % 3:]:
                    path.lineTo(*p)
        self._head = QPolygonF()
        self._head_mode = ""
        if tip is not None and points:
            head = RELATION_STYLE.get(self.kind, RELATION_STYLE["support"])[3]
            pts, mode = arrow_head(head, points[-1], tip)
            self._head = QPolygonF([QPointF(*p) for p in pts])
            self._head_mode = mode
            if mode == "fill":
                mid = QPointF((pts[1][0] + pts[2][0]) / 2, (pts[1][1] + pts[2][1]) / 2)
                path.lineTo(mid)
            else:       # a bar across the tip, or no head: the line runs on to the tip
                path.lineTo(QPointF(*tip))
        self._path = path
        outline = QPainterPath(path)
        if not self._head.isEmpty():
            outline.addPolygon(self._head)
        self.setPath(outline)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.3:  # far out: thin solid lines, no heads
            color = RELATION_STYLE.get(self.kind, RELATION_STYLE["support"])[0]
            painter.setPen(QPen(QColor(SELECT_COLOR if self.isSelected() else color), 0))
            painter.drawPath(self._path)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isSelected() or self.highlight:
            glow = QPen(SELECT_COLOR if self.isSelected() else QColor("#ffd42a"), 7)
            glow.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(glow)
            painter.drawPath(self._path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        draw_line(painter, self._path, self.kind)
        if self._head_mode == "fill":
            color = RELATION_STYLE.get(self.kind, RELATION_STYLE["support"])[0]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(color)))
            painter.drawPolygon(self._head)
        elif self._head_mode == "stroke":
            pen = _pen(self.kind, 0.8)
            pen.setStyle(Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawLine(self._head[0], self._head[1])


class JunctionItem(QGraphicsEllipseItem):
    """The dot where the premises of a linked argument (or an undercut) meet."""

    Type = QGraphicsItem.UserType + 3

    def __init__(self, relation_key: str, kind: str, diameter: float) -> None:
        super().__init__()
        self.relation_key, self.kind, self.d = relation_key, kind, diameter
        r = diameter / 2 + 3
        self.setRect(QRectF(-r, -r, 2 * r, 2 * r))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(2)

    def type(self) -> int:
        return self.Type

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = RELATION_STYLE.get(self.kind, RELATION_STYLE["support"])[0]
        if self.isSelected():
            painter.setPen(QPen(SELECT_COLOR, 3))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        r = self.d / 2
        painter.drawEllipse(QRectF(-r, -r, 2 * r, 2 * r))
