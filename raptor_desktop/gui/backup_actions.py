"""Backups from the window: on demand (in the background), on closing, daily, and restore."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
)

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.audit import Category
from raptor_desktop.gui.workers import start_worker
from raptor_desktop.store.backup import (
    MAGIC,
    SUFFIX,
    BackupRefused,
    auto_backup,
    backup_folder,
    make_backup,
    restore_backup,
)
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from raptor_desktop.gui.main_window import MainWindow


class BackupWorker(QObject):
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(
        self, db_path: Path, target: Path, passphrase: str | None, actor: str, role: Role
    ) -> None:
        super().__init__()
        self._db_path, self._target, self._passphrase = db_path, target, passphrase
        self._actor, self._role = actor, role  # the worker's connection acts as the officer

    def run(self) -> None:
        try:
            with Store.open(self._db_path, actor=self._actor) as store:
                store.role = self._role
                path = make_backup(store, self._target, self._passphrase)
                store.log(
                    Category.DISCLOSURE,
                    "backup",
                    str(path),
                    justification="backup",
                    recipient=str(path),
                )
        except (OSError, StoreError, PermissionError) as error:
            self.failed.emit(f"The backup failed: {error}")
        else:
            self.succeeded.emit(path)


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
        if passphrase and len(passphrase) < 12:
            QMessageBox.warning(
                self.window, "Back up", "Use a passphrase of 12 characters or more."
            )
            return
        worker = BackupWorker(store.path, Path(name), passphrase, store.actor, store.role)
        progress = QProgressDialog("Backing up…", "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self._progress, self._worker = progress, worker
        worker.succeeded.connect(self._done)
        worker.failed.connect(self._failed)
        self._thread = start_worker(worker, self)

    @Slot(object)
    def _done(self, path: Path) -> None:
        self._progress.reset()
        self.last_backup = path
        self.window.statusBar().showMessage(f"Backed up to {path}", 10_000)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._progress.reset()
        QMessageBox.warning(self.window, "Back up", message)

    def wait(self) -> None:
        try:
            if self._thread is not None and self._thread.isRunning():
                self._thread.wait(60_000)
        except RuntimeError:
            pass

    def restore(self) -> None:
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
        if Path(name).read_bytes()[:9] == MAGIC:
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
        path, actor, training, role = store.path, store.actor, store.training, store.role
        self.window.close_store_for_restore()
        # Synchronous on purpose: the register is closed meanwhile, so nothing else may run.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        problem = ""
        try:
            safety = restore_backup(path, Path(name), passphrase, role=role)
        except (BackupRefused, StoreError, OSError) as error:
            safety, problem = None, str(error)
        finally:
            QApplication.restoreOverrideCursor()
        if problem:
            QMessageBox.warning(
                self.window, "Restore from backup", f"{problem}\n\nThe database was not changed."
            )
        reopened = Store.open(path, actor=actor, training=training)
        reopened.role = role
        if safety is not None:
            reopened.log(Category.ALTERATION, "restore from backup", name)
        self.window.switch_to(reopened)
        if safety is not None:
            self.window.statusBar().showMessage(f"Restored; the old database is in {safety}")

    def automatic(self, *, daily: bool) -> Path | None:
        """The rotating automatic backup: on closing, and once a day on opening."""
        try:
            return auto_backup(
                self.window.store, if_older_than=timedelta(days=1) if daily else None
            )
        except (OSError, StoreError):
            return None
