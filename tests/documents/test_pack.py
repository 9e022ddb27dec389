"""Read the hearing pack back and check what a court clerk would check."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from raptor_desktop.core.lines import LineDetails
from raptor_desktop.core.numbers import national_format
from raptor_desktop.core.statuses import Status
from raptor_desktop.documents.pack import Bundle, bookmark_title, hearing_pack
from raptor_desktop.documents.stamp import TRAINING_MARK
from raptor_desktop.documents.statement import STATEMENT_OF_TRUTH
from raptor_desktop.store.applications import application_id, create_application
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.exhibits import NewExhibit, add_exhibit
from raptor_desktop.store.lines import add_number, set_status
from tests.app_fixtures import NUMBERS, add_blade_phone, details, make_application

ICON = Path(__file__).parents[2] / "resources" / "icons" / "raptor.png"
FIRST_LINE = {
    "Claim form (CPR Part 8)": "APPLICATION FOR DRUG DEALING",
    "Draft order": "DRAFT ORDER",
    "Schedule of relevant items": "SCHEDULE OF RELEVANT ITEMS",
    "Authority of the Applicant": "AUTHORITY OF THE APPLICANT",
    "Exhibits list": "EXHIBITS LIST",
}


def text_of(reader: PdfReader, page: int) -> str:
    return " ".join(reader.pages[page].extract_text().split())


def reference_of(bundle: Bundle) -> str:
    """The application reference the file is named after (the demo has applications too)."""
    reference = bundle.file_name.split()[0]
    assert re.fullmatch(r"RAP-2026-\d{3}", reference)
    return reference


def build(store: Store, reference: str) -> list[Bundle]:
    return hearing_pack(load_case_file(store, reference, prepared_on=date(2026, 11, 29)))


@pytest.fixture
def pack(demo_store: Store) -> tuple[Bundle, PdfReader]:
    reference = make_application(demo_store, attach=ICON)
    [bundle] = build(demo_store, reference)
    return bundle, PdfReader(io.BytesIO(bundle.pdf))


def test_index_pages_match_the_documents(pack: tuple[Bundle, PdfReader]) -> None:
    bundle, reader = pack
    assert "INDEX TO HEARING BUNDLE" in text_of(reader, 0)
    assert "Prepared 29 November 2026" in text_of(reader, 0)
    assert bundle.entries[0].first_page == 2
    assert bundle.entries[-1].last_page == len(reader.pages)
    for entry in bundle.entries:
        first = text_of(reader, entry.first_page - 1)
        if entry.title in FIRST_LINE:
            assert FIRST_LINE[entry.title] in first, entry.title
        elif entry.title.startswith("Witness statement"):
            assert "WITNESS STATEMENT OF RACHEL CARTER" in first
        elif entry.title.startswith("Exhibit "):  # its front sheet comes first
            mark = entry.title.split(":")[0].removeprefix("Exhibit ")
            assert f"EXHIBIT {mark}" in first
            assert (
                f"This is the exhibit marked {mark} referred to in the witness statement" in first
            )
        else:
            provider, _, host = entry.title.removeprefix("Letter to ").partition(" (host network ")
            respondent = {"Tesco Mobile": 1, "Three": 2, "Vodafone": 3}[provider]  # as claimed
            party = f"{provider} (Training) Limited (Respondent {respondent})" + (
                f" (host network: {host.rstrip(')')})" if host else ""
            )
            assert f"To: {party} Law Enforcement Liaison Team" in first  # with its address
            assert "without notice to you" in first and "(CPR 23.10(2))" in first
            # before any order, in the tense of one not yet made (it had said "is made")
            assert "If the order is made, it will have been made without notice to you" in first
            assert "As the order is made" not in first
            assert "agreeing an earlier time with you, as regulation 3(6) allows" in first
        pages = (
            str(entry.first_page)
            if entry.first_page == entry.last_page
            else f"{entry.first_page}–{entry.last_page}"
        )
        assert pages in text_of(reader, 0)


def test_bookmarks_links_labels_and_opening(pack: tuple[Bundle, PdfReader]) -> None:
    bundle, reader = pack
    top = [item for item in reader.outline if not isinstance(item, list)]
    outline = [(item.title, reader.get_destination_page_number(item)) for item in top]
    # the respondents' parts of the draft order's Schedule, and of the schedule of items
    in_order, providers = [item for item in reader.outline if isinstance(item, list)]
    order = next(e for e in bundle.entries if e.title == "Draft order")
    in_it = range(order.first_page, order.last_page + 1)
    assert [
        (p.title.split(" (p. ")[0], reader.get_destination_page_number(p) + 1 in in_it)
        for p in in_order
    ] == [
        ("Respondent 1: Tesco Mobile (Training) Limited", True),
        ("Respondent 2: Three (Training) Limited", True),
        ("Respondent 3: Vodafone (Training) Limited", True),
    ]
    schedule = next(e for e in bundle.entries if e.title == "Schedule of relevant items")

    def page_of(heading: str) -> int:  # the schedule's page where the provider's part starts
        pages = range(schedule.first_page, schedule.last_page + 1)
        return next(p for p in pages if heading in text_of(reader, p - 1))

    assert [p.title for p in providers] == [
        f"{part} — {brand} (Training) Limited (p. {page_of(part)})"
        for part, brand in (
            ("Respondent 1: Tesco Mobile (host network O2)", "Tesco Mobile"),
            ("Respondent 2: Three", "Three"),
            ("Respondent 3: Vodafone", "Vodafone"),
        )  # numbered as in the claim: the brand, and the company the order binds
    ]
    assert outline == [("Index (p. 1)", 0)] + [
        (bookmark_title(e), e.first_page - 1) for e in bundle.entries
    ]
    assert all(title.endswith(")") and "p" in title.rsplit("(", 1)[1] for title, _ in outline)
    targets = []
    for annotation in reader.pages[0]["/Annots"]:
        link = annotation.get_object()
        assert link["/Subtype"] == "/Link"
        targets.append(reader.get_page_number(link["/Dest"][0].get_object()))
    assert targets == [e.first_page - 1 for e in bundle.entries]
    assert reader.page_labels == [str(n) for n in range(1, len(reader.pages) + 1)]
    open_action = reader.trailer["/Root"]["/OpenAction"]
    assert open_action[1] == "/XYZ" and open_action[4] == 1
    assert reader.metadata is not None
    assert reader.metadata.title == f"{reference_of(bundle)} — DDTRO hearing bundle"
    assert reader.metadata.author == "Detective Constable Rachel Carter (71234)"


def test_every_page_is_marked_and_numbered(pack: tuple[Bundle, PdfReader]) -> None:
    bundle, reader = pack
    total = len(reader.pages)
    for page in range(total):
        text = text_of(reader, page)
        assert text.count("OFFICIAL-SENSITIVE") >= 2, page
        assert f"Page {page + 1} of {total}" in text
        assert reference_of(bundle) in text
        assert TRAINING_MARK in text


def test_every_number_in_schedule_and_draft_order(pack: tuple[Bundle, PdfReader]) -> None:
    bundle, reader = pack
    for title in ("Schedule of relevant items", "Draft order"):
        entry = next(e for e in bundle.entries if e.title == title)
        text = " ".join(text_of(reader, p) for p in range(entry.first_page - 1, entry.last_page))
        for number in NUMBERS:
            assert (
                national_format(
                    phonenumbers.format_number(
                        phonenumbers.parse(number, "GB"), phonenumbers.PhoneNumberFormat.E164
                    )
                )
                in text
            )


def test_witness_statement(pack: tuple[Bundle, PdfReader]) -> None:
    bundle, reader = pack
    entry = next(e for e in bundle.entries if e.title.startswith("Witness statement"))
    text = " ".join(text_of(reader, p) for p in range(entry.first_page - 1, entry.last_page))
    assert STATEMENT_OF_TRUTH in text
    assert "marked RC/1" in text and "Exhibits: RC/1, RC/2" in text
    assert "I am Detective Constable Rachel Carter (71234) of Essex Police" in text
    number = re.search(r"\(no\. (\d+)\)$", entry.title)  # counted, the same in the index
    assert number and re.search(r"1\. +I am", text) and f"Statement: No. {number[1]}" in text
    assert "Date: 26 November 2026" in text  # the day it was signed, never the print date
    assert "29 November 2026" not in text
    dee = (
        "the line known as “Dee” sells crack cocaine and heroin in Brentwood. I rely on this record"
    )
    assert dee in re.sub(r" OFFICIAL-SENSITIVE .*? NOT FOR COURT USE", "", text)  # a page break
    assert "The number is used by the deal line" not in text  # said once, not twice
    assert "Disconnected phones can still call 999" not in text
    assert "Practice Direction 32, paragraph 18.2" in text


def test_a_rank_typed_with_the_name_is_not_printed_twice(demo_store: Store) -> None:
    from raptor_desktop.core.applications import Officer

    typed = details(applicant=Officer("DC Rachel Carter", "", "71234"))
    add_blade_phone(demo_store)
    reference = create_application(demo_store, typed, NUMBERS)
    [bundle] = build(demo_store, reference)
    reader = PdfReader(io.BytesIO(bundle.pdf))
    entry = next(e for e in bundle.entries if e.title.startswith("Witness statement"))
    text = text_of(reader, entry.first_page - 1)
    assert "I am Detective Constable Rachel Carter (71234)" in text
    assert "Witness: R Carter" in text


def test_letters_only_list_their_providers_items(pack: tuple[Bundle, PdfReader]) -> None:
    bundle, reader = pack
    letters = {
        e.title: text_of(reader, e.first_page - 1)
        for e in bundle.entries
        if e.title.startswith("Letter to")
    }
    assert set(letters) == {
        "Letter to Tesco Mobile (host network O2)",
        "Letter to Three",
        "Letter to Vodafone",
    }
    assert "07700 900113" in letters["Letter to Tesco Mobile (host network O2)"]
    assert "07700 900103" not in letters["Letter to Tesco Mobile (host network O2)"]
    assert (
        "the following item, for which you are the provider, numbered as in"
        in (letters["Letter to Vodafone"])
    )
    assert "Item 3: 07700 900103" in letters["Letter to Vodafone"]  # the schedule's number


def test_same_data_gives_same_bytes(demo_store: Store) -> None:
    reference = make_application(demo_store, attach=ICON)
    assert build(demo_store, reference)[0].pdf == build(demo_store, reference)[0].pdf


def test_live_database_has_no_training_mark(live_store: Store) -> None:
    example = phonenumbers.example_number_for_type("GB", PhoneNumberType.MOBILE)
    number = national_format(
        phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    )
    add_number(live_store, number, LineDetails(brand="Tony", areas=["Thurrock"]))
    for status in (Status.GATHERING_EVIDENCE, Status.READY):
        set_status(live_store, number, status)
    reference = create_application(live_store, details(), [number])
    [bundle] = build(live_store, reference)
    reader = PdfReader(io.BytesIO(bundle.pdf))
    assert all(TRAINING_MARK not in text_of(reader, p) for p in range(len(reader.pages)))
    assert "Letter to Three" in [e.title for e in bundle.entries]


def long_pdf(path: Path, pages: int) -> Path:
    canvas = Canvas(str(path))
    for page in range(1, pages + 1):
        canvas.drawString(100, 700, f"Call data record, sheet {page}")
        canvas.showPage()
    canvas.save()
    return path


def with_call_data(store: Store, folder: Path, pages: int, description: str) -> str:
    """The ready-made application, with an attached exhibit of ``pages`` pages of call data."""
    reference = make_application(store)
    add_exhibit(
        store,
        application_id(store, reference),
        NewExhibit(
            "RC",
            description,
            date(2026, 11, 2),
            ("07700 900103",),
            long_pdf(folder / f"cdr{pages}.pdf", pages),
        ),
    )
    return reference


def test_over_300_pages_splits_into_lettered_bundles(demo_store: Store, tmp_path: Path) -> None:
    reference = with_call_data(demo_store, tmp_path, 320, "Call data records")
    bundles = build(demo_store, reference)
    assert [b.letter for b in bundles] == ["A", "B"]
    assert [b.file_name for b in bundles] == [
        f"{reference} DDTRO hearing bundle A 2026-12-10.pdf",  # ending with the hearing date
        f"{reference} DDTRO hearing bundle B 2026-12-10.pdf",
    ]
    every_title = [e.title for b in bundles for e in b.entries]
    for bundle in bundles:
        reader = PdfReader(io.BytesIO(bundle.pdf))
        letter = bundle.letter
        assert len(reader.pages) <= 300
        index = text_of(reader, 0)
        assert f"MASTER INDEX — BUNDLE {letter}" in index
        # every bundle's index lists both bundles' documents, with lettered pages
        assert "Bundle A: pages A1–" in index and "Bundle B: pages B1–" in index
        assert all(title[:40] in index for title in every_title[:10])
        last = len(reader.pages)
        assert f"Page {letter}{last} of {letter}{last}" in text_of(reader, last - 1)
        assert f"Page {letter}2 of {letter}{last}" in text_of(reader, 1)
        assert f"Bundle {letter}" in text_of(reader, last - 1)
        assert reader.page_labels == [f"{letter}{n}" for n in range(1, last + 1)]
        # the index links only to documents in the bundle in hand, each to its page
        links = [a.get_object() for a in reader.pages[0].get("/Annots") or []]
        assert len(links) == len(bundle.entries)
        for item in reader.outline:
            if not isinstance(item, list):
                assert f"p. {letter}" in item.title or f"pp. {letter}" in item.title
    entries = {e.title: e for b in bundles for e in b.entries}
    [first_part] = [t for t in entries if t.startswith("Exhibit RC/3: Call data records (part 1")]
    [second_part] = [t for t in entries if t.startswith("Exhibit RC/3: Call data records (part 2")]
    start, end = entries[first_part], entries[second_part]
    assert start.letter == "A" and end.letter == "B"
    reader = PdfReader(io.BytesIO(bundles[0].pdf))
    listed = entries["Exhibits list"]
    text = " ".join(text_of(reader, p) for p in range(listed.first_page - 1, listed.last_page))
    # the exhibits list says where each copy is, bundle letter and all
    assert f"pages A{start.first_page}–B{end.last_page}" in text
    assert "produced at the hearing" in text  # RC/1 and RC/2 have no file attached


def test_protective_marking_is_a_setting(demo_store: Store) -> None:
    from raptor_desktop.store.settings import PROTECTIVE_MARKING, set_value

    set_value(demo_store, PROTECTIVE_MARKING, "OFFICIAL")
    reference = make_application(demo_store)
    reader = PdfReader(io.BytesIO(build(demo_store, reference)[0].pdf))
    for page in range(len(reader.pages)):
        text = text_of(reader, page)
        assert "OFFICIAL" in text and "OFFICIAL-SENSITIVE" not in text


def _valid(kind: str, stem: str) -> str:
    """``stem`` with the check digit that makes it a valid identifier of ``kind``."""
    from raptor_desktop.core.identifiers import IdentifierRejected, validate_identifier

    for digit in "0123456789":
        try:
            return validate_identifier(kind, stem + digit)[1]
        except IdentifierRejected:
            continue
    raise AssertionError(f"no check digit makes {stem} a valid {kind}")


def test_device_identifiers_are_never_broken_across_lines(demo_store: Store) -> None:
    from raptor_desktop.store.lines import add_device

    reference = make_application(demo_store)
    identifiers = {
        "IMEI": _valid("IMEI", "00101000000003"),
        "IMSI": "001010123456789",
        "ICCID": _valid("ICCID", "8944000000000000999"),  # 20 digits, the longest
    }
    for kind, value in identifiers.items():
        add_device(demo_store, NUMBERS[0], kind, value)
    [bundle] = build(demo_store, reference)
    reader = PdfReader(io.BytesIO(bundle.pdf))
    for title in ("Schedule of relevant items", "Draft order"):
        entry = next(e for e in bundle.entries if e.title == title)
        pages = range(entry.first_page - 1, entry.last_page)
        words = {w for p in pages for w in reader.pages[p].extract_text().split()}
        for value in identifiers.values():
            assert value in words, (title, value)
        assert "No." in words  # the column heading is not broken either
    order = next(e for e in bundle.entries if e.title == "Draft order")
    text = " ".join(
        " ".join(reader.pages[p].extract_text().split())
        for p in range(order.first_page - 1, order.last_page)
    )
    # each identifier says what it is (it had been "(the same item)", which says nothing)
    assert f"IMEI {identifiers['IMEI']} (the handset used with the number)" in text
    assert f"ICCID {identifiers['ICCID']} (the SIM card of the number)" in text
    assert "the same item" not in text


def test_stamped_pages_share_one_copy_of_each_font(demo_store: Store, tmp_path: Path) -> None:
    """Each stamped page must not carry fonts of its own: 50 more exhibit pages cost little."""
    from raptor_desktop.store.applications import delete_draft

    sizes = []
    for pages in (10, 60):
        reference = with_call_data(demo_store, tmp_path, pages, f"Call data, {pages} sheets")
        [bundle] = build(demo_store, reference)
        sizes.append(len(bundle.pdf))
        delete_draft(demo_store, reference)  # its numbers go in one application at a time
    per_page = (sizes[1] - sizes[0]) / 50
    assert per_page < 3_000, f"{per_page:.0f} bytes a stamped page"
    # each page had its own fonts at first (about 43 KB a page); then its own font
    # dictionaries and descriptors and an uncompressed furniture stream (about 12 KB a page);
    # now all of them are stored once per bundle and the page's stream is compressed


def test_an_image_exhibit_is_embedded_at_no_more_than_300_dpi(
    demo_store: Store, tmp_path: Path
) -> None:
    from PIL import Image as Picture

    photo = tmp_path / "handset.png"
    Picture.new("RGB", (4000, 3000), "navy").save(photo)  # a phone photo, far finer than print
    reference = make_application(demo_store, attach=photo)
    [bundle] = build(demo_store, reference)
    reader = PdfReader(io.BytesIO(bundle.pdf))
    widths = [
        x.get_object()["/Width"]
        for page in reader.pages
        for x in (page.get("/Resources", {}).get("/XObject", {}) or {}).values()
        if x.get_object().get("/Subtype") == "/Image"
    ]
    most = int(16 / 2.54 * 300) + 1  # 16 cm wide at 300 dpi
    assert widths and max(widths) <= most


def test_every_page_is_drawn_not_only_written(pack: tuple[Bundle, PdfReader]) -> None:
    """Text must show when a page is rendered, not only when it is extracted: the furniture
    (marking top and bottom) and the document's own words are dark pixels on every page."""
    import pypdfium2

    bundle, _reader = pack
    document = pypdfium2.PdfDocument(bundle.pdf)
    try:
        for number, page in enumerate(document, start=1):
            image = page.render(scale=1).to_pil().convert("L")
            width, height = image.size
            top = image.crop((0, 0, width, height // 12))
            body = image.crop((0, height // 6, width, height * 5 // 6))
            dark = [sum(part.histogram()[:100]) for part in (top, body)]  # pixels darker than 100
            assert dark[0] > 50, f"page {number}: the marking at the top is not drawn"
            assert dark[1] > 50, f"page {number}: the page's text is not drawn"
            page.close()
    finally:
        document.close()


def test_a_submitted_applications_pack_is_the_same_file_on_any_day(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as real

    from raptor_desktop.store import case_file
    from raptor_desktop.store.applications import submit

    reference = make_application(demo_store)
    submit(demo_store, reference)
    first = hearing_pack(load_case_file(demo_store, reference))[0].pdf

    class NextWeek(real.date):
        @classmethod
        def today(cls) -> real.date:
            return real.date.today() + real.timedelta(days=7)

    monkeypatch.setattr(case_file, "date", NextWeek)
    assert hearing_pack(load_case_file(demo_store, reference))[0].pdf == first


def test_the_pack_is_not_reported_done_before_it_is_put_together(demo_store: Store) -> None:
    """A progress bar full closes its dialog: the last step is reported one short of it."""
    reported: list[tuple[int, int, str]] = []
    case = load_case_file(demo_store, "RAP-2026-001")
    hearing_pack(case, progress=lambda done, total, title: reported.append((done, total, title)))
    assert all(done < total for done, total, _title in reported), reported
    assert reported[-1][2] == "Assembling the bundle"
    assert len({total for _d, total, _t in reported}) == 1


def test_the_text_layer_holds_only_what_the_pages_show(demo_store: Store) -> None:
    """The fonts' alphabet had been drawn invisibly at the head of every page, to give each
    file the same font subsets: a screen reader read it out, and every copy and paste from a
    pack began with it. The subsets are the same without it (fonts stored once, above)."""
    [bundle] = build(demo_store, make_application(demo_store))
    reader = PdfReader(io.BytesIO(bundle.pdf))
    for number, page in enumerate(reader.pages, start=1):
        assert "0123456789:;<=>?@ABC" not in page.extract_text(), f"page {number}"
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert len(fonts) <= 6, fonts  # each font embedded once for the whole bundle


def test_an_index_of_two_pages_is_bookmarked_with_both() -> None:
    """The bookmark had said 'Index (p. 1)' of an index on pages 1 and 2."""
    from raptor_desktop.documents.index_page import index_bookmark

    assert index_bookmark("Index", None, 1, 1) == "Index (p. 1)"
    assert index_bookmark("Index", "B", 1, 2) == "Index (pp. B1–B2)"
    assert index_bookmark("Supplementary index", None, 19, 2) == "Supplementary index (pp. 19–20)"
