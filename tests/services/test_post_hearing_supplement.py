"""After the hearing, the bundle served stays as it was served: the order, the note of events
and the letters serving the order go at its end, as a supplement (the bundle guidance: later
material is added at the end, its pages numbered on, nothing already served renumbered).

The post-hearing bundle had been built afresh: the order and note went in at tabs 2–3, the
draft order the court had read dropped out, and every later page moved.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.dates import full_date
from raptor_desktop.core.deemed_service import SendingMethod
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.documents.pack_check import check_pack
from raptor_desktop.services.packs import build_pack, build_supplement, save_pack
from raptor_desktop.services.session import Session
from raptor_desktop.store.applications import save_details, submit
from raptor_desktop.store.database import Store
from raptor_desktop.store.letters import record_letter_sent
from raptor_desktop.store.outcomes import OrderTerms, record_outcome
from tests.app_fixtures import details, make_application
from tests.services.test_packs import COURT, add_call_data, served

POST = SendingMethod.POST  # how these letters went (CPR 6.26)

HEARD = date(2026, 12, 10)
NUMBERS = ("07700 900103", "07700 900113", "07700 900114")


def _decide(store: Store, reference: str) -> None:
    """The order made on every item; its claim number and judge recorded, as the sealed
    order gives them."""
    submit(store, reference)
    judge = OrderTerms(judge="District Judge Patel")
    for number in NUMBERS:
        record_outcome(store, reference, number, Outcome.MADE, HEARD, judge)
    save_details(store, reference, details(claim_number="K00CL123"), "claim number given")


def _added(pack_pdf: bytes, served_pages: int) -> tuple[list[str], str]:
    """The bookmarks of the pages added after ``served_pages``, and their text."""
    reader = PdfReader(io.BytesIO(pack_pdf))
    titles = [
        str(item.title)
        for item in reader.outline
        if not isinstance(item, list) and reader.get_destination_page_number(item) >= served_pages
    ]
    text = " ".join(
        " ".join(reader.pages[p].extract_text().split())
        for p in range(served_pages, len(reader.pages))
    )
    return titles, text


@pytest.mark.usefixtures("after_the_hearings")
def test_the_order_and_the_letters_serving_it_go_at_the_end_of_the_served_bundle(
    demo_store: Store, tmp_path: Path
) -> None:
    reference, path = served(demo_store, tmp_path)
    before = path.read_bytes()
    served_pages = len(PdfReader(path).pages)
    _decide(demo_store, reference)
    session = Session.of(demo_store)
    pack = build_supplement(session, reference, path)
    bundle = pack.bundles[0]
    assert bundle.pdf.startswith(before)  # every served page kept, byte for byte
    titles, text = _added(bundle.pdf, served_pages)
    assert titles[0].startswith(f"Supplementary index (p. {served_pages + 1}")
    assert titles[1].startswith("Order made on 10 December 2026 (")
    # the hearing was on 10 December, the time to comply ran out on the 17th (these tests run
    # on 21 December at the earliest): the note records that no provider has confirmed
    assert [t.split(" (")[0] for t in titles[2:]] == [
        f"Note of events since the order, dated {full_date(date.today())}",
        "Letter to Tesco Mobile serving the order",
        "Letter to Three serving the order",
        "Letter to Vodafone serving the order",
    ]
    assert "ORDER (as made)" in text and "DRAFT ORDER" not in text
    assert "Letter to Three serving the order (not yet sent) (p." in " ".join(titles)
    assert "passed before the order was served on Vodafone" in text  # none sent yet
    assert "SUPPLEMENTARY WITNESS STATEMENT" not in text  # no exhibit added: none needed
    # the supplement's index says what it is added to; the file's date is the supplement's
    served_tabs = len([o for o in PdfReader(path).outline if not isinstance(o, list)]) - 1
    assert (
        f"Added at the end of the bundle as served: its pages 1–{served_pages} and tabs "
        f"1–{served_tabs} are unchanged, and these run on"
    ) in text
    made = PdfReader(io.BytesIO(bundle.pdf)).metadata["/ModDate"]
    assert made == date.today().strftime("D:%Y%m%d000000Z")
    [out] = save_pack(demo_store, pack, tmp_path / "after.pdf", COURT)
    report = check_pack(out)
    assert report.sound, report.failed

    # nothing new: refused, and says what the file already holds
    with pytest.raises(InputRejected, match="the order and the letters serving it"):
        build_supplement(session, reference, out)

    # the order served on Vodafone: the note records it, and the letter as sent is added
    record_letter_sent(demo_store, reference, "Vodafone", date(2026, 12, 11), POST)
    mark = add_call_data(demo_store, reference, tmp_path)
    again = build_supplement(session, reference, out)
    after_first = len(PdfReader(out).pages)
    titles, text = _added(again.bundles[0].pdf, after_first)
    assert [t.split(" (")[0] for t in titles] == [
        "Supplementary index",
        f"Note of events since the order, dated {full_date(date.today())}",
        "Letter to Vodafone serving the order, as sent on 11 December 2026",
        "Certificate of service",  # of that letter, for the officer to sign
        "Supplementary witness statement of Rachel Carter",
        "Supplementary exhibits list",
        f"Exhibit {mark}: Call data",
    ]
    assert (
        "The letter serving the order was sent to Vodafone by first class post (item 3). It is "
        "deemed served on 14 December 2026 (CPR 6.26). Vodafone may apply to set the "
        "order aside or vary it on or before 21 December 2026 (within 7 days after service, CPR "
        "23.10(2))."
    ) in text
    assert "Statement: No. 2" in text  # the first supplement carried no statement


@pytest.mark.usefixtures("after_the_hearings")
def test_a_reprint_after_the_order_says_where_the_order_belongs(
    demo_store: Store, tmp_path: Path
) -> None:
    reference = make_application(demo_store)
    session = Session.of(demo_store)
    first = build_pack(session, reference)
    [path] = save_pack(demo_store, first, tmp_path / "served.pdf", COURT)
    assert not any("renumbers" in note for note in build_pack(session, reference).notes)
    _decide(demo_store, reference)
    reprint = build_pack(session, reference)
    [note] = reprint.notes
    assert path.name in note
    assert "renumbers" in note and "supplementary-bundle" in note
    index = PdfReader(io.BytesIO(reprint.bundles[0].pdf)).pages[0].extract_text()
    assert "Reprint for the Applicant's file, renumbered: not the bundle served" in (
        " ".join(index.split())
    )  # the file says so itself, not only the window


@pytest.mark.usefixtures("after_the_hearings")
def test_a_pack_built_after_its_hearing_with_no_outcome_says_so(demo_store: Store) -> None:
    """A hearing bundle built after the day of its hearing, with no outcome recorded, had
    gone out as if the hearing were still to come (its draft order's time to comply counted
    from a day gone by)."""
    reference = make_application(demo_store)
    submit(demo_store, reference)
    [note] = build_pack(Session.of(demo_store), reference).notes
    assert "the hearing was listed for 10 December 2026, which has passed" in note
    assert "raptor record-outcome" in note
    judge = OrderTerms(judge="District Judge Patel")
    record_outcome(demo_store, reference, NUMBERS[0], Outcome.MADE, HEARD, judge)
    save_details(demo_store, reference, details(claim_number="K00CL123"), "claim number given")
    still = build_pack(Session.of(demo_store), reference).notes  # two numbers undecided
    assert any("which has passed" in n for n in still)
