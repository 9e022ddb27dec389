"""The schedule of relevant items laid out as a clerk reads it: a long schedule starts under
its introduction, and every identifier fits its column on one line."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth

from raptor_desktop.core.lines import LineDetails
from raptor_desktop.documents.render import DEFAULT_LEFT, RIGHT
from raptor_desktop.documents.schedule import PADDING, SCHEDULE_WIDTHS, schedule_pdf
from raptor_desktop.documents.styles import IDENTIFIER, SMALL, SMALL_BOLD
from raptor_desktop.store.applications import create_application
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.lines import add_device, add_number, set_provider
from tests.app_fixtures import details


def _long_application(store: Store, count: int) -> str:
    numbers = [f"07700 900{i:03d}" for i in range(count)]
    for n, number in enumerate(numbers):
        add_number(store, number, LineDetails(brand=f"Line{n // 10}", areas=["Thurrock"]))
        set_provider(store, number, "EE")
    add_device(store, numbers[0], "ICCID", "8944" + "0" * 17 + "9")  # 22 digits, the longest
    return create_application(store, details(), numbers)


def _pages(store: Store, reference: str) -> list[str]:
    case = load_case_file(store, reference, prepared_on=date(2026, 11, 29))
    reader = PdfReader(io.BytesIO(schedule_pdf(case)))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.mark.parametrize("count", [6, 40])
def test_the_first_items_are_on_the_schedules_first_page(training_store: Store, count: int) -> None:
    pages = _pages(training_store, _long_application(training_store, count))
    assert "SCHEDULE OF RELEVANT ITEMS" in pages[0]
    assert "The Respondent: EE" in pages[0]  # the one provider: not numbered
    assert "07700 900000" in pages[0]
    assert ("07700 900039" in pages[-1]) == (count == 40)


def test_each_page_a_providers_items_run_on_to_names_the_provider(training_store: Store) -> None:
    """A clerk turning to page 3 of the schedule could not tell whose items were on it."""
    pages = _pages(training_store, _long_application(training_store, 40))
    assert len(pages) >= 3
    continued = "The Respondent: EE — [legal name not recorded] (continued)"  # none recorded
    assert continued not in pages[0]
    for page in pages[1:]:
        assert page.count(continued) == 1, page[:200]
        assert page.index(continued) < page.index("No. MSISDN")


def test_a_22_digit_iccid_is_on_one_line(training_store: Store) -> None:
    pages = _pages(training_store, _long_application(training_store, 6))
    assert "8944" + "0" * 17 + "9" in pages[0].split()  # one word: not broken in its column


def test_each_column_holds_its_longest_value_unbroken() -> None:
    widest = {
        0: stringWidth("No.", SMALL_BOLD.fontName, SMALL_BOLD.fontSize),
        1: stringWidth("07700 900000", SMALL_BOLD.fontName, SMALL_BOLD.fontSize),
        2: stringWidth("4" * 15, IDENTIFIER.fontName, IDENTIFIER.fontSize),  # IMEI
        3: stringWidth("2" * 15, IDENTIFIER.fontName, IDENTIFIER.fontSize),  # IMSI
        4: stringWidth("8" * 22, IDENTIFIER.fontName, IDENTIFIER.fontSize),  # ICCID
    }
    widest[1] = max(widest[1], stringWidth("+447700900000", SMALL.fontName, SMALL.fontSize))
    for column, width in widest.items():
        assert width + 2 * PADDING <= SCHEDULE_WIDTHS[column], column
    frame = landscape(A4)[0] - DEFAULT_LEFT - RIGHT
    assert sum(SCHEDULE_WIDTHS) <= frame + 0.01
