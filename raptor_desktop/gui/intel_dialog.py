"""Paste intelligence text: its numbers found and matched, the unknown added in one step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.services.intel import IntelMatch, add_unknown, find_numbers
from raptor_desktop.services.session import Store

TARGET = Qt.ItemDataRole.UserRole


class IntelTextDialog(QDialog):
    opened = Signal(str, object)
    added = Signal()

    def __init__(self, store: Store, deal_line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste intelligence text")
        self._store, self._deal_line = store, deal_line
        self.found: IntelMatch | None = None
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)  # Tab goes on to the next field
        self.text.setPlaceholderText(
            "Paste a message, a report or a phone extract: every UK mobile number in it is "
            "found, in any written form, and matched to the register."
        )
        self.find_button = QPushButton("&Find numbers")
        self.find_button.clicked.connect(self.look_up)
        self.results = QTreeWidget()
        self.results.setHeaderLabels(["Number", "In the register", "Written as"])
        self.results.setRootIsDecorated(False)
        self.results.itemActivated.connect(self._activated)
        self.message = MessageLabel()
        self.add_lines = QPushButton("Add the unknown as new &lines")
        self.add_lines.clicked.connect(lambda: self.add(""))
        self.add_contacts = QPushButton(
            f"Add the unknown as &contacts of {deal_line}" if deal_line else "Add as contacts"
        )
        self.add_contacts.setToolTip("Select one deal line in the Lines view first")
        self.add_contacts.clicked.connect(lambda: self.add(self._deal_line))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.add_lines)
        buttons.addWidget(self.add_contacts)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.find_button)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        self.resize(760, 560)

    def _update_buttons(self) -> None:
        unknown = bool(self.found and self.found.unknown)
        self.add_lines.setEnabled(unknown)
        self.add_contacts.setEnabled(unknown and bool(self._deal_line))

    def look_up(self) -> None:
        self.found = find_numbers(self._store, self.text.toPlainText())  # a logged combination
        self.results.clear()
        for match in self.found.matched:
            item = QTreeWidgetItem([match.number.display, match.label, match.number.written])
            item.setData(0, TARGET, match.opens)
            self.results.addTopLevelItem(item)
        for ignored in self.found.ignored:
            self.results.addTopLevelItem(QTreeWidgetItem([ignored.written, ignored.why, ""]))
        for column in range(3):
            self.results.resizeColumnToContents(column)
        summary = self.found.summary()
        self.message.show_ok(summary[0].upper() + summary[1:] + ".")
        self._update_buttons()

    def add(self, deal_line: str) -> None:
        if self.found is None or not self.found.unknown:
            return
        try:
            count = add_unknown(self._store, self.found.unknown, as_contacts_of=deal_line)
        except Refusal as error:
            self.message.show_error(f"Nothing was added: {error}.")
            return
        self.added.emit()
        self.look_up()
        self.message.show_ok(f"Added {plural(count, 'number')}.")

    def _activated(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, TARGET)
        if target:
            self.opened.emit(*target)
