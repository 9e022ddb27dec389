"""The window with the keyboard only (issue 12): Enter opens, Escape clears, Ctrl+C copies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from raptor_desktop.gui.line_dialog import LineDialog
from raptor_desktop.gui.main_window import MainWindow


def active(qtbot: QtBot, window: MainWindow) -> None:
    """The window shown, active (keys reach it), on the Lines view."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_page(window.lines_page)


def test_enter_opens_the_selected_number(
    qtbot: QtBot, window: MainWindow, dialogs: list[QDialog]
) -> None:
    active(qtbot, window)
    table = window.lines_page.table
    window.lines_page.select_number(1)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert isinstance(dialogs[-1], LineDialog)


def test_escape_clears_the_search(qtbot: QtBot, window: MainWindow) -> None:
    active(qtbot, window)
    search = window.lines_page.search
    search.setFocus()
    qtbot.keyClicks(search, "tony")
    window.lines_page.apply_filter()
    assert window.lines_page.model.rowCount() == 2
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    window.lines_page.apply_filter()
    assert search.text() == "" and window.lines_page.model.rowCount() == 13


def test_ctrl_c_copies_the_selected_rows_with_their_headers(
    qtbot: QtBot, window: MainWindow
) -> None:
    active(qtbot, window)
    table = window.lines_page.table
    window.lines_page.select_number(1)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    header, row = QApplication.clipboard().text().splitlines()
    assert header.split("\t")[:3] == ["Number", "Line", "Areas"]
    assert row.split("\t")[:2] == ["07700 900101", "Tony"]


def test_tab_goes_from_the_navigation_through_the_lines_view_in_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    active(qtbot, window)
    page = window.lines_page
    window.nav.setFocus()
    visited = []
    for _ in range(5):
        window.focusNextChild()
        visited.append(QApplication.focusWidget())
    assert visited[:5] == [page.search, page.area, page.status, page.table, page.detail]
