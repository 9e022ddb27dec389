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


def _sized(*sizes: tuple[float, float], rotate: int = 0) -> bytes:
    """One page of each size, text in its middle and a mark at its far corner."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for width, height in sizes:
        canvas.setPageSize((width, height))
        canvas.drawString(width / 2 - 60, height / 2, "The middle of an exhibit page")
        canvas.drawString(width - 150, height - 150, "far corner")
        canvas.showPage()
    canvas.save()
    if not rotate:
        return buffer.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    for page in writer.pages:
        page.rotate(rotate)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


A3 = (A4[1], A4[0] * 2)


def _seen(page: object) -> tuple[float, float]:
    from raptor_desktop.documents.stamp import visible_page

    width, height, _ = visible_page(page)  # type: ignore[arg-type]
    return round(width), round(height)


def test_a_page_larger_than_a4_is_scaled_down_to_a4_whole() -> None:
    fitted = PdfReader(io.BytesIO(fit_exhibit(_sized(A3, (A3[1], A3[0]), (612, 792)))))
    assert [_seen(p) for p in fitted.pages] == [
        (round(A4[0]), round(A4[1])),
        (round(A4[1]), round(A4[0])),  # a landscape page stays landscape
        (round(A4[0]), round(A4[1])),  # US Letter is wider than A4
    ]
    for page in fitted.pages:
        text = page.extract_text()
        assert "The middle of an exhibit page" in text and "far corner" in text
    assert _inked_top_right(fit_exhibit(_sized(A3)))  # the far corner drawn inside the page


def _inked_top_right(pdf: bytes) -> bool:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=0.5).to_pil().convert("L")
    finally:
        document.close()
    corner = image.crop((image.width // 2, 0, image.width, image.height // 4))
    return corner.getextrema()[0] < 128


def test_a_turned_oversized_page_is_scaled_as_it_is_seen() -> None:
    fitted = PdfReader(io.BytesIO(fit_exhibit(_sized(A3, rotate=90))))
    assert _seen(fitted.pages[0]) == (round(A4[1]), round(A4[0]))  # seen landscape, as before
    assert "far corner" in fitted.pages[0].extract_text()


def test_a_page_smaller_than_a4_is_not_enlarged() -> None:
    small = _sized((420, 595))  # A5
    assert fit_exhibit(small) == small
