"""The draft order, the order as made and the claim form say what regulation 3 requires.

Golden wording: the documents are read back from the PDF and their clauses checked word for
word where the law fixes them, so a change to the wording has to change these tests too.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.case_gaps import case_gaps
from raptor_desktop.core.dates import full_moment
from raptor_desktop.core.deemed_service import SendingMethod
from raptor_desktop.core.orders import compliance_deadline
from raptor_desktop.core.statuses import Status
from raptor_desktop.documents.pack import hearing_pack
from raptor_desktop.store.applications import save_details, submit
from raptor_desktop.store.calendar import bank_holidays
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.lines import set_provider, set_status
from raptor_desktop.store.outcomes import OrderTerms, record_outcome
from raptor_desktop.store.settings import set_network_address, set_network_host
from tests.app_fixtures import details, make_application
from tests.pdf_text import running_text

POST = SendingMethod.POST  # how these letters went (CPR 6.26)

PREPARED = date(2026, 11, 29)


def section_text(
    store: Store, reference: str, title_start: str, prepared_on: date = PREPARED
) -> str:
    """The text of the pack's document whose index entry starts ``title_start``."""
    case = load_case_file(store, reference, prepared_on=prepared_on)
    [bundle] = hearing_pack(case)
    reader = PdfReader(io.BytesIO(bundle.pdf))
    entry = next(e for e in bundle.entries if e.title.startswith(title_start))
    return running_text(reader, range(entry.first_page - 1, entry.last_page))


def test_the_draft_order_states_one_duration_and_the_computed_deadline(
    demo_store: Store, application: str
) -> None:
    text = section_text(demo_store, application, "Draft order")
    due = compliance_deadline(date(2026, 12, 10), calendar_=bank_holidays(demo_store))
    assert (
        f"Each Respondent shall comply with paragraph 1 by {full_moment(due)}, being the end of "
        "the fifth working day after the date of this order if it is made on the day of the "
        "hearing, 10 December 2026 (regulation 3(4) and (5)) [if it is made on another day, the "
        "end of the fifth working day after that day: for the court to complete]."
    ) in text  # the date is the hearing's: the court may make it on another day
    assert "the time the court specifies at the Applicant's request" not in text  # unasked
    assert (
        "This order has effect for a period of 12 months from the date of this order, that is "
        "until the end of 10 December 2027"  # the last day included, in so many words
    ) in text
    assert "[date] /" not in text and "until it is discharged under" not in text
    assert (
        "The Applicant and a Respondent may agree in writing a date and time earlier than that "
        "in paragraph 2"
        in text
        and "(regulation 3(6))" in text
    )


def test_the_carve_out_is_the_applicants_discovery_not_a_fresh_finding(
    demo_store: Store, application: str
) -> None:
    text = section_text(demo_store, application, "Draft order")
    assert (
        "does not apply in relation to any relevant item that the Applicant discovers is not "
        "being used in connection with drug dealing offences, from the time the Applicant gives "
        "written notice of that discovery to the Respondent for the item (regulation 3(3))"
    ) in text
    assert "the court, on the application" not in text
    assert "cease" not in text  # one moment it stops applying: the notice, never two


def test_the_draft_order_has_its_formal_parts(demo_store: Store, application: str) -> None:
    text = section_text(demo_store, application, "Draft order")
    for words in (
        "[for the court to complete]",
        "UPON the application of Superintendent Mark Hughes (1203)",
        "AND UPON reading the claim form, the witness statement of Detective Constable Rachel "
        "Carter (71234) dated 26 November 2026",
        "AND UPON the application being made without notice to the Respondents",
        "by application notice (form N244)",
        "within 7 days after the date on which it was served on them (CPR 23.10(2); this "
        "statement is made under CPR 23.9(3))",
        "There is no order as to costs.",
        "Respondent 1:",
        "Address for service: Law Enforcement Liaison Team",
    ):
        assert words in text, words


