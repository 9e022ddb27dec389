"""Check-backs and Type 1 closures (issue 11): recorded with reasons, counted by the figures."""

from __future__ import annotations

from datetime import date

import pytest

from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.figures import Figures, compute
from raptor_desktop.store.closures import record_check_back, record_type1_closure
from raptor_desktop.store.database import Store
from raptor_desktop.store.errors import Conflict
from raptor_desktop.store.scope_facts import Scope, scope_facts

TODAY = date(2026, 12, 1)


def figures(store: Store) -> Figures:
    return compute(scope_facts(store, Scope()), TODAY)


def test_a_check_back_clears_the_task_and_counts(demo_store: Store) -> None:
    due = figures(demo_store).check_backs_due
    first = due[0]
    record_check_back(demo_store, first.display, first.after_days, first.due_on, True, "", TODAY)
    after = figures(demo_store)
    assert first not in after.check_backs_due and len(after.check_backs_due) == len(due) - 1
    assert (after.check_backs_done, after.check_backs_failed) == (1, 0)
    with pytest.raises(Conflict, match="is recorded"):
        record_check_back(demo_store, first.display, first.after_days, TODAY, False, "", TODAY)


@pytest.mark.parametrize(
    ("number", "days", "on", "problem"),
    [
        ("07700 900110", 30, date(2026, 7, 1), "28 or 90 days"),
        ("07700 900110", 28, date(2027, 1, 1), "in the future"),
        ("07700 900110", 28, date(2026, 1, 1), "before the disconnection"),
        ("07700 900105", 28, date(2026, 11, 1), "has not been disconnected"),
    ],
)
def test_a_check_back_that_cannot_be_is_refused(
    demo_store: Store, number: str, days: int, on: date, problem: str
) -> None:
    with pytest.raises(InputRejected, match=problem):
        record_check_back(demo_store, number, days, on, True, "", TODAY)


def test_a_type1_closure_is_counted_once(demo_store: Store) -> None:
    with pytest.raises(InputRejected, match="say what closed"):
        record_type1_closure(demo_store, "07700 900110", date(2026, 11, 1), " ", TODAY)
    record_type1_closure(
        demo_store, "07700 900110", date(2026, 11, 1), "holder charged, PSD/2026/118", TODAY
    )
    assert figures(demo_store).type1_closures == 1
    with pytest.raises(Conflict, match="already recorded"):
        record_type1_closure(demo_store, "07700 900110", date(2026, 11, 2), "again", TODAY)
