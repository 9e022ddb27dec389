"""Work off the GUI thread: a worker's thread ends when the work does, even while the GUI
thread is blocked waiting for it (closing the window, the self-test)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from raptor_desktop.gui.workers import Task, start_worker


def test_a_worker_thread_ends_without_the_gui_thread_turning(qtbot: QtBot) -> None:
    owner = QObject()
    results: list[object] = []
    task = Task(lambda: 42, "answering")
    task.succeeded.connect(results.append)
    thread = start_worker(task, owner)
    # No event is processed here: had the thread waited for the GUI thread to tell it to
    # stop, this wait would run out (it once did, for a minute, then the program aborted).
    assert thread.wait(5_000)
    qtbot.waitUntil(lambda: results == [42], timeout=2_000)  # the result, delivered after
