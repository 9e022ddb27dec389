"""The officer's profile in the window, and messages shown as sentences in words."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.applications import Outcome
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.message_label import MessageLabel
from raptor_desktop.gui.profile_dialog import ProfileDialog
from raptor_desktop.store.accounts import add_user
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.outcomes import record_outcome
from raptor_desktop.store.profiles import officer_profile
from tests.app_fixtures import HEARD_ON, heard_application, make_application


@pytest.fixture
def account(window: MainWindow) -> MainWindow:
    """The window's officer ("tester") with an account to keep a profile on."""
    add_user(window.store, "tester", "", Role.ADMINISTRATOR, "a long enough password")
    return window


def test_the_profile_dialog_keeps_the_officers_details(
    account: MainWindow, dialogs: list[QDialog]
) -> None:
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ProfileDialog)
        dialog.save()  # no name yet: refused in the dialog, in a sentence
        assert dialog.error.text() == "Give your name as it goes on a witness statement."
        dialog.name.setText("DS Rachel Carter")
        dialog.collar.setText("71234")
        dialog.address.setPlainText("Grays Police Station\nOrsett Road\nGrays RM17 5DD")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    account.handle_dialog = fill  # type: ignore[attr-defined]
    account.profile_action.trigger()
    profile = officer_profile(account.store)
    assert profile.described() == "Detective Sergeant Rachel Carter (71234)"
    assert profile.work_address == "Grays Police Station, Orsett Road, Grays RM17 5DD"
    assert "Detective Sergeant Rachel Carter (71234)" in account.statusBar().currentMessage()


def test_a_new_application_is_filled_in_from_the_profile(
    account: MainWindow, dialogs: list[QDialog]
) -> None:
    from raptor_desktop.core.applications import Officer
    from raptor_desktop.store.profiles import save_officer_profile

    save_officer_profile(account.store, Officer("Rachel Carter", "Detective Constable", "71234"))
    account.new_application_action.trigger()
    [editor] = account.applications.editors.values()
    assert (editor.applicant_name.text(), editor.applicant_collar.text()) == (
        "Rachel Carter",
        "71234",
    )
    assert load_case_file(account.store, editor.reference).applicant.collar == "71234"
    other = account.applications.open_editor(make_application(account.store))
    other.applicant_name.setText("Somebody Else")
    other.fill_in_from_profile()
    assert other.applicant_name.text() == "Rachel Carter" and other.unsaved()
    assert other.save()


def test_fill_in_from_an_empty_profile_says_where_to_fill_it(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    editor = window.applications.open_editor(make_application(window.store))
    editor.fill_in_from_profile()
    assert "File → My officer profile…" in editor.error.text()


def test_a_refusal_is_shown_as_a_sentence() -> None:
    label = MessageLabel()
    label.show_error("the end date asked for must be after the hearing")
    assert label.text() == "The end date asked for must be after the hearing."
    label.show_error("no order has been made yet on EE")  # capitals inside are kept
    assert label.text() == "No order has been made yet on EE."


def test_confirming_a_disconnection_refuses_a_bad_date_in_words(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = heard_application(window.store)
    record_outcome(window.store, reference, "07700 900103", Outcome.MADE, HEARD_ON)
    window.refresh()
    page = window.orders_page
    page.table.clearSelection()
    page.confirm_button.click()
    assert window.statusBar().currentMessage() == "Select an order first."
    row = next(
        r for r in range(page.model.rowCount()) if page.model.order(r).reference == reference
    )
    page.table.selectRow(row)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    for typed in ("31/02/2026", "soon"):
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, t=typed, **k: (t, True))
        page.confirm_button.click()
    assert warned[0] == "'31/02/2026' is not a date: February 2026 has 28 days."
    assert warned[1].startswith("'soon' is not a date: write it as dd/mm/yyyy")
    assert not any("out of range" in w or "invalid literal" in w for w in warned)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("01/12/2026", True))
    page.confirm_button.click()
    assert len(warned) == 2
    assert page.model.order(row).confirmed_on == date(2026, 12, 1)


def test_a_warning_box_shows_a_sentence(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Thurrock", True))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    window.add_area_action.trigger()  # Thurrock is already an area
    [message] = warned
    assert message[0].isupper() and message.endswith("."), message
