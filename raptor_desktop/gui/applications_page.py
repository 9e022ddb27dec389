"""The Applications view: every DDTRO application with its status, court and hearing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.dates import uk_date
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.table_model import Index, StoreListModel
from raptor_desktop.gui.widgets import data_table
from raptor_desktop.services.applications import delete_draft, list_applications
from raptor_desktop.services.session import Store

COLUMNS = (
    ("reference", "Reference"),
    ("status", "Status"),
    ("numbers", "Numbers"),
    ("court", "Court"),
    ("hearing_date", "Hearing"),
    ("claim_number", "Claim no."),
    ("applicant_name", "Officer"),
)


class ApplicationsTableModel(StoreListModel):
    def load(self) -> list[dict[str, object]]:
        return list_applications(self._store)

    def column_titles(self) -> list[str]:
        return [title for _key, title in COLUMNS]

    def reference(self, row: int) -> str | None:
        return str(self._rows[row]["reference"]) if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = COLUMNS[index.column()][0]
        value = self._rows[index.row()][key]
        if key == "hearing_date":
            return uk_date(str(value)) if value else "to be fixed"
        return "" if value is None else str(value)


class ApplicationsPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.model = ApplicationsTableModel(store, self)
        self.table = data_table(self.model)
        self.new_button = QPushButton("&New application…")
        self.open_button = QPushButton("&Open…")
        self.pack_button = QPushButton("Hearing &pack…")
        self.delete_button = QPushButton("&Delete draft…")
        self.delete_button.setToolTip("Delete the selected application, if it is still a draft")
        self.delete_button.clicked.connect(self.delete_draft)
        self.supplement_button = QPushButton("&Supplementary bundle…")
        self.supplement_button.setToolTip(
            "Add what came after a bundle was served at its end, pages numbered on: the order, "
            "the note of events and the letters serving it; exhibits recorded since"
        )
        note = QLabel(
            "Select numbers in the Lines view and use Line → Add to application… "
            "to build an application from them."
        )
        note.setStyleSheet("color: #555;")
        note.setWordWrap(True)  # else its one line sets the window's least width (1414 px)
        bar = QHBoxLayout()
        bar.addWidget(note, 1)
        for button in (
            self.new_button,
            self.open_button,
            self.pack_button,
            self.supplement_button,
            self.delete_button,
        ):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def delete_draft(self) -> None:
        reference = self.selected_reference()
        if reference is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete draft",
            f"Delete the draft application {reference}? Its numbers and exhibits stay in the "
            "register; the deletion is logged.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_draft(self._store, reference)
        except Refusal as error:
            QMessageBox.warning(self, "Delete draft", as_sentence(str(error)))
            return
        self.model.refresh()

    def select_reference(self, reference: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.reference(row) == reference:
                self.table.selectRow(row)
                return

    def selected_reference(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.reference(rows[0].row()) if rows else None
