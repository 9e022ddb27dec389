"""How a letter serving the order went, and so the day it was served (CPR 6.26).

The note of events said only that "the day it was served depends on how it was sent", because
the register did not hold how: it could not tell a provider's last day to apply to set aside
an order made without notice (7 days after service, CPR 23.10(2)), and it judged the time to
comply against the day a letter was posted, not the day it was served. With notice, a letter
serving the order on a provider that had no notice recorded was left out of the note.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.deemed_service import SendingMethod
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.store.applications import save_details, submit
from raptor_desktop.store.database import Store
from raptor_desktop.store.letters import record_letter_sent
from raptor_desktop.store.outcomes import record_outcome
from tests.app_fixtures import NUMBERS, details, make_application
from tests.documents.test_court_documents import section_text

HEARD = date(2026, 12, 10)  # a Thursday: to comply by the end of Thursday 17 December
FRIDAY = date(2026, 12, 11)
NOTED = date(2026, 12, 21)


def _ordered(store: Store, with_notice: bool = False) -> str:
    reference = make_application(store)
    save_details(store, reference, details(with_notice=with_notice, claim_number="K00EC123"))
    submit(store, reference)
    for number in NUMBERS:
        record_outcome(store, reference, number, Outcome.MADE, HEARD)
    return reference


def _note(store: Store, reference: str) -> str:
    return section_text(store, reference, "Note of events", prepared_on=NOTED)


@pytest.mark.usefixtures("after_the_hearings")
def test_an_email_after_half_past_four_is_served_the_next_business_day(
    demo_store: Store,
) -> None:
    reference = _ordered(demo_store)
    record_letter_sent(demo_store, reference, "Vodafone", FRIDAY, SendingMethod.EMAIL, time(16, 45))
    assert (
        "11 December 2026 — The letter serving the order was sent to Vodafone by email to "
        "orders@vodafone.example at 16:45 (item 3). Vodafone had previously indicated in "
        "writing that it is willing to accept service by email at that address (PD 6A para "
        "4.1): its letter of 5 January 2026 (training): PDF attachments up to 10 MB. It is "
        "deemed served on 14 December "
        "2026 (CPR 6.26). Vodafone may apply to set the order aside or vary it on or before 21 "
        "December 2026 (within 7 days after service, CPR 23.10(2))."
    ) in _note(demo_store, reference)
    letter = section_text(demo_store, reference, "Letter to Vodafone", prepared_on=NOTED)
    # the letter says how it went, and where to
    assert "By email to orders@vodafone.example Date: 11 December 2026" in letter


@pytest.mark.usefixtures("after_the_hearings")
def test_the_time_to_comply_passing_before_the_posted_order_is_served_is_no_default(
    demo_store: Store,
) -> None:
    reference = _ordered(demo_store)
    posted = date(2026, 12, 16)  # a Wednesday: served on Friday 18th, after the 17th
    record_letter_sent(demo_store, reference, "Vodafone", posted, SendingMethod.POST)
    note = _note(demo_store, reference)
    assert "deemed served on 18 December 2026" in note
    assert (  # 7 days after is Christmas Day, then a weekend and Boxing Day's bank holiday
        "may apply to set the order aside or vary it on or before 29 December 2026 (within 7 days "
        "after service, CPR 23.10(2); the court office is closed on 25 December 2026, CPR "
        "2.8(5))."
    ) in note
    assert "passed before the order was served on Vodafone" in note
    assert "passed without Vodafone's confirmation" not in note


@pytest.mark.usefixtures("after_the_hearings")
def test_with_notice_a_serving_letter_with_no_notice_recorded_is_in_the_note(
    demo_store: Store,
) -> None:
    reference = _ordered(demo_store, with_notice=True)
    record_letter_sent(demo_store, reference, "Three", FRIDAY, SendingMethod.HAND, time(11))
    note = _note(demo_store, reference)
    assert (
        "11 December 2026 — The letter serving the order was sent to Three by hand at 11:00 "
        "(item 2). It is deemed served on 11 December 2026 (CPR 6.26)."
    ) in note


@pytest.mark.usefixtures("after_the_hearings")
def test_by_hand_fax_email_or_in_person_the_time_is_asked(demo_store: Store) -> None:
    reference = _ordered(demo_store)
    with pytest.raises(InputRejected, match="give the time the letter went by fax"):
        record_letter_sent(demo_store, reference, "Vodafone", FRIDAY, SendingMethod.FAX)
    with pytest.raises(InputRejected, match="in the future"):
        record_letter_sent(
            demo_store, reference, "Vodafone", date.today(), SendingMethod.EMAIL, time(23, 59)
        )


@pytest.mark.usefixtures("after_the_hearings")
def test_by_email_only_where_the_provider_agreed_in_writing_and_the_address_is_kept(
    demo_store: Store,
) -> None:
    """A letter by email went nowhere the register could show, and nothing checked that the
    provider had agreed to be served by email (PD 6A para 4.1): now it is refused until both
    are recorded, and keeps the address it went to when the network's changes."""
    from raptor_desktop.store.case_file import load_case_file
    from raptor_desktop.store.settings import set_network_detail

    reference = _ordered(demo_store)
    set_network_detail(demo_store, "Vodafone", "service_email_agreed", "")
    with pytest.raises(InputRejected, match=r"said in writing.*\(PD 6A para 4\.1\)"):
        record_letter_sent(demo_store, reference, "Vodafone", FRIDAY, SendingMethod.EMAIL, time(9))
    assert "Vodafone" not in load_case_file(demo_store, reference).letters_sent
    set_network_detail(demo_store, "Vodafone", "service_email_agreed", "email of 2 March 2026")
    record_letter_sent(demo_store, reference, "Vodafone", FRIDAY, SendingMethod.EMAIL, time(9))
    set_network_detail(demo_store, "Vodafone", "service_email", "new-orders@vodafone.example")
    set_network_detail(demo_store, "Vodafone", "service_email_agreed", "email of 3 May 2026")
    sent = load_case_file(demo_store, reference).letters_sent["Vodafone"]
    assert (sent.to, sent.under) == ("orders@vodafone.example", "email of 2 March 2026")
    # where it went, and under what agreement, that day
    assert "by email to orders@vodafone.example at 09:00" in _note(demo_store, reference)


