"""Working days in England and Wales, for DDTRO compliance deadlines (SI 2017/1240 reg 3(4)).

By default an order must be complied with by the end of the fifth working day after the date of
the order. Working days skip weekends and England and Wales bank holidays; the holiday list comes
from the ``holidays`` library and can be corrected by the unit (days added or removed), because
the exact list the court applies is not confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays

DEFAULT_COMPLIANCE_WORKING_DAYS = 5


@lru_cache(maxsize=16)
def _library_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


@dataclass(frozen=True)
class BankHolidays:
    """England and Wales bank holidays with the unit's corrections."""

    added: frozenset[date] = field(default_factory=frozenset)
    removed: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def with_overrides(
        cls, added: Iterable[date] = (), removed: Iterable[date] = ()
    ) -> BankHolidays:
        return cls(frozenset(added), frozenset(removed))

    def is_holiday(self, day: date) -> bool:
        if day in self.removed:
            return False
        return day in self.added or day in _library_holidays(day.year)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and not self.is_holiday(day)

    def is_business_day(self, day: date) -> bool:
        """A business day for service (CPR 6.2(b)): a working day, and never Good Friday or
        Christmas Day, which the rule names whatever the unit's corrections to the list."""
        if not self.is_working_day(day):
            return False
        named = holidays.country_holidays("GB", subdiv="ENG", years=day.year).get(day)
        return (day.month, day.day) != (12, 25) and named != "Good Friday"

    def name(self, day: date) -> str:
        found = holidays.country_holidays("GB", subdiv="ENG", years=day.year).get(day)
        return str(found) if found else ""


def add_working_days(start: date, count: int, calendar: BankHolidays | None = None) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself does not count)."""
    calendar = calendar or BankHolidays()
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            remaining -= 1
    return day


def default_compliance_deadline(order_date: date, calendar: BankHolidays | None = None) -> date:
    """The last day to comply with an order made on ``order_date``: the end of that day."""
    return add_working_days(order_date, DEFAULT_COMPLIANCE_WORKING_DAYS, calendar)