@pytest.mark.usefixtures("after_the_hearings")
def test_the_order_as_made_strikes_out_what_the_court_refused(
    demo_store: Store, application: str
) -> None:
    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    record_outcome(demo_store, application, "07700 900113", Outcome.REFUSED, date(2026, 12, 10))
    record_outcome(
        demo_store, application, "07700 900114", Outcome.MADE, date(2026, 12, 10), OrderTerms()
    )
    text = section_text(demo_store, application, "Order (as made)")
    assert "ORDER (as made)" in text
    assert "sitting at the County Court at Clerkenwell and Shoreditch on 10 December 2026" in text
    assert "07700 900113 (+447700900113) — refused by the court" in text
    assert "Items struck through are not subject to this order." in text
    # the claim as to the refused item disposed of, not left undetermined
    dismissed = "9. The claim is dismissed in so far as it concerns item 1. 10. There is no order"
    assert dismissed in text
    assert "each relevant item in the Schedule that is not struck through" in text
    # the judge not yet recorded: said so, never a blank for the court (the order is made)
    assert "Before [the judge's name not recorded] sitting" in text
    assert "[for the court to complete]" not in text
    assert "by ____" not in text and "specifies a different date" not in text


def test_the_claim_form_follows_n208(demo_store: Store, application: str) -> None:
    text = section_text(demo_store, application, "Claim form")
    for words in (
        "CLAIM FORM (CPR PART 8)",
        "who makes this application as a police officer of the rank of superintendent or "
        "above (section 80A(5)(b) of the Serious Crime Act 2015)",
        "Human Rights Act 1998 The claim does not include any issue under the Human Rights Act",
        "I believe that the facts stated in this claim form are true.",
        "Defendant (Respondent 1):",
        "Statement of truth (CPR 22.1)",
        "proceedings for contempt of court may be brought",
        "Court fee",
    ):
        assert words in text, words
    assert "in person" not in text  # a litigant without a lawyer, in a court's words


def test_a_number_without_a_provider_or_address_is_a_gap(demo_store: Store) -> None:
    reference = make_application(demo_store)
    assert case_gaps(load_case_file(demo_store, reference, check_files=False)) == []
    set_network_address(demo_store, "Vodafone", "")
    gaps = [g.what for g in case_gaps(load_case_file(demo_store, reference, check_files=False))]
    assert gaps == ["the provider Vodafone has no address for service"]
    [gap] = case_gaps(load_case_file(demo_store, reference, check_files=False))
    assert gap.where.startswith("an administrator records it in Settings → Networks")
    set_network_address(demo_store, "Vodafone", "Law Enforcement Liaison Team, Vodafone")
    set_network_host(demo_store, "Nova Mobile", "")  # a network new to the list, no address
    set_provider(demo_store, "07700 900114", "nova mobile")
    gaps = [g.what for g in case_gaps(load_case_file(demo_store, reference, check_files=False))]
    assert gaps == [
        "the provider Nova Mobile has no address for service",
        "the provider Nova Mobile has no legal name recorded (the company the claim and the "
        "order name as a party)",
    ]


@pytest.mark.parametrize(
    ("hearing", "said"),
    [
        (date(2026, 12, 13), "Sunday 13 December 2026, a day the court does not sit"),
        (date(2026, 12, 25), "Friday 25 December 2026 (Christmas Day), a day the court"),
    ],
)
def test_a_hearing_fixed_for_a_day_the_court_does_not_sit_is_a_gap(
    demo_store: Store, hearing: date, said: str
) -> None:
    """A hearing typed a day out (a Sunday, a bank holiday) had gone into the draft order's
    compliance time and the letters without a word."""

    reference = make_application(demo_store)
    save_details(demo_store, reference, details(hearing_date=hearing))
    gaps = [g.what for g in case_gaps(load_case_file(demo_store, reference, check_files=False))]
    assert len(gaps) == 1 and said in gaps[0], gaps
    save_details(demo_store, reference, details(hearing_date=date(2026, 12, 14)))
    assert case_gaps(load_case_file(demo_store, reference, check_files=False)) == []


