"""Small widgets shared by the dialogs and pages."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QWidget,
)


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form row's label whose ``&`` shortcut goes to ``buddy``: needed where the row's field
    is a layout (a box and its Browse… button), or the label shows the ``&`` as it is."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class CheckList(QListWidget):
    """A list of names with a tick box each."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)

    def checked(self) -> list[str]:
        return [
            self.item(i).text()
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, names: list[str]) -> None:
        wanted = {n.casefold() for n in names}
        for i in range(self.count()):
            item = self.item(i)
            state = (
                Qt.CheckState.Checked
                if item.text().casefold() in wanted
                else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def uk_date_edit(parent: QWidget | None = None, *, allow_future: bool = False) -> QDateEdit:
    """A date field in dd/mm/yyyy with a calendar; past and today only unless ``allow_future``."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setDate(QDate.currentDate())
    if not allow_future:
        edit.setMaximumDate(QDate.currentDate())
    return edit


def data_table(model: QAbstractItemModel, *, fit_columns: bool = True) -> QTableView:
    """A read-only table of whole rows, one selected at a time, columns sized to their text."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    if fit_columns:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return keyboard_table(table)


def selected_rows_text(table: QTableView) -> str:
    """The selected rows of ``table`` as tab-separated text under its column titles, the
    way a spreadsheet pastes them."""
    model = table.model()
    columns = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
    lines = ["\t".join(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns)]
    for row in rows:
        cells = (model.data(model.index(row, c)) for c in columns)
        lines.append("\t".join("" if v is None else str(v).replace("\t", " ") for v in cells))
    return "\n".join(lines) + "\n"


_KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


class _SelectOnTab(QObject):
    """Tabbing (or Alt+letter) into a table with nothing selected selects the row under the
    focus, so that
    the next key (Enter, Ctrl+T…) acts on the row the officer sees, as in a spreadsheet."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QTableView)
            and isinstance(event, QFocusEvent)
            and event.reason() in _KEYBOARD_REASONS
            and watched.selectionModel() is not None
            and not watched.selectionModel().hasSelection()
        ):
            current = watched.currentIndex()
            if not current.isValid() and watched.model() and watched.model().rowCount():
                current = watched.model().index(0, 0)
            if current.isValid():
                watched.selectionModel().setCurrentIndex(
                    current,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        return False


def keyboard_table(table: QTableView) -> QTableView:
    """A table as keyboard users work it: Ctrl+C copies the selected rows, with their headers,
    as text; Tab goes on to the next part of the window (not the next cell, a trap for
    keyboard users) and Tab into it selects the row under the focus."""
    table.setTabKeyNavigation(False)
    shortcut = QShortcut(QKeySequence.StandardKey.Copy, table)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(lambda: QApplication.clipboard().setText(selected_rows_text(table)))
    table.installEventFilter(_SelectOnTab(table))
    return table


def clearable(search: QLineEdit) -> QLineEdit:
    """Escape empties a search box (and so shows everything again)."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), search)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(search.clear)
    return search
