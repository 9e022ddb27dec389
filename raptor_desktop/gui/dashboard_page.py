"""The home screen: today's work (each task opens its record) and the register's charts
(each bar opens the numbers behind it), read off the GUI thread: over a busy unit's register
the figures take seconds, and the window stays usable meanwhile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.dates import plural
from raptor_desktop.gui.chart_widget import ChartWidget
from raptor_desktop.gui.check_back_dialog import CheckBackDialog
from raptor_desktop.gui.workers import Task, start_worker, wait_for
from raptor_desktop.services.dashboard import Dashboard, read_dashboard
from raptor_desktop.services.session import Session, Store

TARGET = Qt.ItemDataRole.UserRole
CHECK_BACK = Qt.ItemDataRole.UserRole + 1


class DashboardPage(QWidget):
    opened = Signal(str, object)  # a task's record: as a search result opens it
    start_wanted = Signal(str)  # on an empty register: "import", "add", "demo" or "guide"
    numbers_wanted = Signal(object, str)  # the numbers behind a bar, and what the bar was
    shown = Signal()  # a board read and shown

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.board: Dashboard | None = None
        self._reading: QThread | None = None
        self._read_again = False
        self._closing = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.refresh_button = QPushButton("&Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.check_button = QPushButton("Record &check-back…")
        self.check_button.setToolTip("Select a check-back that is due, then record what was found")
        self.check_button.clicked.connect(self.record_check_back)
        self.run_dialog: Callable[[QDialog], bool] = lambda d: d.exec() == 1
        self.work = QTreeWidget()
        self.work.setHeaderHidden(True)
        self.work.setRootIsDecorated(True)
        self.work.itemActivated.connect(self._activated)
        self.work.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.charts: list[ChartWidget] = []  # made by the first refresh
        self._chart_grid = QGridLayout()
        self.start = self._start_panel()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.check_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.start)
        layout.addWidget(self.work, 2)
        layout.addLayout(self._chart_grid, 3)
        self._update_buttons()  # nothing to record until a check-back is chosen

    def _start_panel(self) -> QWidget:
        """What a new register shows first: the three ways to begin, and the guide."""
        panel = QWidget()
        text = QLabel(
            "<h2>Getting started</h2><p>This register holds no numbers yet. Begin by importing "
            "the unit's spreadsheet of lines (any CSV or XLSX with a number column; rows it "
            "cannot use are listed with the reason), or add a number by hand. To look around "
            "first, open the demo: a training register with a worked scenario.</p>"
        )
        text.setWordWrap(True)
        buttons = QHBoxLayout()
        for label, wanted in (
            ("&Import a spreadsheet…", "import"),
            ("&Add a number…", "add"),
            ("Open the &demo", "demo"),
            ("Read the user &guide", "guide"),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, w=wanted: self.start_wanted.emit(w))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.addWidget(text)
        layout.addLayout(buttons)
        panel.setVisible(False)
        return panel

    def refresh(self) -> None:
        """Read the dashboard again (a logged consultation) off the GUI thread, then show it.
        Asked again while a read is under way, it reads once more when that one ends."""
        if self._closing:
            return
        if self._reading is not None:
            self._read_again = True
            return
        if self.board is None:
            self.heading.setText("Reading the register for today's work…")
        session = Session.of(self._store)
        self.worker = Task(lambda: read_dashboard(session), "reading today's work")
        self.worker.succeeded.connect(self._read)
        self.worker.failed.connect(self._failed)
        self._reading = start_worker(self.worker, self)

    def _read(self, board: object) -> None:
        self._reading = None
        if self._closing:  # read for a register the window has let go of
            return
        if isinstance(board, Dashboard):
            self.show_board(board)
        self._read_once_more()

    def _failed(self, message: str) -> None:
        self._reading = None
        if self._closing:
            return
        self.heading.setText(f"Today's work could not be read: {message}")
        self._read_once_more()

    def _read_once_more(self) -> None:
        if self._read_again:
            self._read_again = False
            self.refresh()

    def wait(self) -> None:
        """Let a read under way finish, and start none after it: the register is about to be
        closed (the window closing, or another register opened in its place)."""
        self._closing = True
        self._read_again = False
        wait_for(self._reading)

    def show_board(self, board: Dashboard) -> None:
        self.board = board
        self.heading.setText(
            f"<b>Today's work</b>: {board.tasks} task{'s' if board.tasks != 1 else ''}. "
            f"{plural(board.figures.lines, 'line')}, {plural(board.figures.numbers, 'number')}; "
            f"{board.figures.type2_closures} disconnected under an order. "
            "Enter or a double-click opens a task; a click on a bar, its numbers."
        )
        self.start.setVisible(board.figures.numbers == 0)
        self.work.clear()
        for group in board.work:
            top = QTreeWidgetItem([f"{group.title} ({len(group.tasks)})"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for task in group.tasks:
                item = QTreeWidgetItem([task.text])
                item.setData(0, TARGET, task.opens)
                item.setData(0, CHECK_BACK, task.check_back)
                top.addChild(item)
            self.work.addTopLevelItem(top)
        if not board.work:
            self.work.addTopLevelItem(QTreeWidgetItem(["Nothing due today."]))
        self.work.expandAll()
        if not self.charts:
            self.charts = [ChartWidget(chart) for chart in board.charts]
            for index, widget in enumerate(self.charts):
                widget.bar_clicked.connect(self._bar_clicked)
                self._chart_grid.addWidget(widget, index // 2, index % 2)
        for widget, chart in zip(self.charts, board.charts, strict=True):
            widget.set_chart(chart)
        self._update_buttons()
        self.shown.emit()

    def _selected_check_back(self) -> tuple[str, int] | None:
        item = self.work.currentItem()
        found = item.data(0, CHECK_BACK) if item is not None else None
        return found if isinstance(found, tuple) else None

    def _update_buttons(self) -> None:
        self.check_button.setEnabled(self._selected_check_back() is not None)

    def record_check_back(self) -> None:
        due = self._selected_check_back()
        if due is not None and self.run_dialog(CheckBackDialog(self._store, *due, parent=self)):
            self.refresh()

    def _activated(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, TARGET)
        if target:
            self.opened.emit(*target)

    def _bar_clicked(self, category: str, series: str) -> None:
        """Open the numbers behind the bar in the Lines view."""
        widget = self.sender()
        if isinstance(widget, ChartWidget):
            numbers = widget.chart.numbers(category, series)
            self.numbers_wanted.emit(numbers, f"{widget.chart.title}: {category}, {series}")
