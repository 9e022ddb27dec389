"""Backups from the window: on demand (in the background), on closing, daily, and restore.

What a backup or a restore does, and what is logged, is ``services.backups``: the same as the
command line. The window asks for the file and the passphrase and shows progress.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
)

from raptor_desktop.core.dates import plural
from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui.workers import Task, start_worker, wait_for
from raptor_desktop.services.backups import (
    SUFFIX,
    BackupInfo,
    automatic_backup,
    back_up,
    backup_folder,
    check_passphrase,
    needs_passphrase,
    restore,
)
from raptor_desktop.services.failures import describe

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


class BackupActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self._thread: QThread | None = None
        self.last_backup: Path | None = None

    def _passphrase(self, title: str, prompt: str) -> tuple[str | None, bool]:
        text, ok = QInputDialog.getText(self.window, title, prompt, QLineEdit.EchoMode.Password)
        return (text or None), ok

    def back_up_now(self) -> None:
        store = self.window.store
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "Back up",
            str(backup_folder(store) / f"{store.path.stem}{SUFFIX}"),
            f"Raptor backups (*{SUFFIX})",
        )
        if not name:
            return
        passphrase, ok = self._passphrase(
            "Back up", "Passphrase to encrypt the backup (leave empty for none):"
        )
        if not ok:
            return
        try:
            if passphrase is not None:
                check_passphrase(passphrase)
        except Refusal as error:
            QMessageBox.warning(self.window, "Back up", as_sentence(str(error)))
            return
        session, target = self.window.session, Path(name)
        worker = Task(lambda: back_up(session, target, passphrase), "backing up")
        progress = QProgressDialog("Backing up…", "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self._progress, self._worker, self._target = progress, worker, target
        worker.succeeded.connect(self._done)
        worker.failed.connect(self._failed)
        self._thread = start_worker(worker, self)

    @Slot(object)
    def _done(self, info: BackupInfo) -> None:
        self._progress.reset()
        self.last_backup = self._target
        self.window.statusBar().showMessage(
            f"Backed up to {self._target} ({plural(info.numbers, 'number')}, "
            f"{plural(info.attachments, 'attachment')})",
            10_000,
        )

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._progress.reset()
        QMessageBox.warning(self.window, "Back up", f"The backup failed: {message}")

    def wait(self) -> None:
        wait_for(self._thread)

    def restore(self) -> None:
        if not self.window.applications.close_editors():  # they would write to the old file
            return
        store = self.window.store
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            "Restore from backup",
            str(backup_folder(store)),
            f"Raptor backups (*{SUFFIX})",
        )
        if not name:
            return
        passphrase = None
        if needs_passphrase(Path(name)):
            passphrase, ok = self._passphrase("Restore", "Passphrase of the backup:")
            if not ok:
                return
        answer = QMessageBox.question(
            self.window,
            "Restore from backup",
            f"Replace the database {store.path.name} with the backup {Path(name).name}? "
            "The database as it is now is kept in the backups folder first.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        session = self.window.session
        self.window.close_store_for_restore()
        # Synchronous on purpose: the register is closed meanwhile, so nothing else may run.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            restored = restore(session, Path(name), passphrase)
        except Exception as error:  # refused: the register is as it was, open it again
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(
                self.window,
                "Restore from backup",
                f"{describe(error, 'restoring a backup')}\n\nThe database was not changed.",
            )
            self.window.switch_to(session.connect())
            return
        QApplication.restoreOverrideCursor()
        self.window.switch_to(restored.store)
        self.window.statusBar().showMessage(
            f"Restored; the old database is in {restored.safety_copy}"
        )

    def automatic(self, *, daily: bool) -> Path | None:
        """The rotating automatic backup: on closing, and once a day on opening."""
        try:
            return automatic_backup(self.window.store, daily=daily)
        except Refusal as refused:  # e.g. a register failing its check: the officer is told
            QMessageBox.warning(self.window, "Automatic backup", as_sentence(str(refused)))
            return None
        except OSError:  # a full or missing backup folder: logged, and tried again next time
            log.warning("the automatic backup could not be written", exc_info=True)
            return None
