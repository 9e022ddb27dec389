"""A base for the flat table models: row and column counts and horizontal headers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from raptor_desktop.services.session import Store

Index = QModelIndex | QPersistentModelIndex


class FlatTableModel(QAbstractTableModel):
    """Subclasses give their column titles and row count; Qt's tree parts are always empty."""

    def column_titles(self) -> list[str]:
        raise NotImplementedError

    def row_total(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.column_titles())

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.column_titles()[section]
        return None


class StoreListModel(FlatTableModel):
    """A small table read whole from the store; ``refresh()`` reads it again after a change."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[Any] = []
        self.refresh()

    def load(self) -> list[Any]:
        raise NotImplementedError

    def refresh(self) -> None:
        self.show_rows(self.load())

    def show_rows(self, rows: list[Any]) -> None:
        """Rows read by the caller (a view that logs its reading reads them itself)."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_total(self) -> int:
        return len(self._rows)
