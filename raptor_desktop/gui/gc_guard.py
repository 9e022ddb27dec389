"""Python's cyclic garbage collector, run only on the GUI thread.

The collector normally runs in whichever thread happens to allocate when a threshold is
crossed. A worker thread building a hearing pack allocates a great deal, so it would often be
the one to collect: if the garbage includes a Qt widget or model from the GUI thread, that
object is destroyed in the wrong thread while the GUI may be using it, and the program
crashes (seen as a segmentation fault in a view's ``columnCount``). This guard switches the
automatic collector off and collects on a GUI-thread timer instead, with the same thresholds.
It is the pattern PyQt and PySide applications with worker threads commonly use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500


class GuiThreadCollector(QObject):
    """While it lives, garbage is collected only by this timer, on the thread that made it."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; return objects freed."""
        freed = 0
        for generation in range(3):
            if gc.get_count()[generation] <= self._thresholds[generation]:
                break
            freed += gc.collect(generation)
        return freed

    def stop(self) -> None:
        """Collect once more here and give the collector back to Python as it was."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
