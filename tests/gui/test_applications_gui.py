from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.statuses import Status
from raptor_desktop.core.working_days import add_working_days
from raptor_desktop.gui.application_dialogs import OutcomeDialog
from raptor_desktop.gui.application_editor import ApplicationEditor
from raptor_desktop.gui.application_items import ItemsModel
from raptor_desktop.gui.applications_page import ApplicationsTableModel
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.orders_page import OrdersTableModel
from raptor_desktop.gui.pack_dialog import PackDialog
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.gui.widgets import pydate, qdate
from raptor_desktop.store.applications import save_details, submit
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.line_query import LineFilter, list_numbers
from raptor_desktop.store.lines import find_number
from raptor_desktop.store.outcomes import record_outcome
from tests.app_fixtures import HEARD_ON, details, heard_application, make_application
from tests.gui.conftest import make_window
from tests.registers import raw_connection


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, demo_store: Store) -> None:
    reference = heard_application(demo_store)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, HEARD_ON)
    qtmodeltester.check(ApplicationsTableModel(demo_store))
    qtmodeltester.check(OrdersTableModel(demo_store))
    case = load_case_file(demo_store, reference)
    qtmodeltester.check(ItemsModel(list(case.items), True, lambda *a: None))


def test_add_selected_lines_to_a_new_application(
    window: MainWindow, dialogs: list[QDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.lines_page
    for text in ("Dee", "Zee"):
        number_id = int(list_numbers(window.store, LineFilter(text=text))[0]["id"])
        row = page.model.row_of(number_id)
        assert row is not None
        page.table.selectionModel().select(
            page.model.index(row, 0),
            page.table.selectionModel().SelectionFlag.Select
            | page.table.selectionModel().SelectionFlag.Rows,
        )
    assert page.selected_numbers() == ["+447700900103", "+447700900113"]
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("New application", True))

    window.to_application_action.trigger()
    [dialog] = window.applications.editors.values()
    dialog.applicant_name.setText("Rachel Carter")
    dialog.applicant_rank.setCurrentText("Detective Constable")
    dialog.applicant_collar.setText("71234")
    dialog.applicant_address.setText("Grays Police Station, Orsett Road, Grays RM17 5DD")
    dialog.statement_signed.setChecked(True)
    dialog.hearing_known.setChecked(True)
    sitting = add_working_days(date.today(), 1)  # today may be a day the court does not sit
    dialog.hearing_date.setDate(qdate(sitting))
    dialog.authoriser_name.setText("Ann Lee")
    dialog.authoriser_rank.setCurrentText("Inspector")
    dialog.authorised.setChecked(True)
    dialog.submit()
    assert "below superintendent" in dialog.error.text()
    assert "\n• The authorising officer's rank (Inspector)" in dialog.error.text()  # a list
    assert "\n    To put right: the application's Officers tab" in dialog.error.text()  # where
    dialog.authoriser_rank.setCurrentText("Chief Superintendent")
    dialog.submit()
    assert "collar number is not recorded" in dialog.error.text()
    dialog.authoriser_collar.setText("1102")
    dialog.submit()
    assert "marked submitted" in dialog.error.text(), dialog.error.text()
    dialog.close()
    reference = dialog.reference
    assert find_number(window.store, "07700 900103").status is Status.IN_APPLICATION
    model = window.applications_page.model
    assert reference in [model.reference(row) for row in range(model.rowCount())]


def test_outcome_dialog_makes_an_order(window: MainWindow, dialogs: list[QDialog]) -> None:
    reference = heard_application(window.store)
    case = load_case_file(window.store, reference)
    dialog = OutcomeDialog(window.store, reference, case.items[0], case.hearing_date, window)
    assert pydate(dialog.on.date()) == case.hearing_date  # held: its day, not today's
    assert not dialog.reason.isVisibleTo(dialog)  # nothing recorded yet to correct
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.MADE.value))
    dialog.duration.setCurrentIndex(2)
    dialog.months.setValue(6)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    window.refresh()
    model = window.orders_page.model
    [order] = [
        model.order(row)
        for row in range(model.rowCount())
        if model.order(row).reference == reference
    ]
    assert order.duration.months == 6


