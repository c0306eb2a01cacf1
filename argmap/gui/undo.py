"""QUndoStack adapter: one QUndoCommand that runs a core command."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..commands import Command


class QtCommand(QUndoCommand):
    def __init__(self, command: Command) -> None:
        super().__init__(command.text)
        self.command = command

    def redo(self) -> None:
        self.command.redo()

    def undo(self) -> None:
        self.command.undo()

    def id(self) -> int:
        return self.command.merge_id or -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, QtCommand) and self.command.merge_with(other.command):
            return True
        return False