def test_a_line_the_statement_can_cite_nothing_on_is_a_gap(demo_store: Store) -> None:
    """Regulation 3(1): the court finds each item used for drug dealing on the evidence; a draft
    naming a line with none known when the statement was signed had said "no gaps"."""
    from raptor_desktop.core.evidence import EvidenceItem
    from raptor_desktop.store.applications import application_id, create_application
    from raptor_desktop.store.evidence import add_evidence
    from raptor_desktop.store.exhibits import NewExhibit, add_exhibit
    from raptor_desktop.store.lines import find_number

    for number in ("07700 900109", "07700 900106"):  # Jay and Nitro: no evidence recorded
        set_status(demo_store, number, Status.READY)
        set_provider(demo_store, number, "EE")
    numbers = ["07700 900103", "07700 900109", "07700 900106"]
    reference = create_application(demo_store, details(), numbers)

    def gaps() -> list[str]:
        case = load_case_file(demo_store, reference, check_files=False)
        return [g.what for g in case_gaps(case)]

    assert gaps() == [
        "the line “Nitro” (item 1) has no evidence that the witness statement can cite",
        "the line “Jay” (item 2) has no evidence that the witness statement can cite",
    ]
    jay = find_number(demo_store, "07700 900109").line_id
    after = EvidenceItem("test purchase", "A wrap", date(2026, 11, 28))  # signed 26 November
    add_evidence(demo_store, jay, after)
    assert len(gaps()) == 2
    add_evidence(demo_store, jay, EvidenceItem("test purchase", "A wrap", date(2026, 11, 20)))
    app_id = application_id(demo_store, reference)
    add_exhibit(
        demo_store,
        app_id,
        NewExhibit("RC", "Nitro's menu text", date(2026, 11, 2), ("07700 900106",), None),
    )
    assert gaps() == []


def test_the_statement_cites_only_what_was_known_when_it_was_signed(
    demo_store: Store, application: str
) -> None:
    from raptor_desktop.core.evidence import EvidenceItem
    from raptor_desktop.store.evidence import add_evidence
    from raptor_desktop.store.lines import find_number

    line_id = find_number(demo_store, "07700 900103").line_id
    before = section_text(demo_store, application, "Witness statement")
    later = EvidenceItem("test purchase", "A wrap bought after the statement", date(2026, 11, 28))
    add_evidence(demo_store, line_id, later)  # signed on 26 November 2026
    after = section_text(demo_store, application, "Witness statement")
    assert "after the statement" not in after and after == before
    earlier = EvidenceItem("test purchase", "A wrap bought before it", date(2026, 11, 20))
    add_evidence(demo_store, line_id, earlier)
    assert "A wrap bought before it" in section_text(demo_store, application, "Witness statement")


@pytest.mark.usefixtures("after_the_hearings")
def test_no_letter_goes_to_a_provider_whose_items_were_all_refused(
    demo_store: Store, application: str
) -> None:
    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900113", Outcome.REFUSED, date(2026, 12, 10))
    case = load_case_file(demo_store, application, prepared_on=PREPARED)
    [bundle] = hearing_pack(case)
    letters = {e.title for e in bundle.entries if e.title.startswith("Letter to")}
    assert letters == {"Letter to Three", "Letter to Vodafone"}


def test_an_exhibit_carries_only_its_makers_own_mark(demo_store: Store, application: str) -> None:
    from raptor_desktop.core.errors import InputRejected
    from raptor_desktop.store.applications import application_id
    from raptor_desktop.store.exhibits import NewExhibit, add_exhibit

    app_id = application_id(demo_store, application)
    with pytest.raises(InputRejected, match="MH is another officer's mark"):
        add_exhibit(demo_store, app_id, NewExhibit("MH", "Seized handset download"))
    assert add_exhibit(demo_store, app_id, NewExhibit("rc", "Seized handset download")) == "RC/3"


