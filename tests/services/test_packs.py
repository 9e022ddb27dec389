"""Saving a pack records its files; a supplementary bundle goes on the end of a served one."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.documents.pack_check import check_pack
from raptor_desktop.services.disclosure import Recipient
from raptor_desktop.services.packs import build_pack, build_supplement, save_pack
from raptor_desktop.services.session import Session
from raptor_desktop.store.applications import application_id, save_details
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.database import Store
from raptor_desktop.store.exhibits import NewExhibit, add_exhibit
from tests.app_fixtures import details, make_application

COURT = Recipient("County Court at Clerkenwell and Shoreditch", "hearing bundle")


def _exhibit_file(folder: Path, pages: int) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    path = folder / "cdr.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


def served(store: Store, folder: Path) -> tuple[str, Path]:
    reference = make_application(store)
    [path] = save_pack(store, build_pack(Session.of(store), reference), folder / "p.pdf", COURT)
    return reference, path


def add_call_data(store: Store, reference: str, folder: Path) -> str:
    return add_exhibit(
        store,
        application_id(store, reference),
        NewExhibit(
            "RC", "Call data", date(2026, 11, 28), ("07700 900103",), _exhibit_file(folder, 3)
        ),
    )


def test_a_supplement_keeps_every_served_byte_and_numbers_on(
    demo_store: Store, tmp_path: Path
) -> None:
    reference, path = served(demo_store, tmp_path)
    before = path.read_bytes()
    served_pages = len(PdfReader(path).pages)
    mark = add_call_data(demo_store, reference, tmp_path)
    pack = build_supplement(Session.of(demo_store), reference, path)
    [out] = save_pack(demo_store, pack, tmp_path / "s.pdf", COURT)
    after = out.read_bytes()
    assert after[: len(before)] == before  # the served file is the new one's first bytes
    assert hashlib.sha256(after[: len(before)]).hexdigest() == pack.supplements.sha256  # type: ignore[union-attr]
    reader = PdfReader(out)
    total = len(reader.pages)
    # index, the further statement producing it (2 pages), exhibits list, front sheet, its 3
    assert total == served_pages + 1 + 2 + 1 + 1 + 3
    first_added = reader.pages[served_pages].extract_text()
    assert "INDEX TO SUPPLEMENTARY BUNDLE" in first_added and mark in first_added
    assert f"Page {served_pages + 1} of {total}" in first_added
    assert f"Page {served_pages} of {served_pages}" in reader.pages[served_pages - 1].extract_text()
    report = check_pack(out)
    assert report.sound, report.failed
    assert f"supplemented: from page {served_pages + 1}" in report.notes
    # tabs run on from the served index's, as the pages do (they had restarted at 1)
    served_tabs = len([o for o in PdfReader(path).outline if not isinstance(o, list)]) - 1
    rows = " ".join(first_added.split()).split("Tab Document Pages")[1].split()
    assert rows[:2] == [str(served_tabs + 1), "Supplementary"]
    titles = [str(o.title) for o in reader.outline if not isinstance(o, list)]
    assert f"Supplementary index (p. {served_pages + 1})" in titles
    # named and titled as what it now is
    assert pack.bundles[0].file_name == "p supplemented.pdf"
    assert reader.metadata.title.endswith("DDTRO hearing bundle (supplemented)")
    [entry] = [
        e
        for e in entries(demo_store, AuditFilter(category="disclosure"))
        if e.event == "supplementary bundle (saved as PDF)"
    ]
    assert entry.recipient == COURT.name and str(out) in entry.records
    # the supplement is itself a saved bundle: it can be supplemented in its turn
    add_exhibit(
        demo_store,
        application_id(demo_store, reference),
        NewExhibit("RC", "Second call data", date(2026, 11, 29), ("07700 900103",)),
    )
    again = build_supplement(Session.of(demo_store), reference, out)
    assert again.bundles[0].pdf.startswith(after)
    twice = PdfReader(io.BytesIO(again.bundles[0].pdf))
    # the second supplement's index had taken the number of the first's cross-reference
    # stream, and was lost to a reader that kept the stream
    # (its index, the further statement of 2 pages, the exhibits list)
    assert len(twice.pages) == again.bundles[0].pages == total + 4
    second = " ".join(twice.pages[total].extract_text().split())
    assert second.split("Tab Document Pages")[1].split()[0] == str(served_tabs + 4)
    assert "Statement: No. 3" in " ".join(twice.pages[total + 1].extract_text().split())


def test_a_supplement_refuses_a_changed_draft_or_complete_bundle(
    demo_store: Store, tmp_path: Path
) -> None:
    reference, path = served(demo_store, tmp_path)
    session = Session.of(demo_store)
    with pytest.raises(InputRejected, match="every exhibit is already in it"):
        build_supplement(session, reference, path)
    add_call_data(demo_store, reference, tmp_path)
    changed = tmp_path / "changed.pdf"
    data = bytearray(path.read_bytes())
    data[data.index(b"/Title") + 8] ^= 1  # one character of the title, as an editor would
    changed.write_bytes(bytes(data))
    with pytest.raises(InputRejected, match="changed since it was saved"):
        build_supplement(session, reference, changed)
    save_details(demo_store, reference, details(statement_date=None))  # a gap: DRAFT packs only
    draft = build_pack(session, reference, draft=True)
    [draft_path] = save_pack(demo_store, draft, tmp_path / "draft.pdf", COURT)
    with pytest.raises(InputRejected, match="was a DRAFT bundle"):
        build_supplement(session, reference, draft_path)


def _section(pdf: bytes, title_start: str, bundle_entries: list) -> str:  # type: ignore[type-arg]
    reader = PdfReader(io.BytesIO(pdf))
    entry = next(e for e in bundle_entries if e.title.startswith(title_start))
    pages = range(entry.first_page - 1, entry.last_page)
    return " ".join(" ".join(reader.pages[p].extract_text().split()) for p in pages)


def test_a_reprint_after_serving_keeps_the_served_statement_and_the_new_exhibit_is_a_further_one(
    demo_store: Store, tmp_path: Path
) -> None:
    """An exhibit added after the bundle was served went into a reprint's statement No. 1
    (a paragraph added, the rest renumbered: a signed statement rewritten), and the
    supplement's front sheet cited statement No. 1, which never mentions it."""
    reference, path = served(demo_store, tmp_path)
    session = Session.of(demo_store)
    first = build_pack(session, reference).bundles[0]
    statement_before = _section(first.pdf, "Witness statement", first.entries)
    mark = add_exhibit(  # dated before the statement was signed: found later, not made later
        demo_store,
        application_id(demo_store, reference),
        NewExhibit(
            "RC",
            "Handset photograph",
            date(2026, 11, 20),
            ("07700 900103",),
            _exhibit_file(tmp_path, 1),
        ),
    )
    reprint = build_pack(session, reference)
    again = reprint.bundles[0]
    assert _section(again.pdf, "Witness statement", again.entries) == statement_before
    assert mark not in _section(again.pdf, "Exhibits list", again.entries)
    assert reprint.left_out == (mark,)
    assert f"{mark} was added after" in reprint.left_out_note
    assert "raptor supplementary-bundle" in reprint.left_out_note
    supplement = build_supplement(session, reference, path)
    bundle = supplement.bundles[0]
    reader = PdfReader(io.BytesIO(bundle.pdf))
    added = " ".join(
        " ".join(reader.pages[p].extract_text().split())
        for p in range(len(PdfReader(path).pages), len(reader.pages))
    )
    assert "SUPPLEMENTARY WITNESS STATEMENT OF RACHEL CARTER" in added
    assert "Statement: No. 2" in added
    assert "supplements my witness statement No. 1 dated 26 November 2026" in added
    assert f"I produce the exhibit marked {mark}: Handset photograph dated 20 November 2026" in (
        added
    )
    assert "Rachel Carter (71234) (statement no. 2)" in added  # its front sheet


