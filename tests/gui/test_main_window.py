from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from raptor_desktop.core.statuses import Status
from raptor_desktop.gui.import_task import ImportSummaryDialog
from raptor_desktop.gui.line_dialog import LineDialog
from raptor_desktop.gui.lines_model import COLUMNS
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.sign_in import FirstAdministratorDialog, RecoveryKeyDialog, SignInDialog
from raptor_desktop.gui.small_dialogs import DeviceDialog, StatusDialog, about_text
from raptor_desktop.store.database import Store
from raptor_desktop.store.importing import ImportResult
from raptor_desktop.store.line_detail import number_detail
from raptor_desktop.store.line_query import LineFilter, list_numbers
from tests.gui.conftest import make_window


def test_training_banner_only_on_training_databases(
    qtbot: QtBot, window: MainWindow, live_store: Store
) -> None:
    assert not window.banner.isHidden()
    assert "TRAINING" in window.banner.text()
    assert "TRAINING" in window.windowTitle()
    live = make_window(qtbot, live_store)
    assert live.banner.isHidden()
    assert "TRAINING" not in live.windowTitle()


def test_each_view_keeps_its_own_count_and_messages_do_not_erase_it(
    window: MainWindow,
) -> None:
    assert window.view_count.text().endswith("tasks today")  # the home screen, first
    window.show_page(window.lines_page)
    assert window.view_count.text() == "13 of 13 numbers shown"
    assert "2 disconnected" in window.view_count.toolTip()
    window.statusBar().showMessage("Saved.", 100)  # a timed message, as after any action
    assert window.view_count.isVisible() or not window.isVisible()
    assert window.view_count.text() == "13 of 13 numbers shown"
    window.show_page(window.contacts_page)
    assert window.view_count.text() == f"{window.contacts_page.model.rowCount()} contacts"
    window.show_page(window.applications_page)
    assert window.view_count.text() == "3 applications"
    window.show_page(window.outreach_page)
    assert window.view_count.text().endswith(("batch", "batches"))


def test_add_a_line_through_the_dialog(window: MainWindow, dialogs: list[QDialog]) -> None:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, LineDialog)
        dialog.number.setText("O7700 900150")
        assert "letters" in dialog.number_message.text()
        dialog.number.setText("+44 (0)7700 900150")
        assert dialog.number_message.text().startswith("07700 900150")
        dialog.brand.setText("Rocket")
        dialog.areas.set_checked(["Thurrock", "Harlow"])
        dialog.drugs["ketamine"].setChecked(True)
        dialog.takings.setText("£1,500")
        dialog.save()
        assert "where the daily takings estimate comes from" in dialog.error.text()
        dialog.takings_source.setText("Test purchase officer")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = fill  # type: ignore[attr-defined]
    window.add_action.trigger()
    assert len(dialogs) == 1
    rows = list_numbers(window.store, LineFilter(text="Rocket"))
    assert [(r["display"], r["areas"]) for r in rows] == [("07700 900150", ["Harlow", "Thurrock"])]
    assert window.lines_page.selected_id() == rows[0]["id"]
    assert "Rocket" in window.lines_page.detail.toPlainText()


def test_filter_box_finds_numbers_in_any_format_and_brands(window: MainWindow) -> None:
    window.show_page(window.lines_page)
    page = window.lines_page
    page.search.setText("0044 7700 900 104")
    page.apply_filter()
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 1)) == "Blade"
    page.search.setText("tony")
    page.apply_filter()
    assert page.model.rowCount() == 2
    page.search.clear()
    page.area.setCurrentIndex(page.area.findData("Harlow"))
    assert page.model.rowCount() == 3
    page.status.setCurrentIndex(page.status.findData(Status.REFUSED.value))
    assert page.model.rowCount() == 1
    assert window.view_count.text() == "1 of 13 numbers shown"


