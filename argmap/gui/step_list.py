"""What the Compare and the Conflicts docks share: a list of entries the window walks.

The window moves from entry to entry (F8, F7...) and tells the dock which one it
shows; :meth:`StepList.set_current` selects that row without the dock asking the
window to show it once more.
"""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget


class StepList:
    """Mixin for a dock with ``self.list`` (a QListWidget) and ``self._show(row)``."""

    list: QListWidget
    _filling: bool

    def _show(self, row: int) -> None:     # the dock's own; this one only for the types
        raise NotImplementedError

    def set_current(self, row: int) -> None:
        """Select ``row`` without asking the window to show it (it does already)."""
        self._filling = True
        try:
            self.list.setCurrentRow(row)
        finally:
            self._filling = False
        self._show(row)

    def current(self) -> int:
        return self.list.currentRow()
