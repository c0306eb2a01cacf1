"""The view of a map: zoom, pan, keyboard navigation, in-place text editing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QPlainTextEdit, QWidget

from .claim_item import ClaimItem
from .scene import MapScene

MIN_ZOOM, MAX_ZOOM = 0.05, 6.0
READABLE_ZOOM = 0.7


class InlineEditor(QPlainTextEdit):
    """Edits a claim's text over its box; Enter commits, Shift+Enter breaks, Esc cancels."""

    committed = Signal(str, str)   # claim id, text

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


class MapView(QGraphicsView):
    zoomChanged = Signal(float)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._space = False
        self.editor: InlineEditor | None = None
        self._fitted_once = False
        scene.layoutApplied.connect(self._first_fit)

    def _first_fit(self) -> None:
        """Open readable: the whole map if it fits at a legible size, else its top."""
        if self._fitted_once:
            return
        self._fitted_once = True
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

    # -- zoom ------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, z: float) -> None:
        z = max(MIN_ZOOM, min(MAX_ZOOM, z))
        f = z / self.zoom()
        if abs(f - 1) > 1e-6:
            self.scale(f, f)
            self.zoomChanged.emit(self.zoom())

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
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
            self.centerOn(items.center())
        self.zoomChanged.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # scroll sideways/up-down
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom() * (1.15 ** steps))
        event.accept()

    # -- pan: middle or right button, or Space + left ---------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton) or (
                self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
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
        if key in arrows and not event.modifiers():
            sel = self.map_scene.selected_claims()
            if sel:
                nxt = self.map_scene.neighbour(sel[-1], *arrows[key])
                if nxt:
                    self.map_scene.select_claims([nxt])
                    self.ensureVisible(self.map_scene.claim_items[nxt], 60, 60)
                return
        super().keyPressEvent(event)

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
        self.ensureVisible(item, 40, 40)
        rect = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
        rect.setWidth(max(rect.width(), 260))
        rect.setHeight(max(rect.height(), 90))
        editor = InlineEditor(self.viewport(), claim_id, text)
        editor.setGeometry(rect)
        editor.show()
        editor.setFocus()
        self.editor = editor
        return editor

