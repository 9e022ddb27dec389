"""Running a worker object on its own thread: import, hearing pack, and later backups."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import StoreError


def start_worker(worker: QObject, parent: QObject) -> QThread:
    """Move ``worker`` (with ``run``, ``succeeded`` and ``failed``) to a new thread and start it.

    The thread ends when the worker reports either way.
    """
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)  # type: ignore[attr-defined]
    worker.succeeded.connect(thread.quit)  # type: ignore[attr-defined]
    worker.failed.connect(thread.quit)  # type: ignore[attr-defined]
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread


class StoreTask(QObject):
    """Runs ``task(store)`` on a connection of its own, off the GUI thread, and reports."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, actor: str, task: Callable[[Store], object]) -> None:
        super().__init__()
        self._db_path, self._actor, self._task = db_path, actor, task

    def run(self) -> None:
        try:
            with Store.open(self._db_path, actor=self._actor) as store:
                result = self._task(store)
        except StoreError as error:
            self.failed.emit(error.full_message())
        except Exception as error:  # a bug: report it rather than let the thread die silently
            self.failed.emit(repr(error))
        else:
            self.succeeded.emit(result)