def test_change_status_and_add_device(window: MainWindow, dialogs: list[QDialog]) -> None:
    page = window.lines_page
    number_id = list_numbers(window.store, LineFilter(text="Milly"))[0]["id"]
    assert page.select_number(int(number_id))
    assert window.status_action.isEnabled()

    def handle(dialog: QDialog) -> bool:
        if isinstance(dialog, StatusDialog):
            dialog.status.setCurrentIndex(dialog.status.findData(Status.GATHERING_EVIDENCE.value))
            dialog.note.setPlainText("first test purchase booked")
        if isinstance(dialog, DeviceDialog):
            dialog.value.setText("490154203237519")
            assert "check digit" in dialog.error.text()
            dialog.value.setText("490154203237518")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = handle  # type: ignore[attr-defined]
    window.status_action.trigger()
    window.device_action.trigger()
    detail = number_detail(window.store, int(number_id))
    assert detail.status is Status.GATHERING_EVIDENCE
    assert detail.history[-1]["note"] == "first test purchase booked"
    assert [d["value"] for d in detail.devices] == ["490154203237518"]
    assert "first test purchase booked" in page.detail.toPlainText()


def test_import_through_the_menu(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: list[QDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "new lines.csv"
    rows = "".join(f"07700 900{i},Line {i},Thurrock\n" for i in range(200, 400))
    source.write_text("Phone,Brand,Area\n" + rows + "07700 9OO999,Bad,Thurrock\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.imports.last_result is not None, timeout=10_000)
    assert window.imports.last_result.summary() == "imported 200, updated 0, rejected 1"
    summary = dialogs[-1]
    assert isinstance(summary, ImportSummaryDialog)
    assert "rejected 1" in summary.summary.text()
    assert summary.table.model().rowCount() == 1
    assert window.lines_page.model.rowCount() == 213
    assert window.import_action.isEnabled()


def test_the_import_summary_shows_every_remark_in_full(qtbot: QtBot) -> None:
    """Blank rows, unchanged rows, numbers with no line and columns not used, all at once: the
    dialog's fixed 140-pixel height had cut the last of them off."""
    result = ImportResult(
        "handset export.csv",
        imported=3,
        unchanged=2,
        blank_rows=[4, 9, 10, 11],
        unnamed_rows=[5, 12],
        ignored_columns=["Name", "Email", "Comment"],
        notes=["'handset' was read as source seized phone"],
    )
    summary = ImportSummaryDialog(result, None)
    qtbot.addWidget(summary)
    summary.show()
    qtbot.waitExposed(summary)
    text = summary.summary.text()
    assert "2 rows changed nothing" in text and "4 blank rows skipped (rows 4 and 9 to 11)" in text
    assert "(rows 5 and 12)" in text and "Columns not used: Name, Email, Comment" in text
    label = summary.summary
    assert label.height() >= label.heightForWidth(label.width())


def test_import_of_unreadable_file_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "names.csv"
    source.write_text("Brand\nTony\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a: shown.append(a[2]))
    window.imports.start(source)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "no number column" in shown[0]
    assert window.lines_page.model.rowCount() == 13


def test_status_change_can_be_undone_and_redone(window: MainWindow, dialogs: list[QDialog]) -> None:
    number_id = int(list_numbers(window.store, LineFilter(text="Dee"))[0]["id"])
    window.lines_page.select_number(number_id)

    def handle(dialog: QDialog) -> bool:
        assert isinstance(dialog, StatusDialog)
        dialog.status.setCurrentIndex(dialog.status.findData(Status.IN_APPLICATION.value))
        dialog.note.setPlainText("bundle sent")
        dialog.save()
        return True

    window.handle_dialog = handle  # type: ignore[attr-defined]
    assert not window.undo_action.isEnabled()
    window.status_action.trigger()
    assert number_detail(window.store, number_id).status is Status.IN_APPLICATION
    window.undo_action.trigger()
    detail = number_detail(window.store, number_id)
    assert detail.status is Status.READY
    assert detail.history[-1]["note"] == "undo of in application"
    window.redo_action.trigger()
    assert number_detail(window.store, number_id).status is Status.IN_APPLICATION
    assert "In application" in window.lines_page.detail.toPlainText()


def test_geometry_is_remembered(qtbot: QtBot, demo_store: Store) -> None:
    first = make_window(qtbot, demo_store)
    first.resize(700, 500)  # within the off-screen 800 x 600 screen
    size = first.size()
    assert size.height() == 500
    first.close()
    second = make_window(qtbot, demo_store)
    assert second.size() == size


def test_open_demo_and_new_training_database(
    window: MainWindow, dialogs: list[QDialog], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def sign_in(dialog: QDialog) -> bool:
        if isinstance(dialog, RecoveryKeyDialog):
            assert "Recovery key" in dialog.windowTitle()
            return True
        if isinstance(dialog, FirstAdministratorDialog):
            dialog.username.setText("trainer2")
            dialog.password.setText("practice password")
            dialog.again.setText("practice password")
        else:
            assert isinstance(dialog, SignInDialog)
            assert dialog.hint is not None  # the demo's accounts, on a line of their own
            assert "trainer and trainer.sgt (a supervisor), password raptor-training" in (
                " ".join(dialog.hint.text().split())
            )
            dialog.username.setText("trainer")
            dialog.password.setText("raptor-training")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = sign_in  # type: ignore[attr-defined]
    target = tmp_path / "practice.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.new_training_action.trigger()
    assert window.store.path == target and window.store.training
    assert window.lines_page.model.rowCount() == 0
    assert not window.banner.isHidden()
    assert window.store.actor == "trainer2"
    window.demo_action.trigger()
    assert window.store.training and window.store.actor == "trainer"
    assert window.lines_page.model.rowCount() == 13
    assert window.signed_in.text() == "trainer (administrator)"


def test_about_names_version_and_database(window: MainWindow) -> None:
    text = about_text(window.store)
    assert "Raptor Desktop 0." in text
    assert "Running from source" in text
    assert "training" in text and str(window.store.path) in text


def test_second_copy_is_told_the_database_is_open(tmp_path: Path) -> None:
    from raptor_desktop.gui.app import lock_database

    path = tmp_path / "register.sqlite3"
    first = lock_database(path)
    assert not isinstance(first, str)
    second = lock_database(path)
    assert isinstance(second, str)
    assert "already open in another copy" in second and str(path) in second
    first.unlock()
    third = lock_database(path)
    assert not isinstance(third, str)
    third.unlock()


def test_a_first_opening_fits_the_screen_and_gives_the_table_its_room(
    qtbot: QtBot, demo_store: Store
) -> None:
    window = make_window(qtbot, demo_store)
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    table, panel = window.lines_page.splitter.sizes()
    assert table > 1.8 * panel  # the table has most of the width


def test_columns_fit_their_content_and_can_be_hidden_and_are_remembered(
    qtbot: QtBot, demo_store: Store
) -> None:
    window = make_window(qtbot, demo_store)
    table = window.lines_page.table
    metrics = table.fontMetrics()
    first_seen = [key for key, _ in COLUMNS].index("first_seen")
    assert table.columnWidth(first_seen) >= metrics.horizontalAdvance("First seen")
    menu = window.lines_page.columns.menu()
    assert [a.text() for a in menu.actions()][:2] == ["Number", "Line"]
    menu.actions()[first_seen].setChecked(False)
    assert table.isColumnHidden(first_seen)
    window.close()
    again = make_window(qtbot, demo_store)
    assert again.lines_page.table.isColumnHidden(first_seen)  # remembered
    again.lines_page.columns.show_column(first_seen, True)
    assert not again.lines_page.table.isColumnHidden(first_seen)


def test_the_navigation_has_icons_and_badges_for_what_waits(window: MainWindow) -> None:
    items = [window.nav.item(row) for row in range(window.nav.count())]
    assert all(not item.icon().isNull() for item in items)
    texts = [item.text() for item in items]
    assert texts[0].startswith("Home (") and "Orders (1)" in texts  # a deadline passed
    assert window.nav.minimumWidth() >= window.nav.fontMetrics().horizontalAdvance("Case summaries")


def test_add_number_says_as_you_type_that_it_exists_and_links_to_it(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    dialog = LineDialog(window.store, parent=window)
    dialog.number.setText("+44 7700 900101")
    message = dialog.number_message.text()
    assert "already in the register, on line Tony (disconnected)" in message
    assert "number:1" in message and "show it" in message

    def follow_link(opened: QDialog) -> bool:
        assert isinstance(opened, LineDialog)
        opened.number.setText("07700 900101")
        opened.number_message.linkActivated.emit("number:1")
        return False

    window.handle_dialog = follow_link  # type: ignore[attr-defined]
    window.add_action.trigger()
    assert window.pages.currentWidget() is window.lines_page
    assert window.lines_page.selected_id() == 1
