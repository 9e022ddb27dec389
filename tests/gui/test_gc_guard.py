"""Garbage made anywhere is collected on the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from raptor_desktop.gui.gc_guard import GuiThreadCollector


class Node:
    """One half of a reference cycle that records the thread that freed it."""

    freed_in: list[str] = []

    def __init__(self) -> None:
        self.other: Node | None = None

    def __del__(self) -> None:
        Node.freed_in.append(threading.current_thread().name)


def make_cycle() -> weakref.ref[Node]:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_a_worker_thread_never_collects(
    qtbot: QtBot, gui_thread_collector: GuiThreadCollector
) -> None:
    Node.freed_in.clear()
    made: list[weakref.ref[Node]] = []
    kept: list[list[int]] = []

    def work() -> None:
        made.append(make_cycle())
        # Far past the first threshold: with the usual collector this thread would collect.
        kept.extend([index] for index in range(50_000))

    worker = threading.Thread(target=work, name="pack-worker")
    worker.start()
    worker.join()
    assert not gc.isenabled()
    assert made[0]() is not None, "the cycle was collected in the worker thread"
    qtbot.waitUntil(lambda: made[0]() is None, timeout=5_000)
    assert set(Node.freed_in) == {threading.main_thread().name}


def test_stopping_gives_the_collector_back(qapp: object) -> None:
    assert gc.isenabled() is False  # the autouse guard of the GUI tests
    inner = GuiThreadCollector()
    cycle = make_cycle()
    inner.stop()
    assert cycle() is None
    assert gc.isenabled() is False  # it was off before this one started


def test_collect_due_does_nothing_below_the_thresholds(
    gui_thread_collector: GuiThreadCollector,
) -> None:
    gc.collect()
    cycle = make_cycle()
    assert gui_thread_collector.collect_due() == 0
    assert cycle() is not None
