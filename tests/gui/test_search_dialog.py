"""Search everything: Escape empties its box, as in every view, before it closes the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from raptor_desktop.gui.search_dialog import SearchDialog
from raptor_desktop.store.database import Store


def test_escape_empties_the_box_first_then_closes(qtbot: QtBot, demo_store: Store) -> None:
    dialog = SearchDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.text, "blade")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.results.topLevelItemCount() > 0
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.text.text() == ""
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