@pytest.mark.usefixtures("after_the_hearings")
def test_only_what_the_court_made_is_ordered(demo_store: Store, application: str) -> None:
    """An adjourned item is not yet determined: it is not in paragraph 1 and not struck out."""
    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    record_outcome(demo_store, application, "07700 900114", Outcome.ADJOURNED, date(2026, 12, 10))
    text = section_text(demo_store, application, "Order (as made)")
    numbers = {n: i.display for n, i in load_case_file(demo_store, application).numbered_items()}
    made = next(n for n, d in numbers.items() if d == "07700 900103")
    assert f"listed against it in the Schedule (item {made})" in text
    assert "07700 900114 (+447700900114) — adjourned: not yet determined" in text
    # an item with no outcome recorded yet is not said to be adjourned
    assert "07700 900113 (+447700900113) — no outcome recorded yet" in text


@pytest.mark.usefixtures("after_the_hearings")
def test_an_order_made_without_a_stated_length_lasts_as_asked(
    demo_store: Store, application: str
) -> None:
    from raptor_desktop.services.applications import list_orders

    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    [order] = [o for o in list_orders(demo_store) if o.reference == application]
    assert order.duration.months == 12  # what the application asked for
    assert order.end == date(2027, 12, 10)


def test_an_authority_dated_before_the_statement_is_a_gap(demo_store: Store) -> None:

    reference = make_application(demo_store)
    save_details(demo_store, reference, details(authorised_on=date(2026, 11, 20)))
    gaps = [g.what for g in case_gaps(load_case_file(demo_store, reference, check_files=False))]
    assert gaps == ["the authority is dated before the witness statement it says was read"]


@pytest.mark.usefixtures("after_the_hearings")
def test_the_schedule_says_what_became_of_each_item(demo_store: Store, application: str) -> None:
    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900113", Outcome.REFUSED, date(2026, 12, 10))
    text = section_text(demo_store, application, "Schedule")
    assert "None: refused by the court" in text


def test_with_notice_the_letter_invites_representations(demo_store: Store) -> None:

    reference = make_application(demo_store)
    save_details(demo_store, reference, details(with_notice=True, claim_number="K00EC123"))
    letter = section_text(demo_store, reference, "Letter to Vodafone")
    assert "I write to give you notice that" in letter
    assert "You are invited to make representations" in letter and "CPR 23.10" not in letter
    order = section_text(demo_store, reference, "Draft order")
    assert "AND UPON the Respondents having been given notice of the application" in order
    assert "CPR 23.10" not in order


@pytest.mark.usefixtures("after_the_hearings")
def test_an_agreed_earlier_time_leaves_the_orders_own_time_standing(
    demo_store: Store, application: str
) -> None:
    from datetime import datetime

    from raptor_desktop.core.orders import DeadlineKind

    submit(demo_store, application)
    agreed = OrderTerms(None, DeadlineKind.AGREED, datetime(2026, 12, 11, 12, 0))
    record_outcome(
        demo_store, application, "07700 900103", Outcome.MADE, date(2026, 12, 10), agreed
    )
    text = section_text(demo_store, application, "Order (as made)")
    due = compliance_deadline(date(2026, 12, 10), calendar_=bank_holidays(demo_store))
    assert f"Each Respondent shall comply with paragraph 1 by {full_moment(due)}" in text
    assert "noon on Friday 11 December 2026" not in text  # the agreement is no part of it


