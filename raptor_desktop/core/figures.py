"""The unit's figures, defined once: the dashboard, the case summary and its data files all
take them from here.

The store reads the facts of a scope (every number with its dates, the items of applications,
the contacts, the check-backs and Type 1 closures); this module counts them. Home Office County
Lines Programme measures, as this unit can know them: a *Type 2 closure* is a number
disconnected under an order; a *check-back* is the check, 28 and 90 days after disconnection,
that the number stays dead; a *Type 1 closure* (the line holder charged) is recorded by hand.
Takings are always an estimate, given with the sources the officers recorded.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from raptor_desktop.core.dates import plural
from raptor_desktop.core.lines import line_name

CHECK_BACK_DAYS = (28, 90)


@dataclass(frozen=True, slots=True)  # one for every number or contact
class NumberFact:
    number_id: int
    display: str
    line_id: int
    brand: str
    operation: str
    areas: tuple[str, ...]
    status: str
    identified_on: date | None
    applied_on: date | None = None  # the application naming it was submitted
    ordered_on: date | None = None
    disconnected_on: date | None = None  # the provider confirmed disconnection
    replaces: int | None = None  # the number of the same line it replaced
    daily_takings_pence: int | None = None  # the line's estimate
    takings_source: str = ""


@dataclass(frozen=True)
class ItemFact:
    reference: str
    number_id: int
    outcome: str | None  # made, refused, adjourned, withdrawn, carved out; None: not yet


@dataclass(frozen=True, slots=True)  # one for every number or contact
class ContactFact:
    areas: tuple[str, ...]  # of the deal lines it was found on
    found_on: date
    texted: bool
    opted_out: bool
    undelivered: bool


@dataclass(frozen=True)
class CheckBack:
    number_id: int
    after_days: int
    still_dead: bool


@dataclass(frozen=True)
class ScopeFacts:
    numbers: tuple[NumberFact, ...]
    items: tuple[ItemFact, ...] = ()
    contacts: tuple[ContactFact, ...] = ()
    check_backs: tuple[CheckBack, ...] = ()
    type1_closures: int = 0


@dataclass(frozen=True)
class Spread:
    """Days between two events: how many, the median and the range."""

    count: int
    median: float | None
    least: int | None
    most: int | None

    @classmethod
    def of(cls, days: list[int]) -> Spread:
        if not days:
            return cls(0, None, None, None)
        return cls(len(days), statistics.median(days), min(days), max(days))

    def text(self) -> str:
        if not self.count:
            return "none yet"
        numbers = plural(self.count, "number")
        if self.least == self.most:
            return f"{plural(self.least or 0, 'day')} ({numbers})"
        return f"median {self.median:g} days (from {self.least} to {self.most}; {numbers})"


@dataclass(frozen=True)
class CheckBackDue:
    number_id: int
    display: str
    after_days: int
    due_on: date


@dataclass(frozen=True)
class ApplicationFigures:
    reference: str
    applied: int
    outcomes: dict[str, int]  # made, refused, withdrawn, carved out, adjourned, pending


@dataclass(frozen=True)
class Figures:
    numbers: int
    lines: int
    by_status: dict[str, int]
    lines_by_area: dict[str, int]
    numbers_by_area_status: dict[str, dict[str, int]]
    lines_by_operation: dict[str, int]
    months: list[str]  # YYYY-MM, oldest first
    identified_per_month: list[int]
    disconnected_per_month: list[int]
    type2_closures: int
    type1_closures: int
    check_backs_done: int
    check_backs_failed: int  # the number was found alive again
    check_backs_due: list[CheckBackDue]
    applications: list[ApplicationFigures]
    to_application: Spread
    to_order: Spread
    to_disconnection: Spread
    re_emerged_brands: list[str]
    lines_with_orders: int
    days_to_re_emergence: Spread
    takings_disrupted_pence: int
    takings_sources: list[str]
    outreach: dict[str, int]
    outreach_by_area: dict[str, dict[str, int]] = field(default_factory=dict)
    outreach_by_month: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def re_emergence_rate(self) -> float | None:
        if not self.lines_with_orders:
            return None
        return len(self.re_emerged_brands) / self.lines_with_orders


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _months(first: date, last: date) -> list[str]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _days(start: date | None, end: date | None) -> int | None:
    return (end - start).days if start and end and end >= start else None


def compute(facts: ScopeFacts, today: date) -> Figures:
    """Every figure of the scope, as of ``today``."""
    numbers = facts.numbers
    by_id = {n.number_id: n for n in numbers}
    lines = {n.line_id: n for n in numbers}
    dated = [d for n in numbers for d in (n.identified_on, n.disconnected_on) if d]
    months = _months(min(dated), max(dated)) if dated else []
    identified = Counter(month_of(n.identified_on) for n in numbers if n.identified_on)
    disconnected = Counter(month_of(n.disconnected_on) for n in numbers if n.disconnected_on)
    by_area_status: dict[str, Counter[str]] = {}
    lines_by_area: Counter[str] = Counter()
    for line in lines.values():
        lines_by_area.update(line.areas or ("(no area)",))
    for n in numbers:
        for area in n.areas or ("(no area)",):
            by_area_status.setdefault(area, Counter())[n.status] += 1
    closed = [n for n in numbers if n.disconnected_on and n.ordered_on]
    checks = {(c.number_id, c.after_days): c for c in facts.check_backs}
    due = [
        CheckBackDue(n.number_id, n.display, days, n.disconnected_on + timedelta(days=days))
        for n in closed
        if n.disconnected_on
        for days in CHECK_BACK_DAYS
        if (n.number_id, days) not in checks and n.disconnected_on + timedelta(days=days) <= today
    ]
    re_emerged, re_days = _re_emergence(numbers, by_id)
    ordered_lines = {n.line_id for n in numbers if n.ordered_on}
    disrupted = {n.line_id: n for n in numbers if n.disconnected_on}
    return Figures(
        numbers=len(numbers),
        lines=len(lines),
        by_status=dict(Counter(n.status for n in numbers).most_common()),
        lines_by_area=dict(sorted(lines_by_area.items())),
        numbers_by_area_status={a: dict(c) for a, c in sorted(by_area_status.items())},
        lines_by_operation=dict(sorted(Counter(n.operation for n in lines.values()).items())),
        months=months,
        identified_per_month=[identified[m] for m in months],
        disconnected_per_month=[disconnected[m] for m in months],
        type2_closures=len(closed),
        type1_closures=facts.type1_closures,
        check_backs_done=len(checks),
        check_backs_failed=sum(not c.still_dead for c in checks.values()),
        check_backs_due=sorted(due, key=lambda d: (d.due_on, d.display)),
        applications=_applications(facts.items),
        to_application=Spread.of(_spread(numbers, "applied_on")),
        to_order=Spread.of(_spread(numbers, "ordered_on")),
        to_disconnection=Spread.of(_spread(numbers, "disconnected_on")),
        re_emerged_brands=re_emerged,
        lines_with_orders=len(ordered_lines),
        days_to_re_emergence=Spread.of(re_days),
        takings_disrupted_pence=sum(n.daily_takings_pence or 0 for n in disrupted.values()),
        takings_sources=sorted({n.takings_source for n in disrupted.values() if n.takings_source}),
        outreach=_counts(list(facts.contacts)),
        outreach_by_area=_outreach_by(facts.contacts, lambda c: c.areas or ("(no area)",)),
        outreach_by_month=_outreach_by(facts.contacts, lambda c: (month_of(c.found_on),)),
    )


def _spread(numbers: tuple[NumberFact, ...], until: str) -> list[int]:
    found = (_days(n.identified_on, getattr(n, until)) for n in numbers)
    return [d for d in found if d is not None]


def _re_emergence(
    numbers: tuple[NumberFact, ...], by_id: dict[int, NumberFact]
) -> tuple[list[str], list[int]]:
    """Brands that moved to a new number after an order on the one it replaced."""
    brands: set[str] = set()
    days: list[int] = []
    for n in numbers:
        old = by_id.get(n.replaces) if n.replaces else None
        if old is None or old.ordered_on is None or n.identified_on is None:
            continue
        if n.identified_on >= old.ordered_on:
            brands.add(line_name(n.brand))
            days.append((n.identified_on - old.ordered_on).days)
    return sorted(brands, key=str.casefold), days


def _applications(items: tuple[ItemFact, ...]) -> list[ApplicationFigures]:
    by_reference: dict[str, list[ItemFact]] = {}
    for item in items:
        by_reference.setdefault(item.reference, []).append(item)
    return [
        ApplicationFigures(
            reference,
            len(found),
            dict(Counter(i.outcome or "pending" for i in found).most_common()),
        )
        for reference, found in sorted(by_reference.items())
    ]


OUTREACH_KEYS = ("identified", "texted", "opted out", "undelivered")


def _counts(contacts: list[ContactFact]) -> dict[str, int]:
    return {
        "identified": len(contacts),
        "texted": sum(c.texted for c in contacts),
        "opted out": sum(c.opted_out for c in contacts),
        "undelivered": sum(c.undelivered for c in contacts),
    }


def _outreach_by(
    contacts: tuple[ContactFact, ...], keys: Callable[[ContactFact], tuple[str, ...]]
) -> dict[str, dict[str, int]]:
    groups: dict[str, list[ContactFact]] = {}
    for contact in contacts:
        for key in keys(contact):
            groups.setdefault(key, []).append(contact)
    return {key: _counts(found) for key, found in sorted(groups.items())}
