"""Sharing the pack's documents between bundles, and where each page of each will fall.

Within the page limit there is one bundle, numbered 1…N. Over it the pack splits into bundles
A, B, … whose pages are numbered A1…, B1… (the bundle letter first, as the bundle guidance
asks), and every bundle opens with the same master index: all the bundles' documents, each
with its pages, so a reader of bundle B can find what is in A.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter

from raptor_desktop.documents.index_page import IndexEntry, index_pages_needed


@dataclass(frozen=True)
class Section:
    title: str
    pdf: bytes

    @property
    def pages(self) -> int:
        return len(PdfReader(io.BytesIO(self.pdf)).pages)


def _slice(section: Section, start: int, stop: int, part: int) -> Section:
    reader = PdfReader(io.BytesIO(section.pdf))
    writer = PdfWriter()
    for page in reader.pages[start:stop]:
        writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    return Section(f"{section.title} (part {part})", buffer.getvalue())


def index_rows(planned: list[list[Section]]) -> int:
    """Rows of the master index: every document, and a heading per bundle when split."""
    documents = sum(len(parts) for parts in planned)
    return documents + (len(planned) if len(planned) > 1 else 0)


def _share(sections: list[Section], max_pages: int, index_pages: int) -> list[list[Section]]:
    bundles: list[list[Section]] = [[]]
    used = 0
    room = max_pages - index_pages
    for section in sections:
        pages, start, part = section.pages, 0, 0
        while start < pages:
            space, left = room - used, pages - start
            if left <= space:
                piece = section if start == 0 else _slice(section, start, pages, part + 1)
                bundles[-1].append(piece)
                used += left
                break
            if left <= room and start == 0 and bundles[-1]:  # it fits a bundle of its own
                bundles.append([])
                used = 0
                continue
            if space > 0:
                part += 1
                bundles[-1].append(_slice(section, start, start + space, part))
                start += space
            bundles.append([])
            used = 0
    return [b for b in bundles if b]


def plan_bundles(sections: list[Section], max_pages: int) -> list[list[Section]]:
    """Share the sections between bundles of at most ``max_pages`` pages, index included.

    A document that does not fit starts the next bundle; one too long for any bundle fills
    the rest of the current bundle and runs on into the next, in parts. Every bundle's index
    is the master index, so its length depends on the split: the split is made again with a
    longer index until the index it needs fits the room left for it.
    """
    index_pages = 1
    while True:
        planned = _share(sections, max_pages, index_pages)
        needed = index_pages_needed(index_rows(planned))
        if needed <= index_pages:
            return planned
        index_pages = needed


def bundle_letter(position: int, bundles: int) -> str | None:
    return chr(ord("A") + position) if bundles > 1 else None


def layout(planned: list[list[Section]]) -> list[list[IndexEntry]]:
    """Each bundle's documents with their first and last pages (after the master index)."""
    index_count = index_pages_needed(index_rows(planned))
    laid_out = []
    for position, parts in enumerate(planned):
        letter = bundle_letter(position, len(planned))
        page, entries = index_count + 1, []
        for part in parts:
            entries.append(IndexEntry(part.title, page, page + part.pages - 1, letter))
            page += part.pages
        laid_out.append(entries)
    return laid_out


def exhibit_pages(laid_out: list[list[IndexEntry]], marks: list[str]) -> dict[str, str]:
    """Where the copy of each exhibit is: its pages, with the bundle letter when split."""
    where = {}
    for mark in marks:
        found = [e for b in laid_out for e in b if e.title.startswith(f"Exhibit {mark}:")]
        if found:
            first, last = found[0], found[-1]
            start, end = first.label(first.first_page), last.label(last.last_page)
            where[mark] = start if start == end else f"{start}–{end}"
    return where