def test_the_judge_is_given_with_the_order_and_named_later_without_changing_it(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    from raptor_desktop.gui.application_dialogs import JudgeDialog

    reference = heard_application(window.store)
    case = load_case_file(window.store, reference)
    dialog = OutcomeDialog(window.store, reference, case.items[0], case.hearing_date, window)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.REFUSED.value))
    assert not dialog.judge.isEnabled()  # no order: no judge to name
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.MADE.value))
    assert dialog.judge.isEnabled()
    dialog.judge.setText("District Judge Patel")
    dialog.save()
    case = load_case_file(window.store, reference)
    assert case.judge_on(HEARD_ON) == "District Judge Patel"
    deadline = case.items[0].order_deadline
    judge = JudgeDialog(window.store, reference, case, window)
    assert judge.judge.text() == "District Judge Patel"  # what is recorded, to correct
    assert judge.made_on.currentText() == "Order made on 30 November 2026"
    judge.judge.setText("Deputy District Judge Moss")
    judge.save()
    assert judge.result() == QDialog.DialogCode.Accepted
    case = load_case_file(window.store, reference)
    assert case.judge_on(HEARD_ON) == "Deputy District Judge Moss"
    assert case.items[0].order_deadline == deadline


def test_correcting_an_outcome_in_the_window_asks_its_reason(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    """'Refused' over an order made went in with no reason and left the order standing."""
    reference = heard_application(window.store)
    record_outcome(window.store, reference, "07700 900103", Outcome.MADE, HEARD_ON)
    case = load_case_file(window.store, reference)
    item = next(i for i in case.items if i.display == "07700 900103")
    dialog = OutcomeDialog(window.store, reference, item, case.hearing_date, window)
    assert dialog.outcome.currentData() == Outcome.MADE.value  # what the record says now
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.REFUSED.value))
    assert dialog.reason.isVisibleTo(dialog)
    dialog.save()
    assert "give the reason" in dialog.error.text()
    dialog.reason.setText("entered against the wrong number")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert find_number(window.store, "07700 900103").status is Status.REFUSED
    dialog = OutcomeDialog(window.store, reference, item, case.hearing_date, window)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.CARVED_OUT.value))
    assert not dialog.reason.isVisibleTo(dialog)  # reg 3(3): the order's own next step
    # an adjourned item is decided at the hearing it waits for, not on its adjournment's day
    record_outcome(window.store, reference, "07700 900113", Outcome.ADJOURNED, date(2026, 11, 30))
    relisted = date(2026, 12, 1)
    save_details(window.store, reference, details(hearing_date=relisted), "adjourned")
    case = load_case_file(window.store, reference)
    adjourned = next(i for i in case.items if i.display == "07700 900113")
    dialog = OutcomeDialog(window.store, reference, adjourned, case.hearing_date, window)
    assert pydate(dialog.on.date()) == relisted


def test_an_adjourned_item_says_where_its_new_hearing_goes(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    """An item adjourned had left the officer nowhere to put the hearing it waits for."""
    reference = heard_application(window.store)
    editor = ApplicationEditor(window.store, reference, window.run_dialog, window)

    def adjourn(dialog: QDialog) -> bool:
        assert isinstance(dialog, OutcomeDialog)
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.ADJOURNED.value))
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = adjourn  # type: ignore[attr-defined]
    editor.items_view.selectRow(0)
    editor.record_outcome()
    said = editor.error.text()
    assert ": adjourned; when the court gives the date the adjourned hearing is listed" in said
    assert "its Details tab" in said and f"edit-application {reference} --hearing DATE" in said


