"""Importing a spreadsheet from the window: in the background, with progress and a summary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.import_task import Importer, ImportSummaryDialog, ImportWorker
from raptor_desktop.gui.workers import start_worker
from raptor_desktop.services.imports import ImportResult

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


class ImportActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self._thread: QThread | None = None
        self.last_result: ImportResult | None = None

    def choose(self) -> None:
        """File → Import lines…: choose the spreadsheet, then import it in the background."""
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Import lines", "", "Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"
        )
        if name:
            self.start(Path(name))

    def start(
        self, file_path: Path, importer: Importer | None = None, title: str = "Import lines"
    ) -> ImportWorker:
        """Import ``file_path`` (lines, unless another importer is given) in a worker thread,
        with a progress dialog."""
        window = self.window
        worker = ImportWorker(window.session, file_path, importer)
        progress = QProgressDialog(f"Importing {file_path.name}…", "Cancel", 0, 0, window)
        progress.setWindowTitle(title)
        self._title = title
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        self._progress = progress
        self._worker = worker  # a reference, or Python would collect it mid-import
        # Bound methods of this QObject: Qt queues the calls onto the GUI thread.
        worker.progress.connect(self._on_progress)
        worker.succeeded.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        self._set_enabled(False)
        self._thread = start_worker(worker, self)
        return worker

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self._progress.setMaximum(total)
        self._progress.setValue(done)

    @Slot(object)
    def _on_done(self, result: ImportResult) -> None:
        self._progress.reset()
        self._set_enabled(True)
        self.window.refresh()
        self.window.statusBar().showMessage(f"{result.source}: {result.summary()}", 10_000)
        self.last_result = result
        self.window.run_dialog(ImportSummaryDialog(result, self.window))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._progress.reset()
        self._set_enabled(True)
        QMessageBox.warning(self.window, self._title, as_sentence(message))

    def _set_enabled(self, enabled: bool) -> None:
        """One import at a time: both import actions wait while one runs."""
        self.window.import_action.setEnabled(enabled)
        self.window.import_contacts_action.setEnabled(enabled)

    def stop(self) -> None:
        """Cancel a running import (nothing of it is stored) and wait for its thread."""
        try:
            running = self._thread is not None and self._thread.isRunning()
        except RuntimeError:  # the thread object was already deleted: nothing runs
            running = False
        if running and self._thread is not None:
            self._worker.cancel()
            self._thread.wait(10_000)
