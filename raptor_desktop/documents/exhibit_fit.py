"""Making an exhibit's pages bundle pages: A4, with room for the page furniture.

A page larger than A4 (an A3 plan, a US Letter print, a phone's long screenshot saved as a
PDF page) is scaled down whole to A4 the way it is seen, so every page of the bundle prints
on A4 and its furniture is where it is on every other page.

The furniture (marking, reference, page number, DRAFT mark) is stamped in bands along the top
and bottom of the visible page. An exhibit page with its own content in those bands (a scan
or a screenshot printed edge to edge) would have it covered, so such a page is shrunk, as the
reader sees it (inside its crop box, turned with its rotation), onto the area between the
bands; a page already clear of them is left exactly as it is. Whether a band holds content
is seen by rendering the page small (pypdfium2) and looking for anything but white.
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import RectangleObject
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm

from raptor_desktop.documents.render import BOTTOM_BAND, TOP_BAND
from raptor_desktop.documents.stamp import visible_page

SIDE = 0.6 * cm  # a little room either side once shrunk
TOLERANCE = 2.0  # points: a page this much over A4 (rounding in its maker) is A4
RENDER_DPI = 30
INK = 235  # a grey level below this (0-255) counts as content


def _inverse(matrix: tuple[float, ...]) -> Transformation:
    a, b, c, d, e, f = matrix
    det = a * d - b * c
    return Transformation(
        (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)
    )


def crowded_pages(pdf: bytes) -> list[int]:
    """The pages (0-based) with content in the bands where the furniture goes."""
    import pypdfium2

    crowded = []
    pixels = RENDER_DPI / 72  # per point
    top, bottom = max(1, int(TOP_BAND * pixels)), max(1, int(BOTTOM_BAND * pixels))
    document = pypdfium2.PdfDocument(pdf)
    try:
        for index, page in enumerate(document):
            image = page.render(scale=pixels).to_pil().convert("L")
            page.close()
            bands = (
                image.crop((0, 0, image.width, top)),
                image.crop((0, image.height - bottom, image.width, image.height)),
            )
            if any(band.getextrema()[0] < INK for band in bands):
                crowded.append(index)
    finally:
        document.close()
    return crowded


def _redraw(page: PageObject, matrix: tuple[float, ...]) -> None:
    """The page's content drawn through ``matrix``, clipped first to its crop box (what lay
    outside it stays hidden)."""
    box = page.cropbox
    clip = (float(box.left), float(box.bottom), float(box.width), float(box.height))
    content = page.get_contents()
    if content is None:
        return
    prefix = " ".join(f"{v:.6f}" for v in matrix) + " cm "
    prefix += " ".join(f"{v:.4f}" for v in clip) + " re W n\n"
    content.set_data(b"q " + prefix.encode() + content.get_data() + b"\nQ")
    page.replace_contents(content)


def _shrink(page: PageObject) -> None:
    """Draw the page's visible part smaller, centred between the bands."""
    width, height, to_page = visible_page(page)
    scale = min((width - 2 * SIDE) / width, (height - TOP_BAND - BOTTOM_BAND) / height)
    onto = (
        Transformation()
        .scale(scale, scale)
        .translate(
            (width - scale * width) / 2,
            BOTTOM_BAND + (height - TOP_BAND - BOTTOM_BAND - scale * height) / 2,
        )
    )
    _redraw(page, _inverse(to_page.ctm).transform(onto).transform(to_page).ctm)


def _a4_for(width: float, height: float) -> tuple[float, float]:
    """A4 turned the way the page is seen (landscape if it is wider than tall)."""
    return (A4[1], A4[0]) if width > height else A4


def _oversized(page: PageObject) -> bool:
    """Whether the page, as it is seen, is larger than A4 either way (a bundle is A4)."""
    width, height, _ = visible_page(page)
    a4_width, a4_height = _a4_for(width, height)
    return width > a4_width + TOLERANCE or height > a4_height + TOLERANCE


def _to_a4(page: PageObject) -> None:
    """The page made A4 the way it is seen, its visible part scaled down whole and centred;
    it is then upright (no /Rotate), its boxes A4's."""
    width, height, to_page = visible_page(page)
    a4_width, a4_height = _a4_for(width, height)
    scale = min(a4_width / width, a4_height / height)
    onto = (
        Transformation()
        .scale(scale, scale)
        .translate((a4_width - scale * width) / 2, (a4_height - scale * height) / 2)
    )
    _redraw(page, _inverse(to_page.ctm).transform(onto).ctm)
    page.rotation = 0
    a4 = RectangleObject((0, 0, a4_width, a4_height))
    page.mediabox = a4
    page.cropbox = a4
    for name in ("/BleedBox", "/TrimBox", "/ArtBox"):
        if name in page:
            del page[name]


def _rewritten(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def fit_exhibit(pdf: bytes) -> bytes:
    """``pdf`` with every page larger than A4 scaled down to A4, then every page whose content
    reaches the furniture's bands shrunk clear of them; a file with neither is returned as it
    was."""
    reader = PdfReader(io.BytesIO(pdf))  # raises first if it is not a readable PDF
    large = [n for n, page in enumerate(reader.pages) if _oversized(page)]
    if large:
        writer = PdfWriter(clone_from=reader)
        for n in large:
            _to_a4(writer.pages[n])
        pdf = _rewritten(writer)
        reader = PdfReader(io.BytesIO(pdf))
    crowded = crowded_pages(pdf) if reader.pages else []
    if not crowded:
        return pdf
    writer = PdfWriter(clone_from=reader)
    for n in crowded:
        _shrink(writer.pages[n])
    return _rewritten(writer)
