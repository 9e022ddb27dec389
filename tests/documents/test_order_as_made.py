"""After the hearing: the order as the court made it, word for word, and a dated note beside it.

What happens after an order (an item ceasing to apply under regulation 3(3), an earlier time
agreed under 3(6), the order served) is not the court's order: a reprint must not change the
order's words, and the pack carries those events in a note of their own, dated, that says it
is no part of the order.
"""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.deemed_service import SendingMethod
from raptor_desktop.core.orders import DeadlineKind
from raptor_desktop.documents.order_doc import order_pdf
from raptor_desktop.documents.pack import hearing_pack
from raptor_desktop.store.applications import submit
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.letters import record_letter_sent
from raptor_desktop.store.outcomes import OrderTerms, record_outcome
from tests.app_fixtures import carve_out, make_application
from tests.documents.conftest import ORDER_MADE_ON
from tests.documents.test_court_documents import section_text
from tests.pdf_text import running_text

POST = SendingMethod.POST  # how these letters went (CPR 6.26)

HEARD = ORDER_MADE_ON
NOTED = date(2026, 12, 21)
NOTE = "Note of events since the order"


def _order_text(store: Store, reference: str, prepared_on: date) -> str:
    case = load_case_file(store, reference, prepared_on=prepared_on)
    return running_text(PdfReader(io.BytesIO(order_pdf(case))))


def _pack(
    store: Store, reference: str, prepared_on: date = NOTED
) -> tuple[list[str], PdfReader, str]:
    [bundle] = hearing_pack(load_case_file(store, reference, prepared_on=prepared_on))
    reader = PdfReader(io.BytesIO(bundle.pdf))
    return [e.title for e in bundle.entries], reader, bundle.file_name


def _section(store: Store, reference: str, title_start: str) -> str:
    return section_text(store, reference, title_start, prepared_on=NOTED)


@pytest.mark.usefixtures("after_the_hearings")
def test_a_carve_out_leaves_the_order_as_made_word_for_word(
    demo_store: Store, ordered: str
) -> None:
    before = _order_text(demo_store, ordered, HEARD)
    carve_out(demo_store, ordered, "07700 900103", date(2026, 12, 20))
    after = _order_text(demo_store, ordered, NOTED)
    assert after == before
    assert "ceased to apply to this item" not in after and "annotated" not in after
    assert "07700 900103 (+447700900103). Order made on 10 December 2026; comply by" in after


@pytest.mark.usefixtures("after_the_hearings")
def test_the_note_beside_the_order_records_the_carve_out_and_is_dated(
    demo_store: Store, ordered: str
) -> None:
    carve_out(demo_store, ordered, "07700 900103", date(2026, 12, 20))
    titles, _, _ = _pack(demo_store, ordered)
    assert titles[1:3] == ["Order (as made)", f"{NOTE}, dated 21 December 2026"]
    note = _section(demo_store, ordered, NOTE)
    assert "NOTE OF EVENTS SINCE THE ORDER" in note
    assert "Dated 21 December 2026" in note
    assert "This note is not part of the order" in note
    # it does not claim the copy is the court's order: the sealed order is (CPR 40.2)
    assert "the sealed order being the court's" in note
    assert "20 December 2026 — Item 3: 07700 900103: the Applicant, having discovered" in note
    assert "gave written notice of that to Vodafone by first class post." in note


@pytest.mark.usefixtures("after_the_hearings")
def test_an_agreed_earlier_time_goes_in_the_note_not_in_the_order(
    demo_store: Store, ordered: str
) -> None:
    before = _order_text(demo_store, ordered, HEARD)
    agreed = OrderTerms(None, DeadlineKind.AGREED, datetime(2026, 12, 11, 12, 0))
    record_outcome(
        demo_store, ordered, "07700 900103", Outcome.MADE, HEARD, agreed, amendment="agreed"
    )
    assert _order_text(demo_store, ordered, NOTED) == before
    note = _section(demo_store, ordered, NOTE)
    assert "noon on Friday 11 December 2026" in note and "regulation 3(6)" in note
    # recorded with the outcome, its day is not known: listed apart, and said so
    assert "Earlier times agreed with a Respondent, on a day not recorded" in note


