from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from raptor_desktop.gui.gc_guard import GuiThreadCollector
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.store.database import Store


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp: object) -> Iterator[GuiThreadCollector]:
    """As in the app: garbage (Qt objects among it) is collected only on the GUI thread."""
    collector = GuiThreadCollector()
    yield collector
    collector.stop()


def literal_ampersands(widget: QWidget) -> list[str]:
    """Labels that would show a mnemonic's ``&`` as it is ("&Hearing"): plain text with a lone
    ``&`` and no buddy to give the shortcut to (a form row whose field is a layout)."""
    found = []
    for label in widget.findChildren(QLabel):
        text = label.text()
        if Qt.mightBeRichText(text) or label.textFormat() == Qt.TextFormat.RichText:
            continue
        if "&" in text.replace("&&", "") and label.buddy() is None:
            found.append(text)
    return found


def make_window(qtbot: QtBot, store: Store) -> MainWindow:
    """The main window, once its home screen has been read (off the GUI thread)."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    home_read(qtbot, window)
    return window


def home_read(qtbot: QtBot, window: MainWindow, after: object = None) -> None:
    """Wait until the home screen shows a board (read off the GUI thread) other than
    ``after``: the board shown before a refresh, or None for the first."""
    page = window.dashboard_page
    qtbot.waitUntil(lambda: page.board is not None and page.board is not after, timeout=20_000)


@pytest.fixture
def window(qtbot: QtBot, demo_store: Store) -> MainWindow:
    return make_window(qtbot, demo_store)


DialogHandler = Callable[[QDialog], bool]


@pytest.fixture
def dialogs(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Dialogs the window opened; each is handed to ``window.handle_dialog`` if a test sets it."""
    opened: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        opened.append(dialog)
        assert not literal_ampersands(dialog), f"{type(dialog).__name__}: literal & in labels"
        handler = getattr(window, "handle_dialog", None)
        return bool(handler(dialog)) if handler else False

    monkeypatch.setattr(window, "run_dialog", run)
    return opened
