"""Recording the court's outcomes: their dates, corrections of them, and numbers that are in
more than one application (a renewal of an order, a slip that put a number in two)."""

from __future__ import annotations

from datetime import date

import pytest

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.statuses import Status
from raptor_desktop.store.applications import (
    add_numbers,
    create_application,
    save_details,
    set_item,
    submit,
)
from raptor_desktop.store.audit import entries
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import Conflict
from raptor_desktop.store.lines import find_number
from raptor_desktop.store.orders import confirm_disconnection, current_warnings, list_orders, renew
from raptor_desktop.store.outcomes import record_outcome
from tests.app_fixtures import carve_out, details, make_application

HEARD = date(2026, 12, 10)  # the fixtures' hearing


def status_of(store: Store, number: str) -> Status:
    return find_number(store, number).status


def submitted(store: Store) -> str:
    reference = make_application(store)
    for number in ("07700 900103", "07700 900113", "07700 900114"):
        set_item(store, reference, number, "EE", "test purchases")
    submit(store, reference)
    return reference


def renewal_goes_in(store: Store, renewal: str) -> None:
    save_details(store, renewal, details(hearing_date=date(2026, 12, 17)))
    set_item(store, renewal, "07700 900103", "EE", "still in use by the same line")
    submit(store, renewal)


def log_size(store: Store) -> int:
    return store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]


@pytest.mark.usefixtures("after_the_hearings")
def test_an_outcome_dated_before_the_hearing_or_the_authority_is_refused(
    demo_store: Store,
) -> None:
    """An order recorded as made on 9 December, the day before the hearing it was made at
    (and one dated before the superintendent authorised the application), was accepted."""
    reference = submitted(demo_store)
    before = log_size(demo_store)
    with pytest.raises(InputRejected, match="07700 900103: .* before the hearing listed for"):
        record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, date(2026, 12, 9))
    with pytest.raises(InputRejected, match="before the application was authorised"):
        record_outcome(demo_store, reference, "07700 900103", Outcome.REFUSED, date(2026, 11, 1))
    assert log_size(demo_store) == before
    assert status_of(demo_store, "07700 900103") is Status.IN_APPLICATION
    assert not [o for o in list_orders(demo_store) if o.reference == reference]
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, HEARD)


@pytest.mark.usefixtures("after_the_hearings")
def test_changing_a_made_order_to_refused_is_a_correction_that_takes_the_order_away(
    demo_store: Store,
) -> None:
    """Recording 'refused' over 'made' needed no reason and left the order standing: its
    compliance warnings, its place in the orders list and the Type 2 count went on."""
    reference = submitted(demo_store)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, HEARD)
    with pytest.raises(Conflict, match="07700 900103 .* made .* give the reason"):
        record_outcome(demo_store, reference, "07700 900103", Outcome.REFUSED, HEARD)
    assert status_of(demo_store, "07700 900103") is Status.ORDER_MADE
    record_outcome(
        demo_store,
        reference,
        "07700 900103",
        Outcome.REFUSED,
        HEARD,
        amendment="recorded against the wrong number: the court refused it",
    )
    assert status_of(demo_store, "07700 900103") is Status.REFUSED
    assert not [o for o in list_orders(demo_store) if o.reference == reference]
    assert not [w for w in current_warnings(demo_store, HEARD) if "07700 900103" in w]
    entry = entries(demo_store)[-1]
    assert (entry.event, entry.justification) == (
        "correct outcome",
        "recorded against the wrong number: the court refused it",
    )


@pytest.mark.usefixtures("after_the_hearings")
def test_an_order_the_provider_has_complied_with_cannot_be_recorded_as_refused(
    demo_store: Store,
) -> None:
    reference = submitted(demo_store)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, HEARD)
    confirm_disconnection(demo_store, reference, "07700 900103", date(2026, 12, 14))
    with pytest.raises(Conflict, match="confirmed the disconnection on 14/12/2026"):
        record_outcome(
            demo_store, reference, "07700 900103", Outcome.REFUSED, HEARD, amendment="mistake"
        )
    assert [o.number for o in list_orders(demo_store) if o.reference == reference]


@pytest.mark.usefixtures("after_the_hearings")
def test_a_carve_out_and_an_adjourned_item_decided_need_no_reason(demo_store: Store) -> None:
    reference = submitted(demo_store)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, HEARD)
    carve_out(demo_store, reference, "07700 900103", date(2026, 12, 20))
    record_outcome(demo_store, reference, "07700 900114", Outcome.ADJOURNED, HEARD)
    record_outcome(demo_store, reference, "07700 900114", Outcome.MADE, date(2026, 12, 17))
    assert status_of(demo_store, "07700 900114") is Status.ORDER_MADE
    assert {e.event for e in entries(demo_store)[-4:]} == {"record outcome"}


def test_a_number_awaiting_the_court_in_one_application_cannot_go_in_another(
    demo_store: Store,
) -> None:
    """A number in a submitted application was added to a second draft, and could then be
    submitted twice: two applications for one line, and two orders for it."""
    first = submitted(demo_store)
    second = create_application(demo_store, details(), ["07700 900109"])
    with pytest.raises(Conflict, match=f"07700 900103 is already in {first}"):
        add_numbers(demo_store, second, ["07700 900103"])
    with pytest.raises(Conflict, match=f"07700 900113 is already in {first}"):
        create_application(demo_store, details(), ["07700 900113"])
    numbers = demo_store.db.execute(
        "SELECT COUNT(*) FROM application_numbers an JOIN numbers n ON n.id = an.number_id "
        "WHERE n.e164 IN ('+447700900103', '+447700900113')"
    ).fetchone()[0]
    assert numbers == 2


