"""The schemes of a map's arguments on the canvas: a short name at each relation.

A relation that names a known scheme gets a small label at its junction (a
linked argument) or at the middle of its edge: the scheme's short name in
italics on a white ground and, in orange, how many of its critical questions
are still open (``Expertenmeinung ?3``).  Its tooltip names the scheme and
lists the open questions.  The marks are the SVG export's
(argmap.scheme_marks); :class:`SchemeLabels` keeps one item per marked
relation and moves it with its edge.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

from ..scheme_marks import SchemeMark, scheme_marks
from ..style import JUNCTION, OPEN_COLOR, SMALL_COLOR, SMALL_SIZE
from .edge_item import EdgeItem, JunctionItem


class SchemeLabelItem(QGraphicsItem):
    """One relation's scheme: its short name and the open questions counted."""

    Type = QGraphicsItem.UserType + 7  # type: ignore[attr-defined]
    GAP = 3.0

    def __init__(self, relation_key: str, mark: SchemeMark, lang: str) -> None:
        super().__init__()
        self.relation_key = relation_key
        self.setZValue(11)              # over the claims: a short edge between near boxes
        #                                 would hide it
        self.setAcceptHoverEvents(True)
        self.mark = mark
        self.set_mark(mark, lang)

    def type(self) -> int:
        return self.Type

    def set_mark(self, mark: SchemeMark, lang: str) -> None:
        self.prepareGeometryChange()
        self.mark, self.lang = mark, lang
        self._font = QFont()
        self._font.setPointSizeF(SMALL_SIZE * 0.75)    # points, as the claims' texts
        self._font.setItalic(True)
        self._bold = QFont(self._font)
        self._bold.setItalic(False)
        self._bold.setBold(True)
        self.count = f"?{len(mark.open)}" if mark.open else ""
        self._name_w = QFontMetricsF(self._font).horizontalAdvance(mark.short)
        count_w = QFontMetricsF(self._bold).horizontalAdvance(self.count) if self.count else 0.0
        width = self._name_w + (self.GAP + count_w if self.count else 0.0)
        height = QFontMetricsF(self._font).height()
        self._rect = QRectF(-width / 2 - 2, -height / 2, width + 4, height)
        self.setToolTip(mark.tooltip(lang))

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < 0.45:
            return                      # far out: the label would be a smudge
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(self._rect, 3, 3)
        text = self._rect.adjusted(2, 0, -2, 0)
        painter.setFont(self._font)
        painter.setPen(QPen(QColor(SMALL_COLOR)))
        painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.mark.short)
        if self.count:
            painter.setFont(self._bold)
            painter.setPen(QPen(QColor(OPEN_COLOR)))
            painter.drawText(text.adjusted(self._name_w + self.GAP, 0, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.count)


class SchemeLabels:
    """The scheme labels of one scene, made again from the map on :meth:`refresh`
    and moved with their edges on :meth:`place`."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        self.items: dict[str, SchemeLabelItem] = {}

    def refresh(self) -> None:
        """Labels for the relations that name a scheme now, at their edges."""
        amap = self.scene.amap          # type: ignore[attr-defined]
        lang = amap.lang
        marks = scheme_marks(amap)
        for key in [k for k in self.items if k not in marks]:
            self.scene.removeItem(self.items.pop(key))
        for key, mark in marks.items():
            item = self.items.get(key)
            if item is None:
                item = self.items[key] = SchemeLabelItem(key, mark, lang)
                self.scene.addItem(item)
            elif item.mark != mark or item.lang != lang:
                item.set_mark(mark, lang)
        self.place()

    def place(self) -> None:
        """Each label at its relation's junction, or at the middle of its edge."""
        if not self.items:
            return
        junctions: dict[str, JunctionItem] = self.scene.junction_items  # type: ignore[attr-defined]
        edges: dict[str, EdgeItem] = {}
        for e in self.scene.edge_items:                         # type: ignore[attr-defined]
            edges.setdefault(e.relation_key, e)
        for key, item in self.items.items():
            j = junctions.get(key)
            if j is not None:
                item.setPos(j.pos() + QPointF(0, JUNCTION / 2 + item.boundingRect().height() / 2 + 2))
                item.setVisible(True)
                continue
            e = edges.get(key)
            if e is None or e.path().isEmpty():
                item.setVisible(False)
                continue
            item.setPos(e.mapToScene(e.path().pointAtPercent(0.5)))
            item.setVisible(e.isVisible())

    def clear(self) -> None:
        for item in self.items.values():
            self.scene.removeItem(item)
        self.items = {}
