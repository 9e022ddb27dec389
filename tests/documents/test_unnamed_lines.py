"""Lines with no name in an application: each is its own line, in words the court can read."""

from __future__ import annotations

from datetime import date

from raptor_desktop.core.case_gaps import case_gaps
from raptor_desktop.core.lines import LineDetails, SeenDates
from raptor_desktop.core.statuses import Status
from raptor_desktop.documents.statement import statement_paragraphs
from raptor_desktop.store.applications import create_application
from raptor_desktop.store.case_file import load_case_file
from raptor_desktop.store.database import Store
from raptor_desktop.store.evidence import EvidenceItem, add_evidence
from raptor_desktop.store.lines import add_number, set_status
from tests.app_fixtures import details


def unnamed(store: Store, number: str) -> int:
    seen = SeenDates(date(2026, 11, 1))
    line = add_number(store, number, LineDetails(areas=["Thurrock"]), dates=seen).line_id
    for status in (Status.GATHERING_EVIDENCE, Status.READY):
        set_status(store, number, status)
    return line


def test_two_lines_with_no_name_keep_their_own_evidence(training_store: Store) -> None:
    """Lines with no name were one line to the application: the evidence of one was cited
    for the other, and the statement called each 'The line known as “unnamed”'."""
    first = unnamed(training_store, "07700 900201")
    unnamed(training_store, "07700 900202")
    add_evidence(
        training_store,
        first,
        EvidenceItem("test purchase", "One wrap of crack", occurred_on=date(2026, 11, 10)),
    )
    reference = create_application(training_store, details(), ["07700 900201", "07700 900202"])
    case = load_case_file(training_store, reference, check_files=False)
    [gap] = [g for g in case_gaps(case) if "no evidence" in g.what]
    assert gap.what.startswith("the line with no name (item 2) has no evidence")
    grounds = {i.display: i.grounds for i in case.items}
    assert "crack" in grounds["07700 900201"] and "crack" not in grounds["07700 900202"]
    assert "a deal line whose name is not known" in grounds["07700 900202"]
    said = " ".join(statement_paragraphs(case))
    assert "unnamed" not in said and "unnamed" not in " ".join(grounds.values())
    assert (
        "According to the operation's line register, the number is used by a line whose name "
        "is not known, which sells" in said
    )
