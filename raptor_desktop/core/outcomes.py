"""The court's outcome for an item: when it can be dated, when changing it is a correction,
and the status the number is left in.

The court decides at a hearing, on an application that has been authorised and a statement
that has been signed, so an outcome dated before any of them is a slip of typing, never a fact
(a withdrawal, the applicant's own act, may come at any time before). Once an outcome is
recorded, changing it says the record was wrong: it goes in as an amendment with its reason,
except for the steps that follow an outcome (an adjourned item decided, an order's item carved
out under reg 3(3)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from raptor_desktop.core.applications import OUTCOME_STATUS, Outcome
from raptor_desktop.core.dates import uk_date
from raptor_desktop.core.statuses import Status


@dataclass(frozen=True)
class ApplicationDates:
    """The dates of an application that an outcome cannot come before."""

    hearing: date | None
    authorised: date | None
    statement: date | None


def _order_problem(on: date, ordered_on: date | None) -> str | None:
    if ordered_on is None:
        return "there is no order on the number to carve it out of (regulation 3(3))"
    if on < ordered_on:
        return f"the carve-out is dated {uk_date(on)}, before the order ({uk_date(ordered_on)})"
    return None


def _decision_problem(on: date, dates: ApplicationDates, reference: str) -> str | None:
    said = f"the outcome is dated {uk_date(on)}"
    if dates.authorised and on < dates.authorised:
        return f"{said}, before the application was authorised ({uk_date(dates.authorised)})"
    if dates.statement and on < dates.statement:
        return f"{said}, before the officer's statement ({uk_date(dates.statement)})"
    if dates.hearing and on < dates.hearing:
        return (
            f"{said}, before the hearing listed for {uk_date(dates.hearing)}: if the court "
            "heard it on another day, correct the hearing first (the application's Details "
            f'tab, or raptor edit-application {reference} --hearing DATE --amendment "REASON")'
        )
    return None


def outcome_date_problem(
    outcome: Outcome,
    on: date,
    today: date,
    dates: ApplicationDates,
    ordered_on: date | None,
    reference: str = "REFERENCE",
) -> str | None:
    """Why ``outcome`` dated ``on`` cannot be recorded, or None.

    Never for a day to come (a date typed a month out would start a compliance time nothing
    has started); a carve-out is made from an order, so on or after it.
    """
    if on > today:
        return (
            f"the outcome is dated {uk_date(on)}, after today ({uk_date(today)}): record what "
            "the court decided once it has decided it"
        )
    if outcome is Outcome.CARVED_OUT:
        return _order_problem(on, ordered_on)
    if outcome is Outcome.WITHDRAWN:
        return None
    return _decision_problem(on, dates, reference)


def default_outcome_date(hearing: date | None, today: date) -> date:
    """The date an outcome is given when none is typed: the hearing's, once it has been
    held (outcomes are often recorded the day after), else today."""
    return hearing if hearing and hearing <= today else today


_FOLLOWING_STEPS = {(Outcome.MADE, Outcome.CARVED_OUT)}


def change_needs_reason(before: Outcome | None, after: Outcome) -> bool:
    """Whether recording ``after`` over ``before`` corrects the record (an amendment, with
    its reason): true unless nothing was decided yet, the item was adjourned, or it is the
    step that follows the outcome recorded."""
    if before is None or before is Outcome.ADJOURNED:
        return False
    return (before, after) not in _FOLLOWING_STEPS


def status_after(outcome: Outcome, current: Status, *, order_elsewhere: bool) -> Status:
    """The number's status once ``outcome`` is recorded for it.

    ``order_elsewhere``: another application's order on the number is still in force (this
    one renews it). An order made keeps a number that is already cut off disconnected; any
    other outcome of a renewal leaves the order in force, and the status it gave, standing.
    """
    if outcome is Outcome.MADE:
        return Status.DISCONNECTED if current is Status.DISCONNECTED else Status.ORDER_MADE
    if order_elsewhere:
        return current
    return OUTCOME_STATUS[outcome]
