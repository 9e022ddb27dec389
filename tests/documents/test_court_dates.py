"""Court documents and their dates: a hearing the court cannot hold, a letter before its
authority, a claim's words before and after the hearing."""

from __future__ import annotations

from datetime import date

import pytest

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.case_gaps import case_gaps
from raptor_desktop.core.deemed_service import Sending, SendingMethod
from raptor_desktop.core.demo_scenario import training_network
from raptor_desktop.store.applications import submit
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.outcomes import record_outcome
from tests.app_fixtures import make_application
from tests.documents.test_court_documents import section_text

POST = SendingMethod.POST  # how these letters went (CPR 6.26)
VODAFONE = training_network("Vodafone")["address"]  # where they went


def test_a_hearing_before_the_statement_or_authority_or_moved_to_a_sunday_is_a_gap(
    demo_store: Store,
) -> None:
    """A hearing fixed before the statement was signed or the application authorised said
    "no gaps"; so did a submitted application whose hearing was amended to a Sunday."""
    from raptor_desktop.store.applications import save_details, set_item, submit
    from tests.app_fixtures import details

    reference = make_application(demo_store)
    save_details(demo_store, reference, details(hearing_date=date(2026, 11, 26)))
    gaps = [g.what for g in case_gaps(load_case_file(demo_store, reference, check_files=False))]
    assert gaps == [
        "the hearing is fixed for 26 November 2026, before the superintendent's authority "
        "(27 November 2026): the court hears an application once it has been authorised"
    ]
    save_details(demo_store, reference, details(hearing_date=date(2026, 12, 14)))
    for number in ("07700 900103", "07700 900113", "07700 900114"):
        set_item(demo_store, reference, number, "EE", "test purchases")
    submit(demo_store, reference)
    save_details(demo_store, reference, details(hearing_date=date(2026, 12, 13)), "relisted")
    gaps = [g.what for g in case_gaps(load_case_file(demo_store, reference, check_files=False))]
    assert len(gaps) == 1 and "Sunday 13 December 2026, a day the court does not sit" in gaps[0]


@pytest.mark.usefixtures("after_the_hearings")
def test_the_claim_says_its_draft_order_was_filed_before_and_after_the_hearing(
    demo_store: Store, application: str
) -> None:
    """After the hearing the claim still said 'A draft order is in the bundle', which by
    then held the order as made and no draft."""
    claim = section_text(demo_store, application, "Claim form (CPR Part 8)")
    assert "A draft order is filed with this claim." in claim
    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    after = section_text(demo_store, application, "Claim form (CPR Part 8)")
    assert "A draft order is filed with this claim." in after
    assert "is in the bundle" not in after


def test_a_notice_dated_before_the_authority_is_refused(demo_store: Store) -> None:
    """A notice of the application was accepted dated before the application was
    authorised: a letter about an application that did not yet exist."""
    from raptor_desktop.core.errors import InputRejected
    from raptor_desktop.store.applications import save_details
    from raptor_desktop.store.letters import record_letter_sent
    from tests.app_fixtures import details

    reference = make_application(demo_store)
    save_details(demo_store, reference, details(with_notice=True, claim_number="K00EC123"))
    with pytest.raises(InputRejected, match="authorised on 27 November 2026; it cannot have"):
        record_letter_sent(demo_store, reference, "Vodafone", date(2026, 11, 26), POST)
    record_letter_sent(demo_store, reference, "Vodafone", date(2026, 11, 28), POST)
    assert load_case_file(demo_store, reference).letters_sent == {
        "Vodafone": Sending(date(2026, 11, 28), POST, to=VODAFONE)
    }
