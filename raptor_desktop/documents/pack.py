"""The hearing pack: one PDF per bundle, index first, every page numbered as the bundle page.

Page 1 is the index, listing every document with its first page and linking to it; page
numbers run on through documents and attached exhibits, bottom right, so that PDF page N is
bundle page N (the page labels say so too); there is one bookmark per document, matching the
index; the PDF opens at 100 %. Over the page limit the pack splits into bundles A, B, …,
their pages numbered A1…, B1…, each opening with the master index of all of them
(``bundle_plan``); the exhibits list says where each exhibit's copy is.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.constants import PageLabelStyle
from pypdf.generic import ArrayObject, NameObject, NullObject, NumberObject

from raptor_desktop.core.case_file import CaseFile, CaseItem
from raptor_desktop.core.dates import full_date
from raptor_desktop.documents.after_order import held_by_pack
from raptor_desktop.documents.application_doc import application_pdf, authority_pdf
from raptor_desktop.documents.bundle_contents import write_contents
from raptor_desktop.documents.bundle_plan import (
    Section,
    bundle_letter,
    exhibit_pages,
    layout,
    plan_bundles,
)
from raptor_desktop.documents.certificate_of_service import (
    CERTIFICATE_TITLE,
    certificate_pdf,
    certified,
)
from raptor_desktop.documents.compact import compact_pdf
from raptor_desktop.documents.exhibits_doc import exhibit_file_pdf, exhibits_list_pdf
from raptor_desktop.documents.files import write_all
from raptor_desktop.documents.gaps_doc import bundle_check_pdf, gaps_pdf
from raptor_desktop.documents.index_page import KEEP_ZOOM, IndexEntry, index_bookmark, index_pdf
from raptor_desktop.documents.letters import letter_pdf, letters_to_write, provider_name
from raptor_desktop.documents.order_doc import order_pdf
from raptor_desktop.documents.order_note import NOTE_TITLE, has_events, order_note_pdf
from raptor_desktop.documents.pack_check import check_bundle
from raptor_desktop.documents.page_text import page_texts
from raptor_desktop.documents.schedule import schedule_pdf
from raptor_desktop.documents.stamp import Furniture, stamp
from raptor_desktop.documents.statement import statement_pdf

MAX_PAGES = 300


def short_title(case: CaseFile) -> str:
    """A hearing bundle while any item awaits the court; once the court has decided them all,
    what is printed is the record of the order, not a bundle for a hearing."""
    decided = bool(case.items) and all(i.outcome and i.outcome != "adjourned" for i in case.items)
    return "DDTRO post-hearing bundle" if decided else "DDTRO hearing bundle"


Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Bundle:
    letter: str | None
    file_name: str
    pdf: bytes
    entries: tuple[IndexEntry, ...]
    pages: int


EXHIBITS_LIST = "Exhibits list"
BUNDLE_CHECK = "Bundle check"


def sections(case: CaseFile, progress: Progress | None = None) -> list[Section]:
    """Every document of the pack, in the order the court expects."""
    hearings = case.decision_dates()
    orders: list[tuple[str, Callable[[], bytes]]] = (
        [(f"Order made on {full_date(d)}", partial(order_pdf, case, d)) for d in hearings]
        if len(hearings) > 1  # one order for each hearing that decided items
        else [
            (
                "Order (as made)" if any(i.outcome for i in case.items) else "Draft order",
                lambda: order_pdf(case),
            )
        ]
    )
    if has_events(case):  # what came after the order, apart from it
        orders.append(
            (f"{NOTE_TITLE}, dated {full_date(case.prepared_on)}", lambda: order_note_pdf(case))
        )
    makers: list[tuple[str, Callable[[], bytes]]] = [
        ("Claim form (CPR Part 8)", lambda: application_pdf(case)),
        *orders,
        ("Schedule of relevant items", lambda: schedule_pdf(case)),
        ("Authority of the Applicant", lambda: authority_pdf(case)),
        (
            f"Witness statement of {case.applicant.name or 'the officer'} "
            f"(no. {case.statement_number})",
            lambda: statement_pdf(case),
        ),
        (EXHIBITS_LIST, lambda: exhibits_list_pdf(case)),
    ]
    for exhibit in case.exhibits:
        if exhibit.file is not None:
            makers.append(
                (
                    f"Exhibit {exhibit.mark}: {exhibit.description}",
                    partial(exhibit_file_pdf, case, exhibit),
                )
            )
    for provider, items in letters_to_write(case):
        makers += _notice_served(case, provider, items)
        makers.append((f"Letter to {provider}", partial(letter_pdf, case, provider, items)))
    if certified(case):  # the letters recorded as sent: how each was served
        makers.append((CERTIFICATE_TITLE, lambda: certificate_pdf(case)))
    if case.draft:  # a draft ends with what it still lacks, and the bundle rules checked
        makers.append(("Gaps to fill before service", lambda: gaps_pdf(case)))
        makers.append((BUNDLE_CHECK, lambda: bundle_check_pdf(case, [])))
    built = []
    for done, (title, make) in enumerate(makers, start=1):
        if progress:
            progress(done, len(makers) + 1, title)
        built.append(Section(title, make()))
    return built


def _notice_served(
    case: CaseFile, provider: str, items: list[CaseItem]
) -> list[tuple[str, Callable[[], bytes]]]:
    """After an order made with notice, the notice the provider was sent before the hearing
    (the certificate of service certifies it), beside the letter serving the order, naming
    the items it named then."""
    sent = case.letters_sent.get(provider_name(items))
    if not case.with_notice or sent is None or not any(i.ordered for i in items):
        return []
    title = f"Notice of the application to {provider}, letter of {full_date(sent.on)}"
    named = case.providers()[provider]
    return [(title, partial(letter_pdf, case, provider, named, notice=True))]


SECTION_HEADING = re.compile(r"^((?:The )?Respondent(?: \d+)?: .+?)(?<! \(continued\))$", re.M)
"""A heading inside a document that gets its own bookmark: each respondent's part of the
order's Schedule and of the schedule of relevant items, numbered as in the claim."""


