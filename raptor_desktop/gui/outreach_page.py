"""The Outreach view: the support text with what it costs, and its batches to the gateway.

An officer drafts a batch from the text (the contacts that may be texted, optionally only
those of one deal line), a supervisor approves it, and it is handed to the SMS gateway as a
file, a disclosure logged with its recipient and justification.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.numbers import NumberRejected
from raptor_desktop.core.outreach import BatchStatus, message_problems
from raptor_desktop.core.sms import Encoding, count_message, split_parts
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.one_change_dialog import OneChangeDialog
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.gui.table_model import FlatTableModel, Index, StoreListModel
from raptor_desktop.gui.widgets import data_table
from raptor_desktop.gui.window_services import WindowServices
from raptor_desktop.services.accounts import Permission, may
from raptor_desktop.services.imports import delivery_report_importer
from raptor_desktop.services.outreach import (
    BatchRow,
    Recipient,
    approve_batch,
    draft_batch,
    hand_over,
    list_batches,
    plan_batch,
    recipients_of,
    record_not_delivered,
)
from raptor_desktop.services.session import Store

GUIDANCE = (
    "Numbers are borrowed and reassigned, so the wording names the sender and the charity, "
    "accuses no one, and offers help (the charity's link and phone; 101, or 999 in an "
    "emergency, for anyone being exploited), and says how to opt out."
)
EXAMPLE = (
    "Essex Police: this number was in contact with a drug-dealing line. For free, "
    "confidential help with drugs contact Open Road on [phone] or [link]. Worried about "
    "being exploited? Call 101, or 999 in an emergency. Reply STOP to opt out."
)
DRAFT_KEY = "outreach/draft"  # kept on this workstation between sessions (QSettings)
COLUMNS = ("Batch", "Status", "Texts", "Drafted", "Approved", "Handed to", "Message")
USER_ERRORS = (Refusal, OSError)


class BatchesModel(StoreListModel):
    def load(self) -> list[BatchRow]:
        return list_batches(self._store)

    def column_titles(self) -> list[str]:
        return list(COLUMNS)

    def batch(self, row: int) -> BatchRow:
        return self._rows[row]  # type: ignore[no-any-return]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        b: BatchRow = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return b.message  # the whole text, whatever the column's width
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = f"{b.sent} of {b.recipients}" if b.handed_to else str(b.recipients)
        return [
            b.reference,
            b.status.value,
            texts,
            f"{b.created_on} {b.created_by}",
            f"{b.approved_on} {b.approved_by}".strip(),
            b.handed_to,
            b.message,
        ][index.column()]


class RecipientsModel(FlatTableModel):
    def __init__(self, recipients: list[Recipient], parent: QObject) -> None:
        super().__init__(parent)
        self._recipients = recipients

    def column_titles(self) -> list[str]:
        return ["Number", "Text", "Note"]

    def row_total(self) -> int:
        return len(self._recipients)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self._recipients[index.row()]
        return [r.display, r.status.value, r.note][index.column()]


class RecipientsDialog(QDialog):
    """The contacts of one batch and what became of each text."""

    def __init__(self, store: Store, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Recipients of {reference}")
        self.model = RecipientsModel(recipients_of(store, reference), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(data_table(self.model))
        layout.addWidget(buttons)
        self.resize(520, 420)


class DraftBatchDialog(OneChangeDialog):
    """Whom the batch would text, shown before it is drafted; optionally one deal line."""

    def __init__(self, store: Store, message: str, line: str, parent: QWidget | None) -> None:
        super().__init__("Draft a batch of support texts", parent, "Draft batch")
        self._store, self._message = store, message
        self.reference = ""
        self.line = QLineEdit(line)
        self.line.setPlaceholderText("every deal line")
        self.line.textChanged.connect(self._show_plan)
        self.plan = QLabel()
        self.form.addRow("Only contacts of deal &line", self.line)
        self.form.addRow("Would text", self.plan)
        self._show_plan()

    def _lines(self) -> list[str] | None:
        return [self.line.text()] if self.line.text().strip() else None

    def _show_plan(self) -> None:
        try:
            self.plan.setText(plan_batch(self._store, self._lines()).describe())
        except NumberRejected as error:
            self.plan.setText(as_sentence(f"Deal line: {error}"))
        except Refusal as error:
            self.plan.setText(as_sentence(str(error)))

    def save(self) -> None:
        try:
            self.reference, _ = draft_batch(self._store, self._message, self._lines())
        except USER_ERRORS as error:
            self.error.show_error(str(error))
            return
        self.accept()


class OutreachPage(QWidget):
    def __init__(
        self,
        store: Store,
        services: WindowServices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._services = store, services
        guidance = QLabel(GUIDANCE)
        guidance.setWordWrap(True)
        self.text = QPlainTextEdit(str(QSettings().value(DRAFT_KEY, EXAMPLE)))
        self.text.setTabChangesFocus(True)  # Tab goes on to the next field
        self.count = QLabel()
        self.count.setWordWrap(True)  # what the text still lacks is said here too
        self.parts = QPlainTextEdit()
        self.parts.setReadOnly(True)
        self.parts.setFont(QFont("monospace"))
        self.model = BatchesModel(store, self)
        self.table = data_table(self.model, fit_columns=False)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 100)
        self.table.setColumnWidth(3, 170)
        self.table.setColumnWidth(4, 170)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.show_recipients)
        self.table.setToolTip("Double-click a batch to see its recipients")
        self.draft_button = QPushButton("&Draft batch…")
        self.draft_button.setToolTip("A batch of this support text to the contacts chosen next")
        self.draft_button.clicked.connect(self.draft)
        self.approve_button = QPushButton("Ap&prove")
        self.approve_button.clicked.connect(self.approve)
        self.hand_button = QPushButton("Hand &over to gateway…")
        self.hand_button.clicked.connect(self.hand_over)
        self.failed_button = QPushButton("&Not delivered…")
        self.failed_button.clicked.connect(self.not_delivered)
        self.report_button = QPushButton("Delivery &report…")
        self.report_button.setToolTip("The gateway's file of numbers it could not reach")
        self.report_button.clicked.connect(self.delivery_report)
        self.message = MessageLabel()
        self.setLayout(self._layout(guidance))
        self.text.textChanged.connect(self.recount)
        self.recount()
        self._update_buttons()

    def _layout(self, guidance: QLabel) -> QVBoxLayout:
        composer = QWidget()
        left = QVBoxLayout(composer)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(QLabel("<b>Support text</b>"))
        left.addWidget(self.text)
        left.addWidget(self.count)
        split = QWidget()
        right = QVBoxLayout(split)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(QLabel("<b>As the phone network splits it</b>"))
        right.addWidget(self.parts)
        top = QSplitter()
        top.addWidget(composer)
        top.addWidget(split)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("<b>Batches</b>"), 1)
        for button in (
            self.draft_button,
            self.approve_button,
            self.hand_button,
            self.failed_button,
            self.report_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout()
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(guidance)
        layout.addWidget(top, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        return layout

    # -- the text ----------------------------------------------------------------------
    def recount(self) -> None:
        text = self.text.toPlainText()
        QSettings().setValue(DRAFT_KEY, text)
        count = count_message(text)
        problems = message_problems(text)  # what drafting a batch would refuse, said now
        warning = count.encoding is Encoding.UCS2 or count.parts > 2 or bool(problems)
        colour = "#8a4b00" if warning else "#1b5e20"
        said = f"{count.describe()} — {count.units} units"
        if problems:
            said += ". Before it can go: " + "; ".join(problems)
        self.count.setText(f"<span style='color:{colour}'>{escape(said)}</span>")
        self.parts.setPlainText(
            "\n\n".join(
                f"— part {n} —\n{part}" for n, part in enumerate(split_parts(text), start=1)
            )
        )

    # -- batches -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the batches again, keeping the one selected."""
        selected = self.selected()
        self.model.refresh()
        if selected is not None:
            self.select_batch(selected.reference)
        self._update_buttons()

    def selected(self) -> BatchRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.batch(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        batch = self.selected()
        status = batch.status if batch else None
        may_approve = may(self._store, Permission.APPROVE_OUTREACH)
        self.approve_button.setEnabled(status is BatchStatus.DRAFT and may_approve)
        self.approve_button.setToolTip("" if may_approve else "Supervisors approve batches")
        self.hand_button.setEnabled(status is BatchStatus.APPROVED)
        self.failed_button.setEnabled(status is BatchStatus.HANDED_OVER)
        self.report_button.setEnabled(status is BatchStatus.HANDED_OVER)

    def select_batch(self, reference: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.batch(row).reference == reference:
                self.table.selectRow(row)
                return

    def show_recipients(self) -> None:
        batch = self.selected()
        if batch is not None:
            self._services.run_dialog(RecipientsDialog(self._store, batch.reference, self))

    def draft(self) -> None:
        line = self._services.selected_line()
        dialog = DraftBatchDialog(self._store, self.text.toPlainText(), line, self)
        if self._services.run_dialog(dialog):
            self.refresh()
            self.select_batch(dialog.reference)
            self.message.show_ok(f"Drafted {dialog.reference}; a supervisor approves it next.")

    def approve(self) -> None:
        batch = self.selected()
        if batch is None:
            return
        try:
            approve_batch(self._store, batch.reference)
        except USER_ERRORS as error:
            self.message.show_error(str(error))
            return
        self.refresh()
        self.message.show_ok(f"Approved {batch.reference}.")

    def hand_over(self) -> None:
        batch = self.selected()
        if batch is None:
            return
        disclosure = DisclosureDialog("", "support texts to contacts of deal lines", self)
        if not self._services.run_dialog(disclosure):
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "File for the SMS gateway", f"{batch.reference}.csv", "CSV (*.csv)"
        )
        if not name:
            return
        try:
            sent = hand_over(
                self._store,
                batch.reference,
                Path(name),
                disclosure.recipient.text(),
                disclosure.justification.text(),
            )
        except USER_ERRORS as error:
            self.message.show_error(str(error))
            return
        self.refresh()
        self.message.show_ok(
            f"{plural(sent, 'text')} written to {name} for {disclosure.recipient.text()}."
        )

    def not_delivered(self) -> None:
        batch = self.selected()
        if batch is None:
            return
        number, ok = QInputDialog.getText(
            self, "Not delivered", f"Number the gateway could not reach ({batch.reference}):"
        )
        if not ok or not number.strip():
            return
        try:
            record_not_delivered(self._store, batch.reference, number)
        except USER_ERRORS as error:
            self.message.show_error(str(error))
            return
        self.refresh()
        self.message.show_ok(f"{number.strip()} recorded as not delivered.")

    def delivery_report(self) -> None:
        """Import the gateway's report of texts not delivered, in the background."""
        batch = self.selected()
        if batch is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "Gateway's delivery report", "", "Spreadsheets (*.csv *.xlsx);;All files (*)"
        )
        if not name:
            return
        importer = delivery_report_importer(batch.reference, f"report {Path(name).name}")
        self._services.start_import(Path(name), importer, "Delivery report")
