"""Making two lines one, from the Lines view: the officer picks the line to keep, and is told
what moves and that it cannot be undone, before anything changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.services.register import merge_lines
from raptor_desktop.services.session import Store

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow

Lines = dict[int, tuple[str, list[str]]]
"""Each line's id, brand and the selected numbers on it (``LinesPage.selected_lines``)."""


def _named(brand: str, numbers: list[str]) -> str:
    shown = ", ".join(numbers[:3]) + (f" and {len(numbers) - 3} more" if len(numbers) > 3 else "")
    return f"line {brand!r} ({shown})" if brand else f"the unnamed line of {shown}"


class MergeLinesDialog(QDialog):
    """Two lines, which to keep; Cancel is the default, as the change cannot be undone."""

    def __init__(self, store: Store, lines: Lines, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Make two lines one")
        self._store = store
        self.said = ""
        self._ids = list(lines)
        explain = QLabel(
            "Use this when the evidence shows that two lines are one deal line. Everything on "
            "the other line (its numbers, evidence, closure, areas, drugs, notes and "
            "intelligence references) moves to the line you keep, and its name is kept in "
            "the notes. This cannot be undone."
        )
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        self.choice = QButtonGroup(self)
        for n, (brand, numbers) in enumerate(lines.values()):
            button = QRadioButton(f"Keep {_named(brand, numbers)}")
            self.choice.addButton(button, n)
            layout.addWidget(button)
        self.choice.button(0).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make_one = buttons.addButton("Make one", QDialogButtonBox.ButtonRole.AcceptRole)
        self.make_one.setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        keep = self._ids[self.choice.checkedId()]
        other = next(line for line in self._ids if line != keep)
        try:
            self.said = merge_lines(self._store, keep, other)
        except Refusal as error:
            QMessageBox.warning(self, "Make two lines one", as_sentence(str(error)))
            return
        super().accept()


def merge_selected_lines(window: MainWindow) -> None:
    """Line → Make two lines one…: the lines of the numbers selected in the Lines view."""
    lines = window.lines_page.selected_lines()
    if len(lines) != 2:
        window.show_page(window.lines_page)
        window.statusBar().showMessage(
            "Select numbers on exactly two lines first (Ctrl+click a number of each).", 8000
        )
        return
    dialog = MergeLinesDialog(window.store, lines, window)
    if window.run_dialog(dialog):
        window.refresh(window.lines_page.selected_id())
        window.statusBar().showMessage(as_sentence(dialog.said), 8000)
