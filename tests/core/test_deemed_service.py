"""The day a letter counts as served (CPR 6.26) and the end of the time to apply to set aside
an order made without notice (CPR 23.10(2), 2.8(5)), on the unit's calendar."""

from __future__ import annotations

from datetime import date, time

import pytest

from raptor_desktop.core.deemed_service import (
    Sending,
    SendingMethod,
    claim_form_deemed_served,
    method_named,
    set_aside_by,
)
from raptor_desktop.core.working_days import BankHolidays

CALENDAR = BankHolidays()
FRIDAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("posted", "served"),
    [
        (date(2026, 12, 7), date(2026, 12, 9)),  # Monday: the Wednesday
        (date(2026, 12, 3), date(2026, 12, 7)),  # Thursday: Saturday, so the Monday
        (FRIDAY, date(2026, 12, 7)),  # Friday: Sunday, so the Monday (PD 6A 10.2)
        (date(2026, 12, 23), date(2026, 12, 29)),  # Christmas, a weekend, Boxing Day moved
    ],
)
def test_by_post_or_document_exchange_the_second_day_after_or_the_next_business_day(
    posted: date, served: date
) -> None:
    for method in (SendingMethod.POST, SendingMethod.DOCUMENT_EXCHANGE):
        assert Sending(posted, method).deemed_served(CALENDAR) == served


@pytest.mark.parametrize(
    "method",
    [SendingMethod.HAND, SendingMethod.FAX, SendingMethod.EMAIL, SendingMethod.PERSONAL],
)
def test_by_hand_fax_email_or_in_person_that_day_before_half_past_four(
    method: SendingMethod,
) -> None:
    assert Sending(FRIDAY, method, time(16, 29)).deemed_served(CALENDAR) == FRIDAY
    assert Sending(FRIDAY, method, time(16, 30)).deemed_served(CALENDAR) == date(2026, 12, 7)
    saturday = date(2026, 12, 5)
    assert Sending(saturday, method, time(9)).deemed_served(CALENDAR) == date(2026, 12, 7)


@pytest.mark.parametrize(
    ("step", "served"),
    [
        (date(2026, 12, 7), date(2026, 12, 9)),  # Monday, at any hour: the Wednesday
        (FRIDAY, date(2026, 12, 8)),  # Friday: Monday, then Tuesday
        (date(2026, 12, 5), date(2026, 12, 8)),  # Saturday: the same
        (date(2026, 12, 23), date(2026, 12, 29)),  # the 24th, then past Christmas and Boxing Day
    ],
)
def test_a_claim_form_the_second_business_day_after_the_step_taken(
    step: date, served: date
) -> None:
    assert claim_form_deemed_served(step, CALENDAR) == served


def test_a_day_the_unit_keeps_as_a_holiday_is_no_business_day() -> None:
    kept = BankHolidays.with_overrides(added=[FRIDAY])
    assert Sending(FRIDAY, SendingMethod.EMAIL, time(9)).deemed_served(kept) == date(2026, 12, 7)


def test_unknown_without_the_method_or_the_time_it_turns_on() -> None:
    assert Sending(FRIDAY).deemed_served(CALENDAR) is None
    assert Sending(FRIDAY, SendingMethod.EMAIL).deemed_served(CALENDAR) is None
    assert Sending(FRIDAY, SendingMethod.POST).deemed_served(CALENDAR) == date(2026, 12, 7)


def test_seven_days_after_service_to_apply_to_set_aside_running_on_past_a_closed_day() -> None:
    assert set_aside_by(date(2026, 12, 7), CALENDAR) == date(2026, 12, 14)
    assert set_aside_by(date(2026, 12, 18), CALENDAR) == date(2026, 12, 29)  # Christmas


def test_methods_by_their_short_names_and_a_clear_refusal() -> None:
    assert method_named(" Email ") is SendingMethod.EMAIL
    assert SendingMethod.POST.words == "By first class post"
    with pytest.raises(ValueError, match="'pigeon' is not a way of sending a letter; use one of"):
        method_named("pigeon")


def test_good_friday_and_christmas_day_are_never_business_days() -> None:
    """CPR 6.2(b) names them: a unit that removes them from its holiday list (for its own
    working days) does not make them days a letter is served on."""
    open_then = BankHolidays.with_overrides(removed=[date(2026, 12, 25), date(2026, 4, 3)])
    assert open_then.is_working_day(date(2026, 12, 25))
    assert not open_then.is_business_day(date(2026, 12, 25))
    late = time(17)
    christmas_eve = Sending(date(2026, 12, 24), SendingMethod.EMAIL, late)
    assert christmas_eve.deemed_served(open_then) == date(2026, 12, 29)  # past Boxing Day's
    before_good_friday = Sending(date(2026, 4, 2), SendingMethod.EMAIL, late)
    assert before_good_friday.deemed_served(open_then) == date(2026, 4, 7)  # past Easter Monday
