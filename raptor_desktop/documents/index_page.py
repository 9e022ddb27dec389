"""The bundle index: page 1 of every bundle, listing each document with its pages.

When the pack is split, every bundle opens with the master index: all the bundles, each under
its own heading, pages numbered with the bundle letter (A12). Drawn directly on the canvas so
that the position of every entry is known: the pack turns each entry of the bundle in hand
into a link to the document's first page.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import Fit
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.dates import full_date
from raptor_desktop.documents.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, embed_alphabet

KEEP_ZOOM = Fit.xyz()
"""Where bookmarks and index links lead: the page, at the zoom the reader has (/XYZ null null
null), never /Fit, as the bundle guidance asks."""

SUPPLEMENT_CAPTION = "supplementary bundle"
SUPPLEMENT_TITLE = f"INDEX TO {SUPPLEMENT_CAPTION.upper()}"
"""A supplement's first page is headed so: a bundle checker starts a new run of pages there."""

ROW = 0.62 * cm
FIRST_ROW_Y = A4[1] - 8.2 * cm
LAST_ROW_Y = 3.0 * cm
ROWS_PER_PAGE = int((FIRST_ROW_Y - LAST_ROW_Y) // ROW) + 1
LEFT = 2.5 * cm
RIGHT = A4[0] - 2.0 * cm


@dataclass(frozen=True)
class IndexEntry:
    title: str
    first_page: int
    last_page: int
    letter: str | None = None  # the bundle it is in, when the pack is split

    def label(self, page: int) -> str:
        """A page as the bundle numbers it: 12, or A12 in a split pack."""
        return f"{self.letter or ''}{page}"

    @property
    def pages_text(self) -> str:
        first, last = self.label(self.first_page), self.label(self.last_page)
        return first if first == last else f"{first}–{last}"


@dataclass(frozen=True)
class EntryLink:
    index_page: int  # 0-based page of the index
    rect: tuple[float, float, float, float]
    target_page: int  # 1-based bundle page


def index_pages_needed(entries: int) -> int:
    return max(1, -(-entries // ROWS_PER_PAGE))


def last_tab(reader: PdfReader, index_pages: Iterable[int]) -> int:
    """The last tab number the index on ``index_pages`` (0-based) of a bundle gives: the
    numbers written in the Tab column, read back from the pages (0 when there are none)."""
    tabs: list[int] = []

    def seen(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        if abs(x - LEFT) < 1 and text.strip().isdigit():
            tabs.append(int(text))

    for page in index_pages:
        reader.pages[page].extract_text(visitor_text=seen)
    return max(tabs, default=0)


def index_bookmark(name: str, letter: str | None, first: int, pages: int) -> str:
    """'Index (p. 1)', 'Index (pp. 1–2)': the index's bookmark names all its pages."""
    label = f"{letter or ''}{first}"
    if pages == 1:
        return f"{name} (p. {label})"
    return f"{name} (pp. {label}–{letter or ''}{first + pages - 1})"


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _rows(groups: list[list[IndexEntry]]) -> list[IndexEntry | str]:
    """The index's rows: each bundle's heading (when split) followed by its documents."""
    rows: list[IndexEntry | str] = []
    for entries in groups:
        if len(groups) > 1 and entries:
            first, last = entries[0], entries[-1]
            rows.append(
                f"Bundle {first.letter}: pages {first.label(1)}–{last.label(last.last_page)}"
            )
        rows.extend(entries)
    return rows


def index_pdf(
    case: CaseFile,
    groups: list[list[IndexEntry]],
    caption: str,
    here: str | None,
    first_tab: int = 1,
    note: str = "",
) -> tuple[bytes, list[EntryLink]]:
    """The index of every bundle in ``groups``; entries of bundle ``here`` link to their page.
    Tabs are numbered from ``first_tab`` (a supplement's run on from the bundle's); ``note``,
    a line under the heading (what a supplement is added to)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    embed_alphabet(canvas)  # the same font subsets as the documents: stored once in the pack
    links: list[EntryLink] = []
    rows = _rows(groups)
    pages = index_pages_needed(len(rows))
    title = (
        f"MASTER INDEX — {caption.upper()}" if len(groups) > 1 else f"INDEX TO {caption.upper()}"
    )
    number = first_tab - 1
    for page in range(pages):
        y = A4[1] - 3.0 * cm
        canvas.setFont(SERIF_BOLD, 12)
        canvas.drawCentredString(A4[0] / 2, y, (case.court or "County Court").upper())
        canvas.setFont(SERIF, 11)
        canvas.drawCentredString(A4[0] / 2, y - 0.6 * cm, f"Claim No. {case.claim_text}")
        canvas.drawCentredString(
            A4[0] / 2,
            y - 1.2 * cm,
            "Application for drug dealing telecommunications restriction orders",
        )
        canvas.setFont(SERIF_BOLD, 14)
        canvas.drawCentredString(A4[0] / 2, y - 2.3 * cm, title + (" (continued)" if page else ""))
        canvas.setFont(SERIF, 10)
        canvas.drawCentredString(
            A4[0] / 2,
            y - 2.9 * cm,
            f"Hearing: {case.hearing_text}   ·   Prepared {full_date(case.prepared_on)}",
        )
        if note:
            canvas.setFont(SERIF_ITALIC, 9.5)
            canvas.drawCentredString(A4[0] / 2, y - 3.5 * cm, note)
        header_y = FIRST_ROW_Y + ROW
        canvas.setFont(SERIF_BOLD, 10)
        canvas.drawString(LEFT, header_y, "Tab")
        canvas.drawString(LEFT + 1.3 * cm, header_y, "Document")
        canvas.drawRightString(RIGHT, header_y, "Pages")
        canvas.line(LEFT, header_y - 0.18 * cm, RIGHT, header_y - 0.18 * cm)
        chunk = rows[page * ROWS_PER_PAGE : (page + 1) * ROWS_PER_PAGE]
        for row, entry in enumerate(chunk):
            row_y = FIRST_ROW_Y - row * ROW
            if isinstance(entry, str):  # a bundle's heading in the master index
                canvas.setFont(SERIF_BOLD, 10)
                canvas.drawString(LEFT, row_y, entry)
                continue
            number += 1
            canvas.setFont(SERIF, 10)
            canvas.drawString(LEFT, row_y, str(number))
            canvas.drawString(
                LEFT + 1.3 * cm,
                row_y,
                _fit(canvas, entry.title, SERIF, 10, RIGHT - LEFT - 4.0 * cm),
            )
            canvas.drawRightString(RIGHT, row_y, entry.pages_text)
            if entry.letter == here:
                links.append(
                    EntryLink(
                        page, (LEFT, row_y - 0.15 * cm, RIGHT, row_y + 0.45 * cm), entry.first_page
                    )
                )
        canvas.showPage()
    canvas.save()
    return buffer.getvalue(), links
