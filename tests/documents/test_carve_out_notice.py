"""A carve-out (regulation 3(3)) takes effect from the time the Applicant gives the provider
written notice: how, when and where that notice went is recorded, and the note says it.

Before schema v24 only the day was kept, and the note said "gave notice" with no time or way.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.case_file import CaseFile, CaseItem
from raptor_desktop.core.deemed_service import Sending, SendingMethod
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.documents.order_doc import CARVE_OUT_CLAUSE
from raptor_desktop.documents.order_note import recorded_events
from raptor_desktop.store.audit import entries
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.outcomes import record_outcome
from tests.documents.test_court_documents import section_text
from tests.documents.test_order_as_made import HEARD, NOTE, NOTED, _section

CARVED = date(2026, 12, 15)  # a Tuesday


def _carve_out(store: Store, reference: str, notice: Sending | None) -> None:
    record_outcome(store, reference, "07700 900103", Outcome.CARVED_OUT, CARVED, notice=notice)


def _item(store: Store, reference: str) -> tuple[CaseItem, CaseFile]:
    case = load_case_file(store, reference, prepared_on=NOTED)
    return next(i for i in case.items if i.e164.endswith("900103")), case


@pytest.mark.usefixtures("after_the_hearings")
def test_a_carve_out_by_email_keeps_when_and_where_its_notice_went(
    demo_store: Store, ordered: str
) -> None:
    _carve_out(demo_store, ordered, Sending(CARVED, SendingMethod.EMAIL, time(10, 15)))
    item, case = _item(demo_store, ordered)
    assert item.carved_out_on == CARVED
    notice = item.carve_out_notice
    assert notice is not None
    assert (notice.method, notice.at, notice.to) == (
        SendingMethod.EMAIL,
        time(10, 15),
        "orders@vodafone.example",
    )
    assert "letter of 5 January 2026" in notice.under  # Vodafone's agreement to email
    [event] = [e for e in recorded_events(case) if "Item 3" in e]
    assert event.startswith(
        "15 December 2026 — Item 3: 07700 900103: the Applicant, having discovered "
        "that it was not being used in connection with drug dealing offences, gave written "
        "notice of that to Vodafone by email to orders@vodafone.example at 10:15. "
    )
    assert event.endswith(
        "The notice is deemed given on 15 December 2026 (CPR 6.26), and the order ceased to "
        "apply to the item on that day (paragraph 4 of the order; regulation 3(3))."
    )
    assert "is willing to accept service by email at that address (PD 6A para 4.1)" in event
    note = _section(demo_store, ordered, NOTE)
    assert "the notice is deemed given on 15 December 2026 (CPR 6.26), and the order" in note
    [logged] = [e for e in entries(demo_store) if e.event == "record outcome"][-1:]
    assert "notice to Vodafone sent 2026-12-15 10:15 by email to orders@vodafone" in (
        logged.records
    )


@pytest.mark.usefixtures("after_the_hearings")
def test_a_notice_by_post_takes_effect_on_the_day_it_is_deemed_served(
    demo_store: Store, ordered: str
) -> None:
    _carve_out(demo_store, ordered, Sending(CARVED, SendingMethod.POST))
    item, case = _item(demo_store, ordered)
    assert item.carve_out_notice is not None and item.carve_out_notice.at is None
    [event] = [e for e in recorded_events(case) if "Item 3" in e]
    # posted on a Tuesday: served the second business day after, Thursday (CPR 6.26)
    assert (
        "to Vodafone by first class post. The notice is deemed given on 17 December 2026 "
        "(CPR 6.26), and the order ceased to apply to the item on that day" in event
    )


@pytest.mark.usefixtures("after_the_hearings")
def test_an_email_after_half_past_four_is_given_the_next_business_day(
    demo_store: Store, ordered: str
) -> None:
    """One rule for every method: the notice counts from the day CPR 6.26 fixes, not from
    the minute it was sent (an email at 17:15 had ended the order at 17:15)."""
    _carve_out(demo_store, ordered, Sending(CARVED, SendingMethod.EMAIL, time(17, 15)))
    item, case = _item(demo_store, ordered)
    assert case.ceased_on(item) == date(2026, 12, 16)
    [event] = [e for e in recorded_events(case) if "Item 3" in e]
    assert "by email to orders@vodafone.example at 17:15." in event
    assert "The notice is deemed given on 16 December 2026 (CPR 6.26)" in event


@pytest.mark.usefixtures("after_the_hearings")
def test_a_notice_not_yet_deemed_given_leaves_the_order_applying_until_then(
    demo_store: Store, ordered: str
) -> None:
    """Posted on Tuesday 15th, the notice is given on Thursday 17th: a note or schedule of
    Wednesday 16th had said the order no longer applied, and a provider could have
    reconnected the line a day early."""
    _carve_out(demo_store, ordered, Sending(CARVED, SendingMethod.POST))
    wednesday = date(2026, 12, 16)
    note = section_text(demo_store, ordered, NOTE, prepared_on=wednesday)
    assert "the order will cease to apply to the item on that day" in note
    assert "ceased to apply" not in note
    schedule = section_text(demo_store, ordered, "Schedule of relevant items", wednesday)
    assert (
        "Prevent all use of the item (disconnect or deactivate it) until 17 December 2026; "
        "the order then ceases to apply (paragraph 4 of the order; regulation 3(3))" in schedule
    )
    later = section_text(demo_store, ordered, "Schedule of relevant items", NOTED)
    assert "None now: ceased to apply (regulation 3(3))" in later


@pytest.mark.usefixtures("after_the_hearings")
@pytest.mark.parametrize(
    ("notice", "refused"),
    [
        (None, "record how and when that notice went"),
        (Sending(CARVED), "record how and when that notice went"),
        (Sending(CARVED, SendingMethod.EMAIL), "give the time the notice went by email"),
        (Sending(CARVED, SendingMethod.POST, time(9)), "the time the notice went plays no part"),
        (Sending(CARVED, SendingMethod.DOCUMENT_EXCHANGE), "no DX box is recorded for Vodafone"),
        (Sending(CARVED, SendingMethod.FAX, time(9)), "served by fax only once it has said"),
        (Sending(date(2026, 12, 16), SendingMethod.POST), "the day the notice went"),
    ],
)
def test_a_carve_out_without_its_notice_or_with_a_notice_that_could_not_go_is_refused(
    demo_store: Store, ordered: str, notice: Sending | None, refused: str
) -> None:
    before = len(entries(demo_store))
    with pytest.raises(InputRejected, match=refused):
        _carve_out(demo_store, ordered, notice)
    item, _ = _item(demo_store, ordered)
    assert item.outcome == "made" and item.carve_out_notice is None  # nothing half-written
    assert len(entries(demo_store)) == before


@pytest.mark.usefixtures("after_the_hearings")
def test_a_notice_goes_with_a_carve_out_only(demo_store: Store, ordered: str) -> None:
    with pytest.raises(InputRejected, match="a notice to the provider goes with a carve-out"):
        record_outcome(
            demo_store,
            ordered,
            "07700 900113",
            Outcome.REFUSED,
            HEARD,
            amendment="wrong",
            notice=Sending(HEARD, SendingMethod.POST),
        )


@pytest.mark.usefixtures("after_the_hearings")
def test_a_carve_out_corrected_back_to_the_order_forgets_its_notice(
    demo_store: Store, ordered: str
) -> None:
    _carve_out(demo_store, ordered, Sending(CARVED, SendingMethod.HAND, time(11)))
    record_outcome(
        demo_store, ordered, "07700 900103", Outcome.MADE, HEARD, amendment="wrong number"
    )
    item, case = _item(demo_store, ordered)
    assert item.carved_out_on is None and item.carve_out_notice is None
    assert not [e for e in recorded_events(case) if "written notice" in e]


@pytest.mark.usefixtures("after_the_hearings")
def test_a_notice_posted_the_day_before_the_time_to_comply_ends_the_order_only_after_it(
    demo_store: Store, ordered: str
) -> None:
    """The order applies until the notice is given: posted on Wednesday 16 December it is
    served on Friday 18th, after the time to comply (the end of Thursday 17th), which passed
    while the order still applied. The note had counted the carve-out from the posting."""
    posted = date(2026, 12, 16)
    record_outcome(
        demo_store,
        ordered,
        "07700 900103",
        Outcome.CARVED_OUT,
        posted,
        notice=Sending(posted, SendingMethod.POST),
    )
    note = _section(demo_store, ordered, NOTE)
    assert "Item 3: 07700 900103: the time to comply (midnight at the end of Thursday" in note
    assert "The notice is deemed given on 18 December 2026 (CPR 6.26)" in note


@pytest.mark.usefixtures("after_the_hearings")
def test_the_paragraph_the_note_cites_is_the_order_s_carve_out(
    demo_store: Store, ordered: str
) -> None:
    order = section_text(demo_store, ordered, "Order (as made)", NOTED)
    assert CARVE_OUT_CLAUSE.startswith("paragraph 4 of the order")
    assert "4. This order, and each of its requirements, does not apply in relation to" in order