@pytest.mark.usefixtures("after_the_hearings")
def test_a_letter_is_dated_when_it_was_sent_never_when_printed(
    demo_store: Store, application: str
) -> None:
    from raptor_desktop.core.errors import InputRejected
    from raptor_desktop.store.letters import record_letter_sent

    unsent = section_text(demo_store, application, "Letter to Vodafone")
    assert "29 November 2026" not in unsent and "(the day it is sent)" in unsent
    with pytest.raises(InputRejected, match="no order has been made yet on Vodafone"):
        record_letter_sent(demo_store, application, "Vodafone", date(2026, 11, 30), POST)
    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    with pytest.raises(InputRejected, match="goes with the order made on 10 December 2026"):
        record_letter_sent(demo_store, application, "vodafone", date(2026, 12, 9), POST)
    with pytest.raises(InputRejected, match="no item to serve on 'EE'"):
        record_letter_sent(demo_store, application, "EE", date(2026, 12, 12), POST)
    record_letter_sent(demo_store, application, "vodafone", date(2026, 12, 12), POST)
    sent = section_text(demo_store, application, "Letter to Vodafone")
    assert "Date: 12 December 2026" in sent and "29 November 2026" not in sent
    assert "(the day it is sent)" in section_text(demo_store, application, "Letter to Three")


@pytest.mark.usefixtures("after_the_hearings")
def test_items_decided_at_different_hearings_get_an_order_each(
    demo_store: Store, application: str
) -> None:
    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    record_outcome(demo_store, application, "07700 900113", Outcome.ADJOURNED, date(2026, 12, 10))
    record_outcome(demo_store, application, "07700 900114", Outcome.MADE, date(2026, 12, 17))
    case = load_case_file(demo_store, application, prepared_on=PREPARED)
    [bundle] = hearing_pack(case)
    titles = [e.title for e in bundle.entries if e.title.startswith("Order")]
    assert titles == ["Order made on 10 December 2026", "Order made on 17 December 2026"]
    first = section_text(demo_store, application, "Order made on 10 December")
    second = section_text(demo_store, application, "Order made on 17 December")
    assert "sitting at the County Court at Clerkenwell and Shoreditch on 10 December 2026" in first
    assert "07700 900103" in first and "07700 900114" not in first
    assert "07700 900113" in first and "adjourned: not yet determined" in first
    assert "on 17 December 2026" in second and "Dated: 17 December 2026" in second
    assert "07700 900114" in second and "07700 900103" not in second
    assert "on the dates the Schedule states" not in first + second
    # each provider keeps the number the claim gave it, in the later order too
    assert "Respondent 2: Three (Training) Limited" in second
    assert "Respondent 1:" not in second


