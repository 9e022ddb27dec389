"""Running work off the GUI thread: import, hearing pack, backup, the check on opening.

A worker object has ``run``, ``succeeded`` and ``failed``; :func:`start_worker` gives it a
thread. :func:`report_failure` is how every worker reports: a refusal as it is, a bug logged
with its traceback and reported as one (``services.failures``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal

from raptor_desktop.services.failures import describe


def start_worker(worker: QObject, parent: QObject) -> QThread:
    """Move ``worker`` (with ``run``, ``succeeded`` and ``failed``) to a new thread and start it.

    The thread ends when the worker reports either way.
    """
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)  # type: ignore[attr-defined]
    # Direct: the thread's event loop is told to stop from the worker's own thread (quit is
    # thread-safe), so a GUI thread waiting for the thread is not waiting for itself
    direct = Qt.ConnectionType.DirectConnection
    worker.succeeded.connect(thread.quit, direct)  # type: ignore[attr-defined]
    worker.failed.connect(thread.quit, direct)  # type: ignore[attr-defined]
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread


class Task(QObject):
    """Runs ``work()`` (a service that opens its own connection) off the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], object], doing: str) -> None:
        super().__init__()
        self._work, self._doing = work, doing

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # every failure is reported; a bug is logged with its trace
            self.failed.emit(describe(error, self._doing))
        else:
            self.succeeded.emit(result)


def wait_for(thread: QThread | None, ms: int = 60_000) -> None:
    """Let the work on ``thread`` finish (before the register it reads is closed)."""
    try:
        if thread is not None and thread.isRunning():
            thread.wait(ms)
    except RuntimeError:  # the thread has already gone
        pass