def test_letter_sent_dialog_dates_the_letter_and_says_how_it_went(window: MainWindow) -> None:
    from PySide6.QtCore import QDate, QTime

    from raptor_desktop.core.deemed_service import Sending, SendingMethod
    from raptor_desktop.core.demo_scenario import training_network
    from raptor_desktop.gui.application_dialogs import LetterSentDialog

    reference = heard_application(window.store)
    record_outcome(window.store, reference, "07700 900103", Outcome.MADE, HEARD_ON)
    providers = load_case_file(window.store, reference).respondents()
    dialog = LetterSentDialog(window.store, reference, providers, window)
    dialog.provider.setCurrentText("Three")
    dialog.sent_on.setDate(QDate(2026, 12, 1))
    dialog.save()  # how it went is asked, not assumed
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Choose how the letter went" in dialog.error.text()
    dialog.sending.method.setCurrentText("By first class post")
    assert not dialog.sending.at.isEnabled()  # by post the time plays no part
    dialog.save()  # no order yet on Three's item: refused, with the reason in the dialog
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "no order has been made yet on Three" in dialog.error.text()
    assert (
        dialog.sending.to.text()
        == "Law Enforcement Liaison Team, Three, 1 Training Way, Exampleton EX1 1AA"
    )
    dialog.sending.method.setCurrentText(
        "By fax"
    )  # no fax number agreed: the dialog says so at once
    assert "only once it has said in writing" in dialog.sending.to.text()
    dialog.provider.setCurrentText("Vodafone")
    dialog.sending.method.setCurrentText("By email")
    assert dialog.sending.to.text() == "orders@vodafone.example"  # where it goes
    assert dialog.sending.at.isEnabled()
    dialog.sending.at.setTime(QTime(16, 45))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_case_file(window.store, reference).letters_sent == {
        "Vodafone": Sending(
            date(2026, 12, 1),
            SendingMethod.EMAIL,
            time(16, 45),
            "orders@vodafone.example",  # the address Vodafone gave in writing (the demo's)
            training_network("Vodafone")["service_email_agreed"],  # and where it did
        )
    }


def save_the_pack(dialog: QDialog) -> bool:
    """Answer the pack's dialogs: save it, to the court (the disclosure's default recipient)."""
    if isinstance(dialog, DisclosureDialog):
        assert dialog.recipient.text() == "County Court at Clerkenwell and Shoreditch"
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted
    assert isinstance(dialog, PackDialog)
    dialog.save()
    return True


