"""The letter serving an order says what it is, does not ask for an earlier time already
agreed, and has one date.

After the order, the letter's subject still read "Application for a drug dealing
telecommunications restriction order"; a provider that had agreed an earlier time was invited
to agree an earlier time; and the letter had its date at the top and a "Date: ____" line
under the signature as well.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.deemed_service import Sending, SendingMethod
from raptor_desktop.core.demo_scenario import training_network
from raptor_desktop.core.orders import DeadlineKind
from raptor_desktop.store.applications import submit
from raptor_desktop.store.database import Store
from raptor_desktop.store.letters import record_letter_sent
from raptor_desktop.store.outcomes import OrderTerms, record_outcome
from tests.app_fixtures import NUMBERS, make_application
from tests.documents.test_court_documents import section_text

POST = SendingMethod.POST  # how these letters went (CPR 6.26)
VODAFONE = training_network("Vodafone")["address"]  # where they went

HEARD = date(2026, 12, 10)
ON = date(2026, 12, 11)


@pytest.fixture
def ordered(demo_store: Store) -> str:
    reference = make_application(demo_store)
    submit(demo_store, reference)
    for number in NUMBERS:
        record_outcome(demo_store, reference, number, Outcome.MADE, HEARD)
    return reference


def _letter(store: Store, reference: str, provider: str) -> str:
    return section_text(store, reference, f"Letter to {provider}", prepared_on=ON)


@pytest.mark.usefixtures("after_the_hearings")
def test_the_serving_letter_says_it_serves_an_order_and_is_dated_once(
    demo_store: Store, ordered: str
) -> None:
    record_letter_sent(demo_store, ordered, "Vodafone", ON, POST)
    letter = _letter(demo_store, ordered, "Vodafone")
    assert (
        "Service of a drug dealing telecommunications restriction order made under regulation 3 "
        "of the Drug Dealing Telecommunications Restriction Orders Regulations 2017"
    ) in letter
    assert "Application for a drug dealing" not in letter
    assert letter.count("Date:") == 1 and "Date: 11 December 2026" in letter
    assert "we would welcome agreeing an earlier time" in letter
    # what is served is the sealed order (CPR 40.2), and the court's claim number is quoted
    assert "Enclosed: a sealed copy of the order dated 10 December 2026, the claim form" in letter


@pytest.mark.usefixtures("after_the_hearings")
def test_a_provider_that_agreed_an_earlier_time_is_not_asked_again(
    demo_store: Store, ordered: str
) -> None:
    agreed = OrderTerms(None, DeadlineKind.AGREED, datetime(2026, 12, 14, 12, 0))
    record_outcome(
        demo_store, ordered, "07700 900103", Outcome.MADE, HEARD, agreed, amendment="agreed"
    )
    letter = _letter(demo_store, ordered, "Vodafone")
    assert "(as agreed with you: by noon on Monday 14 December 2026)" in letter
    assert "earlier time" not in letter
    assert "Please confirm to us in writing when the item has been dealt with." in letter


def _submitted_with_notice(store: Store) -> str:
    """The application made with notice, its notice sent to Vodafone on 1 December."""
    from raptor_desktop.store.applications import save_details
    from tests.app_fixtures import details

    reference = make_application(store)
    save_details(store, reference, details(with_notice=True, claim_number="K00EC123"))
    record_letter_sent(store, reference, "Vodafone", date(2026, 12, 1), POST)  # the notice
    submit(store, reference)
    return reference


@pytest.mark.usefixtures("after_the_hearings")
def test_a_notice_sent_before_the_hearing_is_not_taken_for_service_of_the_order(
    demo_store: Store,
) -> None:
    """With notice, the letter recorded as sent is the notice of the application, before the
    hearing: the note of events had said the order was served on that day, before it was
    made, and the letter serving the order was dated with the notice's day."""
    reference = _submitted_with_notice(demo_store)
    for number in NUMBERS:
        record_outcome(demo_store, reference, number, Outcome.MADE, HEARD)
    note = section_text(demo_store, reference, "Note of events", prepared_on=date(2026, 12, 21))
    assert "serving the order was sent to Vodafone" not in note
    assert " 1 December 2026" not in note  # the notice's day
    assert "Item 3: 07700 900103 (Vodafone): order made on 10 December 2026; the letter " in note
    letter = _letter(demo_store, reference, "Vodafone")
    assert "Date: 1 December 2026" not in letter
    assert "Date: ..................... (the day it is sent)" in letter


@pytest.mark.usefixtures("after_the_hearings")
def test_with_notice_the_letter_serving_the_order_is_recorded_apart_from_the_notice(
    demo_store: Store,
) -> None:
    """With notice, a letter could be recorded only before the hearing: the service of the
    order on a provider, after it, was refused, so no with-notice order ever showed as
    served."""
    from raptor_desktop.core.errors import InputRejected
    from raptor_desktop.store.case_file import load_case_file

    reference = _submitted_with_notice(demo_store)
    with pytest.raises(InputRejected, match="none is made on Vodafone's items yet"):
        record_letter_sent(demo_store, reference, "Vodafone", date(2026, 12, 11), POST)
    for number in NUMBERS:
        record_outcome(demo_store, reference, number, Outcome.MADE, HEARD)
    record_letter_sent(demo_store, reference, "Vodafone", date(2026, 12, 11), POST)  # serving it
    case = load_case_file(demo_store, reference, check_files=False)
    notice = Sending(date(2026, 12, 1), POST, to=VODAFONE)
    assert case.letters_sent["Vodafone"] == notice  # the notice kept
    assert case.serving_letter("Vodafone") == Sending(date(2026, 12, 11), POST, to=VODAFONE)
    note = section_text(demo_store, reference, "Note of events", prepared_on=date(2026, 12, 21))
    assert (  # with notice there is no 7 days to apply to set the order aside (CPR 23.10)
        "11 December 2026 — The letter serving the order was sent to Vodafone by first class "
        "post (item 3). It is deemed served on 14 December 2026 (CPR 6.26)."
    ) in note
    assert "may apply to set the order aside" not in note
    assert "Date: 11 December 2026" in _letter(demo_store, reference, "Vodafone")
