"""Dates as people read them: in full for documents, dd/mm/yyyy on screen, ISO in files."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, time


def full_date(day: date) -> str:
    """``14 May 2021``: how dates are written in court documents."""
    return f"{day.day} {day:%B %Y}"


def full_moment(moment: datetime) -> str:
    """``10.30 am on Thursday 17 December 2026``: a time an order requires, in full.

    The last minute of a day is its end, "midnight at the end of Thursday 17 December 2026":
    reg 3(5)'s default is the end of the fifth working day, which "11.59 pm" cuts short.
    """
    if moment.minute == 0 and moment.hour in (0, 12):  # "12.00 am" is read both ways
        clock = "midnight at the start of" if moment.hour == 0 else "noon on"
        return f"{clock} {moment:%A} {full_date(moment.date())}"
    if (moment.hour, moment.minute) == (23, 59):
        return f"midnight at the end of {moment:%A} {full_date(moment.date())}"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}.{moment.minute:02d} {suffix} on {moment:%A} {full_date(moment.date())}"


def uk_date(day: date | str | None) -> str:
    """``21/05/2021``: how dates are shown in the window (from a date or ISO text)."""
    if not day:
        return ""
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    # not strftime, which imports the time module on every call (through PySide6's import
    # hook once it is loaded): the Lines view formats two dates a row as it scrolls
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def to_iso(day: date | None) -> str | None:
    """A date as stored (``YYYY-MM-DD``), or None."""
    return day.isoformat() if day else None


def from_iso(text: str | None) -> date | None:
    """A stored ``YYYY-MM-DD`` as a date, or None."""
    return date.fromisoformat(text) if text else None


def plural(count: int, word: str, words: str = "") -> str:
    """'1 number', '2 numbers'; ``words`` for a plural not made with -s ('batches')."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


_UK = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def parse_date(text: str) -> date:
    """A date as officers write it (``14/05/2021``) or as files do (``2021-05-14``).

    ValueError says, in words, what is wrong: not a date, or a day the month does not have.
    """
    uk, iso = _UK.match(text), _ISO.match(text)
    if uk:
        day, month, year = (int(g) for g in uk.groups())
    elif iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        raise ValueError(f"{text.strip()!r} is not a date: write it as dd/mm/yyyy or yyyy-mm-dd")
    if not 1 <= month <= 12:
        raise ValueError(f"{text.strip()!r} is not a date: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(
            f"{text.strip()!r} is not a date: {MONTHS[month - 1]} {year} has {last} days"
        )
    return date(year, month, day)


_CLOCK = re.compile(r"([01]?\d|2[0-3])[:.]?([0-5]\d)")


def clock_time(text: str) -> str:
    """A time of day as officers write it (``10:30``, ``10.30``, ``1030``, ``9.30``) in the
    24-hour ``HH:MM`` the documents print; the text as it was when it is no such time."""
    try:
        return parse_clock(text).strftime("%H:%M")
    except ValueError:
        return text.strip()


def parse_clock(text: str) -> time:
    """A time of day as officers write it (see :func:`clock_time`), or a ValueError."""
    found = _CLOCK.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"{text.strip()!r} is not a time of day: write it as HH:MM, e.g. 14:05")
    return time(int(found.group(1)), int(found.group(2)))


def _local(utc: str) -> datetime:
    moment = datetime.fromisoformat(utc.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def local_time(utc: str) -> str:
    """``2026-12-01T13:50:12Z`` (UTC, as the log keeps it) → ``01/12/2026 13:50:12`` in the
    workstation's own time zone (UK time on a unit's workstation)."""
    return _local(utc).strftime("%d/%m/%Y %H:%M:%S")


def local_day(utc: str) -> date:
    """The day, in the workstation's time zone, of a UTC time the register keeps: a change
    made at 00:30 on a summer night is that day's, not the UTC day before."""
    return _local(utc).date()
