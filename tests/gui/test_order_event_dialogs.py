"""The dialogs that record what happens after an order: an earlier time agreed with a
provider (regulation 3(6)), and a carve-out with its written notice (regulation 3(3))."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtWidgets import QDialog

from raptor_desktop.core.applications import Outcome
from raptor_desktop.gui.application_dialogs import OutcomeDialog
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.widgets import pydate
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.outcomes import record_outcome
from tests.app_fixtures import HEARD_ON, heard_application


def test_the_earlier_time_dialog_records_an_agreement_and_its_day(window: MainWindow) -> None:
    from datetime import timedelta

    from PySide6.QtCore import QDateTime, QTime

    from raptor_desktop.gui.application_dialogs import EarlierTimeDialog
    from raptor_desktop.gui.widgets import qdate

    reference = heard_application(window.store)
    record_outcome(window.store, reference, "07700 900103", Outcome.MADE, HEARD_ON)
    case = load_case_file(window.store, reference)
    dialog = EarlierTimeDialog(window.store, reference, case, window)
    assert [dialog.number.itemText(i) for i in range(dialog.number.count())] == [
        "07700 900103 (Vodafone)"  # the one order made
    ]
    noon = QTime(12, 0)
    dialog.complies_by.setDateTime(QDateTime(qdate(HEARD_ON + timedelta(days=30)), noon))
    dialog.save()  # later than the order's time: refused, in the dialog
    assert "may agree only an earlier one" in dialog.error.text()
    dialog.complies_by.setDateTime(QDateTime(qdate(HEARD_ON + timedelta(days=1)), noon))
    dialog.agreed_on.setDate(qdate(HEARD_ON))
    dialog.save()
    [item] = [i for i in load_case_file(window.store, reference).items if i.e164.endswith("103")]
    assert item.agreed_on == HEARD_ON and item.agreed_deadline is not None


def test_the_earlier_time_dialog_suggests_a_time_before_the_chosen_order_s_own(
    window: MainWindow,
) -> None:
    """Its first guess is one the store accepts: before the order's time, for each number."""
    from datetime import datetime, timedelta

    from raptor_desktop.core.orders import DeadlineKind
    from raptor_desktop.gui.application_dialogs import EarlierTimeDialog
    from raptor_desktop.gui.widgets import qdate
    from raptor_desktop.store.outcomes import OrderTerms

    reference = heard_application(window.store)
    soon = datetime.combine(date.today() + timedelta(days=3), time(16, 0))
    later = datetime.combine(date.today() + timedelta(days=20), time(12, 0))
    for number, at in (("07700 900103", soon), ("07700 900113", later)):
        terms = OrderTerms(deadline_kind=DeadlineKind.COURT, deadline_at=at)
        record_outcome(window.store, reference, number, Outcome.MADE, HEARD_ON, terms)
    dialog = EarlierTimeDialog(window.store, reference, load_case_file(window.store, reference))
    shown = {}
    for index in range(dialog.number.count()):
        dialog.number.setCurrentIndex(index)
        shown[dialog.number.itemData(index)] = dialog.complies_by.dateTime().toPython()
    assert shown == {
        "+447700900103": soon - timedelta(days=1),
        "+447700900113": later - timedelta(days=1),
    }
    dialog.agreed_on.setDate(qdate(HEARD_ON))
    dialog.save()  # as suggested, for the number chosen last
    assert dialog.error.text() == ""
    [item] = [i for i in load_case_file(window.store, reference).items if i.e164.endswith("113")]
    assert item.agreed_deadline == later - timedelta(days=1)


def test_the_outcome_dialog_asks_how_a_carve_out_s_notice_went(window: MainWindow) -> None:
    """A carve-out ends the order from the time its written notice is given (regulation
    3(3)): the dialog asks how and when it went, and only for a carve-out."""
    from PySide6.QtCore import QTime

    reference = heard_application(window.store)
    record_outcome(window.store, reference, "07700 900103", Outcome.MADE, HEARD_ON)
    case = load_case_file(window.store, reference)
    item = next(i for i in case.items if i.display == "07700 900103")
    dialog = OutcomeDialog(window.store, reference, item, case.hearing_date, window)
    assert not dialog.notice.method.isVisibleTo(dialog)  # an order made has no notice
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.CARVED_OUT.value))
    assert dialog.notice.method.isVisibleTo(dialog)
    assert dialog.form.labelForField(dialog.on).text() == "&Day the notice went"
    assert pydate(dialog.on.date()) == date.today()
    dialog.save()
    assert "record how and when that notice went" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.notice.method.setCurrentText("By email")
    assert dialog.notice.to.text() == "orders@vodafone.example"
    dialog.notice.at.setTime(QTime(0, 0))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [carved] = [i for i in load_case_file(window.store, reference).items if i.e164 == item.e164]
    assert carved.carved_out_on == date.today() and carved.carve_out_notice is not None
    assert carved.carve_out_notice.at == time(0, 0)
    assert carved.carve_out_notice.to == "orders@vodafone.example"
