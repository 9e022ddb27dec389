"""Line → Move to another line…: the number selected in the Lines view put on the line the
officer names; Ctrl+Z puts it back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.undo import NumberMoveCommand
from raptor_desktop.services.register import NoSuchLine, line_names, move_number

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow

TITLE = "Move to another line"


def move_selected_number(window: MainWindow) -> None:
    detail = window.chosen_number()
    if detail is None:
        return
    now_on = f"line {detail.line.brand!r}" if detail.line.brand else "an unnamed line"
    operation = detail.line.operation
    names = [n for n in line_names(window.store, operation) if n != detail.line.brand]
    brand, ok = QInputDialog.getItem(
        window,
        TITLE,
        f"{detail.display} is on {now_on}. Move it to the line of {operation} named\n"
        "(pick one, or type a new name for a new line;\n"
        "the evidence stays with the line it was recorded for):",
        names,
        -1,  # nothing chosen until the officer chooses: Enter alone moves it nowhere
        True,
    )
    if not ok:
        return
    try:
        try:
            moved = move_number(window.store, detail.e164, to_brand=brand)
        except NoSuchLine:
            if not _new_line_meant(window, brand, operation):
                return
            moved = move_number(window.store, detail.e164, to_brand=brand, new_line=True)
    except Refusal as error:
        QMessageBox.warning(window, TITLE, as_sentence(str(error)))
        return

    def report(message: str) -> None:
        QMessageBox.warning(window, TITLE, message)

    window.undo_stack.push(NumberMoveCommand(window.store, moved, window.refresh, report))
    window.refresh(moved.number_id)
    window.statusBar().showMessage(as_sentence(moved.said) + " Ctrl+Z moves it back.", 8000)


def _new_line_meant(window: MainWindow, brand: str, operation: str) -> bool:
    """Whether the name no line of the operation has is meant for a new line (asked)."""
    typed = " ".join(brand.split())
    answer = QMessageBox.question(
        window,
        TITLE,
        f"No line of {operation} is named {typed!r}. Make a new line {typed!r} for the number?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
