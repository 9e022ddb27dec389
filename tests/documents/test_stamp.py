"""Page furniture lands upright inside the visible page, however an exhibit page is set up."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject
from reportlab.pdfgen.canvas import Canvas

from raptor_desktop.documents.stamp import Furniture, stamp


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_furniture_is_upright_inside_a_cropped_turned_page(turn: int) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 842))
    canvas.drawString(300, 400, "exhibit")  # a little content in the middle
    canvas.showPage()
    canvas.save()
    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    page = writer.pages[0]
    page.cropbox = RectangleObject((50, 60, 545, 800))  # a scan cropped off-centre
    page.rotation = turn
    stamp(writer, Furniture("OFFICIAL-SENSITIVE", "RAP-TEST", False))
    out = io.BytesIO()
    writer.write(out)
    document = pypdfium2.PdfDocument(out.getvalue())
    try:
        image = document[0].render(scale=1).to_pil().convert("L")  # as a reader sees it
    finally:
        document.close()
    width, height = image.size
    assert (width > height) == (turn in (90, 270))
    top = image.crop((width // 4, 0, width * 3 // 4, height // 20))  # the marking, centred
    bottom = image.crop((width // 2, height * 19 // 20, width, height))  # "Page 1 of 1"
    assert sum(top.histogram()[:100]) > 50, "the marking is not at the top of the page"
    assert sum(bottom.histogram()[:100]) > 30, "the page number is not at the foot"
