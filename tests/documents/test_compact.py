"""A merged PDF written compactly: fonts once, resources shared, no dead object numbers, and
every page still the size and way up it was."""

from __future__ import annotations

import io
import re
from collections import defaultdict

import pypdfium2
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.pdfgen.canvas import Canvas

from raptor_desktop.documents.compact import compact_pdf
from raptor_desktop.documents.stamp import Furniture, stamp
from raptor_desktop.store.database import Store
from tests.app_fixtures import make_application
from tests.documents.test_pack import build


def pages_of(sizes: list[tuple[float, float]], turn: int = 0) -> PdfReader:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for size in sizes:
        canvas.setPageSize(size)
        canvas.drawString(72, 72, f"a page of {size[0]:.0f} by {size[1]:.0f}")
        canvas.showPage()
    canvas.save()
    reader = PdfReader(buffer)
    if turn:
        reader.pages[-1].rotate(turn)
    return reader


def test_every_page_keeps_its_size_and_turn_as_another_reader_sees_it() -> None:
    """Most pages inherit the commonest media box; the others keep their own."""
    writer = PdfWriter()
    for reader in (pages_of([A4, A4, landscape(A4)]), pages_of([A5, A4], turn=90)):
        writer.append(reader)
    stamp(writer, Furniture("OFFICIAL-SENSITIVE", "RAP-2026-001", training=False))
    before = [(page.mediabox.width, page.mediabox.height, page.rotation) for page in writer.pages]
    compacted = compact_pdf(writer)
    document = pypdfium2.PdfDocument(compacted)
    after = [(p.get_width(), p.get_height(), p.get_rotation()) for p in document]
    # PDFium gives a turned page's size as it is shown: the upright width and height
    upright = [(h, w, r) if r in (90, 270) else (w, h, r) for w, h, r in before]
    assert [tuple(round(v, 2) for v in page) for page in after] == [
        tuple(round(float(v), 2) for v in page) for page in upright
    ]
    # said once for the A4 pages, on the page tree; the landscape and the A5 page say their own
    assert compacted.count(b"/MediaBox") == 3


def test_a_pack_stores_each_font_once_and_no_dead_object_numbers(demo_store: Store) -> None:
    [bundle] = build(demo_store, make_application(demo_store))
    reader = PdfReader(io.BytesIO(bundle.pdf))
    programs: dict[str, set[bytes]] = defaultdict(set)
    resources = set()
    for page in reader.pages:
        found = page.get_object().raw_get("/Resources")
        resources.add(getattr(found, "idnum", id(found)))
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None:
                program = descriptor.get_object()["/FontFile2"].get_object().get_data()
                programs[str(font["/BaseFont"]).split("+")[-1]].add(program)
    # the index page (a canvas of its own) and every document embed the same subsets
    assert {name: len(found) for name, found in programs.items() if len(found) > 1} == {}
    assert len(resources) <= 3 < len(reader.pages)  # pages share their resources dictionary
    free = re.findall(rb"^\d{10} \d{5} f", bundle.pdf, flags=re.M)
    assert len(free) == 1  # only the head of the free list: every object number is in use
    assert b"/Trans <<\n>>" not in bundle.pdf and b"/Rotate 0\n" not in bundle.pdf
