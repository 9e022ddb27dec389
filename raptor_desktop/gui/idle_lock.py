"""Locking the window after a time unused: the idle watch, and the window's contents hidden
while it is locked. Loaded once an officer has signed in (not by the sign-in window)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenuBar, QStatusBar, QWidget


class IdleLock(QObject):
    """Locks the window after a period without keyboard or mouse use.

    The window and any dialog stay as they are underneath, so no unsaved work is lost; only
    the officer who was signed in can unlock it.
    """

    ACTIVITY = {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }

    def __init__(self, minutes: int, on_idle: Callable[[], None]) -> None:
        super().__init__()
        self.minutes = minutes
        self._on_idle = on_idle
        self._last = time.monotonic()
        self._locked = False
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self.ACTIVITY:
            self._last = time.monotonic()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last

    def check(self) -> None:
        if not self._locked and self.idle_seconds() >= self.minutes * 60:
            self._locked = True
            try:
                self._on_idle()
            finally:
                self._locked = False
                self._last = time.monotonic()


@contextmanager
def register_hidden() -> Iterator[None]:
    """While locked: the contents of every open window hidden (an application editor or a
    dialog as much as the main window), the windows themselves left open so that nothing
    unsaved is lost; shown again afterwards."""
    veiled = [
        child
        for window in QApplication.topLevelWidgets()
        if window.isVisible()
        for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible() and not isinstance(child, (QMenuBar, QStatusBar))
    ]
    for child in veiled:
        child.setVisible(False)
    try:
        yield
    finally:
        for child in veiled:
            child.setVisible(True)
