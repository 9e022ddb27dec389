"""The exhibits list, and attached exhibit files turned into pages of the bundle."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import UnidentifiedImageError
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdfium2 import PdfiumError
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from raptor_desktop.core.case_file import CaseExhibit, CaseFile
from raptor_desktop.core.dates import full_date
from raptor_desktop.core.errors import UnusableFile
from raptor_desktop.core.wording import and_list
from raptor_desktop.documents.exhibit_fit import fit_exhibit
from raptor_desktop.documents.heading import case_heading, esc
from raptor_desktop.documents.render import render
from raptor_desktop.documents.styles import BODY, CENTRE, MARK, SMALL, SMALL_BOLD, TITLE


def exhibits_list_pdf(case: CaseFile, where: dict[str, str] | None = None) -> bytes:
    """Every exhibit, and where its copy is: its pages (``where``, by mark, with the bundle
    letter when split), or that it is produced at the hearing."""
    where = where or {}
    rows = [
        [Paragraph(h, SMALL_BOLD) for h in ("Mark", "Description", "Date", "Numbers", "Copy at")]
    ]
    for exhibit in case.exhibits:
        rows.append(
            [
                Paragraph(f"<b>{esc(exhibit.mark)}</b>", SMALL),
                Paragraph(esc(exhibit.description), SMALL),
                Paragraph(full_date(exhibit.exhibit_date) if exhibit.exhibit_date else "—", SMALL),
                Paragraph(esc(", ".join(exhibit.numbers)) or "—", SMALL),
                Paragraph(
                    f"pages {where[exhibit.mark]}"
                    if exhibit.mark in where
                    else "produced at the hearing",
                    SMALL,
                ),
            ]
        )
    table = Table(rows, colWidths=[1.6 * cm, 6.4 * cm, 2.6 * cm, 3.0 * cm, 2.6 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "#555555"),
                ("BACKGROUND", (0, 0), (-1, 0), "#e6e6e6"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story: list[Flowable] = [*case_heading(case), Paragraph("EXHIBITS LIST", TITLE)]
    if case.exhibits:
        story.append(table)
    else:
        story.append(Paragraph("No exhibits are recorded for this application.", BODY))
    return render(story, title=f"{case.reference} exhibits list")


def _referred(case: CaseFile, exhibit: CaseExhibit, maker: str) -> str:
    """Which statement the exhibit belongs to: the statement, or (dated after it) a further one."""
    if exhibit in case.exhibited():
        return (
            f"This is the exhibit marked {esc(exhibit.mark)} referred to in the witness statement "
            f"of {esc(maker)} (statement no. {case.statement_number})."
        )
    signed = full_date(case.statement_date) if case.statement_date else "its date"
    return (
        f"This is the exhibit marked {esc(exhibit.mark)}, produced by {esc(maker)} after the "
        f"witness statement of {signed} was made; it is to be exhibited to a further statement."
    )


def front_sheet_pdf(case: CaseFile, exhibit: CaseExhibit) -> bytes:
    """The page before an exhibit: its mark, what it is, who produces it, the items it shows."""
    maker = case.applicant.described() or "the officer in the case"
    when = f", dated {full_date(exhibit.exhibit_date)}" if exhibit.exhibit_date else ""
    items = {i.display: n for n, i in case.numbered_items()}
    shows = [f"item {items[d]} ({d})" if d in items else d for d in exhibit.numbers]
    story: list[Flowable] = [
        *case_heading(case),
        Spacer(1, 3 * cm),
        Paragraph(f"EXHIBIT {esc(exhibit.mark)}", TITLE),
        Paragraph(f"{esc(exhibit.description)}{when}", CENTRE),
        Spacer(1, 0.6 * cm),
        Paragraph(_referred(case, exhibit, maker), CENTRE),
    ]
    if shows:
        story.append(Paragraph(f"It relates to {esc(and_list(shows))}.", CENTRE))
    if exhibit.sha256:
        story.append(Paragraph(f"SHA-256 of the file as produced: {exhibit.sha256}", MARK))
    return render(story, title=f"Exhibit {exhibit.mark} front sheet")


MAX_DPI = 300  # the bundle guidance: images no finer than 300 dots per inch


def _picture(data: bytes) -> Image:
    """An image exhibit fitted to the page (16 × 20 cm at most, never enlarged), its pixels
    reduced to at most :data:`MAX_DPI` at the size it is printed."""
    from PIL import Image as Picture

    with Picture.open(io.BytesIO(data)) as source:
        width, height = source.size
        scale = min(16 * cm / width, 20 * cm / height, 1.0)
        shown = (width * scale, height * scale)  # points
        most = (int(shown[0] / 72 * MAX_DPI), int(shown[1] / 72 * MAX_DPI))
        if width > most[0] or height > most[1]:
            buffer = io.BytesIO()
            source.convert("RGB").resize(most, Picture.Resampling.LANCZOS).save(buffer, "PNG")
            data = buffer.getvalue()
    image = Image(io.BytesIO(data))
    image.drawWidth, image.drawHeight = shown
    return image


def exhibit_file_pdf(case: CaseFile, exhibit: CaseExhibit) -> bytes:
    """An attached exhibit as PDF pages after its front sheet: a PDF as it is, an image scaled
    onto a page of its own."""
    if exhibit.file is None:
        raise ValueError(f"exhibit {exhibit.mark} has no attached file")
    data, suffix = exhibit.file, Path(exhibit.file_name).suffix.lower()
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front_sheet_pdf(case, exhibit))))
    try:
        if suffix == ".pdf":
            # pages run to the edge are shrunk clear of the furniture's bands
            writer.append(PdfReader(io.BytesIO(fit_exhibit(data))))
        else:
            page = render([_picture(data)], title=f"Exhibit {exhibit.mark}")
            writer.append(PdfReader(io.BytesIO(page)))
    except (PdfReadError, PdfiumError, UnidentifiedImageError, ValueError, OSError) as error:
        raise UnusableFile(
            f"exhibit {exhibit.mark}: its file {exhibit.file_name} cannot be read as a "
            f"{suffix.lstrip('.').upper()} ({error})",
            "Attach a readable copy of the exhibit to a new exhibit, or produce it at the hearing.",
        ) from error
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