def section_marks(section: Section) -> list[tuple[str, int]]:
    """Each part of a document worth a bookmark of its own: its heading and page in it."""
    return [
        (found.group(1).strip(), offset)
        for offset, text in enumerate(page_texts(section.pdf))
        for found in SECTION_HEADING.finditer(text)
    ]


def file_name(case: CaseFile, letter: str | None) -> str:
    """Claim number (or reference), short title, bundle letter, and last the hearing date."""
    stem = re.sub(r"[^\w\- ]+", "-", case.claim_number or case.reference).strip()
    heard = f" {case.hearing_date.isoformat()}" if case.hearing_date else ""
    return f"{stem} {short_title(case)}{' ' + letter if letter else ''}{heard}.pdf"


def bookmark_title(entry: IndexEntry) -> str:
    """A bookmark names its document and, as the bundle guidance asks, its page numbers."""
    pages = "p." if entry.first_page == entry.last_page else "pp."
    return f"{entry.title} ({pages} {entry.pages_text})"


def assemble(
    case: CaseFile, parts: list[Section], groups: list[list[IndexEntry]], position: int
) -> Bundle:
    """Bundle number ``position`` of the plan: the master index, its documents, furniture."""
    entries = groups[position]
    letter = bundle_letter(position, len(groups))
    caption = f"bundle {letter}" if letter else short_title(case).removeprefix("DDTRO ")
    reprint = (  # one line: a file name of the usual length fits it
        f"Reprint for the Applicant's file, renumbered: not the bundle served, {case.reprint_of}"
        if case.reprint_of
        else ""
    )
    index, links = index_pdf(case, groups, caption, letter, note=reprint)
    writer = PdfWriter()
    index_reader = PdfReader(io.BytesIO(index))
    writer.append(index_reader, import_outline=False)
    writer.add_outline_item(
        title=index_bookmark("Index", letter, 1, len(index_reader.pages)),
        page_number=0,
        fit=KEEP_ZOOM,
    )
    for part, entry in zip(parts, entries, strict=True):
        writer.append(PdfReader(io.BytesIO(part.pdf)), import_outline=False)
        parent = writer.add_outline_item(
            title=bookmark_title(entry), page_number=entry.first_page - 1, fit=KEEP_ZOOM
        )
        for heading, offset in section_marks(part):  # e.g. each provider's part of the schedule
            page = entry.first_page + offset
            writer.add_outline_item(
                title=f"{heading} (p. {entry.label(page)})",
                page_number=page - 1,
                parent=parent,
                fit=KEEP_ZOOM,
            )
    for link in links:
        writer.add_annotation(
            link.index_page,
            Link(rect=link.rect, target_page_index=link.target_page - 1, fit=KEEP_ZOOM),
        )
    title = f"{case.reference} — {short_title(case)}{' ' + letter if letter else ''}"
    furniture = Furniture(
        case.marking,
        case.claim_number or case.reference,
        case.training,
        f"Bundle {letter}" if letter else "",
        case.draft,
        letter or "",
    )
    stamp(writer, furniture)
    _finish(writer, case, title, letter or "")
    return Bundle(
        letter, file_name(case, letter), compact_pdf(writer), tuple(entries), len(writer.pages)
    )


