"""Exchange conflicts: a field changed on two workstations, both versions side by side.

The officer keeps this register's value, the peer's, or types another; the decision is logged
and travels with the next package, where it settles the same conflict on the peers.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.dates import local_time
from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.services import exchange as ex
from raptor_desktop.services.session import Store

COLUMNS = ("Record", "Field", "Here", "On the peer")


def _when(by: str, at: str) -> str:
    return f"{by or 'unknown'}, {local_time(at)}" if at else by or "unknown"


def shown(value: object) -> str:
    """A value as an officer reads it: text as it is, a list as its items."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value) or "(none)"
    return "(none)" if value is None else json.dumps(value, ensure_ascii=False)


class ConflictsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle("Exchange conflicts")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.message = MessageLabel()
        self.mine = QPushButton("Keep &this register's")
        self.theirs = QPushButton("Keep the &peer's")
        self.edit = QPushButton("&Edit…")
        self.mine.clicked.connect(lambda: self._decide("mine"))
        self.theirs.clicked.connect(lambda: self._decide("theirs"))
        self.edit.clicked.connect(self._edit)
        choices = QHBoxLayout()
        for button in (self.mine, self.theirs, self.edit):
            choices.addWidget(button)
        choices.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Each row is a field changed on this workstation and on a peer without either "
            "knowing of the other's change. Nothing was overwritten: decide which stays. "
            "Your decision goes to the peers with the next package you send them."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(choices)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(900, 380)
        self.load()

    def load(self) -> None:
        self._found = ex.conflicts(self._store)
        self.table.setRowCount(len(self._found))
        for row, item in enumerate(self._found):
            cells = (
                item.record,
                item.field,
                f"{shown(item.local.value)}\n— {_when(item.local.by, item.local.at)}",
                f"{shown(item.remote.value)}\n— {_when(item.remote.by, item.remote.at)}, "
                f"on {item.peer}",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setWordWrap(True)
        self.table.resizeColumnsToContents()
        for column in (2, 3):  # both versions side by side, long ones wrapped, not cut off
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 330))
        self.table.resizeRowsToContents()
        if self._found:
            self.table.selectRow(0)
        for button in (self.mine, self.theirs, self.edit):
            button.setEnabled(bool(self._found))
        if not self._found:
            self.message.show_ok("no conflicts left to decide")

    def _chosen(self) -> ex.FieldConflict | None:
        row = self.table.currentRow()
        return self._found[row] if 0 <= row < len(self._found) else None

    def _decide(self, keep: str) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        kept = chosen.local.value if keep == "mine" else chosen.remote.value
        self._settle(chosen, shown(kept), lambda: ex.resolve_conflict(self._store, chosen.id, keep))

    def _edit(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        label = f"{chosen.record}, {chosen.field}:"
        if isinstance(chosen.local.value, str):  # text, notes among it: several lines allowed
            text, ok = QInputDialog.getMultiLineText(
                self, "Edit the value", label, chosen.local.value
            )
        else:  # a number or a list, written as JSON
            text, ok = QInputDialog.getText(
                self,
                "Edit the value",
                f"{label} (JSON)",
                text=json.dumps(chosen.local.value, ensure_ascii=False),
            )
        if not ok:
            return
        self._settle(chosen, text, lambda: ex.resolve_conflict_text(self._store, chosen.id, text))

    def _settle(self, chosen: ex.FieldConflict, kept: str, decide: Callable[[], None]) -> None:
        """Record the decision; say what was kept, and that it travels with the next package."""
        try:
            decide()
        except Refusal as error:
            self.message.show_error(error.full_message())
            return
        self.load()
        self.message.show_ok(
            f"{chosen.record}, {chosen.field}: kept {kept!r}; it goes to the peers with the next "
            "package"
        )
