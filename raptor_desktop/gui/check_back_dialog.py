"""Recording a check-back: was the disconnected number still dead 28 or 90 days on?"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.gui.widgets import pydate
from raptor_desktop.services.session import Store
from raptor_desktop.services.summaries import record_check_back


class CheckBackDialog(OneChangeDialog):
    def __init__(
        self, store: Store, number: str, after_days: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"{after_days}-day check-back of {number}", parent)
        self._store, self._number, self._days = store, number, after_days
        self.checked_on = QDateEdit(QDate.currentDate())
        self.checked_on.setCalendarPopup(True)
        self.checked_on.setDisplayFormat("dd/MM/yyyy")
        self.found = QComboBox()
        self.found.addItem("Still dead: no sign of use", True)
        self.found.addItem("In use again", False)
        self.note = QLineEdit()
        self.note.setPlaceholderText("how it was checked (a test call, call data…)")
        self.form.addRow("&Checked on", self.checked_on)
        self.form.addRow("&Found", self.found)
        self.form.addRow("&Note", self.note)

    def save(self) -> None:
        try:
            record_check_back(
                self._store,
                self._number,
                self._days,
                pydate(self.checked_on.date()),
                bool(self.found.currentData()),
                self.note.text(),
            )
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.accept()