def _finish(writer: PdfWriter, case: CaseFile, title: str, prefix: str) -> None:
    """Page labels 1…N (A1…AN), open at page 1 at 100 %, metadata, a fixed date and file id."""
    writer.set_page_label(
        0, len(writer.pages) - 1, style=PageLabelStyle.DECIMAL, prefix=prefix or None, start=1
    )
    writer._root_object[NameObject("/OpenAction")] = ArrayObject(
        [
            writer.pages[0].indirect_reference,
            NameObject("/XYZ"),
            NullObject(),
            NullObject(),
            NumberObject(1),
        ]
    )
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    stamp_date = datetime(case.prepared_on.year, case.prepared_on.month, case.prepared_on.day)
    pdf_date = stamp_date.strftime("D:%Y%m%d000000Z")
    marking = f"{case.marking}{' — TRAINING' if case.training else ''}"
    write_contents(writer, held_by_pack(case))
    writer.add_metadata(
        {
            "/Title": title,
            "/Author": case.applicant.described() or case.unit,
            "/Subject": f"{marking}: DDTRO application {case.reference}, {case.court}",
            "/Creator": "Raptor Desktop",
            "/Producer": "Raptor Desktop (ReportLab, pypdf)",
            "/CreationDate": pdf_date,
            "/ModDate": pdf_date,
        }
    )


def bundle_paths(bundles: list[Bundle], target: Path) -> list[Path]:
    """Where each bundle is saved: ``target``, or with the bundle letter when there are several;
    into a folder, under each bundle's own name (claim, title, letter, hearing date)."""
    if target.is_dir():
        return [target / bundle.file_name for bundle in bundles]
    return [
        target
        if bundle.letter is None
        else target.with_name(f"{target.stem} {bundle.letter}{target.suffix or '.pdf'}")
        for bundle in bundles
    ]


def write_bundles(
    bundles: list[Bundle], target: Path, written: list[Path] | None = None
) -> list[Path]:
    """Write the bundles to ``target``; with several, the bundle letter joins the file name.

    All of them whole, or none (see ``files.write_all``).
    """
    paths = bundle_paths(bundles, target)
    return write_all({p: b.pdf for p, b in zip(paths, bundles, strict=True)}, written)


def hearing_pack(
    case: CaseFile, max_pages: int = MAX_PAGES, progress: Progress | None = None
) -> list[Bundle]:
    """Build the pack; one bundle, or several lettered A, B, … when it is too long for one.

    The exhibits list gives each exhibit's pages, known only once the bundles are planned:
    it is made again with them and the plan checked, until the two agree.
    """
    steps = [1]  # the sections' count of steps, the last of which is putting them together

    def counted(done: int, total: int, title: str) -> None:
        steps[0] = total
        if progress:
            progress(done, total, title)

    built = sections(case, counted)
    planned = plan_bundles(built, max_pages)
    marks = [exhibit.mark for exhibit in case.exhibits]
    for _attempt in range(3):
        where = exhibit_pages(layout(planned), marks)
        built = [
            Section(s.title, exhibits_list_pdf(case, where)) if s.title == EXHIBITS_LIST else s
            for s in built
        ]
        replanned = plan_bundles(built, max_pages)
        settled = layout(replanned) == layout(planned)
        planned = replanned
        if settled:
            break
    if where != exhibit_pages(layout(planned), marks):  # never print a wrong page reference
        raise RuntimeError("the exhibits list's page references did not settle")
    if progress:
        progress(steps[0] - 1, steps[0], "Assembling the bundle")
    groups = layout(planned)
    bundles = [assemble(case, parts, groups, n) for n, parts in enumerate(planned)]
    if not case.draft:
        return bundles
    # A draft ends with the bundle check: the pack is checked as built with a one-page
    # placeholder, then that page is filled in with what the check found.
    reports = [check_bundle(b.pdf, Path(b.file_name)) for b in bundles]
    last = planned[-1]
    if last[-1].title != BUNDLE_CHECK:
        raise RuntimeError("a draft pack must end with its bundle check")
    filled = Section(BUNDLE_CHECK, bundle_check_pdf(case, reports))
    if filled.pages != 1:
        raise RuntimeError("the bundle check must fit on its one page")
    planned[-1] = [*last[:-1], filled]
    bundles[-1] = assemble(case, planned[-1], groups, len(planned) - 1)
    return bundles
