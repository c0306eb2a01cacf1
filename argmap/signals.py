"""A minimal, Qt-free signal.

The model announces its changes through these so that the GUI (or anything
else) can follow without the core importing Qt.  One mechanism, no events.
"""

from __future__ import annotations

from typing import Any, Callable


class Signal:
    """A list of callbacks called in connection order with the emitted args."""

    __slots__ = ("_slots",)

    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []

    def connect(self, slot: Callable[..., Any]) -> None:
        if slot not in self._slots:
            self._slots.append(slot)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        if slot in self._slots:
            self._slots.remove(slot)

    def emit(self, *args: Any) -> None:
        for slot in list(self._slots):
            slot(*args)

    def __len__(self) -> int:
        return len(self._slots)
