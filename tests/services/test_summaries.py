"""Case summaries (issue 11): the PDF read back, the data files, the disclosure, the scope."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.documents.case_summary_doc import case_summary_pdf
from raptor_desktop.services.summaries import (
    Recipient,
    Scope,
    export_case_summary,
    view_case_summary,
)
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.database import Store
from raptor_desktop.store.lines import add_number

TO = Recipient("DI Patel, Serious Violence Unit", "monthly review of the county lines work")
TODAY = date(2026, 12, 1)


def test_the_pdf_has_its_cover_figures_charts_tables_and_furniture(
    demo_store: Store, tmp_path: Path
) -> None:
    [pdf] = export_case_summary(demo_store, Scope(), tmp_path / "summary.pdf", TO, TODAY)
    reader = PdfReader(pdf)
    text = [page.extract_text() for page in reader.pages]
    assert "CASE SUMMARY" in text[0] and "Scope: all lines" in text[0]
    assert "Prepared: 1 December 2026 by tester" in text[0]
    assert "12 lines with 13 numbers" in text[0]
    whole = "\n".join(text)
    for heading in (
        "Key figures",
        "Numbers identified and disconnected, by month",
        "Numbers by area and status",
        "Lines",
        "Applications and outcomes",
        "Outreach (counts only)",
        "Chronology",
    ):
        assert heading in whole, heading
    assert "Type 2 closures" in whole and "(an estimate)" in whole
    total = len(reader.pages)
    for n, page in enumerate(text, start=1):
        assert f"Page {n} of {total}" in page and "OFFICIAL-SENSITIVE" in page
        assert "SUM-20261201" in page and "TRAINING" in page
    assert "07700 900201" not in whole  # contacts are counted, never named


def test_the_data_files_agree_with_the_figures_and_defuse_formulas(
    demo_store: Store, tmp_path: Path
) -> None:
    add_number(demo_store, "07700 900150", LineDetails(brand="Zed", notes='=HYPERLINK("x")'))
    summary = view_case_summary(demo_store, Scope(), TODAY)
    written = export_case_summary(demo_store, Scope(), tmp_path / "summary.csv", TO, TODAY)
    assert sorted(p.name for p in written) == sorted(
        f"summary-{n}.csv"
        for n in (
            "cover",
            "key-figures",
            "by-month",
            "lines",
            "applications",
            "lines-by-operation",
            "outreach",
            "outreach-by-month",
            "contacts-linking-lines",
            "chronology",
        )
    )
    lines = list(
        csv.DictReader(io.StringIO((tmp_path / "summary-lines.csv").read_text("utf-8-sig")))
    )
    assert len(lines) == summary.figures.lines
    [zed] = [row for row in lines if row["line"] == "Zed"]
    assert zed["notes"] == '\'=HYPERLINK("x")'
    assert "(first seen 20" in lines[0]["numbers"]  # ISO dates in data files
    [book] = export_case_summary(demo_store, Scope(), tmp_path / "summary.xlsx", TO, TODAY)
    workbook = load_workbook(book)
    assert workbook.sheetnames == [
        "cover",
        "key figures",
        "by month",
        "lines",
        "applications",
        "lines by operation",
        "outreach",
        "outreach by month",
        "contacts linking lines",
        "chronology",
    ]
    months = list(workbook["by month"].iter_rows(min_row=2, values_only=True))
    assert sum(r[2] for r in months) == sum(summary.figures.identified_per_month)
    assert all(isinstance(r[2], int) for r in months)  # numbers stay numbers


def test_an_export_is_a_disclosure_and_says_its_scope(demo_store: Store, tmp_path: Path) -> None:
    export_case_summary(demo_store, Scope(area="Thurrock"), tmp_path / "t.pdf", TO, TODAY)
    [entry] = entries(demo_store, AuditFilter(category="disclosure"))[-1:]
    assert entry.event == "case summary (exported)"
    assert entry.recipient == TO.name and entry.justification == TO.justification
    assert "area Thurrock" in entry.records and str(tmp_path / "t.pdf") in entry.records


def test_nothing_is_written_without_a_recipient_or_in_an_unknown_format(
    demo_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(InputRejected, match="who receives it"):
        export_case_summary(demo_store, Scope(), out / "s.pdf", Recipient("", ""), TODAY)
    with pytest.raises(InputRejected, match=".pdf, .csv, .xlsx"):
        export_case_summary(demo_store, Scope(), out / "s.docx", TO, TODAY)
    assert list(out.iterdir()) == []
    assert not entries(demo_store, AuditFilter(category="disclosure"))


def test_a_scope_covers_only_its_lines(demo_store: Store) -> None:
    whole = view_case_summary(demo_store, Scope(), TODAY).figures
    tony = view_case_summary(demo_store, Scope(line="Tony"), TODAY)
    thurrock = view_case_summary(demo_store, Scope(area="Thurrock"), TODAY).figures
    assert (tony.figures.lines, tony.figures.numbers) == (1, 2)
    assert [r.brand for r in tony.lines] == ["Tony"]
    assert thurrock.lines == whole.lines_by_area["Thurrock"]
    period = view_case_summary(demo_store, Scope(since=date(2026, 5, 1), until=date(2026, 5, 31)))
    assert sum(period.figures.disconnected_per_month) == whole.type2_closures
    assert sum(period.figures.identified_per_month) == 0
    assert "events from 01/05/2026 to 31/05/2026" in period.scope


def test_contacts_linking_lines_are_counted_never_named(demo_store: Store) -> None:
    summary = view_case_summary(demo_store, Scope(), TODAY)
    assert summary.linking_contacts == (("K", "Tony"),)  # 07700 900502, found on both
    whole = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(case_summary_pdf(summary))).pages
    )
    assert "Contact 1" in whole and "900502" not in whole
    assert view_case_summary(demo_store, Scope(line="Tony"), TODAY).linking_contacts == ()


def test_a_line_of_many_numbers_and_long_notes_is_printed_a_row_a_number(
    training_store: Store, tmp_path: Path
) -> None:
    """A line's numbers over the years outgrow a page: each number is a row of its own, and
    notes longer than a page go on over the next (a row of one line had been taller than
    the page, and the export failed)."""
    notes = " ".join(f"Intelligence report {n} places the line in Grays." for n in range(400))
    for tail in range(60):
        add_number(training_store, f"07700 900{500 + tail}", LineDetails(brand="Wave", notes=notes))
    [pdf] = export_case_summary(
        training_store, Scope(line="Wave"), tmp_path / "wave.pdf", TO, TODAY
    )
    whole = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    lines_table = whole.split("Areas\nNumber\nFirst seen", 1)[1].split(
        "Applications and outcomes", 1
    )[0]
    numbers = [r.strip() for r in lines_table.splitlines() if r.strip().startswith("07700 ")]
    assert numbers == [f"07700 900{500 + tail}" for tail in range(60)]  # a row each, in order
    assert "Intelligence report 399 places" in " ".join(lines_table.split())  # to the end


def test_no_title_of_the_applications_table_breaks_inside_a_word() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from raptor_desktop.core.case_summary import APPLICATION_HEADERS
    from raptor_desktop.documents.case_summary_doc import APPLICATION_WIDTHS
    from raptor_desktop.documents.styles import SMALL_BOLD
    from raptor_desktop.documents.tables import PADDING

    for title, width in zip(APPLICATION_HEADERS, APPLICATION_WIDTHS, strict=True):
        for word in title.split():
            used = stringWidth(word, SMALL_BOLD.fontName, SMALL_BOLD.fontSize)
            assert used <= width - 2 * PADDING, (title, word)


def test_the_chronology_gives_each_event_on_the_day_it_happened(demo_store: Store) -> None:
    """Every change of status had been dated the day it was typed in: an order made in May
    showed as made on the day the register was seeded, after its own disconnection, and a
    note printed its date as 2026-05-18 among dates written 18/05/2026."""
    summary = view_case_summary(demo_store, Scope(line="Tony"), TODAY)
    on = {event.what: event.on for event in summary.chronology}
    db = demo_store.db
    ordered, confirmed = db.execute(
        "SELECT order_date, provider_confirmed_on FROM orders r JOIN numbers n "
        "ON n.id = r.number_id WHERE n.e164 = '+447700900101'"
    ).fetchone()
    assert on["07700 900101: order made"] == date.fromisoformat(ordered)
    assert on["07700 900101: disconnection confirmed by the provider"] == date.fromisoformat(
        confirmed
    )
    [(purchase,)] = db.execute(
        "SELECT occurred_on FROM evidence WHERE reference = 'TP/0301'"
    ).fetchall()
    assert on["Tony: test purchase (TP/0301)"] == date.fromisoformat(purchase)
    [(seen,)] = db.execute("SELECT first_seen FROM numbers WHERE e164 = '+447700900101'")
    assert on["07700 900101: first seen"] == date.fromisoformat(seen)
    recorded = [what for what in on if what.startswith("07700 900101: recorded as ")]
    assert "07700 900101: recorded as gathering evidence" in recorded
    assert not any("order made" in what or "refused" in what for what in recorded)
    assert not any("-05-" in what or "(demo scenario)" in what for what in on)
