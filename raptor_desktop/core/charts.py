"""Charts as data: one definition that the case summary draws with ReportLab and the
dashboard paints with QPainter, so that paper and screen show the same thing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from raptor_desktop.core.figures import Figures, ScopeFacts, month_of
from raptor_desktop.core.statuses import Status


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]
    colour: str  # #rrggbb
    members: tuple[tuple[int, ...], ...] = ()  # the numbers behind each bar, for a click

    def numbers_at(self, index: int) -> tuple[int, ...]:
        return self.members[index] if index < len(self.members) else ()


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    stacked: bool = False
    note: str = ""

    @property
    def empty(self) -> bool:
        return not self.categories or not any(v for s in self.series for v in s.values)

    def numbers(self, category: str, series: str) -> tuple[int, ...]:
        """The numbers behind one bar (empty if the chart does not know them)."""
        if category not in self.categories:
            return ()
        index = self.categories.index(category)
        return next((s.numbers_at(index) for s in self.series if s.name == series), ())

    def most(self) -> int:
        if self.stacked:
            return max(
                (sum(col) for col in zip(*(s.values for s in self.series), strict=True)), default=0
            )
        return max((v for s in self.series for v in s.values), default=0)


def axis_step(most: int) -> int:
    """A round step for the value axis (1, 2 or 5 times a power of ten): six steps at most."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if most <= 6 * factor * power:
                return factor * power
        power *= 10


STATUS_COLOURS = {
    Status.IDENTIFIED.value: "#9e9e9e",
    Status.GATHERING_EVIDENCE.value: "#f2c14e",
    Status.READY.value: "#f78154",
    Status.IN_APPLICATION.value: "#4d9de0",
    Status.ORDER_MADE.value: "#3a6ea5",
    Status.DISCONNECTED.value: "#2e7d32",
    Status.REFUSED.value: "#b00020",
    Status.WITHDRAWN.value: "#6d4c41",
    Status.ORDER_CEASED.value: "#a1887f",
    Status.RE_EMERGED.value: "#8e24aa",
}


def month_label(month: str) -> str:
    """``2026-03`` → ``Mar 26``."""
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    year, number = month.split("-")
    return f"{names[int(number) - 1]} {year[2:]}"


def _by_month(facts: ScopeFacts, months: list[str], when: str) -> tuple[tuple[int, ...], ...]:
    ids: dict[str, list[int]] = {m: [] for m in months}
    for n in facts.numbers:
        day = getattr(n, when)
        if day is not None and month_of(day) in ids:
            ids[month_of(day)].append(n.number_id)
    return tuple(tuple(ids[m]) for m in months)


def identified_and_disconnected(figures: Figures, facts: ScopeFacts, last: int = 12) -> BarChart:
    """Numbers identified and disconnected in each of the last ``last`` months."""
    months = figures.months[-last:]
    return BarChart(
        "Numbers identified and disconnected, by month",
        tuple(month_label(m) for m in months),
        (
            Series(
                "identified",
                tuple(figures.identified_per_month[-last:]),
                "#4d9de0",
                _by_month(facts, months, "identified_on"),
            ),
            Series(
                "disconnected",
                tuple(figures.disconnected_per_month[-last:]),
                "#2e7d32",
                _by_month(facts, months, "disconnected_on"),
            ),
        ),
    )


def numbers_by_area_and_status(figures: Figures, facts: ScopeFacts) -> BarChart:
    areas = tuple(figures.numbers_by_area_status)
    statuses = [
        s.value
        for s in Status
        if any(s.value in counts for counts in figures.numbers_by_area_status.values())
    ]

    def members(status: str) -> tuple[tuple[int, ...], ...]:
        return tuple(
            tuple(
                n.number_id
                for n in facts.numbers
                if n.status == status and area in (n.areas or ("(no area)",))
            )
            for area in areas
        )

    return BarChart(
        "Numbers by area and status",
        areas,
        tuple(
            Series(
                status,
                tuple(figures.numbers_by_area_status[a].get(status, 0) for a in areas),
                STATUS_COLOURS.get(status, "#757575"),
                members(status),
            )
            for status in statuses
        ),
        stacked=True,
        note="A number on a line that serves two areas counts in each.",
    )


DAYS_BUCKETS = ((0, 30), (31, 60), (61, 90), (91, 180), (181, 365), (366, None))


def time_to_disconnection(facts: ScopeFacts) -> BarChart:
    """How long from identification to the provider's confirmation, number by number."""
    buckets: list[list[int]] = [[] for _ in DAYS_BUCKETS]
    for n in facts.numbers:
        if n.identified_on and n.disconnected_on and n.disconnected_on >= n.identified_on:
            days = (n.disconnected_on - n.identified_on).days
            for index, (low, high) in enumerate(DAYS_BUCKETS):
                if days >= low and (high is None or days <= high):
                    buckets[index].append(n.number_id)
    return BarChart(
        "Days from identification to disconnection",
        tuple(
            f"{low}–{high}" if high is not None else f"over {low - 1}" for low, high in DAYS_BUCKETS
        ),
        (
            Series(
                "numbers disconnected",
                tuple(len(b) for b in buckets),
                "#2e7d32",
                tuple(tuple(b) for b in buckets),
            ),
        ),
    )


def takings_disrupted(figures: Figures, facts: ScopeFacts, last: int = 12) -> BarChart:
    """The estimated daily takings of the lines disconnected in each month (each line once,
    in the month of its first disconnection), in pounds: an estimate."""
    months = figures.months[-last:]
    first: dict[int, tuple[str, int, int]] = {}
    for n in sorted(facts.numbers, key=lambda n: n.disconnected_on or date.max):
        if n.disconnected_on and n.line_id not in first:
            first[n.line_id] = (
                month_of(n.disconnected_on),
                n.daily_takings_pence or 0,
                n.number_id,
            )
    pounds = tuple(sum(p for m, p, _i in first.values() if m == month) // 100 for month in months)
    return BarChart(
        "Estimated daily takings of the lines disconnected, by month (£, an estimate)",
        tuple(month_label(m) for m in months),
        (
            Series(
                "£ a day (estimate)",
                pounds,
                "#f78154",
                tuple(tuple(i for m, _p, i in first.values() if m == month) for month in months),
            ),
        ),
        note="Estimates from the sources officers recorded (test purchases, debriefs, volume).",
    )


def dashboard_charts(figures: Figures, facts: ScopeFacts) -> list[BarChart]:
    """The charts the home screen and the case summary draw, in that order."""
    return [
        identified_and_disconnected(figures, facts),
        numbers_by_area_and_status(figures, facts),
        time_to_disconnection(facts),
        takings_disrupted(figures, facts),
    ]
