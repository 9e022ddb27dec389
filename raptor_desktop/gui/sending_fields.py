"""How a letter or notice went to a provider: the method, the time where it counts, and where
it goes that way (or why it may not go that way yet), for the dialogs that record one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from html import escape

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTimeEdit, QWidget

from raptor_desktop.core.deemed_service import SendingMethod
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.services.session import Store
from raptor_desktop.services.settings import network_routes


class SendingFields:
    """A method combo ("By first class post"…), a time asked only by hand, fax, email or in
    person (the 4.30pm rule, CPR 6.26), and a label saying where it goes to the provider
    ``provider()`` names, from the provider's routes for service."""

    def __init__(self, store: Store, provider: Callable[[], str]) -> None:
        self._store = store
        self._provider = provider
        self.method = QComboBox()
        self.method.addItem("Choose how it went…", None)
        for method in SendingMethod:
            self.method.addItem(method.words, method.value)  # Qt keeps a StrEnum as its text
        self.at = QTimeEdit(QTime.currentTime())
        self.at.setDisplayFormat("HH:mm")
        self.at.setToolTip("Sent before 4.30pm on a business day, it is served that day")
        self.to = QLabel()  # where it goes that way, or why it may not go that way yet
        self.to.setWordWrap(True)
        self.to.setMinimumSize(420, 4 * self.to.fontMetrics().lineSpacing())  # room for why
        self.to.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.method.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def add_rows(self, form: QFormLayout, how: str = "&How") -> None:
        form.addRow(how, self.method)
        form.addRow("A&t", self.at)
        form.addRow("To", self.to)

    def set_rows_visible(self, form: QFormLayout, visible: bool) -> None:
        widgets: tuple[QWidget, ...] = (self.method, self.at, self.to)
        for widget in widgets:
            form.setRowVisible(widget, visible)

    def chosen(self) -> SendingMethod | None:
        data = self.method.currentData()
        return SendingMethod(data) if data else None

    def time(self) -> time | None:
        """The time it went, where the day it is served turns on it; else None."""
        method = self.chosen()
        if method is None or not method.needs_time:
            return None
        at = self.at.time()
        return time(at.hour(), at.minute())

    def refresh(self) -> None:
        """The time asked only where it counts; where it goes that way, shown."""
        method = self.chosen()
        self.at.setEnabled(method is not None and method.needs_time)
        if method is None:
            self.to.setText("")
            return
        try:
            self.to.setText(network_routes(self._store, self._provider()).destination(method))
        except Refusal as refused:
            self.to.setText(f"<i>{escape(as_sentence(refused.full_message()))}</i>")
