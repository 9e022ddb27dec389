"""The certificate of service (form N215's content): each letter recorded as sent, what it
carried, how and where it went, and the day each document is deemed served.

The pack had the letters but nothing the officer could sign to prove their service, and the
claim form's own deemed service (the second business day after the step, CPR 6.14) was
never given; the notice of a claim heard with notice did not enclose the form for
acknowledging service (N210).
"""

from __future__ import annotations

import io
from datetime import date, time

import pytest
from pypdf import PdfReader

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.deemed_service import SendingMethod
from raptor_desktop.documents.after_order import after_order, held_by_pack
from raptor_desktop.documents.certificate_of_service import CERTIFICATE_TITLE
from raptor_desktop.documents.pack import hearing_pack
from raptor_desktop.documents.supplement import addition_to
from raptor_desktop.store.applications import save_details, submit
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.letters import record_letter_sent
from raptor_desktop.store.outcomes import record_outcome
from tests.app_fixtures import NUMBERS, details, make_application
from tests.documents.test_court_documents import section_text
from tests.pdf_text import running_text

NOTICE_DAY = date(2026, 12, 1)  # a Tuesday: the claim form is deemed served on Thursday
HEARD = date(2026, 12, 10)
SERVED = date(2026, 12, 11)  # a Friday
NOTED = date(2026, 12, 21)
STATEMENT = "the witness statement of Detective Constable Rachel Carter (71234) and its exhibits"


def _with_notice(store: Store, claim_number: str = "K00EC123") -> str:
    reference = make_application(store)
    save_details(store, reference, details(with_notice=True, claim_number=claim_number))
    record_letter_sent(store, reference, "Vodafone", NOTICE_DAY, SendingMethod.EMAIL, time(10))
    record_letter_sent(store, reference, "Tesco Mobile", NOTICE_DAY, SendingMethod.POST)
    return reference


def _ordered_with_notice(store: Store) -> str:
    """The notices sent, the claim heard and the order made on every item."""
    reference = _with_notice(store)
    submit(store, reference)
    for number in NUMBERS:
        record_outcome(store, reference, number, Outcome.MADE, HEARD)
    return reference


def _certificate(store: Store, reference: str) -> str:
    return section_text(store, reference, CERTIFICATE_TITLE, prepared_on=NOTED)


def _titles(store: Store, reference: str) -> list[str]:
    [bundle] = hearing_pack(load_case_file(store, reference, prepared_on=NOTED))
    return [e.title for e in bundle.entries]


def test_no_certificate_until_a_letter_is_recorded_as_sent(
    demo_store: Store, application: str
) -> None:
    assert CERTIFICATE_TITLE not in _titles(demo_store, application)


@pytest.mark.usefixtures("after_the_hearings")
def test_the_notices_of_a_claim_heard_with_notice_are_certified_before_the_hearing(
    demo_store: Store,
) -> None:
    reference = _with_notice(demo_store)
    titles = _titles(demo_store, reference)
    assert titles[-1] == CERTIFICATE_TITLE  # after the letters it certifies
    assert titles[-2].startswith("Letter to ")
    text = _certificate(demo_store, reference)
    assert "CERTIFICATE OF SERVICE" in text
    assert (
        "I, Detective Constable Rachel Carter (71234), of Grays Police Station, Orsett Road, "
        "Grays RM17 5DD, acting for the Applicant, Superintendent Mark Hughes (1203), certify "
        "that I served the documents below" in text
    )
    tesco, vodafone = text.index("Respondent 1, "), text.index("Respondent 3, ")
    assert tesco < vodafone  # numbered as in the claim
    assert (
        "1. On 1 December 2026 I served on Respondent 1, Tesco Mobile (Training) Limited, my "
        "letter to it of that date giving notice of the application, with the draft order, "
        f"the claim form, {STATEMENT}, the schedule of relevant items and a form for "
        "acknowledging service (form N210), by first class post, addressed to it at Law "
        "Enforcement Liaison Team, Tesco Mobile, 1 Training Way, Exampleton EX1 1AA, being "
        "the address it has given for service (CPR 6.8). The claim form (CPR 6.14) and the "
        "other documents (CPR 6.26) are deemed served on 3 December 2026." in text
    )
    assert (
        "2. On 1 December 2026 at 10:00 I served on Respondent 3, Vodafone (Training) Limited, "
        "my letter to it of that date giving notice of the application" in text
    )
    assert "by email to orders@vodafone.example. Vodafone (Training) Limited had previously" in text
    assert (
        "willing to accept service by email at that address (PD 6A para 4.1): its letter of 5 "
        "January 2026" in text
    )
    # by email before 4.30pm the documents are served that day; the claim form two days on
    assert (
        "The claim form is deemed served on 3 December 2026 (CPR 6.14), and the other "
        "documents on 1 December 2026 (CPR 6.26)." in text
    )
    # Three had no notice: the certificate says so, and the draft order recites only the two
    assert (
        "3. No document in this claim has yet been served on Respondent 2, Three (Training) "
        "Limited." in text
    )
    assert (  # one went by email: no message that it bounced, either
        "4. I confirm that at the time of signing this certificate none of these documents has "
        "been returned to me as undelivered, and no message has been received that an email "
        "sending them was not delivered." in text
    )
    order = section_text(demo_store, reference, "Draft order", prepared_on=NOTED)
    assert (
        "AND UPON Respondents 1 and 3 having been given notice of the application, and "
        "Respondent 2 not having been given it" in order
    )
    assert "I believe that the facts stated in this certificate are true." in text
    assert "Signed: " in text and "Date: ____" in text


