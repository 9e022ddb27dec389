"""The Line menu's changes to the selected number: add one, a replacement, edit its line,
change its status (undoable), record a device; each refreshes the Lines view on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raptor_desktop.core.lines import line_name
from raptor_desktop.gui.line_dialog import LineDialog
from raptor_desktop.gui.small_dialogs import DeviceDialog, StatusDialog
from raptor_desktop.gui.undo import StatusChangeCommand

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


def add_number(window: MainWindow) -> None:
    """Line → Add number…; a number already in the register opens its record."""
    dialog = LineDialog(window.store, parent=window)
    if window.run_dialog(dialog):
        window.refresh(dialog.saved_number_id)
    elif dialog.existing_id is not None:  # the link to a number already in the register
        window.records.open("number", dialog.existing_id)


def add_replacement(window: MainWindow) -> None:
    """Line → Replacement number…: a new number of the selected number's line."""
    detail = window.chosen_number()
    if detail is None:
        return
    dialog = LineDialog(window.store, parent=window, replacing=detail)
    dialog.setWindowTitle(f"Replacement number for line {line_name(detail.line.brand)}")
    if window.run_dialog(dialog):
        window.refresh(dialog.saved_number_id)


def edit_line(window: MainWindow) -> None:
    detail = window.chosen_number()
    if detail is None:
        return
    dialog = LineDialog(window.store, detail, parent=window)
    if window.run_dialog(dialog):
        window.refresh(detail.id)


def change_status(window: MainWindow) -> None:
    """Line → Change status…; Ctrl+Z puts the status back."""
    detail = window.chosen_number()
    if detail is None:
        return
    dialog = StatusDialog(window.store, detail, window)
    if window.run_dialog(dialog) and dialog.saved_status is not None:
        window.undo_stack.push(
            StatusChangeCommand(
                window.store,
                detail.id,
                detail.e164,
                dialog.saved_status,
                dialog.note.toPlainText(),
                window.refresh,
                window.report_problem,
            )
        )
        window.refresh(detail.id)


def add_device(window: MainWindow) -> None:
    detail = window.chosen_number()
    if detail is not None and window.run_dialog(DeviceDialog(window.store, detail, window)):
        window.refresh(detail.id)
