"""Orders made on an application: duration, compliance deadline, and the warnings they raise.

Duration (reg 3(2)): until a date, for a period, or, if the order states neither, until
discharged. Compliance (reg 3(4)-(6)): by default the end of the fifth working day after the
order; the court may set another time; the applicant and a provider may agree an earlier one.
The warning periods are policy, so they are parameters with the unit's defaults.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from raptor_desktop.core.dates import full_date, plural, uk_date
from raptor_desktop.core.errors import InputRejected
from raptor_desktop.core.working_days import BankHolidays, default_compliance_deadline

END_WARNING_DAYS = 28
REVIEW_MONTHS = 6
END_OF_DAY = time(23, 59)


class DeadlineKind(StrEnum):
    DEFAULT = "end of the 5th working day"
    COURT = "set by the court"
    AGREED = "agreed earlier with the provider"


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


@dataclass(frozen=True)
class Duration:
    """How long an order lasts: exactly one of an end date, a period in months, or neither."""

    end_date: date | None = None
    months: int | None = None

    def end(self, order_date: date) -> date | None:
        if self.end_date:
            return self.end_date
        if self.months:
            return add_months(order_date, self.months)
        return None

    def describe(self) -> str:
        if self.end_date:
            return f"until {full_date(self.end_date)}"
        if self.months:
            return f"for {plural(self.months, 'month')} from the date of the order"
        return "until discharged"


def order_term(duration: Duration, carved_out: date | None) -> str:
    """How long an order binds its item, as the orders list shows it: its duration, or the
    day a carve-out (reg 3(3)) ended it, with the duration it was made for."""
    if carved_out is None:
        return duration.describe()
    made_for = duration.describe().replace(" from the date of the order", "")
    return f"carved out on {uk_date(carved_out)} (regulation 3(3)); made {made_for}"


def duration_problem(duration: Duration, order_date: date) -> str | None:
    """Why an order of ``duration`` made on ``order_date`` cannot be recorded, or None."""
    if duration.end_date and duration.months:
        return "give the order's end date or its length in months, not both"
    if duration.months is not None and duration.months < 1:
        return f"an order lasts at least 1 month, not {duration.months}"
    if duration.end_date and duration.end_date <= order_date:
        return "the order's end date must be after the date of the order"
    return None


def confirmed_on_problem(on: date, today: date, ordered_on: date) -> str | None:
    """Why a provider's confirmation of disconnection dated ``on`` cannot be recorded, or None."""
    if on > today:
        return f"the confirmation is dated {uk_date(on)}, after today ({uk_date(today)})"
    if on < ordered_on:
        return (
            f"the confirmation is dated {uk_date(on)}, before the order it complies with was "
            f"made ({uk_date(ordered_on)})"
        )
    return None


def compliance_deadline(
    order_date: date,
    kind: DeadlineKind = DeadlineKind.DEFAULT,
    set_at: datetime | None = None,
    calendar_: BankHolidays | None = None,
) -> datetime:
    """When the provider must have complied with an order made on ``order_date``."""
    if kind is DeadlineKind.DEFAULT:
        return datetime.combine(default_compliance_deadline(order_date, calendar_), END_OF_DAY)
    if set_at is None:
        raise InputRejected(f"a deadline {kind.value} needs its date and time")
    if set_at.date() < order_date:
        raise InputRejected("the compliance deadline is before the date of the order")
    return set_at


def suggested_earlier_time(order_time: datetime, now: datetime) -> datetime:
    """A first guess at an earlier time to comply (regulation 3(6)), for the officer to change:
    a day before the order's own time, or the next whole hour if that has passed; never the
    order's time or after it, which the agreement could not be."""
    day_before = order_time - timedelta(days=1)
    next_hour = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if day_before >= next_hour or next_hour >= order_time:
        return day_before
    return next_hour


@dataclass(frozen=True)
class OrderFacts:
    """What the warnings need to know about one order on one number."""

    reference: str
    number: str
    brand: str
    order_date: date
    deadline: datetime
    confirmed_on: date | None
    end: date | None
    reemerged_numbers: tuple[str, ...] = ()
    carved_out: date | None = None  # the day it ceased to apply to the item (reg 3(3))


@dataclass(frozen=True)
class Notice:
    """A warning about an order, with what kind of work it asks for."""

    kind: str  # "deadline", "ending", "review" or "re-emerged"
    text: str


def order_warnings(
    order: OrderFacts,
    today: date,
    end_warning_days: int = END_WARNING_DAYS,
    review_months: int = REVIEW_MONTHS,
) -> list[str]:
    """Warnings an officer must see about ``order`` on ``today``, most urgent first."""
    return [n.text for n in order_notices(order, today, end_warning_days, review_months)]


def order_notices(
    order: OrderFacts,
    today: date,
    end_warning_days: int = END_WARNING_DAYS,
    review_months: int = REVIEW_MONTHS,
) -> list[Notice]:
    """:func:`order_warnings`, each with its kind (the dashboard groups them by it). An order
    carved out of its item asks for nothing more: the applicant found it not so used."""
    if order.carved_out is not None:
        return []
    found = []
    who = f"{order.number} ({order.brand or 'unnamed line'}, {order.reference})"
    if order.confirmed_on is None:
        deadline = order.deadline.date()
        if deadline < today:
            found.append(
                Notice(
                    "deadline",
                    f"{who}: compliance deadline passed on {uk_date(deadline)} "
                    "without confirmation of disconnection",
                )
            )
        elif deadline <= today + timedelta(days=1):
            when = "today" if deadline == today else "tomorrow"
            found.append(
                Notice(
                    "deadline",
                    f"{who}: compliance deadline is {when} and the provider has not "
                    "confirmed disconnection",
                )
            )
    if order.end is not None:
        if today <= order.end <= today + timedelta(days=end_warning_days):
            found.append(
                Notice(
                    "ending",
                    f"{who}: the order ends on {uk_date(order.end)}; renew or extend it if the "
                    "line is still in use",
                )
            )
    else:
        review = add_months(order.order_date, review_months)
        while review < today - timedelta(days=end_warning_days):
            review = add_months(review, review_months)
        if review <= today + timedelta(days=end_warning_days):
            found.append(
                Notice(
                    "review",
                    f"{who}: open-ended order due for its {review_months}-monthly review "
                    f"on {uk_date(review)}",
                )
            )
    if order.reemerged_numbers:
        found.append(
            Notice(
                "re-emerged",
                f"{who}: the brand re-emerged on "
                + ", ".join(order.reemerged_numbers)
                + " after the order",
            )
        )
    return found
