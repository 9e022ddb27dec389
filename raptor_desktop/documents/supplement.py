"""A supplementary bundle: what came after a bundle was served, at its end.

The bundle guidance: material added later goes at the end, its pages numbered on from the
last, and the pages already served are not renumbered or changed. The supplement is written
as an incremental update of the served file (ISO 32000 7.5.6), so the served file's bytes are
the first bytes of the new one, unchanged: anyone can check by hashing that prefix. It opens
with a supplementary index of what was added; then what followed the hearing and the served
file lacks (the order made on each day, the note of events, the letters serving the order);
then, for exhibits added since, the officer's further statement producing them (the
statement served is never rewritten), a supplementary exhibits list, and each added exhibit
with its front sheet. Bookmarks and page labels run on. The file says what it holds
(``bundle_contents``), so the next supplement adds only what is new again.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.constants import PageLabelStyle

from raptor_desktop.core.case_file import CaseExhibit, CaseFile
from raptor_desktop.documents.after_order import LaterDocument, after_order
from raptor_desktop.documents.bundle_contents import (
    exhibit_key,
    statement_key,
    statements_held,
    write_contents,
)
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
) -> list[Section]:
    """The further statement producing the added exhibits, the exhibits list giving the pages
    the exhibits will have (they follow ``first - 1`` pages, this supplement's index
    included), and the exhibits (their front sheets citing that statement)."""
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
        entries = _entries([statement, listed, *files], first, letter)
        where = exhibit_pages([entries], [e.mark for e in added])
        relisted = Section(listed.title, exhibits_list_pdf(added_case, where))
        if relisted.pages == listed.pages:
            return [statement, relisted, *files]
        listed = relisted
    raise RuntimeError("the supplementary exhibits list's page references did not settle")


def _added_sections(
    case: CaseFile, addition: Addition, first: int, letter: str | None
) -> tuple[list[Section], list[IndexEntry]]:
    """What the supplement adds after its index: the documents after the order, then the
    exhibits added with the statement producing them."""
    later = [Section(d.title, d.make()) for d in addition.later]
    produced = 2 + sum(e.file is not None for e in addition.exhibits) if addition.exhibits else 0
    index_pages = index_pages_needed(len(later) + produced)  # its statement, list and exhibits
    after_later = first + index_pages + sum(s.pages for s in later)
    parts = later + (
        _sections(case, addition.exhibits, after_later, letter, addition.statement)
        if addition.exhibits
        else []
    )
    return parts, _entries(parts, first + index_pages, letter)


@dataclass(frozen=True)
class Addition:
    """What a supplement adds to a served file holding ``held``: the documents after the
    order it lacks, and the exhibits added since, produced by the further statement
    numbered ``statement``."""

    held: frozenset[str]
    later: list[LaterDocument]
    exhibits: list[CaseExhibit]
    statement: int

    @property
    def keys(self) -> frozenset[str]:
        """What the supplemented file holds: the served file's keys and the added ones."""
        produced = {statement_key(self.statement)} if self.exhibits else set()
        added = {d.key for d in self.later} | {exhibit_key(e.mark) for e in self.exhibits}
        return self.held | added | produced

    def __bool__(self) -> bool:
        return bool(self.later or self.exhibits)


def addition_to(case: CaseFile, held: frozenset[str], statements_before: int) -> Addition:
    """What a file holding ``held`` lacks of ``case`` today. The further statement is
    numbered after the last the file holds (``statements_before`` for a file saved before
    bundles said what they hold)."""
    later = [d for d in after_order(case) if d.key not in held]
    exhibits = [e for e in case.exhibits if exhibit_key(e.mark) not in held]
    return Addition(
        held, later, exhibits, max(statements_held(held), default=statements_before) + 1
    )


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
    served: bytes, case: CaseFile, addition: Addition, letter: str | None
) -> tuple[bytes, int]:
    """``served`` with ``addition`` appended as a supplement; returns the file and its
    pages."""
    if not addition:
        raise ValueError("a supplement needs something added")
    served_reader = PdfReader(io.BytesIO(served))
    first = len(served_reader.pages) + 1
    parts, entries = _added_sections(case, addition, first, letter)
    tab = last_tab(served_reader, _index_pages(served_reader)) + 1  # tabs run on, as pages do
    added_to = (
        f"Added at the end of the bundle as served: its pages {letter or ''}1–"
        f"{letter or ''}{first - 1} and tabs 1–{tab - 1} are unchanged, and these run on"
    )
    index, links = index_pdf(
        case, [entries], SUPPLEMENT_CAPTION, letter, first_tab=tab, note=added_to
    )
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
    made = case.prepared_on.strftime("D:%Y%m%d000000Z")  # the served file's date stays its own
    writer.add_metadata(
        {"/Title": f"{title.removesuffix(SUPPLEMENTED)}{SUPPLEMENTED}", "/ModDate": made}
    )
    write_contents(writer, addition.keys)
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
