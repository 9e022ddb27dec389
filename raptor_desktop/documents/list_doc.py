"""A list as the window shows it (the Lines view, the contacts, the orders…), printed on the
unit's page template: its title, when and by whom it was printed, the rows, the furniture."""

from __future__ import annotations

import io
from datetime import datetime

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph

from raptor_desktop.core.dates import full_moment
from raptor_desktop.documents.compact import compact_pdf
from raptor_desktop.documents.heading import esc
from raptor_desktop.documents.render import DEFAULT_LEFT, RIGHT, render
from raptor_desktop.documents.stamp import Furniture, stamp
from raptor_desktop.documents.styles import SMALL, TITLE
from raptor_desktop.documents.tables import grid_table


def list_pdf(
    title: str,
    headers: list[str],
    rows: list[list[str]],
    furniture: Furniture,
    printed_by: str,
    printed_at: datetime,
) -> bytes:
    width = landscape(A4)[0] - DEFAULT_LEFT - RIGHT
    weights = [
        max(len(h), *(min(len(r[i]), 40) for r in rows)) if rows else len(h)
        for i, h in enumerate(headers)
    ]
    total = sum(weights) or 1
    story = [
        Paragraph(esc(title), TITLE),
        Paragraph(
            f"{len(rows)} rows, as the window showed them; printed {full_moment(printed_at)} "
            f"by {esc(printed_by)}.",
            SMALL,
        ),
        grid_table(headers, rows or [[""] * len(headers)], [width * w / total for w in weights]),
    ]
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(render(story, title=title, wide=True))))
    stamp(writer, furniture)
    return compact_pdf(writer)
