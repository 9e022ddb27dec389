"""Running a worker object on its own thread: import, hearing pack, and later backups."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread


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
