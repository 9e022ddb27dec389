"""The Areas view: each area with its lines counted by the status of their current number."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.statuses import Status
from raptor_desktop.gui.table_model import FlatTableModel, Index
from raptor_desktop.store.database import Store
from raptor_desktop.store.reference import area_status_counts

AREA_COLUMNS = ["area", "total", *[s.value for s in Status]]


class AreasTableModel(FlatTableModel):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[dict[str, object]] = []
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = area_status_counts(self._store)
        self.endResetModel()

    def column_titles(self) -> list[str]:
        names = {"area": "Area", "total": "Lines"}
        return [names.get(key, key.capitalize()) for key in AREA_COLUMNS]

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self._rows[index.row()][AREA_COLUMNS[index.column()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value == 0 and index.column() > 1 else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class AreasPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AreasTableModel(store, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton("Add area…")
        note = QLabel(
            "Lines are counted once per area they serve, by the status of their current number."
        )
        note.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        bar.addWidget(note, 1)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table)
