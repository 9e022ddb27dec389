"""Undo and redo of status changes and of numbers moved to another line, made in this
session (Edit → Undo, Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.statuses import Status
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.services.register import (
    Moved,
    move_number,
    set_status,
    undo_status_change,
)
from raptor_desktop.services.session import Store


class StatusChangeCommand(QUndoCommand):
    """A status change already made; undo restores the previous status, redo makes it again."""

    def __init__(
        self,
        store: Store,
        number_id: int,
        e164: str,
        new: Status,
        note: str,
        changed: Callable[[int], None],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(f"status of {national_format(e164)} to {new.value}")
        self._store = store
        self._number_id = number_id
        self._e164 = e164
        self._new = new
        self._note = note
        self._changed = changed
        self._report = report
        self._done = True

    def redo(self) -> None:
        if self._done:  # the change was made by the dialog before the command was pushed
            return
        try:
            set_status(self._store, self._e164, self._new, f"redo: {self._note}".strip(": "))
        except Refusal as error:
            self._report(as_sentence(f"Cannot redo: {error}"))
            self.setObsolete(True)
            return
        self._done = True
        self._changed(self._number_id)

    def undo(self) -> None:
        try:
            undo_status_change(self._store, self._number_id)
        except Refusal as error:
            self._report(as_sentence(f"Cannot undo: {error}"))
            self.setObsolete(True)
            return
        self._done = False
        self._changed(self._number_id)


class NumberMoveCommand(QUndoCommand):
    """A number already moved to another line; undo puts it back on the line it left."""

    def __init__(
        self,
        store: Store,
        moved: Moved,
        changed: Callable[[int], None],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(f"move of {national_format(moved.e164)} to another line")
        self._store = store
        self._moved = moved
        self._changed = changed
        self._report = report
        self._done = True

    def _to(self, line_id: int, doing: str) -> bool:
        try:
            move_number(self._store, self._moved.e164, to_line=line_id)
        except Refusal as error:
            self._report(as_sentence(f"Cannot {doing}: {error}"))
            self.setObsolete(True)
            return False
        self._changed(self._moved.number_id)
        return True

    def redo(self) -> None:
        if self._done:  # moved by the action before the command was pushed
            return
        self._done = self._to(self._moved.to_line, "redo")

    def undo(self) -> None:
        if self._to(self._moved.from_line, "undo"):
            self._done = False
