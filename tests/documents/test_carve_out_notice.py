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
from raptor_desktop.documents.order_note import recorded_events
from raptor_desktop.store.audit import entries
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.outcomes import record_outcome
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
        "The order ceased to apply to it (regulation 3(3)) from 10:15 on 15 December 2026."
    )
    assert "accepts service by email at that address" in event  # PD 6A para 4.1
    note = _section(demo_store, ordered, NOTE)
    assert "ceased to apply (regulation 3(3)) from 10:15 on 15 December 2026" in note
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
    assert "to Vodafone by first class post. The order ceased to apply to it" in event
    # posted on a Tuesday: served the second business day after, Thursday (CPR 6.26)
    assert event.endswith("from 17 December 2026, the day the notice is deemed served (CPR 6.26).")


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
    assert "from 18 December 2026, the day the notice is deemed served" in note
