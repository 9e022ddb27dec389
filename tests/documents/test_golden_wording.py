"""The wording of the draft order, the order as made and the witness statement, fixed.

The words go to court, so a change to them must be a decision: these tests compare each
document's text with the copy kept in ``golden/``. After a deliberate change, write the new
copies with ``RAPTOR_UPDATE_GOLDEN=1 pytest tests/documents/test_golden_wording.py``, read
the diff, and commit it with the change.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from raptor_desktop.core.accounts import Role
from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.case_file import CaseFile
from raptor_desktop.documents.order_doc import order_pdf
from raptor_desktop.documents.statement import statement_pdf
from raptor_desktop.store.applications import submit
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.demo import seed_demo
from raptor_desktop.store.outcomes import record_outcome
from tests.app_fixtures import make_application
from tests.registers import open_store

GOLDEN = Path(__file__).parent / "golden"
DEMO_DAY = date(2026, 11, 29)  # the demo's dates are set from its day: fixed here


@pytest.fixture
def fixed_store(tmp_path: Path) -> Iterator[Store]:
    with open_store(
        tmp_path / "golden.sqlite3", training=True, actor="tester", role=Role.ADMINISTRATOR
    ) as store:
        seed_demo(store, today=DEMO_DAY)
        yield store


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    lines = [" ".join(line.split()) for page in pages for line in page.extract_text().splitlines()]
    return "\n".join(line for line in lines if line) + "\n"


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("RAPTOR_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden copy of {name}: write it with RAPTOR_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"the wording of {name} changed"


DOCUMENTS: dict[str, Callable[[CaseFile], bytes]] = {
    "statement": statement_pdf,
    "order": order_pdf,
}


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_the_draft_wording_is_as_fixed(fixed_store: Store, document: str) -> None:
    reference = make_application(fixed_store)
    case = load_case_file(fixed_store, reference, prepared_on=DEMO_DAY)
    _check(f"draft_{document}.txt", _text(DOCUMENTS[document](case)))


@pytest.mark.usefixtures("after_the_hearings")
def test_the_order_as_made_is_as_fixed(fixed_store: Store) -> None:
    reference = make_application(fixed_store)
    submit(fixed_store, reference)
    record_outcome(fixed_store, reference, "07700 900103", Outcome.MADE, date(2026, 12, 10))
    record_outcome(fixed_store, reference, "07700 900113", Outcome.REFUSED, date(2026, 12, 10))
    record_outcome(fixed_store, reference, "07700 900114", Outcome.MADE, date(2026, 12, 10))
    case = load_case_file(fixed_store, reference, prepared_on=DEMO_DAY)
    _check("order_as_made.txt", _text(order_pdf(case)))