@pytest.mark.usefixtures("after_the_hearings")
def test_service_of_the_order_is_noted_with_its_date(demo_store: Store, ordered: str) -> None:
    record_letter_sent(demo_store, ordered, "Vodafone", date(2026, 12, 11), POST)
    note = _section(demo_store, ordered, NOTE)
    assert "11 December 2026" in note and "serving the order was sent to Vodafone" in note


@pytest.mark.usefixtures("after_the_hearings")
def test_no_note_when_nothing_has_happened_since_the_order(demo_store: Store, ordered: str) -> None:
    titles, _, _ = _pack(demo_store, ordered, date(2026, 12, 14))  # the time to comply runs on
    assert not any(t.startswith(NOTE) for t in titles)


@pytest.mark.usefixtures("after_the_hearings")
def test_once_every_item_is_decided_the_pack_is_no_longer_a_hearing_bundle(
    demo_store: Store,
) -> None:
    reference = make_application(demo_store)
    submit(demo_store, reference)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, HEARD)
    _, reader, name = _pack(demo_store, reference)  # two items still to be decided
    assert "hearing bundle" in name and "INDEX TO HEARING BUNDLE" in reader.pages[0].extract_text()
    for number in ("07700 900113", "07700 900114"):
        record_outcome(demo_store, reference, number, Outcome.MADE, HEARD)
    _, reader, name = _pack(demo_store, reference)
    assert name.endswith("DDTRO post-hearing bundle 2026-12-10.pdf"), name
    assert "INDEX TO POST-HEARING BUNDLE" in reader.pages[0].extract_text()
    assert reader.metadata.title.endswith("DDTRO post-hearing bundle")


@pytest.mark.usefixtures("after_the_hearings")
def test_the_note_says_where_each_item_stands_and_is_signed(
    demo_store: Store, ordered: str
) -> None:
    """The note had listed only the letters sent and the carve-outs: not which items were
    served, when each had to be dealt with, whether the provider had confirmed it, and it
    was signed by no one."""
    from raptor_desktop.store.orders import confirm_disconnection

    record_letter_sent(demo_store, ordered, "Vodafone", date(2026, 12, 11), POST)
    confirm_disconnection(demo_store, ordered, "07700 900103", date(2026, 12, 15))
    note = _section(demo_store, ordered, NOTE)
    assert "15 December 2026 — Item 3: 07700 900103: Vodafone confirmed that it had complied" in (
        note
    )
    # Three was never served: the time passed before service, which is not Three's default
    assert "passed without Three's confirmation" not in note
    assert (
        "17 December 2026 — Item 2: 07700 900114: the time to comply (midnight at the end of "
        "Thursday 17 December 2026) passed before the order was served on Three"
    ) in note
    assert "Each item of the order, as at 21 December 2026" in note
    assert (
        "Item 3: 07700 900103 (Vodafone): order made on 10 December 2026; the letter serving it "
        "sent on 11 December 2026, deemed served on 14 December 2026; to comply by "
        "midnight at the end of Thursday 17 December 2026; compliance confirmed by the "
        "provider on 15 December 2026."
    ) in note
    assert (
        "Item 2: 07700 900114 (Three): order made on 10 December 2026; the letter serving it "
        "has not been sent; to comply by midnight at the end of Thursday 17 December 2026; "
        "not served before that time: serve it and apply to the court (form N244) to vary "
        "the time to comply."
    ) in note
    # sent is what the register knows; when it was served depends on how (CPR 6.26)
    assert "11 December 2026 — The letter serving the order was sent to Vodafone" in note
    assert "Signed: ______" in note and "Name: Rachel Carter" in note
    assert note.count("Date:") == 0  # dated once, at the top
    assert "Position: Detective Constable 71234, Essex Police" in note
