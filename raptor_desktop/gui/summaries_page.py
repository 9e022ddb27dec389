"""Case summaries: choose a scope, see its key figures, export it as PDF, CSV or XLSX.

Building the files runs in the background (a summary of a busy unit is many pages), and the
export asks who receives it and why: it is a disclosure.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QThread
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.case_summary import key_figures
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.gui.widgets import pydate
from raptor_desktop.gui.workers import Task, start_worker, wait_for
from raptor_desktop.services.register import area_names, operation_names
from raptor_desktop.services.session import Session, Store
from raptor_desktop.services.summaries import (
    Recipient,
    Scope,
    export_case_summary,
    view_case_summary,
)


def _date_box() -> tuple[QCheckBox, QDateEdit]:
    use = QCheckBox()
    box = QDateEdit(QDate.currentDate())
    box.setCalendarPopup(True)
    box.setDisplayFormat("dd/MM/yyyy")
    box.setEnabled(False)
    use.toggled.connect(box.setEnabled)
    return use, box


class SummariesPage(QWidget):
    def __init__(
        self,
        store: Store,
        session: Callable[[], Session],
        run_dialog: Callable[[QDialog], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._session, self._run_dialog = store, session, run_dialog
        self.worker: Task | None = None
        self.writer: QThread | None = None
        self.last_written: list[Path] = []  # the files of the last export (tests wait on it)
        self.operation = QComboBox()
        self.area = QComboBox()
        for choice, names, everything in (
            (self.operation, operation_names(store), "All operations"),
            (self.area, area_names(store), "All areas"),
        ):
            choice.addItem(everything, "")
            for name in names:
                choice.addItem(name, name)
        self.line = QLineEdit()
        self.line.setPlaceholderText("a line's name, or empty for every line")
        self.use_since, self.since = _date_box()
        self.use_until, self.until = _date_box()
        form = QFormLayout()
        form.addRow("&Operation", self.operation)
        form.addRow("A&rea", self.area)
        form.addRow("Li&ne", self.line)
        for label, use, box in (
            ("Events from", self.use_since, self.since),
            ("Events to", self.use_until, self.until),
        ):
            row = QHBoxLayout()
            row.addWidget(use)
            row.addWidget(box, 1)
            form.addRow(label, row)
        self.show_button = QPushButton("&Show figures")
        self.show_button.clicked.connect(self.show_figures)
        self.export_button = QPushButton("E&xport…")
        self.export_button.clicked.connect(self.export)
        self.figures = QTreeWidget()
        self.figures.setHeaderLabels(["Figure", "Value"])
        self.figures.setRootIsDecorated(False)
        self.message = MessageLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.figures, 1)

    def scope(self) -> Scope:
        def day(use: QCheckBox, box: QDateEdit) -> date | None:
            return pydate(box.date()) if use.isChecked() else None

        return Scope(
            str(self.operation.currentData() or ""),
            str(self.area.currentData() or ""),
            self.line.text().strip(),
            day(self.use_since, self.since),
            day(self.use_until, self.until),
        )

    def show_figures(self) -> None:
        summary = view_case_summary(self._store, self.scope())  # a logged consultation
        self.figures.clear()
        for what, value in key_figures(summary.figures):
            self.figures.addTopLevelItem(QTreeWidgetItem([what, value]))
        self.figures.resizeColumnToContents(0)
        self.message.show_ok(f"{summary.scope[0].upper()}{summary.scope[1:]}: {summary.covers()}.")

    def export(self) -> None:
        disclosure = DisclosureDialog("", "case summary for a supervisor's review", self)
        if not self._run_dialog(disclosure):
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Export case summary",
            f"case-summary-{date.today().isoformat()}.pdf",
            "PDF (*.pdf);;Data for spreadsheets (*.xlsx);;CSV files, one per table (*.csv)",
        )
        if not name:
            return
        to = Recipient(disclosure.recipient.text(), disclosure.justification.text())
        session, scope, target = self._session(), self.scope(), Path(name)

        def build() -> list[Path]:
            with session.connect() as store:
                return export_case_summary(store, scope, target, to)

        self.export_button.setEnabled(False)
        self.message.show_ok("Writing the case summary…")
        self.worker = Task(build, "writing the case summary")
        self.worker.succeeded.connect(self._written)
        self.worker.failed.connect(self._failed)
        self.writer = start_worker(self.worker, self)

    def _written(self, written: object) -> None:
        self.export_button.setEnabled(True)
        self.last_written = written if isinstance(written, list) else []
        self.message.show_ok(f"Wrote {', '.join(str(p) for p in self.last_written)}.")

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.message.show_error(f"The case summary was not written: {message}")

    def wait(self) -> None:
        """Let a summary being written finish (before the register is closed)."""
        wait_for(self.writer)
