"""Turning flowables into PDF pages that leave room for the stamped header and footer.

Every document is first rendered on its own (each with its own margins and orientation); the
page furniture (marking, reference, page X of Y, training mark) is added afterwards by
:mod:`documents.stamp`, the same way on every page of every document and exhibit.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from raptor_desktop.documents.fonts import embed_alphabet

rl_config.invariant = 1  # same input, same bytes: documents can be compared in tests

TOP_BAND = 2.2 * cm
BOTTOM_BAND = 2.2 * cm
DEFAULT_LEFT = 2.5 * cm
STATEMENT_LEFT = 3.5 * cm  # PD 32: a 3.5 cm left margin for witness statements
RIGHT = 2.0 * cm


def _first_page(canvas: Canvas, _doc: SimpleDocTemplate) -> None:
    embed_alphabet(canvas)  # the same font subsets in every document: stored once per bundle


def render(
    flowables: Sequence[Flowable],
    *,
    title: str,
    left: float = DEFAULT_LEFT,
    wide: bool = False,
) -> bytes:
    """Lay out ``flowables`` on A4 (landscape when ``wide``) and return the PDF bytes."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4) if wide else A4,
        leftMargin=left,
        rightMargin=RIGHT,
        topMargin=TOP_BAND,
        bottomMargin=BOTTOM_BAND,
        title=title,
        author="Raptor Desktop",
    )
    doc.build(list(flowables), onFirstPage=_first_page)
    return buffer.getvalue()
