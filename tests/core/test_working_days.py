from __future__ import annotations

from datetime import date, datetime

import pytest

from raptor_desktop.core.orders import DeadlineKind, compliance_deadline
from raptor_desktop.core.working_days import BankHolidays, default_compliance_deadline


@pytest.mark.parametrize(
    ("order_date", "deadline"),
    [
        (date(2021, 5, 14), date(2021, 5, 21)),  # Friday: the Clerkenwell orders
        (date(2026, 11, 30), date(2026, 12, 7)),  # Monday: the weekend falls inside
        (date(2026, 11, 28), date(2026, 12, 4)),  # Saturday: count from Monday
        (date(2026, 4, 1), date(2026, 4, 10)),  # Good Friday 3 April, Easter Monday 6 April
        (date(2026, 4, 2), date(2026, 4, 13)),
        (date(2026, 12, 22), date(2026, 12, 31)),  # Christmas Friday, Boxing Day on Monday 28th
        (date(2027, 12, 23), date(2028, 1, 4)),  # Christmas, Boxing Day, New Year substituted
        (date(2026, 5, 22), date(2026, 6, 1)),  # spring bank holiday 25 May
    ],
)
def test_fifth_working_day(order_date: date, deadline: date) -> None:
    assert default_compliance_deadline(order_date) == deadline


def test_unit_can_add_and_remove_holidays() -> None:
    extra = BankHolidays.with_overrides(added=[date(2026, 12, 1)])
    assert default_compliance_deadline(date(2026, 11, 30), extra) == date(2026, 12, 8)
    fewer = BankHolidays.with_overrides(removed=[date(2026, 4, 3), date(2026, 4, 6)])
    assert default_compliance_deadline(date(2026, 4, 1), fewer) == date(2026, 4, 8)


def test_default_deadline_is_end_of_day() -> None:
    assert compliance_deadline(date(2021, 5, 14)) == datetime(2021, 5, 21, 23, 59)


def test_court_set_and_agreed_times() -> None:
    set_at = datetime(2021, 5, 17, 16, 0)
    assert compliance_deadline(date(2021, 5, 14), DeadlineKind.COURT, set_at) == set_at
    assert compliance_deadline(date(2021, 5, 14), DeadlineKind.AGREED, set_at) == set_at
    with pytest.raises(ValueError, match="needs its date and time"):
        compliance_deadline(date(2021, 5, 14), DeadlineKind.COURT)
    with pytest.raises(ValueError, match="before the date of the order"):
        compliance_deadline(date(2021, 5, 14), DeadlineKind.COURT, datetime(2021, 5, 13, 9, 0))