def test_hearing_pack_from_the_window(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: list[QDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_application(window.store)
    window.refresh()
    window.applications_page.table.selectRow(0)
    target = tmp_path / "pack.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    window.handle_dialog = save_the_pack  # type: ignore[attr-defined]
    window.pack_action.trigger()
    qtbot.waitUntil(lambda: window.applications.last_pack is not None, timeout=30_000)
    assert any(isinstance(d, PackDialog) for d in dialogs)
    assert target.read_bytes().startswith(b"%PDF")
    [disclosure] = entries(window.store, AuditFilter(category="disclosure"))
    assert disclosure.recipient == "County Court at Clerkenwell and Shoreditch"
    assert disclosure.justification == "hearing bundle for the DDTRO application"


def test_supplementary_bundle_from_the_window(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: list[QDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from raptor_desktop.services.disclosure import Recipient
    from raptor_desktop.services.packs import build_pack, save_pack
    from raptor_desktop.store.applications import application_id
    from raptor_desktop.store.exhibits import NewExhibit, add_exhibit

    reference = make_application(window.store)
    court = Recipient("County Court at Clerkenwell and Shoreditch", "hearing bundle")
    [served] = save_pack(
        window.store, build_pack(window.session, reference), tmp_path / "served.pdf", court
    )
    add_exhibit(
        window.store,
        application_id(window.store, reference),
        NewExhibit("RC", "Late call data", date(2026, 11, 28), ("07700 900103",)),
    )
    window.refresh()
    row = next(
        r
        for r in range(window.applications_page.model.rowCount())
        if window.applications_page.model.reference(r) == reference
    )
    window.applications_page.table.selectRow(row)
    target = tmp_path / "supplemented.pdf"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(served), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    window.handle_dialog = save_the_pack  # type: ignore[attr-defined]
    window.applications_page.supplement_button.click()
    qtbot.waitUntil(target.exists, timeout=30_000)
    assert target.read_bytes().startswith(served.read_bytes())
    assert "RC/3" in PdfReader(target).pages[-1].extract_text()


def test_pack_with_a_damaged_attachment_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    icon = Path(__file__).parents[2] / "resources" / "icons" / "raptor.png"
    reference = make_application(window.store, attach=icon)
    from raptor_desktop.store.exhibits import attachment_dir

    for stored in attachment_dir(window.store).iterdir():
        stored.write_bytes(b"not the exhibit")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    window.applications.build_pack(reference)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "has changed since it was added" in shown[0]


@pytest.mark.usefixtures("after_the_hearings")
def test_warnings_shown_on_opening(window: MainWindow, dialogs: list[QDialog]) -> None:
    demo = window.applications.show_warnings()  # the demo's own: re-emergence, review, deadline
    assert not any("900103" in w for w in demo)
    reference = make_application(window.store)
    submit(window.store, reference)
    record_outcome(window.store, reference, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    found = window.applications.show_warnings()
    [new] = [w for w in found if w not in demo]
    assert "07700 900103" in new and "deadline passed" in new
    assert isinstance(dialogs[-1], QMessageBox)


def test_settings_dialog(window: MainWindow, dialogs: list[QDialog]) -> None:
    from raptor_desktop.gui.settings_dialog import SettingsDialog
    from raptor_desktop.store.calendar import bank_holidays
    from raptor_desktop.store.settings import (
        PROTECTIVE_MARKING,
        RECONTACT_DAYS,
        REVIEW_YEARS,
        get_int,
        get_text,
        networks,
    )

    def change(dialog: QDialog) -> bool:
        assert isinstance(dialog, SettingsDialog)
        assert dialog.recontact_days.value() == 90
        dialog.marking.setCurrentText("OFFICIAL")
        dialog.recontact_days.setValue(120)
        dialog.review_years.setValue(7)
        dialog.save()
        dialog.day.setDate(dialog.day.date().fromString("24/12/2026", "dd/MM/yyyy"))
        dialog.change_holiday("add")
        dialog.network.setText("Lebara")
        dialog.host.setText("Vodafone")
        dialog.set_network()
        return True

    window.handle_dialog = change  # type: ignore[attr-defined]
    window.settings_action.trigger()
    assert get_text(window.store, PROTECTIVE_MARKING) == "OFFICIAL"
    assert (get_int(window.store, RECONTACT_DAYS), get_int(window.store, REVIEW_YEARS)) == (120, 7)
    assert bank_holidays(window.store).is_holiday(date(2026, 12, 24))
    assert ("Lebara", "Vodafone") in networks(window.store)


def test_the_check_on_opening_runs_in_the_background(qtbot: QtBot, window: MainWindow) -> None:
    window.applications.check_integrity()
    qtbot.waitUntil(lambda: window.applications.integrity_problem is not None, timeout=10_000)
    assert window.applications.integrity_problem == ""
    assert "checked: sound" in window.statusBar().currentMessage()


def test_a_damaged_log_is_reported_on_opening(
    qtbot: QtBot, window: MainWindow, dialogs: list[QDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    other = raw_connection(window.store.path)
    other.executescript(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET user = 'someone' WHERE id = 2;"
    )
    other.close()
    window.applications.check_integrity()
    qtbot.waitUntil(lambda: window.applications.integrity_problem is not None, timeout=10_000)
    assert "audit entry 2: its content was altered" in str(window.applications.integrity_problem)
    box = dialogs[-1]
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Integrity check failed"
    assert "trigger audit_log_no_update missing" in str(window.applications.integrity_problem)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    window.close()  # the automatic backup on closing is refused, and says why
    assert warned and "trigger audit_log_no_update missing" in warned[0]


def test_a_draft_is_deleted_from_the_applications_view(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    reference = make_application(window.store)
    page = window.applications_page
    page.model.refresh()
    page.select_reference(reference)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_button.click()
    assert reference not in [page.model.reference(r) for r in range(page.model.rowCount())]
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    page.select_reference("RAP-2026-001")  # heard: never deleted
    page.delete_button.click()
    assert warned and "only a draft can be changed" in warned[0]


def test_numbers_are_added_from_the_register_and_grounds_written_in_an_editor(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    from raptor_desktop.gui.application_numbers import AddNumbersDialog, GroundsDialog

    reference = make_application(window.store)
    editor = ApplicationEditor(window.store, reference, window.run_dialog, window)

    def answer(dialog: QDialog) -> bool:
        if isinstance(dialog, AddNumbersDialog):
            dialog.search.setText("Milly")
            assert dialog.found.count() == 1
            dialog.found.item(0).setCheckState(Qt.CheckState.Checked)
            dialog.save()
        elif isinstance(dialog, GroundsDialog):
            dialog.text.setPlainText("Marketing texts from this number on 3 and 5 November.")
            dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = answer  # type: ignore[attr-defined]
    editor.add_numbers()
    assert "07700 900105" in [i.display for i in editor.case.items]
    editor.items_view.selectRow([i.display for i in editor.case.items].index("07700 900105"))
    editor.edit_grounds()
    [milly] = [i for i in editor.case.items if i.display == "07700 900105"]
    assert milly.grounds == "Marketing texts from this number on 3 and 5 November."


def test_the_orders_view_is_logged_when_shown_not_while_hidden(
    qtbot: QtBot, demo_store: Store
) -> None:
    """The window keeps every view current: reading orders for a hidden view shows nobody
    anything, and showing them is a consultation (numbers, lines, deadlines)."""
    window = make_window(qtbot, demo_store)
    window.show()

    def listed() -> int:
        return sum(e.event == "list orders" for e in entries(demo_store, AuditFilter()))

    before = listed()
    window.refresh()
    assert listed() == before  # the Orders view not shown
    window.show_page(window.orders_page)
    qtbot.waitUntil(lambda: listed() == before + 1)
    assert window.orders_page.model.rowCount() > 0


def test_one_pack_at_a_time_and_its_progress_stays_until_it_is_done(
    qtbot: QtBot, window: MainWindow, dialogs: list[QDialog]
) -> None:
    """The pack's last step (putting the bundle together) reports no progress of its own: the
    dialog stays up through it, and a second build is not started behind the first."""
    from raptor_desktop.gui.pack_dialog import PackDialog

    reference = make_application(window.store)
    window.handle_dialog = lambda dialog: True  # type: ignore[attr-defined]  # the gaps: a draft
    assert window.applications.build_pack(reference) is not None
    assert window.applications.build_pack("RAP-2026-001") is None
    assert "still being built" in window.statusBar().currentMessage()
    progress = window.applications._progress
    progress.show()  # as it is once the build takes longer than its minimum duration
    assert not progress.autoReset()
    qtbot.waitUntil(lambda: any(isinstance(d, PackDialog) for d in dialogs), timeout=60_000)
    assert not window.applications.building() and not progress.isVisible()


def test_the_pack_ready_dialog_shows_all_of_its_summary(qtbot: QtBot, window: MainWindow) -> None:
    """A long file name wraps the summary onto a second line, which must not be cut off."""
    from raptor_desktop.services.packs import build_pack

    dialog = PackDialog(build_pack(window.session, "RAP-2026-003"), window.store, lambda d: False)
    qtbot.addWidget(dialog)
    dialog.show()
    label = dialog.summary
    assert "documents" in label.text()
    assert label.height() >= label.heightForWidth(label.width())


def test_the_pack_ready_dialog_says_where_the_order_goes_once_a_bundle_was_served(
    qtbot: QtBot, window: MainWindow
) -> None:
    """After the order, a whole pack renumbers the served bundle: the dialog says so, and
    points to the supplement (the services layer writes the note; the dialog shows it)."""
    from dataclasses import replace

    from raptor_desktop.services.packs import build_pack

    pack = build_pack(window.session, "RAP-2026-003")
    note = "served.pdf is the bundle served. This pack renumbers its pages"
    dialog = PackDialog(replace(pack, cautions=(note,)), window.store, lambda d: False)
    qtbot.addWidget(dialog)
    assert f"<p>{note}.</p>" in dialog.summary.text()
