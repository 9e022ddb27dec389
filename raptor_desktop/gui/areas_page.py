"""The Areas view: each area with its lines counted by the status of their current number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.statuses import Status
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.table_model import Index, StoreListModel
from raptor_desktop.gui.widgets import data_table
from raptor_desktop.services.register import add_area, area_status_counts
from raptor_desktop.services.session import Store

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow

AREA_COLUMNS = ["area", "total", *[s.value for s in Status]]


class AreasTableModel(StoreListModel):
    def load(self) -> list[dict[str, object]]:
        return area_status_counts(self._store)

    def column_titles(self) -> list[str]:
        names = {"area": "Area", "total": "Lines"}
        return [names.get(key, key.capitalize()) for key in AREA_COLUMNS]

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
        self.table = data_table(self.model)
        self.add_button = QPushButton("Add a&rea…")
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


def ask_new_area(window: MainWindow) -> None:
    """Line → Add area…: the name asked for, the area added to the list."""
    name, ok = QInputDialog.getText(window, "Add area", "Name of the new area:")
    if not ok or not name.strip():
        return
    try:
        add_area(window.store, name)
    except Refusal as error:
        QMessageBox.warning(window, "Add area", as_sentence(str(error)))
        return
    window.lines_page.reload_areas()
    window.refresh()
