"""The Lines table: numbers of the register, filtered and sorted in SQL, cells fetched lazily.

The model holds only the ordered ids of the matching numbers; the cells of a row are read in
blocks when the view first asks for them and kept in a small cache, so 100,000 numbers cost a
list of integers and the rows on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from raptor_desktop.core.dates import uk_date
from raptor_desktop.core.lines import line_name
from raptor_desktop.core.numbers import CROWN_DEPENDENCIES
from raptor_desktop.gui.row_cache import RowCache
from raptor_desktop.gui.table_model import FlatTableModel, Index
from raptor_desktop.services.register import LineFilter, find_number_ids, matching_ids, rows_by_id
from raptor_desktop.services.session import Store

COLUMNS = (
    ("number", "Number"),
    ("line", "Line"),
    ("areas", "Areas"),
    ("status", "Status"),
    ("first_seen", "First seen"),
    ("last_seen", "Last seen"),
    ("range_holder", "Range holder"),
    ("operation", "Operation"),
)
_TITLES = [title for _key, title in COLUMNS]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ROLES = frozenset({int(ID_ROLE), _DISPLAY, _TOOLTIP, _BACKGROUND})

_STATUS_COLOURS = {
    "order made": "#e6f4ea",
    "disconnected": "#eeeeee",
    "in application": "#fff4d6",
    "ready for application": "#fff9e6",
    "refused": "#fde7e7",
    "re-emerged": "#fde7e7",
}


ERASED = "(erased)"
"""Shown for a row whose number another connection erased while it was on screen."""


class LinesTableModel(FlatTableModel):
    def __init__(self, store: Store, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._store = store
        self._filter = LineFilter()
        self._ids: list[int] = []
        self._cache: RowCache[dict[str, object]] = RowCache(
            lambda ids: rows_by_id(self._store, ids)
        )
        self.refresh(consulted=True)  # the register, as the officer first sees it

    # -- what to show ------------------------------------------------------------------
    @property
    def current_filter(self) -> LineFilter:
        return self._filter

    def set_filter(self, flt: LineFilter) -> None:
        flt.sort, flt.descending = self._filter.sort, self._filter.descending
        self._filter = flt
        self.refresh(consulted=True)

    def refresh(self, *, consulted: bool = False) -> None:
        """Read the matching ids again, dropping cached cells (after any change).

        ``consulted``: the officer asked to see these numbers, a consultation that is logged.
        """
        self.beginResetModel()
        reader = find_number_ids if consulted else matching_ids
        self._ids = reader(self._store, self._filter)
        self._cache.clear()
        self.endResetModel()

    def number_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, number_id: int) -> int | None:
        try:
            return self._ids.index(number_id)
        except ValueError:
            return None

    # -- Qt model interface --------------------------------------------------------------
    def column_titles(self) -> list[str]:
        return _TITLES

    def row_total(self) -> int:
        return len(self._ids)

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        # The view asks each cell for a dozen roles as it measures and paints: the roles
        # this model has no answer for are turned away first, before any lookup.
        if role not in _ROLES:
            return None
        position = index.row()
        if not 0 <= position < len(self._ids):  # an invalid index is row -1
            return None
        if role == ID_ROLE:
            return self._ids[position]
        row = self._row(position)
        key = COLUMNS[index.column()][0]
        if row is None:  # erased by another connection since the ids were read
            return ERASED if role == _DISPLAY and key == "number" else None
        if role == _BACKGROUND:
            colour = _STATUS_COLOURS.get(str(row["status"]))
            return QBrush(QColor(colour)) if colour else None
        if role == _TOOLTIP:
            return self._tooltip(row, key)
        return self._text(row, key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key, descending = COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._filter.sort, self._filter.descending) and self._ids:
            return  # already in that order (the view asks once as it is made)
        self._filter.sort, self._filter.descending = key, descending
        self.refresh()

    # -- cells ---------------------------------------------------------------------------
    def _row(self, row: int) -> dict[str, object] | None:
        return self._cache.row(self._ids, row)

    @staticmethod
    def _text(row: dict[str, object], key: str) -> str:
        value = row[key]
        if key == "number":
            flag = " ⚑" if row["crown_dependency"] else ""
            return f"{row['display']}{flag}"
        if key == "line":
            return line_name(value)
        if key == "areas":
            return "; ".join(value)  # type: ignore[arg-type]
        if key in ("first_seen", "last_seen"):
            return uk_date(str(value) if value else None)
        return str(value or "")

    @staticmethod
    def _tooltip(row: dict[str, object], key: str) -> str | None:
        if key == "number":
            crown = row["crown_dependency"]
            text = str(row["number"])
            if crown:
                text += (
                    f"\n{CROWN_DEPENDENCIES[str(crown)]} number: its provider may be outside "
                    "the reach of an English court"
                )
            return text
        if key == "range_holder":
            return "Original range holder from numbering data; the number may have been ported"
        return None