@pytest.mark.usefixtures("after_the_hearings")
def test_the_letter_serving_the_order_is_certified_and_goes_in_a_supplement(
    demo_store: Store,
) -> None:
    reference = _ordered_with_notice(demo_store)
    served = held_by_pack(load_case_file(demo_store, reference, prepared_on=NOTED))
    record_letter_sent(demo_store, reference, "Vodafone", SERVED, SendingMethod.HAND, time(15))
    text = _certificate(demo_store, reference)
    assert (
        "On 11 December 2026 at 15:00 I served on Respondent 3, Vodafone (Training) Limited, "
        "my letter to it of that date serving the order, with a sealed copy of the order dated "
        "10 December 2026" in text
    )
    assert (  # the claim form went with the notice: the order goes alone
        "serving the order, with a sealed copy of the order dated 10 December 2026, by hand, "
        "delivered to it at Law Enforcement Liaison Team, Vodafone, 1 Training Way, "
        "Exampleton EX1 1AA, being the address it has given for service (CPR 6.8). They are "
        "deemed served on 11 December 2026 (CPR 6.26)." in text
    )
    # a bundle served before that letter went gains a new certificate in its supplement
    case = load_case_file(demo_store, reference, prepared_on=NOTED)
    added = addition_to(case, served, case.statement_number)
    assert CERTIFICATE_TITLE in [d.title for d in added.later]
    [certificate] = [d for d in after_order(case) if d.title == CERTIFICATE_TITLE]
    assert "serving the order" in running_text(PdfReader(io.BytesIO(certificate.make())))
    assert CERTIFICATE_TITLE not in [d.title for d in addition_to(case, added.keys, 1).later]


@pytest.mark.usefixtures("after_the_hearings")
def test_without_notice_the_letter_serving_the_order_serves_the_claim_form(
    demo_store: Store,
) -> None:
    reference = make_application(demo_store)
    submit(demo_store, reference)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, HEARD)
    record_letter_sent(demo_store, reference, "Vodafone", SERVED, SendingMethod.POST)
    text = _certificate(demo_store, reference)
    assert "schedule of relevant items and a form for acknowledging service (form N210)" in text
    # posted on a Friday: the order served on Monday 14th (CPR 6.26), the claim form Tuesday
    assert (
        "The claim form is deemed served on 15 December 2026 (CPR 6.14), and the other "
        "documents on 14 December 2026 (CPR 6.26)." in text
    )


@pytest.mark.usefixtures("after_the_hearings")
def test_the_notice_gives_the_days_to_acknowledge_service_and_a_hearing_before_them(
    demo_store: Store,
) -> None:
    """Served on 3 December, the claim is acknowledged by 17 December (CPR 8.3), a week after
    the hearing: the letter says so, where it had told the provider CPR 8.4 would stop it
    taking part, which applies only once that time has run out."""
    reference = _with_notice(demo_store)
    letter = section_text(demo_store, reference, "Letter to Vodafone", prepared_on=NOTED)
    assert (
        "The claim form enclosed is deemed served on you on 3 December 2026 (CPR 6.14). If you "
        "wish to take part in the hearing, you must file at the court an acknowledgment of "
        "service (form N210, enclosed), stating whether you contest the claim" in letter
    )
    assert "after service of the claim form on you, that is by 17 December 2026 (CPR 8.3)" in letter
    assert (
        "The hearing is on 10 December 2026, before that day: if you wish to take part in it, "
        "please file and serve your acknowledgment before the hearing." in letter
    )
    submit(demo_store, reference)
    for number in NUMBERS:
        record_outcome(demo_store, reference, number, Outcome.MADE, HEARD)
    record_letter_sent(demo_store, reference, "Vodafone", SERVED, SendingMethod.POST)
    record_letter_sent(demo_store, reference, "Three", SERVED, SendingMethod.POST)
    served = _certificate(demo_store, reference)
    # Three had no notice: the letter serving the order on it serves the claim form as well
    three = served[served.index("Respondent 2, Three") :]
    assert (
        "serving the order, with a sealed copy of the order dated 10 December 2026, the " in three
    )
    assert "The claim form is deemed served on 15 December 2026 (CPR 6.14)" in three


