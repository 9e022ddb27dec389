"""The application editor's numbers: adding them from the register (with a search), and
writing a number's grounds — text that goes to court — in an editor of its own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from raptor_desktop.core.case_file import CaseItem
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.lines import line_name
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.services.applications import add_numbers
from raptor_desktop.services.register import LineFilter, search_numbers
from raptor_desktop.services.session import Store

E164 = Qt.ItemDataRole.UserRole


class AddNumbersDialog(OneChangeDialog):
    """Numbers of the register, found by any part of the number or the line's name; the
    ticked ones join the application (one transaction)."""

    def __init__(
        self, store: Store, reference: str, already: set[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Add numbers to {reference}", parent, "Add")
        self._store, self._reference, self._already = store, reference, already
        self.search = QLineEdit()
        self.search.setPlaceholderText("Part of a number, or a line's name")
        self.search.textChanged.connect(self.look_up)
        self.found = QListWidget()
        self.found.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.form.addRow("&Find", self.search)
        self.form.addRow(QLabel("Tick the numbers to add:"))
        self.form.addRow(self.found)
        self.added: list[str] = []
        self.look_up()
        self.resize(560, 480)

    def look_up(self) -> None:
        self.found.clear()
        for row in search_numbers(self._store, LineFilter(text=self.search.text())):  # logged
            e164 = str(row["number"])
            if e164 in self._already:
                continue
            item = QListWidgetItem(f"{row['display']}   {line_name(row['line'])} · {row['status']}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(E164, e164)
            self.found.addItem(item)

    def ticked(self) -> list[str]:
        items = (self.found.item(i) for i in range(self.found.count()))
        return [str(i.data(E164)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        numbers = self.ticked()
        if not numbers:
            self.error.show_error("Tick at least one number.")
            return
        try:
            add_numbers(self._store, self._reference, numbers)
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.added = numbers
        self.accept()


class GroundsDialog(OneChangeDialog):
    """A number's grounds, the text the court reads: a proper editor, not a table cell."""

    def __init__(self, item: CaseItem, parent: QWidget | None = None) -> None:
        super().__init__(f"Grounds for {item.display} ({item.brand or 'no name'})", parent)
        self.text = QPlainTextEdit(item.grounds)
        self.text.setTabChangesFocus(True)
        self.form.addRow(
            QLabel("What links this number to drug dealing, as the court will read it:")
        )
        self.form.addRow(self.text)
        self.resize(640, 360)

    def save(self) -> None:
        if not self.text.toPlainText().strip():
            self.error.show_error("Write the grounds for this number.")
            return
        self.accept()

    def grounds(self) -> str:
        return self.text.toPlainText().strip()
