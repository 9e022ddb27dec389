"""Importing a spreadsheet off the GUI thread, with progress, cancel, and a summary after."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.gui.table_model import FlatTableModel, Index
from raptor_desktop.services.failures import describe
from raptor_desktop.services.imports import (
    ImportCancelled,
    Importer,
    ImportResult,
    RejectedRow,
    lines_importer,
    run_import,
    write_rejects,
)
from raptor_desktop.services.session import Session

StartImport = Callable[[Path, Importer, str], object]
"""The window's way to run an import in the background: (file, importer, title)."""


class ImportWorker(QObject):
    """Runs one import (lines by default) on its own connection, as the signed-in officer."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, session: Session, file_path: Path, importer: Importer | None = None) -> None:
        super().__init__()
        self._importer = importer or lines_importer()
        self._session = session
        self._file_path = file_path
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = run_import(self._session, self._file_path, self._importer, self._report)
        except ImportCancelled as error:
            self.failed.emit(str(error))
        except Exception as error:  # a refusal as it is; a bug logged with its traceback
            self.failed.emit(describe(error, f"importing {self._file_path.name}"))
        else:
            self.succeeded.emit(result)

    def _report(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel.is_set()


class RejectedRowsModel(FlatTableModel):
    def __init__(self, rows: list[RejectedRow], headers: list[str], parent: QObject) -> None:
        super().__init__(parent)
        self._rows = rows
        self._headers = ["Row", "Reason", *headers]

    def column_titles(self) -> list[str]:
        return self._headers

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        values = [str(row.row), row.reason, *row.cells]
        return values[index.column()] if index.column() < len(values) else ""


class ImportSummaryDialog(QDialog):
    """What the import did, with every rejected row and its reason, and a way to save them."""

    def __init__(self, result: ImportResult, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import of {result.source}")
        self._result = result
        headers = result.headers
        text = f"{result.summary().capitalize()}."
        if result.ignored_columns:
            text += f"\nColumns not used: {', '.join(result.ignored_columns)}"
        for note in result.remarks():
            text += f"\n{note[:1].upper()}{note[1:]}."
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if result.rejected:
            self.table = QTableView()
            self.table.setModel(RejectedRowsModel(result.rejected, headers, self))
            self.table.verticalHeader().setVisible(False)
            self.table.horizontalHeader().setSectionResizeMode(
                1, QHeaderView.ResizeMode.Interactive
            )
            self.table.setColumnWidth(0, 50)
            self.table.setColumnWidth(1, 420)
            self.table.setWordWrap(True)  # a long reason wraps onto more lines, not cut off
            self.table.resizeRowsToContents()
            layout.addWidget(QLabel("Rejected rows (nothing from these rows was stored):"))
            layout.addWidget(self.table)
            save = buttons.addButton("Save rejected rows…", QDialogButtonBox.ButtonRole.ActionRole)
            save.clicked.connect(self.save_rejects)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        width = 820  # tall enough for every remark: a fixed height had cut the last ones off
        self.resize(width, max(420 if result.rejected else 140, layout.heightForWidth(width)))

    def save_rejects(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Save rejected rows",
            f"{Path(self._result.source).stem}.rejects.csv",
            "CSV (*.csv)",
        )
        if name:
            write_rejects(self._result, Path(name))
