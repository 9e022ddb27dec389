"""Making room for the page furniture on an exhibit page that runs to its edges.

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
from reportlab.lib.units import cm

from raptor_desktop.documents.render import BOTTOM_BAND, TOP_BAND
from raptor_desktop.documents.stamp import visible_page

SIDE = 0.6 * cm  # a little room either side once shrunk
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


def _shrink(page: PageObject) -> None:
    """Draw the page's visible part smaller, centred between the bands; what lay outside the
    crop box stays hidden (clipped to it before it is scaled)."""
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
    matrix = _inverse(to_page.ctm).transform(onto).transform(to_page).ctm
    box = page.cropbox
    clip = (float(box.left), float(box.bottom), float(box.width), float(box.height))
    content = page.get_contents()
    if content is None:
        return
    prefix = " ".join(f"{v:.6f}" for v in matrix) + " cm "
    prefix += " ".join(f"{v:.4f}" for v in clip) + " re W n\n"
    content.set_data(b"q " + prefix.encode() + content.get_data() + b"\nQ")
    page.replace_contents(content)


def fit_exhibit(pdf: bytes) -> bytes:
    """``pdf`` with every page whose content reaches the furniture's bands shrunk clear of them."""
    reader = PdfReader(io.BytesIO(pdf))  # raises first if it is not a readable PDF
    crowded = crowded_pages(pdf) if reader.pages else []
    if not crowded:
        return pdf
    writer = PdfWriter(clone_from=reader)
    for n in crowded:
        _shrink(writer.pages[n])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