@pytest.mark.usefixtures("after_the_hearings")
def test_by_document_exchange_only_to_a_dx_box(demo_store: Store) -> None:
    from raptor_desktop.store.settings import set_network_detail

    reference = _ordered(demo_store)
    with pytest.raises(InputRejected, match="no DX box is recorded for Three"):
        record_letter_sent(demo_store, reference, "Three", FRIDAY, SendingMethod.DOCUMENT_EXCHANGE)
    set_network_detail(demo_store, "Three", "dx_box", "DX  98765  Exampleton")
    record_letter_sent(demo_store, reference, "Three", FRIDAY, SendingMethod.DOCUMENT_EXCHANGE)
    letter = section_text(demo_store, reference, "Letter to Three", prepared_on=NOTED)
    assert "By document exchange to DX 98765 Exampleton Date: 11 December 2026" in letter


@pytest.mark.usefixtures("after_the_hearings")
def test_a_time_to_comply_passed_unconfirmed_is_not_called_overdue(demo_store: Store) -> None:
    """The order asks for no confirmation, so its absence is no default: the note had said
    "overdue" of an item whose provider had not confirmed."""
    reference = _ordered(demo_store)
    record_letter_sent(demo_store, reference, "Three", FRIDAY, SendingMethod.POST)  # served 15th
    note = _note(demo_store, reference)
    assert (
        "the time to comply has passed: no confirmation received from the provider that it has "
        "complied"
    ) in note
    assert "overdue" not in note
