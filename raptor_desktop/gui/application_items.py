"""The numbers and the exhibits of one application, as table models for the editor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt

from raptor_desktop.core.case_file import CaseExhibit, CaseItem
from raptor_desktop.core.dates import uk_date
from raptor_desktop.core.lines import line_name
from raptor_desktop.gui.table_model import FlatTableModel, Index

ITEM_COLUMNS = (
    "Number",
    "Line",
    "Status",  # a number not yet ready stops the submission: seen here, before it does
    "Outcome",
    "Provider to serve",
    "Host",
    "Range holder",
    "Devices",
    "Grounds",
)
PROVIDER, GROUNDS = 4, 8


class ItemsModel(FlatTableModel):
    """Numbers of the application; provider and grounds are edited in place while a draft."""

    def __init__(
        self, items: list[CaseItem], editable: bool, save: Callable[[CaseItem, str, str], None]
    ) -> None:
        super().__init__()
        self._items = items
        self._editable = editable
        self._save = save

    def column_titles(self) -> list[str]:
        return list(ITEM_COLUMNS)

    def row_total(self) -> int:
        return len(self._items)

    def item(self, row: int) -> CaseItem:
        return self._items[row]

    def _values(self, item: CaseItem) -> list[str]:
        devices = len(item.imei) + len(item.imsi) + len(item.iccid)
        return [
            item.display,
            line_name(item.brand),
            item.status,
            item.outcome or "",
            item.provider,
            item.host,
            item.range_holder,
            str(devices or ""),
            item.grounds,
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self._values(self._items[index.row()])[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == GROUNDS:
            return value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self._editable and index.column() in (PROVIDER, GROUNDS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(  # noqa: N802
        self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in (PROVIDER, GROUNDS):
            return False
        item = self._items[index.row()]
        provider = str(value) if index.column() == PROVIDER else item.provider
        grounds = str(value) if index.column() == GROUNDS else item.grounds
        self._save(item, provider, grounds)
        self._items[index.row()] = replace(item, provider=provider.strip(), grounds=grounds.strip())
        self.dataChanged.emit(index, index)
        return True


class ExhibitsModel(FlatTableModel):
    def __init__(self, exhibits: list[CaseExhibit]) -> None:
        super().__init__()
        self._exhibits = exhibits

    def column_titles(self) -> list[str]:
        return ["Mark", "Description", "Date", "Numbers", "File"]

    def row_total(self) -> int:
        return len(self._exhibits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self._exhibits[index.row()]
        return [
            e.mark,
            e.description,
            uk_date(e.exhibit_date),
            ", ".join(e.numbers),
            e.file_name or "—",
        ][index.column()]