@pytest.mark.usefixtures("after_the_hearings")
def test_a_renewal_statement_is_numbered_after_the_further_statements_served(
    demo_store: Store, tmp_path: Path
) -> None:
    """The supplement's further statement was No. 2, and so was the renewal's statement."""
    from raptor_desktop.core.applications import Outcome
    from raptor_desktop.store.applications import set_item, submit
    from raptor_desktop.store.case_file import load_case_file
    from raptor_desktop.store.orders import renew
    from raptor_desktop.store.outcomes import record_outcome

    reference, path = served(demo_store, tmp_path)
    add_call_data(demo_store, reference, tmp_path)
    supplement = build_supplement(Session.of(demo_store), reference, path)
    for copy in ("court.pdf", "provider.pdf"):  # the same file twice: one statement
        save_pack(demo_store, supplement, tmp_path / copy, COURT)
    for number in ("07700 900103", "07700 900113", "07700 900114"):
        set_item(demo_store, reference, number, "EE", "test purchases")
    submit(demo_store, reference)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    renewal = renew(demo_store, reference)
    assert load_case_file(demo_store, renewal, check_files=False).statement_number == 3
    assert load_case_file(demo_store, reference, check_files=False).statement_number == 1


def test_a_supplemented_bundle_s_name_still_ends_with_the_hearing_date() -> None:
    from raptor_desktop.documents.supplement import supplement_file_name

    served = "K00BA123 DDTRO hearing bundle 2026-12-10.pdf"
    once = supplement_file_name(served)
    assert once == "K00BA123 DDTRO hearing bundle supplemented 2026-12-10.pdf"
    assert supplement_file_name(once) == once  # supplemented again: the name says it once
    assert supplement_file_name("pack.pdf") == "pack supplemented.pdf"
