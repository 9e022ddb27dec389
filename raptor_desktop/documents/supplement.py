"""A supplementary bundle: exhibits added after a bundle was served, at its end.

The bundle guidance: material added later goes at the end, its pages numbered on from the
last, and the pages already served are not renumbered or changed. The supplement is written
as an incremental update of the served file (ISO 32000 7.5.6), so the served file's bytes are
the first bytes of the new one, unchanged: anyone can check by hashing that prefix. It opens
with a supplementary index of what was added, then the officer's further statement producing
it (the statement served is never rewritten), a supplementary exhibits list, then each added
exhibit with its front sheet; bookmarks and page labels run on.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.constants import PageLabelStyle

from raptor_desktop.core.case_file import CaseExhibit, CaseFile
from raptor_desktop.documents.bundle_plan import Section, exhibit_pages
from raptor_desktop.documents.compact import store_repeats_once
from raptor_desktop.documents.exhibits_doc import exhibit_file_pdf, exhibits_list_pdf
from raptor_desktop.documents.index_page import (
    KEEP_ZOOM,
    SUPPLEMENT_CAPTION,
    IndexEntry,
    index_bookmark,
    index_pages_needed,
    index_pdf,
    last_tab,
)
from raptor_desktop.documents.pack import bookmark_title
from raptor_desktop.documents.stamp import Furniture, stamp
from raptor_desktop.documents.statement import further_statement_pdf


def _entries(parts: list[Section], first: int, letter: str | None) -> list[IndexEntry]:
    page, entries = first, []
    for part in parts:
        entries.append(IndexEntry(part.title, page, page + part.pages - 1, letter))
        page += part.pages
    return entries


def _sections(
    case: CaseFile, added: list[CaseExhibit], first: int, letter: str | None, further: int
) -> tuple[list[Section], list[IndexEntry]]:
    """The further statement producing the added exhibits, the exhibits list giving the pages
    the exhibits will have, and the exhibits (their front sheets citing that statement)."""
    added_case = replace(case, exhibits=added, statement_number=further, statement_date=None)
    maker = case.applicant.name or "the officer"
    statement = Section(
        f"Supplementary witness statement of {maker} (no. {further})",
        further_statement_pdf(added_case, case),
    )
    files = [
        Section(f"Exhibit {e.mark}: {e.description}", exhibit_file_pdf(added_case, e))
        for e in added
        if e.file is not None
    ]
    listed = Section("Supplementary exhibits list", exhibits_list_pdf(added_case))
    for _attempt in range(3):
        parts = [statement, listed, *files]
        entries = _entries(parts, first + index_pages_needed(len(parts)), letter)
        where = exhibit_pages([entries], [e.mark for e in added])
        relisted = Section(listed.title, exhibits_list_pdf(added_case, where))
        if relisted.pages == listed.pages:
            return [statement, relisted, *files], entries
        listed = relisted
    raise RuntimeError("the supplementary exhibits list's page references did not settle")


def _skip_numbers_taken(writer: PdfWriter, served: bytes) -> None:
    """Number the update's objects after every object of ``served``, its cross-reference
    streams included. pypdf numbers them after the highest its cross-reference lists, which
    leaves out the stream's own number: the supplement of a supplement gave its first page
    the number of the first supplement's cross-reference stream, and a reader that kept the
    stream lost the page (its index)."""
    streams = []
    for offset in re.findall(rb"startxref\s+(\d+)", served):  # each update's own section
        head = re.match(rb"(\d+) 0 obj", served[int(offset) : int(offset) + 24])
        if head:
            streams.append(int(head.group(1)))
    taken = max(streams, default=0)
    if taken > len(writer._objects):
        writer._objects += [None] * (taken - len(writer._objects))  # numbers in use: skipped


def _index_pages(reader: PdfReader) -> list[int]:
    """The pages (0-based) of a bundle's index and of any supplementary index in it: from
    each index's bookmark to the next bookmark."""
    starts = [
        (int(reader.get_destination_page_number(item) or 0), str(item.title))
        for item in reader.outline
        if not isinstance(item, list)
    ]
    pages: list[int] = []
    for (page, title), (following, _next) in zip(
        starts, [*starts[1:], (len(reader.pages), "")], strict=True
    ):
        if title.startswith(("Index (", "Supplementary index (")):
            pages += range(page, following)
    return pages


