"""The home screen (issue 11): today's work opens its records; a bar opens its numbers."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from raptor_desktop.gui.check_back_dialog import CheckBackDialog
from raptor_desktop.gui.lines_model import COLUMNS
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.store.database import Store
from tests.gui.conftest import home_read, make_window


def _tasks(window: MainWindow) -> dict[str, list[QTreeWidgetItem]]:
    tree = window.dashboard_page.work
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return {
        g.text(0).rsplit(" (", 1)[0]: [g.child(i) for i in range(g.childCount())]
        for g in groups
        if g is not None
    }


def test_the_home_screen_comes_first_with_todays_work(qtbot: QtBot, window: MainWindow) -> None:
    assert window.nav.item(0).text().startswith("Home (")  # with its tasks waiting
    assert window.pages.currentWidget() is window.dashboard_page
    tasks = _tasks(window)
    assert "Check-backs due (is the number still dead?)" in tasks
    [hearing] = tasks["Hearings in the next 14 days"] or [None]
    assert hearing is not None and "RAP-2026-003" in hearing.text(0)
    window.dashboard_page.work.itemActivated.emit(hearing, 0)  # Enter
    assert window.pages.currentWidget() is window.applications_page
    assert window.applications_page.selected_reference() == "RAP-2026-003"


def test_a_bar_opens_the_numbers_behind_it(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    chart = window.dashboard_page.charts[1]  # numbers by area and status
    qtbot.waitUntil(lambda: bool(chart.bars()), timeout=5_000)  # painted
    _rect, area, status, value = chart.bars()[0]
    chart.bar_clicked.emit(area, status)
    assert window.pages.currentWidget() is window.lines_page
    model = window.lines_page.model
    assert model.rowCount() == value
    keys = [key for key, _title in COLUMNS]
    for row in range(model.rowCount()):
        shown = {k: str(model.data(model.index(row, keys.index(k)))) for k in ("areas", "status")}
        assert area in shown["areas"] and shown["status"] == status


def test_a_check_back_is_recorded_from_its_task(
    qtbot: QtBot, window: MainWindow, dialogs: list[QDialog]
) -> None:
    page = window.dashboard_page
    [first, *rest] = _tasks(window)["Check-backs due (is the number still dead?)"]
    still_due = [t.text(0) for t in rest]
    assert not page.check_button.isEnabled()  # nothing chosen yet
    page.work.setCurrentItem(first)
    assert page.check_button.isEnabled()

    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckBackDialog)
        dialog.note.setText("test call: number unobtainable")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = answer  # type: ignore[attr-defined]
    shown = page.board
    page.check_button.click()
    home_read(qtbot, window, shown)
    left = _tasks(window)["Check-backs due (is the number still dead?)"]
    assert [t.text(0) for t in left] == still_due


def test_a_new_register_shows_how_to_begin(
    qtbot: QtBot, live_store: Store, dialogs: list[QDialog]
) -> None:
    window = make_window(qtbot, live_store)
    page = window.dashboard_page
    assert not page.start.isHidden()
    assert "Getting started" in page.start.findChild(QLabel).text()  # type: ignore[union-attr]
    buttons = {b.text().replace("&", ""): b for b in page.start.findChildren(QPushButton)}
    assert set(buttons) == {
        "Import a spreadsheet…",
        "Add a number…",
        "Open the demo",
        "Read the user guide",
    }


def test_the_demo_register_has_no_start_panel_and_remembers_it_as_recent(
    window: MainWindow,
) -> None:
    assert window.dashboard_page.start.isHidden()
    assert window.databases.recent()[0] == window.store.path
    assert window.databases.recent_menu.actions()  # File → Recent databases


def test_the_home_screen_is_read_off_the_gui_thread(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Over a busy unit's register the figures take seconds: the window is shown, and answers,
    # while they are read; the board appears when they are.
    from raptor_desktop.gui import dashboard_page
    from raptor_desktop.gui.main_window import MainWindow

    release = threading.Event()
    readers: list[threading.Thread] = []
    real = dashboard_page.read_dashboard

    def slow(session: object) -> object:
        readers.append(threading.current_thread())
        release.wait(10)
        return real(session)  # type: ignore[arg-type]

    monkeypatch.setattr(dashboard_page, "read_dashboard", slow)
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    page = window.dashboard_page
    qtbot.waitUntil(lambda: bool(readers), timeout=5_000)
    assert readers[0] is not threading.main_thread()
    assert "Reading the register" in page.heading.text() and page.board is None
    window.show_page(window.lines_page)  # the window answers meanwhile
    assert window.pages.currentWidget() is window.lines_page
    release.set()
    qtbot.waitUntil(lambda: page.board is not None, timeout=10_000)
    assert window.nav.item(0).text().startswith("Home (")  # its badge, once read


def test_while_the_home_screen_is_read_nothing_can_be_recorded(
    qtbot: QtBot, demo_store: Store
) -> None:
    from raptor_desktop.gui.dashboard_page import DashboardPage

    page = DashboardPage(demo_store)  # not yet read
    qtbot.addWidget(page)
    assert page.board is None and not page.check_button.isEnabled()


def test_no_read_starts_after_the_window_has_let_go_of_the_register(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A refresh asked during a read reads once more after it, but not once the window is
    # closing: that read would run on after the register was closed, and a thread still
    # running when the window goes aborts the program.
    from raptor_desktop.gui import dashboard_page

    reads: list[object] = []
    real = dashboard_page.read_dashboard

    def counted(session: object) -> object:
        reads.append(session)
        return real(session)  # type: ignore[arg-type]

    monkeypatch.setattr(dashboard_page, "read_dashboard", counted)
    window = make_window(qtbot, demo_store)
    page = window.dashboard_page
    page.refresh()
    page.refresh()  # asked again during that read
    window.close()
    qtbot.wait(300)  # the finished read's result, delivered after the close
    assert len(reads) == 2 and page._reading is None
