"""The page furniture every page carries, stamped over documents and attached exhibits alike.

Top and bottom: the protective marking. Top right: the reference. Bottom right: "Page X of Y",
where X is the bundle page, so that PDF page N is bundle page N ("Page A12 of A300" in bundle
A of a split pack). On a training database, a
diagonal "TRAINING — NOT FOR COURT USE" across the page; on a pack whose application still has
gaps, "DRAFT — NOT FOR SERVICE" under the marking at the top.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import DictionaryObject, NameObject
from reportlab.lib.colors import Color, black
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from raptor_desktop.documents.fonts import SANS, SANS_BOLD, embed_alphabet, register_fonts

TRAINING_MARK = "TRAINING — NOT FOR COURT USE"
DRAFT_MARK = "DRAFT — NOT FOR SERVICE: the application has gaps to fill"


@dataclass(frozen=True)
class Furniture:
    marking: str
    reference: str
    training: bool
    caption: str = ""  # e.g. "Bundle A"
    draft: bool = False
    prefix: str = ""  # the bundle letter that page numbers carry in a split pack (A12)


def _overlays(
    sizes: list[tuple[float, float]], furniture: Furniture, first_page: int, total: int
) -> bytes:
    """The furniture of every page, page by page, in one PDF: one document to lay out and to
    read, not one for each page (that was two thirds of a 500-number pack's time)."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=sizes[0], invariant=1)
    embed_alphabet(canvas)
    for offset, (width, height) in enumerate(sizes):
        canvas.setPageSize((width, height))
        _draw(canvas, width, height, furniture, first_page + offset, total)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw(
    canvas: Canvas, width: float, height: float, furniture: Furniture, page: int, total: int
) -> None:
    canvas.setFillColor(black)
    canvas.setFont(SANS_BOLD, 9)
    canvas.drawCentredString(width / 2, height - 1.0 * cm, furniture.marking)
    canvas.drawCentredString(width / 2, 0.7 * cm, furniture.marking)
    canvas.setFont(SANS, 8.5)
    canvas.drawRightString(width - 1.5 * cm, height - 1.0 * cm, furniture.reference)
    if furniture.caption:
        canvas.drawString(1.5 * cm, height - 1.0 * cm, furniture.caption)
    canvas.setFont(SANS_BOLD, 9)
    canvas.drawRightString(
        width - 1.5 * cm, 1.2 * cm, f"Page {furniture.prefix}{page} of {furniture.prefix}{total}"
    )
    if furniture.draft:
        canvas.setFillColor(Color(0.75, 0.0, 0.0))
        canvas.setFont(SANS_BOLD, 10)
        canvas.drawCentredString(width / 2, height - 1.55 * cm, DRAFT_MARK)
        canvas.setFillColor(black)
    if furniture.training:
        canvas.saveState()
        canvas.setFillColor(Color(0.75, 0.0, 0.0, alpha=0.28))
        # along the diagonal, at a size whose length fits inside the page whatever its shape
        angle = math.degrees(math.atan2(height, width))
        length = canvas.stringWidth(TRAINING_MARK, SANS_BOLD, 1)
        canvas.setFont(SANS_BOLD, min(46, 0.8 * math.hypot(width, height) / length))
        canvas.translate(width / 2, height / 2)
        canvas.rotate(angle)
        canvas.drawCentredString(0, -12, TRAINING_MARK)
        canvas.restoreState()


def visible_page(page: PageObject) -> tuple[float, float, Transformation]:
    """The visible page as the reader sees it (crop box, turned by /Rotate): its width and
    height, and the transformation from those upright coordinates to the page's own."""
    box = page.cropbox
    left, bottom = float(box.left), float(box.bottom)
    right, top = float(box.right), float(box.top)
    turn = (page.rotation or 0) % 360
    if turn == 90:
        return top - bottom, right - left, Transformation((0, 1, -1, 0, right, bottom))
    if turn == 180:
        return right - left, top - bottom, Transformation((-1, 0, 0, -1, right, top))
    if turn == 270:
        return top - bottom, right - left, Transformation((0, -1, 1, 0, left, top))
    return right - left, top - bottom, Transformation((1, 0, 0, 1, left, bottom))


def _own_resources(page: PageObject) -> None:
    """Give the page a resources dictionary of its own before the furniture is merged in.

    The pages of an exhibit often share one: merging each page's furniture into it would add
    every page's font names to all of them, and the file would grow with the square of its
    pages (a 320-page exhibit by megabytes). The fonts, images and forms themselves stay
    shared; only the dictionaries naming them are copied.
    """
    resources = page.get("/Resources")
    if resources is None:
        return
    own = DictionaryObject()
    for key, value in resources.get_object().items():
        inner = value.get_object()
        own[key] = DictionaryObject(inner) if isinstance(inner, DictionaryObject) else value
    page[NameObject("/Resources")] = own


def stamp(writer: PdfWriter, furniture: Furniture, first_page: int = 1) -> None:
    """Stamp every page of ``writer``; page numbers run from ``first_page`` to the end.

    The furniture goes on the visible page upright, as the reader sees it: inside an
    exhibit's crop box, and turned with a page that is rotated.
    """
    total = first_page - 1 + len(writer.pages)
    if not writer.pages:
        return
    shapes = [visible_page(page) for page in writer.pages]
    overlays = PdfReader(
        io.BytesIO(_overlays([(w, h) for w, h, _ in shapes], furniture, first_page, total))
    )
    for page, overlay, (_width, _height, placed) in zip(
        writer.pages, overlays.pages, shapes, strict=True
    ):
        _own_resources(page)
        page.merge_transformed_page(overlay, placed)
        page.compress_content_streams()
