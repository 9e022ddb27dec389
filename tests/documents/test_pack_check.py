"""`raptor check-pack`: a bundle read back passes, and an altered one fails, named by page."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from raptor_desktop.documents.pack import hearing_pack, write_bundles
from raptor_desktop.documents.pack_check import check_bundle, check_pack
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from tests.app_fixtures import make_application


def saved_pack(store: Store, folder: Path) -> Path:
    reference = make_application(store)
    [written] = write_bundles(hearing_pack(load_case_file(store, reference)), folder / "pack.pdf")
    return written


def test_a_pack_as_built_passes_every_rule(demo_store: Store, tmp_path: Path) -> None:
    report = check_pack(saved_pack(demo_store, tmp_path))
    assert report.sound, report.failed
    assert len(report.passed) == 11
    assert report.notes == ["a training pack: not for court use"]


def test_a_pack_with_a_page_taken_out_fails_by_page(demo_store: Store, tmp_path: Path) -> None:
    path = saved_pack(demo_store, tmp_path)
    reader = PdfReader(path)
    writer = PdfWriter()
    for number, page in enumerate(reader.pages):
        if number != 2:  # someone drops page 3 before sending it on
            writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(buffer.getvalue())
    report = check_pack(altered)
    assert not report.sound
    left = len(reader.pages) - 1
    assert f"page 3: not numbered 'Page 3 of {left}'" in report.failed
    assert "the file has no bookmarks" in report.failed  # a copied page keeps no bookmarks
    assert "the file does not open at 100 %" in report.failed


def test_a_file_that_is_not_a_pdf_is_said_so(tmp_path: Path) -> None:
    junk = tmp_path / "pack.pdf"
    junk.write_bytes(b"not a pdf at all")
    report = check_pack(junk)
    assert not report.sound and report.failed[0].startswith("the file cannot be read as a PDF")


def test_each_bundle_of_a_split_pack_passes_with_lettered_pages(
    demo_store: Store, tmp_path: Path
) -> None:
    reference = make_application(demo_store)
    bundles = hearing_pack(load_case_file(demo_store, reference), max_pages=8)
    assert len(bundles) > 1
    for path in write_bundles(bundles, tmp_path / "pack.pdf"):
        report = check_pack(path)
        assert report.sound, (path.name, report.failed)
        letter = path.stem.split()[-1]
        assert f"every page is numbered 'Page {letter}N of {letter}T', N its PDF page" in (
            report.passed
        )


def test_the_drafts_bundle_check_page_lists_failures_first_and_stays_one_page(
    demo_store: Store, tmp_path: Path
) -> None:
    from raptor_desktop.documents.gaps_doc import MOST_LINES, bundle_check_pdf
    from raptor_desktop.documents.pack_check import PackReport

    case = load_case_file(demo_store, make_application(demo_store))
    report = PackReport(tmp_path / "pack.pdf", passed=["page 1 is the index"])
    report.failed = [f"page {n}: not numbered 'Page {n} of 40'" for n in range(1, 40)]
    reader = PdfReader(io.BytesIO(bundle_check_pdf(case, [report])))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert text.index("FAIL page 1: not numbered") < text.index("more: run raptor check-pack")
    assert f"… and {40 - MOST_LINES} more" in text and "ok page 1 is the index" not in text


def test_bookmarks_and_links_keep_the_zoom_and_a_fit_one_is_named(
    demo_store: Store, tmp_path: Path
) -> None:
    from pypdf.generic import NameObject

    path = saved_pack(demo_store, tmp_path)
    report = check_pack(path)
    assert "bookmarks and links keep the reader's zoom (no /Fit)" in report.passed
    writer = PdfWriter(clone_from=PdfReader(path))
    first = writer.pages[0]["/Annots"][0].get_object()
    first["/Dest"][1] = NameObject("/Fit")  # as a bundle made elsewhere would have it
    altered = tmp_path / "fit.pdf"
    with altered.open("wb") as out:
        writer.write(out)
    assert "page 1: an index link opens its page with /Fit" in check_pack(altered).failed


def test_a_pack_saved_into_a_folder_takes_its_own_name_there(
    demo_store: Store, tmp_path: Path
) -> None:
    reference = make_application(demo_store)
    bundles = hearing_pack(load_case_file(demo_store, reference))
    [written] = write_bundles(bundles, tmp_path)
    assert written == tmp_path / bundles[0].file_name and written.name.endswith("2026-12-10.pdf")


def test_a_pdf_that_is_no_pack_passes_no_rule_about_its_index(tmp_path: Path) -> None:
    """No bookmarks is no document linked, not every document linked."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "A letter, not a hearing pack")
    canvas.save()
    report = check_bundle(buffer.getvalue(), tmp_path / "letter.pdf")
    assert "the index links to each document" not in report.passed
    assert "no document is bookmarked, so the index can link to none" in report.failed


@pytest.mark.usefixtures("after_the_hearings")
def test_the_check_reads_the_words_for_what_was_left_blank(demo_store: Store) -> None:
    """check-pack had checked the layout only: a bundle after the order that still said
    "[for the court to complete]", "Claim No. to be allocated", a blank fee or a provider's
    "[legal name not recorded]" passed every rule."""
    from dataclasses import replace

    from raptor_desktop.core.applications import Outcome
    from raptor_desktop.store.applications import submit
    from raptor_desktop.store.outcomes import record_outcome
    from tests.app_fixtures import NUMBERS

    reference = make_application(demo_store)
    submit(demo_store, reference)
    for number in NUMBERS:  # no judge given, and no claim number recorded
        record_outcome(demo_store, reference, number, Outcome.MADE, date(2026, 12, 10))
    case = load_case_file(demo_store, reference)
    case = replace(case, court_fee="", legal_names={**case.legal_names, "Three": ""})
    [bundle] = hearing_pack(case)  # built past its gaps, as a hand-made file would be
    report = check_bundle(bundle.pdf, Path("post.pdf"))
    order = next(e for e in bundle.entries if e.title == "Order (as made)").first_page
    assert f"page {order}: [the judge's name not recorded]" in report.failed
    assert f"page {order}: 'Claim No. to be allocated', after the order was made" in report.failed
    claim = next(e for e in bundle.entries if e.title.startswith("Claim form")).last_page
    assert f"page {claim}: the court fee is blank" in report.failed  # the claim form's end
    assert "page 2: [legal name not recorded]" in report.failed
    assert not report.sound
    # the respondents' parts of the order's Schedule and of the schedule of items are
    # bookmarked within them, and checked too
    assert any(" bookmarks and 6 within them" in line for line in report.passed)
