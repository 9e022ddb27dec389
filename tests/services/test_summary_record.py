"""A case summary as a record: each export its own reference, the officer who prepared it by
name, rank and number, and a chronology in the order things happened on a day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from raptor_desktop.core.applications import Outcome
from raptor_desktop.services.summaries import Scope, export_case_summary, view_case_summary
from raptor_desktop.store.applications import submit
from raptor_desktop.store.database import Store
from raptor_desktop.store.outcomes import record_outcome
from tests.app_fixtures import make_application
from tests.services.test_summaries import TO, TODAY


def _cover(path: Path) -> str:
    return " ".join(PdfReader(path).pages[0].extract_text().split())


def test_each_export_has_a_reference_of_its_own(demo_store: Store, tmp_path: Path) -> None:
    """Every summary exported on a day had been SUM-yyyymmdd: two summaries disclosed to two
    people could not be told apart in the log or on the page."""
    [first] = export_case_summary(demo_store, Scope(), tmp_path / "a.pdf", TO, TODAY)
    [second] = export_case_summary(demo_store, Scope(line="Tony"), tmp_path / "b.pdf", TO, TODAY)
    [later] = export_case_summary(demo_store, Scope(), tmp_path / "c.pdf", TO, date(2026, 12, 2))
    assert "Reference: SUM-20261201-01" in _cover(first)
    assert "Reference: SUM-20261201-02" in _cover(second)
    assert "Reference: SUM-20261202-01" in _cover(later)
    logged = [
        r
        for (r,) in demo_store.db.execute(
            "SELECT records FROM audit_log WHERE event = 'case summary (exported)' ORDER BY id"
        )
    ]
    assert [r.split(" — ")[0] for r in logged] == [
        "SUM-20261201-01",
        "SUM-20261201-02",
        "SUM-20261202-01",
    ]


def test_the_summary_is_prepared_by_the_officer_not_an_account_name(
    demo_store: Store, tmp_path: Path
) -> None:
    from raptor_desktop.core.demo_accounts import DEMO_USER

    demo_store.actor = DEMO_USER  # the demo's officer, whose profile is kept
    [pdf] = export_case_summary(demo_store, Scope(), tmp_path / "s.pdf", TO, TODAY)
    assert "Prepared: 1 December 2026 by Detective Constable Rachel Carter (71234)" in _cover(pdf)
    assert DEMO_USER not in _cover(pdf)


@pytest.mark.usefixtures("after_the_hearings")
def test_a_days_events_are_in_the_order_they_happened(demo_store: Store) -> None:
    """Events of one day were sorted by their words: the decisions of a hearing came before
    the hearing, and "order made" before the number it came after."""
    reference = make_application(demo_store)
    submit(demo_store, reference)
    heard = date(2026, 12, 10)
    record_outcome(demo_store, reference, "07700 900113", Outcome.REFUSED, heard)
    record_outcome(demo_store, reference, "07700 900103", Outcome.MADE, heard)
    summary = view_case_summary(demo_store, Scope(), date(2026, 12, 22))
    that_day = [e.what for e in summary.chronology if e.on == heard]
    assert that_day[0] == f"{reference}: hearing"
    assert set(that_day[1:]) == {
        f"07700 900113: refused ({reference})",
        "07700 900103: order made",
    }
