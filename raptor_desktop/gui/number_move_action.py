"""Line → Move to another line…: the number selected in the Lines view put on the line the
officer names; Ctrl+Z puts it back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.undo import NumberMoveCommand
from raptor_desktop.services.register import move_number

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow

TITLE = "Move to another line"


def move_selected_number(window: MainWindow) -> None:
    detail = window.chosen_number()
    if detail is None:
        return
    now_on = f"line {detail.line.brand!r}" if detail.line.brand else "an unnamed line"
    brand, ok = QInputDialog.getText(
        window,
        TITLE,
        f"{detail.display} is on {now_on}. Move it to the line named\n"
        "(a new line is made if the operation has none of that name;\n"
        "the evidence stays with the line it was recorded for):",
        QLineEdit.EchoMode.Normal,
    )
    if not ok:
        return
    try:
        moved = move_number(window.store, detail.e164, to_brand=brand)
    except Refusal as error:
        QMessageBox.warning(window, TITLE, as_sentence(str(error)))
        return

    def report(message: str) -> None:
        QMessageBox.warning(window, TITLE, message)

    window.undo_stack.push(NumberMoveCommand(window.store, moved, window.refresh, report))
    window.refresh(moved.number_id)
    window.statusBar().showMessage(as_sentence(moved.said) + " Ctrl+Z moves it back.", 8000)