def test_a_notice_sent_serves_an_issued_claim_form_so_its_number_is_needed(
    demo_store: Store,
) -> None:
    """The claim form exists once the court has issued it (CPR 7.2): a notice recorded as
    sent with it, and no claim number, is a gap; once recorded the notice quotes it."""
    from raptor_desktop.core.case_gaps import case_gaps

    reference = _with_notice(demo_store, claim_number="")
    gaps = [g.what for g in case_gaps(load_case_file(demo_store, reference))]
    assert any("a notice of the application is recorded as sent" in g for g in gaps), gaps
    save_details(demo_store, reference, details(with_notice=True, claim_number="K00EC123"))
    gaps = [g.what for g in case_gaps(load_case_file(demo_store, reference))]
    assert not any("claim number" in g for g in gaps), gaps
    letter = section_text(demo_store, reference, "Letter to Vodafone", prepared_on=NOTED)
    assert "Our reference: RAP-2026-004 Claim No.: K00EC123" in letter


def test_a_hearing_before_the_time_to_acknowledge_service_is_a_caution(
    demo_store: Store,
) -> None:
    """Served on 3 December, Vodafone and Tesco have until 17 December to acknowledge service;
    the hearing is on the 10th. Not the program's to refuse: it says so before the pack goes."""
    from raptor_desktop.services.packs import pack_cautions

    reference = _with_notice(demo_store)
    case = load_case_file(demo_store, reference, prepared_on=date(2026, 12, 4))
    early, due = pack_cautions(case, None)
    assert due == (  # 21 days after the first claim form was served (both on the 3rd)
        "file the certificate of service (at the end of the pack, signed) at the court by 24 "
        "December 2026, 21 days after the claim form was served on Tesco Mobile (CPR "
        "6.17(2)(a)), unless every Respondent has filed an acknowledgment of service by then"
    )
    assert early.startswith(
        "the hearing on 10 December 2026 comes before the end of the time to acknowledge "
        "service of the claim form (Tesco Mobile by 17 December 2026; Vodafone by 17 December "
        "2026: 14 days after it is deemed served, CPR 8.3)"
    )
    letter = section_text(demo_store, reference, "Letter to Vodafone", prepared_on=NOTED)
    assert (  # issued and listed: said so, with its number
        "has brought a claim under CPR Part 8 in the County Court at Clerkenwell and "
        "Shoreditch (claim no. K00EC123) for an order in respect of the following item" in letter
    )
    assert "The court will hear it on 10 December 2026 at 10:30:" in letter
    save_details(demo_store, reference, details(with_notice=True, hearing_date=date(2026, 12, 18)))
    later = load_case_file(demo_store, reference, prepared_on=date(2026, 12, 4))
    assert pack_cautions(later, None) == (due,)


def test_the_kind_of_address_a_letter_was_posted_to_is_stated_or_a_gap(
    demo_store: Store,
) -> None:
    """Form N215 asks what the address is (CPR 6.8, 6.9): recorded for each network, and a
    gap while a letter posted or delivered to it has none."""
    from raptor_desktop.core.case_gaps import case_gaps
    from raptor_desktop.core.errors import InputRejected
    from raptor_desktop.store.settings import change_networks

    reference = _with_notice(demo_store)
    change_networks(demo_store, {}, {"Tesco Mobile": {"address_kind": ""}})
    case = load_case_file(demo_store, reference, prepared_on=NOTED)
    [gap] = [g for g in case_gaps(case) if "what kind of address" in g.what]
    assert gap.what.startswith("a letter to Tesco Mobile went to its address for service")
    assert '--address-kind "Tesco Mobile" KIND' in gap.where
    assert "being [what kind of address it is: not recorded]" in _certificate(demo_store, reference)
    with pytest.raises(InputRejected, match="not a kind of address for service; use one of"):
        change_networks(demo_store, {}, {"Tesco Mobile": {"address_kind": "head office"}})
    change_networks(demo_store, {}, {"Tesco Mobile": {"address_kind": " Principal  Office "}})
    text = _certificate(demo_store, reference)
    assert "Exampleton EX1 1AA, being its principal office (CPR 6.9(2))." in text
    case = load_case_file(demo_store, reference, prepared_on=NOTED)
    assert not [g for g in case_gaps(case) if "what kind of address" in g.what]


@pytest.mark.usefixtures("after_the_hearings")
def test_after_the_order_the_bundle_keeps_the_notices_its_certificate_certifies(
    demo_store: Store,
) -> None:
    reference = _ordered_with_notice(demo_store)
    titles = _titles(demo_store, reference)
    notice = "Notice of the application to Vodafone, letter of 1 December 2026"
    assert titles.index(notice) + 1 == titles.index("Letter to Vodafone")  # then the serving one
    assert not any(t.startswith("Notice of the application to Three") for t in titles)
    letter = section_text(demo_store, reference, notice, prepared_on=NOTED)
    assert "By email to orders@vodafone.example Date: 1 December 2026" in letter
    assert "I write to give you notice that" in letter and "form N210" in letter
