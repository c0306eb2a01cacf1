"""The view of a map: zoom, pan, keyboard navigation, in-place text editing."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen, QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QPlainTextEdit, QWidget

from ..style import (
    LABEL_STYLE, RELATION_STYLE, SMALL_COLOR, TEXT_COLOR, arrow_head, map_words, words_language,
)
from .claim_item import LOD_TEXT, ClaimItem
from .edge_item import draw_line
from .fonts import map_font
from .scene import MapScene

MIN_ZOOM, MAX_ZOOM = 0.05, 6.0
READABLE_ZOOM = 0.7
#: the relation kinds the legend explains, one line each
LEGEND_KINDS = ("support", "attack", "undercut", "rephrase")
#: the legend's height without an evaluation: a line per kind, the linked argument
LEGEND_H = 32 + 20 * len(LEGEND_KINDS)


class InlineEditor(QPlainTextEdit):
    """Edits a claim's text over its box; Enter commits, Shift+Enter breaks, Esc cancels."""

    committed = Signal(str, str)   # claim id, text
    cancelled = Signal(str)        # claim id: Esc

    def __init__(self, parent: QWidget, claim_id: str, text: str) -> None:
        super().__init__(parent)
        self.claim_id = claim_id
        self.setPlainText(text)
        self.selectAll()
        self.setStyleSheet("QPlainTextEdit { border: 2px solid #1e6fd9; background: #ffffff; }")
        self._done = False

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                e.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.commit()
            return
        if e.key() == Qt.Key.Key_Escape:
            self._done = True
            self.cancelled.emit(self.claim_id)
            self.deleteLater()
            return
        super().keyPressEvent(e)

    def focusOutEvent(self, e) -> None:
        self.commit()
        super().focusOutEvent(e)

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        text = " ".join(self.toPlainText().split()) if "\n" not in self.toPlainText().strip() \
            else self.toPlainText().strip()
        self.committed.emit(self.claim_id, text)
        self.deleteLater()


