"""The window logs only acts that happened, reads settings it offers, and survives others' edits."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from raptor_desktop.core.accounts import Role
from raptor_desktop.gui.lines_model import LinesTableModel
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.pack_dialog import PackDialog
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.store.database import Store
from raptor_desktop.store.settings import BACKUPS_KEPT, set_value
from tests.app_fixtures import make_application
from tests.registers import raw_connection


def disclosures(store: Store) -> list[str]:
    return [
        r[0] for r in store.db.execute("SELECT event FROM audit_log WHERE category = 'disclosure'")
    ]


def test_automatic_backups_keep_the_number_the_setting_says(window: MainWindow) -> None:
    set_value(window.store, BACKUPS_KEPT, 2)
    folder = window.store.path.parent / "backups"
    folder.mkdir(exist_ok=True)
    for day in (1, 2, 3):  # three older automatic backups in the rotation
        (folder / f"{window.store.path.stem}-auto-2026110{day}T090000Z.raptorbackup").write_bytes(
            b"old"
        )
    newest = window.backups.automatic(daily=False)
    assert newest is not None
    kept = sorted(folder.glob("*-auto-*"))
    assert kept == sorted(
        [newest, folder / f"{window.store.path.stem}-auto-20261103T090000Z.raptorbackup"]
    )


def test_a_row_erased_by_another_connection_shows_as_gone(demo_store: Store) -> None:
    model = LinesTableModel(demo_store)
    last = model.rowCount() - 1
    number_id = model.number_id(last)
    with raw_connection(demo_store.path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for table in ("status_changes", "devices", "application_numbers", "exhibit_numbers"):
            conn.execute(f"DELETE FROM {table} WHERE number_id = ?", [number_id])
        conn.execute("DELETE FROM orders WHERE number_id = ?", [number_id])
        conn.execute("DELETE FROM numbers WHERE id = ?", [number_id])
    conn.close()
    assert model.data(model.index(last, 0)) == "(erased)"
    assert model.data(model.index(0, 0)) == "07700 900101"


def test_a_cancelled_save_is_not_logged_as_a_disclosure(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: list[QDialog],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_application(window.store)
    window.refresh()
    window.applications_page.table.selectRow(0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    before = disclosures(window.store)

    def answer(dialog: QDialog) -> bool:
        if isinstance(dialog, DisclosureDialog):
            dialog.save()
            return dialog.result() == QDialog.DialogCode.Accepted
        assert isinstance(dialog, PackDialog)
        dialog.save()  # the officer then cancels the file dialog
        return True

    window.handle_dialog = answer  # type: ignore[attr-defined]
    window.pack_action.trigger()
    qtbot.waitUntil(lambda: window.applications.last_pack is not None, timeout=30_000)
    assert disclosures(window.store) == before


def test_the_review_view_is_closed_to_an_officer(qtbot: QtBot, demo_store: Store) -> None:
    demo_store.role = Role.OFFICER
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    review_row = window.pages.indexOf(window.review_page)
    assert window.nav.item(review_row).isHidden()
    window.review_page.activate()
    assert window.review_page.model.rowCount() == 0
    assert "administrator" in window.review_page.message.text()
    # nor is it reached from the View menu or by its shortcut (Ctrl+7 had opened it)
    view = window.view_actions[review_row]
    assert not view.isVisible() and not view.isEnabled()
    view.trigger()
    window.go_to_view(review_row)
    assert window.pages.currentWidget() is not window.review_page


def test_a_bug_in_a_worker_is_logged_with_its_traceback(
    qtbot: QtBot, window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    from raptor_desktop.gui.workers import Task, start_worker

    def broken() -> None:
        raise RuntimeError("a mistake in the code")

    failures: list[str] = []
    task = Task(broken, "testing")
    task.failed.connect(failures.append)
    with caplog.at_level(logging.ERROR):
        start_worker(task, window)
        qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert "this is a bug" in failures[0] and "RuntimeError(" not in failures[0]
    assert any(r.exc_info and "a mistake in the code" in str(r.exc_info[1]) for r in caplog.records)


def test_workers_act_as_the_signed_in_officer(qtbot: QtBot, demo_store: Store) -> None:
    from raptor_desktop.gui.workers import Task, start_worker

    demo_store.actor, demo_store.role = "pc.jones", Role.SUPERVISOR
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    session = window.session
    seen: list[object] = []

    def who() -> tuple[str, Role]:
        with session.connect() as store:
            return store.actor, store.role

    task = Task(who, "testing")
    task.succeeded.connect(seen.append)
    start_worker(task, window)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [("pc.jones", Role.SUPERVISOR)]


def test_printing_from_the_preview_is_logged_as_a_disclosure(
    qtbot: QtBot, window: MainWindow, dialogs: list[QDialog], tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from raptor_desktop.gui.pack_dialog import PreviewDialog

    make_application(window.store)
    window.refresh()
    window.applications_page.table.selectRow(0)
    before = disclosures(window.store)
    previews: list[PreviewDialog] = []

    def to_file(printer: QPrinter) -> bool:
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return True

    def answer(dialog: QDialog) -> bool:
        if isinstance(dialog, DisclosureDialog):
            dialog.save()
            return dialog.result() == QDialog.DialogCode.Accepted
        if isinstance(dialog, PackDialog):
            dialog.choose_printer = to_file  # type: ignore[method-assign]
            dialog.preview()  # looked at, closed: nothing disclosed
            assert disclosures(window.store) == before
            dialog.preview()  # then printed from the preview's own button
            return True
        assert isinstance(dialog, PreviewDialog)
        previews.append(dialog)
        if len(previews) == 2:
            dialog.print_button.click()
        return False

    window.handle_dialog = answer  # type: ignore[attr-defined]
    window.pack_action.trigger()
    qtbot.waitUntil(lambda: window.applications.last_pack is not None, timeout=30_000)
    assert disclosures(window.store) == [*before, "hearing pack (printed)"]
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.qt_log_ignore("QPainter::begin", "QPrinter")
def test_a_print_that_fails_is_not_logged_as_a_disclosure(
    qtbot: QtBot, window: MainWindow, dialogs: list[QDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QMessageBox

    make_application(window.store)
    window.refresh()
    window.applications_page.table.selectRow(0)
    before = disclosures(window.store)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))

    def nowhere(printer: QPrinter) -> bool:
        printer.setOutputFileName("/no/such/folder/printed.pdf")
        return True

    def answer(dialog: QDialog) -> bool:
        if isinstance(dialog, DisclosureDialog):
            dialog.save()
            return dialog.result() == QDialog.DialogCode.Accepted
        assert isinstance(dialog, PackDialog)
        dialog.choose_printer = nowhere  # type: ignore[method-assign]
        assert dialog.print_pack() is False
        return True

    window.handle_dialog = answer  # type: ignore[attr-defined]
    window.pack_action.trigger()
    qtbot.waitUntil(lambda: window.applications.last_pack is not None, timeout=30_000)
    assert disclosures(window.store) == before
    assert warned and "nothing was printed" in warned[0]


def test_a_refusal_that_escapes_an_action_is_told_not_reported_as_a_bug(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from raptor_desktop.gui.app import _show_unexpected
    from raptor_desktop.store.errors import RecordNotFound

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    error = RecordNotFound("07700 900101 is not in the register")
    with caplog.at_level(logging.ERROR):
        _show_unexpected(RecordNotFound, error, None)
    assert told == ["07700 900101 is not in the register"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_viewing_a_number_an_application_and_a_list_is_logged(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    def consulted() -> list[tuple[str, str]]:
        return [
            tuple(r)
            for r in window.store.db.execute(
                "SELECT event, records FROM audit_log WHERE category = 'consultation' "
                "AND event != 'sign in' ORDER BY id"
            )
        ]

    first = consulted()
    assert ("list numbers", "13 numbers") in first  # the register as the window opened
    window.lines_page.table.selectRow(0)
    assert consulted()[len(first) :] == [("view number", "+447700900101")]
    reference = make_application(window.store)
    window.applications.open_editor(reference)
    assert consulted()[-1] == ("view application", reference)


def test_a_pack_with_gaps_lists_them_and_builds_only_as_a_draft(
    qtbot: QtBot, window: MainWindow, dialogs: list[QDialog]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from raptor_desktop.store.settings import set_network_address

    reference = make_application(window.store)
    set_network_address(window.store, "Vodafone", "")
    shown: list[str] = []

    def decline(dialog: QDialog) -> bool:
        assert isinstance(dialog, QMessageBox)
        shown.append(dialog.text())
        return False

    window.handle_dialog = decline  # type: ignore[attr-defined]
    assert window.applications.build_pack(reference) is None
    assert "the provider Vodafone has no address for service" in shown[0]
    assert "Settings → Networks" in shown[0]
    packs: list[PackDialog] = []

    def draft(dialog: QDialog) -> bool:
        if isinstance(dialog, PackDialog):
            packs.append(dialog)
        return True

    window.handle_dialog = draft  # type: ignore[attr-defined]
    window.applications.build_pack(reference)
    qtbot.waitUntil(lambda: bool(packs), timeout=30_000)
    assert packs[0].pack.draft and "DRAFT — NOT FOR SERVICE" in packs[0].summary.text()


def test_the_dispose_dialog_shows_its_whole_warning(qtbot: QtBot, demo_store: Store) -> None:
    from raptor_desktop.gui.review_page import ReviewDecisionDialog
    from raptor_desktop.store.retention import ReviewItem

    item = ReviewItem("line", 1, "Tony", date(2020, 1, 1), date(2026, 1, 1), 2)
    dialog = ReviewDecisionDialog(item, "dispose", demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    label = dialog.error
    assert "pseudonyms" in label.text()
    assert label.height() >= label.heightForWidth(label.width())  # no line of it cut off
