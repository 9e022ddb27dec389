"""Starting the window: Qt application, logging, the error hook, and the first database."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLockFile, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from raptor_desktop import __version__
from raptor_desktop.core.errors import Refusal
from raptor_desktop.gui.gc_guard import GuiThreadCollector
from raptor_desktop.gui.sign_in import sign_in_to
from raptor_desktop.paths import APP_NAME, log_file, resource_path, setup_logging

log = logging.getLogger(__name__)

EXIT_AFTER_SHOW_ENV = "RAPTOR_EXIT_AFTER_SHOW"


def _show_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Show what escaped an action: a refusal as the message it is; a bug logged and shown.

    A refusal (a record another connection erased, a change no longer allowed) reaches here
    when an action has no handler of its own: the officer is told, and no bug is reported.
    """
    if isinstance(error, Exception) and not isinstance(error, OSError):
        from raptor_desktop.services.failures import user_message

        message = user_message(error)
        if message is not None:
            QMessageBox.warning(None, "Raptor Desktop", message)
            return
    details = "".join(traceback.format_exception(kind, error, trace))
    log.error("unexpected error\n%s", details)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Raptor Desktop — unexpected error",
        f"Something went wrong that Raptor Desktop did not expect:\n\n{error}\n\n"
        "Your saved data is safe. The details are in the log file "
        f"({log_file()}).",
    )
    box.setDetailedText(details)
    box.exec()


def make_application(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName("Raptor Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    icon = resource_path("icons", "raptor.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def lock_database(path: Path) -> QLockFile | str:
    """Hold ``<database>.lock`` while the window is open; a second copy is told who has it."""
    lock = QLockFile(str(path.with_name(path.name + ".lock")))
    lock.setStaleLockTime(0)
    if lock.tryLock(200):
        return lock
    pid, host, _application = lock.getLockInfo()
    return (
        f"The database {path} is already open in another copy of Raptor Desktop "
        f"(process {pid} on {host or 'this computer'}). Close it there first; two copies "
        "must not work on the same register at once."
    )


def _show_first_window_and_exit(app: QApplication, path: Path, lock: QLockFile) -> int:
    """Show the first window an officer sees (the sign-in), draw it, and stop: for timing."""
    shown: list[QDialog] = []

    def show_only(dialog: QDialog) -> bool:
        shown.append(dialog)
        dialog.show()
        app.processEvents()
        return False

    sign_in_to(path, show_only)
    lock.unlock()
    return 0 if shown and shown[0].isVisible() else 1


def run_gui(path: Path, *, demo: bool = False) -> int:
    setup_logging()
    app = make_application()
    collector = GuiThreadCollector(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = lock_database(path)
    if isinstance(lock, str):
        QMessageBox.warning(None, "Raptor Desktop", lock)
        return 1
    try:
        if demo:
            from raptor_desktop.services.session import ensure_demo_register

            ensure_demo_register(path)
        if os.environ.get(EXIT_AFTER_SHOW_ENV):  # start-up timing (bench/bundle.py)
            return _show_first_window_and_exit(app, path, lock)
        store = sign_in_to(path, lambda d: d.exec() == QDialog.DialogCode.Accepted)
    except Refusal as error:
        message = error.full_message()
        QMessageBox.critical(None, "Raptor Desktop", f"The database cannot be opened.\n\n{message}")
        lock.unlock()
        return 1
    if store is None:
        lock.unlock()
        return 0
    sys.excepthook = _show_unexpected
    # Loaded once an officer has signed in, not before the sign-in is shown: the views, the
    # documents behind them and their libraries are most of the program's start-up.
    from raptor_desktop.gui.idle_lock import IdleLock
    from raptor_desktop.gui.main_window import MainWindow
    from raptor_desktop.services.settings import IDLE_MINUTES, get_int

    window = MainWindow(store)
    idle = IdleLock(get_int(store, IDLE_MINUTES), window.account.lock_screen)
    app.installEventFilter(idle)
    window.show()
    QTimer.singleShot(0, window.applications.show_warnings)
    QTimer.singleShot(2000, lambda: window.backups.automatic(daily=True))
    code = app.exec()
    collector.stop()
    window.store.close()
    lock.unlock()
    return int(code)
