"""An exhibit page run to its edges is shrunk clear of the furniture; others are untouched."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from raptor_desktop.documents.exhibit_fit import crowded_pages, fit_exhibit


def _exhibit() -> bytes:
    """Page 1 a full-bleed scan; page 2 text in the middle only; page 3 full bleed, cropped
    to an offset box and turned 90 degrees."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    for page in range(3):
        if page == 1:
            canvas.drawString(200, 400, "A statement in the middle of the page")
        else:
            canvas.setFillGray(0.4)
            canvas.rect(0, 0, A4[0], A4[1], stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    turned = writer.pages[2]
    turned.cropbox = RectangleObject((40, 60, 540, 760))
    turned.rotate(90)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_only_pages_reaching_the_bands_are_shrunk_and_then_clear_of_them() -> None:
    original = _exhibit()
    assert crowded_pages(original) == [0, 2]
    fitted = fit_exhibit(original)
    assert crowded_pages(fitted) == []
    before, after = PdfReader(io.BytesIO(original)), PdfReader(io.BytesIO(fitted))
    assert after.pages[1].get_contents().get_data() == before.pages[1].get_contents().get_data()
    for n in (0, 2):  # the same visible page, its content drawn smaller inside it
        assert after.pages[n].cropbox == before.pages[n].cropbox
        assert after.pages[n].rotation == before.pages[n].rotation


def test_a_page_clear_of_the_bands_leaves_the_file_as_it_was() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.drawString(100, 400, "Nothing near the edges")
    canvas.showPage()
    canvas.save()
    assert fit_exhibit(buffer.getvalue()) == buffer.getvalue()
