"""A heading over a table: kept with it, and a long table not pushed whole to the next page."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.units import cm
from reportlab.platypus import Spacer

from raptor_desktop.documents.headed import ROOM, headed
from raptor_desktop.documents.render import render
from raptor_desktop.documents.tables import grid_table

PAGE = 29.7 * cm - 2 * 2.2 * cm  # the frame's height on A4, between the furniture's bands


def _pages_of(space_above: float, rows: int) -> list[str]:
    table = grid_table(["What"], [[f"row {n}"] for n in range(rows)], [10 * cm])
    pdf = render([Spacer(1, space_above), *headed("The heading", table)], title="t")
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_table_that_fits_a_page_moves_whole_with_its_heading() -> None:
    pages = _pages_of(PAGE - 6 * cm, 20)  # 20 rows do not fit the 6 cm left, but fit a page
    assert "The heading" not in pages[0]
    assert "The heading" in pages[1] and "row 0" in pages[1] and "row 19" in pages[1]


def test_a_table_longer_than_a_page_starts_under_what_is_above_it() -> None:
    pages = _pages_of(PAGE / 2, 120)
    assert "The heading" in pages[0] and "row 0" in pages[0]
    assert "row 119" in pages[-1]


def test_a_long_table_with_too_little_room_left_starts_on_the_next_page() -> None:
    pages = _pages_of(PAGE - ROOM + 0.5 * cm, 120)
    assert "The heading" not in pages[0]
    assert "The heading" in pages[1] and "row 0" in pages[1]
