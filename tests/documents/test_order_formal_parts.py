"""The formal parts of the court documents: the parties in every heading, numbered as in
the claim; the order's recital of whom the court heard; its direction for service."""

from __future__ import annotations

import pytest

from raptor_desktop.store.applications import save_details
from raptor_desktop.store.database import Store
from tests.app_fixtures import details, make_application
from tests.documents.test_court_documents import section_text


def test_every_court_document_is_headed_with_the_parties(
    demo_store: Store, application: str
) -> None:
    """The heading names the Applicant and each Respondent, numbered as in the claim."""
    parties = (
        "BETWEEN Superintendent Mark Hughes (1203), Essex Police Applicant - and - "
        "(1) Tesco Mobile (Training) Limited (2) Three (Training) Limited "
        "(3) Vodafone (Training) Limited Respondents"
    )
    for title in ("Claim form", "Draft order", "Schedule", "Witness statement", "Exhibits"):
        assert parties in section_text(demo_store, application, title), title


def _drafts(store: Store, reference: str) -> tuple[str, str]:
    """The draft order's text made without notice, then with notice to the providers."""
    without = section_text(store, reference, "Draft order")
    save_details(store, reference, details(with_notice=True))
    return without, section_text(store, reference, "Draft order")


def test_the_order_recites_who_the_court_heard(demo_store: Store, application: str) -> None:
    """Left for the court: who appeared for the Applicant and, given notice, the Respondents."""
    without, text = _drafts(demo_store, application)
    heard = "AND UPON hearing for the Applicant [for the court to complete];"
    assert heard in without
    assert without.index(heard) < without.index("AND UPON reading the claim form")
    assert (
        "AND UPON hearing for the Applicant, and for the Respondents (or: no one attending for "
        "a Respondent given notice) [for the court to complete];"
    ) in text


def test_the_order_leaves_the_way_of_service_to_the_rules(
    demo_store: Store, application: str
) -> None:
    """It had directed service at the address in the Schedule, so an order served by email,
    as a provider agreed in writing (PD 6A para 4.1), was not served as it directed."""
    without, text = _drafts(demo_store, application)
    assert (
        "The Applicant shall serve a sealed copy of this order on each Respondent as soon as "
        "practicable, with the claim form and the evidence in support."
    ) in without  # made without notice, they have not seen the claim
    assert "at its address for service in the Schedule" not in without
    assert (
        "The Applicant shall serve a sealed copy of this order on each Respondent as soon as "
        "practicable."
    ) in text


@pytest.mark.usefixtures("after_the_hearings")
def test_an_item_withdrawn_is_recited_as_withdrawn(demo_store: Store, application: str) -> None:
    from datetime import date

    from raptor_desktop.core.applications import Outcome
    from raptor_desktop.store.applications import submit
    from raptor_desktop.store.outcomes import record_outcome

    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    record_outcome(demo_store, application, "07700 900114", Outcome.WITHDRAWN, date(2026, 12, 10))
    record_outcome(demo_store, application, "07700 900113", Outcome.MADE, date(2026, 12, 10))
    text = section_text(demo_store, application, "Order (as made)")
    assert "AND UPON the Applicant withdrawing the claim in so far as it concerns item 2;" in text
    assert "is dismissed" not in text  # withdrawn, not refused


@pytest.mark.parametrize(
    ("rank", "capacity"),
    [
        (
            "Superintendent",
            "am a police officer of the rank of superintendent or above (section 80A(5)(b) of "
            "the Serious Crime Act 2015).",
        ),
        (
            "NCA Deputy Director General",
            "am the Director General or a Deputy Director General of the National Crime Agency "
            "(section 80A(5)(a) of the Serious Crime Act 2015).",
        ),
    ],
)
def test_the_authority_states_the_applicants_capacity(
    demo_store: Store, application: str, rank: str, capacity: str
) -> None:
    """It said "AUTHORITY OF A SUPERINTENDENT" under an index entry "Authority of the
    superintendent", and that an NCA Deputy Director General's rank "is the rank of
    superintendent or above"."""
    from raptor_desktop.core.applications import Officer

    save_details(demo_store, application, details(authoriser=Officer("Jo Bell", rank, "7")))
    text = section_text(demo_store, application, "Authority of the Applicant")
    assert "AUTHORITY OF THE APPLICANT" in text
    assert capacity in text
    assert "which is the rank of superintendent" not in text


def test_a_single_respondent_is_not_numbered(demo_store: Store) -> None:
    """Parties are numbered only when there are several: one provider is "the Respondent"
    in the heading, the claim form, the order's Schedule, the schedule of items and the
    letter (it had been "(1) Three (Training) Limited … Respondent")."""
    from tests.app_fixtures import NUMBERS

    reference = make_application(demo_store, numbers=[NUMBERS[2]])  # Three's number alone
    claim = section_text(demo_store, reference, "Claim form")
    assert "- and - Three (Training) Limited Respondent" in claim and "(1) Three" not in claim
    assert "Defendant (the Respondent): Three (Training) Limited" in claim
    assert "The Respondent: Three (Training) Limited" in section_text(
        demo_store, reference, "Draft order"
    )
    assert "The Respondent: Three — Three (Training) Limited" in section_text(
        demo_store, reference, "Schedule"
    )
    letter = section_text(demo_store, reference, "Letter to Three")
    assert "To: Three (Training) Limited (the Respondent)" in letter


def test_a_signature_is_dated_as_the_document_records_it(
    demo_store: Store, application: str
) -> None:
    """The statement's box said it was made on 26 November, its signature left the date to be
    written in: the two could differ (PD 32 17.2(5) puts the date in the box)."""
    statement = section_text(demo_store, application, "Witness statement")
    signed = statement.split("Statement of truth")[-1]
    assert "Date: 26 November 2026" in signed and "Date: ____" not in signed
    authority = section_text(demo_store, application, "Authority of the Applicant")
    assert "Date: 27 November 2026" in authority.split("Signed:")[-1]
