"""A signature never stands alone on a page: the witness statement's statement of truth
goes over with its last paragraph, and a letter's "Yours faithfully" with its last lines,
whatever the number of items pushes them to the foot of a page."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.core.lines import LineDetails
from raptor_desktop.documents.letters import letter_pdf
from raptor_desktop.documents.statement import statement_pdf
from raptor_desktop.store.applications import create_application
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.lines import add_number, set_provider
from tests.app_fixtures import details

COUNT = 24


def _case(store: Store) -> CaseFile:
    numbers = [f"07700 900{i:03d}" for i in range(COUNT)]
    for n, number in enumerate(numbers):
        add_number(store, number, LineDetails(brand=f"Line{n}", areas=["Thurrock", "Brentwood"]))
        set_provider(store, number, "EE")
    reference = create_application(store, details(), numbers)
    return load_case_file(store, reference, prepared_on=date(2026, 11, 29))


def _last_page(pdf: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[-1].extract_text().split())


def test_the_statement_of_truth_is_never_alone_on_the_last_page(training_store: Store) -> None:
    case = _case(training_store)
    for count in range(1, COUNT + 1):
        last = _last_page(statement_pdf(replace(case, items=case.items[:count])))
        assert "Statement of truth" in last
        assert "For these reasons I believe" in last, count


def test_yours_faithfully_is_never_alone_on_the_last_page(training_store: Store) -> None:
    case = _case(training_store)
    for count in range(1, COUNT + 1):
        last = _last_page(letter_pdf(case, "EE", case.items[:count]))
        assert "Yours faithfully" in last
        assert "Enclosed:" in last, count


def test_each_numbered_paragraph_starts_its_text_at_one_indent(training_store: Store) -> None:
    """The number in the margin, the text after it at the same place in every paragraph (in
    a justified first line the spaces after the number had stretched with the line's)."""
    import re

    import pypdfium2

    case = _case(training_store)
    document = pypdfium2.PdfDocument(statement_pdf(replace(case, items=case.items[:6])))
    starts = set()
    for page in document:
        text = page.get_textpage()
        whole = text.get_text_range()
        for found in re.finditer(r"(?m)^(\d+)\.\s+(\S)", whole):
            left = text.get_charbox(found.start(2))[0]
            starts.add(left)
    assert max(starts) - min(starts) < 1, starts  # a letter's own side bearing, no more