SUPPLEMENTED = " (supplemented)"
"""Added to the title of a bundle that has had a supplement put at its end."""
_DATED = re.compile(r"^(?P<stem>.*?)(?P<date> \d{4}-\d{2}-\d{2})?$")


def supplement_file_name(served: str) -> str:
    """The supplemented bundle's file name: the served one's, "supplemented" before the
    hearing date it ends with (the bundle guidance: the name ends with the hearing date)."""
    name = served.removesuffix(".pdf")
    found = _DATED.match(name)
    stem, day = (found["stem"], found["date"] or "") if found else (name, "")
    return f"{stem.removesuffix(' supplemented')} supplemented{day}.pdf"


def supplement(
    served: bytes, case: CaseFile, added: list[CaseExhibit], letter: str | None, further: int
) -> tuple[bytes, int]:
    """``served`` with ``added`` appended as a supplement, produced by the applicant's
    statement number ``further``; returns the file and its pages."""
    if not added:
        raise ValueError("a supplement needs something added")
    served_reader = PdfReader(io.BytesIO(served))
    first = len(served_reader.pages) + 1
    parts, entries = _sections(case, added, first, letter, further)
    tab = last_tab(served_reader, _index_pages(served_reader)) + 1  # tabs run on, as pages do
    index, links = index_pdf(case, [entries], SUPPLEMENT_CAPTION, letter, first_tab=tab)
    index_pages = len(PdfReader(io.BytesIO(index)).pages)
    added_pages = PdfWriter()
    added_pages.append(PdfReader(io.BytesIO(index)), import_outline=False)
    for part in parts:
        added_pages.append(PdfReader(io.BytesIO(part.pdf)), import_outline=False)
    furniture = Furniture(
        case.marking,
        case.claim_number or case.reference,
        case.training,
        f"Bundle {letter} — supplementary" if letter else "Supplementary",
        case.draft,
        letter or "",
    )
    stamp(added_pages, furniture, first_page=first)
    store_repeats_once(added_pages)
    staged = io.BytesIO()
    added_pages.write(staged)

    writer = PdfWriter(io.BytesIO(served), incremental=True)
    _skip_numbers_taken(writer, served)
    served_title = served_reader.metadata.title if served_reader.metadata else None
    title = served_title or case.reference
    writer.add_metadata({"/Title": f"{title.removesuffix(SUPPLEMENTED)}{SUPPLEMENTED}"})
    for page in PdfReader(staged).pages:
        writer.add_page(page)
    writer.add_outline_item(
        title=index_bookmark("Supplementary index", letter, first, index_pages),
        page_number=first - 1,
        fit=KEEP_ZOOM,
    )
    for entry in entries:
        writer.add_outline_item(
            title=bookmark_title(entry), page_number=entry.first_page - 1, fit=KEEP_ZOOM
        )
    for link in links:
        writer.add_annotation(
            first - 1 + link.index_page,
            Link(rect=link.rect, target_page_index=link.target_page - 1, fit=KEEP_ZOOM),
        )
    total = len(writer.pages)
    writer.set_page_label(0, total - 1, style=PageLabelStyle.DECIMAL, prefix=letter, start=1)
    buffer = io.BytesIO()
    writer.write(buffer)
    result = buffer.getvalue()
    if not result.startswith(served):  # the served pages must stay as they were, byte for byte
        raise RuntimeError("the supplement changed the bytes of the served bundle")
    return result, total
