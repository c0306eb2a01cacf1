"""A claim box on the canvas, drawn exactly like the SVG export."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem

from ..style import BADGE_SIZE, CORNER, KIND_STYLE, LABEL_STYLE, STRIPE, Badge, BoxText, box_runs, label_badge
from .fonts import map_font

SELECT_COLOR = QColor("#1e6fd9")
MATCH_COLOR = QColor("#ffd42a")
STRENGTH_TRACK = "#d8dde3"                  # the bar's empty part
STRENGTH_BAR = "#2f6fa8"                    # as strong as the bar is long
#: below this zoom the text is too small to read and is not drawn
LOD_TEXT = 0.3


class ClaimItem(QGraphicsRectItem):
    """Box centred on its position; knows nothing of the map.

    Geometry (bounding rect, shape, scene index) stays in C++ and there is no
    itemChange() in Python: only paint() calls into Python, which matters with
    5,000 boxes (a Python itemChange made every flag, selection and position
    change of every box a Python call).  The scene follows moves itself.
    """

    Type = QGraphicsItem.UserType + 1

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.claim_id = claim_id
        self.box: BoxText | None = None
        self.w = self.h = 40.0
        self.kind = "claim"
        self.stripe: QColor | None = None
        self.label: str | None = None            # IN | OUT | UNDEC when evaluated
        self.badge: Badge | None = None
        self.lang = "de"                         # the map's, for the badge's words
        self.matched = False
        self.strength: float | None = None       # gradual strength, when shown
        self.strength_shown = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(10)

    def type(self) -> int:
        return self.Type

    def set_content(self, box: BoxText, kind: str, stripe: str | None, tooltip: str) -> None:
        self.box, self.kind = box, kind if kind in KIND_STYLE else "claim"
        if (self.w, self.h) != (box.width, box.height) or self.rect().isNull():
            self.w, self.h = box.width, box.height
            # the item's own rect includes the selection outline and the label badge
            # on the top edge; box_rect() is the claim
            self.setRect(QRectF(-self.w / 2 - 5, -self.h / 2 - 9, self.w + 10, self.h + 14))
            if self.badge is not None:
                self.set_label(self.label, self.badge.text != self.label)
        self.stripe = QColor(stripe) if stripe else None
        self.setToolTip(tooltip)
        self.update()

    def set_label(self, label: str | None, assumed: bool = False, lang: str | None = None) -> None:
        """Colour the box by an evaluation's label (None: by its kind again); the
        badge's words are in ``lang``, the map's language (None: as before)."""
        lang = self.lang if lang is None else lang
        badge = label_badge(label, assumed, self.w, lang) if label else None
        if (label, badge, lang) != (self.label, self.badge, self.lang):
            self.label, self.badge, self.lang = label, badge, lang
            self.update()

    def set_strength(self, value: float | None, shown: bool = True) -> None:
        """A bar along the box's bottom edge, as long as the strength (0 to 1); a
        strength of None with ``shown`` is a cycle that did not settle (a grey bar)."""
        if (value, shown) != (self.strength, self.strength_shown):
            self.strength, self.strength_shown = value, shown
            self.update()

    def set_matched(self, on: bool) -> None:
        if self.matched != on:
            self.matched = on
            self.update()

    def box_rect(self) -> QRectF:
        return QRectF(-self.w / 2, -self.h / 2, self.w, self.h)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        fill, border, width = KIND_STYLE[self.kind]
        if self.label is not None:
            fill, border = LABEL_STYLE[self.label]
            width = 2.2
        r = self.box_rect()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOD_TEXT:  # text would be unreadable: a plain box, fast
            painter.setPen(QPen(QColor(SELECT_COLOR if self.isSelected() else border),
                                3 / max(lod, 0.05) if self.isSelected() else 0))
            painter.setBrush(QColor(MATCH_COLOR if self.matched else fill))
            painter.drawRect(r)
            if self.stripe is not None:
                painter.fillRect(QRectF(r.left(), r.top(), STRIPE * 2, r.height()), self.stripe)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.matched:
            painter.setPen(QPen(MATCH_COLOR, 8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r, CORNER, CORNER)
        painter.setPen(QPen(QColor(border), width))
        painter.setBrush(QBrush(QColor(fill)))
        painter.drawRoundedRect(r, CORNER, CORNER)
        if self.stripe is not None:
            clip = QPainterPath()
            clip.addRoundedRect(r, CORNER, CORNER)
            painter.save()
            painter.setClipPath(clip)
            painter.fillRect(QRectF(r.left(), r.top(), STRIPE, r.height()), self.stripe)
            painter.restore()
        if self.box is not None:
            for run in box_runs(self.box):
                painter.setFont(map_font(run.size, run.bold))
                painter.setPen(QColor(run.color))
                painter.drawText(QPointF(r.left() + run.x, r.top() + run.baseline), run.text)
        if self.strength_shown:
            track = QRectF(r.left() + CORNER, r.bottom() - 6, r.width() - 2 * CORNER, 3.5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STRENGTH_TRACK))
            painter.drawRoundedRect(track, 1.5, 1.5)
            if self.strength is not None:
                bar = QRectF(track.left(), track.top(), track.width() * self.strength,
                             track.height())
                painter.setBrush(QColor(STRENGTH_BAR))
                painter.drawRoundedRect(bar, 1.5, 1.5)
        if self.badge is not None:
            b = self.badge
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(b.border))
            badge = QRectF(r.left() + b.x, r.top() + b.y, b.w, b.h)
            painter.drawRoundedRect(badge, b.h / 2, b.h / 2)
            painter.setFont(map_font(BADGE_SIZE, True))
            painter.setPen(QColor("#ffffff"))
            painter.drawText(QPointF(r.left() + b.text_x, r.top() + b.baseline), b.text)
        if self.isSelected():
            painter.setPen(QPen(SELECT_COLOR, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r.adjusted(-3, -3, 3, 3), CORNER + 2, CORNER + 2)
