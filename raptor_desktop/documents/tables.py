"""A ruled table of text, its header row repeated on every page: the lists and summaries."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table
from reportlab.platypus.tables import TableStyle

from raptor_desktop.documents.heading import esc
from raptor_desktop.documents.styles import SMALL, SMALL_BOLD

PADDING = 3
"""Points of space each side of a cell's text."""

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
)


def grid_table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    cells = [[Paragraph(esc(h), SMALL_BOLD) for h in header]]
    cells += [[Paragraph(esc(c), SMALL) for c in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(GRID)
    return table
