"""The order as made names the judge who made it and carries the claim number the court gave,
as the sealed order does; until both are recorded, a pack after the order is a draft.

The order-as-made page had kept "Before ______ [for the court to complete]" and "Claim No. to
be allocated" after the court had made the order.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.case_gaps import case_gaps
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.documents.order_doc import order_pdf
from raptor_desktop.store.applications import save_details, submit
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import RecordNotFound
from raptor_desktop.store.outcomes import OrderTerms, name_judge, record_outcome
from tests.app_fixtures import NUMBERS, details, make_application
from tests.documents.test_court_documents import section_text
from tests.pdf_text import running_text
from tests.test_cli import run

HEARD = date(2026, 12, 10)


def _order_text(store: Store, reference: str) -> str:
    return running_text(PdfReader(io.BytesIO(order_pdf(load_case_file(store, reference)))))


def _gaps(store: Store, reference: str) -> list[str]:
    return [str(g) for g in case_gaps(load_case_file(store, reference, check_files=False))]


@pytest.mark.usefixtures("after_the_hearings")
def test_the_order_as_made_names_its_judge_and_claim_number(demo_store: Store) -> None:
    reference = make_application(demo_store)
    submit(demo_store, reference)
    assert not any("judge" in g or "claim number" in g for g in _gaps(demo_store, reference))
    first, *others = NUMBERS
    record_outcome(
        demo_store,
        reference,
        first,
        Outcome.MADE,
        HEARD,
        OrderTerms(judge=" District  Judge Patel "),
    )
    for number in others:  # the same hearing: the same judge, unless another is given
        record_outcome(demo_store, reference, number, Outcome.MADE, HEARD)
    gaps = _gaps(demo_store, reference)
    assert any("the claim number the court gave is not recorded" in g for g in gaps)
    assert not any("does not name the judge" in g for g in gaps)
    save_details(demo_store, reference, details(claim_number="K00CL123"), "claim number given")
    assert _gaps(demo_store, reference) == []
    text = _order_text(demo_store, reference)
    assert "Before District Judge Patel sitting at the County Court at Clerkenwell" in text
    assert "Claim No. K00CL123" in text
    assert "for the court to complete" not in text
    # a retyped copy says so on its face: the sealed order is the court's (CPR 40.2)
    assert "The Applicant's copy of the terms of the order, not sealed" in text
    letter = section_text(demo_store, reference, "Letter to Vodafone")
    assert "Claim No.: K00CL123" in letter
    assert (
        "Enclosed: a sealed copy of the order of District Judge Patel dated 10 December 2026"
        in (letter)
    )


@pytest.mark.usefixtures("after_the_hearings")
def test_an_order_recorded_without_its_judge_is_a_gap_until_the_judge_is_named(
    demo_store: Store,
) -> None:
    reference = make_application(demo_store)
    save_details(demo_store, reference, details(claim_number="K00CL123"))
    submit(demo_store, reference)
    for number in NUMBERS:
        record_outcome(demo_store, reference, number, Outcome.MADE, HEARD)
    [gap] = _gaps(demo_store, reference)
    assert "the order made on 10 December 2026 does not name the judge who made it" in gap
    before = load_case_file(demo_store, reference).items
    with pytest.raises(InputRejected, match="give the judge's name"):
        name_judge(demo_store, reference, "  ")
    with pytest.raises(RecordNotFound, match="no order made on 11 December 2026"):
        name_judge(demo_store, reference, "District Judge Patel", date(2026, 12, 11))
    assert name_judge(demo_store, reference, "District Judge Patel") == HEARD
    assert _gaps(demo_store, reference) == []
    after = load_case_file(demo_store, reference).items
    # the terms of the order stay as recorded: only the judge is added
    assert [(i.order_deadline, i.order_duration) for i in after] == [
        (i.order_deadline, i.order_duration) for i in before
    ]
    assert {i.judge for i in after} == {"District Judge Patel"}


def test_the_judge_is_given_and_named_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = ["--db", str(tmp_path / "demo.sqlite3"), "--demo"]
    code, out, _ = run(capsys, *db, "applications", "--json")
    [waiting] = [a for a in json.loads(out) if a["status"] == "submitted"]
    reference = waiting["reference"]
    today = date.today()  # the demo authorised it today: the court heard it early, today
    held = ("edit-application", reference, "--hearing", today.isoformat(), "--amendment", "moved")
    assert run(capsys, *db, *held)[0] == 0
    made = ("record-outcome", reference, "07700 900104", "made", "--judge", "District Judge Patel")
    assert run(capsys, *db, *made)[0] == 0
    _, out, _ = run(capsys, *db, "check-application", reference)
    assert "does not name the judge" not in out
    code, out, err = run(capsys, *db, "name-judge", reference, "Deputy District Judge Moss")
    assert code == 0, err
    assert (
        out
        == f"{reference}: the order of {today:%d/%m/%Y} was made by Deputy District Judge Moss\n"
    )
    code, _, err = run(capsys, *db, "name-judge", reference, "X", "--date", "2020-01-01")
    assert code == 1 and "has no order made on 1 January 2020" in err
