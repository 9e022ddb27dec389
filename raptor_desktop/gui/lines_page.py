"""The Lines view: a filter bar, the table of numbers, and the detail of the selected one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.statuses import Status
from raptor_desktop.gui.detail_panel import DetailPanel
from raptor_desktop.gui.lines_model import LinesTableModel
from raptor_desktop.gui.widgets import clearable, keyboard_table
from raptor_desktop.gui.window_state import ColumnChooser, fit_columns, restore_split
from raptor_desktop.services.register import (
    LineFilter,
    NumberDetail,
    area_names,
    number_detail,
    rows_by_id,
    view_number,
)
from raptor_desktop.services.session import Store

FILTER_DELAY_MS = 250
DETAIL_MIN = 300  # pixels the detail panel keeps when the table is given its columns' width


class LinesPage(QWidget):
    selection_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._last_consulted: int | None = None
        self.model = LinesTableModel(store, self)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by a number in any format, or a line name")
        self.search.setClearButtonEnabled(True)
        self.area = QComboBox()
        self.status = QComboBox()
        self.status.addItem("All statuses", None)
        for status in Status:
            self.status.addItem(status.label, status.value)
        self.reload_areas()
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_filter)
        self.area.currentIndexChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)

        self.table = QTableView()
        self.table.setModel(self.model)
        # by number, ascending, as the model has just read them: sorting switched on sorts by
        # the header's indicator, which would otherwise ask for a descending read first
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._columns_width = 0  # the columns' width, once fitted to their contents
        self.model.modelReset.connect(self._fit_once)
        keyboard_table(self.table)
        clearable(self.search)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._on_selection)

        self.detail = DetailPanel()
        self.splitter = splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self._split_chosen = restore_split(splitter)
        self.columns = ColumnChooser(self.table, "lines/hidden_columns")

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.area, 1)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(splitter)
        self._fit_once()

    def tab_after(self, before: QWidget) -> None:
        """Tab goes from ``before`` (the navigation) to the filter, the area, the status, the
        table and the detail panel, in the order they are read."""
        chain = [before, self.search, self.area, self.status, self.table, self.detail]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _fit_once(self) -> None:
        """Each column as wide as its title and the first rows (the last one takes the rest),
        once there are rows: not again at each filter keystroke, where columns jumping as the
        officer types would be in the way (and half of a keystroke's time over 100,000)."""
        if self._columns_width or not self.model.rowCount():
            return
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # the first rows suffice
        self._columns_width = fit_columns(self.table)
        self._give_table_its_columns()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._give_table_its_columns()

    def _give_table_its_columns(self) -> None:
        """On a first opening (no split of the officer's own), the table as wide as its
        columns, so none is cut off, if the detail panel keeps :data:`DETAIL_MIN` beside it;
        done once, when the view is shown with its columns fitted."""
        if self._split_chosen or not self._columns_width or not self.isVisible():
            return
        self._split_chosen = True
        total = sum(self.splitter.sizes())
        if total - self._columns_width >= DETAIL_MIN:
            self.splitter.setSizes([self._columns_width, total - self._columns_width])

    def reload_areas(self) -> None:
        current = self.area.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem("All areas", None)
        for name in area_names(self._store):
            self.area.addItem(name, name)
        index = self.area.findData(current)
        self.area.setCurrentIndex(max(index, 0))
        self.area.blockSignals(False)

    def apply_filter(self) -> None:
        self._timer.stop()
        status = self.status.currentData()
        self.model.set_filter(
            LineFilter(
                text=self.search.text(),
                area=self.area.currentData(),
                status=Status(status) if status else None,
            )
        )

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.number_id(rows[0].row()) if rows else None

    def selected_lines(self) -> dict[int, tuple[str, list[str]]]:
        """The lines of the selected numbers: each one's brand and its selected numbers."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        found = rows_by_id(self._store, [self.model.number_id(r) or 0 for r in rows])
        lines: dict[int, tuple[str, list[str]]] = {}
        for row in found.values():
            line = lines.setdefault(int(str(row["line_id"])), (str(row["line"] or ""), []))
            line[1].append(str(row["display"]))
        return lines

    def selected_numbers(self) -> list[str]:
        """The E.164 numbers of every selected row, in table order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        found = rows_by_id(self._store, [self.model.number_id(r) or 0 for r in rows])
        return [
            str(found[i]["number"])
            for i in (self.model.number_id(r) for r in rows)
            if i is not None and i in found
        ]

    def selected_detail(self) -> NumberDetail | None:
        number_id = self.selected_id()
        return number_detail(self._store, number_id) if number_id is not None else None

    def refresh(self, select_id: int | None = None) -> None:
        """Re-read the table after a change, keeping (or moving) the selection."""
        keep = select_id if select_id is not None else self.selected_id()
        self.model.refresh()
        if keep is not None:
            self.select_number(keep)

    def show_only(self, numbers: tuple[int, ...]) -> None:
        """These numbers only (a chart's bar): the other filters cleared; a new filter ends it."""
        self.filter_to("", "")
        self.model.set_filter(LineFilter(only=numbers))

    def filter_to(self, area: str, status: str) -> None:
        """Show the numbers of ``area`` (any, if empty) with ``status`` (any, if empty)."""
        for box, wanted in ((self.area, area or None), (self.status, status or None)):
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(wanted), 0))
            box.blockSignals(False)
        self.search.clear()
        self.apply_filter()

    def show_number(self, number_id: int) -> None:
        """Select the number, clearing the filters first if they hide it."""
        if not self.select_number(number_id):
            self.filter_to("", "")
            self.select_number(number_id)

    def select_number(self, number_id: int) -> bool:
        row = self.model.row_of(number_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(  # current too: Enter acts on it
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _on_selection(self) -> None:
        number_id = self.selected_id()
        if number_id is not None and number_id != self._last_consulted:
            detail: NumberDetail | None = view_number(self._store, number_id)  # logged
            self._last_consulted = number_id
        else:
            detail = self.selected_detail()
        self.detail.show_detail(detail)
        self.selection_changed.emit()
