"""Where the window, its panes and its columns were left: restored when it opens, kept.

A first opening fits the screen it is on (most of it, centred), and the Lines view gives the
table most of the width; after that the officer's own sizes are kept (QSettings).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QPoint, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QTableView

GEOMETRY = "main_window/geometry"
LINES_SPLIT = "lines/splitter"
TABLE_SHARE = 0.68  # of the Lines view's width, at first


def restore_window(window: QMainWindow) -> None:
    geometry = QSettings().value(GEOMETRY)
    if isinstance(geometry, QByteArray) and window.restoreGeometry(geometry):
        return
    screen = window.screen().availableGeometry()
    width = min(max(int(screen.width() * 0.9), 1024), 1680, screen.width())
    height = min(max(int(screen.height() * 0.9), 700), 1050, screen.height())
    window.resize(width, height)
    window.move(screen.center().x() - width // 2, screen.center().y() - height // 2)


def restore_split(splitter: QSplitter) -> bool:
    """The officer's own split of the Lines view (true), or the first one (false)."""
    state = QSettings().value(LINES_SPLIT)
    if isinstance(state, QByteArray) and splitter.restoreState(state):
        return True
    total = max(splitter.width(), 1000)
    splitter.setSizes([int(total * TABLE_SHARE), int(total * (1 - TABLE_SHARE))])
    return False


def fit_columns(table: QTableView) -> int:
    """Each shown column of ``table`` as wide as its title and the rows the header's
    precision reads; the width that shows them all, unscrolled. Each cell is measured
    once: fitting the columns and sizing the table to them read the same cells."""
    header = table.horizontalHeader()
    width = 0
    for c in range(header.count()):
        if header.isSectionHidden(c):
            continue
        fitted = max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
        header.resizeSection(c, fitted)
        width += fitted
    return width + table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()


def remember(window: QMainWindow, splitter: QSplitter) -> None:
    QSettings().setValue(GEOMETRY, window.saveGeometry())
    QSettings().setValue(LINES_SPLIT, splitter.saveState())


class ColumnChooser(QObject):
    """Right-click on the column titles: tick the columns to show; remembered as ``key``."""

    def __init__(self, table: QTableView, key: str) -> None:
        super().__init__(table)
        self.table, self.key = table, key
        hidden = QSettings().value(key, [])
        for column in hidden if isinstance(hidden, list) else []:
            if str(column).isdigit() and int(column) < table.model().columnCount():
                table.setColumnHidden(int(column), True)
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.choose)

    def menu(self) -> QMenu:
        model, menu = self.table.model(), QMenu(self.table.horizontalHeader())
        for column in range(model.columnCount()):
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
        return menu

    def choose(self, point: QPoint) -> None:
        self.menu().exec(self.table.horizontalHeader().mapToGlobal(point))

    def show_column(self, column: int, shown: bool) -> None:
        count = self.table.model().columnCount()
        visible = [c for c in range(count) if not self.table.isColumnHidden(c)]
        if not shown and visible == [column]:
            return  # one column always stays
        self.table.setColumnHidden(column, not shown)
        hidden = [c for c in range(count) if self.table.isColumnHidden(c)]
        QSettings().setValue(self.key, hidden)