@pytest.mark.parametrize("reference", ["RAP-2026-001", "RAP-2026-002", "RAP-2026-003"])
def test_no_heading_is_left_alone_at_the_foot_of_an_order_page(
    demo_store: Store, reference: str
) -> None:
    from raptor_desktop.documents.order_doc import order_pdf

    reader = PdfReader(io.BytesIO(order_pdf(load_case_file(demo_store, reference))))
    for number, page in enumerate(reader.pages[:-1], start=1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        last = lines[-1]
        assert not last.startswith(("SCHEDULE", "Respondent", "IT IS ORDERED")), (number, last)
        assert not last.startswith("Address for service"), (number, last)


def test_an_exhibit_dated_after_the_statement_is_not_in_it(
    demo_store: Store, application: str
) -> None:
    from raptor_desktop.store.applications import application_id
    from raptor_desktop.store.exhibits import NewExhibit, add_exhibit

    later = add_exhibit(  # the statement was signed on 26 November
        demo_store,
        application_id(demo_store, application),
        NewExhibit("RC", "Call data received later", date(2026, 11, 28), ("07700 900103",)),
    )
    statement = section_text(demo_store, application, "Witness statement")
    assert later not in statement and "Exhibits: RC/1, RC/2" in statement
    listed = section_text(demo_store, application, "Exhibits list")
    assert later in listed  # still listed, and produced at the hearing


@pytest.mark.usefixtures("after_the_hearings")
def test_once_the_order_is_made_the_letter_serves_it_with_the_time_to_comply(
    demo_store: Store, application: str
) -> None:
    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    letter = section_text(demo_store, application, "Letter to Vodafone")
    assert "On 10 December 2026 the County Court at Clerkenwell and Shoreditch made an order" in (
        letter
    )
    assert "I serve the order on you with this letter" in letter
    # reg 3(5): the end of the fifth working day, not a minute before it
    assert "comply by midnight at the end of Thursday 17 December 2026" in letter
    assert "Enclosed: a sealed copy of the order dated 10 December 2026, the claim form" in letter
    assert "If the order is made" not in letter and "draft order" not in letter
    pending = section_text(demo_store, application, "Letter to Three")  # not yet decided
    assert "If the order is made" in pending


def test_providers_are_in_the_order_a_reader_sorts_them(
    demo_store: Store, application: str
) -> None:
    set_provider(demo_store, "07700 900113", "giffgaff")
    case = load_case_file(demo_store, application, prepared_on=PREPARED)
    assert case.respondents() == ["giffgaff", "Three", "Vodafone"]
    assert [item.display for _, item in case.numbered_items()][0] == "07700 900113"
    order = section_text(demo_store, application, "Draft order")
    assert order.index("Respondent 1: giffgaff") < order.index("Respondent 3: Vodafone")


def test_an_unsent_letter_does_not_demand_a_number_the_order_no_longer_covers(
    demo_store: Store,
) -> None:
    """Item ordered, then carved out (reg 3(3)) before its letter went: a letter printed now
    would have the provider cut off a number that may be someone else's by then. A letter
    recorded as sent is the record of what was served, and keeps it."""
    from raptor_desktop.store.applications import create_application
    from raptor_desktop.store.letters import record_letter_sent
    from tests.app_fixtures import NUMBERS, add_blade_phone, carve_out, details

    heard = date(2026, 11, 30)
    add_blade_phone(demo_store)
    application = create_application(demo_store, details(hearing_date=heard), NUMBERS)
    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900113", Outcome.MADE, heard)
    carve_out(demo_store, application, "07700 900113", heard)
    tesco = "Letter to Tesco Mobile (host network O2)"

    def letters() -> set[str]:
        case = load_case_file(demo_store, application, prepared_on=PREPARED)
        return {
            e.title for b in hearing_pack(case) for e in b.entries if e.title.startswith("Letter")
        }

    assert tesco not in letters()
    record_letter_sent(demo_store, application, "Tesco Mobile", heard, POST)
    assert tesco in letters()


def test_a_statement_or_authority_dated_after_today_is_a_gap(demo_store: Store) -> None:
    """A statement and an authority are dated the day they are signed."""

    reference = make_application(demo_store)
    later = details(
        statement_date=date(2027, 3, 20),
        authorised_on=date(2027, 3, 20),
        hearing_date=date(2027, 3, 22),
    )
    save_details(demo_store, reference, later)
    case = load_case_file(demo_store, reference, check_files=False, prepared_on=PREPARED)
    gaps = [g.what for g in case_gaps(case)]
    assert gaps == [
        "the witness statement is dated 20 March 2027, after today (29 November 2026): it is "
        "dated the day it is signed",
        "the superintendent's authority is dated 20 March 2027, after today (29 November "
        "2026): it is dated the day it is signed",
    ]


def test_no_document_reads_exhibits_that_are_not_there(demo_store: Store) -> None:
    """The demo's first application has none: the claim form, the authority and the order
    read the statement alone."""
    case = load_case_file(demo_store, "RAP-2026-001", prepared_on=PREPARED)
    assert not case.exhibits
    for title in ("Claim form (CPR Part 8)", "Authority", "Order (as made)"):
        text = section_text(demo_store, "RAP-2026-001", title)
        assert "exhibits" not in text.replace("Exhibits list", ""), title


@pytest.mark.usefixtures("after_the_hearings")
def test_every_letter_encloses_the_evidence_in_support(demo_store: Store, application: str) -> None:
    """CPR 8.5(2): the evidence is served with the claim form; CPR 23.9(2): with an order made
    without notice. Without notice, the letter is the one the order is served with, so it
    encloses the order, never a draft."""

    statement = (
        "the witness statement of Detective Constable Rachel Carter (71234) and its exhibits"
    )
    letter = section_text(demo_store, application, "Letter to Vodafone")
    assert (  # the form for acknowledging service goes with every claim form (CPR 7.8(2)(b))
        f"Enclosed: the order, the claim form, {statement}, the schedule of relevant items and "
        "a form for acknowledging service (form N210)." in letter
    )
    assert "draft order" not in letter and "the item above is not held by you" in letter
    save_details(demo_store, application, details(with_notice=True, claim_number="K00EC123"))
    letter = section_text(demo_store, application, "Letter to Vodafone")
    assert (  # with notice the claim is defended or not: the form to say so goes with it
        f"Enclosed: the draft order, the claim form, {statement}, the schedule of relevant "
        "items and a form for acknowledging service (form N210)." in letter
    )
    assert (  # not sent yet: the days are not known
        "serve a copy on the Applicant and on every other Respondent, not more than 14 days "
        "after service of the claim form on you (CPR 8.3)." in letter
    )
    assert "filed with it, and a copy served on the other parties" in letter  # CPR 8.5(3), (4)
    assert "If the time for filing it expires without your having filed one" in letter  # 8.4
    submit(demo_store, application)
    record_outcome(demo_store, application, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    letter = section_text(demo_store, application, "Letter to Vodafone")
    sealed = "a sealed copy of the order dated 10 December 2026"
    # no notice recorded as sent to Vodafone: the letter serving the order serves the claim
    assert f"Enclosed: {sealed}, the claim form, {statement}, the schedule" in letter
    from raptor_desktop.store.letters import record_letter_sent

    record_letter_sent(demo_store, application, "Vodafone", date(2026, 12, 1), POST)
    letter = section_text(demo_store, application, "Letter to Vodafone")
    assert f"Enclosed: {sealed}." in letter  # the claim form went with the notice


def test_the_authority_names_the_statement_it_read_by_its_date(
    demo_store: Store, application: str
) -> None:
    text = section_text(demo_store, application, "Authority")
    assert (
        f"I have read the application {application} and the witness statement of Detective "
        "Constable Rachel Carter (71234) dated 26 November 2026 and its exhibits."
    ) in text


def test_a_statement_on_one_number_speaks_of_it_in_the_singular(demo_store: Store) -> None:
    from raptor_desktop.store.applications import create_application

    reference = create_application(demo_store, details(), ["07700 900103"])
    text = section_text(demo_store, reference, "Witness statement")
    assert "in respect of the number listed in the schedule of relevant items, whose item " in text
    assert "number I use" in text
    assert "restrict the use of this item in connection" in text
    assert "these items" not in text and "numbers and devices" not in text
    assert "no interest in how the numbers are used" not in text


def test_a_draft_naming_a_number_not_ready_has_that_gap_as_submitting_it_would(
    demo_store: Store,
) -> None:
    """check-application and the pack said "no gaps" of a draft that submit then refused."""
    from raptor_desktop.core.applications import NOT_READY
    from raptor_desktop.store.applications import create_application

    reference = create_application(demo_store, details(), ["07700 900103", "07700 900112"])
    gaps = case_gaps(load_case_file(demo_store, reference, check_files=False))
    not_ready = "these numbers are not ready for application: 07700 900112 (gathering evidence)"
    # the way there a step at a time (set-status had been offered straight to 'ready'), and
    # where to take it out, with the application's reference
    assert [(g.what, g.where) for g in gaps] == [
        (not_ready, NOT_READY.replace("REFERENCE", reference))
    ]
    assert "identified → gathering evidence → ready for application" in NOT_READY
    set_status(demo_store, "07700 900112", Status.READY)
    assert case_gaps(load_case_file(demo_store, reference, check_files=False)) == []
    submit(demo_store, reference)  # in application now, and later further on: no gap then
    assert case_gaps(load_case_file(demo_store, reference, check_files=False)) == []
