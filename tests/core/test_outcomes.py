from __future__ import annotations

from datetime import date

import pytest

from raptor_desktop.core.applications import Outcome
from raptor_desktop.core.outcomes import (
    ApplicationDates,
    change_needs_reason,
    default_outcome_date,
    outcome_date_problem,
    status_after,
)
from raptor_desktop.core.statuses import Status

TODAY = date(2026, 12, 21)
DATES = ApplicationDates(
    hearing=date(2026, 12, 10), authorised=date(2026, 11, 27), statement=date(2026, 11, 26)
)


def problem(outcome: Outcome, on: date, ordered_on: date | None = None) -> str | None:
    return outcome_date_problem(outcome, on, TODAY, DATES, ordered_on)


def test_an_outcome_on_or_after_the_hearing_is_accepted() -> None:
    assert problem(Outcome.MADE, date(2026, 12, 10)) is None
    assert problem(Outcome.REFUSED, date(2026, 12, 11)) is None


def test_an_outcome_before_the_listed_hearing_says_where_to_correct_the_hearing() -> None:
    said = problem(Outcome.MADE, date(2026, 12, 9))
    assert said is not None
    assert "before the hearing listed for 10/12/2026" in said
    assert "--hearing" in said


@pytest.mark.parametrize(
    ("on", "words"),
    [
        (date(2026, 11, 26), "before the application was authorised (27/11/2026)"),
        (date(2026, 11, 25), "before the application was authorised (27/11/2026)"),
    ],
)
def test_an_outcome_before_the_authority_is_refused(on: date, words: str) -> None:
    no_hearing = ApplicationDates(None, DATES.authorised, DATES.statement)
    said = outcome_date_problem(Outcome.MADE, on, TODAY, no_hearing, None)
    assert said is not None and words in said


def test_an_outcome_before_the_statement_is_refused() -> None:
    dates = ApplicationDates(None, date(2026, 11, 1), date(2026, 11, 26))
    said = outcome_date_problem(Outcome.REFUSED, date(2026, 11, 20), TODAY, dates, None)
    assert said is not None and "before the officer's statement (26/11/2026)" in said


def test_a_withdrawal_may_come_before_the_hearing_but_not_after_today() -> None:
    assert problem(Outcome.WITHDRAWN, date(2026, 12, 1)) is None
    said = problem(Outcome.WITHDRAWN, date(2026, 12, 22))
    assert said is not None and "after today" in said


def test_a_carve_out_needs_an_order_made_before_it() -> None:
    none = problem(Outcome.CARVED_OUT, date(2026, 12, 15))
    assert none is not None and "no order" in none
    early = problem(Outcome.CARVED_OUT, date(2026, 12, 9), date(2026, 12, 10))
    assert early is not None and "before the order" in early
    assert problem(Outcome.CARVED_OUT, date(2026, 12, 15), date(2026, 12, 10)) is None


def test_the_default_date_is_the_hearing_once_it_has_been_held() -> None:
    assert default_outcome_date(date(2026, 12, 10), TODAY) == date(2026, 12, 10)
    assert default_outcome_date(date(2026, 12, 30), TODAY) == TODAY
    assert default_outcome_date(None, TODAY) == TODAY


@pytest.mark.parametrize(
    ("before", "after", "needs"),
    [
        (None, Outcome.MADE, False),
        (Outcome.ADJOURNED, Outcome.MADE, False),
        (Outcome.ADJOURNED, Outcome.ADJOURNED, False),  # adjourned again
        (Outcome.MADE, Outcome.CARVED_OUT, False),  # reg 3(3): the order's own step
        (Outcome.MADE, Outcome.REFUSED, True),
        (Outcome.MADE, Outcome.MADE, True),  # a changed date or term is a correction
        (Outcome.REFUSED, Outcome.MADE, True),
        (Outcome.CARVED_OUT, Outcome.MADE, True),
        (Outcome.WITHDRAWN, Outcome.MADE, True),
    ],
)
def test_changing_a_decided_outcome_is_a_correction(
    before: Outcome | None, after: Outcome, needs: bool
) -> None:
    assert change_needs_reason(before, after) is needs


def test_an_order_on_a_disconnected_number_leaves_it_disconnected() -> None:
    assert status_after(Outcome.MADE, Status.DISCONNECTED, order_elsewhere=True) is (
        Status.DISCONNECTED
    )
    assert status_after(Outcome.MADE, Status.IN_APPLICATION, order_elsewhere=False) is (
        Status.ORDER_MADE
    )


def test_a_refused_renewal_leaves_the_order_in_force_standing() -> None:
    assert status_after(Outcome.REFUSED, Status.ORDER_MADE, order_elsewhere=True) is (
        Status.ORDER_MADE
    )
    assert status_after(Outcome.REFUSED, Status.IN_APPLICATION, order_elsewhere=False) is (
        Status.REFUSED
    )
    assert status_after(Outcome.ADJOURNED, Status.IN_APPLICATION, order_elsewhere=False) is (
        Status.IN_APPLICATION
    )
