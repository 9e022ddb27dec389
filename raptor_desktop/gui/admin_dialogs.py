"""For administrators: officer accounts, and the data-protection log viewer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.accounts import MIN_PASSWORD, Role
from raptor_desktop.core.audit import AuditEntry, Category
from raptor_desktop.core.dates import local_time, plural
from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.gui.table_model import FlatTableModel, Index
from raptor_desktop.gui.widgets import data_table, pydate, uk_date_edit
from raptor_desktop.services.accounts import add_user, change_password, list_users, set_disabled
from raptor_desktop.services.audit_log import AUDIT_COLUMNS, AuditFilter, export_log, read_log
from raptor_desktop.services.disclosure import Recipient
from raptor_desktop.services.failures import describe
from raptor_desktop.services.session import Store

RunDialog = Callable[[QDialog], bool]


class AuditModel(FlatTableModel):
    def __init__(self, rows: list[AuditEntry]) -> None:
        super().__init__()
        self.rows = rows

    def column_titles(self) -> list[str]:
        return ["When (local time)" if c == "at" else c.capitalize() for c in AUDIT_COLUMNS]

    def row_total(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        entry, column = self.rows[index.row()], AUDIT_COLUMNS[index.column()]
        if column == "at":
            return local_time(entry.at)
        return str(getattr(entry, column))


class AuditDialog(QDialog):
    def __init__(self, store: Store, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._run_dialog = run_dialog
        self.setWindowTitle("Audit log (Data Protection Act 2018, section 62)")
        self.user = QLineEdit()
        self.user.setPlaceholderText("user")
        self.category = QComboBox()
        self.category.addItem("All categories", None)
        for category in Category:
            self.category.addItem(category.value.capitalize(), category.value)
        self.record = QLineEdit()
        self.record.setPlaceholderText("record, e.g. a number or reference")
        self.use_since = QCheckBox("since")
        self.since = uk_date_edit()
        show = QPushButton("Show")
        show.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        for widget in (self.user, self.category, self.record, self.use_since, self.since, show):
            bar.addWidget(widget)
        self.model = AuditModel([])
        self.table = data_table(self.model)  # columns fit their content, up to a limit:
        self.table.horizontalHeader().setMaximumSectionSize(420)  # the rest in the tooltip
        self.error = MessageLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        export = buttons.addButton("Export CSV…", QDialogButtonBox.ButtonRole.ActionRole)
        export.clicked.connect(self.export)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(1000, 560)
        self.refresh()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            user=self.user.text().strip() or None,
            category=self.category.currentData(),
            record=self.record.text().strip() or None,
            since=pydate(self.since.date()) if self.use_since.isChecked() else None,
        )

    def refresh(self) -> None:
        found = read_log(self._store, self.current_filter())
        self.model.beginResetModel()
        self.model.rows = found[::-1]  # newest first
        self.model.endResetModel()

    def export(self) -> None:
        disclosure = DisclosureDialog("", "audit of lawfulness", self)
        if not self._run_dialog(disclosure):
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Export audit log", f"audit-{date.today().isoformat()}.csv", "CSV (*.csv)"
        )
        if not name:
            return
        to = Recipient(disclosure.recipient.text(), disclosure.justification.text())
        try:
            count = export_log(self._store, self.current_filter(), Path(name), to)
        except (Refusal, OSError) as error:
            self.error.show_error(describe(error, "exporting the audit log"))
            return
        self.error.show_ok(f"Exported {plural(count, 'entry', 'entries')} to {name}")


class UsersModel(FlatTableModel):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self.rows = list_users(store)

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = list_users(self._store)
        self.endResetModel()

    def column_titles(self) -> list[str]:
        return ["Username", "Name", "Role", "State"]

    def row_total(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        user = self.rows[index.row()]
        return [user["username"], user["display_name"], user["role"], user["state"]][index.column()]


class AccountsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle("Accounts")
        self.model = UsersModel(store)
        self.table = data_table(self.model)
        self.username = QLineEdit()
        self.username.setPlaceholderText("username")
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText("full name")
        self.role = QComboBox()
        self.role.addItems([r.value for r in Role])
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(f"password ({MIN_PASSWORD}+)")
        add = QPushButton("Add")
        add.clicked.connect(self.add)
        row = QHBoxLayout()
        for widget in (self.username, self.display_name, self.role, self.password, add):
            row.addWidget(widget)
        reset = QPushButton("Reset password…")
        reset.clicked.connect(self.reset_password)
        lock = QPushButton("Disable / enable")
        lock.clicked.connect(self.toggle)
        actions = QHBoxLayout()
        actions.addStretch()
        actions.addWidget(reset)
        actions.addWidget(lock)
        self.error = MessageLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def _selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(self.model.rows[rows[0].row()]["username"]) if rows else None

    def _do(self, action: Callable[[], None], done: str) -> None:
        try:
            action()
        except (Refusal, ValueError) as error:
            self.error.show_error(str(error))
            return
        self.model.refresh()
        self.error.show_ok(done)

    def add(self) -> None:
        self._do(
            lambda: add_user(
                self._store,
                self.username.text(),
                self.display_name.text(),
                Role(self.role.currentText()),
                self.password.text(),
            ),
            f"Added {self.username.text().strip()}.",
        )
        self.password.clear()

    def reset_password(self) -> None:
        name = self._selected()
        if name is None:
            return
        text, ok = QInputDialog.getText(
            self, "Reset password", f"New password for {name}:", QLineEdit.EchoMode.Password
        )
        if ok:
            self._do(
                lambda: change_password(self._store, name, text), f"Password changed for {name}."
            )

    def toggle(self) -> None:
        name = self._selected()
        if name is None:
            return
        disabled = any(u["username"] == name and u["disabled"] for u in self.model.rows)
        self._do(
            lambda: set_disabled(self._store, name, not disabled),
            f"{name} {'enabled' if disabled else 'disabled'}.",
        )