class Legend(QWidget):
    """What lines and colours mean; sits over the view's corner and does not scroll.

    Words as in the SVG export's legend: in the map's language, whichever texts
    the claims show (the English-texts switch changes those, not the legend).
    With an evaluation shown, its caption and the IN/OUT/UNDEC colours are added.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.evaluation = ""
        self._given = ""           # the caption as handed over, in whatever language
        self._placed_for = ""      # the language the size was measured in
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        scene = getattr(parent, "map_scene", None)
        if scene is not None:
            scene.languageChanged.connect(self.refresh)
        self.place()

    @property
    def lang(self) -> str:
        """The language of the map the legend explains."""
        scene = getattr(self.parentWidget(), "map_scene", None)
        return scene.amap.lang if scene is not None else "de"

    @property
    def words(self) -> dict[str, str]:
        return map_words(self.lang)

    def set_words(self, english: bool, evaluation: str = "") -> None:
        """Show the caption of the evaluation ('' for none).  ``english`` is which texts
        the claims show; the legend does not follow it (see the class)."""
        self._given = evaluation
        self.refresh()

    def refresh(self) -> None:
        """Follow the map's language: the view's evaluation is described in it."""
        caption = self._given
        ev = getattr(self.parentWidget(), "evaluation", None)
        if caption and hasattr(ev, "describe"):
            caption = ev.describe(words_language(self.lang) != "de")
        if caption != self.evaluation or self._placed_for != self.lang:
            self.evaluation = caption
            self.place()
            self.update()

    def place(self) -> None:
        """Size to the content and sit in the lower left corner of the view."""
        self._placed_for = self.lang
        words = self.words
        fm = QFontMetricsF(map_font(11))
        width = 72 + max(fm.horizontalAdvance(words[k]) for k in LEGEND_KINDS + ("linked",))
        if self.evaluation:
            width = max(width, QFontMetricsF(map_font(10)).horizontalAdvance(self.evaluation) + 22,
                        72 + max(fm.horizontalAdvance(f"{k} = {words[k]}") for k in LABEL_STYLE))
            self.setFixedSize(min(int(width) + 1, 420), LEGEND_H + 28 + 20 * 3)
        else:
            self.setFixedSize(int(width) + 1, LEGEND_H)
        parent = self.parentWidget()
        if isinstance(parent, QGraphicsView):
            vp = parent.viewport().geometry()
            self.move(vp.left() + 10, vp.bottom() - self.height() - 10)

    def paintEvent(self, event) -> None:
        words = self.words
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(0.5, 0.5, self.width() - 1, self.height() - 1)
        painter.setPen(QPen(QColor("#c9ced3"), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(box, 6, 6)
        painter.setFont(map_font(11))
        y = 18.0
        for kind in LEGEND_KINDS:
            color, _dash, _width, head = RELATION_STYLE[kind]
            x0, x1 = 10.0, 52.0
            pts, mode = arrow_head(head, (x1 - 8, y), (x1, y))
            line = QPainterPath(QPointF(x0, y))
            line.lineTo(QPointF(x1 if mode == "none" else x1 - 8, y))
            draw_line(painter, line, kind)
            if mode == "none":
                pass
            elif mode == "fill":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(color))
                painter.drawPolygon(QPolygonF([QPointF(*p) for p in pts]))
            else:
                painter.setPen(QPen(QColor(color), 2.4))
                painter.drawLine(QPointF(*pts[0]), QPointF(*pts[1]))
            painter.setPen(QColor(TEXT_COLOR))
            painter.drawText(QPointF(x1 + 10, y + 4), words[kind])
            y += 20
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(RELATION_STYLE["support"][0]))
        painter.drawEllipse(QPointF(31, y), 4.5, 4.5)
        painter.setPen(QColor(TEXT_COLOR))
        painter.drawText(QPointF(62, y + 4), words["linked"])
        if self.evaluation:
            y += 26
            painter.setFont(map_font(10))
            painter.setPen(QColor(SMALL_COLOR))
            painter.drawText(QRectF(10, y - 11, self.width() - 20, 16),
                             Qt.TextFlag.TextSingleLine, self.evaluation)
            painter.setFont(map_font(11))
            for label, (fill, border) in LABEL_STYLE.items():
                y += 20
                painter.setPen(QPen(QColor(border), 2))
                painter.setBrush(QColor(fill))
                painter.drawRoundedRect(QRectF(12, y - 8, 38, 14), 3, 3)
                painter.setPen(QColor(TEXT_COLOR))
                painter.drawText(QPointF(62, y + 4), f"{label} = {words[label]}")
        painter.end()


class MapView(QGraphicsView):
    zoomChanged = Signal(float)
    #: a right click without dragging, at this viewport position
    contextMenuAt = Signal(QPoint)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        # set_zoom() keeps its own anchor: the point under the wheel, else the centre
        # (Qt's AnchorUnderMouse uses the last mouse move, stale after keyboard moves)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._pan_start = QPoint()
        self._pan_button = Qt.MouseButton.NoButton
        self._space = False
        self.editor: InlineEditor | None = None
        self._fitted_once = False
        #: the opening fit was made on the map's real layout (not a provisional one)
        self._fit_final = False
        #: the user zoomed or scrolled since the opening fit: it is not made again
        self._view_touched = False
        #: the layout last shown: a quick one replaced by dot's keeps its middle in view
        self._shown_layout = None
        self._middle = None
        self._auto_fit = False
        self.legend = Legend(self)
        self.setAcceptDrops(False)   # files dropped on the canvas go to the window
        scene.layoutResizing.connect(self._remember_middle)
        scene.layoutApplied.connect(self._first_fit)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.actionTriggered.connect(self._touched)   # dragged, clicked, wheel, keys
        scene.changed.connect(self._place_editor)     # the box moved: its editor follows
        scene.selectionChanged.connect(self._update_legend)
        self.zoomChanged.connect(self._place_editor)

    def _touched(self, *_args) -> None:
        if not self._auto_fit:
            self._view_touched = True

    def _first_fit(self) -> None:
        """Open readable: the whole map if it fits at a legible size, else its top.

        A map without a cached layout opens on a provisional one while dot works;
        it is fitted, and fitted again when dot's layout is there, unless the user
        zoomed or panned in between."""
        scene = self.map_scene
        prev, self._shown_layout = self._shown_layout, getattr(scene, "layout", None)
        if prev is not None and prev.fallback and self._shown_layout is not None \
                and not self._shown_layout.fallback and self._view_touched:
            self._keep_in_view(prev, self._shown_layout)
        if self._fit_final:
            return
        settled = getattr(scene, "layout_settled", True)
        # the layered layout shown while dot is still at work is fitted too, but it
        # is not the last word
        final = settled and not getattr(scene, "layout_fallback", 0)
        if self._fitted_once and (self._view_touched or not settled):
            self._fit_final = final
            return
        self._fitted_once = True
        self._fit_final = final
        self._auto_fit = True
        try:
            self._open_readable()
        finally:
            self._auto_fit = False

    def _remember_middle(self) -> None:
        self._middle = self.mapToScene(self.viewport().rect().center())

    def _keep_in_view(self, before, after) -> None:
        """The claim in the middle of the view stays in the middle when the layout
        under it is replaced."""
        mid = self._middle or self.mapToScene(self.viewport().rect().center())
        near = min((n for n in before.nodes.values() if not n.junction),
                   key=lambda n: (n.x - mid.x()) ** 2 + (n.y - mid.y()) ** 2, default=None)
        now = after.nodes.get("c:" + near.id) if near is not None else None
        if now is not None:
            # where it was on the screen, or nearer the middle if it was not on it
            seen = self.mapToScene(self.viewport().rect()).boundingRect()
            dx = max(-0.4 * seen.width(), min(0.4 * seen.width(), mid.x() - near.x))
            dy = max(-0.4 * seen.height(), min(0.4 * seen.height(), mid.y() - near.y))
            self.centerOn(now.x + dx, now.y + dy)

    def _open_readable(self) -> None:
        self.fit()
        if self.zoom() < READABLE_ZOOM:
            self.set_zoom(READABLE_ZOOM)
            items = self.map_scene.claim_items
            first = next((i for c, i in items.items()
                          if self.map_scene.amap.claims[c].kind in ("question", "thesis")), None)
            if first is not None:
                # the central claim near the top, its reasons below it
                below = self.viewport().height() / 2 / self.zoom() - first.h / 2 - 40
                self.centerOn(first.x(), first.y() + max(0.0, below))
            else:
                r = self.map_scene.itemsBoundingRect()
                self.centerOn(r.center().x(), r.top() + self.viewport().height() / 2 / self.zoom())

    def sizeHint(self) -> QSize:
        # not the scene's size: a big map must not squeeze the docks when it opens
        return QSize(480, 360)

    # -- legend -------------------------------------------------------------------
    #: below this canvas size the legend would cover too much of the map
    LEGEND_MIN = (560, 380)

    def set_legend_visible(self, on: bool) -> None:
        self._legend_wanted = on
        self._update_legend()

    def _update_legend(self, pointer: QPoint | None = None) -> None:
        """The legend gives way: it hides while the pointer is over it, while the
        selected claim lies under it, and on a small canvas."""
        wanted = getattr(self, "_legend_wanted", True)
        vp = self.viewport()
        show = wanted and vp.width() >= self.LEGEND_MIN[0] and vp.height() >= self.LEGEND_MIN[1]
        if show:
            area = self.legend.geometry().translated(-vp.x(), -vp.y()).adjusted(-6, -6, 6, 6)
            if pointer is not None and area.contains(pointer):
                show = False
            else:
                for cid in self.map_scene.selected_claims()[-3:]:
                    item = self.map_scene.claim_items.get(cid)
                    if item is not None and area.intersects(
                            self.mapFromScene(item.sceneBoundingRect()).boundingRect()):
                        show = False
                        break
        if show != self.legend.isVisible():
            self.legend.setVisible(show)

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self._update_legend()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.legend.place()
        self._update_legend()
        self._place_editor()

    # -- zoom ------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, z: float, anchor: QPoint | None = None) -> None:
        """Zoom to ``z``, keeping the scene point at viewport position ``anchor``
        (default: the centre) where it is."""
        self._touched()
        z = max(MIN_ZOOM, min(MAX_ZOOM, z))
        f = z / self.zoom()
        if abs(f - 1) > 1e-6:
            if anchor is None:
                anchor = QPoint(self.viewport().width() // 2, self.viewport().height() // 2)
            fixed = self.mapToScene(anchor)
            self.scale(f, f)
            # scroll so that ``fixed`` is under ``anchor`` again (rounded, not truncated:
            # repeated steps do not wander off)
            off = self.mapFromScene(fixed) - anchor
            for bar, d in ((self.horizontalScrollBar(), off.x()),
                           (self.verticalScrollBar(), off.y())):
                bar.setValue(bar.value() + d)
            self._update_detail()
            self.zoomChanged.emit(self.zoom())

    def _update_detail(self) -> None:
        self.map_scene.set_far(self.zoom() < LOD_TEXT)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / 1.25)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        items = self.map_scene.itemsBoundingRect()
        if items.isNull():
            return
        self.fitInView(items.adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)
        self._update_detail()
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
            self.centerOn(items.center())
        self.zoomChanged.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._touched()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # scroll sideways/up-down
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom() * (1.15 ** steps), event.position().toPoint())
        event.accept()

    # -- pan: middle or right button, or Space + left ---------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton) or (
                self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self._pan_start = self._pan_from
            self._pan_button = event.button()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            if delta.manhattanLength():
                self._touched()
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        self._update_legend(event.position().toPoint())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            # a right click that did not drag: the context menu
            here = event.position().toPoint()
            if self._pan_button == Qt.MouseButton.RightButton and \
                    (here - self._pan_start).manhattanLength() < 4:
                self.contextMenuAt.emit(here)
            return
        super().mouseReleaseEvent(event)

    # -- keyboard ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = mods == Qt.KeyboardModifier.ShiftModifier
        if key in arrows and (not mods or shift):
            sel = self.map_scene.selected_claims()
            if sel:
                nxt = self.map_scene.neighbour(sel[-1], *arrows[key])
                if nxt:
                    # Shift adds the claim reached to the selection (it is then the
                    # last selected: the target when connecting with S, A or U)
                    self.map_scene.select_claims(
                        [c for c in sel if c != nxt] + [nxt] if shift else [nxt])
                    self._touched()
                    self.ensureVisible(self.map_scene.claim_items[nxt], 60, 60)
                return
        if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and shift):
            self.contextMenuAt.emit(self._menu_point())
            return
        if key == Qt.Key.Key_Equal and (not mods or shift):   # Shift on keyboards with "=" on 0
            connect = getattr(self.window(), "connect_selected", None)
            if connect is not None and self.map_scene.selected_claims():
                # the claim selected first restates the one selected last
                connect("rephrase")
                return
        super().keyPressEvent(event)

    def _menu_point(self) -> QPoint:
        """Where a menu opened from the keyboard goes: on the selected claim, else the
        middle of the canvas."""
        scene = self.map_scene
        sel = scene.selected_claims()
        if sel and sel[-1] in scene.claim_items:
            item = scene.claim_items[sel[-1]]
            self.ensureVisible(item, 40, 40)
            p = self.mapFromScene(item.sceneBoundingRect().center())
            if self.viewport().rect().contains(p):
                return p
        for key in scene.selected_relations():
            edge = next((e for e in scene.edge_items if e.relation_key == key), None)
            if edge is not None:
                p = self.mapFromScene(edge.sceneBoundingRect().center())
                if self.viewport().rect().contains(p):
                    return p
        return self.viewport().rect().center()

    def contextMenuEvent(self, event) -> None:
        if event.reason() == event.Reason.Keyboard:    # the Menu key, from the platform
            self.contextMenuAt.emit(self._menu_point())
            return
        super().contextMenuEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    # -- in-place editing ------------------------------------------------------------------
    def edit_claim(self, claim_id: str, text: str) -> InlineEditor | None:
        item: ClaimItem | None = self.map_scene.claim_items.get(claim_id)
        if item is None:
            return None
        self.commit_editor()
        self.ensureVisible(item, 40, 40)
        editor = InlineEditor(self.viewport(), claim_id, text)
        self.editor = editor
        self._place_editor()
        editor.show()
        editor.setFocus()
        return editor

    def _place_editor(self, *_args) -> None:
        """Keep the editor over its box (which a layout may still move) and inside
        the canvas, however near the edge the box is."""
        editor = self.editor
        if editor is None or not shiboken6.isValid(editor):
            return
        item = self.map_scene.claim_items.get(editor.claim_id)
        if item is None:
            return
        rect = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
        rect.setWidth(max(rect.width(), 260))
        rect.setHeight(max(rect.height(), 90))
        area = self.viewport().rect()
        rect.moveLeft(max(area.left(), min(rect.left(), area.right() - rect.width())))
        rect.moveTop(max(area.top(), min(rect.top(), area.bottom() - rect.height())))
        if rect != editor.geometry():
            editor.setGeometry(rect)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._place_editor()
        self._update_legend()

    def reveal(self, claim_id: str) -> None:
        """Scroll the claim into view now, and again where the next layout puts it."""
        scene = self.map_scene

        def show() -> None:
            item = scene.claim_items.get(claim_id)
            if item is not None:
                self.ensureVisible(item, 40, 40)

        def once() -> None:
            scene.layoutApplied.disconnect(once)
            show()
        show()
        scene.layoutApplied.connect(once)

    def commit_editor(self) -> None:
        """Commit the in-place editor if one is open (before a save, a close, ...)."""
        editor = self.editor
        self.editor = None
        if editor is not None and shiboken6.isValid(editor):
            editor.commit()

