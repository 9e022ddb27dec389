"""When a letter sent to a provider counts as served on it (CPR 6.26), and what follows.

A document other than a claim form is deemed served on a day fixed by how it was sent: by
first class post or document exchange the second day after it was posted (or left with the
document exchange), if that is a business day, else the next business day; delivered to or
left at the address, sent by fax or email, or served personally, that day if it was a business
day and before 4.30pm, else the next business day. A business day is any day but a Saturday,
a Sunday, a bank holiday, Good Friday or Christmas Day (CPR 6.2(b)): the unit's
working-day calendar, Good Friday and Christmas Day never business days whatever the unit's
corrections to it.

A claim form is deemed served on the second business day after the step taken to serve it
(CPR 6.14): posting it, leaving it with the document exchange, delivering it, sending the fax
or email, or serving it personally (CPR 7.5(1)).

An order made without notice may be applied against, to set it aside or vary it, within 7 days
after the date it was served on the applicant for that (CPR 23.10(2)); a period ending on a
day the court office is closed runs to the next day it is open (CPR 2.8(5)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from raptor_desktop.core.dates import full_date
from raptor_desktop.core.working_days import BankHolidays

CUT_OFF = time(16, 30)
"""Sent by hand, fax, email or personally at or after this, a letter is served the next
business day (CPR 6.26)."""

SET_ASIDE_DAYS = 7  # CPR 23.10(2)
ACKNOWLEDGE_DAYS = 14  # CPR 8.3(1)(a): a Part 8 claim's acknowledgment of service


class SendingMethod(StrEnum):
    """How a letter went: the methods of CPR 6.26, as a letter's heading names them."""

    POST = "post"
    DOCUMENT_EXCHANGE = "dx"
    HAND = "hand"
    FAX = "fax"
    EMAIL = "email"
    PERSONAL = "personal"

    @property
    def words(self) -> str:
        """The method as the heading of a letter puts it: "By first class post"."""
        return _WORDS[self]

    @property
    def needs_time(self) -> bool:
        """Whether the day it is served turns on the time it went (the 4.30pm rule)."""
        return self not in (SendingMethod.POST, SendingMethod.DOCUMENT_EXCHANGE)


_WORDS = {
    SendingMethod.POST: "By first class post",
    SendingMethod.DOCUMENT_EXCHANGE: "By document exchange",
    SendingMethod.HAND: "By hand",
    SendingMethod.FAX: "By fax",
    SendingMethod.EMAIL: "By email",
    SendingMethod.PERSONAL: "By personal service",
}


ELSEWHERE = (SendingMethod.DOCUMENT_EXCHANGE, SendingMethod.FAX, SendingMethod.EMAIL)
"""The methods by which a letter goes somewhere other than the address it bears."""


def method_named(text: str) -> SendingMethod:
    """The method from its short name ("post", "dx", "hand", "fax", "email", "personal")."""
    try:
        return SendingMethod(text.strip().casefold())
    except ValueError:
        known = ", ".join(m.value for m in SendingMethod)
        raise ValueError(
            f"{text.strip()!r} is not a way of sending a letter; use one of {known}"
        ) from None


def sending_time_problem(
    what: str, sent_on: date, method: SendingMethod, at: time | None, now: datetime
) -> str | None:
    """Why ``what`` ("the letter", "the notice") cannot be recorded as sent on ``sent_on``
    ``method`` at ``at``, or None. By hand, fax, email or in person the time is needed
    (before 4.30pm it is served that day) and cannot be later than ``now``; by post or DX it
    plays no part, and is refused."""
    if not method.needs_time:
        if at is None:
            return None
        return (
            f"{method.words.lower()}, the time {what} went plays no part in the day it is "
            "served (CPR 6.26): leave the time out"
        )
    if at is None:
        return (
            f"give the time {what} went {method.words.lower()}: sent before 4.30pm on a "
            "business day it is served that day, else the next business day (CPR 6.26)"
        )
    if datetime.combine(sent_on, at) > now:
        return f"{what}'s time {at.strftime('%H:%M')} on {full_date(sent_on)} is in the future"
    return None


@dataclass(frozen=True)
class Sending:
    """A letter as it went: the day, how, where to (the address, DX box, fax number or email
    address: ``core.service_routes``), by fax or email the provider's written agreement it
    went under, and, where the day it is served turns on it, the time. A letter recorded
    before the method was asked for has none of those."""

    on: date
    method: SendingMethod | None = None
    at: time | None = None
    to: str = ""
    under: str = ""

    @property
    def how(self) -> str:
        """How it went, as a letter's heading puts it: "By email to orders@vodafone.example"
        (the destination named where it is not the address the letter itself bears)."""
        if self.method is None:
            return ""
        routed = self.method in ELSEWHERE and self.to
        return f"{self.method.words} to {self.to}" if routed else self.method.words

    def deemed_served(self, calendar: BankHolidays) -> date | None:
        """The day the letter is deemed served (CPR 6.26), or None when how (or, by hand,
        fax, email or in person, at what time) it went is not recorded."""
        if self.method is None:
            return None
        if not self.method.needs_time:
            return _business_day_from(self.on + timedelta(days=2), calendar)
        if self.at is None:
            return None
        if calendar.is_business_day(self.on) and self.at < CUT_OFF:
            return self.on
        return _business_day_from(self.on + timedelta(days=1), calendar)


def claim_form_deemed_served(step_on: date, calendar: BankHolidays) -> date:
    """The day a claim form is deemed served: the second business day after the day of the
    step taken to serve it (posted, left with the DX, delivered, sent by fax or email, or
    served personally), whatever the time of day (CPR 6.14, 7.5(1))."""
    day, counted = step_on, 0
    while counted < 2:
        day += timedelta(days=1)
        counted += calendar.is_business_day(day)
    return day


def days_after(served: date, days: int, calendar: BankHolidays) -> date:
    """The last day of a period of ``days`` after ``served``: a period ending on a day the
    court office is closed runs to the next day it is open (CPR 2.8(5))."""
    return _business_day_from(served + timedelta(days=days), calendar)


def set_aside_by(served: date, calendar: BankHolidays) -> date:
    """The last day to apply to set aside or vary an order made without notice, served on
    ``served`` (CPR 23.10(2), 2.8(5))."""
    return days_after(served, SET_ASIDE_DAYS, calendar)


def _business_day_from(day: date, calendar: BankHolidays) -> date:
    while not calendar.is_business_day(day):
        day += timedelta(days=1)
    return day
