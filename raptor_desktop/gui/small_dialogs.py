"""Small dialogs: one change to a number (status, device identifier), and a disclosure."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from raptor_desktop import __version__
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.identifiers import DeviceKind, IdentifierRejected, validate_identifier
from raptor_desktop.core.statuses import Status, StatusChangeRefused, allowed_next
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.gui.widgets import pydate
from raptor_desktop.paths import build_info
from raptor_desktop.services.disclosure import Recipient
from raptor_desktop.services.register import NumberDetail, add_device, set_status
from raptor_desktop.services.session import Store
from raptor_desktop.services.summaries import record_type1_closure


class DisclosureDialog(OneChangeDialog):
    """Who receives the material and why: a disclosure, logged under DPA 2018 s62."""

    def __init__(self, recipient: str, justification: str, parent: QWidget | None = None) -> None:
        super().__init__("Disclosure", parent, "Continue")
        self.recipient = QLineEdit(recipient)
        self.justification = QLineEdit(justification)
        self.form.addRow("&Recipient", self.recipient)
        self.form.addRow("&Justification", self.justification)

    def save(self) -> None:
        try:
            Recipient(self.recipient.text(), self.justification.text()).checked()
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.accept()


class StatusDialog(OneChangeDialog):
    """Move a number to one of the statuses allowed from where it is, with a note."""

    def __init__(self, store: Store, detail: NumberDetail, parent: QWidget | None = None) -> None:
        super().__init__(f"Change status of {detail.display}", parent)
        self._store = store
        self._detail = detail
        self.saved_status: Status | None = None
        self.status = QComboBox()
        for status in allowed_next(detail.status):
            self.status.addItem(status.label, status.value)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on to the next field
        self.note.setPlaceholderText("why: e.g. test purchase made, order granted, number cut off")
        self.note.setMaximumHeight(90)
        self.form.addRow("Now", QLineEdit(detail.status.label, readOnly=True))
        self.form.addRow("&New status", self.status)
        self.form.addRow("N&ote", self.note)

    def save(self) -> None:
        new = Status(self.status.currentData())
        try:
            set_status(self._store, self._detail.e164, new, self.note.toPlainText())
        except StatusChangeRefused as error:
            self.error.show_error(str(error))
            return
        self.saved_status = new
        self.accept()


class DeviceDialog(OneChangeDialog):
    """Record an IMEI, IMSI or ICCID against a number, checked as it is typed."""

    def __init__(self, store: Store, detail: NumberDetail, parent: QWidget | None = None) -> None:
        super().__init__(f"Add device identifier to {detail.display}", parent)
        self._store = store
        self._detail = detail
        self.kind = QComboBox()
        self.kind.addItems([k.value for k in DeviceKind])
        self.value = QLineEdit()
        self.value.setPlaceholderText("digits; spaces and dashes are ignored")
        self.kind.currentTextChanged.connect(self._check)
        self.value.textChanged.connect(self._check)
        self.form.addRow("&Type", self.kind)
        self.form.addRow("&Identifier", self.value)

    def _check(self) -> bool:
        if not self.value.text().strip():
            self.error.clear_message()
            return False
        try:
            validate_identifier(self.kind.currentText(), self.value.text())
        except IdentifierRejected as error:
            self.error.show_error(str(error))
            return False
        self.error.show_ok(f"{self.kind.currentText()} is valid")
        return True

    def save(self) -> None:
        if not self._check():
            self.error.show_error(self.error.text() or "Enter the identifier.")
            return
        try:
            add_device(self._store, self._detail.e164, self.kind.currentText(), self.value.text())
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.accept()


def about_text(store: Store) -> str:
    """Help → About: the version, the build, and which register is open."""
    info = build_info()
    built = f"Built {info['built']}" if info.get("built") else "Running from source"
    kind = "training" if store.training else "live"
    return (
        f"<h3>Raptor Desktop {__version__}</h3><p>{built}.</p><p>Register of drug-dealing "
        "phone lines and DDTRO applications, for use on stand-alone workstations.</p>"
        f"<p>Database ({kind}): {store.path}</p>"
    )


class ClosureDialog(OneChangeDialog):
    """A line closed as Type 1 (its holder charged): when, and what closed it."""

    def __init__(self, store: Store, number: str, parent: QWidget | None = None) -> None:
        super().__init__(f"Type 1 closure of the line of {number}", parent)
        self._store, self._number = store, number
        self.closed_on = QDateEdit(QDate.currentDate())
        self.closed_on.setCalendarPopup(True)
        self.closed_on.setDisplayFormat("dd/MM/yyyy")
        self.note = QLineEdit()
        self.note.setPlaceholderText("the charge, its date and reference")
        self.form.addRow("&Closed on", self.closed_on)
        self.form.addRow("&What closed it", self.note)

    def save(self) -> None:
        try:
            record_type1_closure(
                self._store, self._number, pydate(self.closed_on.date()), self.note.text()
            )
        except Refusal as error:
            self.error.show_error(str(error))
            return
        self.accept()