@pytest.mark.usefixtures("after_the_hearings")
def test_a_renewal_goes_in_and_its_order_keeps_a_cut_off_number_disconnected(
    demo_store: Store,
) -> None:
    """A renewal named numbers under an order, which submit refused as 'not ready'; an order
    made on it then moved a disconnected number back to 'order made'."""
    first = submitted(demo_store)
    record_outcome(demo_store, first, "07700 900103", Outcome.MADE, HEARD)
    confirm_disconnection(demo_store, first, "07700 900103", date(2026, 12, 12))
    renewal = renew(demo_store, first)
    renewal_goes_in(demo_store, renewal)
    assert status_of(demo_store, "07700 900103") is Status.DISCONNECTED
    record_outcome(demo_store, renewal, "07700 900103", Outcome.MADE, date(2026, 12, 17))
    assert status_of(demo_store, "07700 900103") is Status.DISCONNECTED


@pytest.mark.usefixtures("after_the_hearings")
def test_a_refused_renewal_leaves_the_order_in_force_and_its_status(demo_store: Store) -> None:
    first = submitted(demo_store)
    record_outcome(demo_store, first, "07700 900103", Outcome.MADE, HEARD)
    renewal = renew(demo_store, first)
    renewal_goes_in(demo_store, renewal)
    record_outcome(demo_store, renewal, "07700 900103", Outcome.REFUSED, date(2026, 12, 17))
    assert status_of(demo_store, "07700 900103") is Status.ORDER_MADE
    assert [o.reference for o in list_orders(demo_store) if o.number == "07700 900103"] == [first]


@pytest.mark.usefixtures("after_the_hearings")
def test_a_carved_out_order_keeps_its_terms_and_raises_no_warnings(demo_store: Store) -> None:
    """A carve-out overwrote the order's end with its own date, so the order's term was lost,
    and the order then warned 'renew or extend it' and 'compliance deadline passed' about an
    item the applicant had found was not used for drug dealing."""
    from raptor_desktop.store.case_file import load_case_file
    from raptor_desktop.store.outcomes import OrderTerms

    reference = submitted(demo_store)
    from raptor_desktop.core.orders import Duration

    terms = OrderTerms(Duration(months=6))
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, HEARD, terms)
    carve_out(demo_store, reference, "07700 900103", date(2026, 12, 20))
    [order] = [o for o in list_orders(demo_store) if o.reference == reference]
    assert order.duration == Duration(months=6) and order.carved_out == date(2026, 12, 20)
    assert order.term == "carved out on 20/12/2026 (regulation 3(3)); made for 6 months"
    for day in (date(2026, 12, 21), date(2027, 5, 20)):  # deadline passed; end near
        assert not [w for w in current_warnings(demo_store, day) if "07700 900103" in w]
    item = next(
        i
        for i in load_case_file(demo_store, reference, check_files=False).items
        if i.display == "07700 900103"
    )
    assert item.order_duration == Duration(months=6) and item.carved_out_on == date(2026, 12, 20)


def test_taking_out_a_number_the_application_does_not_have_is_refused(demo_store: Store) -> None:
    """remove-number said 'removed' of a number that was never in the application."""
    from raptor_desktop.store.applications import remove_number
    from raptor_desktop.store.errors import RecordNotFound

    reference = make_application(demo_store)
    before = log_size(demo_store)
    with pytest.raises(RecordNotFound, match=f"07700 900109 is not in {reference}"):
        remove_number(demo_store, reference, "07700 900109")
    assert log_size(demo_store) == before


@pytest.mark.usefixtures("after_the_hearings")
def test_a_carved_out_number_is_one_the_order_ceased_to_apply_to_not_withdrawn(
    demo_store: Store,
) -> None:
    """A carve-out (reg 3(3)) is the applicant's discovery after an order that the item is not
    used for drug dealing: the register had called it "withdrawn", as if the applicant had
    dropped it before the court decided."""
    from raptor_desktop.core.statuses import check_move

    reference = submitted(demo_store)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, HEARD)
    carve_out(demo_store, reference, "07700 900103", date(2026, 12, 20))
    assert status_of(demo_store, "07700 900103") is Status.ORDER_CEASED
    assert Status.ORDER_CEASED.value == "order ceased to apply"
    history = demo_store.db.execute(
        "SELECT sc.to_status, sc.note FROM status_changes sc JOIN numbers n ON n.id = sc.number_id "
        "WHERE n.e164 = '+447700900103' ORDER BY sc.id DESC LIMIT 1"
    ).fetchone()
    assert history == ("order ceased to apply", f"{reference}: carved out on 2026-12-20")
    # found in use for dealing again, it goes back to gathering evidence, never to an order
    check_move(Status.ORDER_CEASED, Status.GATHERING_EVIDENCE)
    with pytest.raises(InputRejected):
        check_move(Status.ORDER_CEASED, Status.ORDER_MADE)
